"""How far the status classifier transfers: to writers it never saw, and on minimal pairs.

    python training/evaluate_transfer.py                 # the shipped model's kind, every figure
    python training/evaluate_transfer.py --pairs-only    # only the behaviour pairs of a saved model
    python training/evaluate_transfer.py --model models/ours --pairs-only

Prints, for the model kind shipped in ``models/status-v3`` (its training parameters):

1. **leave-one-batch-out** macro-F1: each written batch of the train and dev splits scored by
   a model trained on the rest of them (the headline: mean and worst batch);
2. **seed transfer**: the real seed reports' cells scored by a model trained without them;
3. **behaviour pairs** (``tests/classify/behaviour_pairs.py``) for the saved model: cell
   accuracy and pair consistency (both cells of a pair right), overall and per capability.

The test split is not touched here: `training/train_status_model.py` scores it once.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from acnlp.classify.estimator import StatusClassifier  # noqa: E402
from acnlp.classify.evaluation import cells_of, leave_one_batch_out, pair_scores, scores  # noqa: E402
from acnlp.classify.store import load_model  # noqa: E402
from acnlp.classify.training import SEED_PREFIX  # noqa: E402
from acnlp.corpus import load_corpus  # noqa: E402
from acnlp.corpus.splits import deduplicate, load_splits, split_records  # noqa: E402

PAIRS_FILE = REPO / "tests" / "classify" / "behaviour_pairs.py"


def behaviour_pairs() -> list:
    """The minimal pairs of ``tests/classify/behaviour_pairs.py``."""
    spec = importlib.util.spec_from_file_location("behaviour_pairs", PAIRS_FILE)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return list(module.PAIRS)


def model_params(model_dir: Path) -> dict:
    card = json.loads((model_dir / "model_card.json").read_text(encoding="utf-8"))
    known = StatusClassifier().get_params()
    return {k: (tuple(v) if isinstance(v, list) else v) for k, v in card["params"].items() if k in known}


def print_pairs(model) -> dict:
    result = pair_scores(model, behaviour_pairs())
    print(f"behaviour pairs: {result['pairs']} pairs, cell accuracy {result['cell_accuracy']:.3f}, "
          f"pair consistency {result['pair_consistency']:.3f}")
    for capability, values in result["capabilities"].items():
        print(f"  {capability:32} {values['pairs']:3d} pairs  cells {values['cell_accuracy']:.3f}  "
              f"pairs {values['pair_consistency']:.3f}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    parser.add_argument("--model", type=Path, default=REPO / "models" / "status-v3")
    parser.add_argument("--pairs-only", action="store_true", help="only score the saved model on the behaviour pairs")
    parser.add_argument("--failures", action="store_true", help="list the pairs the model gets wrong")
    parser.add_argument("--jobs", type=int, default=-1, help="models fitted at once for leave-one-batch-out")
    args = parser.parse_args()

    started = time.perf_counter()
    result = print_pairs(load_model(args.model))
    if args.failures:
        for failure in result["failures"]:
            print(json.dumps(failure, ensure_ascii=False))
    if args.pairs_only:
        return 0
    params = model_params(args.model)
    records = deduplicate(load_corpus([args.corpus])).records
    parts = split_records(records, load_splits(args.corpus / "splits.json"))
    fit_records = parts["train"] + parts["dev"]
    lobo = leave_one_batch_out(lambda: StatusClassifier(**params), fit_records, n_jobs=args.jobs)
    print(f"leave-one-batch-out macro-F1: mean {lobo['mean']:.3f}, worst {lobo['worst']['macro_f1']:.3f} "
          f"({lobo['worst']['batch']})")
    for batch, values in lobo["batches"].items():
        print(f"  {batch:6} {values['n']:4d} cells  macro-F1 {values['macro_f1']:.3f}  accuracy {values['accuracy']:.3f}")
    seeds = [r for r in fit_records if r.group.startswith(SEED_PREFIX)]
    others = [r for r in fit_records if not r.group.startswith(SEED_PREFIX)]
    without = StatusClassifier(**params).fit(cells_of(others), [r.label for r in others])
    seed = scores([r.label for r in seeds], list(without.predict(cells_of(seeds))))
    print(f"seed transfer: {seed['n']} real cells, macro-F1 {seed['macro_f1']:.3f}, accuracy {seed['accuracy']:.3f}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
