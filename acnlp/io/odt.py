"""Read an OpenDocument text (.odt) report into raw rows, in document order, with lxml.

The ODF table model, as this reader takes it:

* One `RawRow` per row of every top-level table (header rows in ``table:table-header-rows``
  included, in place), and one single-cell `RawRow` (``table=None``) per non-empty paragraph
  or heading outside tables, in order, so titles and headings between tables are kept.
* A cell spanning columns (``table:number-columns-spanned``) puts its text in its first
  column; the ``table:covered-table-cell`` elements under a span are ``""``, as the .docx
  reader gives merged cells. Every row is padded to the table's width.
* ``table:number-columns-repeated`` and ``table:number-rows-repeated`` repeat a cell or a
  row. Spreadsheet-like files repeat empty cells and rows by the thousand, so the repeats are
  bounded: a blank row or trailing blank cells stand once, and only a repeat with content
  past `MAX_REPEAT` is refused (`E.ODF_TOO_LARGE`); row numbers still count every repeat.
* Repeats multiply text, and a nested table multiplies its cells' repeats again (three
  levels of 30 by 30 repeats make 729 million copies of a 2-character cell, 2.2 billion
  characters with the spaces and line breaks between them, from 466 bytes), so every
  character is counted before it is built: a paragraph's as it is read (``text:s`` is a
  thousand spaces at most), a repeated cell's or row's copies as their length times the
  repeats, a nested table's joins. Past ``ReadLimits.max_text_chars`` the read stops
  (`E.TEXT_TOO_LONG`, naming the top-level table and row); the cells of nested tables count
  against ``ReadLimits.max_cells`` with the top-level ones, as they are laid out.
* In a cell, paragraphs are joined by ``"\\n"``, ``text:line-break`` is ``"\\n"``, ``text:s``
  is its count of spaces, ``text:tab`` a space. Notes, annotations, tracked deletions and
  drawings are left out, as the .docx reader leaves them out. A table nested in a cell is
  flattened into the cell's text, one line per nested row.
* ``lines`` is the 1-based row number in the table (paragraph number outside tables); the
  first row of every table after the first has ``after_break``, and so has a row that follows
  a ``text:soft-page-break`` (the page break LibreOffice wrote down when it saved the file).

Bad input raises `ReportError`: not a zip (`E.NOT_A_ZIP`), a zip without ``content.xml`` or
with broken XML (`E.CORRUPT_OFFICE`); an archive or a table past the `ReadLimits` every
reader obeys (`acnlp.io.office.check_archive`, `acnlp.io.limits.CellBudget`,
`acnlp.io.limits.TextBudget`) is `E.TOO_LARGE`, `E.TOO_COMPLEX` or `E.TEXT_TOO_LONG`, before
what passes the limit is built.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from lxml import etree

from ..errors import E, ReportError
from ._blocks import TableRow, cell_text, document_rows
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits, TextBudget
from .office import BROKEN_ZIP, check_archive

_KIND = ".odt"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}
#: Most copies of one row or cell with content a table may ask for.
MAX_REPEAT = 1000


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _H, _LIST, _LIST_ITEM, _LIST_HEADER = _q("text:p"), _q("text:h"), _q("text:list"), _q("text:list-item"), _q("text:list-header")
_TABLE, _ROW, _CELL, _COVERED = _q("table:table"), _q("table:table-row"), _q("table:table-cell"), _q("table:covered-table-cell")
_SOFT_BREAK = _q("text:soft-page-break")
# Elements that only group rows or blocks; the walk looks through them.
_ROW_GROUPS = {_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")}
_BLOCK_GROUPS = {_q("text:section"), _q("text:index-body"), _q("text:table-of-content"), _LIST, _LIST_ITEM, _LIST_HEADER}
# Subtrees whose text is not part of the reading flow.
_SKIP = {
    _q("text:note"), _q("office:annotation"), _q("text:tracked-changes"), _q("text:deletion"),
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame", "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}custom-shape",
    _q("text:bookmark-ref"), _q("text:sequence-decls"), _q("text:variable-decls"), _q("office:forms"),
}  # fmt: skip
_SPACES = _q("text:s")
# A tab in a cell is alignment, so a space (as in the .docx reader); a line break is a new line.
_INLINE = {_q("text:tab"): " ", _q("text:line-break"): "\n"}
_REPEAT_COLUMNS, _REPEAT_ROWS = _q("table:number-columns-repeated"), _q("table:number-rows-repeated")
_SPAN = _q("table:number-columns-spanned")


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of an .odt report: table rows and the paragraphs between tables, in order."""
    return document_rows(_Markup(path, limits), _open_body(path, data, limits))


