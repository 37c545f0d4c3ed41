"""`acnlp audit`: the auditor's job: label every row, pull out its evidence, flag the weak answers."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ..errors import AcnlpError, E
from ..io.limits import ReadLimits
from ._console import err_console, escape, report_error, report_note
from ._limits import LimitOption, read_limits
from ._output import INTERRUPTED_EXIT, check_output_folder, signal_name, sigterm_interrupts

if TYPE_CHECKING:
    from ..audit.runner import FileOutcome
    from ..audit.series import SeriesPlan

EPILOG = (
    "Example: [bold]acnlp audit corpus/reports -o audit/[/]\n\n"
    "[bold]acnlp audit report.docx --as-of 2019-09-30 -o audit/ --jobs 1[/]\n\n"
    "[bold]acnlp audit dms_2019.docx dms_2020.docx -o audit/ --series ДМС[/] (compare the periods)\n\n"
    "[bold]acnlp audit reports/ -o audit/ --cluster tcp://10.0.0.5:8786[/] (needs pip install 'acnlp\\[distributed]')"
)


def _as_of(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2019-09-30", param_hint="--as-of") from None


#: A Dask scheduler address: an optional protocol, a host (an IPv6 one in brackets) and a port.
SCHEDULER_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):\d{1,5}$")


def _cluster(value: Optional[str]) -> Optional[str]:
    if value is not None and not SCHEDULER_ADDRESS.match(value):
        raise typer.BadParameter(E.BAD_CLUSTER.format(value=value), param_hint="--cluster")
    return value


def _jobs(value: Optional[int]) -> Optional[int]:
    # 0 would be no worker at all; negative counts back from every core
    if value == 0:
        raise typer.BadParameter(E.BAD_JOBS.format(value=value), param_hint="--jobs")
    return value


def audit(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders (searched recursively for every format acnlp reads).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for NAME.jsonl/.csv/.xlsx/.html per report and summary.csv/.json.", show_default=False)],
    jobs: Annotated[Optional[int], typer.Option(help="Reports audited at once (-1: every core; default: one per report up to the cores, one alone for a batch under 1 MiB).", callback=_jobs, show_default=False)] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model directory (default: the shipped model).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Check deadlines against this date (YYYY-MM-DD) instead of the period end in the report's title.")] = None,
    cluster: Annotated[Optional[str], typer.Option(help="Run on a Dask cluster: its scheduler address, tcp://HOST:PORT.", callback=_cluster)] = None,
    limit: LimitOption = None,
    series: Annotated[Optional[str], typer.Option("--series", help="Audit the reports as the periods of one body's series named NAME (in the order of the periods their titles give), each measure compared with the earlier periods. Without it, reports whose titles name the same body form a series by themselves.", metavar="NAME")] = None,
) -> None:
    """Audit reports: every row labelled (done, in_progress, not_applicable, boilerplate), its
    dates, document references and counts extracted, its weak points flagged (empty, vague,
    no_evidence, restates_measure, duplicate_answer, repeated_answer, overdue, count_mismatch,
    low_confidence, truncated),
    written per report as JSONL, CSV, XLSX and a self-contained HTML page, with a summary across
    reports. Reports of one body for several periods are compared: each measure is linked to
    itself in the earlier periods, and an answer copied from one is flagged. A report that fails is named with its reason and the others go on (exit code 1).
    Ctrl-C stops it cleanly: every file written is complete, and it says which (exit code 130)."""
    from ..audit.outputs import OUTPUT_SUFFIXES, SUMMARY_FILES, write_summary
    from ..audit.runner import output_names
    from ..audit.summary import input_summaries, summary_table
    from ..io.atomic import remove_leftovers
    from ..io.inputs import find_inputs

    date = _as_of(as_of)
    if model is not None and not (model / "manifest.json").exists():
        raise typer.BadParameter(f"{model}: no model here (no manifest.json); train one with `acnlp train`", param_hint="--model")
    inputs = find_inputs(paths)
    files = inputs.files
    for skipped in inputs.skipped:  # said, never silently left out
        err_console.print(escape(str(skipped)))
    if not files:
        report_error("no report files found in " + ", ".join(map(str, paths)))
        raise typer.Exit(code=1)
    names = output_names(files)
    try:
        check_output_folder(output, [f"{name}.{suffix}" for name in names for suffix in OUTPUT_SUFFIXES] + list(SUMMARY_FILES))
    except AcnlpError as err:  # before any analysis: a wrong -o costs a second, not an audit
        report_error(str(err))
        raise typer.Exit(code=2) from None
    model_dir = str(model) if model else None
    outcomes: list[FileOutcome] = []
    started = time.time()
    try:
        with sigterm_interrupts():
            limits = read_limits(limit)
            workers = _workers(files, jobs, cluster, model_dir)  # started now: they load the model while the run is planned
            plan = _plan(files, series, limits)
            _run(files, names, output, outcomes, jobs=workers, model=model_dir, as_of=date, cluster=cluster, limits=limits, plan=plan)
            order = {str(path): i for i, path in enumerate(files)}
            done = sorted((o for o in outcomes if o.error is None), key=lambda o: order[o.path])
            summaries = input_summaries(outcomes, inputs.skipped, order)  # every input, read or not
            write_summary(summaries, summary_table(summaries), output)
    except KeyboardInterrupt as interrupt:
        remove_leftovers(output, started)  # a worker stopped mid-write had no chance to
        finished = [o.name for o in outcomes if o.error is None]
        report_error(E.INTERRUPTED.format(
            signal=signal_name(interrupt), finished=f"{len(finished)} report(s)" + (f" ({', '.join(finished)})" if finished else ""),
            unfinished=f"{len(files) - len(finished)} report(s) and summary.csv/summary.json"))
        raise typer.Exit(code=INTERRUPTED_EXIT[signal_name(interrupt)]) from None
    except AcnlpError as err:  # the summary could not be written
        report_error(str(err))
        raise typer.Exit(code=1) from None
    failed = [o for o in outcomes if o.error is not None]
    err_console.print(f"{len(done)} report(s), {sum(o.rows for o in done)} rows audited into {escape(str(output))}; {len(failed)} failed"
                      + (f"; {len(inputs.skipped)} skipped" if inputs.skipped else ""))
    if failed:
        raise typer.Exit(code=1)


def _workers(files: list[Path], jobs: Optional[int], cluster: Optional[str], model: Optional[str]) -> int:
    """How many processes audit the files (`acnlp.audit.runner.default_jobs`); more than one
    are started at once, so that their start-up overlaps the planning of the run."""
    from ..audit.runner import default_jobs, start_workers

    if cluster is not None:
        return -1  # the cluster's workers
    workers = default_jobs([path.stat().st_size if path.is_file() else 0 for path in files], jobs)
    if workers > 1:
        start_workers(workers, model)
    return workers


def _plan(files: list[Path], series: Optional[str], limits: ReadLimits) -> Optional[SeriesPlan]:
    """Which reports are periods of one series (read from their titles, or all under ``--series``)."""
    from ..audit.series import plan_series, read_members

    if len(files) < 2 and series is None:
        return None  # one report alone is no series
    plan = plan_series(read_members(files, limits), series)
    for note in plan.notes:
        report_note(note)
    return plan


def _run(files: list[Path], names: list[str], output: Path, outcomes: list[FileOutcome], *, jobs: int, model: Optional[str],
         as_of: Optional[dt.date], cluster: Optional[str], limits: ReadLimits, plan: Optional[SeriesPlan] = None) -> None:  # fmt: skip
    """Audit the files, appending each outcome to ``outcomes`` as it comes (so an interrupted
    run still knows what was finished)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..audit.runner import audit_chain, audit_files, row_pool

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=False) as progress:
        if cluster is None and (len(files) == 1 or jobs == 1):
            # in this process: a progress bar per report, row by row; a series' periods in order.
            # More than one job here is one big report: the workers analyse its rows, chunk by chunk.
            pool = row_pool(jobs, model)
            tasks: dict[str, Any] = {}

            def rows_done(name: str) -> Callable[[int, int], None]:
                tasks[name] = progress.add_task(escape(name), total=None)
                return lambda done, total: progress.update(tasks[name], completed=done, total=total)

            chains = plan.chains if plan else [[i] for i in range(len(files))]
            for chain, series in zip(chains, plan.names if plan else [None] * len(chains)):
                members = [(str(files[i]), names[i], str(files[i])) for i in chain]
                for outcome in audit_chain(members, str(output), series_name=series, model=model, as_of=as_of, limits=limits,
                                           progress=rows_done, pool=pool):  # fmt: skip
                    progress.update(tasks[outcome.name], visible=outcome.error is None)
                    outcomes.append(outcome)
                    _announce(outcome)
        else:
            task = progress.add_task("reports", total=len(files))
            try:
                for outcome in audit_files(files, output, jobs=jobs, model=model, as_of=as_of, cluster=cluster, limits=limits, plan=plan):
                    outcomes.append(outcome)
                    progress.advance(task)
                    _announce(outcome)
            except AcnlpError as err:  # the cluster cannot be used: nothing was audited
                progress.stop()
                report_error(str(err))
                raise typer.Exit(code=1) from None


def _announce(outcome: FileOutcome) -> None:
    if outcome.error or outcome.summary is None:
        report_error(outcome.error or f"{outcome.path}: no result")
        return
    for note in outcome.notes:
        report_note(note)
    summary = outcome.summary
    flags = sum(summary["flags"].values())
    err_console.print(
        f"{escape(outcome.name)}: {summary['rows']} rows, "
        + ", ".join(f"{k} {v}" for k, v in summary["labels"].items())
        + (f" ({summary['no_answer']} no answer)" if summary.get("no_answer") else "")
        + f"; {flags} flags; {summary['verifiable_share']:.0%} verifiable"
    )
    series = summary.get("series")
    if series and len(series["periods"]) > 1:
        now, earlier = series["periods"][-1], series["periods"][:-1]
        err_console.print(
            f"  series {escape(series['name'])}: period {len(series['periods'])} ({escape(now['period'] or '?')}), compared with "
            + ", ".join(escape(p["report"]) for p in earlier)
            + f": {now['linked']} rows linked, {now['repeated_answer']} repeated answers, {len(series['unchanged'])} never changed, "
            + f"{len(series['done_after_in_progress'])} in_progress -> done"
        )
