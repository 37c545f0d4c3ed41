"""The default backbone: spaCy's Ukrainian tokenizer, pymorphy3's dictionary, our disambiguation.

Speed comes from caching, not from doing less:

* the normalised text is split on its single spaces (`acnlp.normalize.normalize` collapses
  whitespace) and each space-free chunk is tokenised once by spaCy's tokenizer and remembered
  with its tokens' candidate parses; spaCy's own tokenizer works chunk by chunk in the same way,
  so the tokens are the same;
* each word form is parsed by pymorphy3 once (`parse_form`, the cache the extractors share),
  and each lemma's frequency looked up once;
* per token, only the context step of `acnlp.nlp.disambiguation.choose` runs.

Lemmas are lowercase, as pymorphy3 gives them (proper names too), so lexicons can match them
directly. Punctuation, numbers and symbols are their own lemma.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..normalize import normalize
from .base import Analysis, Token
from .disambiguation import (
    CONTENT_POS,
    FUNCTION_POS,
    Candidate,
    Word,
    choose,
    make_word,
    prior_score,
)
from .frequencies import zipf
from .ud_tags import determiners, ud_from_grammemes

#: The tag used for tokens pymorphy3 cannot read (numbers with separators, symbols).
NON_WORD_TAG = "UNKN"


@lru_cache(maxsize=1)
def morph_analyzer() -> Any:
    """The process-wide pymorphy3 analyser with the Ukrainian dictionary (loaded on first use)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The process-wide tokenizer of ``spacy.blank("uk")`` (loaded on first use).

    Built as spaCy builds a blank pipeline's tokenizer (``spacy.Tokenizer.v1``: the language's
    exceptions, prefixes, suffixes, infixes, token and URL matches over the language's vocab),
    without the rest of the pipeline: resolving its config and loading every installed
    entry point took 0.09 s of each process's start, for nothing a tokenizer uses.
    ``tests/nlp`` checks its tokens against ``spacy.blank("uk")``'s on every corpus text.
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class
    from spacy.vocab import create_vocab

    defaults = get_lang_class("uk").Defaults
    return Tokenizer(
        create_vocab("uk", defaults),
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


@lru_cache(maxsize=200_000)
def lemma_string_readings(lemma: str) -> tuple[bool, bool]:
    """Whether the string of a lemma is also a form of another word, and whether it is a function word.

    These say how much of the string's wordfreq frequency belongs to other words.

    >>> lemma_string_readings("січня"), lemma_string_readings("засідання"), lemma_string_readings("як")
    ((True, False), (False, False), (False, True))
    """
    shadowed = function_word = False
    for parse in parse_form(lemma):
        if parse.normal_form != lemma:
            shadowed = True
        elif not FUNCTION_POS.isdisjoint(parse.tag.grammemes):
            function_word = True
    return shadowed, function_word


def non_word_pos(text: str) -> str | None:
    """UPOS of a token with no letters: PUNCT, SYM, NUM or SPACE; None if it has a letter.

    >>> non_word_pos("12.03.2024"), non_word_pos("«"), non_word_pos("№"), non_word_pos("року")
    ('NUM', 'PUNCT', 'SYM', None)
    """
    if any(ch.isalpha() for ch in text):
        return None
    if text.isspace():  # only in a spaCy Doc of text that was not normalised
        return "SPACE"
    if any(ch.isdigit() for ch in text):
        return "NUM"
    if all(unicodedata.category(ch).startswith("P") for ch in text):
        return "PUNCT"
    return "SYM"


@lru_cache(maxsize=200_000)
def parse_form(form: str) -> tuple[Any, ...]:
    """pymorphy3's parses of a form, cached; none where pymorphy3 fails on it.

    The one parse cache of the process: the backbone's candidates, its lemma checks and the
    extractors' grammars (`acnlp.extract.lemmas`) all read it, so a word form that both the
    backbone and a grammar meet is parsed once. Parses are immutable named tuples, so every
    caller can share them.

    pymorphy3 looks up every letter's Unicode name, and some letters have none in Python's
    database (U+17000 and other recent scripts): it then raises instead of guessing.

    >>> parse_form("\U00017000")
    ()
    >>> parse_form("року") is parse_form("року")
    True
    """
    try:
        return tuple(morph_analyzer().parse(form))
    except (KeyError, ValueError):
        return ()


def build_candidates(form: str) -> tuple[Candidate, ...]:
    """All distinct parses of a lowercased canonical word form, best prior first.

    >>> [c.lemma for c in build_candidates("року")][:1]
    ['рік']
    >>> build_candidates("виконано")[0].morph["Person"]
    '0'
    """
    pos = non_word_pos(form)
    parses = parse_form(form) if pos is None else ()
    if not parses:
        return (Candidate(form, NON_WORD_TAG, pos or "X", {}, "", 0.0),)
    # The only parse of a form is never weighed against another, so its prior is never read:
    # left at 0, its lemma's frequency is not looked up (nor, for a URL or a code such as
    # «1784/1/4.3-дп-22», wordfreq's tokenizer imported to split it).
    ranked = len(parses) > 1
    seen: set[tuple[str, frozenset[str]]] = set()
    candidates = []
    for parse in parses:
        lemma = parse.normal_form
        grammemes = frozenset(parse.tag.grammemes)
        tag = str(parse.tag)
        if "plur" in tag.split(" ", 1)[0]:
            # plural in the lexeme part of the tag: a plural-only lexeme (всі, вироби) that is
            # usually just the plural of another word
            grammemes = grammemes | {"Pltm"}
        if (lemma, grammemes) in seen:
            continue
        seen.add((lemma, grammemes))
        if "LATN" in grammemes or "UNKN" in grammemes or "ROMN" in grammemes:
            upos, morph = ("NUM" if "ROMN" in grammemes else "X"), {}
        else:
            upos, morph = ud_from_grammemes(grammemes, lemma in determiners())
        case = next((g for g in grammemes if g in _CASES), "")
        prior = 0.0
        if ranked:
            shadowed, function_word = lemma_string_readings(lemma)
            prior = prior_score(
                zipf(lemma),
                grammemes,
                lemma == form,
                shadowed,
                function_word and not grammemes.isdisjoint(CONTENT_POS),
            )
        candidates.append(Candidate(lemma, tag, upos, morph, case, prior))
    if not candidates:
        return (Candidate(form, NON_WORD_TAG, "X", {}, "", 0.0),)
    # A stable sort keeps pymorphy3's order between equal scores, but for one thing: a verb form
    # the dictionary lists as both an imperfective present and a perfective future of one lemma
    # («проходять», «перебуває») is read as the present, which reports use far more.
    presents = {c.lemma for c in candidates if c.pos in ("VERB", "AUX") and "impf" in c.tag and "pres" in c.tag}
    candidates.sort(key=lambda c: (-c.prior, c.lemma in presents and "perf" in c.tag and "futr" in c.tag))
    return tuple(candidates)


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


_new_object = object.__new__


class PymorphyBackbone:
    """spaCy tokenisation plus pymorphy3 lemmas and tags, disambiguated by frequency and context.

    Parameters
    ----------
    cache_size : int
        How many distinct space-free chunks of text to remember with their tokens and parses.
        When full, the cache is emptied and refilled (report vocabularies are small).

    Examples
    --------
    >>> backbone = PymorphyBackbone()
    >>> analysis = backbone.analyze("Проведено п’ять засідань ради.")
    >>> analysis.lemmas
    ['провести', "п'ять", 'засідання', 'рада', '.']
    >>> analysis.tokens[0].morph["Person"], analysis.tokens[0].pos
    ('0', 'VERB')
    """

    name = "pymorphy3"

    def __init__(self, *, cache_size: int = 100_000) -> None:
        self.cache_size = cache_size
        self._chunks: dict[str, tuple[tuple[Word, ...], tuple[tuple[int, str], ...]]] = {}
        self._words: dict[str, Word] = {}

    def word(self, form: str) -> Word:
        """The candidate parses and context facts of a lowercased canonical word form, cached."""
        found = self._words.get(form)
        if found is None:
            if len(self._words) >= self.cache_size:
                self._words.clear()
            found = self._words[form] = make_word(form, build_candidates(form))
        return found

    def _add_chunks(self, chunks: Sequence[str]) -> None:
        """Tokenise distinct space-free chunks not seen yet and remember each one's words and
        (offset in the chunk, text) per token.

        One tokenizer call for all of them: spaCy splits its text at spaces before anything
        else, so chunks joined by single spaces are tokenised exactly as each one alone, and a
        call's fixed cost (a new Doc) is paid once per text instead of once per chunk.
        """
        found: list[list[Any]] = [[] for _ in chunks]
        ends = []
        end = -1
        for chunk in chunks:
            end += len(chunk) + 1
            ends.append(end)
        i = 0
        for token in tokenizer()(" ".join(chunks)):
            while token.idx >= ends[i]:
                i += 1
            found[i].append(token)
        start = 0
        for chunk, tokens, end in zip(chunks, found, ends):
            self._chunks[chunk] = (
                tuple(self.word(token.lower_) for token in tokens),
                tuple((token.idx - start, token.text) for token in tokens),
            )
            start = end + 1

    def choose_parses(self, words: Sequence[str]) -> list[Candidate]:
        """The chosen parse of each word of one sentence or cell, words given as tokens (canonical text).

        This is the path for callers that tokenise themselves (the spaCy component, the benchmark).

        >>> [c.lemma for c in PymorphyBackbone().choose_parses(["до", "кінця", "року"])]
        ['до', 'кінець', 'рік']
        """
        return choose([self.word(word.lower()) for word in words])

    def analyze(self, text: str) -> Analysis:
        """Normalise ``text`` and return its tokens with lemmas, UD tags and features.

        The token's ``morph`` dict is shared by all tokens with the same parse: treat it as
        read-only.
        """
        canonical = normalize(text)
        # This method runs once per text and its loops once per token: it is written for speed.
        words: list[Word] = []
        layout: list[tuple[int, tuple[tuple[int, str], ...]]] = []
        chunks = self._chunks
        pieces = canonical.split(" ") if canonical else ()
        unseen = [chunk for chunk in pieces if chunk not in chunks]
        if unseen:
            if len(chunks) + len(unseen) > self.cache_size:
                chunks.clear()  # this text's chunks seen before go too: all are added again
                unseen = list(pieces)
            self._add_chunks(list(dict.fromkeys(unseen)))
        offset = 0
        for chunk in pieces:
            found = chunks[chunk]
            words += found[0]
            layout.append((offset, found[1]))
            offset += len(chunk) + 1
        chosen = choose(words)
        tokens = []
        append = tokens.append
        k = 0
        for offset, chunk_tokens in layout:
            for start, token_text in chunk_tokens:
                lemma, tag, pos, morph, _, _ = chosen[k]
                k += 1
                # Why not Token(...): the frozen dataclass __init__ sets each field through
                # object.__setattr__, a third of the time per token. Filling __dict__ gives the
                # same object (fields, equality, repr), as tests/nlp checks.
                token = _new_object(Token)
                fields = token.__dict__
                fields["text"] = token_text
                fields["start"] = start = offset + start
                fields["end"] = start + len(token_text)
                fields["lemma"] = lemma
                fields["pos"] = pos
                fields["tag"] = tag
                fields["morph"] = morph
                append(token)
        return Analysis(text, canonical, tuple(tokens))

    def pipe(self, texts: Iterable[str]) -> Iterator[Analysis]:
        """Analyse texts one by one, lazily; the same results as calling `analyze` on each."""
        for text in texts:
            yield self.analyze(text)
