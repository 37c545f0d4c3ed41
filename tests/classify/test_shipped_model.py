"""The model that ships in models/status-v3 and `acnlp.load()` gives by default.

Floors, not targets: the measured figures are in training/status-v3.md and the README; these
catch a broken or stale model, never a timing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import acnlp
from acnlp.classify.evaluation import cells_of, scores
from acnlp.corpus import load_corpus
from acnlp.corpus.splits import load_splits, split_of

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def analyzer():
    return acnlp.load()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([CORPUS]), load_splits(CORPUS / "splits.json")


def test_shipped_model_loads_by_default_with_its_hash_checked(analyzer):
    assert analyzer.name == "status-v3"
    assert list(analyzer.classifier.classes_) == ["boilerplate", "done", "in_progress", "not_applicable"]


def test_shipped_model_reaches_a_floor_on_the_real_seed_cells(analyzer, corpus):
    records, _ = corpus
    seeds = [r for r in records if r.group.startswith("seed")]
    assert len(seeds) == 79
    result = scores([r.label for r in seeds], list(analyzer.classifier.predict(cells_of(seeds))))
    assert result["macro_f1"] >= 0.85, result


def test_shipped_model_reaches_a_floor_on_the_test_split_it_never_saw(analyzer, corpus):
    records, splits = corpus
    test = [r for r in records if split_of(r, splits) == "test"]
    assert len(test) >= 100
    result = scores([r.label for r in test], list(analyzer.classifier.predict(cells_of(test))))
    assert result["macro_f1"] >= 0.80, result


def test_shipped_model_analyze_and_analyze_many_agree(analyzer):
    items = [{"status": "Скарг не надходило", "id": 1}, {"status": "Наказом від 02.03.2021 № 12 затверджено план", "id": 2}, {"id": 3}]
    many = list(analyzer.analyze_many(items))
    assert [m["id"] for m in many] == [1, 2, 3] and "error" in many[2]
    for item, result in zip(items[:2], many[:2]):
        single = analyzer.analyze(item["status"])
        assert single["label"] == result["label"]
        assert single["scores"] == pytest.approx(result["scores"])


def test_shipped_model_loads_and_labels_without_pickle_or_scikit_learn():
    # The shipped model is arrays and JSON: loading it runs no code, and labelling needs numpy only.
    code = ("import sys, acnlp; a = acnlp.load(); print(a.analyze('Скарг не надходило')['label']); "
            "print(sorted(m for m in ('sklearn', 'scipy', 'joblib', 'pickle') if m in sys.modules and m != 'pickle'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "not_applicable" and out[1] == "[]"


def test_shipped_model_names_the_clause_that_decided(analyzer):
    result = analyzer.analyze("Постійно проводиться роз'яснювальна робота з працівниками. Скарг у звітному періоді "
                              "не надходило.", explain=True)
    assert result["label"] == "not_applicable"
    assert result["deciding"] == {"text": "Скарг у звітному періоді не надходило.", "reading": "not_applicable"}


def test_shipped_model_scores_a_cell_alike_whatever_its_batch(analyzer, corpus):
    # An auditor's row gets the same scores, to the last bit, alone or among other rows (and so
    # in `acnlp cells`, in an audit, or in a report split over workers).
    records, _ = corpus
    cells = cells_of(records[:60])
    together = analyzer.classifier.predict_proba(cells)
    alone = [analyzer.classifier.predict_proba([cell])[0] for cell in cells]
    shifted = analyzer.classifier.predict_proba(cells[7:])
    assert all((row == single).all() for row, single in zip(together, alone))
    assert (shifted == together[7:]).all()
