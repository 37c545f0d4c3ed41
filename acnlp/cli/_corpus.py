"""Loading a corpus and its splits for the commands that train and score (train, evaluate,
evaluate-extractors): one place for the default splits file and the error exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..corpus.schema import CorpusRecord
from ..corpus.splits import load_splits
from ..corpus.store import AnnotatedCells, CorpusError, read_corpus
from ._console import report_error, report_note

#: Used when no --splits is given and the file exists (running from a clone of the repository).
DEFAULT_SPLITS = Path("corpus/splits.json")


def load_records(corpora: list[Path], splits: Optional[Path]) -> tuple[list[CorpusRecord], dict[str, str]]:
    """The validated records and the group → split table; a bad corpus exits with code 1."""
    cells, group_splits = load_annotated(corpora, splits)
    return cells.records, group_splits


def load_annotated(corpora: list[Path], splits: Optional[Path]) -> tuple[AnnotatedCells, dict[str, str]]:
    """`load_records`, keeping what the reviewed audit files gave: each refused row is printed
    as its error (the caller ends with code 1) and the rows nobody reviewed are counted."""
    try:
        cells = read_corpus(corpora)
    except CorpusError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    for refused in cells.refused:
        report_error(str(refused))
    for path, count in cells.unreviewed.items():
        report_note(f"{path}: {count} row(s) without label_reviewed ignored")
    split_file = splits or (DEFAULT_SPLITS if DEFAULT_SPLITS.exists() else None)
    return cells, load_splits(split_file) if split_file else {}
