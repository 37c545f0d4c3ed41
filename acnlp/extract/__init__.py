"""Extractors: dates, document references, counts and deadlines as structured fields.

Each extractor is a plain function from normalised text to frozen value objects with their
spans (`acnlp.extract.mentions`); `extract` runs them all on a status cell, `parse_deadline`
reads the Строк column. `acnlp.extract.component` wraps them as the spaCy component
``acnlp_extractors``.
"""

from .counts import extract_counts, extract_percents
from .dates import extract_dates
from .mentions import Count, DateMention, Deadline, DocRef, Extraction, Percent
from .orders import extract_orders
from .pipeline import extract, extract_normalized

__all__ = [
    "Count",
    "DateMention",
    "Deadline",
    "DocRef",
    "Extraction",
    "Percent",
    "extract",
    "extract_counts",
    "extract_dates",
    "extract_normalized",
    "extract_orders",
    "extract_percents",
]
