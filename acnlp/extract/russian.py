"""Russian words in report text: lemmas for the grammars where pymorphy3 has no Russian dictionary.

Cells written in Russian or surzhyk («Приказом от 14.02.2017 № 38-о», «присутствовало 57
сотрудников») need Russian lemmas: a reference's type is the Russian document word's lemma
(«приказ», «распоряжение»), a count's noun the Russian noun's («сотрудник»). pymorphy3 here
carries only its Ukrainian dictionary, and its guesses for unknown words are Ukrainian-shaped
(«сотрудников» → «сотрудников»). So a Russian form is read by a suffix rule checked against a
lexicon: an ending of ``russian_endings.txt`` is swapped for its lemma ending, and the guess
is kept only when ``russian_words.txt`` lists it. The lexicon keeps the rule from inventing
lemmas; the rule keeps the lexicon to one line a word. A few endings that only Russian
nouns have (``russian_guesses.txt``: «-ов», «-ений») give a lemma without the lexicon.
Unknown words with a Russian adjective ending («информационных», «внезапные») are
adjectives, so a count reads past them to its noun.

>>> [(p.lemma, p.pos, sorted(p.grammemes)) for p in russian_parses("сотрудников")]
[('сотрудник', 'NOUN', ['gent', 'plur'])]
>>> [p.lemma for p in russian_parses("распоряжением")], [p.lemma for p in russian_parses("писем")]
(['распоряжение'], ['письмо'])
>>> russian_parses("наказом"), is_russian_adjective("информационных")
((), True)
>>> [(p.lemma, p.pos) for p in russian_parses("собеседований")], [p.lemma for p in russian_parses("юристов")]
([('собеседование', 'NOUN')], ['юрист'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_lexicon

#: Endings an unknown word is read as a Russian adjective by («должностными», «внезапные»).
ADJECTIVE_ENDING = re.compile(r"(?:ых|ые|ый|ая|ую|ого|ому|ыми|ими|ым|ее|ое|ой|их|ие|ий)$")


#: The parts of speech the endings inflect; the lexicon's prepositions are looked up as they are.
INFLECTED = frozenset({"NOUN", "ADJF", "ADJ"})


def is_russian_preposition(word: str) -> bool:
    """«к», «с», «от»: prepositions pymorphy3's Ukrainian dictionary lacks.

    >>> is_russian_preposition("от"), is_russian_preposition("отдел")
    (True, False)
    """
    return russian_words().get(word.lower()) == "PREP"


@dataclass(frozen=True)
class RussianParse:
    """One reading of a Russian form: its lemma, part of speech and what the ending says."""

    lemma: str
    pos: str
    grammemes: frozenset[str]


@lru_cache(maxsize=1)
def russian_words() -> dict[str, str]:
    """Lemma → part of speech."""
    return {fields[0]: fields[1] for fields in load_lexicon("russian_words.txt")}


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, str]:
    """Irregular form → lemma («писем» → «письмо»)."""
    return {form: fields[0] for fields in load_lexicon("russian_words.txt") for form in fields[2:]}


@lru_cache(maxsize=None)
def endings(name: str = "russian_endings.txt") -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(form ending, lemma ending, grammemes), ``""`` for no ending."""
    return tuple(
        ("" if form == "-" else form, "" if lemma == "-" else lemma, frozenset(grammemes.split(",")))
        for form, lemma, grammemes in load_lexicon(name)
    )


@lru_cache(maxsize=20_000)
def russian_parses(word: str) -> tuple[RussianParse, ...]:
    """The lexicon's words ``word`` can be a form of, with what its ending says; none if no rule
    leads from it to a listed word."""
    form = word.lower()
    words = russian_words()
    if form in irregular_forms():
        lemma = irregular_forms()[form]
        return (RussianParse(lemma, words[lemma], frozenset({"gent", "plur"})),)
    found: dict[str, set[str]] = {}
    for ending, lemma_ending, grammemes in endings():
        if form.endswith(ending) and len(form) > len(ending) + 1:
            lemma = form[: len(form) - len(ending)] + lemma_ending
            if words.get(lemma) in INFLECTED:
                found.setdefault(lemma, set()).update(grammemes)
    if not found:
        for ending, lemma_ending, grammemes in endings("russian_guesses.txt"):
            if form.endswith(ending) and len(form) > len(ending) + 2:
                return (RussianParse(form[: len(form) - len(ending)] + lemma_ending, "NOUN", grammemes),)
    return tuple(RussianParse(lemma, words.get(lemma, "NOUN"), frozenset(grammemes)) for lemma, grammemes in found.items())


def is_russian_adjective(word: str) -> bool:
    """Whether an unknown word ends like a Russian adjective («информационных»)."""
    return ADJECTIVE_ENDING.search(word.lower()) is not None