class _Markup:
    """OpenDocument text for the shared walk (`acnlp.io._blocks`). Every table's cells are spent
    from ``cells`` and every character from ``text`` before they are laid out; ``where`` is the
    top-level table and row (or paragraph) being read, which the errors name."""

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path = path
        self.cells = CellBudget(path, limits)
        self.text = TextBudget(path, limits)
        self.where = ""
        self.paragraphs = 0
        self.in_table = False

    def blocks(self, parent: etree._Element) -> Iterator[etree._Element]:
        """Paragraphs, headings and tables in reading order, looking through sections and lists."""
        for child in parent:
            if child.tag in (_P, _H, _TABLE):
                yield child
            elif child.tag in _BLOCK_GROUPS:
                yield from self.blocks(child)

    def is_table(self, block: etree._Element) -> bool:
        return block.tag == _TABLE

    def paragraph_text(self, block: etree._Element) -> str:
        if not self.in_table:  # the walk's count of paragraphs outside tables, empty ones too
            self.paragraphs += 1
            self.where = f"paragraph {self.paragraphs}"
        return _text(self, block)

    def table_rows(self, table: etree._Element, number: int) -> list[TableRow]:
        if not number:  # a nested table (number 0, see _row_cells), which the walk flattens
            rows = list(_table_rows(self, table, number))
            lines = [sum(1 for c in cells if c.strip()) for _, cells, _ in rows]
            joins = sum(n - 1 for n in lines if n) + max(0, sum(1 for n in lines if n) - 1)
            self.text.spend(joins, "a nested table's line and cell breaks", self.where)
            return rows
        self.in_table = True
        try:
            return list(_table_rows(self, table, number))
        finally:
            self.in_table = False


def _open_body(path: str, data: bytes, limits: ReadLimits) -> etree._Element:
    if "content.xml" not in check_archive(path, data, _KIND, limits):
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason="the zip archive has no content.xml, so it is not an OpenDocument file")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except (*BROKEN_ZIP, ValueError) as exc:
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason=f"damaged zip archive ({exc})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason=f"content.xml is not well-formed XML ({exc})") from None
    text = root.find(f"{_q('office:body')}/{_q('office:text')}")
    if text is None:
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason="content.xml holds no text document (is it a spreadsheet or a presentation?)")
    return text


def _table_rows(markup: _Markup, table: etree._Element, number: int) -> Iterator[TableRow]:
    """(row number, cells, after a soft page break) for each row, repeats bounded, each row's
    copies and the padding counted before they are laid out."""
    path = markup.path
    rows: list[TableRow] = []
    counter = 0
    broken = False
    for element in _row_elements(table):
        if element.tag == _SOFT_BREAK:
            broken = True
            continue
        if number:
            markup.where = f"table {number}, row {counter + 1}"
        cells = _row_cells(markup, element, number)
        repeat = _count(element.get(_REPEAT_ROWS))
        blank = not any(c.strip() for c in cells)
        if not blank and repeat > MAX_REPEAT:
            raise ReportError(E.ODF_TOO_LARGE, path=path, where=_table_name(number), what=f"a row ({repeat:,} times)", limit=MAX_REPEAT)
        if not blank and repeat > 1:
            chars = sum(map(len, cells))
            markup.cells.spend(len(cells) * (repeat - 1), markup.where)
            markup.text.spend(chars * (repeat - 1), f"{_nested(number)}row of {chars:,} characters repeated {repeat:,} times", markup.where)
        for copy in range(1 if blank else repeat):
            rows.append((counter + copy + 1, list(cells), broken and copy == 0))
        counter += repeat
        broken = False
    width = max((len(cells) for _, cells, _ in rows), default=0)
    markup.cells.spend(sum(width - len(cells) for _, cells, _ in rows), f"table {number}" if number else markup.where)
    for row_number, cells, after_break in rows:
        yield row_number, cells + [""] * (width - len(cells)), after_break


