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


def column_role(cell: str) -> str | None:
    """The role a header cell names, or None.

    >>> column_role("Строк виконання заходу"), column_role("Стан виконання"), column_role("№")
    ('deadline', 'status', 'number')
    >>> column_role("Проведено 5 засідань") is None
    True
    """
    text = normalize(cell).lower()
    if not text or len(text) > 120:
        return None
    best: tuple[int, int, str] | None = None
    for role, stem in _stems():
        match = re.search(r"(?<!\w)" + re.escape(stem), text)
        if match and (best is None or (match.start(), -len(stem)) < (best[0], best[1])):
            best = (match.start(), -len(stem), role)
    return best[2] if best else None


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Map roles to column indexes if ``cells`` is a header row, else None.

    A header names at least two different roles, one of them the measure or the status.

    >>> header_columns(["№", "Найменування заходу", "Строк", "Відповідальні", "Стан виконання"])
    {'number': 0, 'measure': 1, 'deadline': 2, 'responsible': 3, 'status': 4}
    >>> header_columns(["1.1.", "Проведення навчання", "Грудень 2019 року", "УП", "Виконано"]) is None
    True
    """
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = column_role(cell)
        if role is not None and role not in found:
            found[role] = i
    if len(found) >= 2 and ("measure" in found or "status" in found):
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
