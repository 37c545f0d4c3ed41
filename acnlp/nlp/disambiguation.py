"""Choosing one of pymorphy3's parses: a context-free prior, then a little context.

pymorphy3's Ukrainian dictionary scores every parse 1.0 and lists them in dictionary order, so
its first parse is often a rare word (року -> рок, роботи -> робот). We score each parse by

* how common its lemma is (`wordfreq` Zipf frequency, shipped with the wordfreq package);
* tag priors: rare, dialectal, slang or archaic readings, vocatives and nouns that are only a
  plural form of another word (вироби, інші) lose points; see `GRAMMEME_WEIGHTS`;
* wordfreq counts strings, not lemmas: a lemma string that is also a form of another word
  (інші, січня) or a function word (як) read as a content word loses points;
* context: the case a preceding preposition governs (``acnlp/data/prepositions.txt``), a
  determiner reading (цього -> цей, його the possessive) only when the next word agrees with it,
  and after an adjective, the noun reading that agrees with it where the best prior is no noun
  (воєнного стану -> стан, not стати).

The weights are a handful of hand-set numbers, checked on the UD-IU dev split only (see
``benchmarks/backbone.py``); nothing here is learned or derived from a treebank.
Everything is a pure function over `Candidate` tuples, which the backend builds once per word
form and caches, so the per-token work is a few comparisons.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

#: Weight of the lemma's Zipf frequency (a 1-point Zipf gap is a 10x frequency gap).
FREQUENCY_WEIGHT = 1.0

#: Added to the prior for each grammeme a parse carries. Negative: a reading to avoid unless
#: nothing better is there.
GRAMMEME_WEIGHTS: dict[str, float] = {
    "voct": -1.5,  # vocatives are rare in documents and collide with nominatives
    "Pltm": -1.5,  # plural-only lemmas that are forms of another word: вироби, інші, деревини
    "Abbr": -2.0,  # міг as an abbreviation
    "Infr": -1.5,  # informal
    "Slng": -2.0,  # slang
    "Arch": -1.5,  # archaic
    "Dist": -1.0,  # distorted spellings
    "alt": -0.5,  # alternative spellings
    "Fixd": -0.5,  # indeclinable nouns that shadow a common word (того, до)
    "Surn": -1.0,  # a surname rather than the common word (крива)
}

#: Bonus for a noun, adjective or pronoun in a case the preceding preposition governs.
GOVERNED_CASE_BONUS = 1.5

#: Bonus for a determiner reading (цей, той, його, весь) agreeing in case with the next noun or
#: adjective, and malus for it when nothing agrees (then це, те, він are pronouns).
DETERMINER_BONUS = 1.5
DETERMINER_MALUS = 0.5

#: Case grammemes, the only ones prepositions and agreement look at.
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})

#: Parts of speech a determiner agrees with.
NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})

#: Parts of speech between a preposition and its noun that keep the preposition's government.
CARRY_GOVERNMENT = frozenset({"ADJ", "DET", "NUM"})

#: Parts of speech a preposition's case applies to.
DECLINABLE = frozenset({"NOUN", "PROPN", "ADJ", "DET", "PRON", "NUM"})


class Candidate(NamedTuple):
    """One parse of a word form, with what the disambiguator needs precomputed."""

    lemma: str
    tag: str
    pos: str
    morph: dict[str, str]
    case: str  # the case grammeme, or "" for words without case
    prior: float  # `prior_score`; 0 for a form's only parse, which nothing weighs


def prior_score(zipf: float, grammemes: frozenset[str], lemma_is_form: bool, shadowed: bool, function_word: bool) -> float:
    """Context-free score of a parse: lemma frequency plus grammeme weights and two corrections.

    wordfreq counts strings, not lemmas, so a lemma's frequency is inflated when the same string
    is also a form of another word: ``shadowed`` (інші is a form of інший, січня of січень) or
    a function word (як, раз) while this parse is a content word. A parse whose lemma is the form
    itself gets `LEMMA_IS_FORM_BONUS`.

    >>> prior_score(5.85, frozenset({"NOUN", "gent"}), False, False, False) > prior_score(4.63, frozenset({"NOUN", "gent"}), False, False, False)
    True
    >>> prior_score(5.0, frozenset({"NOUN", "voct"}), False, False, False)
    3.5
    """
    score = FREQUENCY_WEIGHT * zipf
    for grammeme in grammemes:
        score += GRAMMEME_WEIGHTS.get(grammeme, 0.0)
    if lemma_is_form:
        score += LEMMA_IS_FORM_BONUS
    if shadowed:
        score += SHADOWED_WEIGHT
    if function_word:
        score += FUNCTION_WORD_WEIGHT
    return score


#: See `prior_score`.
LEMMA_IS_FORM_BONUS = 0.0
SHADOWED_WEIGHT = -0.5
FUNCTION_WORD_WEIGHT = -2.0

#: pymorphy3 parts of speech of function words (closed classes).
FUNCTION_POS = frozenset({"CONJ", "PRCL", "PREP", "NPRO", "INTJ"})

#: pymorphy3 parts of speech of content words.
CONTENT_POS = frozenset({"NOUN", "ADJF", "VERB", "GRND", "ADVB", "NUMR"})


@lru_cache(maxsize=1)
def preposition_cases() -> dict[str, frozenset[str]]:
    """Preposition -> the case grammemes it governs, from ``acnlp/data/prepositions.txt``.

    >>> sorted(preposition_cases()["до"])
    ['gent']
    """
    text = resources.files("acnlp.data").joinpath("prepositions.txt").read_text(encoding="utf-8")
    table: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            table[fields[0]] = frozenset(fields[1:])
    return table


def agreement(morph: dict[str, str]) -> tuple[str, str, str]:
    """What a determiner and its noun share: case, number and, in the singular, gender.

    >>> agreement({"Case": "Gen", "Number": "Sing", "Gender": "Masc", "Animacy": "Inan"})
    ('Gen', 'Sing', 'Masc')
    >>> agreement({"Case": "Nom", "Number": "Plur", "Gender": "Fem"})
    ('Nom', 'Plur', '')
    """
    number = morph.get("Number", "")
    return (morph.get("Case", ""), number, morph.get("Gender", "") if number == "Sing" else "")


def noun_agreements(candidates: Sequence[Candidate]) -> frozenset[tuple[str, str, str]]:
    """The `agreement` keys of a word's noun and adjective readings.

    >>> year = Candidate("рік", "NOUN gent", "NOUN", {"Case": "Gen", "Number": "Sing", "Gender": "Masc"}, "gent", 5.8)
    >>> sorted(noun_agreements([year, Candidate("в", "PREP", "ADP", {}, "", 7.0)]))
    [('Gen', 'Sing', 'Masc')]
    """
    return frozenset(agreement(c.morph) for c in candidates if c.case and c.pos in NOMINAL)


class Word(NamedTuple):
    """A word form's candidates and what its neighbours need to know, built once per form."""

    candidates: tuple[Candidate, ...]  # best prior first
    governs: frozenset[str] | None  # cases it governs when read as a preposition
    determiner: bool  # it has a determiner reading, so the next word matters
    agreements: frozenset[tuple[str, str, str]]  # `noun_agreements`, for a determiner before it
    free: bool  # no context can change its choice unless a preposition precedes it
    #: When its best reading is no noun: its noun readings by (case, number), which an
    #: adjective before it selects («воєнного стану»: стан, not стати).
    nouns: dict[tuple[str, str], Candidate] | None = None


