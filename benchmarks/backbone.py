"""Lemma accuracy and speed of the pymorphy3 backbone against pymorphy3 alone and spaCy's stock lemmatizer.

Usage::

    python benchmarks/backbone.py [--ud-dir ../shared/benchmarks/ud_uk_iu] [--split test]

Accuracy is measured on the gold word forms of a UD_Ukrainian-IU split (so tokenisation does not
matter): lowercased, apostrophe-insensitive lemma match, over words whose gold UPOS is not PUNCT,
NUM or SYM. The treebank (CC BY-NC-SA) is only read here, never copied or shipped.

Speed is measured on the split's raw sentence texts (``# text =`` lines), all in one process:
start-up (loading, plus the first text), a first pass with cold caches, and steady-state
throughput (best of three further passes, caches warm).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_UD_DIR = REPO.parent / "shared" / "benchmarks" / "ud_uk_iu"
EXCLUDED_UPOS = frozenset({"PUNCT", "NUM", "SYM"})

Sentence = list[tuple[str, str, str]]  # (form, lemma, upos) per word


def read_conllu(path: Path) -> tuple[list[Sentence], list[str]]:
    """Sentences as (form, lemma, upos) words, and the raw sentence texts."""
    sentences: list[Sentence] = []
    texts: list[str] = []
    words: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            texts.append(line[len("# text = ") :])
        elif not line.strip():
            if words:
                sentences.append(words)
                words = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:  # multiword ranges and empty nodes
                continue
            words.append((cols[1], cols[2], cols[3]))
    if words:
        sentences.append(words)
    return sentences, texts


def lemma_key(lemma: str) -> str:
    from acnlp.normalize import fold_apostrophes

    return fold_apostrophes(lemma).lower()


def accuracy(sentences: list[Sentence], lemmatize: Callable[[list[str]], list[set[str]]]) -> float:
    """Share of scored words whose gold lemma is among the predicted ones (one, except for the oracle)."""
    right = total = 0
    for sentence in sentences:
        predicted = lemmatize([form for form, _, _ in sentence])
        for (_, gold, upos), lemmas in zip(sentence, predicted):
            if upos in EXCLUDED_UPOS:
                continue
            total += 1
            right += lemma_key(gold) in {lemma_key(lemma) for lemma in lemmas}
    return right / total


def timed(run: Callable[[], int]) -> tuple[float, int]:
    gc.collect()
    start = time.perf_counter()
    tokens = run()
    return time.perf_counter() - start, tokens


def steady(run: Callable[[], int], repeats: int = 3) -> float:
    """Best tokens/s of several passes."""
    best = 0.0
    for _ in range(repeats):
        seconds, tokens = timed(run)
        best = max(best, tokens / seconds)
    return best


def count(docs: Iterable[object]) -> int:
    return sum(len(doc) for doc in docs)  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ud-dir", type=Path, default=DEFAULT_UD_DIR, help="directory holding uk_iu-ud-<split>.conllu")
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    args = parser.parse_args()
    path = args.ud_dir / f"uk_iu-ud-{args.split}.conllu"
    if not path.is_file():
        print(f"error: {path} not found; pass --ud-dir pointing at a UD_Ukrainian-IU copy", file=sys.stderr)
        return 1
    sentences, texts = read_conllu(path)

    import pymorphy3
    import spacy
    from spacy.tokens import Doc

    from acnlp.nlp.pymorphy_backend import PymorphyBackbone
    from acnlp.normalize import fold_apostrophes

    # ---- start-up, measured before anything is warm
    start = time.perf_counter()
    ours = PymorphyBackbone()
    ours.analyze(texts[0])
    ours_startup = time.perf_counter() - start

    start = time.perf_counter()
    stock = spacy.blank("uk")
    stock.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    stock.initialize()
    stock(texts[0])
    stock_startup = time.perf_counter() - start

    start = time.perf_counter()
    tokenizer = spacy.blank("uk").tokenizer
    tokenizer(texts[0])
    tokenizer_startup = time.perf_counter() - start

    # ---- speed: a first pass with cold caches, then steady state
    speed: list[tuple[str, float, float, float]] = []
    runs: list[tuple[str, float, Callable[[], int]]] = [
        ("spaCy tokenizer alone", tokenizer_startup, lambda: count(tokenizer(t) for t in texts)),
        ("spaCy stock lemmatizer (nlp.pipe)", stock_startup, lambda: count(stock.pipe(texts))),
        ("acnlp pymorphy3 backbone (analyze)", ours_startup, lambda: count(ours.analyze(t) for t in texts)),
    ]
    for name, startup, run in runs:
        seconds, tokens = timed(run)
        speed.append((name, startup, tokens / seconds, steady(run)))
    speed.append(("acnlp pymorphy3 backbone (pipe)", ours_startup, float("nan"), steady(lambda: count(ours.pipe(texts)))))
    tokens = count(ours.analyze(t) for t in texts)

    # ---- accuracy on gold word forms
    morph = pymorphy3.MorphAnalyzer(lang="uk")
    lemmatizer = stock.get_pipe("lemmatizer")

    def first_parse(words: list[str]) -> list[set[str]]:
        return [{morph.parse(fold_apostrophes(w))[0].normal_form} for w in words]

    def oracle(words: list[str]) -> list[set[str]]:
        return [{p.normal_form for p in morph.parse(fold_apostrophes(w))} for w in words]

    def spacy_stock(words: list[str]) -> list[set[str]]:
        return [{t.lemma_} for t in lemmatizer(Doc(stock.vocab, words=words))]

    def backbone(words: list[str]) -> list[set[str]]:
        return [{c.lemma} for c in ours.choose_parses([fold_apostrophes(w) for w in words])]

    scored = sum(1 for s in sentences for _, _, upos in s if upos not in EXCLUDED_UPOS)
    print(f"UD_Ukrainian-IU {args.split}: {len(sentences)} sentences, {scored} scored words, {tokens} tokens of raw text\n")
    print("| lemma accuracy (gold words, excl. PUNCT/NUM/SYM) | % |")
    print("|---|---:|")
    for name, fn in [
        ("pymorphy3 first parse", first_parse),
        ("spaCy stock lemmatizer (pymorphy3 mode)", spacy_stock),
        ("acnlp pymorphy3 backbone", backbone),
        ("oracle: gold lemma among pymorphy3 parses", oracle),
    ]:
        print(f"| {name} | {100 * accuracy(sentences, fn):.1f} |")

    stock_first, stock_steady = speed[1][2], speed[1][3]
    print("\n| speed on raw sentence texts | start-up s | first pass tok/s | steady tok/s |")
    print("|---|---:|---:|---:|")
    for name, startup, first, best in speed:
        first_text = "-" if first != first else f"{first:,.0f}"
        print(f"| {name} | {startup:.2f} | {first_text} | {best:,.0f} |")
    ours_first, ours_steady = speed[2][2], max(speed[2][3], speed[3][3])
    print(f"\nours/stock tokens/s: first pass {ours_first / stock_first:.1f}x, steady state {ours_steady / stock_steady:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
