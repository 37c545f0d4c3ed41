"""Train/dev/test splits by group, de-duplication, and near-duplicates across splits."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer

from ..normalize import normalize
from .schema import CorpusRecord

SPLITS = ("train", "dev", "test")


def load_splits(path: str | Path) -> dict[str, str]:
    """Group -> split, from a ``splits.json`` of the form ``{"dev": [groups], "test": [groups]}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {group: split for split in SPLITS for group in data.get(split, [])}


def split_of(record: CorpusRecord, splits: dict[str, str]) -> str:
    """The split of a record: its group's, or ``train`` for groups the file does not list."""
    return splits.get(record.group, "train")


def dedup_key(record: CorpusRecord) -> tuple[str, str]:
    """Records with the same normalised status and measure are one example.

    >>> a = CorpusRecord(id="a", source="s", group="g", status="Виконано.", label="done")
    >>> b = CorpusRecord(id="b", source="s", group="h", status=" Виконано. ", label="done")
    >>> dedup_key(a) == dedup_key(b)
    True
    """
    return normalize(record.status).lower(), normalize(record.measure or "").lower()


@dataclass(frozen=True)
class Deduplicated:
    records: list[CorpusRecord]
    dropped: list[tuple[str, str]]  # (dropped id, kept id)
    conflicts: list[tuple[str, str]]  # same text, different labels: (first id, other id)


def deduplicate(records: Sequence[CorpusRecord]) -> Deduplicated:
    """Keep the first of records with the same `dedup_key`; report those whose labels disagree."""
    kept: dict[tuple[str, str], CorpusRecord] = {}
    dropped, conflicts = [], []
    for record in records:
        key = dedup_key(record)
        first = kept.get(key)
        if first is None:
            kept[key] = record
        elif first.label != record.label:
            conflicts.append((first.id, record.id))
        else:
            dropped.append((record.id, first.id))
    conflicting = {i for pair in conflicts for i in pair}
    unique = [r for r in kept.values() if r.id not in conflicting]
    return Deduplicated(unique, dropped, conflicts)


#: Statuses shorter than this are stock answers, expected in every split.
SHORT_ANSWER = 40


def near_duplicates(records: Sequence[CorpusRecord], splits: dict[str, str], threshold: float = 0.85) -> list[tuple[str, str, float]]:
    """Pairs of records in different splits whose statuses are nearly the same text.

    Cosine similarity of character 3-5-gram TF-IDF vectors. Statuses under `SHORT_ANSWER`
    characters are left out: stock answers («Виконано у встановлений термін.») recur in real
    reports, the seed report included.
    """
    long = [r for r in records if len(normalize(r.status)) >= SHORT_ANSWER]
    if len(long) < 2:
        return []
    matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(
        [normalize(r.status).lower() for r in long]
    )
    similarity = (matrix @ matrix.T).tocoo()
    by_split = [split_of(r, splits) for r in long]
    pairs = []
    for i, j, value in zip(similarity.row, similarity.col, similarity.data):
        if i < j and value >= threshold and by_split[i] != by_split[j]:
            pairs.append((long[i].id, long[j].id, round(float(value), 3)))
    return sorted(pairs, key=lambda p: -p[2])


def split_records(records: Sequence[CorpusRecord], splits: dict[str, str]) -> dict[str, list[CorpusRecord]]:
    """The records of each split."""
    result: dict[str, list[CorpusRecord]] = defaultdict(list)
    for record in records:
        result[split_of(record, splits)].append(record)
    return {split: result.get(split, []) for split in SPLITS}


def label_counts(records: Sequence[CorpusRecord]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for record in records:
        counts[record.label] += 1
    return dict(sorted(counts.items()))


__all__ = ["SPLITS", "Deduplicated", "deduplicate", "label_counts", "load_splits", "near_duplicates", "split_of", "split_records"]
