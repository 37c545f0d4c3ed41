"""Read a Word .docx report into raw rows, in document order.

What this reader guarantees:

* One `RawRow` per row of every top-level table, and one single-cell `RawRow` (``table=None``)
  per non-empty paragraph outside tables, in the order they stand in the document, so titles
  and headings between tables are kept. Blank table rows are kept (blank) too.
* Each cell's text appears once. A horizontally merged cell (``gridSpan``) puts its text in
  the first grid column of the span and ``""`` in the others; a vertical merge continuation
  (``vMerge``) is ``""``. Every row of a table is padded to the table's grid width, so the
  columns line up the way a text export shows them.
* Paragraphs inside a cell are joined by ``"\\n"``; line breaks inside a paragraph are
  ``"\\n"`` too. A table nested in a cell is flattened into that cell's text (one line per
  nested row). Deleted tracked changes, drawings and text boxes are left out.
* ``lines`` is the 1-based row number inside the table, or the paragraph number in the
  document body for text outside tables; ``table`` is the 1-based number of the top-level
  table; ``after_break`` is True on the first row of every table after the first, because
  Word often delivers a table split over pages as two tables.

Bad input raises `ReportError`: not a zip archive (`E.NOT_A_ZIP`), a zip that is not a Word
document or is damaged (`E.CORRUPT_OFFICE`), an empty file (`E.EMPTY_FILE`), and past the
`acnlp.io.limits.ReadLimits` (checked before python-docx sees the file, see
`acnlp.io.office.check_archive`; the grid's cells are counted as rows are laid out) `E.TOO_LARGE`,
`E.TOO_COMPLEX` or `E.XML_DOCTYPE`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import E, ReportError
from ._blocks import TableRow, cell_text, document_rows
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits
from .office import BROKEN_ZIP, check_archive

_KIND = ".docx"

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_VAL = qn("w:val")
# Content controls and custom XML wrap paragraphs, rows and cells without changing the text
# flow, so the walk looks through them.
_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
# Subtrees whose text is not part of the reading flow: deleted or moved-away tracked changes,
# run/paragraph properties, and floating drawings/text boxes (AlternateContent would also
# give its text twice, once in Choice and once in Fallback).
_SKIP = {
    qn("w:del"),
    qn("w:moveFrom"),
    qn("w:rPr"),
    qn("w:pPr"),
    qn("w:drawing"),
    qn("w:pict"),
    qn("w:object"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}
_TEXT = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of a .docx report: table rows and the paragraphs between tables, in order."""
    return document_rows(_Markup(CellBudget(path, limits)), _open_body(path, data, limits))


class _Markup:
    """WordprocessingML for the shared walk (`acnlp.io._blocks`); the grid's cells are spent
    from ``budget`` as rows are laid out, nested tables' included."""

    def __init__(self, budget: CellBudget) -> None:
        self.budget = budget

    def blocks(self, parent: etree._Element) -> Iterator[etree._Element]:
        """Paragraphs and tables in order, looking through content-control wrappers."""
        return _children(parent, (_P, _TBL))

    def is_table(self, block: etree._Element) -> bool:
        return block.tag == _TBL

    def paragraph_text(self, block: etree._Element) -> str:
        return _paragraph_text(block)

    def table_rows(self, tbl: etree._Element, number: int) -> Iterator[TableRow]:
        # Word marks no page breaks in a table; a nested table counts under its top-level table
        for row, cells in enumerate(_table_cells(tbl, self, number), start=1):
            yield row, cells, False


def _open_body(path: str, data: bytes, limits: ReadLimits) -> etree._Element:
    names = check_archive(path, data, _KIND, limits)
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        raise ReportError(
            E.CORRUPT_OFFICE,
            path=path,
            kind=_KIND,
            reason="the zip archive does not contain a Word document (word/document.xml)",
        )
    try:
        return docx.Document(io.BytesIO(data)).element.body
    # python-docx lets zip, deflate, XML and package-structure errors through as they come;
    # NotImplementedError and RuntimeError are zipfile's answers to encrypted or exotic archives.
    except (PackageNotFoundError, *BROKEN_ZIP, KeyError, ValueError, etree.LxmlError) as exc:
        reason = str(exc) or type(exc).__name__
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason=reason) from None


def _children(parent: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tags)


def _table_cells(tbl: etree._Element, markup: _Markup, number: int) -> list[list[str]]:
    """The table's rows as cell texts on the grid, each merged cell's text given once."""
    budget, where = markup.budget, f"table {number}"
    rows = []
    for tr in _children(tbl, (_TR,)):
        # gridBefore and gridSpan multiply cells without markup: count before laying them out.
        spans = sum(max(1, _cell_property(tc, "w:gridSpan", 1)) for tc in _children(tr, (_TC,)))
        budget.spend(_row_property(tr, "w:gridBefore") + spans, where)
        rows.append(_row_cells(tr, markup, number))
    grid = tbl.find(qn("w:tblGrid"))
    width = max([len(grid) if grid is not None else 0, *map(len, rows)])
    budget.spend(sum(width - len(cells) for cells in rows), where)  # the padding
    return [cells + [""] * (width - len(cells)) for cells in rows]


def _row_cells(tr: etree._Element, markup: _Markup, number: int) -> list[str]:
    cells = [""] * _row_property(tr, "w:gridBefore")
    for tc in _children(tr, (_TC,)):
        span = max(1, _cell_property(tc, "w:gridSpan", 1))
        # A vMerge/hMerge element without val="restart" continues the merged cell above/left;
        # its text (usually empty) already stands in the cell that starts the merge.
        continues = _merge(tc, "w:vMerge") == "continue" or _merge(tc, "w:hMerge") == "continue"
        cells.append("" if continues else cell_text(markup, tc, number))
        cells.extend([""] * (span - 1))
    return cells


def _row_property(tr: etree._Element, name: str) -> int:
    element = tr.find(f"{qn('w:trPr')}/{qn(name)}")
    return _int(element.get(_VAL) if element is not None else None, 0)


def _cell_property(tc: etree._Element, name: str, default: int) -> int:
    element = tc.find(f"{qn('w:tcPr')}/{qn(name)}")
    return _int(element.get(_VAL) if element is not None else None, default)


def _merge(tc: etree._Element, name: str) -> str | None:
    element = tc.find(f"{qn('w:tcPr')}/{qn(name)}")
    if element is None:
        return None
    return "restart" if element.get(_VAL) == "restart" else "continue"


def _int(value: str | None, default: int) -> int:
    try:
        return min(int(value), 1000) if value is not None else default  # 1000: a sane bound on columns
    except ValueError:
        return default


def _paragraph_text(p: etree._Element) -> str:
    parts: list[str] = []
    _collect(p, parts)
    # A carriage return (a w:t's &#13;) is a line break; one ending the paragraph is its end,
    # not a line more, as the paragraph break follows it.
    return "".join(parts).removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n")


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag in _TEXT:
            # A tab in a cell is alignment; as "\t" it would read as a column break in
            # tab-separated exports, so it becomes a space.
            replacement = _TEXT[tag]
            parts.append((child.text or "").replace("\t", " ") if replacement is None else replacement)
        else:
            _collect(child, parts)
