"""Train the shipped status model, ``models/status-v2``, and write ``training/status-v2.md``.

    python training/train_status_model.py

1. Load every corpus file in ``corpus/`` (validated), de-duplicate, split by ``corpus/splits.json``.
2. Choose ``C`` on the dev split only: fit on train for each candidate, score macro-F1 on dev.
3. Fit on train + dev with that ``C`` and measure it as `acnlp.classify.training.train` does:
   test split, grouped cross-validation, transfer to the real seed cells, keyword baseline.
4. Write the model with its manifest and card, and this run's report.

The test split is scored once, at the end; nothing is chosen by it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from acnlp.classify.estimator import StatusClassifier  # noqa: E402
from acnlp.classify.evaluation import cells_of, scores  # noqa: E402
from acnlp.classify.training import model_card_markdown, train, write_model  # noqa: E402
from acnlp.corpus import load_corpus  # noqa: E402
from acnlp.corpus.splits import deduplicate, load_splits, split_records  # noqa: E402

C_CANDIDATES = (1.0, 3.0, 10.0, 30.0)


def choose_c(records, splits) -> tuple[float, dict[float, float]]:
    parts = split_records(deduplicate(records).records, splits)
    train_cells, train_labels = cells_of(parts["train"]), [r.label for r in parts["train"]]
    dev_cells, dev_labels = cells_of(parts["dev"]), [r.label for r in parts["dev"]]
    if not dev_cells:
        print("  no dev split: keeping the default C")
        return StatusClassifier().C, {}
    dev_f1 = {}
    for c in C_CANDIDATES:
        model = StatusClassifier(C=c).fit(train_cells, train_labels)
        dev_f1[c] = scores(dev_labels, list(model.predict(dev_cells)))["macro_f1"]
        print(f"  C={c:<5} dev macro-F1 {dev_f1[c]:.4f}")
    return max(dev_f1, key=lambda c: (dev_f1[c], -c)), dev_f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--out", type=Path, default=REPO / "models" / "status-v2")
    parser.add_argument("--report", type=Path, default=REPO / "training" / "status-v2.md")
    args = parser.parse_args()

    started = time.perf_counter()
    records = load_corpus([args.corpus])
    splits = load_splits(args.corpus / "splits.json")
    print(f"{len(records)} records; choosing C on dev:")
    best_c, dev_f1 = choose_c(records, splits)
    print(f"chosen C={best_c}; training on train + dev and measuring")
    model, report = train(records, splits, params={"C": best_c})
    report.params["C_dev_search"] = {str(c): f for c, f in dev_f1.items()}
    write_model(model, report, args.out, name=args.out.name)
    card = json.loads((args.out / "model_card.json").read_text(encoding="utf-8"))
    args.report.write_text(
        "# Training report: status-v2\n\nProduced by `python training/train_status_model.py` "
        f"in {time.perf_counter() - started:.0f} s.\n\nC chosen on dev: {best_c} "
        f"(dev macro-F1 by C: {', '.join(f'{c}: {f:.3f}' for c, f in dev_f1.items())}).\n\n"
        + model_card_markdown(card).split("\n", 1)[1],
        encoding="utf-8",
    )
    for name, values in report.metrics.items():
        value = values.get("macro_f1") if name != "cross_validation" else values.get("mean")
        print(f"{name:18} macro-F1 {value}")
    print(f"wrote {args.out} and {args.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
