"""Features of a status cell: lemma n-grams, character n-grams and linguistic cues.

The estimator's input is a sequence of `Cell`s (status plus its row's measure and deadline).
Everything here is plain Python: a saved model (`acnlp.classify.portable`) predicts with these
functions and numpy, without scikit-learn, which only the training side
(`acnlp.classify.estimator`) imports.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..data import load_lexicon
from ..extract import extract
from ..nlp.base import Analysis, load_backbone
from ..nlp.repair import correct_typos, join_broken_words
from ..nlp.russian import read_in_ukrainian
from ..normalize import normalize
from .reading import CUES, PRECEDENCE, Reading, count_phrases, read


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
    """The default backbone's analysis of a text, cached: every feature family reads the same one.

    Words broken at line ends are joined and one-keystroke typos corrected first, and Russian
    words are read in Ukrainian (`acnlp.nlp.repair`, `acnlp.nlp.russian`), so noise and
    language do not change the reading.
    """
    return read_in_ukrainian(load_backbone().analyze(correct_typos(join_broken_words(normalize(text)))))


@lru_cache(maxsize=20_000)
def _measure_lemmas(measure: str) -> frozenset[str]:
    return frozenset(t.lemma for t in analysis(measure).tokens if len(t.lemma) > 3) if measure else frozenset()


@lru_cache(maxsize=20_000)
def _reading(status: str, measure: str) -> Reading:
    return read(analysis(status), _measure_lemmas(measure))


def cell_reading(cell: Cell) -> Reading:
    """The clause-by-clause reading of the status (`acnlp.classify.reading`), cached."""
    return _reading(cell.status, cell.measure)


def deciding_clause(cell: Cell) -> Cell:
    """The cell cut down to the clause its reading rests on, or the cell itself when it has one clause.

    A long answer's n-grams are mostly its habitual sentences; the first stage read on the
    deciding clause alone says what that clause would be as an answer of its own, which the
    second stage weighs beside the whole cell's (`StatusClassifier`'s clause channel).

    >>> deciding_clause(Cell("Робота проводиться постійно. Навчання перенесено на 2022 рік.")).status
    'Навчання перенесено на 2022 рік.'
    """
    reading = cell_reading(cell)
    if len(reading.clauses) < 2 or reading.deciding is None:
        return cell
    clause = reading.clauses[reading.deciding]
    return replace(cell, status=reading.text[clause.start : clause.end])


def cut_clauses(cells: Sequence[Cell]) -> list[tuple[int, Cell]]:
    """``(index, deciding clause)`` of the cells whose deciding clause is not the whole cell: the
    others are their own deciding clause, and their first-stage reading is already there.

    >>> cut_clauses([Cell("Скарг не надходило."), Cell("Робота проводиться. Навчання перенесено.")])
    [(1, Cell(status='Навчання перенесено.', measure='', deadline=''))]
    """
    return [(i, clause) for i, cell in enumerate(cells) if (clause := deciding_clause(cell)) is not cell]


def status_lemmas(cell: Cell) -> list[str]:
    """Word lemmas of what the status reports (the analyzer of the lemma TF-IDF).

    Digits become «0»; a reporting frame («За інформацією, наданою …,») is left out, and a
    negated predicate is marked «не_», so «проведено» and «не проведено» never share a feature.

    >>> status_lemmas(Cell("Проведено 5 засідань комісії."))
    ['провести', '0', 'засідання', 'комісія']
    >>> status_lemmas(Cell("За інформацією ДПС, навчання не проведено"))
    ['навчання', 'не', 'не_провести']
    """
    return _reported_lemmas(cell)


def _reported_lemmas(cell: Cell, spans: Sequence[tuple[int, int]] | None = None) -> list[str]:
    """The lemmas of the status's tokens outside reporting frames (and, given ``spans``, starting
    inside one of these character ranges): digits as «0», negated predicates as «не_…»."""
    reading = cell_reading(cell)
    frame = reading.frame_tokens
    lemmas = []
    for i, token in enumerate(analysis(cell.status).tokens):
        if token.pos == "PUNCT" or i in frame:
            continue
        if spans is not None and not any(a <= token.start < b for a, b in spans):
            continue
        if token.pos == "NUM":
            lemmas.append("0")
        elif i in reading.negated_tokens:
            lemmas.append("не_" + token.lemma)
        else:
            lemmas.append(token.lemma)
    return lemmas


def decisive_lemmas(cell: Cell) -> list[str]:
    """`status_lemmas` of the clauses the reading found decisive (any verdict but boilerplate).

    In a long answer that is mostly habitual, the one clause that decides gets a channel of its
    own, undiluted by the rest; a cell with no decisive clause gives ``["∅"]``.

    >>> decisive_lemmas(Cell("Постійно проводиться роз'яснювальна робота. Скарг не надходило."))
    ['скарга', 'не', 'не_надходити']
    """
    spans = [(c.start, c.end) for c in cell_reading(cell).clauses if c.verdict != "boilerplate"]
    return (_reported_lemmas(cell, spans) if spans else []) or ["∅"]


def status_text(cell: Cell) -> str:
    """What the status reports, normalised and lowercased (the input of the character n-grams)."""
    result = analysis(cell.status)
    frame = cell_reading(cell).frame_tokens
    if not frame:
        return result.text.lower()
    return " ".join(t.text for i, t in enumerate(result.tokens) if i not in frame).lower()


def lemma_strings(cells: Sequence[Cell]) -> list[str]:
    """Each status as its lemmas joined by spaces (lemmas never contain spaces)."""
    return [" ".join(status_lemmas(cell)) for cell in cells]


def decisive_strings(cells: Sequence[Cell]) -> list[str]:
    """Each status's decisive clauses as lemmas joined by spaces."""
    return [" ".join(decisive_lemmas(cell)) for cell in cells]


