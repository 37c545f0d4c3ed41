"""Features of a status cell: lemma n-grams, character n-grams and linguistic cues.

The estimator's input is a sequence of `Cell`s (status plus its row's measure and deadline).
Everything the fitted model calls is a module-level function or class, so it pickles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from ..data import load_lexicon
from ..extract import extract
from ..nlp.base import Analysis, load_backbone


@dataclass(frozen=True)
class Cell:
    """What the classifier sees of a row: its status, and its measure and deadline as context."""

    status: str
    measure: str = ""
    deadline: str = ""


def as_cells(items: Iterable[Cell | str | dict]) -> list[Cell]:
    """Accept cells, bare status strings or dicts with a ``status`` key (the boundary check).

    >>> as_cells(["Виконано", {"status": "-", "measure": "Навчання"}])
    [Cell(status='Виконано', measure='', deadline=''), Cell(status='-', measure='Навчання', deadline='')]
    """
    cells = []
    for item in items:
        if isinstance(item, Cell):
            cells.append(item)
        elif isinstance(item, str):
            cells.append(Cell(item))
        elif isinstance(item, dict) and isinstance(item.get("status"), str):
            cells.append(Cell(item["status"], item.get("measure") or "", item.get("deadline") or ""))
        else:
            raise TypeError(f"a cell must be a Cell, a status string or a dict with a 'status' string, not {item!r:.80}")
    return cells


@lru_cache(maxsize=20_000)
def analysis(text: str) -> Analysis:
    """The default backbone's analysis of a text, cached: every feature family reads the same one."""
    return load_backbone().analyze(text)


def status_lemmas(cell: Cell) -> list[str]:
    """Word lemmas of the status (the analyzer of the lemma TF-IDF); digits become «0».

    >>> status_lemmas(Cell("Проведено 5 засідань комісії."))
    ['провести', '0', 'засідання', 'комісія']
    """
    lemmas = []
    for token in analysis(cell.status).tokens:
        if token.pos == "PUNCT":
            continue
        lemmas.append("0" if token.pos == "NUM" else token.lemma)
    return lemmas


def status_text(cell: Cell) -> str:
    """The normalised, lowercased status (the input of the character n-grams)."""
    return analysis(cell.status).text.lower()


def identity(tokens: list[str]) -> list[str]:
    """Pass pre-tokenised input through TfidfVectorizer unchanged."""
    return tokens


@lru_cache(maxsize=1)
def vague_markers() -> tuple[tuple[str, ...], ...]:
    """Lemma sequences of ``acnlp/data/vague_markers.txt``."""
    return load_lexicon("vague_markers.txt")


@lru_cache(maxsize=1)
def negation_markers() -> frozenset[str]:
    """Lemmas of ``acnlp/data/negation_markers.txt``."""
    return frozenset(words[0] for words in load_lexicon("negation_markers.txt"))


def count_phrases(lemmas: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> int:
    """How many times any of the lemma phrases occurs in ``lemmas``.

    >>> count_phrases(["постійно", "проводитися", "робота"], [("постійно",), ("проводитися",), ("на", "постійний")])
    2
    """
    count = 0
    for phrase in phrases:
        n = len(phrase)
        count += sum(1 for i in range(len(lemmas) - n + 1) if tuple(lemmas[i : i + n]) == phrase)
    return count


@lru_cache(maxsize=1)
def plan_markers() -> frozenset[str]:
    """Lemmas of ``acnlp/data/plan_markers.txt``."""
    return frozenset(words[0] for words in load_lexicon("plan_markers.txt"))


#: Names of the linguistic features, in column order.
LINGUISTIC_FEATURES = (
    "empty",
    "log_tokens",
    "perfective_past",
    "impersonal_no_to",
    "passive_participle",
    "present_tense",
    "future_or_plan",
    "negation",
    "vague_markers",
    "dates",
    "doc_refs",
    "counts",
    "measure_overlap",
)


def linguistic_row(cell: Cell) -> list[float]:
    """The `LINGUISTIC_FEATURES` of one cell.

    >>> dict(zip(LINGUISTIC_FEATURES, linguistic_row(Cell("Постійно проводиться роз’яснювальна робота."))))["vague_markers"]
    2.0
    """
    result = analysis(cell.status)
    tokens = [t for t in result.tokens if t.pos not in ("PUNCT", "SYM")]
    if not tokens:
        return [1.0] + [0.0] * (len(LINGUISTIC_FEATURES) - 1)
    lemmas = [t.lemma for t in tokens]
    perfective_past = sum(1 for t in tokens if t.pos == "VERB" and t.aspect == "Perf" and t.tense == "Past")
    impersonal = sum(1 for t in tokens if t.person == "0")
    participle = sum(1 for t in tokens if t.morph.get("VerbForm") == "Part" and t.voice == "Pass" and t.aspect == "Perf")
    present = sum(1 for t in tokens if t.pos == "VERB" and t.tense == "Pres")
    future = sum(1 for t in tokens if t.tense == "Fut" or t.lemma in plan_markers())
    negation = sum(1 for lemma in lemmas if lemma in negation_markers())
    measure = set(status_lemmas(Cell(cell.measure))) if cell.measure else set()
    overlap = len(measure & set(lemmas)) / len(set(lemmas)) if measure else 0.0
    found = extract(cell.status)
    return [
        0.0,
        math.log1p(len(tokens)),
        float(perfective_past),
        float(impersonal),
        float(participle),
        float(present),
        float(future),
        float(negation),
        float(count_phrases(lemmas, vague_markers())),
        float(len(found.dates)),
        float(len(found.orders)),
        float(len(found.counts)),
        overlap,
    ]


class LinguisticFeatures(TransformerMixin, BaseEstimator):
    """Counts of grammatical and lexical cues in the status, scaled by ``scale`` (log1p of counts).

    Parameters
    ----------
    scale : bool
        Apply log1p to the count features, so one long answer does not dominate.
    """

    def __init__(self, *, scale: bool = True) -> None:
        self.scale = scale

    def fit(self, X: Sequence[Cell], y: object = None) -> "LinguisticFeatures":
        self.n_features_in_ = len(LINGUISTIC_FEATURES)
        return self

    def transform(self, X: Sequence[Cell]) -> sparse.csr_matrix:
        rows = np.array([linguistic_row(cell) for cell in X], dtype=float).reshape(len(X), len(LINGUISTIC_FEATURES))
        if self.scale:
            rows = np.log1p(rows)
        return sparse.csr_matrix(rows)

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.array([f"cue:{name}" for name in LINGUISTIC_FEATURES], dtype=object)
