"""The small machinery every grammar shares: named rules, alternations from lexicons, a scanner.

A grammar is a list of `Rule`s. Each rule pairs one short compiled pattern with the converter
beside it, which turns a match into a value object or rejects it (a value check such as
1 ≤ day ≤ 31 belongs in the converter, not in a character class). A scan is two steps:
`rule_matches` runs every rule's pattern over the text, and `resolve` runs the converters and
keeps the longest non-overlapping matches, so a range beats the two dates inside it. Apart,
a text read in two contexts (without the report's year, then with it) is matched once.

A pattern with no fixed start is tried at every position of the text, and most status cells
hold no date at all («Виконано постійно»). So a rule may name what every text it matches in
holds somewhere (``needs``: a digit, a quarter word), which is looked for once per text, and
the rule is not tried on a text without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Optional, TypeVar

T = TypeVar("T")

#: Word boundaries that treat the apostrophe as part of a word («п'ять»).
WORD_START = r"(?<![\w'])"
WORD_END = r"(?![\w'])"
#: A digit as the grammars' ``\d`` reads it: any Unicode decimal digit, not only 0-9.
DIGIT = re.compile(r"\d")


def alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching any of ``words`` (longest first, so «грудня» beats «груд»).

    >>> alternation(["р.", "року", "рік"])
    '(?:року|рік|р\\\\.)'
    """
    unique = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(re.escape(word) for word in unique) + ")"


def grouped_alternation(words: Iterable[str]) -> str:
    """`alternation` grouped by first letter, for long lists matched case-insensitively.

    A scan tries a rule at every position of the text; grouped, a position is turned away
    after one comparison instead of one per word.

    >>> grouped_alternation(["січня", "марта", "мая"])
    '(?:м(?:арта|ая)|с(?:ічня))'
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=lambda word: (-len(word), word)):
        groups.setdefault(word[0].lower(), []).append(word[1:])
    parts = [re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")" for first, rests in sorted(groups.items())]
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True)
class Rule(Generic[T]):
    """A named pattern and the converter that makes its match a value (or rejects it with None).

    The converter gets the match and the scan's ``context`` (for dates: the report's year).
    ``needs``: a pattern that every match of ``pattern`` holds a match of (compiled with the
    same flags), so a text where it finds nothing is not scanned for the rule.
    """

    name: str
    pattern: re.Pattern[str]
    convert: Callable[[re.Match[str], Any], Optional[T]]
    needs: Optional[re.Pattern[str]] = None


@dataclass(frozen=True)
class Found(Generic[T]):
    """A rule's accepted match: where it stands, which rule made it, and the value."""

    start: int
    end: int
    rule: str
    value: T


def rule_matches(text: str, rules: Sequence[Rule[T]]) -> tuple[tuple[int, re.Match[str]], ...]:
    """Every match of ``rules`` in ``text``, with its rule's index, before any converter sees it.

    What a text matches does not depend on the scan's ``context``, which only the converters
    read: a caller that scans one text in several contexts can find its matches once and hand
    them to `resolve` each time.
    """
    held: dict[re.Pattern[str], bool] = {}  # several rules need the same thing (a digit)
    found: list[tuple[int, re.Match[str]]] = []
    for priority, rule in enumerate(rules):
        if rule.needs is not None:
            if rule.needs not in held:
                held[rule.needs] = rule.needs.search(text) is not None
            if not held[rule.needs]:
                continue
        found.extend((priority, match) for match in rule.pattern.finditer(text))
    return tuple(found)


def resolve(matches: Iterable[tuple[int, re.Match[str]]], rules: Sequence[Rule[T]], context: Any = None) -> list[Found[T]]:
    """The accepted ``matches`` (from `rule_matches`), longest first where they overlap, in text order.

    Ties in length go to the rule listed first.
    """
    candidates: list[tuple[int, int, int, Found[T]]] = []
    for priority, match in matches:
        rule = rules[priority]
        value = rule.convert(match, context)
        if value is not None:
            candidates.append((match.start(), match.end(), priority, Found(match.start(), match.end(), rule.name, value)))
    candidates.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken: list[Found[T]] = []
    for start, end, _, found in candidates:
        if all(end <= other.start or start >= other.end for other in taken):
            taken.append(found)
    return sorted(taken, key=lambda found: found.start)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` shares a character with any of ``spans``.

    >>> overlaps(3, 5, [(0, 3), (5, 9)]), overlaps(3, 6, [(5, 9)])
    (False, True)
    """
    return any(start < other_end and other_start < end for other_start, other_end in spans)
