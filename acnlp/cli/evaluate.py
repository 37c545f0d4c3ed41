"""`acnlp evaluate`: score a model on labelled cells."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import AcnlpError
from ._console import report_error

EPILOG = "Example: [bold]acnlp evaluate --model models/status-v3 corpus/ --split test[/]"


def evaluate(
    corpora: Annotated[list[Path], typer.Argument(help="Corpus files or folders with labelled cells (an audit's NAME.xlsx or NAME.csv with label_reviewed filled in too).", show_default=False)],
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    split: Annotated[str, typer.Option(help="Which records to score: test, dev, train or all.")] = "all",
    splits: Annotated[Optional[Path], typer.Option(help="Group -> split file (default: corpus/splits.json if it exists).")] = None,
    allow_pickle: Annotated[bool, typer.Option("--allow-pickle", help="Load an older pickled model (model.joblib). Loading a pickle runs the code inside it: only for a model from someone you trust.")] = False,
) -> None:
    """Print per-label precision/recall/F1, macro-F1 and the confusion matrix of a model, and
    of the keyword baseline, on labelled cells (as JSON)."""
    # Imported here, not at the top: `acnlp --help` imports every command module.
    from ..analyzer import load
    from ..classify.evaluation import cells_of, keyword_baseline, scores
    from ..corpus.splits import split_of
    from ._corpus import load_annotated

    if split not in ("all", "train", "dev", "test"):
        raise typer.BadParameter("choose test, dev, train or all", param_hint="--split")
    annotated, group_splits = load_annotated(corpora, splits)
    records = annotated.records
    try:
        analyzer = load(model, allow_pickle=allow_pickle)
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    chosen = [r for r in records if split == "all" or split_of(r, group_splits) == split]
    if not chosen:
        report_error(f"no records in the {split!r} split")
        raise typer.Exit(code=1)
    cells = cells_of(chosen)
    gold = [r.label for r in chosen]
    result = {
        "model": analyzer.name,
        "split": split,
        "model_scores": scores(gold, list(analyzer.classifier.predict(cells))),
        "baseline_scores": scores(gold, [keyword_baseline(c) for c in cells]),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if annotated.refused:  # each was reported as it was read
        raise typer.Exit(code=1)
