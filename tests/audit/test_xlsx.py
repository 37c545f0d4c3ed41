"""acnlp.audit.xlsx: the streaming writer's sheets read back as written, by openpyxl and by
LibreOffice (a real spreadsheet program opening the file, not a second look by the same parser)."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from acnlp.audit.xlsx import TEXT_STYLES, Workbook
from acnlp.errors import ReportError
from acnlp.io.libreoffice import convert_files

TEXTS = [
    "Проведено 2 навчання для 40 працівників; звіт — на сайті «ДМС».",
    "=HYPERLINK(\"http://example.com\",\"клік\")",
    '<r><t>x</t></r></is></c><c r="Z9"><f>1+1</f></c>',
    "a & b < c > d \"e\" 'f'",
    "_x0041_ stays as typed, and so does _x005F_",
    "рядок\nдругий рядок\tз табуляцією\rі поверненням",
    " пробіли по краях ",
]


def _write(path: Path) -> None:
    workbook = Workbook(path)
    sheet = workbook.add_sheet("rows & «таблиця»", [14, 70, 10])
    sheet.write_row([("text", 1), ("n", 1), ("flag", 1)])
    for number, text in enumerate(TEXTS, 1):
        sheet.write_row([(text, TEXT_STYLES[len(text) > 40, text.startswith("=")]), (number + 0.5, None), (number % 2 == 0, None)])
    sheet.add_list_validation(2, 2, len(TEXTS) + 1, ("так", "ні"), "flag", "Оберіть: так, ні")
    workbook.close()


def test_xlsx_reads_back_in_openpyxl_as_written(tmp_path: Path) -> None:
    _write(tmp_path / "t.xlsx")
    sheet = load_workbook(tmp_path / "t.xlsx")["rows & «таблиця»"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    # openpyxl reads a cell's XML as it stands, and so shows Excel's escapes of a carriage return
    # («_x000D_») and of a literal «_xHHHH_» («_x005F_» before it), which Excel and LibreOffice
    # read back as typed (as they did xlsxwriter's, which escaped the same)
    assert [row[0] for row in rows] == [text.replace("_x", "_x005F_x").replace("\r", "_x000D_") for text in TEXTS]
    assert [row[1] for row in rows] == [number + 0.5 for number in range(1, len(TEXTS) + 1)]
    assert [row[2] for row in rows] == [number % 2 == 0 for number in range(1, len(TEXTS) + 1)]
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix  # text, never a formula
    with zipfile.ZipFile(tmp_path / "t.xlsx") as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_xlsx_nothing_is_written_before_close_and_discard_leaves_nothing(tmp_path: Path) -> None:
    workbook = Workbook(tmp_path / "t.xlsx")
    sheet = workbook.add_sheet("rows", [10])
    sheet.write_row([("x", 2)])
    assert not (tmp_path / "t.xlsx").exists()
    folder = workbook._folder
    workbook.discard()
    assert not (tmp_path / "t.xlsx").exists() and folder is not None and not folder.exists()


def test_xlsx_libreoffice_opens_it_and_reads_the_same_cells(tmp_path: Path) -> None:
    _write(tmp_path / "t.xlsx")
    # CSV, comma-separated, quoted with '"', UTF-8 (76): what LibreOffice reads in each cell
    try:
        (converted,) = convert_files([tmp_path / "t.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path / "out")
    except ReportError:
        message = "LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run installs it, so CI must have it")
        pytest.skip(message)
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["text", "n", "flag"]
    # LibreOffice ends a line with \n where the cell had \r
    assert [row[0] for row in rows[1:]] == [text.replace("\r", "\n") for text in TEXTS]
    assert [float(row[1]) for row in rows[1:]] == [number + 0.5 for number in range(1, len(TEXTS) + 1)]
    assert [row[2] for row in rows[1:]] == ["TRUE" if number % 2 == 0 else "FALSE" for number in range(1, len(TEXTS) + 1)]
