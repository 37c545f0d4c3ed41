"""Audit many reports in parallel: joblib over files, on this machine or on a Dask cluster.

Each worker loads the model once (`worker_analyzer` is cached per process), reads one report,
audits it and writes its four files as the rows come (`acnlp.audit.outputs.stream_report`:
memory does not grow with the report); the parent only hands out paths and collects figures.
A file that fails comes back with its reason and the others go on. On a cluster the workers
must see the input and output folders (a shared filesystem), as they read and write them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from joblib import Parallel, delayed, parallel_config

from ..analyzer import Analyzer, load
from ..errors import AcnlpError, BackendError, ClusterError, E
from ..io.limits import DEFAULT_LIMITS, ReadLimits
from ..io.reader import read_report
from .enrich import audit_stream
from .flags import load_thresholds
from .outputs import stream_report
from .series import SeriesPlan, SeriesState


@dataclass
class FileOutcome:
    """What became of one input file: its outputs and figures, or the reason it failed."""

    path: str
    name: str
    rows: int = 0
    summary: Optional[dict[str, Any]] = None
    outputs: list[str] = field(default_factory=list)
    error: Optional[str] = None
    notes: list[str] = field(default_factory=list)  # what reading changed (`Report.notes`)
    #: In a series: the state the next period starts from (kept in the worker, never sent back).
    series: Optional[SeriesState] = None


@lru_cache(maxsize=2)
def worker_analyzer(model: Optional[str]) -> Analyzer:
    """The model, loaded once per worker process and reused for every file it audits."""
    return load(model)


def audit_file(
    path: str, name: str, outdir: str, *, model: Optional[str] = None, as_of: Optional[dt.date] = None,
    progress: Optional[Callable[[int, int], None]] = None, shown: Optional[str] = None,
    limits: ReadLimits = DEFAULT_LIMITS, series: Optional[SeriesState] = None,
) -> FileOutcome:  # fmt: skip
    """Read, audit and write one report; errors come back in the outcome, never as exceptions.

    ``shown`` is the path as the user gave it, for the outcome and its messages; ``series`` the
    earlier periods of its series (the outcome's ``series`` is the state for the next one).
    """
    outcome = _audit_file(path, name, outdir, model=model, as_of=as_of, progress=progress, limits=limits, series=series)
    if shown is not None and shown != path:
        outcome.path = shown
        outcome.error = outcome.error.replace(path, shown) if outcome.error else None
        outcome.notes = [note.replace(path, shown) for note in outcome.notes]
    return outcome


def _audit_file(
    path: str, name: str, outdir: str, *, model: Optional[str], as_of: Optional[dt.date],
    progress: Optional[Callable[[int, int], None]], limits: ReadLimits, series: Optional[SeriesState] = None,
) -> FileOutcome:  # fmt: skip
    try:
        report = read_report(path, limits)
        notes = list(report.notes)
        audited, rows = audit_stream(report, worker_analyzer(model), as_of=as_of, progress=progress, series=series)
        del report  # the rows let go of the report's rows as they are audited: memory stays flat
        after: list[SeriesState] = []

        def finish(summary: dict[str, Any]) -> None:  # before the page, which shows the series
            if audited.series is not None:
                summary["series"], state = audited.series.finish(summary)
                after.append(state)

        outputs, summary = stream_report(name, audited.meta(), rows, Path(outdir), finish=finish)
    except AcnlpError as err:
        return FileOutcome(path, name, error=str(err))
    except OSError as err:
        return FileOutcome(path, name, error=f"{path}: {err.strerror or err}")
    return FileOutcome(path, name, summary["rows"], summary, [str(p) for p in outputs], notes=notes, series=after[0] if after else series)


def audit_chain(
    members: Sequence[tuple[str, str, str]], outdir: str, *, series_name: Optional[str], model: Optional[str] = None,
    as_of: Optional[dt.date] = None, limits: ReadLimits = DEFAULT_LIMITS,
    progress: Optional[Callable[[str], Optional[Callable[[int, int], None]]]] = None,
) -> Iterator[FileOutcome]:  # fmt: skip
    """Audit ``(path, name, shown)`` members one after the other, as the periods of the series
    ``series_name`` (earliest first), each compared with those before it; ``series_name``
    None audits them alone. A member that fails is left out of the comparison, the others go on.
    ``progress(name)`` gives a member's row progress callback."""
    state = SeriesState(series_name, load_thresholds().repeated_answer) if series_name is not None else None
    for path, name, shown in members:
        outcome = audit_file(path, name, outdir, model=model, as_of=as_of, shown=shown, limits=limits, series=state,
                             progress=progress(name) if progress else None)  # fmt: skip
        state, outcome.series = outcome.series or state, None
        yield outcome


def _chain(members: Sequence[tuple[str, str, str]], outdir: str, **options: Any) -> list[FileOutcome]:
    """`audit_chain` as a list: what a worker sends back."""
    return list(audit_chain(members, outdir, **options))


def output_names(paths: Sequence[Path]) -> list[str]:
    """A distinct output name per input: its stem, else stem-suffix, else stem-2, stem-3 …

    >>> output_names([Path("a/report.docx"), Path("report.xlsx"), Path("b/report.docx"), Path("c/report.docx")])
    ['report', 'report-xlsx', 'report-docx', 'report-2']
    """
    names: list[str] = []
    for path in paths:
        candidates = [path.stem, f"{path.stem}-{path.suffix.lstrip('.').lower()}"]
        name = next((c for c in candidates if c not in names), "")
        n = 2
        while not name or name in names:
            name, n = f"{path.stem}-{n}", n + 1
        names.append(name)
    return names


def audit_files(
    paths: Sequence[Path],
    outdir: Path,
    *,
    jobs: int = -1,
    model: Optional[str] = None,
    as_of: Optional[dt.date] = None,
    cluster: Optional[str] = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    plan: Optional[SeriesPlan] = None,
) -> Iterator[FileOutcome]:
    """Audit every file, yielding outcomes as they finish (in input order on a cluster).

    ``jobs`` is joblib's ``n_jobs`` (-1: every core); ``cluster`` a Dask scheduler address
    (``tcp://host:port``), which needs ``pip install acnlp[distributed]``. ``plan``
    (`acnlp.audit.series.plan_series`) makes each series one task, its periods in order.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    plan = plan or SeriesPlan([[i] for i in range(len(paths))], [None] * len(paths))
    # Workers outlive a call (and a cluster's run elsewhere), so they get absolute paths.
    members = [(str(path.resolve()), name, str(path)) for path, name in zip(paths, output_names(paths))]
    tasks = [
        delayed(_chain)([members[i] for i in chain], str(outdir.resolve()), series_name=series, model=model, as_of=as_of, limits=limits)
        for chain, series in zip(plan.chains, plan.names)
    ]
    if cluster is not None:
        for outcomes in _on_cluster(cluster, tasks):
            yield from outcomes
        return
    for outcomes in Parallel(n_jobs=jobs, return_as="generator_unordered")(tasks):
        yield from outcomes


def _on_cluster(address: str, tasks: list[Any]) -> Iterator[list[FileOutcome]]:
    try:
        from dask.distributed import Client
    except ImportError:
        raise BackendError(E.MISSING_EXTRA, mode="cluster", extra="distributed") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: an address Dask cannot parse
        raise ClusterError(E.CLUSTER_UNREACHABLE, address=address, reason=err) from None
    with client, parallel_config(backend="dask", wait_for_workers_timeout=30):
        yield from Parallel(n_jobs=-1)(tasks)
