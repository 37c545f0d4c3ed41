"""The .docx, .xlsx, .csv and .html readers, on small reports built here in ``tmp_path``.

Every fixture is written fresh by python-docx, openpyxl or as text, shaped like the seed
reports: a title, a header row, the ``1 2 3 4 5`` numbering row, section rows merged across
the table, a measure whose № is merged over several rows, a table split over two pages.
The tests check the raw rows only; finding headers and measures is the assembler's job.
"""

from __future__ import annotations

import codecs
import datetime as dt
import random
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from acnlp.errors import ReportError
from acnlp.io import delimited, htmltable
from acnlp.io import docx as docx_reader
from acnlp.io import xlsx as xlsx_reader
from acnlp.io.grid import RawRow

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
TITLE = "ЗВІТНА ІНФОРМАЦІЯ про виконання Антикорупційної програми на 2019 рік"
SECTION = "1. Управління персоналом"
MEASURE = "Проведення перевірок осіб, які вчинили корупційні або пов'язані з корупцією правопорушення"
STATUS = "Проводиться роз’яснювальна робота; вимоги щодо зв\u02bcязку дотримано"


def _read(reader, tmp_path: Path, name: str, data: bytes) -> list[RawRow]:
    path = tmp_path / name
    path.write_bytes(data)
    return reader.read_rows(str(path), path.read_bytes())


def _cells(rows: list[RawRow]) -> list[list[str]]:
    return [row.cells for row in rows]


# --- .docx -----------------------------------------------------------------------------------


def _fill(table, values: list[list[str]]) -> None:
    for row, texts in zip(table.rows, values):
        for cell, text in zip(row.cells, texts):
            cell.text = text


