"""Train a status model from corpora and write it with its model card.

What `train` measures, all on records the model being scored never saw:

* ``test``: the fixed test split (``corpus/splits.json``), for the model trained on train + dev;
* ``cross_validation``: grouped k-fold macro-F1 over train + dev (a group never straddles folds);
* ``seed_transfer``: a model trained without the real seed reports' cells, scored on them;
* ``leave_one_batch_out``: each written batch of train + dev scored by a model trained on the
  rest of train + dev: how far the model transfers to a writer (a body) it never saw;
* ``baseline_test``: the keyword-rule baseline on the same test split.

Cells an auditor reviewed in an audit's XLSX or CSV (``source`` ``review:…``) are counted in
``reviewed``: how many, from which reports, how many reached training (after de-duplication,
outside the test split), and how often the model that labelled the audit disagreed with the
reviewer (its ``model_label`` against the reviewed label). They come from an edited audit XLSX or
CSV, the audit page's corrections JSONL and the Label Studio export of ``acnlp review``'s tasks
alike. Two more things are measured on them:

* ``contradictions``: reviewed cells whose label the guidelines' reading rules out on their own
  text (`acnlp.review.contradictions`), listed for a second look and left out of training
  unless ``keep_contradictions``;
* ``before_after``: macro-F1 on the reviewed cells of the model that labelled the audits
  (``before``: its ``model_label``) and of the retrained model (``after``), by grouped
  cross-validation over the reviewed reports: each fold's reviewed cells are scored by a model
  fitted on train + dev without that fold's reports' reviewed cells and without any corpus cell
  of the same text, so a cell never scores a model that trained on it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sklearn.model_selection import GroupKFold

from ..corpus.importers import REVIEW_PREFIX
from ..corpus.schema import CorpusRecord
from ..corpus.splits import dedup_key, deduplicate, label_counts, near_duplicates, split_records
from .estimator import StatusClassifier
from .evaluation import cells_of, grouped_cross_validation, keyword_baseline, leave_one_batch_out, scores
from .store import save_model

SEED_PREFIX = "seed"


def corpus_hash(records: Sequence[CorpusRecord]) -> str:
    """SHA-256 over the records' JSON, in order: the same corpus gives the same hash."""
    digest = hashlib.sha256()
    for record in records:
        digest.update(record.model_dump_json().encode("utf-8"))
    return digest.hexdigest()


@dataclass
class TrainingReport:
    """Everything `train` found and measured; it becomes the model card."""

    records: int
    dropped_duplicates: list[tuple[str, str]]
    label_conflicts: list[tuple[str, str]]
    near_duplicates: list[tuple[str, str, float]]
    label_counts: dict[str, dict[str, int]]
    params: dict[str, Any]
    corpus_sha256: str
    metrics: dict[str, Any] = field(default_factory=dict)
    reviewed: dict[str, Any] = field(default_factory=dict)


def reviewed_cells(records: Sequence[CorpusRecord], trained: Sequence[CorpusRecord]) -> dict[str, Any]:
    """The reviewed cells among ``records`` (``source`` ``review:…``): per report, how many of them
    are in ``trained``, and the audit-time model's disagreements with the reviewers.

    >>> cell = dict(group="r", status="Виконано", label="done", model_label="boilerplate")
    >>> cells = [CorpusRecord(id=f"c{i}", source=f"review:r.xlsx#{i}", **cell) for i in (2, 3)]
    >>> found = reviewed_cells(cells, cells[:1])
    >>> found["cells"], found["trained"], found["reports"], found["model_disagreed"]
    (2, 1, {'r': 2}, 2)
    """
    reviewed = [r for r in records if r.source.startswith(REVIEW_PREFIX)]
    if not reviewed:
        return {}
    compared = [r for r in reviewed if getattr(r, "model_label", None)]
    disagreed = [r for r in compared if r.model_label != r.label]
    trained_ids = {r.id for r in trained}
    reports: dict[str, int] = {}
    for record in reviewed:
        reports[record.group] = reports.get(record.group, 0) + 1
    return {
        "cells": len(reviewed),
        "reports": reports,
        "trained": sum(r.id in trained_ids for r in reviewed),
        "compared": len(compared),
        "model_disagreed": len(disagreed),
        "disagreement_rate": round(len(disagreed) / len(compared), 4) if compared else None,
        "model_scores": scores([r.label for r in compared], [r.model_label for r in compared]) if compared else None,
        "changes": dict(sorted(_changes(disagreed).items())),
    }


