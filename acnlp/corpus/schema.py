"""One corpus record: a status cell with its context, its label and its gold extractions.

See ``corpus/GUIDELINES.md`` for what each field means and how it is annotated.
"""

from __future__ import annotations

import re
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..normalize import normalize

Label = Literal["done", "in_progress", "not_applicable", "boilerplate"]
LABELS: tuple[str, ...] = ("done", "in_progress", "not_applicable", "boilerplate")

BodyType = Literal[
    "central_executive",
    "oblast_administration",
    "district_administration",
    "city_council",
    "territorial_community",
    "university",
    "school",
    "hospital",
    "state_enterprise",
    "police",
    "court_administration",
    "regulator",
    "tax_service",
    "customs",
    "emergency_service",
    "pension_fund",
    "municipal_enterprise",
    "village_council",
    "monitoring",
    "other",
]

_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
_VALUE_BY_PRECISION = {
    "day": re.compile(rf"^{_ISO_DAY}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
    "half_year": re.compile(r"^\d{4}-H[12]$"),
}


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1, description="the words as they stand in the status")


class DateGold(_Gold):
    value: str
    precision: Literal["day", "month", "quarter", "half_year"]
    kind: Literal["date", "range", "as_of", "period"] = "date"
    until: Optional[str] = None

    @model_validator(mode="after")
    def _value_matches_precision(self) -> "DateGold":
        if not _VALUE_BY_PRECISION[self.precision].match(self.value):
            raise ValueError(f"date value {self.value!r} is not written as its precision {self.precision!r} needs")
        if self.until is not None and not re.match(rf"^{_ISO_DAY}$|^\d{{4}}-\d{{2}}$", self.until):
            raise ValueError(f"range end {self.until!r} is not an ISO date or month")
        if (self.kind == "range") != (self.until is not None):
            raise ValueError("a range needs `until`, and only a range has it")
        return self


class OrderGold(_Gold):
    type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = Field(default=None, pattern=rf"^{_ISO_DAY}$")
    issuer: Optional[str] = None
    title: Optional[str] = None

    @model_validator(mode="after")
    def _number_or_date(self) -> "OrderGold":
        if self.number is None and self.date is None:
            raise ValueError("a document reference needs a number or a date")
        return self


class CountGold(_Gold):
    value: int = Field(ge=0)
    noun: str = Field(min_length=1)


class CorpusRecord(BaseModel):
    """A labelled status cell. Gold items' ``text`` must stand in the (normalised) status."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    group: str = Field(min_length=1, description="the unit of the train/dev/test split")
    body_type: BodyType = "other"
    year: Optional[int] = Field(default=None, ge=2010, le=2030)
    period: Optional[str] = None
    measure: Optional[str] = None
    deadline: Optional[str] = None
    status: str
    label: Label
    dates: tuple[DateGold, ...] = ()
    orders: tuple[OrderGold, ...] = ()
    counts: tuple[CountGold, ...] = ()

    @field_validator("id", "group")
    @classmethod
    def _no_spaces(cls, value: str) -> str:
        if value != value.strip() or " " in value:
            raise ValueError("must not contain spaces")
        return value

    @model_validator(mode="after")
    def _gold_text_in_status(self) -> "CorpusRecord":
        status = normalize(self.status)
        for field in ("dates", "orders", "counts"):
            for item in getattr(self, field):
                if normalize(item.text) not in status:
                    raise ValueError(f"{field}: {item.text!r} does not stand in the status")
        return self
