"""A Label Studio round trip: ``acnlp review`` writes the import and its labelling config, a
reviewer labels the tasks in Label Studio, and its JSON export comes back as reviewed cells.

The export is written here the way Label Studio's JSON export formats annotated tasks (its
"Label Studio JSON format of annotated tasks": each task with ``id``, ``data`` as imported,
``annotations`` with ``result`` items naming ``from_name``, ``to_name``, ``type`` and
``value.choices``, ``was_cancelled``, ``created_at``/``updated_at``, ``completed_by``, and
the imported ``predictions``): a confirmed pre-annotation, a changed label with a note, a
task labelled twice, a task whose newest annotation was cancelled, a task nobody labelled,
and one labelled in a project whose config was edited.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from acnlp.cli import app
from acnlp.corpus.schema import LABELS
from acnlp.corpus.store import read_corpus

runner = CliRunner()
OTHER = {"done": "in_progress", "in_progress": "done", "not_applicable": "boilerplate", "boilerplate": "done"}


@pytest.fixture(scope="module")
def imported(audited: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("label-studio") / "tasks.json"
    result = runner.invoke(app, ["review", str(audited / "dms_2019_annual.jsonl"), "-o", str(target), "--n", "8"])
    assert result.exit_code == 0, result.output
    return target


def _result(label: str, origin: str = "manual") -> dict[str, Any]:
    return {"value": {"choices": [label]}, "id": f"r-{label[:4]}", "from_name": "label", "to_name": "status",
            "type": "choices", "origin": origin}


def _annotation(task_id: int, number: int, results: list[dict[str, Any]], stamp: str, cancelled: bool = False) -> dict[str, Any]:
    return {"id": 500 + number, "completed_by": 1, "result": results, "was_cancelled": cancelled, "ground_truth": False,
            "created_at": stamp, "updated_at": stamp, "draft_created_at": None, "lead_time": 14.2, "prediction": {},
            "result_count": 0, "unique_id": f"u-{task_id}-{number}", "import_id": None, "last_action": None, "task": task_id,
            "project": 3, "updated_by": 1, "parent_prediction": 900 + task_id, "parent_annotation": None, "last_created_by": None}


def _export(tasks: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[int, tuple[str, str]]]:
    """The project's JSON export, and the expected (label, note) per task number (1-based)."""
    exported, expected = [], {}
    for number, task in enumerate(tasks, start=1):
        task_id = 40 + number
        model = task["data"]["model_label"]
        prediction = {"id": 900 + task_id, "model_version": task["predictions"][0]["model_version"], "created_ago": "2 hours",
                      "score": task["predictions"][0]["score"], "result": task["predictions"][0]["result"], "cluster": None,
                      "neighbors": None, "mislabeling": 0.0, "created_at": "2026-11-30T09:00:00.000000Z",
                      "updated_at": "2026-11-30T09:00:00.000000Z", "model": None, "model_run": None, "task": task_id, "project": 3}
        annotations: list[dict[str, Any]] = []
        if number == 1:  # the pre-annotation confirmed as it stood
            annotations = [_annotation(task_id, 1, [_result(model, "prediction")], "2026-11-30T10:01:00.000000Z")]
            expected[number] = (model, "")
        elif number == 2:  # changed, with a note
            note = {"value": {"text": ["є наказ № 29/аг"]}, "id": "n1", "from_name": "review_note", "to_name": "status",
                    "type": "textarea", "origin": "manual"}
            annotations = [_annotation(task_id, 1, [_result(OTHER[model]), note], "2026-11-30T10:02:00.000000Z")]
            expected[number] = (OTHER[model], "є наказ № 29/аг")
        elif number == 3:  # labelled twice: the later update counts, wherever it stands in the list
            annotations = [_annotation(task_id, 2, [_result(OTHER[model])], "2026-11-30T11:30:00.000000Z"),
                           _annotation(task_id, 1, [_result(model)], "2026-11-30T10:03:00.000000Z")]
            expected[number] = (OTHER[model], "")
        elif number == 4:  # the newest annotation was cancelled (skipped): the one before counts
            annotations = [_annotation(task_id, 1, [_result(OTHER[model])], "2026-11-30T10:04:00.000000Z"),
                           _annotation(task_id, 2, [], "2026-11-30T12:00:00.000000Z", cancelled=True)]
            expected[number] = (OTHER[model], "")
        elif number == 5:  # nobody labelled it
            pass
        elif number == 6:  # a project whose config was edited: a label acnlp does not know
            annotations = [_annotation(task_id, 1, [_result("Виконано")], "2026-11-30T10:06:00.000000Z")]
        else:
            annotations = [_annotation(task_id, 1, [_result(model, "prediction")], f"2026-11-30T10:0{number}:00.000000Z")]
            expected[number] = (model, "")
        exported.append({"id": task_id, "annotations": annotations, "file_upload": "a1b2c3d4-tasks.json", "drafts": [],
                         "predictions": [prediction], "data": task["data"], "meta": {}, "created_at": "2026-11-30T09:00:00.000000Z",
                         "updated_at": "2026-11-30T12:00:00.000000Z", "inner_id": number, "total_annotations": len(annotations),
                         "cancelled_annotations": sum(a["was_cancelled"] for a in annotations), "total_predictions": 1,
                         "comment_count": 0, "unresolved_comment_count": 0, "last_comment_updated_at": None, "project": 3,
                         "updated_by": 1, "comment_authors": []})
    return exported, expected


