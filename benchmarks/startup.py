"""Start-up: what a user waits for before acnlp does any work, against spaCy's stock lemmatizer.

    python benchmarks/startup.py [--runs 5] [--compare OLD_TREE]

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
- ``import acnlp`` and ``acnlp.load()`` timed inside a fresh process (cold), and
  ``acnlp.load()`` and one line's ``analyze`` again in the same process (warm).
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


def acnlp_measures(source: Path, scratch: Path) -> dict[str, Callable[[], float]]:
    """The commands timed, run on the acnlp source tree ``source`` (the working one, or an
    older copy given to ``--compare``: it comes first on the path)."""
    script = Path(sys.executable).with_name("acnlp")
    acnlp = [str(script)] if script.exists() else [sys.executable, "-m", "acnlp.cli"]
    env = {**os.environ, "PYTHONPATH": str(source)}
    one_line = json.dumps({"status": LINE}, ensure_ascii=False).encode() + b"\n"
    reports, out = REPO / "corpus" / "reports", scratch / "audit"

    def audit(*options: str) -> float:
        shutil.rmtree(out, ignore_errors=True)
        return wall([*acnlp, "audit", str(reports), "-o", str(out), *options], env=env)

    return {
        "acnlp --help": lambda: wall([*acnlp, "--help"], env=env),
        "acnlp cells, one line": lambda: wall([*acnlp, "cells", "-", "-o", "-"], stdin=one_line, env=env),
        "acnlp audit corpus/reports --jobs 1": lambda: audit("--jobs", "1"),
        "acnlp audit corpus/reports (default options)": audit,
    }


def in_process(source: Path) -> dict[str, float]:
    # run from the source tree: ``python -c`` puts the working folder first on the path
    done = subprocess.run([sys.executable, "-c", IN_PROCESS], cwd=source, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of fresh processes (the median is printed)")
    parser.add_argument("--compare", type=Path, help="an older acnlp source tree (a folder holding acnlp/) timed in the same rounds")
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
        measures = {tree: acnlp_measures(source, scratch) for tree, source in trees.items()}
        seconds: dict[tuple[str, str], list[float]] = {}
        ratios: dict[tuple[str, str], list[float]] = {}
        inside: dict[str, list[dict[str, float]]] = {tree: [] for tree in trees}
        # Round by round, every figure beside its reference: the machine's load changes
        # from minute to minute, and a round sees the same load for all of them.
        for _ in range(args.runs):
            reference = wall(clean, cwd=scratch)
            seconds.setdefault(("", "reference"), []).append(reference)
            for tree, commands in measures.items():
                for name, measure in commands.items():
                    taken = measure()
                    seconds.setdefault((tree, name), []).append(taken)
                    ratios.setdefault((tree, name), []).append(taken / reference)
                inside[tree].append(in_process(trees[tree]))

    print(f"median of {args.runs} rounds of fresh processes, on {os.cpu_count()} cores; the reference is")
    print("spaCy's stock uk lemmatizer (pymorphy3 mode) started on one line, without acnlp;")
    print("× reference is the median of each round's ratio\n")
    print(f"{'command':48} {'tree':>9} {'s':>6} {'× reference':>12}")
    print(f"{'reference: stock lemmatizer, one line':48} {'':>9} {statistics.median(seconds[('', 'reference')]):6.2f} {1:12.2f}")
    for (tree, name), taken in ratios.items():
        print(f"{name:48} {tree:>9} {statistics.median(seconds[(tree, name)]):6.2f} {statistics.median(taken):12.2f}")
    print("\ninside one fresh process: cold (the first time) and warm (again), median s")
    for key in inside["now"][0]:
        print(f"{key:48} " + " ".join(f"{tree:>9} {statistics.median(run[key] for run in runs):6.3f}" for tree, runs in inside.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
