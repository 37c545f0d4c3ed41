"""The reading order the word-processor readers share (`acnlp.io.docx`, `acnlp.io.odt`).

A Word or OpenDocument text is a flow of paragraphs and tables, and a table's cell is a flow
of paragraphs and tables again. Both readers turn that flow into the same raw rows:

* one `RawRow` per row of every top-level table, numbered from 1 in its table (``lines``),
  with its table's 1-based number (``table``), and ``after_break`` on the first row of every
  table after the first (a table split over pages often arrives as two tables) or where the
  format says a page broke;
* one single-cell `RawRow` (``table=None``) per non-empty paragraph outside tables, with its
  paragraph number counting the empty ones too;
* a cell's text is its paragraphs joined by ``"\\n"``, a table nested in it flattened to one
  line per non-blank row, its non-blank cells joined by spaces.

What differs is only the markup, so a reader hands the walk its `Markup`: which children of
a body or a cell are paragraphs and tables, a paragraph's text, and how a table's rows lie on
its grid (merged and repeated cells, page breaks, the cells the read may lay out).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from .grid import RawRow

Element = TypeVar("Element")

#: A table row on its grid: its 1-based number in the table, its cells, whether a page broke before it.
TableRow = tuple[int, list[str], bool]


class Markup(Protocol[Element]):
    """What the walk needs to know of a format's markup."""

    def blocks(self, parent: Element) -> Iterable[Element]:
        """The paragraphs and tables in ``parent`` (a body or a cell), in order."""
        ...

    def is_table(self, block: Element) -> bool:
        ...

    def paragraph_text(self, block: Element) -> str:
        ...

    def table_rows(self, table: Element, number: int) -> Iterable[TableRow]:
        """The rows of ``table``, each padded to the table's width; ``number`` is the number
        `document_rows` or `cell_text` was given for it."""
        ...


def document_rows(markup: Markup[Element], body: Element) -> list[RawRow]:
    """Raw rows of a document's body: its top-level tables' rows and the paragraphs between them, in order."""
    rows: list[RawRow] = []
    tables = paragraphs = 0
    for block in markup.blocks(body):
        if markup.is_table(block):
            tables += 1
            for number, cells, after_break in markup.table_rows(block, tables):
                rows.append(RawRow(cells=cells, lines=(number,), table=tables, after_break=after_break or (number == 1 and tables > 1)))
        else:
            paragraphs += 1
            text = clean(markup.paragraph_text(block))
            if text:
                rows.append(RawRow(cells=[text], lines=(paragraphs,)))
    return rows


def cell_text(markup: Markup[Element], cell: Element, number: int) -> str:
    """A cell's text: its paragraphs, and its nested tables flattened (``number`` is passed on to
    `Markup.table_rows` for them)."""
    parts = []
    for block in markup.blocks(cell):
        if markup.is_table(block):
            lines = (" ".join(c.replace("\n", " ") for c in cells if c.strip()) for _, cells, _ in markup.table_rows(block, number))
            parts.append("\n".join(line for line in lines if line))
        else:
            parts.append(markup.paragraph_text(block))
    return clean("\n".join(parts))


def clean(text: str) -> str:
    """Each line's ends trimmed, blank lines around the text dropped (cells often end in an empty paragraph).

    >>> clean("  Проводиться роз’яснювальна робота. \\n\\n")
    'Проводиться роз’яснювальна робота.'
    """
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")
