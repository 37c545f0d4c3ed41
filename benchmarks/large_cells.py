"""Time per MB of auditing one very large status cell, against ordinary cells in the same run.

    python benchmarks/large_cells.py [--sizes 10000 100000 1000000] [--reference 200000]

For each size, a one-row report whose status is the seed reports' answers strung together to
that many characters is audited the way `acnlp audit` does it (label, evidence, flags, then
JSONL, CSV, XLSX and the HTML page written), with the model loaded and warm. The reference is
the same work on ordinary cells: ``--reference`` characters of the seed answers as they are,
one per row. A cost linear in text length shows as a flat "s per MB" column; cells over
`acnlp.analyzer.MAX_ANALYSED_CHARS` are analysed on their first part and flagged `truncated`,
so past that size only reading and writing them grows with the text.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from itertools import cycle
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from acnlp import load, read_report  # noqa: E402
from acnlp.analyzer import MAX_ANALYSED_CHARS  # noqa: E402
from acnlp.audit import audit_report, summarize  # noqa: E402
from acnlp.audit.outputs import write_report  # noqa: E402
from acnlp.report import Report  # noqa: E402


def seed_report() -> Report:
    return read_report(REPO / "corpus" / "reports" / "dms_2019_annual.txt")


def answers() -> list[str]:
    rows = [row for name in ("dms_2019_annual.txt", "luhansk_housing_2019_q3.txt") for row in read_report(REPO / "corpus" / "reports" / name).rows]
    return [" ".join(row.status.split()) for row in rows if row.status.strip()]


def long_answer(size: int) -> str:
    parts, length = [], 0
    for text in cycle(answers()):
        if length >= size:
            break
        parts.append(text)
        length += len(text) + 1
    return " ".join(parts)[:size]


def timed_audit(report: Report, analyzer, out: Path) -> tuple[float, list[str]]:
    """Seconds to audit and write a report, and the flags of its first row."""
    started = time.perf_counter()
    audited = audit_report(report, analyzer)
    write_report(audited.name, audited.meta(), audited.rows, summarize(audited.rows), out)
    return time.perf_counter() - started, [flag["code"] for flag in audited.rows[0]["flags"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000])
    parser.add_argument("--reference", type=int, default=200_000, help="characters of ordinary cells for the reference")
    args = parser.parse_args()
    analyzer, template = load(), seed_report()
    out = Path(tempfile.mkdtemp(prefix="acnlp-large-cells-"))
    timed_audit(replace(template, rows=template.rows[:3]), analyzer, out)  # warm the caches

    rows, length = [], 0
    for i, text in enumerate(cycle(answers())):
        if length >= args.reference:
            break
        rows.append(replace(template.rows[i % len(template.rows)], index=i + 1, status=f"{text} (пункт {i + 1})"))
        length += len(rows[-1].status)
    reference, _ = timed_audit(replace(template, rows=rows), analyzer, out)
    per_mb_reference = reference / (length / 1e6)
    print(f"reference: {len(rows)} ordinary cells, {length:,} characters: {reference:.2f} s, {per_mb_reference:.2f} s per MB")
    print(f"cells over {MAX_ANALYSED_CHARS:,} characters are analysed on their first part (flag `truncated`)")
    print(f"{'one cell of':>14} | {'s':>7} | {'s per MB':>8} | {'× reference':>11} | flags")
    for size in args.sizes:
        row = replace(template.rows[0], status=long_answer(size))
        seconds, flags = timed_audit(replace(template, rows=[row]), analyzer, out)
        per_mb = seconds / (size / 1e6)
        print(f"{size:>14,} | {seconds:>7.2f} | {per_mb:>8.2f} | {per_mb / per_mb_reference:>11.2f} | {', '.join(flags)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
