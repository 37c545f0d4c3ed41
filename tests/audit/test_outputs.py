"""The flat outputs: CSV and XLSX read back equal to the JSONL, and report text never runs as a formula."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from acnlp.audit.outputs import (
    FLAT_COLUMNS,
    csv_cell,
    flat_row,
    formula_risk,
    write_csv,
    write_jsonl,
    write_xlsx,
)

HOSTILE = [
    "=HYPERLINK(\"http://example.com\",\"клік\")",
    "+380441234567",
    "@SUM(A1:A9)",
    "\tвиконано",
    "-2+3",
    "- проведено навчання",
    "-",
    "<script>alert(1)</script>",
    "Виконано. Наказ № 5 від 01.02.2019",
    # xlsxwriter's own rich-text markup, which it once copied unescaped: it closed the cell and added a formula
    '<r><t>x</t></r></is></c><c r="Z9"><f>HYPERLINK("http://example.com","клік")</f></c><c t="inlineStr"><is><r><t>y</t></r>',
]


def rows_with(statuses: list[str]) -> list[dict[str, Any]]:
    return [
        {"index": i + 1, "section": None, "number": str(i + 1), "sub_number": "", "measure": "Навчання", "deadline": "Грудень 2019 року",
         "responsible": "Відділ", "status": status, "label": "done", "confidence": 0.9, "scores": {"done": 0.9, "in_progress": 0.1},
         "dates": [], "orders": [], "counts": [{"value": 2, "noun": "навчання"}], "percents": [], "deadline_parsed": {"kind": "month", "due": "2019-12-31"},
         "flags": [{"code": "no_evidence", "uk": "Без доказів.", "en": "No evidence."}], "features": [], "error": None,
         "file": "r.txt", "table": None, "lines": [i + 3]}
        for i, status in enumerate(statuses)
    ]  # fmt: skip


@pytest.mark.parametrize(("text", "risky"), [("=1", True), ("+1", True), ("@x", True), ("\tx", True), ("-x", True), ("-", False), (" -", False), ("Так", False)])
def test_outputs_formula_risk(text: str, risky: bool) -> None:
    assert formula_risk(text) is risky


def test_outputs_csv_reads_back_equal_with_formulas_defused(tmp_path: Path) -> None:
    rows = rows_with(HOSTILE)
    flat = [flat_row("r", row) for row in rows]
    write_csv(flat, tmp_path / "r.csv", FLAT_COLUMNS)
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for Cyrillic
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        back = list(csv.DictReader(stream))
    assert len(back) == len(rows)
    for written, row in zip(back, flat):
        for column in FLAT_COLUMNS:
            assert written[column] == csv_cell(row[column]), column
    statuses = [r["status"] for r in back]
    assert statuses[0].startswith("'=") and statuses[1].startswith("'+") and statuses[2].startswith("'@")
    assert statuses[5] == "'- проведено навчання" and statuses[6] == "-"
    assert statuses[8] == HOSTILE[8]


def test_outputs_xlsx_reads_back_equal_as_text_not_formulas(tmp_path: Path) -> None:
    rows = rows_with(HOSTILE)
    flat = [flat_row("r", row) for row in rows]
    write_xlsx({"rows": (FLAT_COLUMNS, flat)}, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["rows"]
    header = [cell.value for cell in sheet[1]]
    assert tuple(header) == FLAT_COLUMNS
    status_column = header.index("status")
    for excel_row, row in zip(sheet.iter_rows(min_row=2), flat):
        cells = {name: cell for name, cell in zip(header, excel_row)}
        for column in FLAT_COLUMNS:
            expected = row[column]
            assert cells[column].value == (expected if expected != "" else None), column
        status = excel_row[status_column]
        assert status.data_type == "s"  # a string cell, never a formula
        assert status.quotePrefix == formula_risk(status.value or "")
    assert sheet.cell(row=8, column=status_column + 1).value == "-"
    with zipfile.ZipFile(tmp_path / "r.xlsx") as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode("utf-8")  # no formula element at all


def test_outputs_xlsx_keeps_cyrillic_and_drops_control_characters(tmp_path: Path) -> None:
    write_xlsx({"rows": (("status",), [{"status": "Проведено п'ять засідань\x07"}])}, tmp_path / "r.xlsx")
    assert load_workbook(tmp_path / "r.xlsx")["rows"]["A2"].value == "Проведено п'ять засідань"


def test_outputs_jsonl_one_object_a_row(tmp_path: Path) -> None:
    rows = rows_with(["Виконано", "-"])
    write_jsonl(rows, tmp_path / "r.jsonl")
    back = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert back == rows


def test_outputs_xlsx_marks_a_cell_cut_to_excels_limit(tmp_path: Path) -> None:
    from acnlp.audit.outputs import EXCEL_CELL_LIMIT

    status = "Проведено навчання. " * 2500  # 50,000 characters
    flat = [flat_row("r", row) for row in rows_with([status, "Виконано"])]
    write_xlsx({"rows": (FLAT_COLUMNS, flat)}, tmp_path / "r.xlsx")
    write_csv(flat, tmp_path / "r.csv", FLAT_COLUMNS)
    sheet = load_workbook(tmp_path / "r.xlsx")["rows"]
    cut = sheet.cell(row=2, column=FLAT_COLUMNS.index("status") + 1).value
    kept = cut.index("… [обрізано")
    assert len(cut) == EXCEL_CELL_LIMIT and cut[:kept] == status[:kept]
    assert cut[kept:] == f"… [обрізано: ще {len(status) - kept} символів; повний текст у .jsonl і .csv]"
    assert sheet.cell(row=3, column=FLAT_COLUMNS.index("status") + 1).value == "Виконано"
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert next(csv.DictReader(stream))["status"] == status  # the CSV keeps it whole


def test_outputs_flag_reasons_and_features_in_words(tmp_path: Path) -> None:
    from acnlp.audit.flags import explain

    row = {**rows_with(["Виконано"])[0], "flags": explain(["vague", "low_confidence"]),
           "features": [{"feature": "cue:present_tense", "weight": 1.5}, {"feature": "lemmas:забезпечити", "weight": -0.25}]}  # fmt: skip
    flat = flat_row("r", row)
    assert flat["flag_reasons"] == (
        "Загальна відповідь: з неї не видно, що саме зроблено. / A general answer: it does not say what was done.; "
        "Модель не впевнена в мітці: перевірте вручну. / The model is unsure of the label: check it by hand."
    )
    assert flat["features"] == "теперішній час (+1.50); слово «забезпечити» (-0.25)"
    write_xlsx({"rows": (FLAT_COLUMNS, [flat])}, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["rows"]
    assert sheet.cell(row=2, column=FLAT_COLUMNS.index("flag_reasons") + 1).value == flat["flag_reasons"]


def test_outputs_flat_row_names_a_pdf_rows_pages():
    from acnlp.audit.outputs import flat_row

    flat = flat_row("r", {"index": 1, "file": "r.pdf", "table": None, "pages": [3, 4], "lines": [40, 2]})
    assert (flat["pages"], flat["lines"]) == ("3, 4", "40, 2")
    assert flat_row("r", {"index": 1, "file": "r.txt", "lines": [12]})["pages"] == ""


def test_outputs_review_columns_empty_with_a_label_drop_down_in_the_xlsx(tmp_path: Path) -> None:
    from acnlp.audit.outputs import REVIEW_COLUMNS
    from acnlp.corpus.schema import LABELS

    flat = [flat_row("r", row) for row in rows_with(["=1+1", "Виконано", "-"])]
    write_xlsx({"rows": (FLAT_COLUMNS, flat)}, tmp_path / "r.xlsx", choices={"label_reviewed": LABELS})
    write_csv(flat, tmp_path / "r.csv", FLAT_COLUMNS)
    sheet = load_workbook(tmp_path / "r.xlsx")["rows"]
    header = [cell.value for cell in sheet[1]]
    assert header[header.index("label") + 1 : header.index("label") + 3] == list(REVIEW_COLUMNS)
    letter = sheet.cell(row=1, column=header.index("label_reviewed") + 1).column_letter
    (validation,) = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, str(validation.sqref)) == ("list", '"done,in_progress,not_applicable,boilerplate"', f"{letter}2:{letter}4")
    assert validation.allow_blank and validation.showErrorMessage
    assert all(sheet.cell(row=r, column=header.index(c) + 1).value is None for r in (2, 3, 4) for c in REVIEW_COLUMNS)
    assert sheet.cell(row=2, column=header.index("status") + 1).quotePrefix  # the formula-safety is kept
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as stream:
        back = list(csv.DictReader(stream))
    assert [(r["label_reviewed"], r["review_note"], r["status"]) for r in back] == [("", "", "'=1+1"), ("", "", "Виконано"), ("", "", "-")]


def test_outputs_xlsx_keeps_widths_header_font_wrapping_and_frozen_header(tmp_path: Path) -> None:
    flat = [flat_row("r", row) for row in rows_with(["Виконано", "Проведено навчання з питань запобігання корупції для працівників"])]
    write_xlsx({"rows": (FLAT_COLUMNS, flat)}, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["rows"]
    status = sheet.cell(row=1, column=FLAT_COLUMNS.index("status") + 1).column_letter
    assert sheet.freeze_panes == "A2" and all(cell.font.b for cell in sheet[1])
    assert round(sheet.column_dimensions[status].width) == 71 and round(sheet.column_dimensions["A"].width) == 15  # 70 and 14 characters
    short, long = sheet[f"{status}2"], sheet[f"{status}3"]
    assert (short.alignment.wrap_text, long.alignment.wrap_text) == (None, True)  # a cell over 40 characters wraps
    assert short.alignment.vertical == long.alignment.vertical == "top"
    assert sheet.cell(row=2, column=FLAT_COLUMNS.index("confidence") + 1).value == 0.9  # numbers stay numbers


def test_outputs_xlsx_cut_counts_excels_utf16_units(tmp_path: Path) -> None:
    from acnlp.audit.outputs import EXCEL_CELL_LIMIT

    status = "Виконано 😀 " * 4000  # 48,000 characters, 52,000 UTF-16 units: an emoji takes two
    write_xlsx({"rows": (("status",), [{"status": status}])}, tmp_path / "r.xlsx")
    cell = load_workbook(tmp_path / "r.xlsx")["rows"]["A2"].value
    kept = cell.index("… [обрізано")
    assert cell[:kept] == status[:kept] and cell.endswith(f"ще {len(status) - kept} символів; повний текст у .jsonl і .csv]")
    assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT  # the marker is not cut off by the writer


def test_outputs_xlsx_rows_past_a_sheet_go_on_in_the_next_under_the_same_header(tmp_path: Path) -> None:
    from acnlp.audit.outputs import RowSheet, xlsx_workbook

    with xlsx_workbook(tmp_path / "r.xlsx") as workbook:
        sheet = RowSheet(workbook, "rows", ("index", "label_reviewed"), {"label_reviewed": ("done", "in_progress")}, rows_per_sheet=2)
        for index in range(1, 6):
            sheet.add({"index": index})
        sheet.finish()
    book = load_workbook(tmp_path / "r.xlsx")
    assert book.sheetnames == ["rows", "rows 2", "rows 3"]
    assert [[cell.value for cell in row] for name in book.sheetnames for row in book[name].iter_rows()] == [
        ["index", "label_reviewed"], [1, None], [2, None], ["index", "label_reviewed"], [3, None], [4, None], ["index", "label_reviewed"], [5, None]]
    assert [str(book[name].data_validations.dataValidation[0].sqref) for name in book.sheetnames] == ["B2:B3", "B2:B3", "B2"]


def test_outputs_stream_report_writes_what_the_whole_report_gives(tmp_path: Path) -> None:
    """A report streamed through `stream_report` (its rows a generator, read once) gives the
    page `render_html` makes of the whole report, the summary `summarize` counts, and the flat
    files of the rows; the DMS report's two tables keep their parts."""
    from acnlp import load, read_report
    from acnlp.audit import audit_report, summarize
    from acnlp.audit.html import render_html
    from acnlp.audit.outputs import stream_report

    audited = audit_report(read_report(Path(__file__).resolve().parents[2] / "corpus" / "reports" / "dms_2019_annual.txt"), load())
    rows, meta = audited.rows, audited.meta()
    taken: list[int] = []
    paths, summary = stream_report("dms", meta, (taken.append(i) or row for i, row in enumerate(rows)), tmp_path)
    assert taken == list(range(len(rows))) and summary == summarize(rows)
    assert [p.name for p in paths] == ["dms.jsonl", "dms.csv", "dms.xlsx", "dms.html"] and sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    page = (tmp_path / "dms.html").read_text(encoding="utf-8")
    assert page == render_html(meta, rows, summary) and 'class="part-head"' in page
    assert [json.loads(line) for line in (tmp_path / "dms.jsonl").read_text(encoding="utf-8").splitlines()] == [json.loads(json.dumps({"report": "dms", **row})) for row in rows]
    with (tmp_path / "dms.csv").open(encoding="utf-8-sig", newline="") as stream:
        assert list(csv.DictReader(stream)) == [{c: csv_cell(flat_row("dms", row)[c]) for c in FLAT_COLUMNS} for row in rows]
    assert load_workbook(tmp_path / "dms.xlsx")["rows"].max_row == len(rows) + 1


@pytest.mark.parametrize(
    "layout",
    [
        [("1. А", 1), ("1. А", 1), ("2. Б", 1), ("1. В", 2), ("1. В", 2), (None, 2)],  # two tables, headings give the parts
        [("1. А", 1), ("1. А", 2), ("1. А", 2), (None, None), ("1. А", 1)],  # no headings: the tables are the parts
        [(None, None), ("IV. Г", 1)],
    ],
    ids=["headings", "tables", "unnumbered"],
)
def test_outputs_layout_runs_give_each_rows_part_as_the_whole_rows_do(layout: list[tuple[Any, Any]]) -> None:
    from acnlp.audit.outputs import Layout
    from acnlp.audit.sections import row_parts

    rows = [{"section": section, "table": table} for section, table in layout]
    headings = ["Додаток 1", "1. А", "2. Б", "Додаток 2", "1. В"] if layout[0] == ("1. А", 1) and layout[3][0] == "1. В" else []
    kept = Layout()
    for row in rows:
        kept.add(row)
    assert len(kept.runs) < len(rows) or len(rows) == 2
    assert list(kept.parts(headings)) == row_parts(rows, headings)
