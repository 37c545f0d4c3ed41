"""Counts of things done: «5 засідань», «п'ять внутрішніх аудитів», «двох працівників».

Two grammars:

- `NUMBER` (digits, «2-ох», or number words in any case, collective ones too, summed:
  «двадцять три», «двоє») then `NOUN_GROUP` (up to three adjectives and the counted noun,
  whose lemma is the `noun`); «трьох (3) перевірок» is one count;
- a label and its number, as monitoring tables write them («ухвалено рішень: 492»,
  «сформовано технічних завдань - 113»): the label's head noun is its first plural genitive
  noun that no preposition governs, and only nominal words may follow it up to the number.

Russian nouns («57 сотрудников», «Проверено контрагентов: 46») keep their Russian lemma
(`acnlp.extract.russian`). Not counts (GUIDELINES §3): numbers inside dates and document
references (the caller masks them), legal references («статті 20», «ч. 1 ст. 3»), durations,
money, periods and the other nouns of ``not_counted.txt``, ordinals («2-й», «учня 7 класу»:
a number of five or more with a noun that has no plural reading), «2 з 4 …» shares and a
number with no noun.

>>> [(c.text, c.value, c.noun) for c in extract_counts("Проведено п'ять внутрішніх аудитів і 2 навчання.")]
[("п'ять внутрішніх аудитів", 5, 'аудит'), ('2 навчання', 2, 'навчання')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Optional

from ..data import load_lexicon
from ..nlp.pymorphy_backend import build_candidates
from ..nlp.ud_tags import determiners
from ._grammar import WORD_END, WORD_START, overlaps
from .document_numbers import DocumentNumber, document_numbers
from .lemmas import known_ukrainian, lemmas_of, parses
from .mentions import Count, Percent
from .russian import is_russian_adjective, is_russian_preposition, russian_parses, russian_words

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
def count_units() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("count_units.txt"))


def _unit(word: str) -> bool:
    """«од.», «шт.», «одиниці» after a number: a unit, not the counted thing."""
    return word.lower() in count_units() or bool(lemmas_of(word) & count_units())


@lru_cache(maxsize=1)
def abbreviated_nouns() -> dict[str, str]:
    return {fields[0]: fields[1] for fields in load_lexicon("abbreviated_nouns.txt")}


@lru_cache(maxsize=1)
def abbreviated_modifiers() -> frozenset[str]:
    return frozenset(fields[0] for fields in load_lexicon("abbreviated_modifiers.txt"))


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


@lru_cache(maxsize=20_000)
def _pos(word: str) -> frozenset[str]:
    """Parts of speech a word can have; a word Ukrainian does not know may be Russian."""
    if not known_ukrainian(word):
        russian = frozenset("ADJF" if parse.pos == "ADJ" else parse.pos for parse in russian_parses(word))
        if russian or is_russian_adjective(word):
            return russian or frozenset({"ADJF"})
    return frozenset(str(parse.tag.POS) for parse in parses(word))


@lru_cache(maxsize=20_000)
def _noun_lemma(word: str, singular: bool = False) -> str:
    """The noun reading's lemma, Russian for a Russian word. Plural readings come first, since a
    counted noun is mostly plural («16 посад»: посада, not посад), unless the number ends in one
    (``singular``), whose noun is a singular nominative or accusative («31 дзвінок»: дзвінок, not
    the plural genitive of дзвінка); among several («посади»: посада, посад) the backbone's
    choice out of context wins (frequency, corrected for a lemma whose string is another word's
    form)."""
    if not known_ukrainian(word) and (russian := [parse.lemma for parse in russian_parses(word)]):
        return russian[0]
    nouns = [candidate for candidate in build_candidates(word.lower()) if candidate.tag.startswith("NOUN")]
    if singular:
        nouns = [c for c in nouns if "plur" not in c.tag and ("nomn" in c.tag or "accs" in c.tag)] or nouns
    plural = [candidate for candidate in nouns if "plur" in candidate.tag]
    if not nouns:
        return min(lemmas_of(word), default=word.lower())
    lemma = (plural or nouns)[0].lemma
    return plural_only().get(lemma, lemma) if plural and word.lower() != lemma else lemma


def _plural_possible(word: str) -> bool:
    """Whether a counted word can be plural; a word neither Ukrainian nor the Russian lexicon
    knows is given the benefit of the doubt, and so is a shortened noun («декл.»), which stands
    for every form of its word."""
    if word.lower() in abbreviated_nouns():
        return True
    if not known_ukrainian(word):
        russian = russian_parses(word)
        return not russian or any("plur" in parse.grammemes for parse in russian)
    return any("plur" in parse.tag for parse in parses(word) if parse.tag.POS in ("NOUN", "ADJF", "PRTF"))


def _takes_plural(value: int) -> bool:
    """Whether a number of this value counts its noun in the plural genitive (5-20, 25, 100 …):
    «7 класу» is the seventh form, not seven forms."""
    return value % 10 in (0, 5, 6, 7, 8, 9) or value % 100 in (11, 12, 13, 14)


@lru_cache(maxsize=1)
def plural_only() -> dict[str, str]:
    return {fields[0]: fields[1] for fields in load_lexicon("plural_only.txt")}


def _adjective_lemma(word: str) -> str:
    if not known_ukrainian(word):
        for russian in russian_parses(word):
            return russian.lemma
    for parse in parses(word):
        if parse.tag.POS in ADJECTIVE_TAGS:
            return parse.normal_form
    return word.lower()


def noun_group(text: str, position: int, *, singular: bool = False) -> Optional[tuple[int, str, str]]:
    """The counted noun after ``position``: where it ends, its lemma and the word itself
    (``singular``: the number before it ends in one, see `_noun_lemma`).

    Adjectives and determiners are skipped to the noun («внутрішніх аудитів» → аудит, «одне
    таке повідомлення» → повідомлення); an adjective that stands for a person with no noun
    after it is one («312 патрульних поліцейських»), and so is a last word that can be an
    adjective or a noun («37 слухачів.»).
    """
    echo = ECHO.match(text, position)
    position = echo.end() if echo else position
    last_adjective: Optional[tuple[int, str, str]] = None
    last_could_be_noun = False
    for _ in range(MAX_ADJECTIVES + 1):
        word = NEXT_WORD.match(text, position)
        if word is None:
            break
        form = word.group("word")
        if len(form) == 1:
            break  # a one-letter word («с», «в», «з») is a preposition or an initial, never what is counted
        shortened = abbreviated_nouns().get(form.lower()) if text.startswith(".", word.end()) else None
        if shortened is not None:
            return word.end() + 1, shortened, form  # «28 декл.»: the noun, shortened
        if text.startswith(". ", word.end()) and form.lower() in abbreviated_modifiers():
            position = word.end() + 1  # «112 адмін. послуг»: a shortened adjective, the noun follows
            continue
        pos = _pos(form)
        if "NOUN" in pos and _singular_adjective_or_plural_noun(form):
            return word.end(), _noun_lemma(form, singular), form  # «9 начальників підстанцій»: not «начальників» (whose)
        if pos & ADJECTIVE_TAGS:
            last_could_be_noun = "NOUN" in pos
            last_adjective = (word.end(), _noun_lemma(form, singular) if last_could_be_noun else _adjective_lemma(form), form)
            position = word.end()
        elif "NOUN" in pos:
            if last_adjective is not None and _substantive(last_adjective[1]) and not _plural_possible(form):
                break  # «23 служащих департамента»: the noun after a person is who they serve
            return word.end(), _noun_lemma(form, singular), form
        elif pos == {"NPRO"} and lemmas_of(form) & determiners():
            position = word.end()
        else:
            break
    if last_adjective is not None and (last_could_be_noun or _substantive(last_adjective[1])):
        return last_adjective
    return None


def _singular_adjective_or_plural_noun(word: str) -> bool:
    """A word read as a plural noun or a singular adjective only («начальників», «майстрів»: the
    possessive adjective «whose», or the noun): after a number it is the counted noun, since a
    singular adjective cannot stand before the plural noun a number counts."""
    readings = parses(word)
    adjectives = [parse for parse in readings if parse.tag.POS == "ADJF"]
    return bool(adjectives) and not any("plur" in parse.tag for parse in adjectives) and \
        any(parse.tag.POS == "NOUN" and "plur" in parse.tag for parse in readings)


def _substantive(lemma: str) -> bool:
    """An adjective that stands for a person: «поліцейський», Russian «служащий»."""
    return lemma in substantive_adjectives() or russian_words().get(lemma) == "ADJF"


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


def extract_counts(text: str, *, exclude: Iterable[tuple[int, int]] = (), percents: Optional[Sequence[Percent]] = None,
                   numbers: Optional[Sequence[DocumentNumber]] = None) -> list[Count]:
    """Counts in a normalised text, in order, leaving out numbers inside the ``exclude`` spans
    (dates and document references), percentages and document numbers (pass ``percents`` and
    ``numbers``, `document_numbers`, if you have them).

    >>> [(c.value, c.noun) for c in extract_counts("одну спеціальну перевірку, статті 20, 3 роки, 2 з 4 навчань")]
    [(1, 'перевірка')]
    """
    if percents is None:
        percents = extract_percents(text)
    if numbers is None:
        numbers = document_numbers(text)
    # a number after «№» is never a count, whether it names a document or not («корпусу № 2»)
    excluded = list(exclude) + [(p.start, p.end) for p in percents] + [(n.start, n.end) for n in numbers]
    counts = []
    for start, end, value in sorted(_numbers(text)):
        if overlaps(start, end, excluded) or _legal(text, start) or SHARE.match(text, end):
            continue
        group = noun_group(text, end, singular=value % 10 == 1 and value % 100 != 11)
        if group is None or lemmas_of(group[2]) & not_counted():
            continue
        if AFTER_SHARE.search(text, max(0, start - 12), start):
            continue
        if _takes_plural(value) and not _plural_possible(group[2]):
            continue
        counts.append(Count(text[start : group[0]], start, group[0], value, group[1]))
    # «рішень: 492 од.»: a label names what a unit after the number counts
    taken = excluded + [(count.start, count.end) for count in counts if not _unit(count.text.split()[-1])]
    labelled = labelled_counts(text, exclude=taken)
    counts = [count for count in counts if not overlaps(count.start, count.start + 1, [(c.start, c.end) for c in labelled])]
    return sorted(counts + labelled, key=lambda count: count.start)


#: A label's number: «рішень: 492», «завдань - 113» (every dash is «-» once normalised).
LABEL_NUMBER = re.compile(r"(?:\s?:|\s-)[ ]*(?P<value>\d{1,3}(?:[ ]\d{3})+(?!\d)|\d{1,7})(?![\w'/:)-]|[.,]\d)")
#: Where a label starts: after a clause break or a bracket («…: ухвалено рішень: 492; …»).
LABEL_BREAK = re.compile(r"[;:!?()\n]|[.,](?=\s)")
NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})


def _genitive_plural(word: str) -> bool:
    """Whether a word can be a counted noun in the plural genitive («рішень», «сотрудников»)."""
    if not known_ukrainian(word) and (russian := russian_parses(word)):
        return any({"gent", "plur"} <= parse.grammemes and (parse.pos == "NOUN" or _substantive(parse.lemma)) for parse in russian)
    return any(
        "gent" in parse.tag and "plur" in parse.tag and (parse.tag.POS == "NOUN" or parse.tag.POS == "ADJF" and _substantive(parse.normal_form))
        for parse in parses(word)
    )


def _nominal(word: str) -> bool:
    """A word that may stand in a noun phrase after its head: «запитів Національного
    агентства», «звернень за 2023 рік» (a preposition and a number too, not a verb or «не»)."""
    return word[0].isupper() or word[0].isdigit() or bool(_pos(word) & NOMINAL) or _preposition(word)


def _preposition(word: str) -> bool:
    return is_russian_preposition(word) or any(parse.tag.POS == "PREP" for parse in parses(word))


def labelled_counts(text: str, *, exclude: Iterable[tuple[int, int]] = ()) -> list[Count]:
    """Counts written as a label and a number, as monitoring tables do.

    >>> [(c.text, c.value, c.noun) for c in labelled_counts("ухвалено рішень: 492; сформовано технічних завдань - 113")]
    [('рішень: 492', 492, 'рішення'), ('технічних завдань - 113', 113, 'завдання')]
    >>> labelled_counts("з них направлено до правоохоронних органів - 4, факти не підтвердились - 19")
    []
    """
    excluded = list(exclude)
    counts = []
    for match in LABEL_NUMBER.finditer(text):
        start, end = match.start("value"), match.end("value")
        group = noun_group(text, end)
        if overlaps(start, end, excluded) or group is not None and not _unit(group[2]):
            continue
        label_start = max((found.end() for found in LABEL_BREAK.finditer(text, 0, match.start())), default=0)
        words = list(WORD.finditer(text, label_start, match.start()))
        head = _label_head([word.group() for word in words])
        if head is None:
            continue
        first, index = head
        form = words[index].group()
        noun = _noun_lemma(form) if "NOUN" in _pos(form) else _adjective_lemma(form)
        counts.append(Count(text[words[first].start() : end], words[first].start(), end, int(match.group("value").replace(" ", "")), noun))
    return counts


def _label_head(words: Sequence[str]) -> Optional[tuple[int, int]]:
    """The head noun of a label (with the first of its adjectives): its first plural genitive
    noun that no preposition governs, with only nominal words after it («відмовлено у
    реєстрації декларацій» → декларацій; «за результатами перевірок факти не підтвердились» →
    none, a verb follows)."""
    for index, word in enumerate(words):
        if not _genitive_plural(word) or _preposition(word) or lemmas_of(word) & not_counted():
            continue
        if not all(_nominal(after) for after in words[index + 1 :]):
            continue
        first = index
        while first > 0 and _pos(words[first - 1]) & ADJECTIVE_TAGS and "NOUN" not in _pos(words[first - 1]):
            first -= 1
        if first > 0 and _preposition(words[first - 1]):
            continue
        return first, index
    return None


def extract_percents(text: str) -> list[Percent]:
    """Percentages: «95 %», «100 відсотків».

    >>> [(p.text, p.value) for p in extract_percents("виконано на 95,5 % (100 відсотків плану)")]
    [('95,5 %', 95.5), ('100 відсотків', 100.0)]
    """
    return [Percent(m.group(0), m.start(), m.end(), float(m.group("value").replace(",", "."))) for m in PERCENT.finditer(text)]
