"""The auditor's review loop (issue 14, first slice): audit a seed report, fill ``label_reviewed``
in its XLSX (as openpyxl edits it, the way Excel or LibreOffice would save it) or its CSV, and
train and evaluate on those rows beside a small corpus; the model card counts them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from acnlp.cli import app

from ..classify.conftest import SMALL_CORPUS

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
runner = CliRunner()
#: Row in the sheet (header = row 1) -> the reviewer's label; row 5 holds a typo.
REVIEWS = {2: "done", 3: "boilerplate", 4: "in_progress", 6: "not_applicable"}
TYPO_ROW, TYPO = 5, "Done!"


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review-audit")
    result = runner.invoke(app, ["audit", str(REPORTS / "dms_2019_annual.txt"), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("review-corpus") / "ours.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, (status, label) in enumerate(SMALL_CORPUS):
            f.write(json.dumps({"status": status, "label": label, "group": "abc"[i % 3]}, ensure_ascii=False) + "\n")
    return corpus


def _model_labels(rows: list[list[object]], header: list[str]) -> dict[int, str]:
    return {number: str(row[header.index("label")]) for number, row in enumerate(rows, start=2)}


def _reviewed_xlsx(audited: Path, target: Path) -> dict[int, str]:
    """Fill label_reviewed (and a note) as an auditor does; return the model's label per row."""
    workbook = load_workbook(audited / "dms_2019_annual.xlsx")
    sheet = workbook["rows"]
    header = [cell.value for cell in sheet[1]]
    column = header.index("label_reviewed") + 1
    for row, label in {**REVIEWS, TYPO_ROW: TYPO}.items():
        sheet.cell(row=row, column=column, value=label)
    sheet.cell(row=2, column=header.index("review_note") + 1, value="є наказ")
    workbook.save(target)
    return _model_labels([[c.value for c in row] for row in sheet.iter_rows(min_row=2)], header)


def _reviewed_csv(audited: Path, target: Path) -> dict[int, str]:
    with (audited / "dms_2019_annual.csv").open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.reader(stream))
    header = table[0]
    for row, label in {**REVIEWS, TYPO_ROW: TYPO}.items():
        table[row - 1][header.index("label_reviewed")] = label
    # as Ukrainian Excel saves a CSV: ';' and Windows-1251
    with target.open("w", encoding="cp1251", errors="replace", newline="") as stream:
        csv.writer(stream, delimiter=";").writerows(table)
    return _model_labels(table[1:], header)


def test_review_loop_xlsx_has_an_empty_label_reviewed_drop_down_and_note(audited: Path) -> None:
    workbook = load_workbook(audited / "dms_2019_annual.xlsx")
    sheet = workbook["rows"]
    header = [cell.value for cell in sheet[1]]
    letter = sheet.cell(row=1, column=header.index("label_reviewed") + 1).column_letter
    assert "review_note" in header
    assert all(row[header.index("label_reviewed")] is None and row[header.index("review_note")] is None
               for row in sheet.iter_rows(min_row=2, values_only=True))  # fmt: skip
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"done,in_progress,not_applicable,boilerplate"'
    assert str(validation.sqref) == f"{letter}2:{letter}{sheet.max_row}" and sheet.max_row == 43


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_review_loop_train_and_evaluate_on_reviewed_rows(kind: str, audited: Path, small_corpus: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / f"dms_2019_annual.{kind}"
    model_labels = (_reviewed_xlsx if kind == "xlsx" else _reviewed_csv)(audited, reviewed)
    model = tmp_path / "model"
    result = runner.invoke(app, ["train", str(small_corpus), str(reviewed), "-o", str(model), "--folds", "2", "--no-leave-one-batch-out"])

    # the typo is a coded error naming the file and row; the model is still written from the rest
    assert result.exit_code == 1, result.output
    assert f"[E090] {reviewed}: row {TYPO_ROW}: label_reviewed '{TYPO}' is not one of the four labels" in result.stderr
    assert "Traceback" not in result.output
    assert f"{reviewed}: 37 row(s) without label_reviewed ignored" in result.stderr
    card = json.loads((model / "model_card.json").read_text(encoding="utf-8"))
    disagreed = sum(model_labels[row] != label for row, label in REVIEWS.items())
    assert card["reviewed"]["cells"] == len(REVIEWS) and card["reviewed"]["reports"] == {"dms_2019_annual": len(REVIEWS)}
    assert card["reviewed"]["trained"] == len(REVIEWS)
    assert card["reviewed"]["compared"] == len(REVIEWS) and card["reviewed"]["model_disagreed"] == disagreed
    assert sum(card["reviewed"]["changes"].values()) == disagreed
    assert "## Reviewed cells" in (model / "model_card.md").read_text(encoding="utf-8")
    assert card["records"] == len(SMALL_CORPUS) + len(REVIEWS)

    scored = runner.invoke(app, ["evaluate", str(reviewed), "--model", str(model)])
    assert scored.exit_code == 1 and "[E090]" in scored.stderr
    assert json.loads(scored.stdout)["model_scores"]["n"] == len(REVIEWS)
