"""From raw rows to a `Report`: header, sections, measure rows and rows split by page breaks.

Shared by every format, so a .docx and its text export give the same rows. The rules:

* The first row that looks like a header (`acnlp.io.columns`: short cells that name the
  columns, the measure and the status among them, and no measure number) is the header; what
  stands above it is the title. Repeated headers and the ``1 2 3 4 5`` numbering row are
  skipped. A row that only looks somewhat like a header (a column word in an answer) is an
  ordinary row: it never fails the file.
* A row with a single filled cell in the first column that is not a row number is a section
  heading (``1. Управління персоналом``, ``<i>1. Створення ...</i>``, ``Додаток 2 ...``).
  Headings after the last measure row are the footer (signatures).
* A row right after a page break (a blank line, a dashed rule, a new table, a repeated
  header), with an empty № and a measure cell that is empty or goes on
  in lower case without a ``1)`` sub-number, continues the row before it: its cells are
  appended to that row's cells. At the top of a PDF page, a row with an empty № continues
  the row before it whatever its measure's first letter when its deadline is empty, or,
  below a page full to its foot (the reader's ``follows_full_page``), when half its cells are
  empty or open with neither a capital letter nor a number.
* Every other non-blank row is a measure row, including rows with an empty № under a numbered
  risk and rows whose status is empty. Nothing else is dropped.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from ..errors import E, ReportError
from ..normalize import normalize
from ..report import Report, Row, Source
from .columns import ROLES, header_columns, is_numbering_row
from .grid import RawRow
from .text import ROW_NUMBER

_SUB_NUMBER = re.compile(r"^\s*(\d{1,2}\))\s*")
_HEADING_PREFIX = re.compile(r"^\s*(?:[IVXІ]+\.|\d{1,2}\.\s|розділ|додаток)", re.IGNORECASE)


@dataclass
class _PendingRow:
    cells: list[str]
    raw: RawRow
    lines: list[int] = field(default_factory=list)
    tables: list[int | None] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _join_pieces(first: str, second: str) -> str:
    """Join the two halves of a cell split by a page break.

    >>> _join_pieces("ресурсно-", "господарського")
    'ресурсно-господарського'
    >>> _join_pieces("Закону України «Про", "адміністративні послуги»")
    'Закону України «Про адміністративні послуги»'
    """
    if not first.strip():
        return second.strip()
    if not second.strip():
        return first.rstrip()
    first = first.rstrip()
    if len(first) >= 2 and first[-1] == "-" and first[-2].isalpha():
        return first + second.lstrip()
    return first + " " + second.lstrip()


def _is_heading(raw: RawRow, columns: dict[str, int]) -> bool:
    filled = raw.filled
    if filled != [0]:
        return False
    text = raw.cells[0]
    if ROW_NUMBER.match(text):
        return False
    return columns.get("number") == 0 or len(raw.cells) == 1 or bool(_HEADING_PREFIX.match(text))


def _continues(raw: RawRow, columns: dict[str, int], after_break: bool, full_page: bool = False) -> bool:
    if not after_break or _cell(raw.cells, columns.get("number")).strip():
        return False
    measure = normalize(_cell(raw.cells, columns.get("measure")))
    if not measure:
        return True
    if _SUB_NUMBER.match(measure):
        return False
    # A PDF page breaks wherever the layout filled it, so the measure goes on at the next
    # page's top with whatever word comes next («України», «ДМС»). A new measure there has
    # its own deadline; below a full page, so do its cells open with a capital letter or a
    # number, where the rest of a cut row has cells empty or going on mid-sentence.
    if raw.page is not None and "deadline" in columns:
        if not _cell(raw.cells, columns["deadline"]).strip():
            return True
        cells = [normalize(_cell(raw.cells, columns.get(role))) for role in ("measure", "deadline", "responsible", "status")]
        if full_page and 2 * sum(1 for cell in cells if not cell[:1].isupper() and not cell[:1].isdigit()) >= len(cells):
            return True
    return next((ch for ch in measure if ch.isalpha()), "").islower()


def _complete(columns: dict[str, int] | None) -> bool:
    return bool(columns) and "status" in columns and "measure" in columns  # type: ignore[operator]


def _repeats_header(raw: RawRow, header_table: int | None, names: list[str]) -> bool:
    """A header-like row is a header again when it opens a new table, or repeats the header's words.

    Inside one table, a header comes back only as a copy of itself (Word repeats it on every
    page); an ordinary row that happens to be made of column words is still a measure row.
    """
    if raw.table != header_table:
        return True
    known = {n.lower() for n in names if n}
    filled = [normalize(c).lower() for c in raw.cells if c.strip()]
    return 2 * sum(1 for c in filled if c in known) >= len(filled)


def _header_error(path: str, raw: RawRow, columns: dict[str, int]) -> None:
    found = ", ".join(f"«{normalize(c)}»" for c in raw.cells if c.strip())
    pages = (raw.page,) if raw.page is not None else ()
    where = Source(path, raw.table, raw.lines, pages=pages).describe().removeprefix(path + ", ")
    if "status" not in columns:
        raise ReportError(E.NO_STATUS_COLUMN, path=path, where=where, found=found)
    if "measure" not in columns:
        raise ReportError(E.NO_MEASURE_COLUMN, path=path, where=where, found=found)


def _header(path: str, raw_rows: list[RawRow]) -> tuple[int, dict[str, int]]:
    """Where the header row is, and its columns; a report with no usable header fails here.

    The first row naming both the measure and the status is the header; a header-like row
    above it (a title line with two column words) is title, and fails the file only when no
    better header follows. The rows after the header are not looked at.
    """
    fallback = None
    for i, raw in enumerate(raw_rows):
        columns = header_columns(raw.cells)
        if columns and _complete(columns):
            header_at = i
            break
        if columns and fallback is None:
            fallback = i
    else:
        if fallback is None:
            raise ReportError(E.NO_TABLE, path=path)
        header_at = fallback
        columns = header_columns(raw_rows[header_at].cells) or {}
    _header_error(path, raw_rows[header_at], columns)
    return header_at, columns


def _title(raw_rows: list[RawRow], header_at: int) -> str:
    return "\n".join(normalize(" ".join(r.cells)) for r in raw_rows[:header_at] if not r.is_blank())


def report_title(path: str, raw_rows: list[RawRow]) -> str:
    """The title `assemble` gives the same rows, without assembling them (what planning a
    series needs of each input); fails as `assemble` does when the rows have no usable header."""
    return _title(raw_rows, _header(path, raw_rows)[0])


def assemble(path: str, format: str, raw_rows: list[RawRow]) -> Report:
    """Build the `Report` of one file from its raw rows (see the module docstring for the rules)."""
    header_at, columns = _header(path, raw_rows)
    names = [normalize(c) for c in raw_rows[header_at].cells]
    header_table = raw_rows[header_at].table
    title = _title(raw_rows, header_at)

    pending: list[_PendingRow] = []
    rows: list[Row] = []
    sections: list[str] = []
    headings: list[str] = []  # headings seen since the last measure row
    section: str | None = None

    def flush() -> None:
        for p in pending:
            rows.append(_make_row(path, len(rows) + 1, section, p, columns, names))
        pending.clear()

    after_break = full_page = False  # a break before skipped rows still stands before the next real one
    for raw in raw_rows[header_at + 1 :]:
        after_break = after_break or raw.after_break
        full_page = full_page or raw.follows_full_page
        if raw.is_blank() or is_numbering_row(raw.cells):
            continue
        new_columns = header_columns(raw.cells)
        if _complete(new_columns) and _repeats_header(raw, header_table, names):
            # A header repeated on a new page: what follows it may continue the last row.
            _header_error(path, raw, new_columns)
            columns = new_columns  # type: ignore[assignment]
            names = [normalize(c) for c in raw.cells]
            header_table = raw.table
            after_break = True
            continue
        broken, after_break = after_break, False
        cut, full_page = full_page, False
        if _is_heading(raw, columns):
            headings.append(normalize(raw.cells[0]))
            continue
        if pending and not headings and _continues(raw, columns, broken, cut):
            last = pending[-1]
            width = max(len(last.cells), len(raw.cells))
            last.cells = [_join_pieces(_cell(last.cells, i), _cell(raw.cells, i)) for i in range(width)]
            last.lines.extend(raw.lines)
            last.tables.extend(raw.table for _ in raw.lines)
            last.pages.extend(raw.page for _ in raw.lines if raw.page is not None)
            continue
        flush()
        if headings:
            section = headings[-1]
            sections.extend(headings)
            headings.clear()
        pending.append(
            _PendingRow(
                cells=list(raw.cells), raw=raw, lines=list(raw.lines), tables=[raw.table for _ in raw.lines],
                pages=[raw.page for _ in raw.lines if raw.page is not None],
            )
        )
    flush()
    if not rows:
        raise ReportError(E.NO_ROWS, path=path)
    return Report(
        path=path,
        format=format,
        rows=tuple(rows),
        title=title,
        footer="\n".join(headings),
        sections=tuple(sections),
        columns=tuple(n for n in names if n),
    )


#: Cells up to this long are interned (`_shared`); a longer one is rarely repeated word for word.
SHARED_CELL_CHARS = 200


def _shared(text: str) -> str:
    return sys.intern(text) if len(text) <= SHARED_CELL_CHARS else text


def _make_row(
    path: str, index: int, section: str | None, pending: _PendingRow, columns: dict[str, int], names: list[str]
) -> Row:
    cells = pending.cells
    measure = _cell(cells, columns.get("measure")).strip()
    sub_number = ""
    match = _SUB_NUMBER.match(measure)
    if match:
        sub_number, measure = match.group(1), measure[match.end() :]
    known = {columns[r] for r in ROLES if r in columns}
    extra = {
        (_cell(names, i) or f"column {i + 1}"): c.strip() for i, c in enumerate(cells) if i not in known and c.strip()
    }
    return Row(
        index=index,
        section=section,
        number=_cell(cells, columns.get("number")).strip(),
        sub_number=sub_number,
        # A report repeats its deadlines, responsible units and short answers («Виконано»,
        # «Постійно», «Скарг не надходило») row after row: one string for each while the report
        # is held, not one a row.
        measure=_shared(measure),
        deadline=_shared(_cell(cells, columns.get("deadline")).strip()),
        responsible=_shared(_cell(cells, columns.get("responsible")).strip()),
        status=_shared(_cell(cells, columns.get("status")).strip()),
        source=Source(path, pending.raw.table, tuple(pending.lines), tuple(pending.tables), tuple(pending.pages)),
        extra=extra,
    )
