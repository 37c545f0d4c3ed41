"""`acnlp lemmatize`: show how the backbone reads a piece of text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..errors import AcnlpError
from ..nlp.base import BACKENDS, load_backbone
from ..nlp.spacy_import import spacy_without_torch
from ._console import report_error

EPILOG = (
    "Example: [bold]acnlp lemmatize \"Наказом від 26.02.2019 № 29/аг проведено п’ять аудитів\"[/]\n\n"
    "With the Stanza backend: [bold]acnlp lemmatize --backend stanza \"Проведено навчання\"[/]"
)


def lemmatize(
    text: Annotated[str, typer.Argument(help="The Ukrainian text to analyse.", show_default=False)],
    backend: Annotated[
        str, typer.Option("--backend", "-b", help=f"Analysis backend: {', '.join(BACKENDS)}.")
    ] = "pymorphy3",
    stanza_dir: Annotated[
        Optional[Path],
        typer.Option("--stanza-dir", help="With --backend stanza: a directory of Stanza models (default: the small model shipped with acnlp)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per token instead of a table.")] = False,
) -> None:
    """Print each token of TEXT with its lemma, part of speech and grammatical features."""
    if backend not in BACKENDS:
        raise typer.BadParameter(f"unknown backend {backend!r}; choose from {', '.join(BACKENDS)}", param_hint="--backend")
    options = {"model_dir": str(stanza_dir)} if stanza_dir else {}
    spacy_without_torch()
    try:
        analysis = load_backbone(backend, **options).analyze(text)
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    if as_json:
        for token in analysis.tokens:
            print(json.dumps({"text": token.text, "start": token.start, "end": token.end, "lemma": token.lemma,
                              "pos": token.pos, "tag": token.tag, "morph": token.morph}, ensure_ascii=False))
        return
    table = Table()
    for column in ("token", "lemma", "pos", "features", "tag"):
        table.add_column(column, overflow="fold")  # wrap long features, never cut them off
    for token in analysis.tokens:
        features = "|".join(f"{k}={v}" for k, v in sorted(token.morph.items()))
        table.add_row(token.text, token.lemma, token.pos, features, token.tag)
    Console(highlight=False).print(table)
