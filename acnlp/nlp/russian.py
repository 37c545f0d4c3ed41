"""Russian and surzhyk words in Ukrainian answers, read with pymorphy3's Russian dictionary.

Officials of some bodies wrote their answers in Russian, or mixed the two languages
(«Проведено обучение сотрудников»). The Ukrainian dictionary only guesses at such words
(«выполнено» comes out an adverb, «сотрудников» a surname), so `read_in_ukrainian` re-reads
every word that the Ukrainian dictionary does not know and the Russian one does, and names its
lemma in Ukrainian where ``acnlp/data/russian_lemmas.txt`` knows it: a Russian cell then
reads to the classifier like the same answer in Ukrainian, as the guidelines label it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..data import load_lexicon
from .base import Analysis
from .pymorphy_backend import morph_analyzer
from .ud_tags import ud_from_grammemes

_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")


@lru_cache(maxsize=1)
def russian_analyzer() -> Any:
    """The process-wide pymorphy3 analyser with the Russian dictionary (loaded on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def ukrainian_equivalents() -> dict[str, str]:
    """Russian lemma -> Ukrainian lemma, from ``acnlp/data/russian_lemmas.txt``."""
    return {entry[0]: entry[1] for entry in load_lexicon("russian_lemmas.txt") if len(entry) == 2}


_RUSSIAN_ONLY = frozenset("ыэъё")


@lru_cache(maxsize=50_000)
def russian_reading(word: str, russian_cell: bool = False) -> tuple[str, str, tuple[tuple[str, str], ...]] | None:
    """(lemma, UPOS, UD features) of a Russian word; None for every other word. The lemma is
    Ukrainian where ``russian_lemmas.txt`` knows it.

    A word is Russian when the Ukrainian dictionary does not know it and the Russian one does;
    in a cell that is Russian (`is_russian_cell`), also a word both know whose Russian lemma has a
    listed Ukrainian equivalent («жалоб» is «скарг» there, not a form of «жалоба», mourning).

    >>> russian_reading("выполнено")[:2], russian_reading("жалоб", True)[0], russian_reading("виконано")
    (('виконати', 'VERB'), 'скарга', None)
    """
    lower = word.lower()
    if len(lower) < 2 or not set(lower) <= _CYRILLIC:
        return None
    known_in_ukrainian = morph_analyzer().word_is_known(lower)
    if known_in_ukrainian and not russian_cell:
        return None
    parses = russian_analyzer().parse(lower)
    if not parses or not parses[0].is_known:
        return None
    parse = parses[0]
    lemma = parse.normal_form.replace("ё", "е")
    equivalent = ukrainian_equivalents().get(lemma) or ukrainian_equivalents().get(parse.normal_form)
    if known_in_ukrainian and equivalent is None:
        return None
    grammemes = frozenset(str(parse.tag).replace(" ", ",").split(","))
    upos, morph = ud_from_grammemes(grammemes, False)
    morph = dict(morph)
    if {"PRTS", "neut", "sing"} <= grammemes and "pssv" in grammemes:
        # «выполнено», «проведено»: the Russian short participle does the work of the
        # Ukrainian impersonal -но form, which the backbone reads as a finished act.
        upos = "VERB"
        morph = {"Aspect": morph.get("Aspect", "Perf"), "Mood": "Ind", "Person": "0", "Tense": "Past", "VerbForm": "Fin"}
    return equivalent or lemma, upos, tuple(sorted(morph.items()))


@lru_cache(maxsize=50_000)
def _marks_russian_cell(word: str) -> bool:
    """Whether ``word`` alone makes its cell Russian: a letter only Russian has, or a word only
    the Russian dictionary knows (a Russian reading outside a Russian cell)."""
    return not _RUSSIAN_ONLY.isdisjoint(word.lower()) or russian_reading(word) is not None


def is_russian_cell(analysis: Analysis) -> bool:
    """True when a word has a letter only Russian has, or is a word only the Russian dictionary knows."""
    return any(_marks_russian_cell(t.text) for t in analysis.tokens if t.pos not in ("PUNCT", "NUM", "SYM"))


def read_in_ukrainian(analysis: Analysis) -> Analysis:
    """The same analysis with its Russian words re-read (see `russian_reading`); offsets unchanged.

    >>> [t.lemma for t in read_in_ukrainian(_analyze("Жалоб не поступало, приказ не издан")).tokens]
    ['скарга', 'не', 'надходити', ',', 'наказ', 'не', 'видати']
    """
    russian_cell = is_russian_cell(analysis)
    if not russian_cell:
        # Outside a Russian cell a word is re-read only when it alone would have made the cell
        # Russian, and none did: nearly every cell stops here, each word looked at once.
        return analysis
    tokens = []
    changed = False
    for token in analysis.tokens:
        reading = russian_reading(token.text, russian_cell) if token.pos not in ("PUNCT", "NUM", "SYM") else None
        if reading is None:
            tokens.append(token)
            continue
        lemma, upos, morph = reading
        tokens.append(replace(token, lemma=lemma, pos=upos, morph=dict(morph), tag="ru"))
        changed = True
    return replace(analysis, tokens=tuple(tokens)) if changed else analysis


def _analyze(text: str) -> Analysis:
    from .base import load_backbone

    return load_backbone().analyze(text)

