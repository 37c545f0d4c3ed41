"""Read limits that hold inside the readers: spans that multiply cells, pages of countless
tags, cells longer than the cell limit (cut, with a note naming the row)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from acnlp.errors import ReportError
from acnlp.io import docx as docx_reader
from acnlp.io import read_report
from acnlp.io.limits import ReadLimits

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
ROW = ["1.", "Проведення навчання", "Грудень", "Сектор", "Виконано"]


def _html_table(rows: list[str]) -> bytes:
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    return ("<html><body><table>" + header + "".join(rows) + "</table></body></html>").encode()


def test_limits_colspans_that_would_lay_out_millions_of_cells_stop_the_read(tmp_path):
    # 5,000 rows of one cell spanning 1,000 columns: 18 kB of markup, 5 million cells
    path = tmp_path / "spans.html"
    path.write_bytes(_html_table(['<tr><td colspan="1000">x</td></tr>'] * 5000))
    with pytest.raises(ReportError, match=rf"\[E014\] {path}: table 1: the tables would hold more than 2,000,000 cells"):
        read_report(path)


def test_limits_rowspans_past_the_table_lay_out_no_cells(tmp_path):
    path = tmp_path / "rowspan.html"
    row = "<tr>" + "".join(f'<td rowspan="65534">{c}</td>' for c in ROW) + "</tr>"
    path.write_bytes(_html_table([row]))
    report = read_report(path)
    assert [(r.number, r.status) for r in report.rows] == [("1.", "Виконано")]


def test_limits_page_of_countless_tags_is_refused_before_parsing(tmp_path):
    path = tmp_path / "tags.html"
    path.write_bytes(_html_table(["<tr>" + "".join(f"<td>{c}</td>" for c in ROW) + "</tr>"]) + b"<b>" * 2_100_000)
    with pytest.raises(ReportError, match=rf"\[E014\] {path}: the page: the page holds more than 2,000,000 tags and attributes"):
        read_report(path)


def test_limits_docx_grid_spans_are_counted_before_they_are_laid_out(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ROW):
        cell.text = text
    # 3,000 rows whose one cell spans 1,000 grid columns (Word caps a span at 63; a file need not)
    tbl = table._tbl
    for _ in range(3000):
        tr = etree.SubElement(tbl, qn("w:tr"))
        tc = etree.SubElement(tr, qn("w:tc"))
        span = etree.SubElement(etree.SubElement(tc, qn("w:tcPr")), qn("w:gridSpan"))
        span.set(qn("w:val"), "1000")
        etree.SubElement(tc, qn("w:p"))
    path = tmp_path / "spans.docx"
    document.save(str(path))
    with pytest.raises(ReportError, match=rf"\[E014\] {path}: table 1: the tables would hold more than 2,000,000 cells"):
        read_report(path)


def test_limits_long_docx_cell_is_cut_and_noted_and_the_report_goes_through(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for row, texts in zip(table.rows, [HEADER, ROW, ["2.", "Моніторинг", "Постійно", "УФ", "Проводиться. " * 1000]]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "long.docx"
    document.save(str(path))
    assert read_report(path).notes == ()
    report = read_report(path, ReadLimits(max_cell_chars=5000))
    assert [len(r.status) for r in report.rows] == [8, 5000]
    assert report.notes == (
        f"[E017] {path}: table 1, row 3: a cell of 12,999 characters was cut to its first 5,000 (ReadLimits.max_cell_chars; raise it with --limit max_cell_chars=N); the rest of it is not read",
    )


@pytest.mark.parametrize(
    "name,head,filler",
    [("lines.txt", "", "\n"), ("tabs.txt", "", "\t"), ("cells.csv", "", ";"), ("excel.csv", "sep=|\n", "|")],
    ids=["newlines", "tabs", "delimiters", "excel-sep-line"],
)
def test_limits_text_of_countless_empty_cells_is_refused_before_it_is_split(tmp_path, name, head, filler):
    path = tmp_path / name
    path.write_text(head + "\t".join(HEADER) + "\n" + "\t".join(ROW) + "\n" + filler * 3_000_000, encoding="utf-8")
    with pytest.raises(ReportError, match=rf"\[E014\] {path}: the file: the tables would hold more than 2,000,000 cells"):
        read_report(path)


def test_limits_are_options_of_parse_and_audit(tmp_path):
    from typer.testing import CliRunner

    from acnlp.cli import app

    path = tmp_path / "r.html"
    path.write_bytes(_html_table(["<tr>" + "".join(f"<td>{c}</td>" for c in ROW) + "</tr>"]))
    runner = CliRunner()
    tight = runner.invoke(app, ["parse", str(path), "-o", str(tmp_path / "rows.jsonl"), "--limit", "max_xml_nodes=10"])
    assert tight.exit_code == 1 and "[E014]" in tight.stderr and "raise it with --limit max_xml_nodes=N" in tight.stderr
    assert runner.invoke(app, ["parse", str(path), "--limit", "max_xml_nodes=2000"]).exit_code == 0
    wrong = runner.invoke(app, ["parse", str(path), "--limit", "max_rows=5"])
    assert wrong.exit_code == 2 and "no such limit" in wrong.output
    audited = runner.invoke(app, ["audit", str(path), "-o", str(tmp_path / "audit"), "--jobs", "1", "--limit", "max_xml_nodes=10"])
    assert audited.exit_code == 1 and "[E014]" in audited.stderr


def test_limits_docx_text_stands_once_and_is_checked_once_read(tmp_path):
    # Word has nothing like ODF's repeats: gridSpan and vMerge lay out empty cells, and a table
    # nested in a cell (three deep here, each merged across and down) gives its text once
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for row, texts in zip(table.rows, [HEADER, ROW]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    holder = table.cell(2, 4)
    for _ in range(3):
        nested = holder.add_table(rows=2, cols=3)
        holder = nested.cell(0, 0).merge(nested.cell(1, 2))
    holder.text = "Проведено. " * 100
    table.cell(2, 0).text = "2."
    path = tmp_path / "nested.docx"
    document.save(str(path))
    cells = [cell for row in docx_reader.read_rows(str(path), path.read_bytes()) for cell in row.cells]
    assert sum(cell.count("Проведено.") for cell in cells) == 100
    text = sum(map(len, cells))
    assert len(read_report(path, ReadLimits(max_text_chars=text)).rows) == 2
    with pytest.raises(ReportError, match=rf"\[E078\] {path}: table 1, row 3: the row's 1,101 characters would bring the text read to {text:,} characters, over the limit of {text - 1:,}"):
        read_report(path, ReadLimits(max_text_chars=text - 1))