def make_word(form: str, candidates: Sequence[Candidate]) -> Word:
    """Bundle a lowercased form's candidates (best prior first) with its context facts.

    A form listed in ``prepositions.txt`` is read as a preposition first (на is also a particle).

    >>> w = make_word("на", [Candidate("на", "PRCL", "PART", {}, "", 7.0), Candidate("на", "PREP", "ADP", {}, "", 7.0)])
    >>> w.candidates[0].pos, sorted(w.governs)
    ('ADP', ['accs', 'loct'])
    """
    governs = preposition_cases().get(form)
    ordered = tuple(candidates)
    if governs is not None:
        ordered = tuple(sorted(ordered, key=_not_adposition))  # stable: the rest keep their order
        if ordered[0].pos != "ADP":
            governs = None
    determiner = len(ordered) > 1 and any(c.pos == "DET" for c in ordered)
    nouns = None
    if ordered[0].pos not in NOMINAL and ordered[0].pos != "ADP":
        nouns = {}
        for candidate in ordered:
            if candidate.pos in ("NOUN", "PROPN") and candidate.case:
                nouns.setdefault((candidate.morph.get("Case", ""), candidate.morph.get("Number", "")), candidate)
        nouns = nouns or None
    return Word(ordered, governs, determiner, noun_agreements(ordered), governs is None and not determiner and nouns is None, nouns)


