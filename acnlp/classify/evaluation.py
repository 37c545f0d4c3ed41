"""Scores of a classifier on labelled records, a keyword baseline, grouped cross-validation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from ..corpus.schema import LABELS, CorpusRecord
from .features import Cell, count_phrases, status_lemmas


def cells_of(records: Sequence[CorpusRecord]) -> list[Cell]:
    return [Cell(r.status, r.measure or "", r.deadline or "") for r in records]


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-label precision/recall/F1/support, macro-F1, accuracy and the confusion matrix.

    >>> s = scores(["done", "done", "boilerplate"], ["done", "boilerplate", "boilerplate"])
    >>> s["macro_f1"], s["per_label"]["done"]["recall"]
    (0.6667, 0.5)
    """
    precision, recall, f1, support = precision_recall_fscore_support(gold, predicted, labels=list(LABELS), zero_division=0)
    present = [label for label in LABELS if label in set(gold)]
    return {
        "n": len(gold),
        "accuracy": round(float(np.mean(np.asarray(gold) == np.asarray(predicted))), 4) if len(gold) else 0.0,
        "macro_f1": round(float(f1_score(gold, predicted, labels=present, average="macro", zero_division=0)), 4),
        "per_label": {
            label: {"precision": round(float(p), 4), "recall": round(float(r), 4), "f1": round(float(f), 4), "support": int(n)}
            for label, p, r, f, n in zip(LABELS, precision, recall, f1, support)
        },
        "labels": list(LABELS),
        "confusion": confusion_matrix(gold, predicted, labels=list(LABELS)).tolist(),
    }


@lru_cache(maxsize=1)
def baseline_rules() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(label, lemma phrase) rules of ``acnlp/data/baseline_rules.txt``, in file order."""
    text = resources.files("acnlp.data").joinpath("baseline_rules.txt").read_text(encoding="utf-8")
    rules = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            label, phrase = line.split("\t")
            rules.append((label, tuple(phrase.split())))
    return tuple(rules)


def keyword_baseline(cell: Cell) -> str:
    """The first rule whose phrase the status contains, else ``boilerplate``.

    >>> keyword_baseline(Cell("Скарги не надходили")), keyword_baseline(Cell("Проведено навчання"))
    ('not_applicable', 'done')
    """
    lemmas = status_lemmas(cell)
    for label, phrase in baseline_rules():
        if count_phrases(lemmas, [phrase]):
            return label
    return "boilerplate"


def grouped_cross_validation(
    make_model: Callable[[], Any], records: Sequence[CorpusRecord], folds: int = 5
) -> dict[str, Any]:
    """Macro-F1 over folds that keep each group (report, written batch) in one fold."""
    groups = [r.group for r in records]
    folds = min(folds, len(set(groups)))
    if folds < 2:
        return {"folds": 0, "macro_f1": [], "mean": None, "std": None}
    cells, labels = cells_of(records), np.array([r.label for r in records], dtype=object)
    results, skipped = [], 0
    for train, test in GroupKFold(n_splits=folds).split(cells, labels, groups):
        try:
            model = make_model().fit([cells[i] for i in train], labels[train])
        except ValueError:
            skipped += 1  # a fold whose training part lacks a label's cells cannot be fitted
            continue
        predicted = model.predict([cells[i] for i in test])
        results.append(scores(list(labels[test]), list(predicted))["macro_f1"])
    summary: dict[str, Any] = {"folds": folds, "skipped_folds": skipped, "macro_f1": results}
    summary["mean"] = round(float(np.mean(results)), 4) if results else None
    summary["std"] = round(float(np.std(results)), 4) if results else None
    return summary
