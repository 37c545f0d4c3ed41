"""The value objects every stage passes on: a `Report` made of `Row`s, each knowing where it came from.

Cells keep the text exactly as the input had it (page-break pieces joined, nothing else
changed); normalisation happens downstream and never overwrites the original.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


# Slots: a report is held from reading until its rows are audited, a row and its source each
# (a dict apiece without them: about a third of what a row of a text export costs).
@dataclass(frozen=True, slots=True)
class Source:
    """Where a row came from: the file, the table in it, and the input lines or table rows.

    ``lines`` are 1-based line numbers for text files and 1-based row numbers inside the
    table for .docx/.xlsx/.csv/.html, where ``table`` is the 1-based table (or sheet) number.
    A row split by a page break lists every piece; when the pieces stand in different tables
    (a Word table split over two pages), ``tables`` gives each piece's table. For a PDF,
    ``pages`` gives each piece's 1-based page and ``lines`` its text line on that page.
    """

    path: str
    table: int | None = None
    lines: tuple[int, ...] = ()
    tables: tuple[int | None, ...] = ()
    pages: tuple[int, ...] = ()

    def describe(self) -> str:
        """A short human location, e.g. ``report.docx, table 2, row 14``.

        >>> Source("r.txt", None, (12, 14)).describe()
        'r.txt, lines 12, 14'
        >>> Source("r.docx", 1, (7, 2), tables=(1, 2)).describe()
        'r.docx, table 1, row 7; table 2, row 2'
        >>> Source("r.pdf", None, (12,), pages=(3,)).describe()
        'r.pdf, page 3, line 12'
        >>> Source("r.pdf", None, (40, 3), pages=(3, 4)).describe()
        'r.pdf, page 3, line 40; page 4, line 3'
        """
        if self.pages:
            pieces = "; ".join(f"page {p}, line {n}" for p, n in zip(self.pages, self.lines))
            return f"{self.path}, {pieces}"
        if self.tables and len(set(self.tables)) > 1:
            pieces = "; ".join(f"table {t}, row {n}" for t, n in zip(self.tables, self.lines))
            return f"{self.path}, {pieces}"
        where = [self.path]
        if self.table is not None:
            where.append(f"table {self.table}")
        unit = "line" if self.table is None else "row"
        if self.lines:
            plural = "s" if len(self.lines) > 1 else ""
            where.append(f"{unit}{plural} " + ", ".join(map(str, self.lines)))
        return ", ".join(where)


@dataclass(frozen=True, slots=True, weakref_slot=True)  # weakly referable, so letting go of audited rows can be watched
class Row:
    """One measure of the program and what the body reported about it.

    ``number`` is the № cell (``"3.1."``, ``"2"``), empty for the measures listed under a
    numbered risk; ``sub_number`` is a ``1)``-style prefix of the measure text, kept apart
    from it. ``extra`` holds cells of columns acnlp does not interpret, by header text.
    """

    index: int
    section: str | None
    number: str
    sub_number: str
    measure: str
    deadline: str
    responsible: str
    status: str
    source: Source
    extra: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, with the source flattened to ``file``, ``table`` and ``lines``."""
        # Built field by field: `dataclasses.asdict`'s recursive deep copy was a tenth of a
        # large audit. The keys and values are the same (tests/test_report.py checks).
        src = self.source
        return {"index": self.index, "section": self.section, "number": self.number,
                "sub_number": self.sub_number, "measure": self.measure, "deadline": self.deadline,
                "responsible": self.responsible, "status": self.status, "extra": dict(self.extra),
                "file": src.path, "table": src.table, "lines": list(src.lines),
                "tables": list(src.tables), "pages": list(src.pages)}


@dataclass(frozen=True)
class Report:
    """A parsed report: its rows in input order, the title above the table, the text below it.

    ``columns`` are the header cells as found (normalised); ``sections`` every heading in order.
    ``notes`` are coded messages about what reading changed, each naming its place: a cell cut
    at the length limit (E017), lines read as Windows-1251 in a UTF-8 file (E018).
    """

    path: str
    format: str
    rows: tuple[Row, ...]
    title: str = ""
    footer: str = ""
    sections: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.rows)
