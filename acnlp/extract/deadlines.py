"""The Строк column as a structure: `parse_deadline`.

A deadline cell mixes concrete dates («До 25 квітня 2019 року», «Березень Червень Вересень
Грудень 2019 року»), periods («ІІІ квартал»), whole years («Протягом 2019 року»), rhythms
(«постійно», «щокварталу») and conditions («у разі …», «у встановлені законодавством
строки»). `parse_deadline` names the main reading (`Deadline.kind`) and keeps the others, and
gives ``due``, the latest concrete day, so a row can be checked for being overdue.

>>> deadline = parse_deadline("Березень Червень Вересень Грудень 2019 року")
>>> deadline.kind, deadline.due, [d.value for d in deadline.dates]
('months', '2019-12-31', ['2019-03', '2019-06', '2019-09', '2019-12'])
>>> parse_deadline("протягом року", year=2019).due, parse_deadline("постійно").recurrence
('2019-12-31', 'continuous')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..data import load_lexicon
from ..normalize import normalize
from ._grammar import WORD_END, WORD_START, alternation, overlaps
from .dates import (
    MONTH_NAME,
    YEAR_MENTION,
    extract_dates,
    last_day,
    month_end,
    month_numbers,
)
from .mentions import DateMention, Deadline

#: Months that share the year written after the last of them: «Березень Червень … 2019 року».
MONTH_LIST = re.compile(
    rf"""{WORD_START}(?P<months>{MONTH_NAME}(?:\s*[,;]?\s*(?:(?:та|і|й)\s+)?{MONTH_NAME})+){WORD_END}  # two or more months
    \s+(?P<year>(?:19|20)\d\d)(?!\d)(?:\s?(?:року|рік|р\.|р){WORD_END})?                         # the year they share""",
    re.IGNORECASE | re.VERBOSE,
)
#: A duration counted from an event: «Протягом 3 робочих днів з моменту надходження …».
RELATIVE = re.compile(
    r"(?:протягом|упродовж|впродовж|не пізніше)\s+\d+\s+(?:\w+\s+)?(?:днів|дня|дні|тижнів|тижня|місяців|місяця|годин)",
    re.IGNORECASE,
)
#: A whole year without its number: «протягом року» takes the report's year.
#: «протягом року», Russian «в течение года»: the report's year.
THIS_YEAR = re.compile(
    r"(?:(?:протягом|упродовж|впродовж)\s+(?:поточного\s+)?року|(?:в\s+течение|на\s+протяжении)\s+(?:текущего\s+)?года)(?![\w'])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def deadline_phrases() -> dict[str, tuple[str, ...]]:
    """The roles of ``deadline_words.txt`` → their phrases."""
    table: dict[str, list[str]] = {}
    for role, phrase in load_lexicon("deadline_words.txt"):
        table.setdefault(role, []).append(phrase)
    return {role: tuple(phrases) for role, phrases in table.items()}


@lru_cache(maxsize=1)
def _phrase_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (role, re.compile(rf"{WORD_START}{alternation(phrases)}{WORD_END}", re.IGNORECASE))
        for role, phrases in deadline_phrases().items()
    )


def _month_list(text: str) -> list[DateMention]:
    """Each month of a month list, with the year written after the list."""
    mentions = []
    for match in MONTH_LIST.finditer(text):
        year = int(match.group("year"))
        for month in re.finditer(MONTH_NAME, match.group("months"), re.IGNORECASE):
            start = match.start("months") + month.start()
            end = match.start("months") + month.end()
            mentions.append(DateMention(text[start:end], start, end, f"{year}-{month_numbers()[month.group().lower()]:02d}", "month"))
    return mentions


def _condition(text: str, taken: list[tuple[int, int]]) -> Optional[str]:
    """The words of the first condition, from its marker to the end of the cell or a «;»."""
    starts = [m.start() for role, p in _phrase_patterns() if role == "condition" for m in p.finditer(text)]
    starts += [m.start() for m in RELATIVE.finditer(text)]
    starts = [start for start in starts if not overlaps(start, start + 1, taken)]
    if not starts:
        return None
    start = min(starts)
    end = text.find(";", start)
    return text[start : end if end >= 0 else len(text)].strip(" ,.")


def _recurrence(text: str) -> Optional[str]:
    found = [(m.start(), role) for role, p in _phrase_patterns() if role != "condition" for m in p.finditer(text)]
    return min(found)[1] if found else None


@lru_cache(maxsize=4096)
def parse_deadline(text: str, *, year: Optional[int] = None) -> Deadline:
    """Read a deadline cell. ``year`` (the report's) completes «протягом року», «у ІІІ кварталі».

    Cached: a report repeats its deadlines from row to row (the two seed reports' 79 rows have
    38 distinct ones), and the result is a frozen `Deadline` holding tuples of
    frozen dates, so no caller can change what the next one gets.

    >>> d = parse_deadline("Червень 2019 року, далі постійно у разі змін у складі тендерного комітету")
    >>> d.kind, d.due, d.recurrence, d.condition
    ('month', '2019-06-30', 'continuous', 'у разі змін у складі тендерного комітету')
    """
    text = normalize(text)
    listed = _month_list(text)
    dates = sorted([*listed, *(d for d in extract_dates(text, year=year) if not overlaps(d.start, d.end, [(m.start, m.end) for m in listed]))], key=lambda d: d.start)
    years = [int(m.group("year")) for m in YEAR_MENTION.finditer(text) if not overlaps(m.start(), m.end(), [(d.start, d.end) for d in dates])]
    if year is not None and THIS_YEAR.search(text):
        years.append(year)
    recurrence = _recurrence(text)
    condition = _condition(text, [(d.start, d.end) for d in dates])
    due_days = [last_day(d) for d in dates] + [month_end(y, 12) for y in years]
    due = max(due_days).isoformat() if due_days else None
    if dates:
        kind = _dates_kind(dates)
    elif recurrence:
        kind = "recurring"
    elif years:
        kind = "year"
    elif condition:
        kind = "conditional"
    else:
        kind = "unknown"
    return Deadline(text, kind, due, tuple(dates), recurrence, condition)  # type: ignore[arg-type]


def _dates_kind(dates: list[DateMention]) -> str:
    if len(dates) > 1 or dates[0].kind == "range" and dates[0].precision == "month":
        return "months" if all(d.precision == "month" for d in dates) else "date" if len(dates) == 1 else "months"
    if dates[0].kind == "period":
        return "period"
    return "date" if dates[0].precision == "day" else "month"
