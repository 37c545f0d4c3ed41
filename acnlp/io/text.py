"""Text exports of report tables, in the two layouts Word and converters produce.

*Tab-separated*: one table row per line, cells split by tabs. A page break shows as a blank
line or a separator line of dashes (``------\\t--\\t---``); the row after it may continue the
row before it, which the assembler decides.

*One cell per line*: a line starting with a tab opens a cell, other non-blank lines continue
the open cell, and blank lines carry no structure (they stand inside rows as often as between
them). Rows are cut by counting cells: the header row says how many columns there are.
"""

from __future__ import annotations

import re

from ..errors import E, ReportError
from .columns import column_role
from .encoding import decode
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits

_SEPARATOR = re.compile(r"^[\s\-]*-[\s\-]*$")  # only dashes and tabs: a page-break rule
ROW_NUMBER = re.compile(r"^\s*(\d{1,3}(\.\d{1,3})*\.?|\d{1,3}\))\s*$")


def detect_layout(lines: list[str]) -> str | None:
    """``"tabbed"``, ``"cell_per_line"`` or None, by how the tabs stand in the lines.

    >>> detect_layout(["№\\tЗахід\\tСтрок\\tСтан", "1\\tНавчання\\tГрудень\\tВиконано"])
    'tabbed'
    >>> detect_layout(["\\t№", "\\tЗахід", "\\tСтрок", "\\tСтан", "\\t1", "\\tНавчання"])
    'cell_per_line'
    """
    multi_tab = sum(1 for line in lines if line.count("\t") >= 2)
    cell_openers = sum(1 for line in lines if line.startswith("\t") and line.count("\t") == 1)
    if multi_tab >= 2 and multi_tab >= cell_openers:
        return "tabbed"
    if cell_openers >= 4:
        return "cell_per_line"
    return None


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of a text report in either layout; raises `ReportError` if it is neither.

    A UTF-8 file with a few Windows-1251 lines is read line by line; the first row carries the
    note naming those lines (`acnlp.io.encoding.Decoded.note`). Lines and tabs are counted
    against ``limits.max_cells`` before the text is split: a file of nothing but newlines or
    tabs would otherwise become hundreds of millions of cells.
    """
    decoded = decode(path, data)
    CellBudget(path, limits).spend(decoded.text.count("\n") + decoded.text.count("\t") + 1, "the file")
    lines = decoded.text.splitlines()
    layout = detect_layout(lines)
    if layout == "tabbed":
        rows = _tabbed_rows(lines)
    elif layout == "cell_per_line":
        rows = _cell_per_line_rows(lines)
    else:
        raise ReportError(E.NO_LAYOUT, path=path)
    return decoded.annotate(path, rows)


def _tabbed_rows(lines: list[str]) -> list[RawRow]:
    rows: list[RawRow] = []
    after_break = False
    for number, line in enumerate(lines, start=1):
        # a lone «-» may be a cell's text; a run of dashes, or dashes between tabs, is a rule
        if not line.strip() or (("\t" in line or "---" in line) and _SEPARATOR.match(line)):
            after_break = True
            continue
        rows.append(RawRow(cells=line.split("\t"), lines=(number,), after_break=after_break))
        after_break = False
    return rows


def _cells(lines: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """Split the lines into the text before the first cell and the cells with their first line."""
    preamble: list[str] = []
    cells: list[tuple[str, int]] = []
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            cells.append((line[1:].rstrip(), number))
        elif not line.strip():
            continue
        elif cells:
            text, first = cells[-1]
            cells[-1] = (f"{text}\n{line.strip()}" if text.strip() else line.strip(), first)
        else:
            preamble.append((line.strip(), number))  # type: ignore[arg-type]
    return preamble, cells  # type: ignore[return-value]


def _header_width(cells: list[tuple[str, int]]) -> tuple[int, int]:
    """Where the header starts and how many columns it has: the run of cells naming columns."""
    for start, (text, _line) in enumerate(cells):
        if column_role(text) is None:
            continue
        width = 0
        while start + width < len(cells) and column_role(cells[start + width][0]) is not None:
            width += 1
        if width >= 2:
            return start, width
    return len(cells), 0


def _cell_per_line_rows(lines: list[str]) -> list[RawRow]:
    preamble, cells = _cells(lines)
    rows = [RawRow(cells=[text], lines=(line,)) for text, line in preamble]  # type: ignore[misc]
    start, width = _header_width(cells)
    rows.extend(RawRow(cells=[text], lines=(line,)) for text, line in cells[:start])
    if width == 0:
        return rows
    numbered = column_role(cells[start][0]) == "number"
    i = start
    while i < len(cells):
        text, line = cells[i]
        # A non-number in the № column is a section heading standing alone on its line.
        if i > start and numbered and text.strip() and not ROW_NUMBER.match(text):
            rows.append(RawRow(cells=[text], lines=(line,)))
            i += 1
            continue
        group = cells[i : i + width]
        texts = [t for t, _ in group] + [""] * (width - len(group))
        rows.append(RawRow(cells=texts, lines=(line,)))
        i += width
    return rows
