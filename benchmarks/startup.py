"""Start-up and throughput: what a user waits for, against spaCy's stock lemmatizer.

    python benchmarks/startup.py [--runs 5] [--compare OLD_TREE] [--cells 1350] [--no-audit]

Every figure is the median wall time of ``--runs`` fresh processes (a process started anew
each time, as a user starts a command; the operating system's file cache is warm, which is
how a second command finds it), printed beside the reference measured in the same rounds
(each round times the reference, then every command: the ratio is each round's, so a load
that changes from minute to minute cancels out). ``--compare`` times an older copy of the
source tree (a folder holding its ``acnlp/`` and ``models/``, e.g. from ``git archive``) in the
same rounds, for before/after figures from one run:

- the reference: spaCy's stock Ukrainian lemmatizer (``spacy.blank("uk")`` plus the
  ``lemmatizer`` pipe in ``pymorphy3`` mode) started on one line, in an environment without
  acnlp. acnlp's editable install puts its spaCy entry points in the same site-packages as
  spaCy, and spaCy loads every entry point at ``spacy.blank``, so the reference runs under
  ``python -I -S`` on a shadow site folder that links every installed package except acnlp
  (nothing is installed or downloaded; the packages are the very same files);
- ``acnlp --help``, ``acnlp cells`` on one line, and ``acnlp audit corpus/reports`` with
  ``--jobs 1`` and with default options, each with its ratio to the reference;
- ``acnlp cells`` on ``--cells`` varied corpus cells (distinct statuses of ``corpus/*.jsonl``
  in a fixed shuffle, each line with its status, measure, deadline and year), against the
  stock lemmatizer started the same way on the same texts (each line's status, measure and
  deadline, through ``nlp.pipe``, lemmas written out): each one fresh process;
- ``import acnlp`` and ``acnlp.load()`` timed inside a fresh process (cold), and
  ``acnlp.load()`` and one line's ``analyze`` again in the same process (warm);
- the whole analysis's throughput inside one process (``Analyzer.analyze_many`` over the same
  cells: labels, explanations off, extractions, deadlines): a first pass with every cache cold
  (the model and backbone loaded and settled as ``acnlp cells`` does), then the same cells
  again with the caches warm (the analyzer's memo of scored cells answers them), and again
  with that memo emptied (what a cell costs once its words are known); and the process's peak
  memory (resident set); then, in another
  process, the first pass stage by stage (backbone, extractors, deadlines, the classifier's
  clause reading, the rest of the classifier), each stage's share of it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINE = "Наказом ДМС від 26.02.2019 № 29/аг проведено 2 навчання з питань запобігання корупції."

REFERENCE = f"""
import spacy
nlp = spacy.blank("uk")
nlp.add_pipe("lemmatizer", config={{"mode": "pymorphy3"}})
print(" ".join(token.lemma_ for token in nlp({LINE!r})))
"""

# The stock lemmatizer on the texts acnlp cells reads from the same file: it reads the lines,
# lemmatizes each one's status, measure and deadline, and writes their lemmas out.
REFERENCE_CELLS = """
import json, sys
import spacy
nlp = spacy.blank("uk")
nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
texts = [item.get(key) or "" for item in items for key in ("status", "measure", "deadline")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for doc in nlp.pipe(texts):
        out.write(json.dumps([token.lemma_ for token in doc], ensure_ascii=False) + "\\n")
"""

THROUGHPUT = """
import json, resource, sys, time
import acnlp
import acnlp.analyzer
items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
analyzer = acnlp.load()
# as acnlp cells does (an older tree without settle: one cell analysed)
getattr(acnlp.analyzer, "settle", lambda analyzer: analyzer.analyze("Виконано."))(analyzer)
started = time.perf_counter()
for _ in analyzer.analyze_many(items):
    pass
first = time.perf_counter() - started
started = time.perf_counter()
for _ in analyzer.analyze_many(items):
    pass
warm = time.perf_counter() - started
figures = {"first pass (cold caches)": len(items) / first, "again (warm caches)": len(items) / warm}
# the analyzer remembers the cells it scored (an older tree does not): again, with that memo
# emptied, is the work a cell costs once its words and analyses are known
if hasattr(analyzer, "_scored"):
    analyzer._scored.clear()
    started = time.perf_counter()
    for _ in analyzer.analyze_many(items):
        pass
    figures["again, scores not remembered"] = len(items) / (time.perf_counter() - started)
print(json.dumps({**figures, "peak memory, MiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# Where a first pass goes: the same cells, stage by stage, each stage's caches cold when it runs
# (the classifier's stages read the backbone's analyses, cached by the stage before them).
STAGES = """
import json, sys, time
import acnlp
import acnlp.analyzer
from acnlp.classify.features import Cell, analysis, cell_reading
from acnlp.extract import extract
from acnlp.extract.deadlines import parse_deadline
items = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
analyzer = acnlp.load()
getattr(acnlp.analyzer, "settle", lambda analyzer: analyzer.analyze("Виконано."))(analyzer)
stages = {
    "backbone, repairs, Russian words": lambda: [analysis(i[k] or "") for i in items for k in ("status", "measure")],
    "extractors": lambda: [extract(i["status"], year=i["year"]) for i in items],
    "deadlines": lambda: [parse_deadline(i["deadline"], year=i["year"]) for i in items if (i["deadline"] or "").strip()],
    "classifier: clause reading": lambda: [cell_reading(Cell(i["status"], i["measure"] or "", i["deadline"] or "")) for i in items],
    "classifier: features and model (the rest)": lambda: list(analyzer.analyze_many(items)),
}
seconds = {}
for name, run in stages.items():
    started = time.perf_counter()
    run()
    seconds[name] = time.perf_counter() - started
print(json.dumps({name: 100 * s / sum(seconds.values()) for name, s in seconds.items()}))
"""


def varied_cells(count: int, path: Path) -> int:
    """Write ``count`` corpus cells with distinct statuses, in a fixed shuffle, as JSON Lines."""
    import random

    records = [json.loads(line) for file in sorted((REPO / "corpus").glob("*.jsonl")) for line in file.open(encoding="utf-8") if line.strip()]
    random.Random(13).shuffle(records)
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            if record["status"] in seen:
                continue
            seen.add(record["status"])
            item = {key: record.get(key) for key in ("status", "measure", "deadline", "year")}
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            if len(seen) == count:
                break
    return len(seen)

IN_PROCESS = f"""
import json, time
started = time.perf_counter()
import acnlp
imported = time.perf_counter()
analyzer = acnlp.load()
loaded = time.perf_counter()
analyzer.analyze({LINE!r})
first = time.perf_counter()
acnlp.load()
reloaded = time.perf_counter()
analyzer.analyze({LINE!r} + " 3 засідання")
again = time.perf_counter()
print(json.dumps({{"import acnlp": imported - started, "acnlp.load()": loaded - imported,
                  "first analyze": first - loaded, "acnlp.load() again": reloaded - first,
                  "analyze, warm": again - reloaded}}))
"""


def shadow_site(folder: Path) -> Path:
    """A site folder linking every installed package but acnlp's (its .dist-info carries the
    spaCy entry points, its .pth and finder the editable import)."""
    packages = Path(site.getsitepackages()[0])
    folder.mkdir()
    for entry in packages.iterdir():
        if "acnlp" not in entry.name.lower():
            (folder / entry.name).symlink_to(entry)
    return folder


def wall(command: list[str], *, stdin: bytes = b"", cwd: Path = REPO, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, input=stdin, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def acnlp_measures(source: Path, scratch: Path, cells: Path | None, audits: bool) -> dict[str, Callable[[], float]]:
    """The commands timed, run on the acnlp source tree ``source`` (the working one, or an
    older copy given to ``--compare``: it comes first on the path); ``cells`` the varied cells'
    file, if they are timed."""
    script = Path(sys.executable).with_name("acnlp")
    acnlp = [str(script)] if script.exists() else [sys.executable, "-m", "acnlp.cli"]
    env = {**os.environ, "PYTHONPATH": str(source)}
    one_line = json.dumps({"status": LINE}, ensure_ascii=False).encode() + b"\n"
    reports, out = REPO / "corpus" / "reports", scratch / "audit"

    def audit(*options: str) -> float:
        shutil.rmtree(out, ignore_errors=True)
        return wall([*acnlp, "audit", str(reports), "-o", str(out), *options], env=env)

    measures: dict[str, Callable[[], float]] = {
        "acnlp --help": lambda: wall([*acnlp, "--help"], env=env),
        "acnlp cells, one line": lambda: wall([*acnlp, "cells", "-", "-o", "-"], stdin=one_line, env=env),
    }
    if audits:
        measures["acnlp audit corpus/reports --jobs 1"] = lambda: audit("--jobs", "1")
        measures["acnlp audit corpus/reports (default options)"] = audit
    if cells is not None:
        measures["acnlp cells, varied cells"] = lambda: wall([*acnlp, "cells", str(cells), "-o", str(scratch / "cells.jsonl")], env=env)
    return measures


def throughput(source: Path, cells: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", THROUGHPUT, str(cells)], cwd=source, check=True, capture_output=True, text=True)
    staged = subprocess.run([sys.executable, "-c", STAGES, str(cells)], cwd=source, check=True, capture_output=True, text=True)
    return {**json.loads(done.stdout), **{f"first pass, % in {name}": share for name, share in json.loads(staged.stdout).items()}}


def in_process(source: Path) -> dict[str, float]:
    # run from the source tree: ``python -c`` puts the working folder first on the path
    done = subprocess.run([sys.executable, "-c", IN_PROCESS], cwd=source, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of fresh processes (the median is printed)")
    parser.add_argument("--compare", type=Path, help="an older acnlp source tree (a folder holding acnlp/) timed in the same rounds")
    parser.add_argument("--cells", type=int, default=1350, help="how many varied corpus cells acnlp cells and the throughput read (0: none)")
    parser.add_argument("--no-audit", action="store_true", help="leave out the two audit commands")
    args = parser.parse_args()
    trees = {"now": REPO, **({"compared": args.compare.resolve()} if args.compare else {})}

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        shadow = shadow_site(scratch / "site")
        clean = [sys.executable, "-I", "-S", "-c", f"import site; site.addsitedir({str(shadow)!r})\n{REFERENCE}"]
        # Away from the repository, so its acnlp.egg-info cannot be found either.
        check = subprocess.run([*clean[:-1], clean[-1] + "\nimport importlib.metadata as m, sys\n"
                                "assert not [e for e in m.entry_points(group='spacy_factories') if 'acnlp' in e.value]\n"
                                "assert 'acnlp' not in sys.modules"], cwd=scratch, capture_output=True, text=True)  # fmt: skip
        if check.returncode:
            print(check.stderr, file=sys.stderr)
            return 1
        cells = scratch / "varied_cells.jsonl" if args.cells else None
        count = varied_cells(args.cells, cells) if cells else 0
        clean_cells = [*clean[:-1], f"import site; site.addsitedir({str(shadow)!r})\n{REFERENCE_CELLS}", str(cells), str(scratch / "stock.jsonl")]
        measures = {tree: acnlp_measures(source, scratch, cells, not args.no_audit) for tree, source in trees.items()}
        seconds: dict[tuple[str, str], list[float]] = {}
        ratios: dict[tuple[str, str], list[float]] = {}
        inside: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
        speed: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
        # Round by round, every figure beside its reference: the machine's load changes
        # from minute to minute, and a round sees the same load for all of them.
        for _ in range(args.runs):
            reference = wall(clean, cwd=scratch)
            seconds.setdefault(("", "reference"), []).append(reference)
            if cells:
                many = wall(clean_cells, cwd=scratch)
                seconds.setdefault(("", "reference, cells"), []).append(many)
            for tree, commands in measures.items():
                for name, measure in commands.items():
                    taken = measure()
                    seconds.setdefault((tree, name), []).append(taken)
                    # each command beside the reference that does its work: one line, or the cells
                    ratios.setdefault((tree, name), []).append(taken / (many if name.endswith("varied cells") else reference))
                inside[tree].append(in_process(trees[tree]))
                if cells:
                    speed[tree].append(throughput(trees[tree], cells))

    print(f"median of {args.runs} rounds of fresh processes, on {os.cpu_count()} cores; the reference is")
    print("spaCy's stock uk lemmatizer (pymorphy3 mode) started on one line, without acnlp;")
    print("× reference is the median of each round's ratio\n")
    print(f"{'command':48} {'tree':>9} {'s':>6} {'× reference':>12}")
    print(f"{'reference: stock lemmatizer, one line':48} {'':>9} {statistics.median(seconds[('', 'reference')]):6.2f} {1:12.2f}")
    for (tree, name), taken in ratios.items():
        if not name.endswith("varied cells"):
            print(f"{name:48} {tree:>9} {statistics.median(seconds[(tree, name)]):6.2f} {statistics.median(taken):12.2f}")
    if cells:
        print(f"{f'reference: stock lemmatizer, {count} cells':48} {'':>9} {statistics.median(seconds[('', 'reference, cells')]):6.2f} {1:12.2f}")
        for (tree, name), taken in ratios.items():
            if name.endswith("varied cells"):
                label = f"acnlp cells, {count} varied cells"
                print(f"{label:48} {tree:>9} {statistics.median(seconds[(tree, name)]):6.2f} {statistics.median(taken):12.2f}")
    print("\ninside one fresh process: cold (the first time) and warm (again), median s")
    for key in inside["now"][0]:
        print(f"{key:48} " + " ".join(f"{tree:>9} {statistics.median(run[key] for run in runs):6.3f}" for tree, runs in inside.items()))
    if cells:
        print(f"\nwhole analysis inside one process, {count} varied cells (analyze_many), median cells/s and peak memory")
        for key in speed["now"][0]:
            print(f"{key:60} " + " ".join(f"{tree:>9} {statistics.median(run.get(key, float('nan')) for run in runs):8,.0f}" for tree, runs in speed.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
