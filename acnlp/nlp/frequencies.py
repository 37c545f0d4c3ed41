"""Lemma frequencies: wordfreq's answers without loading wordfreq's list into memory.

The backbone scores each pymorphy3 parse by how common its lemma is, and the typo repair each
candidate word: `zipf` gives wordfreq's ``zipf_frequency(word, "uk")``, the very same number.
wordfreq reads its whole Ukrainian list into a dict for that (443,616 entries: 0.2-0.4 s and
about 80 MiB in every process). ``acnlp/data/word_frequencies_uk.dawg`` holds the same
entries as a DAWG (the format pymorphy3 keeps its dictionaries in), which opens in a fraction
of a millisecond and keeps no Python object per word; ``tools/build_word_frequencies.py``
builds it, and ``word_frequencies_uk.dawg.NOTICE.txt`` beside it carries wordfreq's
attribution and licence (CC BY-SA 4.0).

* A word of lowercase Cyrillic letters, or such words joined by hyphens (nearly every lemma), is
  looked up with nothing else loaded: wordfreq would split it into the same pieces.
* Any other (digits, Latin letters, dots) is split by wordfreq's own tokenizer, whose digits
  rule applies too; only the list stays unloaded.
* The table holds wordfreq's whole list, so a word it lacks is one wordfreq lacks: frequency 0.

The table is used only with the wordfreq data file it was built from (its notice records the
file's SHA-256); with any other, every word goes to wordfreq itself.

>>> zipf("рік") > zipf("рок") > zipf("такогослованемає") == 0.0
True
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

#: The table's file in ``acnlp/data``, and what its notice's name adds to that name.
TABLE = "word_frequencies_uk.dawg"
NOTICE_SUFFIX = ".NOTICE.txt"

_LETTERS = "а-яёіїєґ"
#: One word of lowercase Cyrillic letters, apostrophes only inside: wordfreq's tokenizer
#: leaves it whole and unchanged (the build checks this on every such entry of its list).
SIMPLE_WORD = re.compile(f"[{_LETTERS}]+(?:'[{_LETTERS}]+)*")
#: One word of lowercase Latin letters («prozorro», «viber»): left whole too (the build checks
#: every such entry); without it a report's first Latin word imported wordfreq's tokenizer,
#: a third of a second of a process's first pass.
SIMPLE_LATIN = re.compile("[a-z]+")
#: Simple words joined by single hyphens: wordfreq splits it at the hyphens (the build checks
#: this on every such lemma of pymorphy3's dictionary).
_PIECE = f"(?:{SIMPLE_WORD.pattern}|{SIMPLE_LATIN.pattern})"
SIMPLE_LEMMA = re.compile(f"{_PIECE}(?:-{_PIECE})*")
#: Simple words and numbers (ASCII digits) joined by single hyphens or slashes, maybe with one
#: dot after them: the lemmas pymorphy3 gives document numbers and abbreviations («233-к»,
#: «д/163/1», «19-ти», «п.», «ст.»). wordfreq splits them at those signs and drops the dot; a
#: number of two digits or more it looks up as zeros («000») and weighs by `_number_frequency`.
#: Read here, nearly every report's first such lemma no longer imports wordfreq's tokenizer
#: (ftfy, langcodes, regex: 0.09 s of an `acnlp cells` run). tests/nlp checks every shape
#: against wordfreq itself.
_NUMBER_OR_PIECE = f"(?:[0-9]+|{_PIECE})"
COMPOUND_LEMMA = re.compile(f"{_NUMBER_OR_PIECE}(?:[-/]{_NUMBER_OR_PIECE})*\\.?")
_COMPOUND_SIGN = re.compile("[-/]")

# How wordfreq weighs a number by its digits (its numbers.py, MIT licence, (c) Robyn Speer): how
# often a number starts with each digit (Benford's law, with some weight for leading zeroes), and
# for four digits, how likely they are a year, on a curve that peaks from 2019 to 2039.
_LEADING_DIGIT_FREQUENCIES = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)
_YEAR_LOG_PEAK, _NOT_YEAR, _REFERENCE_YEAR, _PLATEAU_YEARS = -1.9185, 0.1, 2019, 20

# wordfreq's zipf_frequency(word, "uk") with its default minimum of 0 Zipf: a word it does not
# have gets this frequency (zipf_to_freq(0)), which is 0.0 on the Zipf scale.
_MINIMUM = 10**0 / 1e9
_MINIMUM_ZIPF = round(math.log(_MINIMUM, 10) + 9, 2)


def wordfreq_data_file() -> Path:
    """Where wordfreq's large Ukrainian list is (found without importing wordfreq)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed; pip install wordfreq")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "large_uk.msgpack.gz"


