"""Audit many reports in parallel: worker processes on this machine, or a Dask cluster.

Each worker loads the model once (`worker_analyzer` is cached per process), reads one report,
audits it and writes its four files as the rows come (`acnlp.audit.outputs.stream_report`:
memory does not grow with the report); the parent only hands out paths and collects figures,
and never imports the model's stack. On this machine the workers are one pool for the run
(loky's reusable executor, as joblib uses it); `start_workers` has them load the model while
the parent still plans the run, so their start-up (seconds each) overlaps it, and the largest
reports go first. How many: `default_jobs` (one per report up to the cores, and one alone
for a small batch, where a second worker's start-up costs more than it saves). One large
report alone has its rows split over the workers instead (`RowPool`): the workers analyse
chunks of rows while this process reads the report and writes the outputs, in input order.
A file that fails comes back with its reason and the others go on. On a cluster the workers
must see the input and output folders (a shared filesystem), as they read and write them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Optional

from joblib import Parallel, delayed, parallel_config

from ..analyzer import Analyzer, load, settle
from ..errors import AcnlpError, BackendError, ClusterError, E
from ..io.limits import DEFAULT_LIMITS, ReadLimits
from ..io.reader import read_report
from ..nlp.spacy_import import spacy_without_torch
from ..report import Row
from .enrich import BATCH, audit_rows, audit_stream
from .flags import Thresholds, load_thresholds
from .outputs import stream_report
from .period import Period
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
    spacy_without_torch()
    analyzer = load(model)
    settle(analyzer)
    return analyzer


def audit_file(
    path: str, name: str, outdir: str, *, model: Optional[str] = None, as_of: Optional[dt.date] = None,
    progress: Optional[Callable[[int, int], None]] = None, shown: Optional[str] = None,
    limits: ReadLimits = DEFAULT_LIMITS, series: Optional[SeriesState] = None, pool: Optional[RowPool] = None,
) -> FileOutcome:  # fmt: skip
    """Read, audit and write one report; errors come back in the outcome, never as exceptions.

    ``shown`` is the path as the user gave it, for the outcome and its messages; ``series`` the
    earlier periods of its series (the outcome's ``series`` is the state for the next one).
    ``pool`` audits the rows in its workers, chunk by chunk, while this process reads and writes.
    """
    outcome = _audit_file(path, name, outdir, model=model, as_of=as_of, progress=progress, limits=limits, series=series, pool=pool)
    if shown is not None and shown != path:
        outcome.path = shown
        outcome.error = outcome.error.replace(path, shown) if outcome.error else None
        outcome.notes = [note.replace(path, shown) for note in outcome.notes]
    return outcome


def _audit_file(
    path: str, name: str, outdir: str, *, model: Optional[str], as_of: Optional[dt.date],
    progress: Optional[Callable[[int, int], None]], limits: ReadLimits, series: Optional[SeriesState] = None,
    pool: Optional[RowPool] = None,
) -> FileOutcome:  # fmt: skip
    try:
        report = read_report(path, limits)
        notes = list(report.notes)
        if pool is None:
            audited, rows = audit_stream(report, worker_analyzer(model), as_of=as_of, progress=progress, series=series)
        else:
            audited, rows = audit_stream(report, None, as_of=as_of, progress=progress, series=series,
                                         row_auditor=pool.audit_rows, model_name=pool.model_name())
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
    except WorkerStopped as err:
        return FileOutcome(path, name, error=f"{path}: the process auditing its rows stopped ({err}); nothing of it was written")
    return FileOutcome(path, name, summary["rows"], summary, [str(p) for p in outputs], notes=notes, series=after[0] if after else series)


def audit_chain(
    members: Sequence[tuple[str, str, str]], outdir: str, *, series_name: Optional[str], model: Optional[str] = None,
    as_of: Optional[dt.date] = None, limits: ReadLimits = DEFAULT_LIMITS,
    progress: Optional[Callable[[str], Optional[Callable[[int, int], None]]]] = None, pool: Optional[RowPool] = None,
) -> Iterator[FileOutcome]:  # fmt: skip
    """Audit ``(path, name, shown)`` members one after the other, as the periods of the series
    ``series_name`` (earliest first), each compared with those before it; ``series_name``
    None audits them alone. A member that fails is left out of the comparison, the others go on.
    ``progress(name)`` gives a member's row progress callback."""
    state = SeriesState(series_name, load_thresholds().repeated_answer) if series_name is not None else None
    for path, name, shown in members:
        outcome = audit_file(path, name, outdir, model=model, as_of=as_of, shown=shown, limits=limits, series=state,
                             progress=progress(name) if progress else None, pool=pool)  # fmt: skip
        state, outcome.series = outcome.series or state, None
        yield outcome


def _chain(members: Sequence[tuple[str, str, str]], outdir: str, **options: Any) -> list[FileOutcome]:
    """`audit_chain` as a list: what a worker sends back."""
    return list(audit_chain(members, outdir, **options))


class WorkerStopped(Exception):
    """A worker process stopped while it audited a chunk of rows (killed, out of memory)."""


#: Rows a worker audits per task when one report is split over the workers: whole analysis
#: batches; enough that sending them costs little beside their analysis, few enough that
#: every worker starts soon. (A row's scores do not depend on its batch, so any size gives the
#: same outputs.)
CHUNK_ROWS = 2 * BATCH


@dataclass
class RowPool:
    """Worker processes that audit one report's rows, chunk by chunk, while this process reads
    the report and writes its outputs: so every core works on one big report too. The rows come
    back in input order, and no more than two chunks a worker are in flight at once."""

    executor: Any
    workers: int
    model: Optional[str] = None
    chunk_rows: int = CHUNK_ROWS

    def model_name(self) -> str:
        """The model's name, as the workers loaded it (this process never loads the model)."""
        return _result(self.executor.submit(_model_name, self.model))

    def audit_rows(self, rows: Iterable[Row], *, period: Period, thresholds: Thresholds, total: Optional[int] = None,
                   progress: Optional[Callable[[int, int], None]] = None) -> Iterator[dict[str, Any]]:  # fmt: skip
        """`acnlp.audit.enrich.audit_rows`, its chunks audited by the workers."""
        rows, pending, done = iter(rows), deque(), 0

        def submit() -> bool:
            chunk = list(islice(rows, self.chunk_rows))
            if chunk:
                pending.append(self.executor.submit(_audit_chunk, chunk, self.model, period, thresholds))
            return bool(chunk)

        for _ in range(2 * self.workers):  # each worker has its next chunk waiting when it finishes one
            if not submit():
                break
        try:
            while pending:
                audited = _result(pending.popleft())
                submit()
                yield from audited
                done += len(audited)
                if progress is not None:
                    progress(done, done if total is None else total)
        finally:
            for future in pending:  # stopped early (an error, a Ctrl-C): no chunk is left to run
                future.cancel()


def row_pool(jobs: int, model: Optional[str] = None) -> Optional[RowPool]:
    """The workers that audit one big report's rows, or None when this process is the only one."""
    return RowPool(worker_pool(jobs), jobs, model) if jobs > 1 else None


def _result(future: Any) -> Any:
    try:
        return future.result()
    except AcnlpError:
        raise
    except Exception as err:  # noqa: BLE001 - the worker died: its file fails, the run goes on
        raise WorkerStopped(f"{type(err).__name__}: {err}") from None


def _model_name(model: Optional[str]) -> str:
    return worker_analyzer(model).name


def _audit_chunk(rows: list[Row], model: Optional[str], period: Period, thresholds: Thresholds) -> list[dict[str, Any]]:
    return list(audit_rows(rows, worker_analyzer(model), period=period, thresholds=thresholds))


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


#: Input bytes below which a batch is audited by one process: a second worker's start-up
#: (importing spaCy and pymorphy3, loading the model: 3-4 s on 2 cores) is about what one
#: process takes for a megabyte of report text, so below that it costs more than it saves
#: (`python benchmarks/audit.py`).
PARALLEL_FROM_BYTES = 1 << 20

#: Bytes from which one task alone (a report, or a series audited in order) has its rows split
#: over the workers (`RowPool`): this process then reads and writes while they analyse. Reading
#: and writing are a good half of an audit, so it pays off only for large reports: no gain at
#: 6,000 rows (3.8 MB), a little at 18,000 (12 MB) (`python benchmarks/audit.py --split`).
SPLIT_FROM_BYTES = 8 << 20


def default_jobs(sizes: Sequence[int], jobs: Optional[int] = None, cores: Optional[int] = None) -> int:
    """How many processes audit tasks of ``sizes`` bytes: ``jobs`` as given (negative counts
    back from every core: -1 is every core), never more than there are tasks unless one task
    alone is `SPLIT_FROM_BYTES` or more (its rows are then split over them); by default one
    per task up to the cores, and one alone for a batch under `PARALLEL_FROM_BYTES`.

    >>> default_jobs([40_000, 60_000]), default_jobs([3_000_000, 2_000_000, 900_000], cores=2), default_jobs([900_000], -1, cores=8)
    (1, 2, 1)
    >>> default_jobs([30_000_000], cores=2), default_jobs([30_000_000], 1, cores=2), default_jobs([2_000_000], cores=2)
    (2, 1, 1)
    """
    cores = cores or os.cpu_count() or 1
    if jobs is None:
        jobs = cores if sum(sizes) >= PARALLEL_FROM_BYTES else 1
    elif jobs < 0:
        jobs = max(1, cores + 1 + jobs)
    if len(sizes) == 1 and sizes[0] >= SPLIT_FROM_BYTES:
        return max(1, jobs)
    return max(1, min(jobs, len(sizes)))


def start_workers(jobs: int, model: Optional[str] = None) -> Any:
    """The pool of ``jobs`` worker processes on this machine, each told to load the model now,
    so their start-up runs while the parent does other work (the pool stays for the run)."""
    pool = worker_pool(jobs)
    for _ in range(jobs):
        pool.submit(warm_worker, model)
    return pool


def warm_worker(model: Optional[str]) -> None:
    """Load everything an audit needs in this process: the model, and the backbone its first
    line loads (spaCy's tokenizer, pymorphy3's dictionaries). loky measures a worker's memory
    after its first task and restarts a worker that grows 300 MB past it, taken for a leak:
    after this task the measure holds the whole model, so the worker stays for the run."""
    worker_analyzer(model).analyze("Наказом від 26.02.2019 № 29 проведено 2 навчання.")


def worker_pool(jobs: int) -> Any:
    """The run's pool of ``jobs`` worker processes (the same one `start_workers` started)."""
    from joblib.externals.loky import get_reusable_executor

    # One BLAS thread per core a worker has, as joblib sets it: two workers each running two
    # threads on two cores would only take turns.
    threads = str(max(1, (os.cpu_count() or 1) // jobs))
    env = {name: threads for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    return get_reusable_executor(max_workers=jobs, env=env, timeout=300)


def audit_files(
    paths: Sequence[Path],
    outdir: Path,
    *,
    jobs: Optional[int] = None,
    model: Optional[str] = None,
    as_of: Optional[dt.date] = None,
    cluster: Optional[str] = None,
    limits: ReadLimits = DEFAULT_LIMITS,
    plan: Optional[SeriesPlan] = None,
) -> Iterator[FileOutcome]:
    """Audit every file, yielding outcomes as they finish (in input order on a cluster).

    ``jobs`` is how many worker processes (`default_jobs`); ``cluster`` a Dask scheduler
    address (``tcp://host:port``), which needs ``pip install acnlp[distributed]``. ``plan``
    (`acnlp.audit.series.plan_series`) makes each series one task, its periods in order.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    plan = plan or SeriesPlan([[i] for i in range(len(paths))], [None] * len(paths))
    # Workers outlive a call (and a cluster's run elsewhere), so they get absolute paths.
    members = [(str(path.resolve()), name, str(path)) for path, name in zip(paths, output_names(paths))]
    chains = [([members[i] for i in chain], series) for chain, series in zip(plan.chains, plan.names)]
    options = {"model": model, "as_of": as_of, "limits": limits}
    if cluster is not None:
        tasks = [delayed(_chain)(chain, str(outdir.resolve()), series_name=series, **options) for chain, series in chains]
        for outcomes in _on_cluster(cluster, tasks):
            yield from outcomes
        return
    sizes = [sum(_size(path) for path, _, _ in chain) for chain, _ in chains]
    workers = default_jobs(sizes, jobs)
    if workers == 1 or len(chains) == 1:  # in this process, in input order, as joblib runs one job
        pool = row_pool(workers, model)  # more than one worker: one big task, its rows split
        for chain, series in chains:
            yield from audit_chain(chain, str(outdir.resolve()), series_name=series, pool=pool, **options)
        return
    # The largest first: a large report left for last would keep one worker busy alone.
    chains = [chains[i] for i in sorted(range(len(chains)), key=lambda i: -sizes[i])]
    pool = worker_pool(workers)
    futures = {pool.submit(_chain, chain, str(outdir.resolve()), series_name=series, **options): chain for chain, series in chains}
    try:
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except Exception as err:  # noqa: BLE001 - a worker that died (killed, out of memory): its files fail, the others go on
                outcomes = [FileOutcome(shown, name, error=f"{shown}: the process auditing it stopped ({type(err).__name__}: {err})")
                            for _, name, shown in futures[future]]  # fmt: skip
            yield from outcomes
    except BaseException:  # a Ctrl-C, or the caller stopped listening: no worker goes on writing
        pool.shutdown(wait=False, kill_workers=True)
        raise


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # the worker says what is wrong with it


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
