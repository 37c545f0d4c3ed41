"""Words broken at a line end and left broken in the cell («оприлюд- нено», «про-ведено»), and
words mistyped by one keystroke («прведено», «виявлнео»).

A report pasted from a PDF or a narrow Word column keeps the hyphens of its line breaks. The
dictionary knows neither half, so the word is lost to everything downstream. A broken word is
joined only when the dictionary knows the joined word and not the hyphenated one: real
compounds («науково-технічний», «веб-сайт») stay as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .frequencies import zipf
from .pymorphy_backend import morph_analyzer

_BROKEN = re.compile(r"\b([^\W\d_]{2,})- ?([^\W\d_]{2,})\b")


def join_broken_words(text: str) -> str:
    """Join the halves of words a line end broke (normalised text in, same text otherwise).

    >>> join_broken_words("Програму оприлюд- нено, навчання про-ведено на веб-сайті")
    'Програму оприлюднено, навчання проведено на веб-сайті'
    """
    if "-" not in text:
        return text
    known = morph_analyzer().word_is_known

    def join(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if second[0].isupper() and not first.isupper():
            return match.group()
        joined = (first + second).lower()
        if known(joined) and not known(f"{first}-{second}".lower()):
            return first + second
        return match.group()

    return _BROKEN.sub(join, text)


_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{6,}(?![\w'’-])")
_RUSSIAN_ONLY = frozenset("ыэъё")


def _one_edit(word: str) -> set[str]:
    """Every string one swap of neighbours, one dropped letter or one added letter away."""
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    drops = {word[:i] + word[i + 1 :] for i in range(len(word))}
    adds = {word[:i] + letter + word[i:] for i in range(len(word) + 1) for letter in _ALPHABET}
    return (swaps | drops | adds) - {word}


@lru_cache(maxsize=20_000)
def corrected_word(word: str) -> str | None:
    """The one dictionary word a mistyped ``word`` (lowercase) is one keystroke from, or None.

    Only for a word neither the Ukrainian nor the Russian dictionary knows (a Russian word is
    read in Ukrainian later, not corrected), and only when one known word is that close or one
    is ten times as frequent as the next (a Zipf unit): of two as common, neither is more
    likely the one meant.

    >>> corrected_word("прведено"), corrected_word("виявлнео"), corrected_word("проведено")
    ('проведено', 'виявлено', None)
    """
    known = morph_analyzer().word_is_known
    if known(word) or _RUSSIAN_ONLY & set(word):
        return None
    from .russian import russian_analyzer

    if russian_analyzer().word_is_known(word):
        return None
    candidates = sorted((candidate for candidate in _one_edit(word) if known(candidate)),
                        key=lambda c: (-zipf(c), c))
    if len(candidates) > 1 and zipf(candidates[0]) - zipf(candidates[1]) < 1.0:
        return None
    return candidates[0] if candidates else None


def correct_typos(text: str) -> str:
    """Words of six letters or more that are one keystroke from exactly one dictionary word, corrected.

    A mistyped predicate («прведено», «не виявлнео») is otherwise a word the dictionary guesses
    at, and what was done or negated is lost with it. Capitalised and upper-case words keep their case.

    >>> correct_typos("Перевірку прведено 11.11.2020, порушень не виявлнео.")
    'Перевірку проведено 11.11.2020, порушень не виявлено.'
    """

    def correct(match: re.Match[str]) -> str:
        word = match.group()
        lower = word.lower()
        fixed = corrected_word(lower)
        if fixed is None:
            return word
        if word.isupper():
            return fixed.upper()
        return fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed

    return _WORD.sub(correct, text)
