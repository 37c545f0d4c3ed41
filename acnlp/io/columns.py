"""Which column is which: header cells are recognised by their words, not by position."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..normalize import normalize

ROLES = ("number", "measure", "deadline", "responsible", "status")


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, str], ...]:
    text = resources.files("acnlp.data").joinpath("columns.txt").read_text(encoding="utf-8")
    pairs = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, stem = line.split("\t", 1)
        pairs.append((role.strip(), stem.strip().lower()))
    return tuple(pairs)


# Header cells name their column first: «Стан виконання», «Строк виконання заходу», «№ з/п».
# Only leading punctuation may stand before the header word; a stem further in is a data cell
# that happens to use the word («Виконано у встановлений термін», «… оцінки стану збереження»).
_LEADING = re.compile(r"^[\W_]*")
_MAX_HEADER_CELL = 120
_MEASURE_NUMBER = re.compile(r"^\s*(\d{1,3}(\.\d{1,3})*\.?|\d{1,3}\))\s*$")


def column_role(cell: str) -> str | None:
    """The role a header cell names, or None: the header word must open the cell.

    >>> column_role("Строк виконання заходу"), column_role("Стан виконання"), column_role("№")
    ('deadline', 'status', 'number')
    >>> column_role("Проведено 5 засідань") is None, column_role("Виконано у встановлений термін") is None
    (True, True)
    """
    text = normalize(cell).lower()
    if not text or len(text) > _MAX_HEADER_CELL:
        return None
    offset = _LEADING.match(text).end()  # type: ignore[union-attr]
    by_first = _stems_by_first()
    # «№» is itself punctuation to \W, so it is tried where the cell starts too. The longest stem
    # wins, the first in the file of equal ones.
    found = [(len(stem), -order, role)
             for start in {offset, 0}
             for order, role, stem in by_first.get(text[start : start + 1], ())
             if text.startswith(stem, start)]
    return max(found)[2] if found else None


@lru_cache(maxsize=1)
def _stems_by_first() -> dict[str, tuple[tuple[int, str, str], ...]]:
    """`_stems` as (place in the file, role, stem), by the stem's first character: only those can
    open a cell there."""
    grouped: dict[str, list[tuple[int, str, str]]] = {}
    for order, (role, stem) in enumerate(_stems()):
        grouped.setdefault(stem[:1], []).append((order, role, stem))
    return {first: tuple(entries) for first, entries in grouped.items()}


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map roles to column indexes if ``cells`` is a header row, else None.

    A header row looks like one: its cells open with column words, naming the measure or the
    status among them; three roles or more with at most a third of the cells unnamed, or
    nothing but two column words; and no cell holds a measure's number.
    An ordinary row whose answer uses a header word somewhere is not a header.

    >>> header_columns(["№", "Найменування заходу", "Строк", "Відповідальні", "Стан виконання"])
    {'number': 0, 'measure': 1, 'deadline': 2, 'responsible': 3, 'status': 4}
    >>> header_columns(["1.1.", "Проведення навчання", "Грудень 2019 року", "УП", "Виконано"]) is None
    True
    >>> header_columns(["", "Захід з оцінки стану", "У строки, визначені Планом", "УП",
    ...                 "Станом на кінець ІІІ кварталу проведено 2 навчання"]) is None
    True
    """
    filled = [c for c in cells if c.strip()]
    if any(_MEASURE_NUMBER.match(c) for c in filled):
        return None
    found: dict[str, int] = {}
    matched = 0
    for i, cell in enumerate(cells):
        role = column_role(cell)
        if role is None:
            continue
        matched += 1
        found.setdefault(role, i)
    if not ("measure" in found or "status" in found):
        return None
    # Three or more column words with at most a third of the cells unnamed («Індикатор»,
    # «Примітка»), or a two-column table whose every cell is a column word.
    if len(found) >= 3 and 3 * matched >= 2 * len(filled):
        return found
    if len(found) == 2 and matched == len(filled):
        return found
    return None


_NUMBERING_CELL = re.compile(r"^\s*\d{1,2}\s*$")


def is_numbering_row(cells: list[str]) -> bool:
    """True for the ``1 2 3 4 5`` row that numbers the columns under a header.

    >>> is_numbering_row(["1", "2", "3", "4", "5"]), is_numbering_row(["1", "Захід", "", "", ""])
    (True, False)
    """
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) < 3 or not all(_NUMBERING_CELL.match(c) for c in filled):
        return False
    numbers = [int(c) for c in filled]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