def _report_docx(tmp_path: Path) -> bytes:
    """Title, table 1 (header, numbering, merged section, a measure with № merged over 3 rows),
    its page-split continuation as table 2 with a repeated header, then a heading and table 3."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("")  # empty paragraphs are not rows
    first = document.add_table(rows=6, cols=5)
    _fill(first, [HEADER, ["1", "2", "3", "4", "5"]])
    first.cell(2, 0).merge(first.cell(2, 4)).text = SECTION
    number = first.cell(3, 0).merge(first.cell(5, 0))
    number.text = "1.1."
    for column, text in enumerate([MEASURE, "Постійно", "Сектор", STATUS], start=1):
        first.cell(3, column).text = text
    first.cell(4, 1).text = "Організація навчання"
    first.cell(5, 1).text = "Внесення змін до положень"
    status = first.cell(4, 4)
    status.text = "Виконано."
    status.add_paragraph("Навчання проведено 12.03.2019.")
    document.add_paragraph("")
    second = document.add_table(rows=2, cols=5)
    _fill(second, [HEADER, ["", "та структурних підрозділів", "", "", "продовження тексту"]])
    document.add_paragraph("2. Управління фінансами")
    third = document.add_table(rows=1, cols=5)
    _fill(third, [["2.1", "Моніторинг закупівель", "Грудень 2019 року", "УФ", "Виконано"]])
    path = tmp_path / "report.docx"
    document.save(str(path))
    return path.read_bytes()


def test_docx_rows_in_document_order(tmp_path):
    rows = _read(docx_reader, tmp_path, "report.docx", _report_docx(tmp_path))
    assert [(row.table, row.lines, row.after_break) for row in rows] == [
        (None, (1,), False),
        (1, (1,), False),
        (1, (2,), False),
        (1, (3,), False),
        (1, (4,), False),
        (1, (5,), False),
        (1, (6,), False),
        (2, (1,), True),
        (2, (2,), False),
        (None, (4,), False),  # the 4th body paragraph: title, empty, empty, heading
        (3, (1,), True),
    ]
    assert rows[0].cells == [TITLE]
    assert rows[1].cells == HEADER
    assert rows[2].cells == ["1", "2", "3", "4", "5"]
    assert rows[9].cells == ["2. Управління фінансами"]


def test_docx_merged_cells_give_text_once(tmp_path):
    rows = _read(docx_reader, tmp_path, "report.docx", _report_docx(tmp_path))
    assert rows[3].cells == [SECTION, "", "", "", ""]
    assert _cells(rows[4:7]) == [
        ["1.1.", MEASURE, "Постійно", "Сектор", STATUS],
        ["", "Організація навчання", "", "", "Виконано.\nНавчання проведено 12.03.2019."],
        ["", "Внесення змін до положень", "", "", ""],
    ]


def test_docx_keeps_apostrophes_and_continuation_rows(tmp_path):
    rows = _read(docx_reader, tmp_path, "report.docx", _report_docx(tmp_path))
    assert "пов'язані" in rows[4].cells[1]
    assert "роз’яснювальна" in rows[4].cells[4] and "зв\u02bcязку" in rows[4].cells[4]
    assert rows[8].cells == ["", "та структурних підрозділів", "", "", "продовження тексту"]


def test_docx_span_in_the_middle_keeps_columns_aligned(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    _fill(table, [HEADER])
    table.cell(1, 0).text = "3"
    table.cell(1, 2).merge(table.cell(1, 3)).text = "Протягом року, відділ кадрів"
    table.cell(1, 4).text = "Виконано"
    path = tmp_path / "spans.docx"
    document.save(str(path))
    rows = docx_reader.read_rows(str(path), path.read_bytes())
    assert rows[1].cells == ["3", "", "Протягом року, відділ кадрів", "", "Виконано"]


def test_docx_nested_table_is_flattened_into_its_cell(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 1)
    cell.text = "Стан:"
    nested = cell.add_table(rows=2, cols=2)
    _fill(nested, [["І квартал", "виконано"], ["ІІ квартал", "частково"]])
    path = tmp_path / "nested.docx"
    document.save(str(path))
    rows = docx_reader.read_rows(str(path), path.read_bytes())
    assert len(rows) == 1 and rows[0].table == 1
    # python-docx leaves an empty paragraph after a nested table; it is trimmed.
    assert rows[0].cells[1] == "Стан:\nІ квартал виконано\nІІ квартал частково"


def test_docx_line_breaks_inside_a_paragraph(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    run = table.cell(0, 0).paragraphs[0].add_run("перший рядок")
    run.add_break()
    run.add_text("другий")
    run.add_tab()
    run.add_text("рядок\tз табуляцією")
    path = tmp_path / "breaks.docx"
    document.save(str(path))
    assert docx_reader.read_rows(str(path), path.read_bytes())[0].cells == ["перший рядок\nдругий рядок з табуляцією"]


# --- .xlsx -----------------------------------------------------------------------------------


def _report_xlsx(tmp_path: Path) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Звіт"
    sheet["A1"] = TITLE
    sheet.merge_cells("A1:E1")
    sheet.append([])  # row 2 is empty
    sheet.append(HEADER)  # row 3
    sheet.append([1, 2, 3, 4, 5])
    sheet["A5"] = SECTION
    sheet.merge_cells("A5:E5")
    sheet.append(["1.1", MEASURE, dt.datetime(2019, 12, 31), "Сектор", "Виконано.\nНавчання проведено."])
    sheet.append([None, "Організація навчання", None, None, STATUS])
    sheet.merge_cells("A6:A7")
    sheet["B10"] = "Підпис"  # rows 8-9 are empty
    continued = workbook.create_sheet("Продовження")
    continued.append(HEADER)
    continued.append([2.0, "Моніторинг", 0.5, "УФ", "Виконано"])
    continued["C2"].number_format = "0%"
    continued.append([2.5, "Аналіз", 1.25, None, None])
    path = tmp_path / "report.xlsx"
    workbook.save(str(path))
    return path.read_bytes()


def test_xlsx_sheets_rows_and_merged_cells(tmp_path):
    rows = _read(xlsx_reader, tmp_path, "report.xlsx", _report_xlsx(tmp_path))
    assert [(row.table, row.lines, row.after_break) for row in rows] == [
        (1, (1,), False),
        (1, (3,), False),
        (1, (4,), False),
        (1, (5,), False),
        (1, (6,), False),
        (1, (7,), False),
        (1, (10,), False),
        (2, (1,), True),
        (2, (2,), False),
        (2, (3,), False),
    ]
    assert _cells(rows[:7]) == [
        [TITLE, "", "", "", ""],
        HEADER,
        ["1", "2", "3", "4", "5"],
        [SECTION, "", "", "", ""],
        ["1.1", MEASURE, "31.12.2019", "Сектор", "Виконано.\nНавчання проведено."],
        ["", "Організація навчання", "", "", STATUS],
        ["", "Підпис", "", "", ""],
    ]


def test_xlsx_numbers_display_as_excel_shows_them(tmp_path):
    rows = _read(xlsx_reader, tmp_path, "report.xlsx", _report_xlsx(tmp_path))
    assert rows[8].cells == ["2", "Моніторинг", "50%", "УФ", "Виконано"]
    assert rows[9].cells == ["2.5", "Аналіз", "1.25", "", ""]


# --- .csv ------------------------------------------------------------------------------------

CSV_SEMICOLON = (
    "№;Найменування заходу;Строк виконання;Відповідальні;Стан виконання\r\n"
    ';;;;\r\n'
    '1.1;"Проведення перевірок; навчання";Постійно;Сектор;"Виконано.\r\nРоз’яснення, пов\'язані з ""конфліктом"""\r\n'
    "1.2;Моніторинг;Грудень;УФ;Виконано\r\n"
)


