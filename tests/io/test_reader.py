"""`read_report` on every format, with fixtures the tests build, and the batch contract.

The same small report is written as .docx, .xlsx, .csv and .html; each must give the same
rows as the text export does, including a row split over two pages.
"""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook

from acnlp.errors import ReportError
from acnlp.io import read_report, read_reports

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні за виконання", "Стан виконання"]
TITLE = "ЗВІТ про виконання антикорупційної програми міської ради за 2020 рік"
SECTION_1 = "1. Управління персоналом"
SECTION_2 = "2. Публічні закупівлі"
# (№, measure, deadline, responsible, status) as the rows should come out
EXPECTED = [
    ("1.1.", "Проведення спеціальних перевірок кандидатів на посади", "Протягом року", "Відділ кадрів",
     "Проведено 4 спеціальні перевірки, відомостей про обмеження не виявлено"),
    ("1.2.", "Роз’яснювальна робота щодо декларування", "Березень 2020 року", "Уповноважений",
     "Проведено 2 навчання (протокол № 1 від 12.03.2020)"),
    ("", "Перевірка своєчасності подання декларацій", "Квітень 2020 року", "Уповноважений", ""),
    ("2.1.", "Оприлюднення звітів про договори закупівель на порталі «Prozorro»", "Постійно", "Тендерний комітет",
     "Оприлюднено 37 звітів; порушень строків не допущено"),
]


def _docx(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph(TITLE)
    table = doc.add_table(rows=0, cols=5)
    for cells in (HEADER, ["1", "2", "3", "4", "5"]):
        row = table.add_row().cells
        for cell, text in zip(row, cells):
            cell.text = text
    heading = table.add_row().cells
    heading[0].merge(heading[4]).text = SECTION_1
    for number, measure, deadline, responsible, status in EXPECTED[:3]:
        row = table.add_row().cells
        for cell, text in zip(row, (number, measure, deadline, responsible, status)):
            cell.text = text
    heading = table.add_row().cells
    heading[0].merge(heading[4]).text = SECTION_2
    row = table.add_row().cells
    for cell, text in zip(row, EXPECTED[3][:4] + ("Оприлюднено 37 звітів;",)):
        cell.text = text
    # The next page: Word repeats the header, and the last row of page one goes on under it.
    second = doc.add_table(rows=0, cols=5)
    for cell, text in zip(second.add_row().cells, HEADER):
        cell.text = text
    second.add_row().cells[4].text = "порушень строків не допущено"
    doc.save(path)
    return path


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.append([])
    ws.append(HEADER)
    ws.append([1, 2, 3, 4, 5])
    ws.append([SECTION_1])
    ws.merge_cells(start_row=5, start_column=1, end_row=5, end_column=5)
    for row in EXPECTED[:3]:
        ws.append(list(row))
    ws.append([SECTION_2])
    ws.append(list(EXPECTED[3]))
    wb.save(path)
    return path


def _csv(path: Path, encoding: str = "utf-8-sig", delimiter: str = ";") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow([TITLE])
        writer.writerow(HEADER)
        writer.writerow([SECTION_1, "", "", "", ""])
        for row in EXPECTED[:3]:
            writer.writerow(row)
        writer.writerow([SECTION_2, "", "", "", ""])
        writer.writerow(EXPECTED[3])
    return path


def _html(path: Path) -> Path:
    def cells(row, tag="td"):
        return "".join(f"<{tag}>{c.replace('«', '&laquo;').replace('»', '&raquo;')}</{tag}>" for c in row)

    body = [f"<h2>{TITLE}</h2>", "<table>", f"<tr>{cells(HEADER, 'th')}</tr>", f'<tr><td colspan="5"><i>{SECTION_1}</i></td></tr>']
    body += [f"<tr>{cells(row)}</tr>" for row in EXPECTED[:3]]
    body += [f'<tr><td colspan="5">{SECTION_2}</td></tr>', f"<tr>{cells(EXPECTED[3])}</tr>", "</table>"]
    path.write_text("<html><head><meta charset='utf-8'></head><body>" + "\n".join(body) + "</body></html>", encoding="utf-8")
    return path


BUILDERS = {"docx": _docx, "xlsx": _xlsx, "csv": _csv, "html": _html}


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_reader_every_format_gives_the_same_rows(tmp_path, fmt):
    report = read_report(BUILDERS[fmt](tmp_path / f"report.{fmt}"))
    assert report.format == fmt
    got = [(r.number, r.measure, r.deadline, r.responsible, r.status) for r in report.rows]
    assert got == EXPECTED
    assert [r.section for r in report.rows] == [SECTION_1] * 3 + [SECTION_2]
    assert TITLE in report.title


@pytest.mark.parametrize("fmt", sorted(BUILDERS))
def test_reader_title_alone_is_the_reports_title(tmp_path, fmt, dms_path, luhansk_path):
    # Planning a series reads only the titles (issue 13): the same text as the whole read gives
    from acnlp.io.reader import read_title

    path = BUILDERS[fmt](tmp_path / f"report.{fmt}")
    assert read_title(path) == read_report(path).title
    title_line = tmp_path / "two_words.txt"  # a title line with two column words, then the header
    title_line.write_text("Стан виконання\tСтрок виконання\n" + "\t".join(HEADER) + "\n1\tЗахід\tСтрок\tВідділ\tВиконано\n",
                          encoding="utf-8")
    for report in (dms_path, luhansk_path, title_line):
        assert read_title(report) == read_report(report).title
    assert read_title(title_line) == "Стан виконання Строк виконання"


def test_reader_docx_row_split_over_two_tables_keeps_both_sources(tmp_path):
    report = read_report(_docx(tmp_path / "report.docx"))
    last = report.rows[-1]
    assert (last.source.table, last.source.lines, last.source.tables) == (1, (8, 2), (1, 2))
    assert last.source.describe().endswith("report.docx, table 1, row 8; table 2, row 2")


@pytest.mark.parametrize("encoding,delimiter", [("cp1251", ";"), ("utf-8", ","), ("utf-16", "\t")])
def test_reader_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    report = read_report(_csv(tmp_path / "report.csv", encoding, delimiter))
    assert [r.status for r in report.rows] == [row[4] for row in EXPECTED]


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return path


@pytest.mark.parametrize(
    "name,make,code",
    [
        ("plan.docx", lambda p: p.write_bytes(b"plain text, not a zip"), "E003"),
        ("plan.docx", _zip_without_document, "E004"),
        ("plan.xlsx", lambda p: p.write_bytes(b"\x00\x01garbage"), "E003"),
        ("plan.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100), "E005"),
        ("plan.html", lambda p: p.write_bytes(b"<html><body><p>no table here</p></body></html>"), "E006"),
        ("plan.csv", lambda p: p.write_bytes(bytes(range(256)) * 4), "E002"),
    ],
    ids=["docx-not-zip", "zip-not-docx", "xlsx-not-zip", "old-xls", "html-without-table", "binary-csv"],
)
def test_reader_bad_files_get_a_clear_error_naming_the_file(tmp_path, name, make, code):
    path = tmp_path / name
    make(path)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code == code, str(info.value)
    assert str(path) in str(info.value)
    from acnlp.io.reader import read_title

    with pytest.raises(ReportError) as again:
        read_title(path)
    assert again.value.code == code


def test_reader_docx_table_without_status_column_is_refused(tmp_path):
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["№", "Найменування заходу", "Строк виконання"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "Навчання", "Грудень"]):
        cell.text = text
    path = tmp_path / "no_status.docx"
    doc.save(path)
    with pytest.raises(ReportError, match=r"no_status.docx: table 1, row 1: .* no status column"):
        read_report(path)


def test_reader_batch_goes_on_past_bad_files(tmp_path, luhansk_path):
    good = _docx(tmp_path / "a.docx")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"broken")
    results = list(read_reports([good, bad, luhansk_path, tmp_path / "missing.txt"]))
    assert [r.ok for r in results] == [True, False, True, False]
    assert [r.error.code for r in results if r.error] == ["E003", "E010"]
    assert len(results[2].report.rows) == 37