def _changes(disagreed: Sequence[CorpusRecord]) -> dict[str, int]:
    """«model label -> reviewed label»: how often each correction was made."""
    counts: dict[str, int] = {}
    for record in disagreed:
        key = f"{record.model_label} -> {record.label}"
        counts[key] = counts.get(key, 0) + 1
    return counts


def reviewed_before_after(
    fit_records: Sequence[CorpusRecord], reviewed: Sequence[CorpusRecord], params: dict[str, Any], folds: int = 5
) -> dict[str, Any] | None:
    """Macro-F1 on the reviewed cells that carry the audit's label, before (that label) and after
    retraining (grouped cross-validation, groups = reports; see the module docstring).

    With one reviewed report there is one fold: its cells are scored by a model trained without
    them. A fold whose training part cannot be fitted is skipped and counted.
    """
    scored = [r for r in reviewed if getattr(r, "model_label", None)]
    if not scored:
        return None
    groups = [r.group for r in scored]
    folds = max(1, min(folds, len(set(groups))))
    parts = [list(range(len(scored)))] if folds == 1 else [list(test) for _, test in GroupKFold(n_splits=folds).split(scored, groups=groups)]
    gold, before, after, skipped = [], [], [], 0
    for part in parts:
        held = [scored[i] for i in part]
        keys, reports = {dedup_key(r) for r in held}, {r.group for r in held}
        # out: the held-out cells' texts, and every review of their reports (scored or not)
        rest = [r for r in fit_records if dedup_key(r) not in keys and not (r.source.startswith(REVIEW_PREFIX) and r.group in reports)]
        try:
            model = StatusClassifier(**params).fit(cells_of(rest), [r.label for r in rest], groups=[r.group for r in rest])
        except ValueError:
            skipped += 1
            continue
        gold += [r.label for r in held]
        before += [r.model_label for r in held]
        after += list(model.predict(cells_of(held)))
    if not gold:
        return {"folds": folds, "skipped_folds": skipped, "n": 0, "before": None, "after": None}
    return {"folds": folds, "skipped_folds": skipped, "n": len(gold), "reports": len(set(groups)),
            "before": scores(gold, before), "after": scores(gold, after)}


def _score_model(model: StatusClassifier, records: Sequence[CorpusRecord]) -> dict[str, Any]:
    return scores([r.label for r in records], list(model.predict(cells_of(records))))