def test_delimited_semicolon_utf8_bom_with_multiline_cells(tmp_path):
    rows = _read(delimited, tmp_path, "report.csv", codecs.BOM_UTF8 + CSV_SEMICOLON.encode("utf-8"))
    assert [(row.lines, row.table, row.after_break) for row in rows] == [
        ((1,), 1, False),
        ((3,), 1, False),
        ((5,), 1, False),
    ]
    assert _cells(rows) == [
        HEADER,
        ["1.1", "Проведення перевірок; навчання", "Постійно", "Сектор", "Виконано.\nРоз’яснення, пов'язані з \"конфліктом\""],
        ["1.2", "Моніторинг", "Грудень", "УФ", "Виконано"],
    ]


def test_delimited_comma_windows_1251(tmp_path):
    text = (
        "№,Найменування заходу,Стан виконання\n"
        '1,"Навчання, семінари","Виконано;\nпов\'язані питання"\n'
        "2,Перевірка,Не виконано\n"
    )
    rows = _read(delimited, tmp_path, "report.csv", text.encode("cp1251"))
    assert [row.lines for row in rows] == [(1,), (2,), (4,)]
    assert rows[1].cells == ["1", "Навчання, семінари", "Виконано;\nпов'язані питання"]


def test_delimited_semicolon_wins_over_commas_in_text(tmp_path):
    text = "№;Захід;Стан\n1;Навчання, семінари, тренінги;Виконано, частково\n2;Аналіз;Виконано\n"
    rows = _read(delimited, tmp_path, "report.csv", text.encode("utf-8"))
    assert rows[1].cells == ["1", "Навчання, семінари, тренінги", "Виконано, частково"]


def test_delimited_tab_and_excel_sep_hint(tmp_path):
    tabbed = _read(delimited, tmp_path, "tabbed.csv", "№\tЗахід\tСтан\n1\tНавчання\tВиконано\n".encode())
    assert tabbed[1].cells == ["1", "Навчання", "Виконано"]
    hinted = _read(delimited, tmp_path, "hinted.csv", "sep=,\n№,Захід\n1,Навчання\n".encode())
    assert [(row.cells, row.lines) for row in hinted] == [(["№", "Захід"], (2,)), (["1", "Навчання"], (3,))]


# --- .html -----------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>не текст звіту</title>
<style>td { color: red }</style></head>
<body>
<h1>ЗВІТНА   ІНФОРМАЦІЯ</h1>
<p>про виконання програми &laquo;2019&raquo;</p>
<table border="1">
<thead><tr><th>№</th><th>Найменування заходу</th><th>Строк виконання</th>
  <th>Відповідальні</th><th>Стан виконання</th></tr></thead>
<tbody>
<tr><td colspan="5"><b>1. Управління персоналом</b></td></tr>
<tr><td rowspan="2">1.1</td><td>Навчання &amp; семінари</td><td rowspan="2">Постійно</td><td>Сектор</td>
    <td>Виконано.<br>Роз&rsquo;яснення&nbsp;надано</td></tr>
<tr><td>Перевірка<br/>декларацій</td><td colspan="2">УФ, виконано</td></tr>
<tr><td>1.2</td><td><p>Перший абзац</p>
  <p>Другий абзац</p></td><td>Грудень</td><td>УФ</td>
  <td><table><tr><td>І кв.</td><td>так</td></tr><tr><td>ІІ кв.</td><td>ні</td></tr></table></td></tr>
