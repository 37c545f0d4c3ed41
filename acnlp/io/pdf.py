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
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import E, ReportError
from .columns import column_role
from .grid import RawRow
from .text import ROW_NUMBER

_RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
#: Words whose tops differ by less than this share a line (points).
_LINE_TOLERANCE = 2.5
#: A gap wider than this many font sizes between words on a line separates columns.
_GUTTER_EM = 0.8
#: Blank space between lines taller than this many font sizes separates table rows (a cell's
#: own lines stand about a quarter of the size apart).
_ROW_GAP_EM = 0.6
#: A table ending less than this many font sizes above the foot of the page filled its page.
_FULL_PAGE_EM = 2.5
#: An image covering this share of a text-less page makes it a scanned page.
_SCAN_AREA_SHARE = 0.25
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?\s*$|^\s*(?:стор\.?|сторінка)\s*\d{1,4}(?:\s*(?:з|із|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_LINE_END_HYPHENS = ("-", "\u00ad", "\u2010")
# The start of a web or mail address, which a writer breaks anywhere when it is too long.
_ADDRESS = re.compile(r"^(?:https?://|www\.)|@|[a-z0-9]\.(?:gov|org|com|net|ua)\b|^[\x21-\x7e]*/[\x21-\x7e]*$", re.IGNORECASE)
#: Ukrainian words of one or two letters; another piece that short is part of a word.
_SHORT_WORDS = frozenset("і й у в з а о я ж б до на за по та що як не ні зі із це ці її їх ми ви ти чи же би де то те їй аж".split())
_PUNCTUATION = ".,;:!?«»()\"'"
_CLOSING = ",.;:!?»)"


@dataclass
class _Line:
    """Words standing on one text line of a page, left to right."""

    top: float
    words: list[dict[str, Any]]

    @property
    def x0(self) -> float:
        return self.words[0]["x0"]

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


def read_rows(path: str, data: bytes) -> list[RawRow]:
    """Raw rows of a PDF report: table rows and the text around them, page by page."""
    pdf = _open(path, data)
    rows: list[RawRow] = []
    columns: list[float] | None = None  # a ruleless table's column edges, kept across pages
    pages: list[_PageTable] = []
    try:
        _require_text_layer(path, pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            table, columns = _page_rows(page, number, columns)
            pages.append(table)
            rows.extend(table.rows)
        _mark_page_breaks(pages)
    except ReportError:
        raise
    # pdfminer lets its parser errors through as they come, from any page
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


def _require_text_layer(path: str, pages: Sequence[Any]) -> None:
    """Fail on a scan: a page that is an image and has no text (the whole file, or some pages)."""
    scanned = []
    for number, page in enumerate(pages, start=1):
        if any(not ch["text"].isspace() for ch in page.chars):
            continue
        area = page.width * page.height
        covered = sum((img["x1"] - img["x0"]) * (img["bottom"] - img["top"]) for img in page.images)
        if covered >= _SCAN_AREA_SHARE * area:
            scanned.append(number)
    if scanned:
        if len(scanned) == len(pages):
            what = "every page is an image"
        elif len(scanned) == 1:
            what = f"page {scanned[0]} is an image"
        else:
            what = "pages " + ", ".join(map(str, scanned)) + " are images"
        raise ReportError(E.PDF_SCANNED, path=path, pages=what)
    if not any(page.chars for page in pages):
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
    words = page.extract_words(use_text_flow=False, extra_attrs=["size"])
    lines = _lines(words)
    tops = [line.top for line in lines]
    tables = [t for t in page.find_tables(_RULED) if any(sum(c is not None for c in r.cells) >= 2 for r in t.rows)]
    placed: list[tuple[float, RawRow]] = []
    inside: set[int] = set()
    for table in tables:
        for row in table.rows:
            cells, used = _cells(row.cells, words)
            inside.update(used)
            line = _line_number(tops, row.bbox[1], row.bbox[3])
            placed.append((row.bbox[1], RawRow(cells=cells, lines=(line,), page=number)))
    free = _lines([w for i, w in enumerate(words) if i not in inside])
    if tables:
        for line in free:
            if not _PAGE_NUMBER.match(line.text()):
                placed.append((line.top, RawRow(cells=[line.text()], lines=(_line_number(tops, line.top, line.bottom),), page=number)))
        placed.sort(key=lambda item: item[0])
        rows = [raw for _, raw in placed]
        bottom: float | None = max(t.bbox[3] for t in tables)
    else:
        rows, columns, bottom = _ruleless_rows(free, tops, number, columns)
    size = statistics.median(w.get("size") or (w["bottom"] - w["top"]) for w in words) if words else 0.0
    return _PageTable(rows, bottom, size), columns


def _lines(words: Iterable[dict[str, Any]]) -> list[_Line]:
    """Words grouped into lines by their tops, top to bottom, each line left to right."""
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1].top) <= _LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(_Line(word["top"], [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def _line_number(tops: list[float], top: float, bottom: float) -> int:
    """The 1-based page line where a row that spans ``top``..``bottom`` starts."""
    for index, line_top in enumerate(tops, start=1):
        if line_top >= top - _LINE_TOLERANCE:
            return index if line_top <= bottom else max(index - 1, 1)
    return max(len(tops), 1)


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
        lines = _lines(mine)
        cells.append(join_lines([line.text() for line in lines], _forced_breaks(lines, x0, x1)))
    return cells, used


def _forced_breaks(lines: list[_Line], x0: float, x1: float) -> list[bool]:
    """For each line, whether its last word and the next line's first word together are wider
    than the cell's text: then they cannot be two words the writer wrapped, only one word
    too long for the column that it broke by force."""
    if not lines:
        return []
    padding = max(min(line.x0 for line in lines) - x0, 0.0)  # text stands as far from either side
    width = (x1 - x0) - 2 * padding
    forced = []
    for line, after in zip(lines, lines[1:]):
        last, first = line.words[-1], after.words[0]
        forced.append((last["x1"] - last["x0"]) + (first["x1"] - first["x0"]) > width - 1.0)
    return forced + [False]


def join_lines(lines: Sequence[str], forced: Sequence[bool] = ()) -> str:
    """A cell's text from its lines: a space between lines, a word hyphenated at a line end joined back.

    ``forced[i]`` says the last word of line ``i`` and the first of line ``i + 1`` are too wide
    for the cell together: a word too long for its column broken by force, with no hyphen.
    They are joined without a space when they make a word the dictionary knows, or an address
    or a code («законодавс»/«твом», «https://dmsu.gov.u»/«a/…»).

    >>> join_lines(["Проведено навчання з питань", "антикорупційного законодавства"])
    'Проведено навчання з питань антикорупційного законодавства'
    >>> join_lines(["запобігання корупцій-", "ним правопорушенням"])
    'запобігання корупційним правопорушенням'
    >>> join_lines(["облік ресурсно-", "господарського забезпечення"])
    'облік ресурсно-господарського забезпечення'
    >>> join_lines(["https://dmsu.gov.ua/assets/file", "s/plan.pdf"], [True, False])
    'https://dmsu.gov.ua/assets/files/plan.pdf'
    >>> join_lines(["У встановлені законодавство", "м строки"], [True, False])
    'У встановлені законодавством строки'
    >>> join_lines(["антикорупційного", "законодавства"], [True, False])
    'антикорупційного законодавства'
    """
    text = ""
    for index, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if text and index > 0 and index - 1 < len(forced) and forced[index - 1] and _one_word(text, line):
            text += line
        elif text.endswith(_LINE_END_HYPHENS) and len(text) >= 2 and text[-2].isalpha() and line[0].isalpha() and line[0].islower():
            text = _dehyphenate(text, line)
        else:
            text = f"{text} {line}" if text else line
    return text


def _one_word(text: str, line: str) -> bool:
    last, first = text.rsplit(None, 1)[-1], line.split(None, 1)[0]
    if first[0] in _CLOSING:
        return True  # «декларацій» / «, постійно»: no line opens with a comma
    head, tail = last.lstrip(_PUNCTUATION), first.rstrip(_PUNCTUATION)
    if _ADDRESS.search(head) and (first[0].isascii() and first[0].isalnum() or first[0] in "/._-?#=&%~") and not last.endswith(("),", ").", ")")):
        return True  # an address goes on: «infobox.prozorro.» / «org/»
    if last.endswith(tuple(_PUNCTUATION)) or not first[0].isalnum() or first[0].isupper():
        return False  # the word before ended, or the line opens a new one
    head = re.split(r"[/-]", head)[-1]  # «припиняють/припинил» / «и»
    if not (head.isalpha() and tail.isalpha()) or not _known(head + tail):
        return False
    # «законодавство»/«м», «внутрішньо»/«го»: a piece that is no word alone; «закупівель»/«на»
    # are two words even though «закупівельна» is one too
    tail_is_word = _known(tail) and (len(tail) > 2 or tail in _SHORT_WORDS)
    return not (_known(head) and tail_is_word)


def _dehyphenate(left: str, right: str) -> str:
    head, hyphen = left[:-1], left[-1]
    first = head.rsplit(None, 1)[-1]
    second = right.split(None, 1)[0].rstrip(".,;:»)!?")
    if hyphen == "\u00ad" or _known(first + second) and not _known(f"{first}-{second}"):
        return head + right
    return head + "-" + right


def _known(word: str) -> bool:
    # The backbone's cached pymorphy3 analyser: the dictionary the rest of acnlp reads words with.
    from ..nlp.pymorphy_backend import morph_analyzer

    return bool(morph_analyzer().word_is_known(word.lower()))


# --- tables without ruling lines ---------------------------------------------------------------


def _size(line: _Line) -> float:
    return statistics.median(w.get("size") or (w["bottom"] - w["top"]) for w in line.words)


def _chunks(line: _Line) -> list[_Line]:
    """A line cut where the gap between words is a column gutter."""
    size = _size(line)
    chunks = [_Line(line.top, [line.words[0]])]
    for word in line.words[1:]:
        if word["x0"] - chunks[-1].words[-1]["x1"] > _GUTTER_EM * size:
            chunks.append(_Line(line.top, [word]))
        else:
            chunks[-1].words.append(word)
    return chunks


def _header_edges(line: _Line) -> list[float] | None:
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


def _ruleless_rows(
    lines: list[_Line], tops: list[float], page: int, edges: list[float] | None
) -> tuple[list[RawRow], list[float] | None, float | None]:
    """Rows of a page whose table has no ruling lines: columns from the header, rows from the
    gaps; and the bottom of the last table row."""
    groups = _row_groups([line for line in lines if not _PAGE_NUMBER.match(line.text())])
    rows: list[RawRow] = []
    bottom: float | None = None
    for group in groups:
        line_no = _line_number(tops, group[0].top, group[-1].bottom)
        new_edges = _header_edges(group[0])
        if new_edges is not None:
            edges = new_edges
        text_lines = [line.text() for line in group]
        if edges is None or _spans_columns(group, edges):
            text = join_lines(text_lines)
            if not _PAGE_NUMBER.match(text):
                rows.append(RawRow(cells=[text], lines=(line_no,), page=page))
            continue
        cells: list[list[str]] = [[] for _ in edges]
        for line in group:
            for chunk in _chunks(line):
                cells[_column_of(edges, chunk.x0)].append(chunk.text())
        rows.append(RawRow(cells=[join_lines(c) for c in cells], lines=(line_no,), page=page))
        bottom = group[-1].bottom
    return rows, edges, bottom


def _row_groups(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into rows: a new row after blank space wider than the space between a
    cell's lines, at a row number, or at a header line."""
    if not lines:
        return []
    groups = [[lines[0]]]
    for previous, line in zip(lines, lines[1:]):
        first = _chunks(line)[0]
        opens_row = bool(ROW_NUMBER.match(first.text())) and first.x0 < _chunks(previous)[0].x0 + 1
        if line.top - previous.bottom > _ROW_GAP_EM * _size(line) or opens_row or _header_edges(line) is not None:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


def _spans_columns(group: list[_Line], edges: list[float]) -> bool:
    """True when text starting in the first column runs into the second: a heading or signature, not cells."""
    if len(edges) < 2:
        return True
    for line in group:
        first = _chunks(line)[0]
        if first.x0 < edges[1] - 2.0 and first.x1 > edges[1] + 2.0:
            return True
    return False
