"""`acnlp parse`: read reports and write their rows."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import AcnlpError, E, OutputError
from ..io.atomic import Abandon, replacing
from ..io.writers import output_format, write_rows
from ._console import err_console, escape, report_error, report_note
from ._limits import LimitOption, read_limits
from ._output import INTERRUPTED_EXIT, check_output_file, signal_name, sigterm_interrupts

EPILOG = (
    "Example: [bold]acnlp parse corpus/reports/dms_2019_annual.txt -o rows.jsonl[/]\n\n"
    "Folders are read recursively: [bold]acnlp parse reports/ -o all.csv[/]"
)


def parse(
    files: Annotated[
        list[Path],
        typer.Argument(help="Report files (.txt, .docx, .xlsx, .csv, .html, .pdf, .odt, .doc, .rtf) or folders of them.", show_default=False),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write rows here: .jsonl (one JSON object a row) or .csv. Default: JSON Lines on stdout."),
    ] = None,
    limit: LimitOption = None,
) -> None:
    """Parse report tables into rows: section, №, measure, deadline, responsible, status and where each came from.

    Every measure row of every input appears exactly once, in order. A file that cannot be read
    is reported with the reason and the others still go through (exit code 1). Files in the
    folders that are not reports are listed as skipped, with the reason.
    """
    # Imported here: the other commands, and every --help, start without the readers.
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..io import find_inputs, read_reports

    inputs = find_inputs(files)
    paths = inputs.files
    for skipped in inputs.skipped:  # said, never silently left out
        err_console.print(escape(str(skipped)))
    if not paths:
        raise typer.BadParameter("no report files found in the given folders", param_hint="FILES")
    fmt = output_format(output) if output else "jsonl"
    if output:
        try:
            check_output_file(output)
        except AcnlpError as err:  # before reading anything
            report_error(str(err))
            raise typer.Exit(code=2) from None
    failed = 0
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        console=err_console, transient=True, disable=len(paths) < 2,
    )

    def records() -> Iterator[dict[str, Any]]:
        nonlocal failed
        task = progress.add_task("Parsing", total=len(paths))
        for result in read_reports(paths, read_limits(limit)):
            progress.advance(task)
            if result.report is None:
                failed += 1
                report_error(str(result.error))
                continue
            for note in result.report.notes:
                report_note(note)
            yield from (row.to_dict() for row in result.report.rows)

    try:
        with sigterm_interrupts(), progress:
            rows_written = _write(records(), output, fmt, keep=lambda: failed < len(paths))
    except KeyboardInterrupt as interrupt:
        target = f"{output} left as it was" if output else "standard output holds the rows so far"
        report_error(E.INTERRUPTED.format(signal=signal_name(interrupt), finished="nothing", unfinished=target))
        raise typer.Exit(code=INTERRUPTED_EXIT[signal_name(interrupt)]) from None
    except AcnlpError as err:
        report_error(str(err))
        raise typer.Exit(code=1) from None
    if output and failed == len(paths):
        err_console.print(f"every input failed: {output} left as it was")
    skipped = f"; {len(inputs.skipped)} skipped" if inputs.skipped else ""
    err_console.print(f"{rows_written} rows from {len(paths) - failed} of {len(paths)} files{skipped}" + (f" -> {output}" if output else ""))
    if failed:
        raise typer.Exit(code=1)


def _write(records: Iterator[dict[str, Any]], output: Optional[Path], fmt: str, keep: Callable[[], bool]) -> int:
    """Write the rows to standard output, or to ``output`` whole: under a temporary name,
    renamed onto it at the end, and only if ``keep()`` says the run produced something (a run
    where every input failed must not empty an existing file)."""
    if output is None:
        return write_rows(records, sys.stdout, fmt)
    written = 0
    try:
        with replacing(output) as (temporary,):
            with temporary.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as stream:
                written = write_rows(records, stream, fmt)
            if not keep():
                raise Abandon
    except OSError as err:
        raise OutputError(E.OUTPUT_WRITE, path=output, reason=err.strerror or str(err)) from None
    return written
