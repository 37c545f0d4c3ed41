"""A streaming XLSX writer for the audit's sheets: rows of text, numbers and booleans under a
bold, frozen header, with column widths and list drop-downs.

Why not xlsxwriter: in its constant-memory mode it spent about 7 µs on every cell (a quarter of
an 18,000-row audit), most of it general machinery these sheets never use. Here a row is one
string of XML built from precomputed cell references and six fixed styles, appended to a
temporary file per sheet; `Workbook.close` zips the sheets with the few fixed parts around them.
Memory does not grow with the rows.

Text is always an inline string, so nothing in a report ever becomes a formula, and it is
escaped as Excel reads it back: XML's ``& < >``, control characters as ``_xHHHH_`` and a
literal ``_xHHHH_`` with its underscore escaped (as xlsxwriter does). ``tests/audit`` reads
every sheet back with openpyxl, and through LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Optional

#: The cell styles, by their place in ``styles.xml``: a header cell, and a text cell (top-aligned)
#: wrapped or not, quote-prefixed or not (Excel's mark for text that would read as a formula).
HEADER_STYLE = 1
TEXT_STYLES = {(False, False): 2, (True, False): 3, (False, True): 4, (True, True): 5}

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)

_ESCAPED_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_XML_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;"})


def excel_text(text: str) -> str:
    """``text`` as a cell's XML content: escaped for XML and for Excel's ``_xHHHH_`` codes.

    >>> excel_text("a < b & \\r _x0041_")
    'a &lt; b &amp; _x000D_ _x005F_x0041_'
    """
    if "_x" in text:
        text = _ESCAPED_ESCAPE.sub(r"_x005F\1", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)
    return text.translate(_XML_TEXT)


def _attribute(text: str) -> str:
    return text.translate(_XML_ATTRIBUTE)


def column_letters(index: int) -> str:
    """Excel's letters of the 0-based column ``index``.

    >>> column_letters(0), column_letters(25), column_letters(26), column_letters(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def excel_width(characters: float) -> float:
    """The stored width of a column ``characters`` wide, as Excel (and xlsxwriter) compute it:
    whole pixels of a 7-pixel digit plus 5 of padding, in 256ths of a digit.

    >>> excel_width(14), excel_width(70)
    (14.7109375, 70.7109375)
    """
    pixels = int(characters * 7 + 0.5) + 5
    return (pixels * 256 // 7) / 256


class Sheet:
    """One worksheet, written a row at a time to a temporary file (see `Workbook.add_sheet`)."""

    def __init__(self, title: str, widths: Sequence[float], stream: IO[str]) -> None:
        #: Where the rows go: the sheet's temporary file, which `Workbook.close` zips.
        self.title, self.widths, self.stream = title, list(widths), stream
        self._letters = [column_letters(i) for i in range(len(self.widths))]
        self.rows = 0
        self.validations: list[tuple[str, Sequence[str], str, str]] = []

    def write_row(self, cells: Sequence[tuple[Any, Optional[int]]]) -> None:
        """Write the next row: each cell ``(value, style)``, in column order; ``None`` (or ``""``)
        leaves it empty. Text takes the style given; booleans and numbers (finite ones: `RowSheet`
        writes any other as text) the default."""
        self.rows += 1
        number = self.rows
        parts = [f'<row r="{number}">']
        for letter, (value, style) in zip(self._letters, cells):
            if value is None or value == "":
                continue
            if value is True or value is False:
                parts.append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
            else:
                parts.append(f'<c r="{letter}{number}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{excel_text(value)}</t></is></c>')
        parts.append("</row>")
        self.stream.write("".join(parts))

    def add_list_validation(self, column: int, first_row: int, last_row: int, values: Sequence[str], title: str, message: str) -> None:
        """A drop-down of ``values`` over rows ``first_row`` to ``last_row`` (1-based) of ``column``
        (0-based): Excel and LibreOffice show the values and refuse others; the cell may stay empty."""
        letter = self._letters[column]
        cells = f"{letter}{first_row}" if first_row == last_row else f"{letter}{first_row}:{letter}{last_row}"
        self.validations.append((cells, values, title, message))

    def xml_head(self) -> str:
        """The sheet's XML before its rows."""
        columns = "".join(f'<col min="{i}" max="{i}" width="{excel_width(width):.16g}" customWidth="1"/>' for i, width in enumerate(self.widths, 1))
        return (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
                '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols><sheetData>')  # fmt: skip

    def xml_tail(self) -> str:
        """The sheet's XML after its rows."""
        checks = "".join(
            f'<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="{_attribute(title[:32])}" '
            f'error="{_attribute(message[:255])}" sqref="{cells}"><formula1>"{",".join(values).translate(_XML_TEXT)}"</formula1></dataValidation>'
            for cells, values, title, message in self.validations
        )
        validations = f'<dataValidations count="{len(self.validations)}">{checks}</dataValidations>' if checks else ""
        return f'</sheetData>{validations}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


class Workbook:
    """An XLSX file written sheet by sheet, row by row, and saved to ``path`` by `close`.

    Nothing is written at ``path`` before `close`; `discard` drops the temporary files of a
    workbook that will not be saved.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.sheets: list[Sheet] = []
        self._folder: Optional[Path] = None

    def add_sheet(self, title: str, widths: Sequence[float]) -> Sheet:
        """A new sheet named ``title`` (at most 31 characters, as Excel allows), its columns
        ``widths`` characters wide."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="acnlp-xlsx-"))
        stream = (self._folder / f"sheet{len(self.sheets) + 1}.xml").open("w", encoding="utf-8")
        sheet = Sheet(title[:31], widths, stream)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        """Zip the sheets, with the workbook's fixed parts, into ``path``."""
        try:
            for sheet in self.sheets:
                sheet.stream.close()
            with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as package:
                for name, text in self._parts().items():
                    package.writestr(name, text)
                for number, sheet in enumerate(self.sheets, 1):
                    with package.open(f"xl/worksheets/sheet{number}.xml", "w") as target, open(sheet.stream.name, "rb") as rows:
                        target.write(sheet.xml_head().encode("utf-8"))
                        shutil.copyfileobj(rows, target, 1 << 20)
                        target.write(sheet.xml_tail().encode("utf-8"))
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary files (after `close`, or instead of it)."""
        for sheet in self.sheets:
            sheet.stream.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def _parts(self) -> dict[str, str]:
        count = len(self.sheets)
        sheets = "".join(f'<sheet name="{_attribute(s.title)}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(self.sheets, 1))
        sheet_relations = "".join(f'<Relationship Id="rId{i}" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                                  for i in range(1, count + 1))
        sheet_types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                              for i in range(1, count + 1))
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return {
            "[Content_Types].xml": (
                f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                f'{sheet_types}'
                '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                '</Types>'
            ),
            "_rels/.rels": (
                f'{_XML}<Relationships xmlns="{_PACKAGE}">'
                f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/>'
                '</Relationships>'
            ),
            "docProps/app.xml": (
                f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                '<Application>acnlp</Application></Properties>'
            ),
            "docProps/core.xml": (
                f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
            ),
            "xl/workbook.xml": (
                f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
                f'<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                f'{_XML}<Relationships xmlns="{_PACKAGE}">{sheet_relations}'
                f'<Relationship Id="rId{count + 1}" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>'
            ),
            "xl/styles.xml": _STYLES,
        }
