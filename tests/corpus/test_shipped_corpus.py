"""The corpus in corpus/ is data people trust: these check it stays what GUIDELINES.md promises."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from acnlp.corpus import load_corpus
from acnlp.corpus.check import opening
from acnlp.corpus.splits import load_splits, near_duplicates, split_records
from acnlp.io import read_report

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def records():
    return load_corpus([CORPUS])


@pytest.fixture(scope="module")
def splits():
    return load_splits(CORPUS / "splits.json")


def test_shipped_corpus_seed_cells_are_the_reports_cells_as_read(records):
    seeds = {r.id: r for r in records if r.group.startswith("seed")}
    for name, group in (("dms_2019_annual.txt", "seed-dms"), ("luhansk_housing_2019_q3.txt", "seed-luhansk")):
        report = read_report(CORPUS / "reports" / name)
        for row in report.rows:
            record = seeds[f"{group}-{row.index:03d}"]
            assert (record.status, record.measure, record.deadline) == (row.status, row.measure, row.deadline)
            assert record.source == f"seed:{name}#{row.index}"
    assert len(seeds) == 42 + 37


def test_shipped_corpus_has_enough_written_cells_of_every_label(records):
    written = [r for r in records if r.source.startswith("written:")]
    assert len(written) >= 800
    counts = Counter(r.label for r in written)
    assert min(counts.values()) >= 150, counts


def test_shipped_corpus_test_split_is_disjoint_from_training(records, splits):
    parts = split_records(records, splits)
    assert parts["test"] and parts["dev"] and parts["train"]
    groups = {split: {r.group for r in rs} for split, rs in parts.items()}
    assert not groups["test"] & (groups["train"] | groups["dev"])
    assert near_duplicates(records, splits) == []


def test_shipped_corpus_does_not_read_like_a_template(records):
    openings = Counter(opening(r.status) for r in records if len(r.status.split()) >= 4)
    shared = sum(n for n in openings.values() if n >= 5)
    assert shared <= 0.05 * len(records), openings.most_common(5)
