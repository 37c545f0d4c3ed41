"""Speed and memory of `acnlp audit` on large reports and on a batch, against spaCy's stock lemmatizer.

    python benchmarks/audit.py [--rows 18000] [--large 50000] [--batch 8x2500] [--split 6000 18000] [--without-torch]

Builds its inputs from the annotated corpus's cells (every cell of ``corpus/*.jsonl``, in file
order, cycled: deterministic), in the tab-separated text layout the readers know:

- a report of ``--rows`` rows and one of ``--large`` rows;
- a batch of ``--batch`` reports (8 of 2,500 rows), each from its own stretch of the cells and
  each a different body in its title, so that no two are periods of one series; the stretches
  overlap (20,000 rows from the corpus's cells), so the reports repeat one another's answers,
  unless ``--batch-own-cells`` gives each report its own share of the cells.

Every figure is a fresh process (timed as a user waits for it), with the peak resident memory
of its largest process (``getrusage`` of a child that runs it), printed beside its reference
from the same run:

1. the reference the issue sets: spaCy's stock ``uk`` lemmatizer (``spacy.blank("uk")`` plus the
   ``lemmatizer`` pipe in ``pymorphy3`` mode), started without acnlp (the shadow site folder of
   ``benchmarks/startup.py``), lemmatizing the report's statuses with ``nlp.pipe``;
2. ``acnlp audit REPORT --jobs 1``: cold is the whole process against the whole reference
   process; warm is the report's audit timed inside a process after its start-up (model and
   backbone loaded, one line analysed), against the statuses' lemmatization timed the same way;
3. peak memory auditing a one-row report, the ``--rows`` report and the ``--large`` one: the
   growth from one row to many is what the audit holds per row (and, with ``--distinct N``, a
   report of N rows whose answers all differ: what the analysis's capped caches take);
4. the batch with ``--jobs 1``, ``--jobs 2`` and the default, each run twice, there and back
   (1, 2, default, default, 2, 1), and the mean of its two runs shown;
5. with ``--split``, one report alone of each size with ``--jobs 1`` and ``--jobs 2`` (its rows
   split over the workers, `acnlp.audit.runner.RowPool`), each the mean of two runs.

``--without-torch`` runs every process (the reference too) as a plain ``pip install acnlp``
would: the ``stanza`` extra installs torch, which thinc imports with spaCy whenever it is
installed (200 MiB and over a second per process); a folder first on the path holds a
``torch`` package that refuses to import, so thinc goes without it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Callable
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import shadow_site  # noqa: E402

HEADER = "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання"
BODIES = ("ДМС", "ДПС", "ДСНС", "Пенсійного фонду", "Держмитслужби", "Мін'юсту", "МОЗ", "МОН", "Держгеокадастру", "Укртрансбезпеки")
Row = tuple[str, str, str, str]

#: Runs a command as its child and writes the child's peak resident memory (KiB) and CPU
#: seconds to a file: RUSAGE_CHILDREN's ru_maxrss is the largest of the children it has waited
#: for, its workers included, and its times are theirs added up.
MEASURED = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[2:]).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "open(sys.argv[1], 'w').write(f'{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}')\n"
    "sys.exit(code)\n"
)

REFERENCE = """
import json, sys, time
{hide}
import site
site.addsitedir({site!r})
started = time.perf_counter()
import spacy
nlp = spacy.blank("uk")
nlp.add_pipe("lemmatizer", config={{"mode": "pymorphy3"}})
nlp("Проведено навчання.")
ready = time.perf_counter()
statuses = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
lemmas = sum(len([token.lemma_ for token in doc]) for doc in nlp.pipe(statuses))
print(json.dumps({{"warm": time.perf_counter() - ready, "start": ready - started, "tokens": lemmas}}))
"""

WARM_AUDIT = """
import json, sys, time
from acnlp.audit.runner import audit_file, warm_worker
started = time.perf_counter()
warm_worker(None)
ready = time.perf_counter()
outcome = audit_file(sys.argv[1], "warm", sys.argv[2])
assert outcome.error is None, outcome.error
print(json.dumps({"warm": time.perf_counter() - ready, "start": ready - started, "rows": outcome.rows}))
"""


def corpus_rows() -> list[Row]:
    """(measure, deadline, responsible, status) of every corpus cell, whitespace squashed (a
    tab or a line break inside a cell would cut the text layout's rows)."""
    rows = []
    for path in sorted((REPO / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cell = json.loads(line)
            squashed = [" ".join(str(cell.get(key) or "").split()) for key in ("measure", "deadline", "status")]
            rows.append((squashed[0], squashed[1], "Уповноважений підрозділ", squashed[2]))
    return rows


def taken(pool: list[Row], count: int, start: int = 0) -> list[Row]:
    return [pool[(start + i) % len(pool)] for i in range(count)]


def write_report(path: Path, rows: list[Row], body: str = "ДМС") -> None:
    lines = [f"ЗВІТ про виконання Антикорупційної програми {body} на 2019 рік", HEADER]
    lines += [f"{i}\t" + "\t".join(cells) for i, cells in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Runner:
    """Runs commands in fresh processes, each timed and its peak memory read."""

    def __init__(self, scratch: Path, hide_torch: Optional[Path]) -> None:
        self.scratch, self.hide_torch = scratch, hide_torch
        self.env = dict(os.environ)
        if hide_torch is not None:  # inherited by every process, the audit's workers included
            self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hide_torch), self.env.get("PYTHONPATH", "")]))
        self.site = shadow_site(scratch / "site")
        self.cpu = 0.0

    def run(self, command: list[str]) -> tuple[float, float, str]:
        """Seconds, peak MiB and standard output of one fresh process (its CPU seconds, workers
        included, in ``self.cpu``)."""
        peak_file = self.scratch / "peak.txt"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", MEASURED, str(peak_file), *command], env=self.env, cwd=self.scratch,
                              capture_output=True, text=True)  # fmt: skip
        seconds = time.perf_counter() - started
        if done.returncode:
            raise SystemExit(f"failed: {' '.join(command)}\n{done.stderr[-3000:]}")
        peak, self.cpu = (float(figure) for figure in peak_file.read_text().split())
        return seconds, peak / 1024, done.stdout

    def reference(self, statuses: list[str]) -> tuple[float, float, dict[str, float]]:
        """The stock lemmatizer on ``statuses``: whole-process seconds, peak MiB, in-process figures."""
        texts = self.scratch / "statuses.jsonl"
        texts.write_text("".join(json.dumps(status, ensure_ascii=False) + "\n" for status in statuses), encoding="utf-8")
        hide = f"sys.path.insert(0, {str(self.hide_torch)!r})" if self.hide_torch else ""
        # -I -S: no user site, no site-packages but the shadow one (acnlp's entry points stay out)
        seconds, peak, out = self.run([sys.executable, "-I", "-S", "-c", REFERENCE.format(hide=hide, site=str(self.site)), str(texts)])
        return seconds, peak, json.loads(out)

    def audit(self, inputs: list[Path], *options: str) -> tuple[float, float]:
        out = self.scratch / "out"
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, _ = self.run([sys.executable, "-m", "acnlp.cli", "audit", *map(str, inputs), "-o", str(out), *options])
        return seconds, peak

    def warm_audit(self, report: Path) -> dict[str, float]:
        out = self.scratch / "warm"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        return json.loads(self.run([sys.executable, "-c", WARM_AUDIT, str(report), str(out)])[2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=18_000, help="rows of the report timed against the reference (0: skip it)")
    parser.add_argument("--large", type=int, default=50_000, help="rows of the report whose memory is measured (0: skip)")
    parser.add_argument("--batch", default="8x2500", help="REPORTSxROWS of the batch (empty: skip)")
    parser.add_argument("--batch-own-cells", action="store_true",
                        help="each report of the batch cycles over its own share of the cells, so no two reports share an answer")
    parser.add_argument("--split", type=int, nargs="*", default=[], metavar="ROWS",
                        help="reports of these many rows, one alone, audited with --jobs 1 and --jobs 2 (its rows split over the workers)")
    parser.add_argument("--distinct", type=int, default=0, help="also the peak memory of a report of this many rows whose answers all differ")
    parser.add_argument("--without-torch", action="store_true", help="every process without torch, as a plain install")
    args = parser.parse_args()
    pool = corpus_rows()
    lines: list[str] = []

    def say(line: str = "") -> None:
        lines.append(line)
        print(line, flush=True)

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        hide = None
        if args.without_torch:
            hide = scratch / "hide"
            (hide / "torch").mkdir(parents=True)
            (hide / "torch" / "__init__.py").write_text('raise ImportError("torch is hidden by benchmarks/audit.py --without-torch")\n')
        runner = Runner(scratch, hide)
        say(f"acnlp audit on reports built from {len(pool):,} corpus cells; {os.cpu_count()} cores; Python {sys.version.split()[0]}"
            + ("; torch hidden (a plain install)" if hide else "; torch installed (the stanza extra)"))
        say(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")

        one_row, main_report = scratch / "one_row.txt", scratch / f"rows_{args.rows}.txt"
        write_report(one_row, taken(pool, 1))
        if args.rows:
            report_figures(runner, say, pool, args.rows, args.large, one_row, main_report)
        if args.distinct:
            # each answer made unique by a sentence of its own: the analysis's caches meet a new text every row
            distinct = scratch / f"distinct_{args.distinct}.txt"
            write_report(distinct, [(*row[:3], f"{row[3]} Пункт {i} плану.") for i, row in enumerate(taken(pool, args.distinct), 1)])
            seconds, peak = runner.audit([distinct], "--jobs", "1")
            say(f"\n{args.distinct:,} rows whose answers all differ, --jobs 1: {seconds:.0f} s, peak {peak:.0f} MiB")
        batch_figures(runner, say, pool, args.batch, scratch, own_cells=args.batch_own_cells)
        split_figures(runner, say, pool, args.split, scratch)
        say(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


def report_figures(runner: Runner, say: Callable[[str], None], pool: list[Row], count: int, large: int, one_row: Path, report: Path) -> None:
    """The report of ``count`` rows against the reference, cold and warm, and the memory figures."""
    rows = taken(pool, count)
    write_report(report, rows)
    say(f"| {count:,} rows | acnlp audit --jobs 1 | stock lemmatizer on its statuses | × reference | goal |")
    say("|---|---:|---:|---:|---:|")
    ref_seconds, ref_peak, ref_inside = runner.reference([row[3] for row in rows])
    seconds, peak = runner.audit([report], "--jobs", "1")
    say(f"| cold: a fresh process, s | {seconds:.1f} | {ref_seconds:.1f} | **{seconds / ref_seconds:.2f}** | ≤ 1.5 |")
    warm = runner.warm_audit(report)
    say(f"| warm: after start-up, s | {warm['warm']:.1f} | {ref_inside['warm']:.1f} | **{warm['warm'] / ref_inside['warm']:.2f}** | |")
    say(f"| start-up inside the process, s | {warm['start']:.1f} | {ref_inside['start']:.1f} | | |")
    say(f"| rows/s, warm | {count / warm['warm']:,.0f} | {count / ref_inside['warm']:,.0f} | | |")
    say(f"| peak memory, MiB | {peak:.0f} | {ref_peak:.0f} | {peak / ref_peak:.2f} | ≤ 450 MiB |")

    _, base = runner.audit([one_row], "--jobs", "1")
    say(f"\n| memory | peak MiB | over a one-row report | goal |\n|---|---:|---:|---:|\n| one-row report | {base:.0f} | | |")
    say(f"| {count:,} rows | {peak:.0f} | +{peak - base:.0f} | ≤ 450 |")
    if large:
        path = report.with_name(f"rows_{large}.txt")
        write_report(path, taken(pool, large))
        large_seconds, large_peak = runner.audit([path], "--jobs", "1")
        say(f"| {large:,} rows ({large_seconds:.0f} s, {large / large_seconds:,.0f} rows/s) | {large_peak:.0f} | +{large_peak - base:.0f} | ≤ 450 |")


def batch_figures(runner: Runner, say: Callable[[str], None], pool: list[Row], shape: str, scratch: Path, *,
                  own_cells: bool = False) -> None:
    """The batch (``REPORTSxROWS``) with --jobs 1, --jobs 2 and the default options. Its reports
    take consecutive stretches of the cycled cells, so with more rows than cells they repeat
    one another's answers (which one process scores once); with ``own_cells`` each cycles over
    its own share of the cells, as bodies that share no answer."""
    if not shape:
        return
    count, size = (int(part) for part in shape.lower().split("x"))
    batch = []
    share = len(pool) // count
    for n in range(count):
        batch.append(scratch / "batch" / f"report_{n + 1}.txt")
        batch[-1].parent.mkdir(exist_ok=True)
        rows = taken(pool[n * share : (n + 1) * share], size) if own_cells else taken(pool, size, start=n * size)
        write_report(batch[-1], rows, BODIES[n % len(BODIES)] + ("" if n < len(BODIES) else f" {n}"))
    # There and back (1, 2, default, default, 2, 1): a load that drifts during the runs weighs
    # on every figure alike, and each figure is the mean of its two runs.
    figures: dict[tuple[str, ...], list[tuple[float, float, float]]] = {}
    for options in [("--jobs", "1"), ("--jobs", "2"), ()] + [(), ("--jobs", "2"), ("--jobs", "1")]:
        figures.setdefault(options, []).append((*runner.audit(batch, *options), runner.cpu))
    (serial, serial_peak, serial_cpu), (two, two_peak, two_cpu), (default, default_peak, default_cpu) = (
        (sum(run[0] for run in runs) / 2, max(run[1] for run in runs), sum(run[2] for run in runs) / 2) for runs in figures.values()
    )
    rows = count * size
    kind = ", each its own answers" if own_cells else ""
    say(f"\n| {count} reports of {size:,} rows{kind} (mean of 2 runs) | s | rows/s | × --jobs 1 | CPU s (all processes) | peak MiB (largest process) | goal |")
    say("|---|---:|---:|---:|---:|---:|---:|")
    say(f"| --jobs 1 | {serial:.1f} | {rows / serial:,.0f} | 1.00 | {serial_cpu:.1f} | {serial_peak:.0f} | |")
    say(f"| --jobs 2 | {two:.1f} | {rows / two:,.0f} | **{serial / two:.2f}** | {two_cpu:.1f} | {two_peak:.0f} | ≥ 1.5 |")
    say(f"| default options | {default:.1f} | {rows / default:,.0f} | {serial / default:.2f} | {default_cpu:.1f} | {default_peak:.0f} | |")


def split_figures(runner: Runner, say: Callable[[str], None], pool: list[Row], counts: list[int], scratch: Path) -> None:
    """One report alone, with --jobs 1 and --jobs 2 (its rows split over two workers while the
    first process reads and writes), there and back (1, 2, 2, 1), each the mean of two runs."""
    if not counts:
        return
    say("\n| one report alone (mean of 2 runs) | MB | --jobs 1, s | --jobs 2, s | × --jobs 1 | peak MiB 1 / 2 |")
    say("|---|---:|---:|---:|---:|---:|")
    for count in counts:
        report = scratch / f"split_{count}.txt"
        write_report(report, taken(pool, count))
        runs = {options: [runner.audit([report], *options) for _ in range(2)] for options in [("--jobs", "1"), ("--jobs", "2")]}
        one, two = (sum(seconds for seconds, _ in runs[options]) / 2 for options in runs)
        peaks = [max(peak for _, peak in runs[options]) for options in runs]
        say(f"| {count:,} rows | {report.stat().st_size / 1e6:.1f} | {one:.1f} | {two:.1f} | **{one / two:.2f}** | "
            f"{peaks[0]:.0f} / {peaks[1]:.0f} |")


if __name__ == "__main__":
    sys.exit(main())
