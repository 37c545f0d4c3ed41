"""The period a report covers, read from its title: the date an `overdue` check compares with.

«… за ІІІ квартал 2019 року …» ends on 2019-09-30; «… на 2019 рік» on 2019-12-31; where the
title names both («за ІІІ квартал 2019 року про виконання програми на 2019 рік»), the
narrower one is the period reported on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from ..extract.dates import YEAR_MENTION, extract_dates, first_day, last_day, month_end
from ..normalize import normalize

#: «за 9 місяців 2019 року»: the first N months.
MONTHS_IN_TITLE = re.compile(r"за\s+(?P<months>\d{1,2})\s+місяц\w*\s+(?P<year>(?:19|20)\d\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """The period a report covers: its last day and its year (None where the title does not say)."""

    end: Optional[dt.date]
    year: Optional[int]
    text: str = ""


def report_period(title: str) -> Period:
    """The period of a report from its title.

    >>> report_period("Звіт за ІІІ квартал 2019 року про виконання програми на 2019 рік")
    Period(end=datetime.date(2019, 9, 30), year=2019, text='ІІІ квартал 2019 року')
    >>> report_period("ЗВІТНА ІНФОРМАЦІЯ про виконання Антикорупційної програми на 2019 рік").end
    datetime.date(2019, 12, 31)
    >>> report_period("Звіт")
    Period(end=None, year=None, text='')
    """
    text = normalize(title)
    months = MONTHS_IN_TITLE.search(text)
    if months and 1 <= int(months.group("months")) <= 12:
        year, month = int(months.group("year")), int(months.group("months"))
        return Period(month_end(year, month), year, months.group(0))
    periods = [d for d in extract_dates(text) if d.kind in ("period", "range") or d.precision == "month"]
    if periods:
        # the narrowest period named is the one reported on
        chosen = min(periods, key=lambda d: (last_day(d) - first_day(d)).days)
        return Period(last_day(chosen), int(chosen.value[:4]), chosen.text)
    years = list(YEAR_MENTION.finditer(text))
    if years:
        year = int(years[-1].group("year"))
        return Period(dt.date(year, 12, 31), year, years[-1].group(0))
    return Period(None, None)
