"""The .xlsx reader against sheets past Excel's limits: coded errors before openpyxl loads them.

Workbooks are written by openpyxl, then one sheet's XML is rewritten the way a damaged or
hostile file has it (a row past 1,048,576, a declared dimension past XFD, a merged range over
the whole sheet).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io import xlsx as xlsx_reader
from acnlp.io.limits import ReadLimits

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path: Path, rows: int = 3) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for number in range(1, rows + 1):
        sheet.append([f"{number}.", "Проведення навчання", "Грудень", "Сектор", "Виконано"])
    sheet.merge_cells("A10:B11")
    workbook.save(path)
    return path


def _rewrite(path: Path, transform) -> Path:
    """Rewrite the first sheet's XML with ``transform(bytes) -> bytes``, keeping every other member."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    rewritten = transform(members[SHEET])
    assert rewritten != members[SHEET]
    members[SHEET] = rewritten
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _read_error(path: Path, limits: ReadLimits | None = None) -> ReportError:
    with pytest.raises(ReportError) as error:
        read_report(path, limits) if limits else read_report(path)
    return error.value


def test_xlsx_a_row_past_the_sheet_limit_is_a_coded_error(tmp_path):
    path = _rewrite(_workbook(tmp_path / "r.xlsx"), lambda xml: xml.replace(b'<row r="4"', b'<row r="1048577"').replace(b'r="A4"', b'r="A1048577"'))
    error = _read_error(path)
    assert error.code == "E015" and f"{path}: {SHEET}: row 1,048,577 lies beyond Excel's sheet limits" in str(error)


def test_xlsx_over_a_million_rows_without_numbers_is_a_coded_error(tmp_path):
    rows = b"<row><c><v>1</v></c></row>" * 1_048_577

    def many_rows(xml: bytes) -> bytes:
        start, end = xml.index(b"<sheetData>") + len(b"<sheetData>"), xml.index(b"</sheetData>")
        return xml[:start] + rows + xml[end:]

    path = _rewrite(_workbook(tmp_path / "big.xlsx"), many_rows)
    # with the default limits the packing ratio or the element count stops it first; past
    # those, the row count does
    assert _read_error(path).code in ("E013", "E014")
    error = _read_error(path, ReadLimits(max_xml_nodes=10**8, max_compression_ratio=10_000))
    assert error.code == "E015" and "row 1,048,577 lies beyond" in str(error)


@pytest.mark.parametrize(
    "old,new,where",
    [
        (b'<dimension ref="A1:E11"/>', b'<dimension ref="A1:XFE11"/>', "the dimension A1:XFE11"),
        (b'<mergeCell ref="A10:B11"/>', b'<mergeCell ref="A10:B1048580"/>', "the mergeCell A10:B1048580"),
        (b'<mergeCell ref="A10:B11"/>', b'<mergeCell ref="A10:B99999999999"/>', "the mergeCell A10:B99999999999"),
        (b'<mergeCell ref="A10:B11"/>', b'<mergeCell ref="A10:ZZZZZZ11"/>', "the mergeCell A10:ZZZZZZ11"),
    ],
    ids=["dimension", "merged-range", "merged-range-far-rows", "merged-range-far-columns"],
)
def test_xlsx_references_past_the_sheet_limits_are_coded_errors(tmp_path, old, new, where):
    path = _rewrite(_workbook(tmp_path / "r.xlsx"), lambda xml: xml.replace(old, new))
    error = _read_error(path)
    assert error.code == "E015" and f"{SHEET}: {where} lies beyond" in str(error)


def test_xlsx_a_cell_past_the_sheet_limits_is_a_coded_error(tmp_path):
    path = _rewrite(_workbook(tmp_path / "r.xlsx"), lambda xml: xml.replace(b'r="E4"', b'r="AAAA4"'))
    error = _read_error(path)
    assert error.code == "E004" and str(error).startswith(f"[E004] {path}: the .xlsx file could not be opened")


@pytest.mark.parametrize(
    "element",
    [
        b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        b'<hyperlinks><hyperlink ref="A1:XFD1048576" location="A1"/></hyperlinks>',
        # a prefix bound to the same namespace: the same element to any XML parser
        b'<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><x:mergeCell ref="A1:XFD1048576"/></x:mergeCells>',
    ],
    ids=["merged", "hyperlink", "merged-with-a-prefix"],
)
def test_xlsx_a_range_over_the_whole_sheet_is_refused_before_openpyxl_fills_it(tmp_path, element):
    def whole_sheet(xml: bytes) -> bytes:
        xml = re.sub(rb"<mergeCells.*?</mergeCells>", b"", xml)
        return xml.replace(b"</sheetData>", b"</sheetData>" + element)

    error = _read_error(_rewrite(_workbook(tmp_path / "r.xlsx"), whole_sheet))
    assert error.code == "E014" and "merged, hyperlinked and commented ranges cover more than 2,000,000 cells" in str(error)


def test_xlsx_a_stray_cell_far_away_keeps_every_row_without_walking_the_sheet(tmp_path):
    path = _workbook(tmp_path / "r.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook.active["XFD1048576"] = "підпис"
    workbook.save(path)
    rows = xlsx_reader.read_rows(str(path), path.read_bytes())
    assert [row.lines[0] for row in rows] == [1, 2, 3, 4, 1048576]
    assert all(len(row.cells) == 16384 for row in rows)
    assert rows[1].cells[:5] == ["1.", "Проведення навчання", "Грудень", "Сектор", "Виконано"]
    assert rows[-1].cells[-1] == "підпис" and not any(rows[-1].cells[:-1])


def test_xlsx_cells_past_the_cell_budget_are_a_coded_error(tmp_path):
    path = _workbook(tmp_path / "r.xlsx", rows=50)
    with pytest.raises(ReportError, match=r"\[E014\] .*r.xlsx: sheet 1: the tables would hold more than 100 cells"):
        xlsx_reader.read_rows(str(path), path.read_bytes(), ReadLimits(max_cells=100))


def test_xlsx_shared_strings_repeating_a_long_text_are_checked_once_read(tmp_path):
    # A sheet's cells may all point at one shared string: openpyxl gives each the same object,
    # so reading costs a reference a cell, but the rows would carry the text over and over
    # (200 rows x 2 cells x 105,000 characters: 42 million from a 10 kB file).
    status = "Проведено перевірку. " * 5000
    shared = "".join(f"<si><t>{text}</t></si>" for text in [*HEADER, status])
    sst = f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{shared}</sst>'
    header = "".join(f'<c r="{column}1" t="s"><v>{index}</v></c>' for index, column in enumerate("ABCDE"))
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n - 1}</v></c><c r="B{n}" t="s"><v>5</v></c><c r="E{n}" t="s"><v>5</v></c></row>' for n in range(2, 202))
    sheet = f'<sheetData><row r="1">{header}</row>{rows}</sheetData>'.encode()
    path = _rewrite(_workbook(tmp_path / "shared.xlsx"), lambda xml: re.sub(rb"<sheetData>.*</mergeCells>", sheet, xml, flags=re.S))
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["xl/sharedStrings.xml"] = sst.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert path.stat().st_size < 20_000
    rows_read = xlsx_reader.read_rows(str(path), path.read_bytes())
    assert sum(cell is rows_read[1].cells[1] for row in rows_read for cell in row.cells) == 400  # one string, 400 cells
    error = _read_error(path)
    assert error.code == "E078" and f"{path}: table 1, row 161: the row's 210,003 characters would bring the text read to 33,600,434 characters" in str(error)
    assert len(read_report(path, ReadLimits(max_text_chars=50_000_000)).rows) == 200
