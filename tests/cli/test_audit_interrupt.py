"""Ctrl-C in the middle of `acnlp audit`, for real: a subprocess, a large generated report, SIGINT.

After the signal every file under a final name must be complete (JSONL lines == rows, the
XLSX opens, the CSV parses), a report's files are there all four or not at all, no temporary
file is left, the command says what was finished and exits 130.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from openpyxl import load_workbook

from acnlp import read_report
from acnlp.audit.outputs import OUTPUT_SUFFIXES

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
HEADER = "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання\n"


def large_report(path: Path, rows: int) -> Path:
    """A tab-separated report of ``rows`` rows made of the seed reports' rows, each answer
    made distinct (so no cache makes the audit short)."""
    seeds = [row for name in ("dms_2019_annual.txt", "luhansk_housing_2019_q3.txt") for row in read_report(REPORTS / name).rows]
    clean = lambda text: " ".join(text.split())  # noqa: E731 - a cell must not hold a tab or a line break
    lines = [HEADER]
    for i in range(rows):
        seed = seeds[i % len(seeds)]
        lines.append(f"{i + 1}\t{clean(seed.measure)}\t{clean(seed.deadline)}\t{clean(seed.responsible)}\t{clean(seed.status)} (пункт {i + 1})\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def complete(folder: Path, name: str, rows: int) -> None:
    """All four outputs of a report are there and whole."""
    jsonl = (folder / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(jsonl) == rows and all(json.loads(line)["report"] == name for line in jsonl)
    with (folder / f"{name}.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == rows
    assert len(list(load_workbook(folder / f"{name}.xlsx")["rows"].iter_rows())) == rows + 1
    assert (folder / f"{name}.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def collect(stream: IO[bytes], into: list[bytes]) -> threading.Thread:
    """Read ``stream`` into ``into`` as it comes (the test waits on what the command says)."""
    thread = threading.Thread(target=lambda: into.extend(iter(lambda: stream.read1(4096), b"")), daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_ctrl_c_leaves_only_complete_outputs(tmp_path: Path, jobs: str) -> None:
    big = large_report(tmp_path / "big.txt", 3000)
    out = tmp_path / "out"
    # The whole process group gets the signal, as from a terminal's Ctrl-C (workers too).
    process = subprocess.Popen(
        [sys.executable, "-m", "acnlp.cli", "audit", str(REPORTS / "luhansk_housing_2019_q3.txt"), str(big), "-o", str(out), "--jobs", jobs],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    said: list[bytes] = []
    reader = collect(process.stderr, said)
    try:
        # the command has announced the small report (so it counts it as finished), and works on the large one
        assert wait_for(lambda: b"luhansk_housing_2019_q3: 37 rows" in b"".join(said), 180), b"".join(said).decode("utf-8")
        time.sleep(0.5)
        assert process.poll() is None, "the audit ended before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=120)
        reader.join(timeout=10)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    message = b"".join(said).decode("utf-8")
    assert process.returncode == 130, message
    assert "[E087] interrupted by SIGINT: 1 report(s) (luhansk_housing_2019_q3)" in " ".join(message.split()), message
    assert "Traceback" not in message
    complete(out, "luhansk_housing_2019_q3", 37)
    assert not any((out / f"big.{suffix}").exists() for suffix in OUTPUT_SUFFIXES)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"luhansk_housing_2019_q3.{suffix}" for suffix in OUTPUT_SUFFIXES)


def test_audit_sigterm_stops_like_ctrl_c(tmp_path: Path) -> None:
    big = large_report(tmp_path / "big.txt", 6000)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "acnlp.cli", "audit", str(big), "-o", str(out), "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        assert wait_for(out.exists, 60)  # the output folder is checked (and made) first
        time.sleep(6.0)  # the model is loaded and rows are being audited
        assert process.poll() is None, "the audit ended before it could be stopped"
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143, stderr.decode("utf-8")
    assert "interrupted by SIGTERM: 0 report(s)" in " ".join(stderr.decode("utf-8").split())
    assert list(out.iterdir()) == []
