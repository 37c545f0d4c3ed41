"""Auditing many reports: joblib on this machine, and the same code on a Dask cluster.

The cluster is a real `distributed.LocalCluster` with worker processes, started here; the
outputs must be the same as a local run's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acnlp.audit.runner import audit_files
from acnlp.cli import app

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
runner = CliRunner()


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    return out


def test_runner_local_parallel_writes_every_output(local_run: Path) -> None:
    names = sorted(p.name for p in local_run.iterdir())
    for report in ("dms_2019_annual", "luhansk_housing_2019_q3"):
        assert {f"{report}.{suffix}" for suffix in ("jsonl", "csv", "xlsx", "html")} <= set(names)
    assert {"summary.csv", "summary.json"} <= set(names)


def test_runner_dask_cluster_gives_the_same_output(local_run: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(tmp_path), "--cluster", cluster.scheduler_address])
    assert result.exit_code == 0, result.output
    for name in ("dms_2019_annual.jsonl", "luhansk_housing_2019_q3.jsonl", "dms_2019_annual.csv", "summary.csv", "summary.json"):
        assert (tmp_path / name).read_bytes() == (local_run / name).read_bytes(), name


def test_runner_a_failing_file_does_not_stop_the_others(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(REPORTS, inputs)
    (inputs / "broken.docx").write_bytes(b"not a zip at all")
    outcomes = {o.name: o for o in audit_files(sorted(inputs.iterdir()), tmp_path / "out", jobs=2)}
    assert "broken.docx" in (outcomes["broken"].error or "")
    assert outcomes["dms_2019_annual"].rows == 42 and outcomes["luhansk_housing_2019_q3"].rows == 37


def test_runner_workers_start_once_and_stay_for_every_report(tmp_path: Path) -> None:
    """Worker start-up is paid once: the same two processes audit every report of a run (none
    restarted, none added), and the pool stays for the next run in this process."""
    from acnlp.audit.runner import start_workers

    pool = start_workers(2)
    reports = sorted(REPORTS.iterdir())
    inputs = [tmp_path / f"{n}_{path.name}" for n in range(3) for path in reports]
    for path, source in zip(inputs, reports * 3):
        shutil.copy(source, path)
    workers = set(pool._processes)  # loky's own table of its worker processes, by pid
    outcomes = list(audit_files(inputs, tmp_path / "out", jobs=2))
    assert len(workers) == 2 and all(o.error is None for o in outcomes) and len(outcomes) == 6
    assert set(pool._processes) == workers
    assert set(start_workers(2)._processes) == workers  # the pool stays for the next run


def test_runner_default_jobs_follow_the_batch() -> None:
    from acnlp.audit.runner import PARALLEL_FROM_BYTES, default_jobs

    seed = [path.stat().st_size for path in REPORTS.iterdir()]
    assert default_jobs(seed, cores=2) == 1  # the two seed reports: one process
    assert default_jobs([PARALLEL_FROM_BYTES // 8] * 8, cores=2) == 2 and default_jobs([PARALLEL_FROM_BYTES] * 3, cores=8) == 3
    assert default_jobs(seed, 4, cores=2) == 2 and default_jobs(seed, -1, cores=2) == 2 and default_jobs(seed, -2, cores=2) == 1


def test_runner_audit_processes_import_spacy_without_torch() -> None:
    """An audit process never loads torch (200 MiB and a second, for nothing it uses), and a
    later `import torch` in it still works."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed (it comes with the stanza extra): nothing to keep out")
    printed = _printed_by_a_fresh_process(
        "import sys\n"
        "from acnlp.audit.runner import worker_analyzer\n"
        "worker_analyzer(None).analyze('Проведено 2 навчання.')\n"
        "print('spacy' in sys.modules, 'torch' in sys.modules)\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )
    assert printed == ["True", "False", "3"]


def test_runner_audit_processes_settle_their_analyzer() -> None:
    """An audit process (a worker, or the command's own with one job) gets its analyzer settled
    as `acnlp cells` does: the loaded tables frozen and the collector run less often, which took
    13 % off an 18,000-row audit's CPU time."""
    printed = _printed_by_a_fresh_process(
        "import gc\n"
        "from acnlp.analyzer import LONG_RUN_GC_THRESHOLDS\n"
        "from acnlp.audit.runner import worker_analyzer\n"
        "print(gc.get_threshold() == LONG_RUN_GC_THRESHOLDS)\n"
        "worker_analyzer(None)\n"
        "print(gc.get_threshold() == LONG_RUN_GC_THRESHOLDS, gc.get_freeze_count() > 10_000)\n"
    )
    assert printed == ["False", "True", "True"]


def _printed_by_a_fresh_process(script: str) -> list[str]:
    """The words ``script`` prints in a Python process of its own (this session has imported
    and set up everything already)."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()


def test_runner_one_report_split_over_the_workers_writes_what_one_process_writes(tmp_path: Path) -> None:
    """A big report alone has its rows audited by the workers, chunk by chunk (`RowPool`), while
    this process reads and writes: the outputs are byte for byte those of one process, rows in
    input order across the chunks, and the progress counts every row."""
    from acnlp.audit.runner import RowPool, audit_file, worker_pool

    report = str(REPORTS / "dms_2019_annual.txt")
    (tmp_path / "one").mkdir()
    (tmp_path / "split").mkdir()
    alone = audit_file(report, "dms", str(tmp_path / "one"))
    seen: list[tuple[int, int]] = []
    # chunks of 5 rows: the report's 42 rows cross nine chunk boundaries, four chunks in flight
    split = audit_file(report, "dms", str(tmp_path / "split"), pool=RowPool(worker_pool(2), 2, chunk_rows=5),
                       progress=lambda done, total: seen.append((done, total)))
    assert alone.error is None and split.error is None and split.rows == alone.rows == 42
    for suffix in ("jsonl", "csv"):
        assert (tmp_path / "split" / f"dms.{suffix}").read_bytes() == (tmp_path / "one" / f"dms.{suffix}").read_bytes()
    assert split.summary == alone.summary
    assert seen[-1] == (42, 42) and [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) == 9


def test_runner_a_bad_model_fails_a_split_report_with_its_reason(tmp_path: Path) -> None:
    from acnlp.audit.runner import RowPool, audit_file, worker_pool

    outcome = audit_file(str(REPORTS / "dms_2019_annual.txt"), "dms", str(tmp_path),
                         pool=RowPool(worker_pool(2), 2, model=str(tmp_path / "no-model"), chunk_rows=5))
    assert outcome.error is not None and "E0" in outcome.error and "no-model" in outcome.error
    assert not any(tmp_path.glob("dms.*"))  # nothing half-written