def test_label_studio_config_matches_the_tasks(imported: Path) -> None:
    tasks = json.loads(imported.read_text(encoding="utf-8"))
    config = ET.fromstring((imported.parent / "label_config.xml").read_text(encoding="utf-8"))
    (choices,) = config.iter("Choices")
    assert [c.get("value") for c in choices.iter("Choice")] == list(LABELS) and choices.get("choice") == "single"
    names = {t.get("name") for t in config.iter("Text")}
    variables = set(re.findall(r"\$(\w+)", ET.tostring(config, encoding="unicode")))
    for task in tasks:
        assert variables <= set(task["data"])  # every $field the config shows is in each task
        for result in task["predictions"][0]["result"]:
            assert result["from_name"] == choices.get("name") and result["to_name"] == choices.get("toName") in names


def test_label_studio_round_trip_export_becomes_reviewed_cells(imported: Path, tmp_path: Path) -> None:
    tasks = json.loads(imported.read_text(encoding="utf-8"))
    exported, expected = _export(tasks)
    export = tmp_path / "project-3-at-2026-11-30-12-00.json"
    export.write_text(json.dumps(exported, ensure_ascii=False, indent=2), encoding="utf-8")

    loaded = read_corpus([export])
    assert [(r.source, r.label, getattr(r, "review_note", "")) for r in loaded.records] == [
        (f"review:{export.name}#{number}", label, note) for number, (label, note) in sorted(expected.items())
    ]
    by_number = {int(r.source.rsplit("#", 1)[1]): r for r in loaded.records}
    for number, record in by_number.items():
        data = tasks[number - 1]["data"]
        assert (record.status, record.group, record.model_label, record.row_source, record.measure or "") == (
            data["status"], "dms_2019_annual", data["model_label"], data["source"], data["measure"])
    assert loaded.unreviewed == {str(export): 1}  # task 5
    assert [str(e) for e in loaded.refused] == [
        f"[E097] {export}: task 6 (Label Studio id 46): the label 'Виконано' is not one of the four (done, in_progress, "
        "not_applicable, boilerplate); was the project set up with the label_config.xml that acnlp review wrote?; the other tasks are read"
    ]

    scored = runner.invoke(app, ["evaluate", str(export)])
    assert scored.exit_code == 1 and "[E097]" in scored.stderr and "Traceback" not in scored.output
    assert json.loads(scored.stdout)["model_scores"]["n"] == len(expected)


def test_label_studio_plain_exports_still_read_as_labelled_cells(tmp_path: Path) -> None:
    # a task that acnlp review did not write (no report, no model_label) is a plain corpus cell
    plain = [{"id": 7, "data": {"text": "Скарг не надходило"}, "annotations": [_annotation(7, 1, [_result("not_applicable")], "2026-01-01T00:00:00Z")]}]
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    (record,) = read_corpus([path]).records
    assert (record.id, record.source, record.label) == ("ls-7", "import:plain.json", "not_applicable")
