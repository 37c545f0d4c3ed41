"""Check that a speed change left the analysis as it was: lemmas, extractions, probabilities.

    python tools/analysis_identity.py baseline /tmp/base acnlp/nlp acnlp/extract ...
    PYTHONPATH=/tmp/base python /tmp/base/tools/analysis_identity.py dump /tmp/before.json
    python tools/analysis_identity.py dump /tmp/after.json
    python tools/analysis_identity.py compare /tmp/before.json /tmp/after.json

``baseline`` copies the working tree (``acnlp``, ``models``, ``corpus``, ``tools``) with the
given paths as the last commit (``--commit``) has them: the same tree but for the change
checked, since others' uncommitted work in the shared tree changes the analysis too.

``dump`` runs, on every cell of every corpus file (``corpus/*.jsonl``: status, measure and
deadline of each record), what the analysis reads and writes:

- the backbone's tokens (`acnlp lemmatize`'s output: text, offsets, lemma, UPOS, tag,
  features) of each status, measure and deadline;
- the classifier's view of each text (`acnlp.classify.features.analysis`: line-end breaks
  joined, Russian words read in Ukrainian);
- the extraction of each status without a year and with the record's year, and the parsed
  deadline;
- the shipped model's label, probabilities and explanation of each record (`Analyzer.analyze_many`).

``compare`` prints how many of each differ (every token is compared, every corpus cell) and
the largest |Δp| over every cell's probabilities, and exits 1 when anything differs. Each dump
records a hash of ``acnlp/classify``, ``acnlp/data`` and the shipped model, and the comparison
says when those differ: the probabilities are compared all the same (a speed change inside
``acnlp/classify`` must leave them as they were too), but a retrained model would also explain
a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
#: What the classifier's predictions depend on besides the analysis: another engineer's files.
MODEL_INPUTS = ("acnlp/classify", "acnlp/data", "models")


def inputs_hash(exclude: tuple[str, ...] = ("word_frequencies",)) -> str:
    """SHA-256 over the classifier's code, lexicons and shipped models (not the frequency table,
    which is this check's subject)."""
    digest = hashlib.sha256()
    for folder in MODEL_INPUTS:
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not any(x in path.name for x in exclude):
                digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def records() -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted((REPO / "corpus").glob("*.jsonl")) for line in path.open(encoding="utf-8") if line.strip()]


def tokens(analysis: Any) -> list[list[Any]]:
    return [[t.text, t.start, t.end, t.lemma, t.pos, t.tag, sorted(t.morph.items())] for t in analysis.tokens]


def dump(out: Path) -> None:
    from acnlp.analyzer import load
    from acnlp.classify.features import analysis
    from acnlp.extract import extract
    from acnlp.extract.deadlines import parse_deadline
    from acnlp.nlp.base import load_backbone

    backbone = load_backbone()
    cells = records()
    texts = sorted({text for r in cells for text in (r["status"], r.get("measure") or "", r.get("deadline") or "")})
    result: dict[str, Any] = {"inputs": inputs_hash(), "texts": {}, "status": {}, "deadline": {}}
    for text in texts:
        result["texts"][text] = {"backbone": tokens(backbone.analyze(text)), "classifier": tokens(analysis(text))}
    for r in cells:
        year = r.get("year")
        result["status"][f"{r['status']}\0{year}"] = [extract(r["status"]).as_dict(), extract(r["status"], year=year).as_dict()]
        if r.get("deadline"):
            result["deadline"][f"{r['deadline']}\0{year}"] = asdict(parse_deadline(r["deadline"], year=year))
    items = [{"status": r["status"], "measure": r.get("measure"), "deadline": r.get("deadline"), "year": r.get("year")} for r in cells]
    result["labels"] = {
        r["id"]: {"label": a["label"], "scores": a["scores"], "features": a.get("features"), "deciding": a.get("deciding")}
        for r, a in zip(cells, load().analyze_many(items, explain=True))
    }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    tokens_total = sum(len(v["backbone"]) for v in result["texts"].values())
    import acnlp

    print(f"{out}: {len(cells)} records, {len(texts)} distinct texts, {tokens_total} tokens, inputs {result['inputs'][:12]}, acnlp from {Path(acnlp.__file__).parent}")


def compare(before_path: Path, after_path: Path) -> int:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    differences = 0

    def check(name: str, a: dict[str, Any], b: dict[str, Any]) -> None:
        nonlocal differences
        changed = [key for key in a.keys() & b.keys() if a[key] != b[key]]
        differences += len(changed) + len(a.keys() ^ b.keys())
        print(f"{name}: {len(a.keys() & b.keys())} in both dumps, {len(changed)} differ; {len(a.keys() ^ b.keys())} in one only")
        for key in sorted(changed)[:5]:
            print(f"  {key!r:.80}")

    for view in ("backbone", "classifier"):
        check(f"tokens ({view})", {k: v[view] for k, v in before["texts"].items()}, {k: v[view] for k, v in after["texts"].items()})
    token_count = sum(len(v["backbone"]) + len(v["classifier"]) for v in before["texts"].values())
    print(f"  ({token_count} tokens compared one by one in those texts)")
    check("extractions (status, without and with the year)", before["status"], after["status"])
    check("parsed deadlines", before["deadline"], after["deadline"])
    if before["inputs"] != after["inputs"]:
        # A speed change inside acnlp/classify changes the hash too, and is what this check is
        # for: compare anyway, and say that a retrained model would also explain a difference.
        print("probabilities: acnlp/classify, acnlp/data or models changed between the dumps; "
              "a difference below is the change's or the retraining's")
    pairs = [(before["labels"][key], after["labels"][key]) for key in before["labels"].keys() & after["labels"].keys()]
    delta = max(abs(a["scores"][k] - b["scores"][k]) for a, b in pairs for k in a["scores"])
    other = sum(a != b for a, b in pairs)
    differences += other
    print(f"probabilities: {len(pairs)} records, max |Δp| = {delta:g}; {other} records differ in label, scores or explanation")
    return 1 if differences else 0


def baseline(folder: Path, paths: list[str], commit: str) -> None:
    for part in ("acnlp", "models", "corpus", "tools"):
        shutil.copytree(REPO / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    for path in paths:
        target = folder / path
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        listed = subprocess.run(["git", "ls-tree", "-r", "--name-only", commit, "--", path], cwd=REPO, check=True, capture_output=True, text=True)
        for name in listed.stdout.splitlines():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(subprocess.run(["git", "show", f"{commit}:{name}"], cwd=REPO, check=True, capture_output=True).stdout)
    print(f"{folder}: the working tree with {', '.join(paths)} as {commit} has them")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    base = sub.add_parser("baseline")
    base.add_argument("folder", type=Path)
    base.add_argument("paths", nargs="+")
    base.add_argument("--commit", default="HEAD")
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out)
        return 0
    if args.command == "baseline":
        baseline(args.folder, args.paths, args.commit)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
