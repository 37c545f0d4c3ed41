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
