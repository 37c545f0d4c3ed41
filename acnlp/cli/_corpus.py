"""Loading a corpus and its splits for the commands that train and score (train, evaluate,
evaluate-extractors): one place for the default splits file and the error exit."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..corpus.schema import CorpusRecord
from ..corpus.splits import load_splits
from ..corpus.store import CorpusError, load_corpus
from ._console import report_error

#: Used when no --splits is given and the file exists (running from a clone of the repository).
DEFAULT_SPLITS = Path("corpus/splits.json")


def load_records(corpora: list[Path], splits: Optional[Path]) -> tuple[list[CorpusRecord], dict[str, str]]:
    """The validated records and the group → split table; a bad corpus exits with code 1."""
    try:
        records = load_corpus(corpora)
    except CorpusError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    split_file = splits or (DEFAULT_SPLITS if DEFAULT_SPLITS.exists() else None)
    return records, load_splits(split_file) if split_file else {}
