"""What every format reader hands to the assembler: the input as raw rows of cells, in order.

A format reader's only job is to turn bytes into `RawRow`s faithfully: one per table row
(or text line, or paragraph outside a table), cells as written, with the line or row numbers
they came from. Finding the header, the sections, the measure rows and the rows split by a
page break is the assembler's job (`acnlp.io.assemble`), shared by every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawRow:
    """One row of cells as it stands in the input.

    ``table`` is the 1-based table (or sheet) number, ``None`` for text files and for text
    outside tables. ``lines`` are the 1-based input lines (text) or table rows (tables).
    ``after_break`` says a page break, a blank line or a table boundary stands right before
    this row, so it may continue the row before it. ``page`` is the 1-based page of a PDF row
    (``lines`` then counts text lines on that page), ``None`` elsewhere.
    """

    cells: list[str]
    lines: tuple[int, ...]
    table: int | None = None
    after_break: bool = False
    page: int | None = None
    #: A PDF row at the top of a page whose table ran to the foot of the page before: the
    #: page may have cut the row above it in two.
    follows_full_page: bool = False
    #: Coded notes (`acnlp.errors`) a reader made about this row, carried to `Report.notes`.
    notes: list[str] = field(default_factory=list)

    @property
    def filled(self) -> list[int]:
        """Indexes of the non-blank cells."""
        return [i for i, c in enumerate(self.cells) if c.strip()]

    def is_blank(self) -> bool:
        return not self.filled
