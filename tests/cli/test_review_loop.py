"""The auditor's review loop (issue 14): audit the seed reports, fill ``label_reviewed`` in an
XLSX (as openpyxl edits it, the way Excel or LibreOffice would save it) or its CSV, write the
audit page's corrections file in its contract format (`acnlp.corpus.importers.correction_record`),
and train and evaluate on those rows beside a small corpus; the model card counts them, lists
the reviews that contradict the guidelines (left out of training unless
``--keep-contradictions``) and scores the reviewed cells before and after retraining.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from acnlp.classify.evaluation import scores
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
    result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(out), "--jobs", "1"])
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


#: The corrections the page would save for the Luhansk report: a row's index -> the reviewed label.
#: Confirmations and changes on answered rows; the contradictions are chosen by their text below.
OTHER = {"done": "boilerplate", "boilerplate": "done", "in_progress": "done", "not_applicable": "in_progress"}


def _corrections(audited: Path, target: Path) -> tuple[dict[int, tuple[str, str, str]], list[int]]:
    """Write the page's corrections file for the Luhansk audit; return line -> (status, model's
    label, reviewed label), and the lines written to contradict the guidelines: two blank answers
    reviewed as done, and an answer saying no complaints came in reviewed as done."""
    rows = [json.loads(line) for line in (audited / "luhansk_housing_2019_q3.jsonl").read_text(encoding="utf-8").splitlines()]
    blank = [row for row in rows if not row["status"].strip()][:2]
    no_trigger = [row for row in rows if re.search(r"не надходил", row["status"])][:1]
    answered = [row for row in rows if row["status"].strip() and row not in no_trigger][:6]
    chosen = [(row, OTHER[row["label"]] if i % 2 else row["label"]) for i, row in enumerate(answered)]
    chosen += [(row, "done") for row in blank + no_trigger]
    lines, written = [], {}
    for number, (row, reviewed) in enumerate(chosen, start=1):
        lines.append(json.dumps({"report": row["report"], "source": f"luhansk_housing_2019_q3.txt, line {row['lines'][0]}",
                                 "status": row["status"], "measure": row["measure"], "label": row["label"],
                                 "label_reviewed": reviewed, "review_note": "перевірено" if number == 1 else ""}, ensure_ascii=False))
        written[number] = (row["status"], row["label"], reviewed)
    lines.append(json.dumps({"report": "luhansk_housing_2019_q3", "source": "x", "status": "Виконано", "measure": "",
                             "label": "done", "label_reviewed": "", "review_note": ""}, ensure_ascii=False))  # not reviewed
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written, list(range(len(answered) + 1, len(chosen) + 1))


def test_review_loop_xlsx_and_page_corrections_train_with_contradictions_listed(audited: Path, small_corpus: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "dms_2019_annual.xlsx"
    model_labels = _reviewed_xlsx(audited, xlsx)
    corrections = tmp_path / "luhansk_housing_2019_q3.corrections.jsonl"
    written, contradicting = _corrections(audited, corrections)
    model = tmp_path / "model"
    result = runner.invoke(app, ["train", str(small_corpus), str(xlsx), str(corrections), "-o", str(model), "--folds", "2",
                                 "--no-leave-one-batch-out"])
    assert result.exit_code == 1 and "[E090]" in result.stderr and "Traceback" not in result.output  # the XLSX's typo row
    card = json.loads((model / "model_card.json").read_text(encoding="utf-8"))["reviewed"]
    assert card["reports"] == {"dms_2019_annual": len(REVIEWS), "luhansk_housing_2019_q3": len(written)}
    assert f"{corrections}: 1 row(s) without label_reviewed ignored" in result.stderr

    # the contradictions are listed by source, in the output and the card, and not trained on
    sources = {f"review:{corrections.name}#{n}" for n in contradicting}
    listed = {c["source"] for c in card["contradictions"]}
    assert listed >= sources and not card["contradictions_kept"]
    err = " ".join(result.stderr.split())
    for source in listed:
        assert f"[E096] {source}: reviewed 'done', but the text" in err and "left out of training" in err
    assert card["trained"] == card["cells"] - len(listed)
    assert "give them a second look" in (model / "model_card.md").read_text(encoding="utf-8")

    # before: the audit's labels on the reviewed cells trained on; after: by grouped cross-validation
    kept: list[tuple[str, str]] = [(label, model_labels[row]) for row, label in REVIEWS.items()]
    kept += [(reviewed, label) for n, (_, label, reviewed) in written.items() if f"review:{corrections.name}#{n}" not in listed]
    scored = card["before_after"]
    assert (scored["folds"], scored["reports"], scored["n"]) == (2, 2, len(kept)) == (2, 2, card["trained"])
    assert scored["before"] == scores([gold for gold, _ in kept], [label for _, label in kept])
    assert scored["after"]["n"] == len(kept) and 0 <= scored["after"]["macro_f1"] <= 1
    assert f"before {scored['before']['macro_f1']:.3f}, after {scored['after']['macro_f1']:.3f}" in err

    kept_model = tmp_path / "kept"
    again = runner.invoke(app, ["train", str(small_corpus), str(corrections), "-o", str(kept_model), "--folds", "0",
                                "--no-leave-one-batch-out", "--reviewed-folds", "0", "--keep-contradictions"])
    assert again.exit_code == 0, again.output
    card = json.loads((kept_model / "model_card.json").read_text(encoding="utf-8"))["reviewed"]
    assert card["contradictions_kept"] and card["trained"] == card["cells"] == len(written) and "before_after" not in card
    assert "trained on (--keep-contradictions)" in " ".join(again.stderr.split())

    evaluated = runner.invoke(app, ["evaluate", str(corrections), "--model", str(kept_model)])
    assert evaluated.exit_code == 0, evaluated.output
    assert json.loads(evaluated.stdout)["model_scores"]["n"] == len(written)
