"""Words of a PDF page as text lines, and the lines of a table cell as its text.

A PDF holds words with their boxes, not lines or paragraphs: lines are words whose tops
agree, and a cell's text is its lines joined by a space (a line end in a PDF is where the
cell was full, not a break in the text), with what the writer cut at a line end joined back:
a word hyphenated there, and a word too long for its column broken with no hyphen at all.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: Words whose tops differ by less than this share a line (points).
LINE_TOLERANCE = 2.5
#: A page's number standing alone: page furniture, not report text.
PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$|^\s*(?:стор\.?|сторінка)\s*\d{1,4}(?:\s*(?:з|із|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_LINE_END_HYPHENS = ("-", "\u00ad", "\u2010")
# The start of a web or mail address, which a writer breaks anywhere when it is too long.
_ADDRESS = re.compile(r"^(?:https?://|www\.)|@|[a-z0-9]\.(?:gov|org|com|net|ua)\b|^[\x21-\x7e]*/[\x21-\x7e]*$", re.IGNORECASE)
#: Ukrainian words of one or two letters; another piece that short is part of a word.
_SHORT_WORDS = frozenset("і й у в з а о я ж б до на за по та що як не ні зі із це ці її їх ми ви ти чи же би де то те їй аж".split())
_PUNCTUATION = ".,;:!?«»()\"'"
_CLOSING = ",.;:!?»)"


@dataclass
class Line:
    """Words standing on one text line of a page, left to right."""

    top: float
    words: list[dict[str, Any]]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    @property
    def size(self) -> float:
        """The line's font size (the median of its words')."""
        return statistics.median(w.get("size") or (w["bottom"] - w["top"]) for w in self.words)


def lines_of(words: Iterable[dict[str, Any]]) -> list[Line]:
    """Words grouped into lines by their tops, top to bottom, each line left to right."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) <= LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(Line(word["top"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def line_number(tops: list[float], top: float, bottom: float) -> int:
    """The 1-based page line where a row that spans ``top``..``bottom`` starts."""
    for index, line_top in enumerate(tops, start=1):
        if line_top >= top - LINE_TOLERANCE:
            return index if line_top <= bottom else max(index - 1, 1)
    return max(len(tops), 1)


def forced_breaks(lines: list[Line], x0: float, x1: float) -> list[bool]:
    """For each line, whether its last word and the next line's first word together are wider
    than the cell's text: then they cannot be two words the writer wrapped, only one word
    too long for the column that it broke by force."""
    if not lines:
        return []
    padding = max(min(line.x0 for line in lines) - x0, 0.0)  # text stands as far from either side
    width = (x1 - x0) - 2 * padding
    forced = []
    for line, after in zip(lines, lines[1:]):
        last, first = line.words[-1], after.words[0]
        forced.append((last["x1"] - last["x0"]) + (first["x1"] - first["x0"]) > width - 1.0)
    return forced + [False]


def join_lines(lines: Sequence[str], forced: Sequence[bool] = ()) -> str:
    """A cell's text from its lines: a space between lines, a word hyphenated at a line end joined back.

    ``forced[i]`` says the last word of line ``i`` and the first of line ``i + 1`` are too wide
    for the cell together: a word too long for its column broken by force, with no hyphen.
    They are joined without a space when they make a word the dictionary knows, or an address
    or a code («законодавс»/«твом», «https://dmsu.gov.u»/«a/…»).

    >>> join_lines(["Проведено навчання з питань", "антикорупційного законодавства"])
    'Проведено навчання з питань антикорупційного законодавства'
    >>> join_lines(["запобігання корупцій-", "ним правопорушенням"])
    'запобігання корупційним правопорушенням'
    >>> join_lines(["облік ресурсно-", "господарського забезпечення"])
    'облік ресурсно-господарського забезпечення'
    >>> join_lines(["https://dmsu.gov.ua/assets/file", "s/plan.pdf"], [True, False])
    'https://dmsu.gov.ua/assets/files/plan.pdf'
    >>> join_lines(["У встановлені законодавство", "м строки"], [True, False])
    'У встановлені законодавством строки'
    >>> join_lines(["антикорупційного", "законодавства"], [True, False])
    'антикорупційного законодавства'
    """
    text = ""
    for index, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if text and index > 0 and index - 1 < len(forced) and forced[index - 1] and _one_word(text, line):
            text += line
        elif text.endswith(_LINE_END_HYPHENS) and len(text) >= 2 and text[-2].isalpha() and line[0].isalpha() and line[0].islower():
            text = _dehyphenate(text, line)
        else:
            text = f"{text} {line}" if text else line
    return text


def _one_word(text: str, line: str) -> bool:
    last, first = text.rsplit(None, 1)[-1], line.split(None, 1)[0]
    if first[0] in _CLOSING:
        return True  # «декларацій» / «, постійно»: no line opens with a comma
    head, tail = last.lstrip(_PUNCTUATION), first.rstrip(_PUNCTUATION)
    if _ADDRESS.search(head) and (first[0].isascii() and first[0].isalnum() or first[0] in "/._-?#=&%~") and not last.endswith(("),", ").", ")")):
        return True  # an address goes on: «infobox.prozorro.» / «org/»
    if last.endswith(tuple(_PUNCTUATION)) or not first[0].isalnum() or first[0].isupper():
        return False  # the word before ended, or the line opens a new one
    head = re.split(r"[/-]", head)[-1]  # «припиняють/припинил» / «и»
    if not (head.isalpha() and tail.isalpha()) or not _known(head + tail):
        return False
    # «законодавство»/«м», «внутрішньо»/«го»: a piece that is no word alone; «закупівель»/«на»
    # are two words even though «закупівельна» is one too
    tail_is_word = _known(tail) and (len(tail) > 2 or tail in _SHORT_WORDS)
    return not (_known(head) and tail_is_word)


def _dehyphenate(left: str, right: str) -> str:
    head, hyphen = left[:-1], left[-1]
    first = head.rsplit(None, 1)[-1]
    second = right.split(None, 1)[0].rstrip(".,;:»)!?")
    if hyphen == "\u00ad" or _known(first + second) and not _known(f"{first}-{second}"):
        return head + right
    return head + "-" + right


def _known(word: str) -> bool:
    # The backbone's cached pymorphy3 analyser: the dictionary the rest of acnlp reads words with.
    from ..nlp.pymorphy_backend import morph_analyzer

    return bool(morph_analyzer().word_is_known(word.lower()))
