"""`acnlp cells`: label status cells given as JSON Lines, output line N for input line N."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any, Optional

import typer

from ..errors import AcnlpError, E
from ._console import report_error
from ._output import INTERRUPTED_EXIT, check_output_file, signal_name, sigterm_interrupts

EPILOG = (
    "Example: [bold]echo '{\"status\": \"Скарг не надходило\"}' | acnlp cells - -o -[/]\n\n"
    "[bold]acnlp cells rows.jsonl -o labelled.jsonl[/]"
)
BATCH = 256


@dataclass(frozen=True)
class Line:
    """One input line: its number (from 1), the byte it starts at, and its object or why there is none."""

    number: int
    offset: int
    value: Any = None
    problem: Optional[str] = None


def read_lines(stream: IO[bytes]) -> Iterator[Line]:
    """Every line of a JSON Lines byte stream, each decoded on its own, so one bad line (not
    UTF-8, not JSON, blank) is that line's problem and never the run's.

    >>> import io
    >>> [(l.number, l.offset, l.value, l.problem) for l in read_lines(io.BytesIO(b'{"a": 1}\\n\\n\\xff\\n'))]
    [(1, 0, {'a': 1}, None), (2, 9, None, 'a blank line'), (3, 10, None, 'not UTF-8 (byte 0xff at column 1)')]
    """
    offset = 0
    for number, raw in enumerate(stream, start=1):
        start, offset = offset, offset + len(raw)
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # the BOM Windows tools put in front
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield Line(number, start, problem=f"not UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1})")
            continue
        if not text.strip():
            yield Line(number, start, problem="a blank line")
            continue
        try:
            yield Line(number, start, json.loads(text))
        except json.JSONDecodeError as err:
            yield Line(number, start, problem=f"not JSON ({err.msg} at column {err.colno})")


def label_lines(lines: Iterator[Line], analyzer: Any, *, source: str, explain: bool) -> Iterator[dict[str, Any]]:
    """One output object per input line, in order: the object with its labels, or with an
    ``error`` naming the input, the line and its byte offset."""

    def error(line: Line, reason: str, keep: Optional[dict[str, Any]] = None) -> dict[str, Any]:
        return {**(keep or {}), "error": E.CELLS_LINE.format(path=source, line=line.number, offset=line.offset, reason=reason)}

    while batch := list(islice(lines, BATCH)):
        readable = [line for line in batch if line.problem is None]
        labelled = dict(zip((line.number for line in readable), analyzer.analyze_many([line.value for line in readable], explain=explain)))
        for line in batch:
            if line.problem is not None:
                yield error(line, line.problem)
                continue
            result = labelled[line.number]
            if "error" not in result:
                yield result
            elif isinstance(line.value, dict):  # the analyzer's reason: no 'status' string
                yield error(line, result["error"], {key: value for key, value in result.items() if key != "error"})
            else:
                yield error(line, f"not a JSON object but {type(line.value).__name__}")


def cells(
    input: Annotated[str, typer.Argument(help="JSON Lines, one object with a 'status' per line; '-' for standard input.", show_default=False)],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write; '-' for standard output.")] = "-",
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    explain: Annotated[bool, typer.Option(help="Add 'features': what drove each label.")] = False,
) -> None:
    """Add 'label' and 'scores' (label -> probability) to each input object, and the status's
    'dates', 'orders', 'counts' and 'percents' (and 'deadline_parsed' when the object has a
    'deadline'; give a 'year' to complete dates written without one), keeping its other keys.
    Output line N answers input line N: a line that is blank, not UTF-8, not JSON or has no
    'status' gets an 'error' key naming its line and byte offset instead, the run goes on,
    and the exit code is 1."""
    from ..analyzer import load, settle
    from ..io.atomic import replacing
    from ..nlp.spacy_import import spacy_without_torch

    if input != "-" and not Path(input).is_file():
        raise typer.BadParameter(f"{input}: " + ("a folder, not a file" if Path(input).is_dir() else "no such file"), param_hint="INPUT")
    if output != "-":
        try:
            check_output_file(Path(output))
        except AcnlpError as err:
            report_error(str(err))
            raise typer.Exit(code=2) from None
    spacy_without_torch()
    try:
        analyzer = load(model)
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    settle(analyzer)
    source = sys.stdin.buffer if input == "-" else open(input, "rb")
    results = label_lines(read_lines(source), analyzer, source="<stdin>" if input == "-" else input, explain=explain)
    try:
        with sigterm_interrupts():
            if output == "-":
                errors = _write(results, sys.stdout)
            else:
                with replacing(Path(output)) as (temporary,), temporary.open("w", encoding="utf-8") as target:
                    errors = _write(results, target)
    except KeyboardInterrupt as interrupt:
        kept = "standard output holds the lines so far" if output == "-" else f"{output} left as it was"
        report_error(E.INTERRUPTED.format(signal=signal_name(interrupt), finished="nothing", unfinished=kept))
        raise typer.Exit(code=INTERRUPTED_EXIT[signal_name(interrupt)]) from None
    finally:
        if input != "-":
            source.close()
    if errors:
        report_error(f"{errors} line(s) could not be labelled; see their 'error' key")
        raise typer.Exit(code=1)


def _write(results: Iterator[dict[str, Any]], target: IO[str]) -> int:
    errors = 0
    for result in results:
        errors += "error" in result
        target.write(json.dumps(result, ensure_ascii=False) + "\n")
    return errors
