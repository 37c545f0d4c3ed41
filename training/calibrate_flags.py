"""Calibrate the two auditor-flag thresholds on the corpus; write ``acnlp/data/flag_thresholds.json``.

    python training/calibrate_flags.py

- ``restates_measure``: the share of an answer's content lemmas that are its measure's. The
  threshold is the 95th percentile of that share among real answers (label ``done`` with a
  date, a reference or a count) of the train and dev splits, so about one genuine answer in
  twenty is flagged; the script prints how often each label is flagged at that level.
- ``low_confidence``: out-of-fold probabilities of the status model (grouped 5-fold
  cross-validation on train + dev, the shipped model's parameters). The threshold is the
  highest top-probability below which the out-of-fold accuracy is under 75 %: a flagged label
  is wrong at least one time in four.

The test split is not used.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from acnlp.analyzer import load  # noqa: E402
from acnlp.audit.flags import has_evidence, measure_overlap  # noqa: E402
from acnlp.classify.estimator import StatusClassifier  # noqa: E402
from acnlp.classify.evaluation import cells_of  # noqa: E402
from acnlp.corpus import load_corpus  # noqa: E402
from acnlp.corpus.splits import deduplicate, load_splits, split_records  # noqa: E402
from acnlp.extract import extract  # noqa: E402

OUT = REPO / "acnlp" / "data" / "flag_thresholds.json"
PERCENTILE = 95
TARGET_ACCURACY = 0.75


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


def main() -> int:
    records = load_corpus([REPO / "corpus"])
    parts = split_records(deduplicate(records).records, load_splits(REPO / "corpus" / "splits.json"))
    tuning = parts["train"] + parts["dev"]
    result = {
        "_comment": "Written by training/calibrate_flags.py; read by acnlp.audit.flags.load_thresholds.",
        "restates_measure": restates_threshold(tuning),
        "low_confidence": confidence_threshold(tuning),
    }
    OUT.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