def _not_adposition(candidate: Candidate) -> bool:
    return candidate.pos != "ADP"


def best(
    candidates: Sequence[Candidate],
    governed: frozenset[str] | None,
    following: frozenset[tuple[str, str, str]] | None = None,
) -> Candidate:
    """The best candidate in context.

    ``governed``: the cases a preceding preposition governs, or None. ``following``: the
    `noun_agreements` of the next word, or None when there is no next word or it does not matter.

    >>> a = Candidate("рад", "NOUN plur,nomn", "NOUN", {}, "nomn", 4.7)
    >>> b = Candidate("рада", "NOUN sing,gent", "NOUN", {}, "gent", 4.5)
    >>> best([a, b], None).lemma, best([a, b], frozenset({"gent"})).lemma
    ('рад', 'рада')
    """
    top = candidates[0]
    top_score = float("-inf")
    for candidate in candidates:
        score = candidate.prior
        if governed is not None and candidate.case in governed and candidate.pos in DECLINABLE:
            score += GOVERNED_CASE_BONUS
        if following is not None and candidate.pos == "DET":
            # цього року: a determiner agreeing with the next noun; це, те, він alone otherwise
            if agreement(candidate.morph) in following:
                score += DETERMINER_BONUS
            else:
                score -= DETERMINER_MALUS
        if score > top_score:
            top, top_score = candidate, score
    return top


def choose(words: Sequence[Word]) -> list[Candidate]:
    """The chosen candidate of each word of a sentence or cell.

    Left to right: a preposition's governed cases carry over the adjectives, determiners and
    numerals that follow it to the noun they qualify (до наступного року). Words with no
    context to weigh take their best prior without further work.

    >>> year = make_word("року", [Candidate("рік", "NOUN gent", "NOUN", {}, "gent", 5.8), Candidate("рік", "NOUN datv", "NOUN", {}, "datv", 5.8)])
    >>> to = make_word("до", [Candidate("до", "PREP", "ADP", {}, "", 6.0)])
    >>> [c.tag for c in choose([year])], [c.tag for c in choose([to, year])]
    (['NOUN gent'], ['PREP', 'NOUN gent'])
    """
    chosen: list[Candidate] = []
    append = chosen.append  # this loop runs once per token: keep it lean
    governed: frozenset[str] | None = None
    last = len(words) - 1
    for i, word in enumerate(words):
        if governed is None and word.free:
            append(word.candidates[0])
            continue
        candidates = word.candidates
        if len(candidates) == 1 or (governed is None and not word.determiner):
            pick = candidates[0]
        else:
            following = words[i + 1].agreements if word.determiner and i < last else None
            pick = best(candidates, governed, following)
        if word.nouns is not None and chosen and chosen[-1].pos == "ADJ" and pick.pos not in NOMINAL:
            adjective = chosen[-1].morph
            pick = word.nouns.get((adjective.get("Case", ""), adjective.get("Number", "")), pick)
        append(pick)
        if word.governs is not None and pick.pos == "ADP":
            governed = word.governs
        elif governed is not None and pick.pos in CARRY_GOVERNMENT:
            pass
        else:
            governed = None
    return chosen