def test_reader_docx_of_a_real_report_matches_its_text_export(tmp_path, dms_path):
    """The DMS seed report rebuilt in Word form, split into two tables inside row 5.1 as Word
    splits a table across pages, with merged section rows: the same 42 rows as the text export."""
    text_report = read_report(dms_path)
    doc = Document()
    doc.add_paragraph(text_report.title)
    table = doc.add_table(rows=0, cols=5)

    def add(cells):
        row = table.add_row().cells
        for cell, value in zip(row, cells):
            cell.text = value

    add(HEADER)
    section = None
    for row in text_report.rows:
        if row.section != section:
            section = row.section
            merged = table.add_row().cells
            merged[0].merge(merged[4]).text = section
        measure = f"{row.sub_number} {row.measure}".strip()
        if row.number == "5.1.":
            # the first half of the row ends page one; Word repeats the header on page two
            add([row.number, measure[:60], row.deadline, row.responsible[:30], row.status[:80]])
            table = doc.add_table(rows=0, cols=5)
            add(HEADER)
            add(["", measure[60:], "", row.responsible[30:], row.status[80:]])
            continue
        add([row.number, measure, row.deadline, row.responsible, row.status])
    path = tmp_path / "dms.docx"
    doc.save(path)

    docx_report = read_report(path)
    assert len(docx_report.rows) == 42

    def squash(text: str) -> str:
        return "".join(text.split())  # the split point may fall inside a word or between words

    def fields(report):
        return [(r.number, r.sub_number, squash(r.measure), r.deadline, squash(r.responsible), squash(r.status), r.section)
                for r in report.rows]

    assert fields(docx_report) == fields(text_report)
    split_row = next(r for r in docx_report.rows if r.number == "5.1.")
    assert split_row.source.tables == (1, 2)


# Everyday answers that use column words: each once failed the whole report with E007/E008.
HEADER_LIKE_ROWS = [
    ["", "Звітування про стан виконання плану", "У строки, визначені Планом", "Сектор",
     "Станом на кінець ІІІ кварталу звіт подано"],
    ["4.", "Проведення заходів з оцінки стану збереження майна", "Щокварталу", "Бухгалтерія",
     "Виконано у встановлений термін."],
    ["5.", "Контроль за виконанням договорів", "Постійно", "Відділ",
     "Перелік виконавців і строки виконання договірних зобов'язань погоджено"],
    ["", "Заходи", "Строки", "Відповідальні", "Стан"],
]


@pytest.mark.parametrize("row", HEADER_LIKE_ROWS)
def test_reader_row_with_column_words_is_a_measure_row_in_every_format(tmp_path, row):
    header = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
    rows = [header, ["1.", "Навчання", "Грудень", "УП", "Проведено"], row, ["6.", "Оприлюднення", "Щороку", "ВК", "Оприлюднено"]]
    text = tmp_path / "report.txt"
    text.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    document = Document()
    table = document.add_table(rows=len(rows), cols=5)
    for i, cells in enumerate(rows):
        for j, value in enumerate(cells):
            table.cell(i, j).text = value
    document.save(tmp_path / "report.docx")
    for path in (text, tmp_path / "report.docx"):
        report = read_report(path)
        assert [r.status for r in report.rows] == ["Проведено", row[4], "Оприлюднено"], path
