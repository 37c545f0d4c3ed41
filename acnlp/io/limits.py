"""How much a reader may unpack from one input, so a hostile file fails fast with a coded error.

A report is a few hundred rows; a zip bomb of 3 MB unpacks to gigabytes, and an XML part of
a few megabytes can hold tens of millions of empty elements. The readers check the sizes a
zip archive declares before opening it, count XML elements and attributes before a parser
builds a tree of them, and count the cells of the grid they build, so memory stays far below
1 GiB whatever the input. The defaults are hundreds of times what the largest real report
needs; raise them for an unusual input:

>>> from acnlp.io.limits import ReadLimits
>>> ReadLimits(max_cell_chars=2_000_000).max_cell_chars
2000000
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from ..errors import E, ReportError
from ..report import Source
from .grid import RawRow

MiB = 1 << 20


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what reading one input may cost. Every reader of `acnlp.io` obeys them.

    Attributes
    ----------
    max_file_bytes
        The input file's size (it is read into memory whole).
    max_unpacked_bytes
        The total size the members of a zip-based input (.docx, .xlsx) declare unpacked.
    max_members
        Members of a zip archive (a report's has a few dozen; each costs memory to list).
    max_member_bytes
        The size one member of a zip archive declares unpacked.
    max_compression_ratio
        Unpacked to packed size of one member larger than 1 MiB; deflate at its best packs
        text about 1000:1, and Office XML packs 5–30:1.
    max_xml_nodes
        XML elements and attributes in all parts of an archive, or in an HTML page.
    max_cells
        Cells in the grid a reader builds (merged and spanned cells count as many as they
        cover; in text and CSV files, lines plus tabs or delimiters, counted before splitting).
    max_cell_chars
        Characters of one cell; a longer cell is cut to this many and the report carries a note
        saying where (a note, not an error: the row and the file still go through).
    max_text_chars
        Characters of text one read produces, in all of its cells and paragraphs, before any
        cell is cut at ``max_cell_chars``. An .odt repeats a cell or a row up to a thousand
        times each and nests tables in cells, so a few hundred bytes can ask for billions of
        characters; its reader counts them, repeats included, before it builds them. The
        other readers build each text once (cells sharing an .xlsx shared string share one
        object), so their rows are counted once read, before anything uses them.
    """

    max_file_bytes: int = 128 * MiB
    max_unpacked_bytes: int = 256 * MiB
    max_members: int = 10_000
    max_member_bytes: int = 128 * MiB
    max_compression_ratio: int = 200
    max_xml_nodes: int = 2_000_000
    max_cells: int = 2_000_000
    max_cell_chars: int = 1 * MiB
    max_text_chars: int = 32 * MiB


DEFAULT_LIMITS = ReadLimits()


class CellBudget:
    """Counts the cells a reader lays out and stops the read past ``limits.max_cells``.

    >>> budget = CellBudget("r.html", ReadLimits(max_cells=10))
    >>> budget.spend(8, "table 1")
    >>> budget.spend(8, "table 2")
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E014] r.html: table 2: the tables would hold more than 10 cells (ReadLimits.max_cells; raise it with --limit max_cells=N); a report is far smaller, so the file is damaged or hostile
    """

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path = path
        self.limit = limits.max_cells
        self.used = 0

    def spend(self, cells: int, where: str) -> None:
        self.used += cells
        if self.used > self.limit:
            what = f"the tables would hold more than {self.limit:,} cells"
            raise ReportError(E.TOO_COMPLEX, path=self.path, where=where, what=what, option="max_cells")


class TextBudget:
    """Counts the characters of text a reader produces and stops the read past ``limits.max_text_chars``,
    before the text that would pass it is built.

    >>> budget = TextBudget("r.odt", ReadLimits(max_text_chars=1000))
    >>> budget.spend(600, "a cell of 20 characters repeated 30 times", "table 1, row 2")
    >>> budget.spend(600, "a cell of 20 characters repeated 30 times", "table 1, row 3")
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E078] r.odt: table 1, row 3: a cell of 20 characters repeated 30 times would bring the text read to 1,200 characters, over the limit of 1,000 (ReadLimits.max_text_chars; raise it with --limit max_text_chars=N); a report is far shorter, so the file is damaged or hostile
    """

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path = path
        self.limit = limits.max_text_chars
        self.used = 0

    def spend(self, chars: int, what: str, where: str) -> None:
        self.used += chars
        if self.used > self.limit:
            raise ReportError(E.TEXT_TOO_LONG, path=self.path, where=where, what=what, total=self.used, limit=self.limit)


