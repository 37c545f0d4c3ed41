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
