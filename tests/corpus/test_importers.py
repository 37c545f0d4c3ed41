"""Corpora in CSV read through the report reader's CSV path: train and evaluate take the CSV
files people actually have, and a broken one is a coded error naming the file and line.

The files are written here: by Python's csv module (comma; cells with commas, ';' and quotes)
and as Ukrainian Excel saves them (Windows-1251, ';', CRLF).
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from acnlp.cli import app
from acnlp.corpus import CorpusError, load_corpus

from ..classify.conftest import SMALL_CORPUS

runner = CliRunner()
# Every third status gains a comma and a ';', as written answers have them.
CELLS = [(f"{status}; протокол № {i}, пункт 2" if i % 3 == 0 else status, label) for i, (status, label) in enumerate(SMALL_CORPUS)]


def _csv(delimiter: str) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["status", "label", "group"])
    for i, (status, label) in enumerate(CELLS):
        writer.writerow([status, label, ["a", "b", "c"][i % 3]])
    return out.getvalue()


@pytest.fixture
def comma_csv(tmp_path):
    path = tmp_path / "ours.csv"
    path.write_text(_csv(","), encoding="utf-8")
    return path


@pytest.fixture
def excel_csv(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes(_csv(";").replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1251"))
    return path


def test_importers_comma_csv_from_python_keeps_commas_and_semicolons_in_cells(comma_csv):
    records = load_corpus([comma_csv])
    assert [(r.status, r.label, r.group) for r in records] == [(s, label, ["a", "b", "c"][i % 3]) for i, (s, label) in enumerate(CELLS)]
    assert records[0].id == "ours-2"


def test_importers_excel_csv_in_windows_1251_reads_the_same_records(comma_csv, excel_csv):
    assert [(r.status, r.label) for r in load_corpus([excel_csv])] == [(r.status, r.label) for r in load_corpus([comma_csv])]


def test_importers_csv_corpora_train_and_evaluate(tmp_path, comma_csv, excel_csv):
    model = tmp_path / "model"
    trained = runner.invoke(app, ["train", str(comma_csv), "-o", str(model), "--folds", "2"])
    assert trained.exit_code == 0, trained.output
    for corpus in (comma_csv, excel_csv):
        scored = runner.invoke(app, ["evaluate", str(corpus), "--model", str(model)])
        assert scored.exit_code == 0, scored.output
        assert "macro" in scored.output.lower()


@pytest.mark.parametrize(
    "data,message",
    [
        ('status,label\nВиконано,done\n"Проведено навчання,done\nНе надходило,not_applicable\n'.encode(), r"\[E016\] {path}: line 3: not a readable CSV record"),
        (b"status,label\n" + bytes(range(256)) * 8, r"\[E002\] {path}: the file is not text"),
        ("статус;мітка\nВиконано;done\n".encode("cp1251"), r"{path}: line 1: the header row has no label and no status column"),
    ],
    ids=["unclosed-quote", "binary", "no-columns"],
)
def test_importers_broken_csv_is_a_coded_error_with_file_and_line(tmp_path, data, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(CorpusError, match=message.format(path=path)):
        load_corpus([path])
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(path) in result.stderr


def _audit_files(tmp_path, statuses):
    """An audit's CSV and XLSX as `acnlp audit` writes them, for rows with these statuses."""
    from acnlp.audit.outputs import FLAT_COLUMNS, flat_row, write_csv, write_xlsx

    rows = [{"index": i, "measure": "Навчання", "deadline": "2019", "status": status, "label": "boilerplate"} for i, status in enumerate(statuses, start=1)]
    flat = [flat_row("звіт ДМС", row) for row in rows]
    write_csv(flat, tmp_path / "audit.csv", FLAT_COLUMNS)
    write_xlsx({"rows": (FLAT_COLUMNS, flat)}, tmp_path / "audit.xlsx")
    return tmp_path / "audit.csv", tmp_path / "audit.xlsx"


