"""`acnlp cells`: label status cells given as JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from ..errors import AcnlpError
from ._console import report_error

EPILOG = (
    "Example: [bold]echo '{\"status\": \"Скарг не надходило\"}' | acnlp cells - -o -[/]\n\n"
    "[bold]acnlp cells rows.jsonl -o labelled.jsonl[/]"
)


def _objects(stream: IO[str]) -> Iterator[Any]:
    for line in stream:
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as err:
            yield {"error": f"not JSON ({err.msg})", "input": line.rstrip("\n")}


def cells(
    input: Annotated[str, typer.Argument(help="JSON Lines, one object with a 'status' per line; '-' for standard input.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write; '-' for standard output.")] = "-",
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    explain: Annotated[bool, typer.Option(help="Add 'features': what drove each label.")] = False,
) -> None:
    """Add 'label' and 'scores' (label -> probability) to each input object, and the status's
    'dates', 'orders', 'counts' and 'percents' (and 'deadline_parsed' when the object has a
    'deadline'; give a 'year' to complete dates written without one), keeping its other keys
    and the order of the lines; a line that is not JSON or has no 'status' gets an 'error'
    key instead, and the run goes on."""
    from ..analyzer import load

    try:
        analyzer = load(model)
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    if input != "-" and not Path(input).exists():
        raise typer.BadParameter(f"{input}: no such file", param_hint="INPUT")
    source = sys.stdin if input == "-" else open(input, encoding="utf-8-sig")
    target = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    errors = 0
    try:
        items = list(_objects(source))
        passthrough = {i for i, item in enumerate(items) if isinstance(item, dict) and "error" in item and "status" not in item}
        labelled = analyzer.analyze_many((item for i, item in enumerate(items) if i not in passthrough), explain=explain)
        for i, item in enumerate(items):
            result = item if i in passthrough else next(labelled)
            errors += "error" in result
            target.write(json.dumps(result, ensure_ascii=False) + "\n")
    finally:
        if input != "-":
            source.close()
        if output != "-":
            target.close()
    if errors:
        report_error(f"{errors} line(s) could not be labelled; see their 'error' key")
