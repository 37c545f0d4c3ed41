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
    import subprocess
    import sys

    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed (it comes with the stanza extra): nothing to keep out")
    script = (
        "import sys\n"
        "from acnlp.audit.runner import worker_analyzer\n"
        "worker_analyzer(None).analyze('Проведено 2 навчання.')\n"
        "print('spacy' in sys.modules, 'torch' in sys.modules)\n"
        "import torch\n"
        "print(torch.tensor([1, 2]).sum().item())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "False", "3"]
