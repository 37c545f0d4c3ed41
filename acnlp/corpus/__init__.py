"""The annotated corpus: records, validation on load, splits, and importers for other corpora."""

from .schema import LABELS, CorpusRecord, CountGold, DateGold, OrderGold
from .store import CorpusError, load_corpus, load_records

__all__ = ["LABELS", "CorpusError", "CorpusRecord", "CountGold", "DateGold", "OrderGold", "load_corpus", "load_records"]
