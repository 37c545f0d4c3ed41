"""Counts of things done: «5 засідань», «п'ять внутрішніх аудитів», «двох працівників».

The grammar: `NUMBER` (digits, «2-ох», or number words in any case, summed: «двадцять три»)
then `NOUN_GROUP` (up to three adjectives and the counted noun, whose lemma is the `noun`).
Not counts (GUIDELINES §3): numbers inside dates and document references (the caller masks
them), legal references («статті 20», «ч. 1 ст. 3»), durations, money, periods and the other
nouns of ``not_counted.txt``, ordinals («2-й»), «2 з 4 …» shares and a number with no noun.

>>> [(c.text, c.value, c.noun) for c in extract_counts("Проведено п'ять внутрішніх аудитів і 2 навчання.")]
[("п'ять внутрішніх аудитів", 5, 'аудит'), ('2 навчання', 2, 'навчання')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Optional

from ..data import load_lexicon
from ..nlp.pymorphy_backend import zipf
from ._grammar import WORD_END, WORD_START, overlaps
from .lemmas import lemmas_of, parses
from .mentions import Count, Percent

#: A number in digits, maybe with a case ending after a hyphen: «5», «2-ох», «2-а». An ordinal
#: ending («2-й», «3-го») is not matched; nor are parts of 17.3, 1) or 1/2.
DIGITS = re.compile(
    rf"""{WORD_START}(?<![./,:-])(?<![./]\d)
    (?P<value>\d{{1,3}}(?:[ ]\d{{3}})+(?!\d)|\d{{1,6}})  # «1 236» with a thousands space, or plain
    (?:-(?:ох|ьох|х|а|и|ом|ма|ми|ти|ть){WORD_END})?    # «2-ох заходів», «2-а заняття»
    (?![\w'./):-]|,\d)""",
    re.VERBOSE,
)
WORD = re.compile(r"[\w'][\w'-]*")
#: «2 з 4 запланованих навчань»: a share names no count of its own (GUIDELINES §3).
SHARE = re.compile(r"\s+(?:з|із)\s+\d")
PERCENT = re.compile(r"(?P<value>\d+(?:[.,]\d+)?)\s?(?:%|відсот\w*|процент\w*)", re.IGNORECASE)
BEFORE_NUMBER = re.compile(r"(?<![\w.'])(?P<word>[\w']+)\.?\s*(?:\d[\d.]*\s*(?:,|та|і|й)\s*)*$")
ADJECTIVE_TAGS = frozenset({"ADJF", "PRTF"})
NEXT_WORD = re.compile(r"[ ]+(?P<word>[\w'][\w'-]*)")
#: The number again in brackets, as legal style writes it: «6 (шість) перевірок».
ECHO = re.compile(r"[ ]*\([^()]{1,40}\)")
#: The «4» of «2 з 4 …».
AFTER_SHARE = re.compile(r"\d\s+(?:з|із)\s+$")
MAX_ADJECTIVES = 3


@lru_cache(maxsize=1)
def numeral_values() -> dict[str, int]:
    return {fields[0]: int(fields[1]) for fields in load_lexicon("numerals.txt")}


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("not_counted.txt"))


@lru_cache(maxsize=1)
def substantive_adjectives() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("substantive_adjectives.txt"))


@lru_cache(maxsize=1)
def legal_units() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("legal_units.txt"))


@lru_cache(maxsize=20_000)
def numeral_value(word: str) -> Optional[int]:
    """The value of a number word in any case and gender, or None.

    >>> numeral_value("одну"), numeral_value("двадцяти"), numeral_value("перше")
    (1, 20, None)
    """
    values = numeral_values()
    for parse in parses(word):
        if "NUMR" in parse.tag and parse.normal_form in values:
            return values[parse.normal_form]
    return values.get(word.lower())


def _pos(word: str) -> set[str]:
    return {str(parse.tag.POS) for parse in parses(word)}


def _noun_lemma(word: str) -> str:
    """The noun reading's lemma. Plural readings come first, since a counted noun is mostly
    plural («16 посад»: посада, not посад); among several («року»: рік, рок, ріка) the most
    frequent word wins."""
    nouns = [parse for parse in parses(word) if parse.tag.POS == "NOUN"]
    plural = [parse for parse in nouns if "plur" in parse.tag]
    lemmas = {parse.normal_form for parse in plural or nouns} or lemmas_of(word)
    lemma = max(sorted(lemmas), key=zipf)
    return plural_only().get(lemma, lemma) if plural and word.lower() != lemma else lemma