def _review(path, labels):
    """Fill label_reviewed per sheet row, as Excel or LibreOffice would save it."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path)
        sheet = workbook.active
        column = [cell.value for cell in sheet[1]].index("label_reviewed") + 1
        for row, label in labels.items():
            sheet.cell(row=row, column=column, value=label)
        workbook.save(path)
        return
    with path.open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    for row, label in labels.items():
        table[row - 1][table[0].index("label_reviewed")] = label
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        csv.writer(stream).writerows(table)


@pytest.mark.parametrize("kind", [0, 1], ids=["csv", "xlsx"])
def test_importers_audit_review_rows_become_records_with_their_source(tmp_path, kind):
    from acnlp.corpus.store import read_corpus

    path = _audit_files(tmp_path, ["=HYPERLINK(\"x\")", "Проведено 2 навчання", "", "Виконано", " - "])[kind]
    _review(path, {2: "not_applicable", 3: "done", 4: " boilerplate ", 5: "зроблено"})
    loaded = read_corpus([path])
    assert [(r.status, r.label, r.source, r.group, r.model_label, r.measure) for r in loaded.records] == [
        ("=HYPERLINK(\"x\")", "not_applicable", f"review:{path.name}#2", "звіт_ДМС", "boilerplate", "Навчання"),
        ("Проведено 2 навчання", "done", f"review:{path.name}#3", "звіт_ДМС", "boilerplate", "Навчання"),
        ("", "boilerplate", f"review:{path.name}#4", "звіт_ДМС", "boilerplate", "Навчання"),
    ]  # the formula-like status comes back as written, without the CSV's apostrophe
    assert [str(e) for e in loaded.refused] == [
        f"[E090] {path}: row 5: label_reviewed 'зроблено' is not one of the four labels (done, in_progress, not_applicable, "
        "boilerplate); pick one from the drop-down or leave the cell empty. The other reviewed rows are read"
    ]
    assert loaded.unreviewed == {str(path): 1}  # row 6, nobody reviewed it
    with pytest.raises(CorpusError, match=r"\[E090\]"):  # the strict loader refuses the file
        load_corpus([path])


def test_importers_audit_csv_unreviewed_never_trains_on_the_models_own_labels(tmp_path):
    from acnlp.corpus.store import read_corpus

    path, _ = _audit_files(tmp_path, ["Виконано", "Проведено 2 навчання"])
    loaded = read_corpus([path])
    assert loaded.records == [] and loaded.unreviewed == {str(path): 2}


def test_importers_audit_xlsx_cut_status_and_missing_column_are_coded_errors(tmp_path):
    from openpyxl import Workbook

    from acnlp.corpus.store import read_corpus

    _, path = _audit_files(tmp_path, ["Проведено навчання. " * 2000, "Виконано"])
    _review(path, {2: "done", 3: "done"})
    loaded = read_corpus([path])
    assert [r.status for r in loaded.records] == ["Виконано"]
    assert [e.code for e in loaded.refused] == ["E091"] and f"{path}: row 2: the status was cut" in str(loaded.refused[0])
    plain = tmp_path / "plain.xlsx"
    workbook = Workbook()
    workbook.active.append(["status", "label"])
    workbook.active.append(["Виконано", "done"])
    workbook.save(plain)
    (error,) = read_corpus([plain]).refused
    assert str(error).startswith(f"[E092] {plain}: not an audit table with a review column: the header row (row 1) has no label_reviewed column")


def test_importers_page_corrections_read_as_reviewed_cells(tmp_path):
    from acnlp.corpus.store import read_corpus

    path = tmp_path / "звіт ДМС.corrections.jsonl"
    base = {"report": "звіт ДМС", "source": "dms.txt, line 12", "measure": "Навчання", "label": "boilerplate", "review_note": ""}
    lines = [
        {**base, "status": "Проведено 2 навчання", "label_reviewed": "done", "review_note": "є протокол"},
        {**base, "status": "Постійно", "label_reviewed": ""},  # the page writes only reviewed rows; a blank one is ignored
        {**base, "status": "Скарг не надходило", "label_reviewed": " not_applicable ", "label": "зроблено"},
        {**base, "status": "Виконано", "label_reviewed": "Done!"},
        {**{k: v for k, v in base.items() if k != "report"}, "status": "Виконано", "label_reviewed": "done"},
        {**base, "status": None, "label_reviewed": "done"},
        {**base, "status": "=1+1", "label_reviewed": None},
    ]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    loaded = read_corpus([path])
    assert [(r.source, r.group, r.status, r.label, r.model_label, r.row_source, getattr(r, "review_note", None)) for r in loaded.records] == [
        (f"review:{path.name}#1", "звіт_ДМС", "Проведено 2 навчання", "done", "boilerplate", "dms.txt, line 12", "є протокол"),
        (f"review:{path.name}#3", "звіт_ДМС", "Скарг не надходило", "not_applicable", None, "dms.txt, line 12", None),
    ]  # a model label that is not one of the four is not kept
    assert [str(e) for e in loaded.refused] == [
        f"[E093] {path}: line 4: label_reviewed 'Done!' is not one of the four labels (done, in_progress, not_applicable, boilerplate); the other corrections are read",
        f"[E093] {path}: line 5: no report name (the audit's NAME); the other corrections are read",
        f"[E093] {path}: line 6: no status text; the other corrections are read",
    ]
    assert loaded.unreviewed == {str(path): 2}


def test_importers_audit_jsonl_rows_are_never_trained_on(tmp_path):
    # the audit's NAME.jsonl holds the model's own labels: a coded error naming the line, not training data
    path = tmp_path / "dms_2019_annual.jsonl"
    row = {"report": "dms_2019_annual", "index": 1, "status": "Виконано", "label": "done", "scores": {"done": 0.9}, "flags": ["no_evidence"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"\[E040\] {re.escape(str(path))}: line 1: an audit's row, labelled by the model, not by a reviewer"):
        load_corpus([path])