def _row_elements(parent: etree._Element) -> Iterator[etree._Element]:
    for child in parent:
        if child.tag in (_ROW, _SOFT_BREAK):
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _row_elements(child)


def _row_cells(markup: _Markup, row: etree._Element, table: int) -> list[str]:
    path = markup.path
    cells: list[str] = []
    # Blank cells (and the covered columns of a span) are laid out only when content follows
    # them: trailing ones (spreadsheet-like files repeat them by the thousand) add nothing, and
    # the table pads its rows to one width again.
    blanks = 0
    for cell in row:
        if cell.tag not in (_CELL, _COVERED):
            continue
        # a table nested in the cell is numbered 0: its errors speak of «a table nested in a cell»
        text = "" if cell.tag == _COVERED else cell_text(markup, cell, 0)
        repeat = _count(cell.get(_REPEAT_COLUMNS))
        span = min(_count(cell.get(_SPAN)), MAX_REPEAT) if cell.tag == _CELL else 1
        if not text.strip():  # "" once trimmed (`acnlp.io._blocks.clean`)
            blanks += min(repeat, MAX_REPEAT) * span
            continue
        if repeat > MAX_REPEAT:
            raise ReportError(E.ODF_TOO_LARGE, path=path, where=_table_name(table), what=f"a cell ({repeat:,} times)", limit=MAX_REPEAT)
        markup.cells.spend(blanks + repeat + (repeat - 1) * (span - 1), markup.where)
        if repeat > 1:
            markup.text.spend(len(text) * (repeat - 1), f"{_nested(table)}cell of {len(text):,} characters repeated {repeat:,} times", markup.where)
        for _ in range(repeat):
            cells.extend([""] * blanks)
            cells.append(text)
            blanks = span - 1
    return cells


def _table_name(table: int) -> str:
    """How an error names table number ``table`` (0: a table nested in a cell).

    >>> _table_name(2), _table_name(0)
    ('table 2', 'a table nested in a cell')
    """
    return f"table {table}" if table else "a table nested in a cell"


def _nested(table: int) -> str:
    """How an error speaks of a row or cell of table number ``table`` (0: nested in a cell of the row it names)."""
    return "a nested table's " if not table else "a "


def _count(value: str | None) -> int:
    try:
        return max(1, int(value)) if value is not None else 1
    except ValueError:
        return 1


def _text(markup: _Markup, element: etree._Element) -> str:
    """The text of a paragraph or heading, with ODF's space, tab and line-break elements spelled
    out, its characters spent from ``markup.text`` as they are read."""
    parts: list[str] = []
    spaces = 0

    def collect(node: etree._Element) -> None:
        nonlocal spaces
        parts.append(node.text or "")
        for child in node:
            if child.tag == _SPACES:
                # a few bytes ask for up to MAX_REPEAT characters: counted before they are made
                count = min(_count(child.get(_q("text:c"))), MAX_REPEAT)
                markup.text.spend(count, f"a paragraph's {count:,} spaces (text:s)", markup.where)
                spaces += count
                parts.append(" " * count)
            elif child.tag in _INLINE:
                parts.append(_INLINE[child.tag])
            elif child.tag not in _SKIP and isinstance(child.tag, str):
                collect(child)
            parts.append(child.tail or "")

    collect(element)
    # the rest comes from the file itself, a character for a character or an element at most
    length = sum(map(len, parts))
    markup.text.spend(length - spaces, f"a paragraph of {length:,} characters", markup.where)
    return "".join(parts)
