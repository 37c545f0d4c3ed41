"""`acnlp parse`: read reports and write their rows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from ..io import expand_paths, read_reports
from ..io.writers import output_format, write_rows
from ._console import err_console, report_error

EPILOG = (
    "Example: [bold]acnlp parse corpus/reports/dms_2019_annual.txt -o rows.jsonl[/]\n\n"
    "Folders are read recursively: [bold]acnlp parse reports/ -o all.csv[/]"
)


def parse(
    files: Annotated[
        list[Path],
        typer.Argument(help="Report files (.txt, .docx, .xlsx, .csv, .html) or folders of them.", show_default=False),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write rows here: .jsonl (one JSON object a row) or .csv. Default: JSON Lines on stdout."),
    ] = None,
) -> None:
    """Parse report tables into rows: section, №, measure, deadline, responsible, status and where each came from.

    Every measure row of every input appears exactly once, in order. A file that cannot be read
    is reported with the reason and the others still go through (exit code 1).
    """
    paths = expand_paths(files)
    if not paths:
        raise typer.BadParameter("no report files found in the given folders", param_hint="FILES")
    fmt = output_format(output) if output else "jsonl"
    stream = output.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") if output else sys.stdout
    failed = 0
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err_console, transient=True, disable=len(paths) < 2,
    )

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        task = progress.add_task("Parsing", total=len(paths))
        for result in read_reports(paths):
            progress.advance(task)
            if result.report is None:
                failed += 1
                report_error(str(result.error))
                continue
            yield from (row.to_dict() for row in result.report.rows)

    try:
        with progress:
            rows_written = write_rows(records(), stream, fmt)
    finally:
        if output:
            stream.close()
    err_console.print(f"{rows_written} rows from {len(paths) - failed} of {len(paths)} files" + (f" -> {output}" if output else ""))
    if failed:
        raise typer.Exit(code=1)