@lru_cache(maxsize=1)
def plural_only() -> dict[str, str]:
    return {fields[0]: fields[1] for fields in load_lexicon("plural_only.txt")}


def _adjective_lemma(word: str) -> str:
    for parse in parses(word):
        if parse.tag.POS in ADJECTIVE_TAGS:
            return parse.normal_form
    return word.lower()


def noun_group(text: str, position: int) -> Optional[tuple[int, str, str]]:
    """The counted noun after ``position``: where it ends, its lemma and the word itself.

    Adjectives are skipped to the noun («внутрішніх аудитів» → аудит); an adjective that
    stands for a person with no noun after it is one («312 патрульних поліцейських»).
    """
    echo = ECHO.match(text, position)
    position = echo.end() if echo else position
    last_adjective: Optional[tuple[int, str, str]] = None
    for _ in range(MAX_ADJECTIVES + 1):
        word = NEXT_WORD.match(text, position)
        if word is None:
            break
        form = word.group("word")
        pos = _pos(form)
        if pos & ADJECTIVE_TAGS:
            last_adjective = (word.end(), _noun_lemma(form) if "NOUN" in pos else _adjective_lemma(form), form)
            position = word.end()
        elif "NOUN" in pos:
            return word.end(), _noun_lemma(form), form
        else:
            break
    if last_adjective is not None and last_adjective[1] in substantive_adjectives():
        return last_adjective
    return None


def _numbers(text: str) -> Iterator[tuple[int, int, int]]:
    """Every number (start, end, value): digits and runs of number words."""
    for match in DIGITS.finditer(text):
        yield match.start(), match.end(), int(match.group("value").replace(" ", ""))
    run: list[tuple[int, int, int]] = []
    for word in WORD.finditer(text):
        value = numeral_value(word.group()) if not word.group()[0].isdigit() else None
        adjacent = run and re.fullmatch(r"[ ]+", text[run[-1][1] : word.start()])
        if value is not None and (not run or adjacent and value < run[-1][2]):
            run.append((word.start(), word.end(), value))
            continue
        if run:
            yield run[0][0], run[-1][1], sum(item[2] for item in run)
        run = [(word.start(), word.end(), value)] if value is not None else []
    if run:
        yield run[0][0], run[-1][1], sum(item[2] for item in run)


def _legal(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows «статті», «п.», «ч. 1 ст.» (maybe in a list)."""
    before = BEFORE_NUMBER.search(text, max(0, start - 40), start)
    if before is None:
        return False
    word = before.group("word")
    return word.lower() in legal_units() or bool(lemmas_of(word) & legal_units())


def extract_counts(text: str, *, exclude: Iterable[tuple[int, int]] = (), percents: Optional[Sequence[Percent]] = None) -> list[Count]:
    """Counts in a normalised text, in order, leaving out numbers inside the ``exclude`` spans
    (dates and document references) and percentages (pass ``percents`` if you have them).

    >>> [(c.value, c.noun) for c in extract_counts("одну спеціальну перевірку, статті 20, 3 роки, 2 з 4 навчань")]
    [(1, 'перевірка')]
    """
    if percents is None:
        percents = extract_percents(text)
    excluded = list(exclude) + [(p.start, p.end) for p in percents]
    counts = []
    for start, end, value in sorted(_numbers(text)):
        if overlaps(start, end, excluded) or _legal(text, start) or SHARE.match(text, end):
            continue
        group = noun_group(text, end)
        if group is None or lemmas_of(group[2]) & not_counted():
            continue
        if AFTER_SHARE.search(text, max(0, start - 12), start):
            continue
        counts.append(Count(text[start : group[0]], start, group[0], value, group[1]))
    return counts


def extract_percents(text: str) -> list[Percent]:
    """Percentages: «95 %», «100 відсотків».

    >>> [(p.text, p.value) for p in extract_percents("виконано на 95,5 % (100 відсотків плану)")]
    [('95,5 %', 95.5), ('100 відсотків', 100.0)]
    """
    return [Percent(m.group(0), m.start(), m.end(), float(m.group("value").replace(",", "."))) for m in PERCENT.finditer(text)]