def train(
    records: Sequence[CorpusRecord],
    splits: dict[str, str],
    params: dict[str, Any] | None = None,
    folds: int = 5,
    transfer: bool = True,
    batches: bool = True,
    n_jobs: int = 1,
    keep_contradictions: bool = False,
    reviewed_folds: int = 5,
) -> tuple[StatusClassifier, TrainingReport]:
    """Fit the shipped kind of model on train + dev and measure it (see the module docstring).

    Reviewed cells that contradict the guidelines' precedence are left out unless
    ``keep_contradictions``; ``reviewed_folds`` (0 skips it) bounds the folds of the reviewed
    cells' before/after cross-validation.
    """
    from ..review.contradictions import contradictions

    params = dict(params or {})
    given = records
    contradicting = contradictions([r for r in records if r.source.startswith(REVIEW_PREFIX)])
    if not keep_contradictions:
        left_out = {c.id for c in contradicting}
        records = [r for r in records if r.id not in left_out]
    dedup = deduplicate(records)
    parts = split_records(dedup.records, splits)
    fit_records = parts["train"] + parts["dev"]
    if not fit_records:
        raise ValueError("no training records: every group is in the test split")
    report = TrainingReport(
        records=len(dedup.records),
        dropped_duplicates=dedup.dropped,
        label_conflicts=dedup.conflicts,
        near_duplicates=near_duplicates(dedup.records, splits),
        label_counts={split: label_counts(rs) for split, rs in parts.items()},
        params=StatusClassifier(**params).get_params(),
        corpus_sha256=corpus_hash(dedup.records),
        reviewed=reviewed_cells(given, fit_records),
    )
    if contradicting:
        report.reviewed.update(contradictions=[c.as_dict() for c in contradicting], contradictions_kept=keep_contradictions)
    model = StatusClassifier(**params).fit(cells_of(fit_records), [r.label for r in fit_records],
                                           groups=[r.group for r in fit_records])
    metrics: dict[str, Any] = {}
    if parts["test"]:
        metrics["test"] = _score_model(model, parts["test"])
        metrics["baseline_test"] = scores([r.label for r in parts["test"]], [keyword_baseline(c) for c in cells_of(parts["test"])])
    if parts["dev"] and parts["train"]:
        dev_model = StatusClassifier(**params).fit(cells_of(parts["train"]), [r.label for r in parts["train"]],
                                                   groups=[r.group for r in parts["train"]])
        metrics["dev"] = _score_model(dev_model, parts["dev"])
    if folds > 1:
        metrics["cross_validation"] = grouped_cross_validation(lambda: StatusClassifier(**params), fit_records, folds)
    seeds = [r for r in dedup.records if r.group.startswith(SEED_PREFIX)]
    others = [r for r in fit_records if not r.group.startswith(SEED_PREFIX)]
    if transfer and seeds and others:
        without = StatusClassifier(**params).fit(cells_of(others), [r.label for r in others], groups=[r.group for r in others])
        metrics["seed_transfer"] = _score_model(without, seeds)
        metrics["baseline_seed"] = scores([r.label for r in seeds], [keyword_baseline(c) for c in cells_of(seeds)])
    if batches and len({r.group for r in others}) > 1:
        metrics["leave_one_batch_out"] = leave_one_batch_out(lambda: StatusClassifier(**params), fit_records, n_jobs=n_jobs)
    reviewed = [r for r in records if r.source.startswith(REVIEW_PREFIX)]
    if reviewed and reviewed_folds > 0:
        report.reviewed["before_after"] = reviewed_before_after(fit_records, reviewed, params, reviewed_folds)
    report.metrics = metrics
    return model, report