def status_texts(cells: Sequence[Cell]) -> list[str]:
    """Each status as normalised lowercase text."""
    return [status_text(cell) for cell in cells]


def split_on_spaces(text: str) -> list[str]:
    """The tokenizer of the lemma TF-IDF: the lemma strings are already tokenised."""
    return text.split(" ")


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


@lru_cache(maxsize=1)
def plan_markers() -> frozenset[str]:
    """Lemmas of ``acnlp/data/plan_markers.txt``."""
    return frozenset(words[0] for words in load_lexicon("plan_markers.txt"))


_CATEGORY_KINDS = ("done", "unfinished", "ongoing", "compliance", "non_answer")

#: The grammatical and lexical cues: what the backbone and the extractors see, before any rule
#: of the guidelines is applied.
GRAMMAR_FEATURES = (
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
    "short",
    "clauses",
)

#: Names of the linguistic features, in column order: the grammatical cues, then the reading's.
LINGUISTIC_FEATURES = (
    *GRAMMAR_FEATURES,
    *(f"reading_{cue}" for cue in CUES),
    *(f"category_{kind}" for kind in _CATEGORY_KINDS),
    *(f"category_lead_{kind}" for kind in _CATEGORY_KINDS),
    *(f"verdict_{label}" for label in PRECEDENCE),
    *(f"verdict_{label}_long" for label in PRECEDENCE),
)


def linguistic_row(cell: Cell) -> list[float]:
    """The `LINGUISTIC_FEATURES` of one cell.

    >>> dict(zip(LINGUISTIC_FEATURES, linguistic_row(Cell("Постійно проводиться роз’яснювальна робота."))))["vague_markers"]
    2.0
    """
    return list(_linguistic_row(cell.status, cell.measure))


@lru_cache(maxsize=20_000)  # the status and the measure decide it: kept as the analyses are
def _linguistic_row(status: str, measure: str) -> tuple[float, ...]:
    cell = Cell(status, measure)
    result = analysis(cell.status)
    tokens = [t for t in result.tokens if t.pos not in ("PUNCT", "SYM")]
    reading = cell_reading(cell)
    if not tokens:
        empty = [0.0] * len(LINGUISTIC_FEATURES)
        empty[0] = 1.0
        empty[LINGUISTIC_FEATURES.index("verdict_boilerplate")] = 1.0
        if reading.category:
            empty[LINGUISTIC_FEATURES.index(f"category_{reading.category}")] = 1.0
        return tuple(empty)
    lemmas = [t.lemma for t in tokens]
    plans, negations = plan_markers(), negation_markers()
    # One pass over the tokens for every count, each token's morph read once: this runs on every
    # status and every deciding clause.
    perfective_past = impersonal = participle = present = future = negation = 0
    for token in tokens:
        morph = token.morph
        aspect, tense = morph.get("Aspect"), morph.get("Tense")
        if token.pos == "VERB":
            perfective_past += aspect == "Perf" and tense == "Past"
            present += tense == "Pres"
        impersonal += morph.get("Person") == "0"
        participle += aspect == "Perf" and morph.get("VerbForm") == "Part" and morph.get("Voice") == "Pass"
        future += tense == "Fut" or token.lemma in plans
        negation += token.lemma in negations
    measure = set(status_lemmas(Cell(cell.measure))) if cell.measure else set()
    overlap = len(measure & set(lemmas)) / len(set(lemmas)) if measure else 0.0
    found = extract(cell.status)
    totals = reading.cue_totals()
    return (
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
        float(len(tokens) <= 3),
        float(len(reading.clauses)),
        *(float(totals.get(cue, 0)) for cue in CUES),
        *(float(reading.category == kind) for kind in _CATEGORY_KINDS),
        *(float(reading.category_lead == kind) for kind in _CATEGORY_KINDS),
        *(float(reading.verdict == label) for label in PRECEDENCE),
        # The same verdict again for answers of three clauses or more: there n-grams of the
        # habitual rest outweigh one deciding clause, so the model may trust the reading more.
        *(float(reading.verdict == label and len(reading.clauses) >= 3) for label in PRECEDENCE),
    )


#: The reading's verdict and categories, as the second stage of the classifier sees them.
READING_FEATURES = (
    *(f"verdict_{label}" for label in PRECEDENCE),
    *(f"verdict_{label}_long" for label in PRECEDENCE),
    *(f"category_{kind}" for kind in _CATEGORY_KINDS),
    *(f"category_lead_{kind}" for kind in _CATEGORY_KINDS),
    "short",
    *(f"has_{cue}" for cue in CUES),
)


def reading_row(cell: Cell) -> list[float]:
    """The `READING_FEATURES` of one cell: what the rules of the guidelines make of it."""
    return list(_reading_row(cell.status, cell.measure))


@lru_cache(maxsize=20_000)
def _reading_row(status: str, measure: str) -> tuple[float, ...]:
    cell = Cell(status, measure)
    reading = cell_reading(cell)
    totals = reading.cue_totals()
    long = len(reading.clauses) >= 3
    words = sum(1 for t in analysis(cell.status).tokens if t.pos not in ("PUNCT", "SYM"))
    return (
        *(float(reading.verdict == label) for label in PRECEDENCE),
        *(float(reading.verdict == label and long) for label in PRECEDENCE),
        *(float(reading.category == kind) for kind in _CATEGORY_KINDS),
        *(float(reading.category_lead == kind) for kind in _CATEGORY_KINDS),
        float(words <= 3),
        # Which elements the verdict rests on: a verdict from «не проведено» earns more trust
        # than one from an imperfective «не проводились».
        *(float(totals.get(cue, 0) > 0) for cue in CUES),
    )
