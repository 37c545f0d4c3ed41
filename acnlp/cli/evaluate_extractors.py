"""`acnlp evaluate-extractors`: score the extractors against a corpus's gold extractions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ._console import report_error

EPILOG = (
    "Example: [bold]acnlp evaluate-extractors corpus/ --split test --split seed[/]\n\n"
    "[bold]acnlp evaluate-extractors my_cells.jsonl --errors 5[/]"
)
SPLITS = ("all", "train", "dev", "test", "seed")


def evaluate_extractors(
    corpora: Annotated[list[Path], typer.Argument(help="Corpus files or folders with gold extractions.", show_default=False)],
    split: Annotated[
        Optional[list[str]],
        typer.Option(help="Which records to score (repeatable): all, train, dev, test, or seed (the cells of real reports)."),
    ] = None,
    splits: Annotated[Optional[Path], typer.Option(help="Group -> split file (default: corpus/splits.json if it exists).")] = None,
    errors: Annotated[int, typer.Option(help="Show up to this many records with misses or spurious items, per field.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON instead of a table.")] = False,
) -> None:
    """Print precision, recall and F1 of the date, document-reference and count extractors.

    A date is right when its value and precision match a gold date; a reference when its
    type, number and date match; a count when its value and noun match."""
    # Imported here, not at the top: `acnlp --help` imports every command module.
    from ..corpus.splits import split_of
    from ..extract.evaluation import FIELDS, score_extractors
    from ._corpus import load_records

    chosen_splits = split or ["all"]
    for name in chosen_splits:
        if name not in SPLITS:
            raise typer.BadParameter(f"{name!r}: choose one of {', '.join(SPLITS)}", param_hint="--split")
    records, group_splits = load_records(corpora, splits)
    results = {}
    for name in chosen_splits:
        subset = [
            r for r in records
            if name == "all" or (r.source.startswith("seed:") if name == "seed" else split_of(r, group_splits) == name)
        ]
        if not subset:
            report_error(f"no records in the {name!r} split")
            raise typer.Exit(code=1)
        results[name] = (len(subset), score_extractors(subset))
    if as_json:
        figures = {
            name: {"records": n, **{f: {"gold": s.gold, "predicted": s.predicted, "matched": s.matched, "precision": s.precision, "recall": s.recall, "f1": s.f1} for f, s in scores.items()}}
            for name, (n, scores) in results.items()
        }
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    print(f"{'split':<6} {'field':<7} {'gold':>5} {'found':>5} {'right':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (n, scores) in results.items():
        for field in FIELDS:
            s = scores[field]
            print(f"{name:<6} {field:<7} {s.gold:>5} {s.predicted:>5} {s.matched:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        for field in FIELDS:
            for record_id, missed, spurious in scores[field].errors[:errors]:
                print(f"  {name} {field} {record_id}: missed {missed}, spurious {spurious}")
