"""Tables drawn without ruling lines, rebuilt from a PDF page's text lines.

The header line gives the columns: its column words (`acnlp.io.columns`) stand in blocks
apart, and each block's left edge is a column's; the edges hold on the next pages until
another header comes. Rows are told apart by blank space taller than the space between a
cell's own lines, by a row number in the first column, or by a header line. Text that runs
from the first column into the second (a section heading, a signature) is a one-cell row.
"""

from __future__ import annotations

from ._pdf_lines import PAGE_NUMBER, Line, join_lines, line_number
from .columns import column_role
from .grid import RawRow
from .text import ROW_NUMBER

#: A gap wider than this many font sizes between words on a line separates columns.
_GUTTER_EM = 0.8
#: Blank space between lines taller than this many font sizes separates table rows (a cell's
#: own lines stand about a quarter of the size apart).
_ROW_GAP_EM = 0.6


def _chunks(line: Line) -> list[Line]:
    """A line cut where the gap between words is a column gutter."""
    size = line.size
    chunks = [Line(line.top, [line.words[0]])]
    for word in line.words[1:]:
        if word["x0"] - chunks[-1].words[-1]["x1"] > _GUTTER_EM * size:
            chunks.append(Line(line.top, [word]))
        else:
            chunks[-1].words.append(word)
    return chunks


def _header_edges(line: Line) -> list[float] | None:
    """Left edges of the columns if ``line`` is the first line of a header: column words in separate blocks."""
    chunks = _chunks(line)
    roles = [column_role(chunk.text()) for chunk in chunks]
    named = {role for role in roles if role}
    if len(chunks) >= 3 and len(named) >= 3 and ("measure" in named or "status" in named):
        return [chunk.x0 for chunk in chunks]
    return None


def _column_of(edges: list[float], x: float) -> int:
    slack = 2.0  # centred or right-aligned text may start a little left of the column's header
    index = 0
    for i, edge in enumerate(edges):
        if x >= edge - slack:
            index = i
    return index


def ruleless_rows(
    lines: list[Line], tops: list[float], page: int, edges: list[float] | None
) -> tuple[list[RawRow], list[float] | None, float | None]:
    """Rows of a page whose table has no ruling lines: columns from the header, rows from the
    gaps; and the bottom of the last table row."""
    groups = _row_groups([line for line in lines if not PAGE_NUMBER.match(line.text())])
    rows: list[RawRow] = []
    bottom: float | None = None
    for group in groups:
        line_no = line_number(tops, group[0].top, group[-1].bottom)
        new_edges = _header_edges(group[0])
        if new_edges is not None:
            edges = new_edges
        text_lines = [line.text() for line in group]
        if edges is None or _spans_columns(group, edges):
            text = join_lines(text_lines)
            if not PAGE_NUMBER.match(text):
                rows.append(RawRow(cells=[text], lines=(line_no,), page=page))
            continue
        cells: list[list[str]] = [[] for _ in edges]
        for line in group:
            for chunk in _chunks(line):
                cells[_column_of(edges, chunk.x0)].append(chunk.text())
        rows.append(RawRow(cells=[join_lines(c) for c in cells], lines=(line_no,), page=page))
        bottom = group[-1].bottom
    return rows, edges, bottom


def _row_groups(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows: a new row after blank space wider than the space between a
    cell's lines, at a row number, or at a header line."""
    if not lines:
        return []
    groups = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        first = _chunks(line)[0]
        opens_row = bool(ROW_NUMBER.match(first.text())) and first.x0 < _chunks(previous)[0].x0 + 1
        if line.top - previous.bottom > _ROW_GAP_EM * line.size or opens_row or _header_edges(line) is not None:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _spans_columns(group: list[Line], edges: list[float]) -> bool:
    """True when text starting in the first column runs into the second: a heading or signature, not cells."""
    if len(edges) < 2:
        return True
    for line in group:
        first = _chunks(line)[0]
        if first.x0 < edges[1] - 2.0 and first.x1 > edges[1] + 2.0:
            return True
    return False
