"""Calibrate the auditor-flag thresholds on the corpus; write ``acnlp/data/flag_thresholds.json``.

    python training/calibrate_flags.py
    python training/calibrate_flags.py --only repeated_answer   # one entry; the others are kept

- ``restates_measure``: the share of an answer's content lemmas that are its measure's. The
  threshold is the 95th percentile of that share among real answers (label ``done`` with a
  date, a reference or a count) of the train and dev splits, so about one genuine answer in
  twenty is flagged; the script prints how often each label is flagged at that level.
- ``low_confidence``: out-of-fold probabilities of the status model (grouped 5-fold
  cross-validation on train + dev, the shipped model's parameters). The threshold is the
  highest top-probability below which the out-of-fold accuracy is under 75 %: a flagged label
  is wrong at least one time in four.
- ``repeated_answer``: when an answer is "nearly identical" to an earlier period's (the
  similarity of `acnlp.audit.series`: Jaccard of character 4-grams, estimated from bottom-k
  sketches). Real variation is measured on the distinct answers of train + dev (normalised),
  each against its nearest *other* answer (by exact 4-gram Jaccard): bodies write similar
  answers that say different things («прийнято двоє працівників» / «нових працівників не
  приймалося»), and those must not count as copies. The threshold is the lowest (on a 0.01
  grid) at which at most 1 % of answers would be taken for a copy of their nearest distinct
  answer; the script prints, beside it, the share of lightly edited copies it still catches
  (one number changed, one word deleted, one word added, one letter mistyped; seeded).

The test split is not used.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from acnlp.analyzer import load  # noqa: E402
from acnlp.audit.flags import has_evidence, measure_overlap  # noqa: E402
from acnlp.audit.series import SHINGLE, sketch, similarity, text_key  # noqa: E402
from acnlp.classify.estimator import StatusClassifier  # noqa: E402
from acnlp.classify.evaluation import cells_of  # noqa: E402
from acnlp.corpus import load_corpus  # noqa: E402
from acnlp.corpus.splits import deduplicate, load_splits, split_records  # noqa: E402
from acnlp.extract import extract  # noqa: E402

OUT = REPO / "acnlp" / "data" / "flag_thresholds.json"
PERCENTILE = 95
TARGET_ACCURACY = 0.75
#: At most this share of answers may be taken for a copy of their nearest distinct answer.
DISTINCT_FLAGGED = 0.01
#: The word a "word added" edit inserts: a filler a copier adds without changing the answer.
FILLER = "також"


def restates_threshold(records) -> dict:
    rows = [(r.label, measure_overlap(r.status, r.measure), has_evidence(extract(r.status, year=r.year))) for r in records if r.measure]
    genuine = [overlap for label, overlap, evidence in rows if label == "done" and evidence]
    threshold = round(float(np.percentile(genuine, PERCENTILE)), 3)
    flagged = {label: round(float(np.mean([o >= threshold for l, o, _ in rows if l == label])), 3) for label in sorted({l for l, _, _ in rows})}
    print(f"restates_measure: threshold {threshold} (p{PERCENTILE} of {len(genuine)} done answers with evidence); flagged share by label {flagged}")
    return {"threshold": threshold, "method": f"p{PERCENTILE} of the measure overlap of done answers with evidence, train+dev", "genuine_answers": len(genuine), "flagged_share_by_label": flagged}


def confidence_threshold(records) -> dict:
    params = load().classifier.get_params()
    cells, labels, groups = cells_of(records), np.array([r.label for r in records], dtype=object), [r.group for r in records]
    top, right = np.zeros(len(records)), np.zeros(len(records), dtype=bool)
    for train, test in GroupKFold(n_splits=5).split(cells, labels, groups):
        model = StatusClassifier(**params).fit([cells[i] for i in train], labels[train])
        probabilities = model.predict_proba([cells[i] for i in test])
        top[test] = probabilities.max(axis=1)
        right[test] = model.classes_[probabilities.argmax(axis=1)] == labels[test]
    table = {}
    for t in np.arange(0.40, 0.951, 0.05):
        below = top < t
        table[f"{t:.2f}"] = {"share_below": round(float(below.mean()), 3), "accuracy_below": round(float(right[below].mean()), 3) if below.any() else None}
    candidates = [float(t) for t, row in table.items() if row["accuracy_below"] is not None and row["accuracy_below"] < TARGET_ACCURACY]
    threshold = max(candidates) if candidates else 0.5
    print(f"low_confidence: threshold {threshold}; out-of-fold accuracy {right.mean():.3f} overall")
    for t, row in table.items():
        print(f"  top probability < {t}: {row['share_below']:.1%} of cells, accuracy {row['accuracy_below']}")
    return {"threshold": threshold, "method": f"highest top probability below which out-of-fold accuracy < {TARGET_ACCURACY} (grouped 5-fold CV, train+dev)", "bins": table}


def nearest_distinct(keys: list[str]) -> np.ndarray:
    """For each answer key, the position of its nearest other key by exact 4-gram Jaccard."""
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for row, key in enumerate(keys):
        for piece in {key[i : i + SHINGLE] for i in range(max(1, len(key) - SHINGLE + 1))}:
            rows.append(row)
            columns.append(vocabulary.setdefault(piece, len(vocabulary)))
    grams = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(keys), len(vocabulary)))
    shared = (grams @ grams.T).toarray()
    sizes = np.asarray(grams.sum(axis=1)).ravel()
    jaccard = shared / (sizes[:, None] + sizes[None, :] - shared)
    np.fill_diagonal(jaccard, -1.0)
    return jaccard.argmax(axis=1)


def light_edits(key: str, rng: random.Random) -> dict[str, str]:
    """Copies of an answer key with one small edit each (those its words allow)."""
    words, edited = key.split(), {}
    numbers = [i for i, word in enumerate(words) if word.isdigit()]
    if numbers:
        i = rng.choice(numbers)
        edited["number changed"] = " ".join([*words[:i], str(int(words[i]) + 1), *words[i + 1 :]])
    if len(words) >= 3:
        i = rng.randrange(len(words))
        edited["word deleted"] = " ".join(words[:i] + words[i + 1 :])
    i = rng.randrange(len(words) + 1)
    edited["word added"] = " ".join([*words[:i], FILLER, *words[i:]])
    long_words = [i for i, word in enumerate(words) if len(word) >= 4]
    if long_words:
        i = rng.choice(long_words)
        j = rng.randrange(1, len(words[i]) - 1)
        typo = words[i][:j] + ("о" if words[i][j] == "а" else "а") + words[i][j + 1 :]
        edited["letter mistyped"] = " ".join([*words[:i], typo, *words[i + 1 :]])
    return edited


def repeated_threshold(records) -> dict:
    keys = sorted({text_key(r.status) for r in records} - {""})
    sketches = [sketch(key) for key in keys]
    nearest = np.array([similarity(sketches[i], sketches[j]) for i, j in enumerate(nearest_distinct(keys))])
    rng = random.Random(14)
    copies: dict[str, list[float]] = {}
    for key, signature in zip(keys, sketches):
        for kind, copy in light_edits(key, rng).items():
            copies.setdefault(kind, []).append(similarity(signature, sketch(copy)))
    grid = [round(t, 2) for t in np.arange(0.50, 1.001, 0.01)]
    threshold = next(t for t in grid if float((nearest >= t).mean()) <= DISTINCT_FLAGGED)
    every_copy = np.concatenate([np.array(values) for values in copies.values()])
    caught = {kind: round(float((np.array(values) >= threshold).mean()), 3) for kind, values in copies.items()}
    table = {f"{t:.2f}": {"distinct_flagged": round(float((nearest >= t).mean()), 4), "copies_caught": round(float((every_copy >= t).mean()), 3)}
             for t in grid[::5]}  # fmt: skip
    print(f"repeated_answer: threshold {threshold} ({len(keys)} distinct answers, train+dev): "
          f"{(nearest >= threshold).mean():.1%} of answers as similar to their nearest distinct answer; "
          f"lightly edited copies caught {(every_copy >= threshold).mean():.1%} ({len(every_copy)} copies: {caught})")  # fmt: skip
    for t, row in table.items():
        print(f"  similarity >= {t}: distinct answers flagged {row['distinct_flagged']:.2%}, edited copies caught {row['copies_caught']:.1%}")
    return {
        "threshold": threshold,
        "method": f"lowest similarity (0.01 grid) at which at most {DISTINCT_FLAGGED:.0%} of distinct train+dev answers are as similar to their nearest distinct answer",
        "distinct_answers": len(keys),
        "distinct_flagged": round(float((nearest >= threshold).mean()), 4),
        "edited_copies": len(every_copy),
        "copies_caught": round(float((every_copy >= threshold).mean()), 3),
        "copies_caught_by_edit": caught,
        "grid": table,
    }


CALIBRATIONS = {"restates_measure": restates_threshold, "low_confidence": confidence_threshold, "repeated_answer": repeated_threshold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", choices=sorted(CALIBRATIONS), action="append", help="calibrate only this flag (repeatable); the others are kept")
    args = parser.parse_args(argv)
    records = load_corpus([REPO / "corpus"])
    parts = split_records(deduplicate(records).records, load_splits(REPO / "corpus" / "splits.json"))
    tuning = parts["train"] + parts["dev"]
    result = json.loads(OUT.read_text(encoding="utf-8")) if args.only and OUT.exists() else {}
    result["_comment"] = "Written by training/calibrate_flags.py; read by acnlp.audit.flags.load_thresholds."
    for name, calibrate in CALIBRATIONS.items():
        if not args.only or name in args.only:
            result[name] = calibrate(tuning)
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