def check_text(path: str, rows: list[RawRow], limits: ReadLimits) -> None:
    """Raise `E.TEXT_TOO_LONG` at the row whose cells bring the text of ``rows`` past ``limits.max_text_chars``.

    >>> rows = [RawRow(cells=["1", "а" * 12], lines=(4,), table=2)]
    >>> check_text("r.docx", rows, ReadLimits(max_text_chars=10))
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E078] r.docx: table 2, row 4: the row's 13 characters would bring the text read to 13 characters, over the limit of 10 (ReadLimits.max_text_chars; raise it with --limit max_text_chars=N); a report is far shorter, so the file is damaged or hostile
    """
    total = 0
    for row in rows:
        chars = sum(map(len, row.cells))
        total += chars
        if total > limits.max_text_chars:
            where = Source(path, row.table, row.lines).describe().removeprefix(path + ", ")
            raise ReportError(E.TEXT_TOO_LONG, path=path, where=where, what=f"the row's {chars:,} characters", total=total, limit=limits.max_text_chars)


def collect_notes(path: str, rows: list[RawRow], limits: ReadLimits) -> list[str]:
    """Cut every cell longer than ``limits.max_cell_chars`` in place; return the notes of the rows
    in order: the readers' own, and an E017 note naming each cut cell's place.

    >>> rows = [RawRow(cells=["1", "а" * 12], lines=(4,), table=2)]
    >>> collect_notes("r.docx", rows, ReadLimits(max_cell_chars=10))
    ['[E017] r.docx: table 2, row 4: a cell of 12 characters was cut to its first 10 (ReadLimits.max_cell_chars; raise it with --limit max_cell_chars=N); the rest of it is not read']
    >>> rows[0].cells[1]
    'аааааааааа'
    """
    notes: list[str] = []
    for row in rows:
        notes.extend(row.notes)
        for i, cell in enumerate(row.cells):
            if len(cell) > limits.max_cell_chars:
                where = Source(path, row.table, row.lines).describe().removeprefix(path + ", ")
                notes.append(E.CELL_CUT.value.format(path=path, where=where, length=len(cell), limit=limits.max_cell_chars))
                row.cells[i] = cell[: limits.max_cell_chars]
    return notes


_UNITS = {"kib": 1 << 10, "mib": MiB, "gib": 1 << 30}
_ASSIGNMENT = re.compile(r"^\s*(\w+)\s*=\s*([\d_]+)\s*([KMG]iB)?\s*$", re.IGNORECASE)


def limits_from(assignments: Iterable[str], base: ReadLimits = DEFAULT_LIMITS) -> ReadLimits:
    """``base`` with ``name=value`` assignments over it, as ``--limit`` takes them (sizes may end
    in KiB, MiB or GiB). Raises ValueError naming what is wrong.

    >>> limits_from(["max_xml_nodes=5_000_000", "max_file_bytes=512MiB"]).max_file_bytes
    536870912
    >>> limits_from(["max_rows=5"])
    Traceback (most recent call last):
    ...
    ValueError: 'max_rows=5': no such limit; the limits are max_file_bytes, max_unpacked_bytes, max_members, max_member_bytes, max_compression_ratio, max_xml_nodes, max_cells, max_cell_chars, max_text_chars
    """
    names = [f.name for f in fields(ReadLimits)]
    changes: dict[str, int] = {}
    for assignment in assignments:
        match = _ASSIGNMENT.match(assignment)
        if not match:
            raise ValueError(f"{assignment!r}: write a limit as NAME=NUMBER, e.g. max_xml_nodes=5000000 or max_file_bytes=512MiB")
        name, number, unit = match.groups()
        if name not in names:
            raise ValueError(f"{assignment!r}: no such limit; the limits are {', '.join(names)}")
        value = int(number) * (_UNITS[unit.lower()] if unit else 1)
        if value < 1:
            raise ValueError(f"{assignment!r}: a limit is a positive number")
        changes[name] = value
    return replace(base, **changes)
