"""Read an HTML report (a saved web page, Word's "Save as Web Page") into raw rows.

What this reader guarantees:

* The bytes are decoded by `acnlp.io.encoding.decode_text` and parsed by lxml's forgiving
  HTML parser, so unclosed tags and stray markup do not stop it; entities are decoded
  (``&nbsp;`` stays a no-break space for the normaliser to handle).
* One `RawRow` per ``<tr>`` of every top-level ``<table>``, in document order (``table`` =
  1-based table number, ``lines`` = 1-based row number in the table); ``after_break`` is True
  on the first row of every table after the first. A ``<caption>`` and every text block
  outside tables (``<p>``, ``<h1>``..``<h6>``, ``<div>`` text, ...) becomes a single-cell
  `RawRow` with ``table=None`` and ``lines`` = its source line, in order.
* Spans keep the columns aligned: a ``colspan`` cell's text stands in the first column of the
  span and ``""`` in the rest; a ``rowspan`` cell's text stands in its first row and ``""`` in
  the rows below. Every row of a table is padded to the table's width.
* Inside a cell, ``<br>`` and block elements (``<p>``, ``<div>``, ...) become ``"\\n"`` and
  other whitespace collapses to one space, as a browser shows it. A table nested in a cell
  is flattened into that cell's text, one line per nested row.
* Within `acnlp.io.limits.ReadLimits`: a page with more than ``max_xml_nodes`` tags and
  attributes is refused before lxml builds its tree, and tables whose ``colspan``/``rowspan``
  would lay out more than ``max_cells`` cells stop the read (`E.TOO_COMPLEX`). lxml stops
  nesting at 255 levels, so deep markup cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from ..errors import E, ReportError
from .encoding import decode, decode_text
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits

# Elements that start and end a line of text; everything else flows inline.
_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre section article header footer "
    "main nav aside address figure figcaption form fieldset hr center body html tr td th".split()
)
# Elements whose content is never shown as text on the page.
_HIDDEN = frozenset("head script style template noscript iframe object select option textarea".split())
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; not \xa0, which is a real no-break space
_MAX_COLSPAN, _MAX_ROWSPAN = 1000, 65534  # the HTML spec's limits

_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z!/?]")
_CONTROL = frozenset(chr(c) for c in range(32)) - {"\t", "\n", "\r", "\f"}
# ("text", str, line) | ("break" or "block", None, line) | ("table", element, line)
_Event = tuple[str, object, int | None]


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of an HTML report: table rows and the text blocks between tables, in order."""
    text, note = _decode(path, data)
    # Each tag opens with "<" and each attribute has a "=": an upper bound on the nodes lxml
    # would build, counted at C speed before it builds any.
    nodes = text.count("<") - text.count("</") + text.count("=")
    if nodes > limits.max_xml_nodes:
        what = f"the page holds more than {limits.max_xml_nodes:,} tags and attributes"
        raise ReportError(E.TOO_COMPLEX, path=path, where="the page", what=what, option="max_xml_nodes")
    try:
        # Parse the decoded text as UTF-8 bytes with the encoding fixed, so a <meta charset>
        # or an <?xml encoding=...?> declaration cannot make lxml decode it a second time.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except etree.ParserError:
        return []  # only comments or whitespace: nothing to read, the assembler reports no table
    except (etree.LxmlError, ValueError) as exc:
        raise ReportError(E.UNREADABLE, path=path, reason=f"not readable as HTML ({exc})") from None
    rows = _Document(CellBudget(path, limits)).read(root)
    if note and rows:
        rows[0].notes.append(note)
    return rows


def _decode(path: str, data: bytes) -> tuple[str, str | None]:
    """The page's text: `decode_text` first, then the charset the page declares.

    `decode_text` trusts Windows-1251 only when most characters are letters, which markup is
    not, so a Windows-1251 page (as Word saves one in Ukraine) needs its declared charset, or
    Windows-1251 when it declares none. The second value is the note naming lines read as
    Windows-1251 in an otherwise UTF-8 page.
    """
    try:
        decoded = decode(path, data)
        return decoded.text, decoded.note(path)
    except ReportError as error:
        if error.template is not E.BINARY_GARBAGE:
            raise
        for charset in (_declared_charset(data), "cp1251"):
            try:
                text = data.decode(charset) if charset else None
            except (LookupError, UnicodeDecodeError):
                continue
            if text and _TAG.search(text) and sum(ch in _CONTROL for ch in text) <= 0.01 * len(text):
                return text, None
        raise


def _declared_charset(data: bytes) -> str | None:
    """The charset a page names in ``<meta charset>``, ``http-equiv`` or ``<?xml encoding>``.

    >>> _declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">')
    'windows-1251'
    >>> _declared_charset(b"<p>no declaration</p>") is None
    True
    """
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


