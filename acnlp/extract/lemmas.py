"""Word lemmas for the grammars: every normal form pymorphy3 gives a word, cached per form.

The parses come from the backbone's cache (`acnlp.nlp.pymorphy_backend.parse_form`): a report's
words are mostly the words the backbone has just read, so they are parsed once for both.

The grammars ask "could this word be a form of X?", so they want all readings, not the one
the backbone's disambiguation picks in context. A word pymorphy3's Ukrainian dictionary does
not hold may be Russian («распоряжением»): its Russian lemmas (`acnlp.extract.russian`) are
readings too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..nlp.pymorphy_backend import parse_form
from .russian import russian_parses


def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a word, lowercased; none for a word pymorphy3 cannot take.

    >>> parses("\U00017000"), parses("Наказом") is parses("наказом")
    ((), True)
    """
    return parse_form(word.lower())


@lru_cache(maxsize=50_000)
def known_ukrainian(word: str) -> bool:
    """Whether pymorphy3's Ukrainian dictionary holds the word itself (not a guess from its
    suffix or an unknown prefix).

    >>> known_ukrainian("працівників"), known_ukrainian("сотрудников")
    (True, False)
    """
    return any(len(parse.methods_stack) == 1 and type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for parse in parses(word))


@lru_cache(maxsize=50_000)
def lemmas_of(word: str) -> frozenset[str]:
    """Every lemma the word can be a form of, Russian ones for a word Ukrainian does not know.

    >>> sorted(lemmas_of("Наказом")), "распоряжение" in lemmas_of("распоряжением")
    (['наказ'], True)
    """
    lemmas = frozenset(parse.normal_form for parse in parses(word))
    if known_ukrainian(word):
        return lemmas
    return lemmas | frozenset(parse.lemma for parse in russian_parses(word))
