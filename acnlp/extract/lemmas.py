"""Word lemmas for the grammars: every normal form pymorphy3 gives a word, cached per form.

The grammars ask "could this word be a form of X?", so they want all readings, not the one
the backbone's disambiguation picks in context.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..nlp.pymorphy_backend import parse_form


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a (lowercased) word; none for a word pymorphy3 cannot take.

    >>> parses("\U00017000")
    ()
    """
    return tuple(parse_form(word.lower()))


@lru_cache(maxsize=50_000)
def lemmas_of(word: str) -> frozenset[str]:
    """Every lemma the word can be a form of.

    >>> sorted(lemmas_of("Наказом"))
    ['наказ']
    """
    return frozenset(parse.normal_form for parse in parses(word))
