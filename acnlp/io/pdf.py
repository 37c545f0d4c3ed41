"""Read a PDF report (one with a text layer) into raw rows, page by page, with pdfplumber.

What this reader guarantees:

* A table drawn with ruling lines is rebuilt from them (pdfplumber's table finder, lines
  strategy): one `RawRow` per table row, each word in the cell its centre falls in. A cell
  merged across the row (a section heading) gives its text in the first column and ``""`` in
  the others, as the .docx reader does.
* A table without ruling lines is rebuilt from its header: the header line (column words in
  separate blocks, `acnlp.io.columns`) gives the columns' left edges, carried over to the next
  pages; rows are told apart by the blank space between them or by a row number in the first
  column. Text that crosses a column edge from the first column (a section heading, a
  signature) is a one-cell row.
* Text outside tables (the title, the signature block) gives one-cell rows in reading order;
  a bare page number («3», «- 3 -», «Сторінка 3 з 12») is page furniture and gives nothing.
* In a cell, the words of a line are joined by spaces and the lines by a space too (a line
  end in a PDF is where the cell was full, not a break in the text). A word hyphenated at a
  line end is joined back: without the hyphen when pymorphy3's Ukrainian dictionary knows the
  joined word and not the hyphenated one («корупцій-»/«них» → «корупційних»), else with it
  («ресурсно-»/«господарського» → «ресурсно-господарського»).
* ``page`` is the 1-based page, ``lines`` the 1-based text line on that page where the row
  starts. The first table row of every page after the first has ``after_break``, and
  ``follows_full_page`` when the page before was full to its foot, so the assembler joins a
  row the page cut (`acnlp.io.assemble`).

Landscape pages and pages turned by the PDF's /Rotate are read as shown. A PDF whose pages
are images with no text (a scan) is `E.PDF_SCANNED`, naming the pages and how to give it a
text layer; a damaged PDF is `E.PDF_BROKEN`, a password-protected one `E.PDF_ENCRYPTED`.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import E, ReportError
from ._pdf_lines import PAGE_NUMBER, forced_breaks, join_lines, line_number, lines_of
from ._pdf_ruleless import ruleless_rows
from .grid import RawRow

__all__ = ["join_lines", "read_rows"]

_RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: A table ending less than this many font sizes above the foot of the page filled its page.
_FULL_PAGE_EM = 2.5
#: A gap between letters wider than this many font sizes ends a word.
_WORD_GAP_EM = 0.15
#: An image covering this share of a text-less page makes it a scanned page.
_SCAN_AREA_SHARE = 0.25


def read_rows(path: str, data: bytes) -> list[RawRow]:
    """Raw rows of a PDF report: table rows and the text around them, page by page."""
    pdf = _open(path, data)
    rows: list[RawRow] = []
    columns: list[float] | None = None  # a ruleless table's column edges, kept across pages
    pages: list[_PageTable] = []
    scanned: list[int] = []
    any_text = False
    try:
        for number, page in enumerate(pdf.pages, start=1):
            any_text = any_text or bool(page.chars)
            if _is_scan(page):
                scanned.append(number)
            table, columns = _page_rows(page, number, columns)
            page.close()  # drops the page's parsed objects: memory stays one page's, however long the report
            pages.append(table)
            rows.extend(table.rows)
        _require_text_layer(path, scanned, len(pages), any_text)
        _mark_page_breaks(pages)
    except (ReportError, NameError, ImportError):  # ours, or a bug in acnlp: not the file's fault
        raise
    # pdfminer lets its parser errors through as they come, of any type, from any page
    except Exception as exc:  # noqa: BLE001
        raise ReportError(E.PDF_BROKEN, path=path, reason=str(exc) or type(exc).__name__) from None
    finally:
        pdf.close()
    return rows


def _open(path: str, data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.startswith(b"%PDF"):
        raise ReportError(E.PDF_BROKEN, path=path, reason="it does not start with %PDF")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # parses the page tree now, so a broken one fails here
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReportError(E.PDF_ENCRYPTED, path=path) from None
        raise ReportError(E.PDF_BROKEN, path=path, reason=str(cause) or type(cause).__name__) from None
    except Exception as exc:  # noqa: BLE001  pdfminer raises bare parser errors on damaged files
        raise ReportError(E.PDF_BROKEN, path=path, reason=str(exc) or type(exc).__name__) from None
    return pdf


def _is_scan(page: Any) -> bool:
    """A page with no text, a picture covering much of it: a scanned page."""
    if any(not ch["text"].isspace() for ch in page.chars):
        return False
    covered = sum((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) for img in page.images)
    return covered >= _SCAN_AREA_SHARE * page.width * page.height


def _require_text_layer(path: str, scanned: list[int], pages: int, any_text: bool) -> None:
    """Fail on a scan: pages that are images with no text (the whole file, or some pages)."""
    if scanned:
        if len(scanned) == pages:
            what = "every page is an image"
        elif len(scanned) == 1:
            what = f"page {scanned[0]} is an image"
        else:
            what = "pages " + ", ".join(map(str, scanned)) + " are images"
        raise ReportError(E.PDF_SCANNED, path=path, pages=what)
    if not any_text:
        raise ReportError(E.PDF_SCANNED, path=path, pages="no page has any text")


@dataclass
class _PageTable:
    """A page's rows, and where its table ends (``None``: no table on it), in points from the top."""

    rows: list[RawRow]
    bottom: float | None
    size: float

    @property
    def first_table_row(self) -> RawRow | None:
        return next((raw for raw in self.rows if len(raw.cells) > 1), None)


