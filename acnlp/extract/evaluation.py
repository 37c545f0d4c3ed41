"""Score the extractors against the corpus's gold extractions: precision, recall and F1 per field.

What counts as right is the issue's definition: a date when its value and precision match, a
reference when its type, number and date match, a count when its value and noun match (the
noun's head word: the corpus writes «суб'єкт декларування» where the extractor says «суб'єкт»).
Spans are not compared: a word more or less in a span does no harm to a reader.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..corpus.schema import CorpusRecord
from ..normalize import normalize
from .pipeline import extract

FIELDS = ("dates", "orders", "counts")


def date_key(item: Any) -> tuple[Hashable, ...]:
    return (item.value, item.precision)


def order_key(item: Any) -> tuple[Hashable, ...]:
    number = normalize(item.number).replace(" ", "") if item.number else None
    return (item.type, number, item.date)


def count_key(item: Any) -> tuple[Hashable, ...]:
    return (item.value, normalize(item.noun).lower().split()[0])


KEYS: dict[str, Callable[[Any], tuple[Hashable, ...]]] = {"dates": date_key, "orders": order_key, "counts": count_key}


@dataclass
class FieldScore:
    """Matches of one field over a set of records; ``errors`` keeps (record id, missed, spurious)."""

    name: str
    matched: int = 0
    predicted: int = 0
    gold: int = 0
    errors: list[tuple[str, list[tuple[Hashable, ...]], list[tuple[Hashable, ...]]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def add(self, record_id: str, gold: Iterable[tuple[Hashable, ...]], predicted: Iterable[tuple[Hashable, ...]]) -> None:
        """Count one record: each gold item matches at most one prediction (multiset matching)."""
        gold_counts, predicted_counts = Counter(gold), Counter(predicted)
        matched = gold_counts & predicted_counts
        self.matched += sum(matched.values())
        self.gold += sum(gold_counts.values())
        self.predicted += sum(predicted_counts.values())
        missed, spurious = list((gold_counts - matched).elements()), list((predicted_counts - matched).elements())
        if missed or spurious:
            self.errors.append((record_id, missed, spurious))


def score_extractors(records: Sequence[CorpusRecord]) -> dict[str, FieldScore]:
    """Run `extract` on every record's status (with the record's year) and score each field.

    >>> from acnlp.corpus.schema import CorpusRecord
    >>> record = CorpusRecord(id="x", source="written:x", group="x", year=2019, label="done",
    ...     status="Наказ від 26.02.2019 № 29/аг, проведено 2 навчання.",
    ...     dates=[{"text": "26.02.2019", "value": "2019-02-26", "precision": "day"}],
    ...     orders=[{"text": "Наказ від 26.02.2019 № 29/аг", "type": "наказ", "number": "29/аг", "date": "2019-02-26"}],
    ...     counts=[{"text": "2 навчання", "value": 2, "noun": "навчання"}])
    >>> {name: score.f1 for name, score in score_extractors([record]).items()}
    {'dates': 1.0, 'orders': 1.0, 'counts': 1.0}
    """
    scores = {name: FieldScore(name) for name in FIELDS}
    for record in records:
        extraction = extract(record.status, year=record.year)
        for name in FIELDS:
            key = KEYS[name]
            scores[name].add(record.id, map(key, getattr(record, name)), map(key, getattr(extraction, name)))
    return scores