</tbody></table>
<div>Продовження таблиці</div>
<table><caption>Таблиця 2</caption>
<tr><td>2.1<td>Моніторинг<td>Грудень<td>УФ<td>Виконано
</table>
</body></html>
"""


def test_htmltable_spans_breaks_and_entities(tmp_path):
    rows = _read(htmltable, tmp_path, "report.html", HTML.encode("utf-8"))
    table_rows = [row for row in rows if row.table == 1]
    assert _cells(table_rows) == [
        HEADER,
        ["1. Управління персоналом", "", "", "", ""],
        ["1.1", "Навчання & семінари", "Постійно", "Сектор", "Виконано.\nРоз’яснення\u00a0надано"],
        ["", "Перевірка\nдекларацій", "", "УФ, виконано", ""],
        ["1.2", "Перший абзац\nДругий абзац", "Грудень", "УФ", "І кв. так\nІІ кв. ні"],
    ]
    assert [row.lines for row in table_rows] == [(1,), (2,), (3,), (4,), (5,)]


def test_htmltable_text_blocks_and_tables_in_order(tmp_path):
    rows = _read(htmltable, tmp_path, "report.html", HTML.encode("utf-8"))
    summary = [(row.cells[0] if row.table is None else row.table, row.after_break) for row in rows]
    assert summary == [
        ("ЗВІТНА ІНФОРМАЦІЯ", False),
        ("про виконання програми «2019»", False),
        *[(1, False)] * 5,
        ("Продовження таблиці", False),
        ("Таблиця 2", False),
        (2, True),
    ]
    assert rows[0].lines == (5,)  # text outside tables carries its source line
    assert rows[-1].cells == ["2.1", "Моніторинг", "Грудень", "УФ", "Виконано"]  # unclosed tags


def test_htmltable_windows_1251_with_xml_declaration(tmp_path):
    page = (
        '<?xml version="1.0" encoding="windows-1251"?>'
        "<html><body><table><tr><td>Стан виконання</td></tr></table></body></html>"
    )
    rows = _read(htmltable, tmp_path, "report.htm", page.encode("cp1251"))
    assert rows == [RawRow(cells=["Стан виконання"], lines=(1,), table=1, after_break=False)]


# --- bad input -------------------------------------------------------------------------------


def _zip(entries: dict[str, str]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("reader", "name", "data", "code"),
    [
        pytest.param(docx_reader, "звіт.docx", b"This is not a zip archive", "E003", id="docx-not-zip"),
        pytest.param(docx_reader, "звіт.docx", _zip({"hello.txt": "hi"}), "E004", id="docx-zip-not-docx"),
        pytest.param(
            docx_reader,
            "звіт.docx",
            _zip({"[Content_Types].xml": "<Types", "word/document.xml": "<broken"}),
            "E004",
            id="docx-broken-xml",
        ),
        pytest.param(docx_reader, "звіт.docx", b"", "E001", id="docx-empty"),
        pytest.param(xlsx_reader, "звіт.xlsx", b"\xd0\xcf\x11\xe0 old xls", "E003", id="xlsx-not-zip"),
        pytest.param(xlsx_reader, "звіт.xlsx", _zip({"hello.txt": "hi"}), "E004", id="xlsx-zip-not-xlsx"),
        pytest.param(xlsx_reader, "звіт.xlsx", b"", "E001", id="xlsx-empty"),
        pytest.param(delimited, "звіт.csv", b"", "E001", id="csv-empty"),
        pytest.param(delimited, "звіт.csv", random.Random(0).randbytes(4096), "E002", id="csv-binary"),
        pytest.param(htmltable, "звіт.html", random.Random(1).randbytes(4096), "E002", id="html-binary"),
        pytest.param(htmltable, "звіт.html", b"  \n", "E001", id="html-blank"),
    ],
)
def test_format_readers_bad_input_raises_report_error(tmp_path, reader, name, data, code):
    with pytest.raises(ReportError) as caught:
        _read(reader, tmp_path, name, data)
    assert caught.value.code == code
    assert "звіт." in str(caught.value) and str(tmp_path) in str(caught.value)


def test_format_readers_docx_and_xlsx_are_not_each_other(tmp_path):
    workbook_bytes = _report_xlsx(tmp_path)
    with pytest.raises(ReportError, match=r"\[E004\] .*plan\.docx"):
        _read(docx_reader, tmp_path, "plan.docx", workbook_bytes)
    with pytest.raises(ReportError, match=r"\[E004\] .*plan\.xlsx"):
        _read(xlsx_reader, tmp_path, "plan.xlsx", _report_docx(tmp_path))