@lru_cache(maxsize=1)
def _table() -> Any:
    """The table (``get(word)`` gives wordfreq's bucket, or None), or None when the installed
    wordfreq data is not the file the table was built from."""
    try:
        from dawg import IntDAWG  # DAWG2's C reader, which pymorphy3[fast] installs
    except ImportError:
        from dawg_python import IntDAWG  # the pure-Python reader pymorphy3 always has

    folder = resources.files("acnlp.data")
    notice = folder.joinpath(TABLE + NOTICE_SUFFIX).read_text(encoding="utf-8")
    built = dict(line.split("\t", 1) for line in notice.splitlines() if "\t" in line)
    try:
        source = hashlib.sha256(wordfreq_data_file().read_bytes()).hexdigest()
    except (ImportError, OSError):
        source = ""
    if built.get("source-sha256") != source:
        return None
    with resources.as_file(folder.joinpath(TABLE)) as path:
        return IntDAWG().load(str(path))


def _number_frequency(token: str) -> float:
    """wordfreq's ``digit_freq`` of a token whose digits it looked up as zeros: computed here for
    a number `COMPOUND_LEMMA` split off (ASCII digits only), the same float as wordfreq's.
    Any other token («4.3», «33²») is wordfreq's to weigh."""
    if not (token.isascii() and token.isdigit()):
        from wordfreq import digit_freq

        return digit_freq(token)
    benford = _LEADING_DIGIT_FREQUENCIES[int(token[0])] / 10 ** (len(token) - 1)
    if len(token) != 4:
        return benford
    year = int(token)
    if year <= _REFERENCE_YEAR:
        log_frequency = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_YEARS:
        log_frequency = _YEAR_LOG_PEAK
    else:
        log_frequency = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_YEARS))
    return 10.0**log_frequency + _NOT_YEAR * benford


def _wordfreq_zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "uk")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of a Ukrainian word in wordfreq's lists: 0 (unseen) to about 7.5 (і, в).

    >>> zipf("рік") > zipf("рок")
    True
    >>> zipf("науково-технічний") > 0, zipf("covid-19") > 0
    (True, True)
    """
    table = _table()
    if table is None:
        return _wordfreq_zipf(word)
    if SIMPLE_LEMMA.fullmatch(word):
        pieces = [(token, token) for token in word.split("-")]
    elif COMPOUND_LEMMA.fullmatch(word):
        pieces = [(token, "0" * len(token) if token.isdigit() and len(token) > 1 else token)
                  for token in _COMPOUND_SIGN.split(word.removesuffix("."))]
    else:
        from wordfreq import lossy_tokenize, smash_numbers

        pieces = [(token, smash_numbers(token)) for token in lossy_tokenize(word, "uk")]
    if not pieces:
        return _MINIMUM_ZIPF
    # wordfreq's _word_frequency, step for step, so the float is the same to the last bit
    one_over_result = 0.0
    for token, smashed in pieces:
        bucket = table.get(smashed)
        if bucket is None:
            return _MINIMUM_ZIPF  # not in wordfreq's list: its minimum
        freq = 10 ** (-bucket / 100)  # wordfreq's cB_to_freq of the bucket
        if smashed != token:
            freq *= _number_frequency(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MINIMUM)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)
