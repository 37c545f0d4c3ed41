"""`extract`: every extractor over one status cell, in the order their exclusions need.

Dates come first; references are built on them (a reference's date is also in ``dates``);
document numbers are found once for both; counts skip the numbers inside dates, references and
document numbers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..normalize import normalize
from .counts import extract_counts, extract_percents
from .dates import extract_dates
from .document_numbers import document_numbers
from .mentions import DateMention, Extraction
from .orders import extract_orders


def extract_normalized(text: str, *, year: Optional[int] = None) -> Extraction:
    """`extract` for a text that is normalised already (a spaCy ``Doc``'s text, say)."""
    return _around_dates(text, extract_dates(text, year=year))


def _around_dates(text: str, dates: list[DateMention]) -> Extraction:
    """The references, counts and percentages of a text whose dates are found: they read
    nothing but the text and the dates."""
    numbers = document_numbers(text)
    orders = extract_orders(text, dates=dates, numbers=numbers)
    percents = extract_percents(text)
    taken = [(item.start, item.end) for item in (*dates, *orders)]
    counts = extract_counts(text, exclude=taken, percents=percents, numbers=numbers)
    return Extraction(text, tuple(dates), tuple(orders), tuple(counts), tuple(percents))


def extract(status: str, *, year: Optional[int] = None) -> Extraction:
    """Dates, document references, counts and percentages of a status cell.

    The text is normalised first; every span refers to ``Extraction.text``. ``year`` (the
    report's) completes dates written without one («у ІІІ кварталі»).

    One extraction serves the classifier's cues (which read it without a year) and the
    analyzer's and the audit's output (with the report's year): the extraction without a
    year is made once and cached, and a year only adds the dates it completes. When it
    completes none, which is most cells, the very same (immutable) result comes back.

    >>> result = extract("Наказом ДМС від 26.02.2019 № 29/аг проведено 2 навчання")
    >>> [d.value for d in result.dates], [(o.type, o.number) for o in result.orders], [(c.value, c.noun) for c in result.counts]
    (['2019-02-26'], [('наказ', '29/аг')], [(2, 'навчання')])
    >>> extract("Наказом ДМС від 26.02.2019 № 29/аг", year=2019) is extract("Наказом ДМС від 26.02.2019 № 29/аг")
    True
    """
    return _without_year(status) if year is None else _with_year(status, year)


@lru_cache(maxsize=20_000)
def _without_year(status: str) -> Extraction:
    return extract_normalized(normalize(status))


@lru_cache(maxsize=20_000)
def _with_year(status: str, year: int) -> Extraction:
    found = _without_year(status)
    dates = extract_dates(found.text, year=year)
    if dates == list(found.dates):
        return found  # the year completes nothing, so the references and counts are the same too
    return _around_dates(found.text, dates)
