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
zip that is not one (`E.CORRUPT_OFFICE`), an empty file (`E.EMPTY_FILE`).
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
import zlib

import openpyxl
from lxml import etree
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import E, ReportError
from .grid import RawRow
from .office import require_zip

_KIND = ".xlsx"
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)


def read_rows(path: str, data: bytes) -> list[RawRow]:
    """Raw rows of every worksheet, in order, with merged ranges given once."""
    workbook = _open(path, data)
    rows: list[RawRow] = []
    for number, sheet in enumerate(workbook.worksheets, start=1):
        sheet_rows = _sheet_rows(sheet, number)
        if sheet_rows and rows:
            sheet_rows[0].after_break = True
        rows.extend(sheet_rows)
    return rows


def _open(path: str, data: bytes) -> openpyxl.Workbook:
    require_zip(path, data, _KIND)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about every unsupported extension (data validation, conditional
            # formatting, ...); none of them matters for the cell values.
            warnings.simplefilter("ignore")
            # Not read_only: only the full mode knows the merged ranges.
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    # openpyxl lets zip, deflate, XML and missing-part errors through as they come;
    # NotImplementedError and RuntimeError are zipfile's answers to encrypted or exotic archives.
    except (InvalidFileException, *_BROKEN_ZIP, KeyError, ValueError, TypeError, etree.LxmlError) as exc:
        reason = str(exc) or type(exc).__name__
        if isinstance(exc, KeyError):
            reason = f"the zip archive is not an Excel workbook ({exc.args[0] if exc.args else exc})"
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=_KIND, reason=reason) from None


def _sheet_rows(sheet: Worksheet, table: int) -> list[RawRow]:
    found: list[tuple[int, list[str]]] = []
    for row in sheet.iter_rows():
        # Merged cells other than the top-left one are MergedCell objects with value None.
        cells = [_display(cell.value, cell.number_format) for cell in row]
        if any(c.strip() for c in cells):
            found.append((row[0].row, cells))
    width = max((max(i for i, c in enumerate(cells) if c.strip()) + 1 for _, cells in found), default=0)
    return [RawRow(cells=cells[:width], lines=(number,), table=table) for number, cells in found]


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
