"""`acnlp train`: train a status model on one or more corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import AcnlpError, E
from ._console import err_console, report_error, report_note

EPILOG = (
    "Example: [bold]acnlp train corpus/ -o models/my-model[/]\n\n"
    "With your own annotated cells: [bold]acnlp train corpus/ our_cells.csv -o models/ours[/]\n\n"
    "With an audit you reviewed (label_reviewed filled in): [bold]acnlp train corpus/ audit/NAME.xlsx -o models/ours[/]\n\n"
    "With the audit page's corrections and a Label Studio export of acnlp review's tasks: "
    "[bold]acnlp train corpus/ NAME.corrections.jsonl project-1-export.json -o models/ours[/]"
)


def train(
    corpora: Annotated[list[Path], typer.Argument(help="Corpus files (.jsonl, .csv with status,label columns, Label Studio .json, an audit's NAME.xlsx or NAME.csv with label_reviewed filled in, the audit page's NAME.corrections.jsonl) or folders of them.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The new model directory.", show_default=False)],
    splits: Annotated[Optional[Path], typer.Option(help="Group -> split file; groups it does not list are train. Default: corpus/splits.json if it exists.")] = None,
    folds: Annotated[int, typer.Option(help="Folds of the grouped cross-validation (0 to skip).")] = 5,
    c: Annotated[float, typer.Option("--C", help="Inverse regularisation strength of the logistic regression.")] = 10.0,
    force: Annotated[bool, typer.Option(help="Overwrite OUTPUT if it already holds a model.")] = False,
    batches: Annotated[bool, typer.Option("--leave-one-batch-out/--no-leave-one-batch-out", help="Score each batch (split group) by a model trained without it: how far the model transfers (one extra fit per batch).")] = True,
    keep_contradictions: Annotated[bool, typer.Option("--keep-contradictions", help="Train on reviewed cells whose label the guidelines' precedence rules out on their own text (listed either way; left out by default).")] = False,
    reviewed_folds: Annotated[int, typer.Option(help="Folds (grouped by report) of the reviewed cells' before/after macro-F1: one extra fit per fold (0 to skip).")] = 5,
) -> None:
    """Train a status model: merge and de-duplicate the corpora, fit on train + dev, and write
    the model with a model card of its scores on the test split, grouped cross-validation, each
    batch scored by a model trained without it, the real seed reports (trained without them)
    and a keyword baseline. The model is saved as arrays and JSON: it loads without pickle.
    """
    # Imported here, not at the top: `acnlp --help` imports every command module.
    from ..analyzer import default_model_dir
    from ..classify.training import train as train_model
    from ..classify.training import write_model
    from ._corpus import load_annotated

    if output.resolve() == default_model_dir().resolve():
        raise typer.BadParameter("that is the shipped model; write a new model directory", param_hint="--output")
    if (output / "manifest.json").exists() and not force:
        raise typer.BadParameter(f"{output} already holds a model; choose another directory or pass --force", param_hint="--output")
    cells, group_splits = load_annotated(corpora, splits)
    records = cells.records
    err_console.print(f"{len(records)} records from {len(corpora)} source(s); training (this takes a minute)…")
    try:
        model, report = train_model(records, group_splits, params={"C": c}, folds=folds, batches=batches,
                                    keep_contradictions=keep_contradictions, reviewed_folds=reviewed_folds)
    except ValueError as err:
        report_error(f"cannot train on this corpus: {err}")
        raise typer.Exit(code=1) from None
    write_model(model, report, output, name=output.name)
    for split, counts in report.label_counts.items():
        err_console.print(f"{split:5} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if report.dropped_duplicates or report.label_conflicts:
        err_console.print(f"dropped {len(report.dropped_duplicates)} duplicates; left out {len(report.label_conflicts)} pairs with conflicting labels")
    if report.near_duplicates:
        err_console.print(f"warning: {len(report.near_duplicates)} near-duplicate pairs across splits, e.g. {report.near_duplicates[:3]}")
    reviewed = report.reviewed
    if reviewed or cells.refused:
        err_console.print(f"reviewed cells: {reviewed.get('cells', 0)} ({reviewed.get('trained', 0)} trained on) from "
                          f"{', '.join(reviewed.get('reports', {})) or 'no report'}; the audit's model disagreed on "
                          f"{reviewed.get('model_disagreed', 0)}; {sum(cells.unreviewed.values())} row(s) without a review ignored; "
                          f"{len(cells.refused)} refused")
        _print_second_looks(reviewed)
    summary = {name: m["mean"] if "mean" in m else m.get("macro_f1") for name, m in report.metrics.items()}
    print(json.dumps({"model": str(output), "macro_f1": summary}, ensure_ascii=False))
    if cells.refused:  # the model is written; the refused rows were each reported above
        raise typer.Exit(code=1)


def _print_second_looks(reviewed: dict[str, Any]) -> None:
    """The reviewed cells that contradict the guidelines (each its E096 note), and the
    before/after macro-F1 on the reviewed cells."""
    from ..review.contradictions import contradiction_words

    action = "trained on (--keep-contradictions)" if reviewed.get("contradictions_kept") else "left out of training (--keep-contradictions trains on it)"
    for found in reviewed.get("contradictions") or []:
        report_note(str(AcnlpError(E.REVIEW_CONTRADICTION, source=found["source"], label=found["label"], why=contradiction_words(found["rule"]),
                                   clause=" ".join(found["clause"].split())[:200], allowed=" or ".join(found["allowed"]), action=action)))
    scored = reviewed.get("before_after")
    if scored and scored.get("n"):
        err_console.print(f"reviewed cells' macro-F1 (grouped by report, {scored['folds']} fold(s), {scored['n']} cells): "
                          f"before {scored['before']['macro_f1']:.3f}, after {scored['after']['macro_f1']:.3f}")
