"""Read an Excel .xlsx/.xlsm report into raw rows, sheet by sheet.

What this reader guarantees:

* Every worksheet in workbook order is a table (``table`` = 1-based sheet number, counting
  every worksheet, hidden ones included); one `RawRow` per sheet row that has any value.
  Rows whose cells are all empty are dropped, but ``lines`` keeps each row's own sheet row
  number. Empty columns after the last filled one are dropped; every row of a sheet has the
  same number of cells, starting at column A.
* A merged range gives its value once, in its top-left cell; the other cells are ``""``.
* Values read as Excel shows them in the common cases: formulas give their last computed
  value, whole numbers have no ``.0``, dates are ``DD.MM.YYYY``, percentages end in ``%``,
  line breaks inside a cell are ``"\\n"``.
* ``after_break`` is True on the first row of every sheet after the first sheet with rows.

Bad input raises `ReportError`: not a zip archive (`E.NOT_A_ZIP`), a damaged workbook or a
zip that is not one (`E.CORRUPT_OFFICE`), an empty file (`E.EMPTY_FILE`). Before openpyxl
sees the file, `acnlp.io.office.check_archive` holds it to the `acnlp.io.limits.ReadLimits`
(`E.TOO_LARGE`, `E.TOO_COMPLEX`, `E.XML_DOCTYPE`), and the sheets' XML is scanned for rows,
cells, a declared dimension or ranges beyond Excel's limits (`E.SHEET_LIMITS`) and for merged,
hyperlinked and commented ranges covering more than ``max_cells`` cells (openpyxl makes an
object of each cell they cover), in either namespace form (``<mergeCell>``, ``<x:mergeCell>``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings

import openpyxl
from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import E, ReportError
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits
from .office import BROKEN_ZIP, check_archive

_KIND = ".xlsx"
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # Excel's sheet limits; openpyxl refuses past them
# Tags as they stand in a sheet's XML: unprefixed as Excel, LibreOffice and openpyxl write
# them (patterns that open with a literal are searched fast), or with a namespace prefix.
_PLAIN, _PREFIXED = rb"<", rb"<[\w.-]+:"
_PATTERNS = {
    prefix: (
        re.compile(prefix + rb"row[\s/>]"),
        re.compile(prefix + rb"""row\s[^>]*?\br=["'](\d{7,})"""),  # only 7 digits can pass 1,048,576
        re.compile(prefix + rb"""(dimension|mergeCell|hyperlink|comment)\s[^>]*?\bref=["']([^"']*)"""),
    )
    for prefix in (_PLAIN, _PREFIXED)
}
#: Ranges openpyxl fills cell by cell when it loads a workbook (a comment's ref is one cell,
#: but a range there is filled too).
_FILLED = frozenset({"mergeCell", "hyperlink", "comment"})
_TAGS = (b"row", b"dimension", b"mergeCell", b"hyperlink", b"comment")
_REF = re.compile(r"^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$")


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of every worksheet, in order, with merged ranges given once."""
    workbook = _open(path, data, limits)
    budget = CellBudget(path, limits)
    rows: list[RawRow] = []
    for number, sheet in enumerate(workbook.worksheets, start=1):
        sheet_rows = _sheet_rows(sheet, number, budget)
        if sheet_rows and rows:
            sheet_rows[0].after_break = True
        rows.extend(sheet_rows)
    return rows


class _SheetScan:
    """Watches the sheets' XML go by (`check_archive`) for what openpyxl would choke on."""

    def __init__(self, path: str, limits: ReadLimits) -> None:
        self.path, self.limits = path, limits
        self.rows: dict[str, int] = {}  # part -> <row> tags seen
        self.filled = 0  # cells covered by merged, hyperlinked and commented ranges

    def __call__(self, part: str, piece: bytes) -> None:
        if not part.startswith("xl/"):
            return
        sheet = part.startswith("xl/worksheets/")
        # A cell's own reference past the limits is openpyxl's ValueError, reported as E004.
        prefixed = any(b":" + tag in piece for tag in _TAGS)  # `in` is fast; the prefixed patterns are not
        for prefix in (_PLAIN, _PREFIXED) if prefixed else (_PLAIN,):
            rows, row_numbers, ranges = _PATTERNS[prefix]
            if sheet:
                self.rows[part] = self.rows.get(part, 0) + len(rows.findall(piece))
                if self.rows[part] > MAX_ROWS:
                    self.beyond(part, f"row {self.rows[part]:,}")
                for number in row_numbers.findall(piece):
                    if int(number) > MAX_ROWS:
                        self.beyond(part, f"row {int(number):,}")
            for tag, ref in ranges.findall(piece):
                self.check_range(part, tag.decode("ascii"), ref.decode("ascii", "replace"))

    def check_range(self, part: str, tag: str, ref: str) -> None:
        match = _REF.match(ref.strip())
        if not match:
            return  # openpyxl judges malformed references itself
        first_column, first_row = _column(match.group(1)), int(match.group(2))
        last_column, last_row = _column(match.group(3) or match.group(1)), int(match.group(4) or match.group(2))
        for letters, row in ((match.group(1), first_row), (match.group(3) or match.group(1), last_row)):
            self.check_cell(part, letters, row, f"the {tag} {ref}")
        if tag in _FILLED:
            self.filled += (abs(last_row - first_row) + 1) * (abs(last_column - first_column) + 1)
            if self.filled > self.limits.max_cells:
                what = f"merged, hyperlinked and commented ranges cover more than {self.limits.max_cells:,} cells"
                raise ReportError(E.TOO_COMPLEX, path=self.path, where=part, what=what, option="max_cells")

    def check_cell(self, part: str, letters: str, row: int, what: str = "") -> None:
        if row > MAX_ROWS or row < 1 or _column(letters) > MAX_COLUMNS:
            self.beyond(part, what or f"cell {letters}{row}")

    def beyond(self, part: str, what: str) -> None:
        raise ReportError(E.SHEET_LIMITS, path=self.path, part=part, what=what)


