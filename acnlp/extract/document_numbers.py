"""Document numbers: «№ 29/аг», «вих. № 7/14.3», «No 41», «N 114-р», «№№ 18, 19», «№ 1, 2, 3».

A number is written as it stands after its sign, up to a space, a comma or a bracket, so the
digits and dots inside it («№ 01.12/2023», «№ 24-03/4412/25») belong to the number and are
never read as a date (`acnlp.extract.dates` leaves out what `signed_numbers` covers). A list
after one sign («протоколами № 1, 2, 3») is several numbers; its items are plain numbers, and
the list stops before a number that counts something («№ 5, 3 заходи»).

>>> [n.number for n in document_numbers("протоколами № 1, 2, 3 розглянуто; лист вих. № 7/14.3/9921-23")]
['1', '2', '3', '7/14.3/9921-23']
>>> [n.number for n in document_numbers("наказ No 41, 3 працівники ознайомлені")]
['41']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_lexicon
from ._grammar import WORD_END, WORD_START, alternation
from .lemmas import known_ukrainian, parses
from .russian import is_russian_adjective, russian_parses


@lru_cache(maxsize=1)
def number_marks() -> dict[str, tuple[str, ...]]:
    """The roles of ``document_number_marks.txt`` → their forms."""
    return {fields[0]: fields[1:] for fields in load_lexicon("document_number_marks.txt")}


def _sign() -> str:
    """«№» as it is; a sign spelt in letters («No», «N») only as a word right before a number."""
    symbols = [sign for sign in number_marks()["sign"] if not any(ch.isalpha() for ch in sign)]
    letters = [sign for sign in number_marks()["sign"] if any(ch.isalpha() for ch in sign)]
    return rf"{alternation(symbols)}|{WORD_START}(?-i:{alternation(letters)})(?=\s?\d)"


NUMBER_SUFFIX = alternation(fields[0] for fields in load_lexicon("number_suffixes.txt"))

SIGNED_NUMBER = re.compile(
    rf"""
    (?:{WORD_START}(?P<register>{alternation(number_marks()['register'])})\s?)?   # «вих. №», «вх. №»
    (?P<sign>{_sign()})\s?                                                        # the sign
    (?P<number>[^\s,;«»()]*\d[^\s,;«»()]*?)             # as written: 29/аг, Д/163/1-17, 6.3-8058/6-19
    (?P<suffix>\s{NUMBER_SUFFIX}{WORD_END})?             # «211 о/с»
    (?=[.]?(?:[\s,;»()]|$))
    """,
    re.VERBOSE | re.IGNORECASE,
)
#: The sign alone, with SIGNED_NUMBER's flags: most texts have none, and it is found sooner than
#: SIGNED_NUMBER, whose register mark may be missing, is tried at every position.
SIGN = re.compile(_sign(), re.VERBOSE | re.IGNORECASE)
#: More numbers after «№№»: «№№ 18, 19 та 20».
DOUBLE_SIGN_ITEM = re.compile(r"(?:\s?,\s?|\s(?:та|і|й|и)\s)(?P<number>\d[^\s,;«»()]*?)(?=[.]?(?:[\s,;»()]|$))")
#: More plain numbers after one «№»: «протоколами № 1, 2, 3», «№ 5, 6 та 7».
SINGLE_SIGN_ITEM = re.compile(r"(?:\s?,\s?|\s(?:та|і|й|и)\s)(?P<number>\d{1,4})(?![\w'/-]|[.,]\d)")
NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_][\w'-]*)")
#: Parts of speech of a word that makes the number before it a count («№ 5, 3 заходи»).
COUNTED = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@dataclass(frozen=True)
class DocumentNumber:
    """A number as written (``number``) and its span: the sign and register mark included for the
    first of a list, the number alone for the others. ``registered`` when a register mark
    («вих. №», «вх. №») opens it."""

    start: int
    end: int
    number: str
    registered: bool = False


def signed_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of numbers written after a sign: no date is read inside them.

    >>> text = "наказ № 01.12.2023-к"
    >>> [text[s:e] for s, e in signed_numbers(text)]
    ['№ 01.12.2023-к']
    """
    return [(match.start(), match.end()) for match in _signed_number_matches(text)]


def _signed_number_matches(text: str) -> Iterator[re.Match[str]]:
    return SIGNED_NUMBER.finditer(text) if SIGN.search(text) else iter(())


def _counts_something(text: str, position: int) -> bool:
    """Whether the word after ``position`` could be what the number before it counts."""
    word = NEXT_WORD.match(text, position)
    if word is None:
        return False
    form = word.group("word")
    if not known_ukrainian(form) and (russian_parses(form) or is_russian_adjective(form)):
        return True
    return any(str(parse.tag.POS) in COUNTED for parse in parses(form))


def document_numbers(text: str) -> list[DocumentNumber]:
    """Every document number with its span, list items one by one («№№ 18-19» is one)."""
    found = []
    for match in _signed_number_matches(text):
        number = match.group("number").rstrip(".") + (match.group("suffix") or "")
        end = match.end("number") if not match.group("suffix") else match.end()
        found.append(DocumentNumber(match.start(), end, number, match.group("register") is not None))
        items, position = [], match.end()
        item_pattern = DOUBLE_SIGN_ITEM if match.group("sign") == "№№" else SINGLE_SIGN_ITEM
        while more := item_pattern.match(text, position):
            items.append(DocumentNumber(more.start("number"), more.end(), more.group("number").rstrip(".")))
            position = more.end()
        if items and match.group("sign") != "№№" and _counts_something(text, items[-1].end):
            items.pop()  # «№ 5, 3 заходи»: the last number counts, it is no document
        found.extend(items)
    return found