def _mark_page_breaks(pages: list[_PageTable]) -> None:
    """Mark the first table row of every page after the first with ``after_break``, and with
    ``follows_full_page`` too when the table above ran to the foot of its page, as a table
    does when the page cut one of its rows. The foot of a page is the lowest any page's table
    reaches."""
    bottoms = [p.bottom for p in pages if p.bottom is not None]
    foot = max(bottoms, default=0.0)
    for above, page in zip(pages, pages[1:]):
        first = page.first_table_row
        if first is None:
            continue
        first.after_break = True
        if above.bottom is not None and foot - above.bottom <= _FULL_PAGE_EM * above.size:
            first.follows_full_page = True


def _page_rows(page: Any, number: int, columns: list[float] | None) -> tuple[_PageTable, list[float] | None]:
    # Letters of a word touch; words stand a space apart (a quarter of the size or more), and
    # some writers place each word on its own with no space character, so the gap that ends a
    # word is measured against the font size, not in points.
    words = page.extract_words(use_text_flow=False, extra_attrs=["size"], x_tolerance_ratio=_WORD_GAP_EM)
    lines = lines_of(words)
    tops = [line.top for line in lines]
    tables = [t for t in page.find_tables(_RULED) if any(sum(c is not None for c in r.cells) >= 2 for r in t.rows)]
    placed: list[tuple[float, RawRow]] = []
    inside: set[int] = set()
    for table in tables:
        for row in table.rows:
            cells, used = _cells(row.cells, words)
            inside.update(used)
            line = line_number(tops, row.bbox[1], row.bbox[3])
            placed.append((row.bbox[1], RawRow(cells=cells, lines=(line,), page=number)))
    free = lines_of([w for i, w in enumerate(words) if i not in inside])
    if tables:
        for line in free:
            if not PAGE_NUMBER.match(line.text()):
                placed.append((line.top, RawRow(cells=[line.text()], lines=(line_number(tops, line.top, line.bottom),), page=number)))
        placed.sort(key=lambda item: item[0])
        rows = [raw for _, raw in placed]
        bottom: float | None = max(t.bbox[3] for t in tables)
    else:
        rows, columns, bottom = ruleless_rows(free, tops, number, columns)
    size = statistics.median(w.get("size") or (w["bottom"] - w["top"]) for w in words) if words else 0.0
    return _PageTable(rows, bottom, size), columns


def _cells(bboxes: Sequence[tuple[float, float, float, float] | None], words: list[dict[str, Any]]) -> tuple[list[str], set[int]]:
    """Each cell's text from the words whose centres fall in it; a merged-over cell is ``""``."""
    cells, used = [], set()
    for bbox in bboxes:
        if bbox is None:
            cells.append("")
            continue
        x0, top, x1, bottom = bbox
        mine = []
        for i, w in enumerate(words):
            cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom:
                mine.append(w)
                used.add(i)
        lines = lines_of(mine)
        cells.append(join_lines([line.text() for line in lines], forced_breaks(lines, x0, x1)))
    return cells, used