def _column(letters: str) -> int:
    """
    >>> _column("A"), _column("xfd"), _column("XFE")
    (1, 16384, 16385)
    """
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _open(path: str, data: bytes, limits: ReadLimits) -> openpyxl.Workbook:
    check_archive(path, data, _KIND, limits, watch=_SheetScan(path, limits))
    try:
        with warnings.catch_warnings():
            # openpyxl warns about every unsupported extension (data validation, conditional
            # formatting, ...); none of them matters for the cell values.
            warnings.simplefilter("ignore")
            # Not read_only: only the full mode knows the merged ranges.
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    # openpyxl lets zip, deflate, XML and missing-part errors through as they come;
    # NotImplementedError and RuntimeError are zipfile's answers to encrypted or exotic archives.
    except (InvalidFileException, *BROKEN_ZIP, KeyError, ValueError, TypeError, etree.LxmlError) as exc:
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, KeyError):
            reason = f"the zip archive is not an Excel workbook ({exc.args[0] if exc.args else exc})"
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason=reason) from None


def _sheet_rows(sheet: Worksheet, table: int, budget: CellBudget) -> list[RawRow]:
    # The cells the sheet holds, not iter_rows(): that walks (and creates) every cell of the
    # bounding box, billions for one stray cell at XFD1048576. Merged cells other than the
    # top-left one are MergedCell objects with value None.
    texts: dict[int, dict[int, str]] = {}
    for (row, column), cell in sheet._cells.items():
        text = _display(cell.value, getattr(cell, "number_format", None))
        if text:
            texts.setdefault(row, {})[column] = text
    filled = {row: [c for c, text in columns.items() if text.strip()] for row, columns in texts.items()}
    width = max((max(columns) for columns in filled.values() if columns), default=0)
    rows = []
    for number in sorted(row for row, columns in filled.items() if columns):
        budget.spend(width, f"sheet {table}")
        rows.append(RawRow(cells=[texts[number].get(c, "") for c in range(1, width + 1)], lines=(number,), table=table))
    return rows


def _display(value: object, number_format: str | None = "General") -> str:
    """A cell value as Excel would show it, near enough for reading a report.

    >>> _display(3.0), _display(2.5), _display(dt.datetime(2019, 12, 31)), _display(0.75, "0%")
    ('3', '2.5', '31.12.2019', '75%')
    >>> _display("Виконано\\r\\nчастково"), _display(None)
    ('Виконано\\nчастково', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d.%m.%Y")
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (int, float)):
        if number_format and number_format.endswith("%"):
            return _number(value * 100) + "%"
        return _number(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def _number(value: float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    # 15 significant digits, as Excel shows, hides binary noise such as 0.30000000000000004.
    return format(value, ".15g") if isinstance(value, float) else str(value)
