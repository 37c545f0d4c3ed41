"""`extract`: every extractor over one status cell, in the order their exclusions need.

Dates come first; references are built on them (a reference's date is also in ``dates``);
counts skip the numbers inside dates and references.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..normalize import normalize
from .counts import extract_counts, extract_percents
from .dates import extract_dates
from .mentions import Extraction
from .orders import extract_orders


def extract_normalized(text: str, *, year: Optional[int] = None) -> Extraction:
    """`extract` for a text that is normalised already (a spaCy ``Doc``'s text, say)."""
    dates = extract_dates(text, year=year)
    orders = extract_orders(text, dates=dates)
    percents = extract_percents(text)
    taken = [(item.start, item.end) for item in (*dates, *orders)]
    counts = extract_counts(text, exclude=taken, percents=percents)
    return Extraction(text, tuple(dates), tuple(orders), tuple(counts), tuple(percents))


@lru_cache(maxsize=20_000)
def extract(status: str, *, year: Optional[int] = None) -> Extraction:
    """Dates, document references, counts and percentages of a status cell.

    Cached (the result is immutable): the classifier's cues and the analyzer's output read
    the same extraction of a cell.

    The text is normalised first; every span refers to ``Extraction.text``. ``year`` (the
    report's) completes dates written without one («у ІІІ кварталі»).

    >>> result = extract("Наказом ДМС від 26.02.2019 № 29/аг проведено 2 навчання")
    >>> [d.value for d in result.dates], [(o.type, o.number) for o in result.orders], [(c.value, c.noun) for c in result.counts]
    (['2019-02-26'], [('наказ', '29/аг')], [(2, 'навчання')])
    """
    return extract_normalized(normalize(status), year=year)
