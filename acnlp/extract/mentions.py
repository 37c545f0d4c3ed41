"""What the extractors return: small frozen value objects that keep the words, the value and the span.

Every mention carries ``text``, ``start`` and ``end``: ``text == status[start:end]`` in the
*normalised* status (`acnlp.normalize.normalize`), so an audit report can highlight it.
Equality is by value, so test tables compare whole objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

Precision = Literal["day", "month", "quarter", "half_year"]
DateKind = Literal["date", "range", "as_of", "period"]


@dataclass(frozen=True)
class DateMention:
    """A date, a month, a range or a period.

    ``value`` is ISO to its ``precision``: ``2019-02-26`` (day), ``2019-02`` (month),
    ``2019-Q3`` (quarter), ``2019-H1`` (half-year). A range has its start in ``value`` and its
    end in ``until``; ``as_of`` marks «станом на …»; ``period`` marks quarters and half-years.
    """

    text: str
    start: int
    end: int
    value: str
    precision: Precision
    kind: DateKind = "date"
    until: Optional[str] = None


@dataclass(frozen=True)
class DocRef:
    """A reference to a document: «наказ ДМС від 26.02.2019 № 29/аг».

    ``type`` is the lemma of the document word (``наказ``, ``протокол``…) or None; ``number``
    is as written after «№» (without it); ``date`` is an ISO day; ``issuer`` and ``title`` are
    as written, when the text gives them.
    """

    text: str
    start: int
    end: int
    type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None


@dataclass(frozen=True)
class Count:
    """A number of things: «п'ять внутрішніх аудитів» → ``value`` 5, ``noun`` «аудит»."""

    text: str
    start: int
    end: int
    value: int
    noun: str


@dataclass(frozen=True)
class Percent:
    """A percentage: «95 %», «100 відсотків». Kept apart from counts."""

    text: str
    start: int
    end: int
    value: float


DeadlineKind = Literal["date", "month", "months", "period", "year", "recurring", "conditional", "unknown"]


@dataclass(frozen=True)
class Deadline:
    """The Строк column as a structure.

    ``kind`` is the main reading: a concrete ``date`` or ``month``, a list of ``months``
    (or dates), a quarter or half-year ``period``, a whole ``year`` («протягом 2019 року»),
    ``recurring`` («постійно», «щокварталу»), ``conditional`` («у разі …», «у встановлені
    строки»), or ``unknown``. ``due`` is the latest concrete due date (ISO day) where the text
    gives one, so a row can be checked for being overdue; ``recurrence`` names the rhythm
    (``continuous``, ``daily``, ``weekly``, ``monthly``, ``quarterly``, ``half_yearly``,
    ``yearly``, ``within_period``); ``condition`` holds the words of a condition.
    """

    text: str
    kind: DeadlineKind
    due: Optional[str] = None
    dates: tuple[DateMention, ...] = ()
    recurrence: Optional[str] = None
    condition: Optional[str] = None

    def as_dict(self) -> dict[str, Any]:
        """`dataclasses.asdict`'s dict, built directly (see `Extraction.as_dict`): a fresh copy,
        so a caller may change it without touching the cached reading.

        >>> Deadline("2019", "year", due="2019-12-31").as_dict()["due"]
        '2019-12-31'
        """
        return {"text": self.text, "kind": self.kind, "due": self.due,
                "dates": tuple(dict(item.__dict__) for item in self.dates),
                "recurrence": self.recurrence, "condition": self.condition}


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one status cell; spans refer to ``text``, the normalised status."""

    text: str
    dates: tuple[DateMention, ...] = ()
    orders: tuple[DocRef, ...] = ()
    counts: tuple[Count, ...] = ()
    percents: tuple[Percent, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields: ``dates``, ``orders``, ``counts``, ``percents`` (lists of dicts).

        The same dicts as `dataclasses.asdict`, fields in their order, made a tenth as fast: a
        mention holds nothing but strings and numbers, so a copy of its ``__dict__`` is all
        ``asdict`` would build with its recursive deep copy (an eighth of a warm analysis).

        >>> Extraction("5 %", percents=(Percent("5 %", 0, 3, 5.0),)).as_dict()["percents"]
        [{'text': '5 %', 'start': 0, 'end': 3, 'value': 5.0}]
        """
        return {
            "dates": [dict(item.__dict__) for item in self.dates],
            "orders": [dict(item.__dict__) for item in self.orders],
            "counts": [dict(item.__dict__) for item in self.counts],
            "percents": [dict(item.__dict__) for item in self.percents],
        }
