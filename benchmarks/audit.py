"""Speed and memory of `acnlp audit`: rows per second on one core and on all cores.

    python benchmarks/audit.py [--rows 5000] [--files 4]

Builds a report of ``--rows`` rows from the rows of the two seed reports (renumbered, in the
text layout the readers know), then runs ``acnlp audit`` in a fresh process on it:

1. one report, ``--jobs 1``: rows per second on one core, and the process's peak memory;
2. the same rows split into ``--files`` reports, ``--jobs 1`` and ``--jobs -1``: the ratio
   is what the parallel path buys on this machine.

Each run is a new ``acnlp`` process, so model loading is in the figures (as a user sees it);
the start-up alone is measured too (``acnlp audit`` on a one-row report) and shown apart.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from acnlp import read_report  # noqa: E402

HEADER = "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання"


def seed_rows() -> list[tuple[str, str, str, str]]:
    rows = []
    for name in ("dms_2019_annual.txt", "luhansk_housing_2019_q3.txt"):
        for row in read_report(REPO / "corpus" / "reports" / name).rows:
            rows.append(tuple(" ".join(cell.split()) for cell in (row.measure, row.deadline, row.responsible, row.status)))
    return rows


def write_report(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    lines = ["ЗВІТ про виконання Антикорупційної програми на 2019 рік", HEADER]
    lines += [f"{i}\t" + "\t".join(cells) for i, cells in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_audit(inputs: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    """Seconds of one ``acnlp audit`` process, and its peak resident memory in MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from acnlp.cli import main; main()", "audit", *map(str, inputs), "-o", str(out), "--jobs", str(jobs)],
                   check=True, capture_output=True)  # fmt: skip
    seconds = time.perf_counter() - started
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--files", type=int, default=4)
    args = parser.parse_args()
    pool = seed_rows()
    rows = [pool[i % len(pool)] for i in range(args.rows)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_report(folder / "one_row.txt", rows[:1])
        write_report(folder / "big.txt", rows)
        per_file = -(-len(rows) // args.files)
        parts = []
        for n in range(args.files):
            parts.append(folder / "parts" / f"part{n + 1}.txt")
            parts[-1].parent.mkdir(exist_ok=True)
            write_report(parts[-1], rows[n * per_file : (n + 1) * per_file])
        startup, base = run_audit([folder / "one_row.txt"], folder / "o0", 1)
        one, peak = run_audit([folder / "big.txt"], folder / "o1", 1)
        serial, _ = run_audit(parts, folder / "o2", 1)
        parallel, _ = run_audit(parts, folder / "o3", -1)
    print(f"acnlp audit, {args.rows} rows from the seed reports' rows; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    print(f"| run | seconds | rows/s |\n|---|---:|---:|\n| start-up (one-row report) | {startup:.1f} | |")
    print(f"| one report of {args.rows} rows, --jobs 1 | {one:.1f} | {args.rows / one:,.0f} |")
    print(f"| {args.files} reports, --jobs 1 | {serial:.1f} | {args.rows / serial:,.0f} |")
    print(f"| {args.files} reports, --jobs -1 (all cores) | {parallel:.1f} | {args.rows / parallel:,.0f} |")
    print(f"all cores against one: {serial / parallel:.2f}x; one report of {args.rows} rows against {args.files}: {one / serial:.2f}x the time")
    print(f"peak memory: {base:.0f} MiB auditing a one-row report, {peak:.0f} MiB auditing {args.rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