class _Document:
    """Cuts the page's text into blocks and tables, in reading order."""

    def __init__(self, budget: CellBudget) -> None:
        self.budget = budget
        self.rows: list[RawRow] = []
        self.tables = 0
        self.text = _Text()
        self.line: int | None = None
        self.blocks = 0

    def read(self, root: etree._Element) -> list[RawRow]:
        for kind, value, line in _events(root):
            if kind == "table":
                self.flush()
                self.table(value)  # type: ignore[arg-type]
            elif kind == "block":
                self.flush()
            elif kind == "break":
                self.text.hard_break()
            else:
                if self.line is None and str(value).strip():
                    self.line = line
                self.text.add(str(value))
        self.flush()
        return self.rows

    def flush(self) -> None:
        text = self.text.value()
        if text:
            self.blocks += 1
            self.rows.append(RawRow(cells=[text], lines=(self.line or self.blocks,)))
        self.text, self.line = _Text(), None

    def table(self, table: etree._Element) -> None:
        caption = table.find("caption")
        if caption is not None:
            self.text.add(_cell_text(caption, self.budget, f"table {self.tables + 1}"))
            self.line = caption.sourceline
            self.flush()
        self.tables += 1
        had_rows = any(row.table is not None for row in self.rows)
        for number, cells in enumerate(_table_grid(table, self.budget, f"table {self.tables}"), start=1):
            first_after_another = number == 1 and had_rows
            self.rows.append(RawRow(cells=cells, lines=(number,), table=self.tables, after_break=first_after_another))


class _Text:
    """Text as a browser lays it out: collapsed spaces, hard and soft line breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, text: str) -> None:
        self.parts.append(_SPACE.sub(" ", text))

    def hard_break(self) -> None:  # <br>: always a new line, so <br><br> leaves a blank line
        self.parts.append("\n")

    def soft_break(self) -> None:  # a block boundary: a new line unless one was just started
        for part in reversed(self.parts):
            if part.strip(" "):
                if not part.rstrip(" ").endswith("\n"):
                    self.parts.append("\n")
                return

    def value(self) -> str:
        lines = [_SPACE.sub(" ", line).strip(" ") for line in "".join(self.parts).split("\n")]
        return "\n".join(lines).strip("\n")


def _events(element: etree._Element) -> Iterator[_Event]:
    """The element's content in reading order, skipping hidden elements (tails still count)."""
    if element.text:
        yield ("text", element.text, element.sourceline)
    for child in element:
        tag = child.tag.lower() if isinstance(child.tag, str) else None  # None: comment, PI
        if tag is None or tag in _HIDDEN:
            pass
        elif tag == "table":
            yield ("table", child, child.sourceline)
        elif tag == "br":
            yield ("break", None, child.sourceline)
        elif tag in _BLOCK:
            yield ("block", None, child.sourceline)
            yield from _events(child)
            yield ("block", None, child.sourceline)
        else:
            yield from _events(child)
        if child.tail:
            yield ("text", child.tail, child.sourceline)


def _cell_text(cell: etree._Element, budget: CellBudget, where: str) -> str:
    text = _Text()
    for kind, value, _line in _events(cell):
        if kind == "text":
            text.add(str(value))
        elif kind == "break":
            text.hard_break()
        elif kind == "block":
            text.soft_break()
        else:
            text.soft_break()
            for number, line in enumerate(_nested_table_lines(value, budget, where)):  # type: ignore[arg-type]
                if number:
                    text.hard_break()
                text.add(line)
            text.soft_break()
    return text.value()


def _nested_table_lines(table: etree._Element, budget: CellBudget, where: str) -> list[str]:
    """A table inside a cell as lines of text, one per row, its cells separated by spaces."""
    rows = (" ".join(c.replace("\n", " ") for c in cells if c.strip()) for cells in _table_grid(table, budget, where))
    return [row for row in rows if row]


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows: directly under it or in thead/tbody/tfoot, not in nested tables."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if isinstance(row.tag, str) and row.tag.lower() == "tr")


def _table_grid(table: etree._Element, budget: CellBudget, where: str) -> list[list[str]]:
    """Cell texts on the table's grid: each spanned cell's text once, columns aligned.

    Spans multiply cells without markup, so every cell is counted against ``budget`` before
    it is laid out.
    """
    grid: list[list[str]] = []
    covered: dict[int, int] = {}  # column -> how many more rows a rowspan from above covers
    for tr in _rows(table):
        cells: list[str] = []
        below: dict[int, int] = {c: n - 1 for c, n in covered.items() if n > 1}
        for td in tr:
            if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                continue
            while covered.get(len(cells)):
                cells.append("")
            colspan = _span(td.get("colspan"), _MAX_COLSPAN)
            rowspan = _span(td.get("rowspan"), _MAX_ROWSPAN)
            start = len(cells)
            budget.spend(colspan, where)
            cells.append(_cell_text(td, budget, where))
            cells.extend([""] * (colspan - 1))
            if rowspan > 1:
                below.update({c: rowspan - 1 for c in range(start, start + colspan)})
        reach = max(covered, default=-1) + 1  # rowspans from above past the row's own cells
        cells.extend([""] * (reach - len(cells)))
        budget.spend(len(cells), where)  # the cells under rowspans (spent twice: a bound is enough)
        grid.append(cells)
        covered = below
    width = max(map(len, grid), default=0)
    budget.spend(sum(width - len(cells) for cells in grid), where)
    return [cells + [""] * (width - len(cells)) for cells in grid]


def _span(value: str | None, limit: int) -> int:
    """A colspan/rowspan attribute as browsers read it: leading digits, 1 when missing or 0.

    >>> _span("3", 1000), _span(" 2px", 1000), _span(None, 1000), _span("0", 1000), _span("99999", 1000)
    (3, 2, 1, 1, 1000)
    """
    match = re.match(r"\s*(\d+)", value or "")
    return min(max(int(match.group(1)), 1), limit) if match else 1
