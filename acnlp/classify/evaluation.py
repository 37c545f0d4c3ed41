"""Scores of a classifier on labelled records, a keyword baseline, grouped cross-validation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from ..corpus.schema import LABELS, CorpusRecord
from .features import Cell, analysis, count_phrases


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
    # The baseline sees plain lemmas, as it always did: not the classifier's negation marks.
    lemmas = ["0" if t.pos == "NUM" else t.lemma for t in analysis(cell.status).tokens if t.pos != "PUNCT"]
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
            model = make_model().fit([cells[i] for i in train], labels[train], groups=[groups[i] for i in train])
        except ValueError:
            skipped += 1  # a fold whose training part lacks a label's cells cannot be fitted
            continue
        predicted = model.predict([cells[i] for i in test])
        results.append(scores(list(labels[test]), list(predicted))["macro_f1"])
    summary: dict[str, Any] = {"folds": folds, "skipped_folds": skipped, "macro_f1": results}
    summary["mean"] = round(float(np.mean(results)), 4) if results else None
    summary["std"] = round(float(np.std(results)), 4) if results else None
    return summary


def _held_out_scores(make_model: Callable[[], Any], records: Sequence[CorpusRecord], batch: str) -> dict[str, Any] | None:
    held = [r for r in records if r.group == batch]
    rest = [r for r in records if r.group != batch]
    if not held or not rest:
        return None
    model = make_model().fit(cells_of(rest), [r.label for r in rest], groups=[r.group for r in rest])
    return scores([r.label for r in held], list(model.predict(cells_of(held))))


def leave_one_batch_out(
    make_model: Callable[[], Any], records: Sequence[CorpusRecord], batches: Iterable[str] | None = None,
    n_jobs: int = 1,
) -> dict[str, Any]:
    """Transfer, not fit: each batch scored by a model trained on every other record.

    A batch is a split group (one writer's batch, one real report). ``batches`` names the ones
    to hold out in turn (default: every written batch among ``records``, or every group when
    none is a written batch, as in a user's own corpus); the rest of
    ``records`` always trains. Pass records without the test split: it is scored once, elsewhere.
    ``n_jobs`` fits that many held-out models at once (joblib; -1 for every core).
    """
    if batches is None:
        written = {r.group for r in records if r.source.startswith("written:")}
        batches = sorted(written or {r.group for r in records})
    from joblib import Parallel, delayed

    batches = list(batches)
    results = Parallel(n_jobs=n_jobs)(delayed(_held_out_scores)(make_model, records, b) for b in batches)
    per_batch = {batch: result for batch, result in zip(batches, results) if result is not None}
    f1 = {batch: s["macro_f1"] for batch, s in per_batch.items()}
    worst = min(f1, key=f1.get) if f1 else None  # type: ignore[arg-type]
    return {
        "batches": per_batch,
        "macro_f1": f1,
        "mean": round(float(np.mean(list(f1.values()))), 4) if f1 else None,
        "worst": {"batch": worst, "macro_f1": f1[worst]} if worst else None,
    }


class MinimalPair(Protocol):
    """Two cells of one measure that differ in one element (see ``tests/classify/behaviour_pairs.py``)."""

    capability: str
    measure: str
    first: str
    first_label: str
    second: str
    second_label: str


def pair_scores(model: Any, pairs: Sequence[MinimalPair]) -> dict[str, Any]:
    """Cell accuracy and pair consistency (both cells of a pair right), overall and per capability.

    ``failures`` lists each pair with a wrong cell, with what the model said, for reading.
    """
    cells = [Cell(text, pair.measure) for pair in pairs for text in (pair.first, pair.second)]
    predicted = list(model.predict(cells)) if cells else []
    by_capability: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    failures = []
    for i, pair in enumerate(pairs):
        got = (predicted[2 * i], predicted[2 * i + 1])
        right = (got[0] == pair.first_label, got[1] == pair.second_label)
        by_capability[pair.capability].append(right)
        if not all(right):
            failures.append({"capability": pair.capability, "first": pair.first, "first_label": pair.first_label,
                             "first_got": got[0], "second": pair.second, "second_label": pair.second_label,
                             "second_got": got[1]})

    def summary(results: list[tuple[bool, bool]]) -> dict[str, Any]:
        return {"pairs": len(results),
                "cell_accuracy": round(sum(a + b for a, b in results) / (2 * len(results)), 4),
                "pair_consistency": round(sum(a and b for a, b in results) / len(results), 4)}

    every = [r for results in by_capability.values() for r in results]
    return {**(summary(every) if every else {"pairs": 0}),
            "capabilities": {c: summary(r) for c, r in sorted(by_capability.items())},
            "failures": failures}