def model_card_markdown(card: dict[str, Any]) -> str:
    """The human half of the model card."""
    lines = [f"# Status model `{card['name']}`", "", f"Trained {card['created']} on {card['records']} records "
             f"(corpus SHA-256 `{card['corpus_sha256'][:16]}…`).", "", "## Metrics", "",
             "| evaluation | n | macro-F1 | accuracy |", "|---|---:|---:|---:|"]
    for name, values in card["metrics"].items():
        if name in ("cross_validation", "leave_one_batch_out"):
            continue
        lines.append(f"| {name} | {values['n']} | {values['macro_f1']:.3f} | {values['accuracy']:.3f} |")
    cv = card["metrics"].get("cross_validation")
    if cv and cv.get("mean") is not None:
        lines += ["", f"Grouped {cv['folds']}-fold cross-validation on train + dev: macro-F1 {cv['mean']:.3f} ± {cv['std']:.3f}."]
    lobo = card["metrics"].get("leave_one_batch_out")
    if lobo and lobo.get("mean") is not None:
        lines += ["", f"Leave-one-batch-out (each written batch scored by a model trained without it): macro-F1 "
                  f"mean {lobo['mean']:.3f}, worst {lobo['worst']['macro_f1']:.3f} ({lobo['worst']['batch']}).", "",
                  "| batch | cells | macro-F1 | accuracy |", "|---|---:|---:|---:|"]
        for batch, values in lobo["batches"].items():
            lines.append(f"| {batch} | {values['n']} | {values['macro_f1']:.3f} | {values['accuracy']:.3f} |")
    test = card["metrics"].get("test")
    if test:
        lines += ["", "Per label on test:", "", "| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
        for label, v in test["per_label"].items():
            lines.append(f"| {label} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |")
        lines += ["", "Confusion matrix on test (rows gold, columns predicted, order " + ", ".join(test["labels"]) + "):", ""]
        lines += ["    " + " ".join(f"{n:4d}" for n in row) for row in test["confusion"]]
    lines += ["", "## Data", "", "| split | " + " | ".join(["boilerplate", "done", "in_progress", "not_applicable"]) + " |", "|---|---:|---:|---:|---:|"]
    for split, counts in card["label_counts"].items():
        lines.append(f"| {split} | " + " | ".join(str(counts.get(l, 0)) for l in ["boilerplate", "done", "in_progress", "not_applicable"]) + " |")
    lines += _reviewed_markdown(card.get("reviewed") or {})
    lines += ["", f"Duplicates dropped: {len(card['dropped_duplicates'])}; conflicting labels left out: "
              f"{len(card['label_conflicts'])}; near-duplicates across splits: {len(card['near_duplicates'])}.",
              "", "## Versions", ""] + [f"- {k} {v}" for k, v in card["versions"].items()]
    return "\n".join(lines) + "\n"


def _reviewed_markdown(reviewed: dict[str, Any]) -> list[str]:
    if not reviewed:
        return []
    lines = ["", "## Reviewed cells", "", f"{reviewed['cells']} cells reviewed by auditors (in audit files, the audit page's "
             f"corrections or Label Studio), {reviewed['trained']} of them trained on (the others are duplicates, conflicts, "
             "contradictions or in the test split).", "",
             "| report | reviewed cells |", "|---|---:|"]
    lines += [f"| {report} | {n} |" for report, n in reviewed["reports"].items()]
    if reviewed["compared"]:
        before = reviewed["model_scores"]
        lines += ["", f"The model that labelled the audits disagreed with the reviewers on {reviewed['model_disagreed']} of "
                  f"{reviewed['compared']} cells ({reviewed['disagreement_rate']:.1%}); its macro-F1 on them "
                  f"{before['macro_f1']:.3f}, accuracy {before['accuracy']:.3f}."]
        lines += [f"- {change}: {n}" for change, n in reviewed["changes"].items()]
    lines += _before_after_markdown(reviewed.get("before_after"))
    contradicting = reviewed.get("contradictions") or []
    if contradicting:
        fate = "kept in training (--keep-contradictions)" if reviewed.get("contradictions_kept") else "left out of training"
        lines += ["", f"{len(contradicting)} reviewed cell(s) contradict the guidelines' precedence on their own text, {fate}; "
                  "give them a second look:", "", "| source | reviewed | rule | allowed | clause |", "|---|---|---|---|---|"]
        lines += [f"| {c['source']} | {c['label']} | {c['rule']} | {', '.join(c['allowed'])} | {_cell(c['clause'])} |" for c in contradicting]
    return lines


def _before_after_markdown(found: dict[str, Any] | None) -> list[str]:
    if not found or not found.get("n"):
        return []
    before, after = found["before"], found["after"]
    return ["", f"On the {found['n']} reviewed cells with the audit's label, grouped cross-validation over "
            f"{found['reports']} report(s) in {found['folds']} fold(s) (a cell never scores a model trained on it):", "",
            "| model | macro-F1 | accuracy |", "|---|---:|---:|",
            f"| before: the model that labelled the audits | {before['macro_f1']:.3f} | {before['accuracy']:.3f} |",
            f"| after: retrained, this fold's reports' reviews held out | {after['macro_f1']:.3f} | {after['accuracy']:.3f} |"]


def _cell(text: str, limit: int = 80) -> str:
    """Report text in a Markdown table cell: one line, no column bar, at most ``limit`` characters."""
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def write_model(model: StatusClassifier, report: TrainingReport, directory: str | Path, name: str) -> Path:
    """Save the model, its manifest, and the model card (``model_card.json`` and ``.md``)."""
    directory = Path(directory)
    card = {"name": name, **report.__dict__}
    save_model(model, directory, extra={"name": name, "labels": list(model.classes_), "corpus_sha256": report.corpus_sha256})
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    card.update(created=manifest["created"], versions=manifest["versions"])
    (directory / "model_card.json").write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (directory / "model_card.md").write_text(model_card_markdown(card), encoding="utf-8")
    return directory
