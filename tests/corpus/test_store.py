"""Loading corpora: our JSONL, bare status/label JSONL, CSV, Label Studio; bad lines named."""

from __future__ import annotations

import json

import pytest

from acnlp.corpus import CorpusError, load_corpus
from acnlp.corpus.splits import deduplicate, near_duplicates

GOOD = {
    "id": "t-1", "source": "written:t", "group": "t", "body_type": "city_council", "year": 2021,
    "status": "Наказом від 12.03.2021 № 15 затверджено план; проведено 2 навчання.", "label": "done",
    "dates": [{"text": "12.03.2021", "value": "2021-03-12", "precision": "day", "kind": "date"}],
    "orders": [{"text": "Наказом від 12.03.2021 № 15", "type": "наказ", "number": "15", "date": "2021-03-12"}],
    "counts": [{"text": "2 навчання", "value": 2, "noun": "навчання"}],
}


def _jsonl(path, records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_store_loads_valid_records_with_gold(tmp_path):
    (record,) = load_corpus([_jsonl(tmp_path / "c.jsonl", [GOOD])])
    assert record.label == "done" and record.orders[0].number == "15" and record.counts[0].value == 2


def test_store_fills_ids_and_groups_of_bare_records(tmp_path):
    path = _jsonl(tmp_path / "ours.jsonl", [{"status": "Скарг не надходило", "label": "not_applicable"}, {"status": "-", "label": "boilerplate"}])
    records = load_corpus([path])
    assert [(r.id, r.group, r.source) for r in records] == [("ours-1", "ours", "import:ours.jsonl"), ("ours-2", "ours", "import:ours.jsonl")]


@pytest.mark.parametrize(
    "line,reason",
    [
        ("{not json", "not JSON"),
        ('["a list"]', "not a JSON object"),
        (json.dumps({"status": "Виконано", "label": "finished"}), "label: Input should be"),
        (json.dumps({"label": "done"}), "status: Field required"),
        (json.dumps({**GOOD, "counts": [{"text": "3 навчання", "value": 3, "noun": "навчання"}]}), "does not stand in the status"),
        (json.dumps({**GOOD, "dates": [{"text": "12.03.2021", "value": "2021-03", "precision": "day"}]}), "is not written as its precision"),
        (json.dumps({**GOOD, "orders": [{"text": "Наказом", "type": "наказ"}]}), "needs a number or a date"),
    ],
    ids=["not-json", "not-object", "bad-label", "no-status", "gold-not-in-status", "date-precision", "order-without-number"],
)
def test_store_names_the_file_and_line_of_a_bad_record(tmp_path, line, reason):
    path = _jsonl(tmp_path / "c.jsonl", [GOOD, line])
    with pytest.raises(CorpusError) as info:
        load_corpus([path])
    assert f"{path}: line 2:" in str(info.value)
    assert reason in str(info.value)


def test_store_refuses_repeated_ids_across_files(tmp_path):
    a = _jsonl(tmp_path / "a.jsonl", [GOOD])
    b = _jsonl(tmp_path / "b.jsonl", [GOOD])
    with pytest.raises(CorpusError, match="repeats an id"):
        load_corpus([a, b])


def test_store_imports_csv_with_semicolons_and_multiline_cells(tmp_path):
    path = tmp_path / "annotated.csv"
    path.write_text('status;label;measure\n"Проведено навчання;\nпротокол № 3";done;Навчання\n"-";boilerplate;\n', encoding="utf-8-sig")
    records = load_corpus([path])
    assert [(r.label, r.measure) for r in records] == [("done", "Навчання"), ("boilerplate", None)]
    assert records[0].status == "Проведено навчання;\nпротокол № 3" and records[1].id == "annotated-4"


def test_store_csv_without_label_column_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("status,comment\nВиконано,ok\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x.csv: line 1: the header row has no label column"):
        load_corpus([path])


def test_store_imports_label_studio_exports(tmp_path):
    tasks = [
        {"id": 7, "data": {"status": "Розпочато перевірку", "measure": "Перевірки"},
         "annotations": [{"was_cancelled": True, "result": [{"type": "choices", "value": {"choices": ["done"]}}]},
                         {"result": [{"type": "choices", "value": {"choices": ["in_progress"]}}]}]},
        {"id": 8, "data": {"text": "Скарг не надходило"}, "annotations": [{"result": [{"type": "choices", "value": {"choices": ["not_applicable"]}}]}]},
        {"id": 9, "data": {"text": "без розмітки"}, "annotations": []},
    ]
    path = tmp_path / "project-1.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"project-1.json: line 3: task 9 needs exactly one label choice"):
        load_corpus([path])
    path.write_text(json.dumps(tasks[:2], ensure_ascii=False), encoding="utf-8")
    records = load_corpus([path])
    assert [(r.id, r.label, r.measure) for r in records] == [("ls-7", "in_progress", "Перевірки"), ("ls-8", "not_applicable", None)]


def test_splits_deduplicate_and_report_label_conflicts(tmp_path):
    path = _jsonl(tmp_path / "c.jsonl", [
        {"status": "Виконано.", "label": "done"},
        {"status": " Виконано. ", "label": "done"},
        {"status": "Інформація відсутня", "label": "boilerplate"},
        {"status": "Інформація  відсутня", "label": "not_applicable"},
    ])
    result = deduplicate(load_corpus([path]))
    assert [r.id for r in result.records] == ["c-1"]
    assert result.dropped == [("c-2", "c-1")] and result.conflicts == [("c-3", "c-4")]


def test_splits_find_near_duplicates_only_across_splits(tmp_path):
    text = "Наказом від 12.03.2021 № 15 затверджено план заходів та проведено навчання"
    path = _jsonl(tmp_path / "c.jsonl", [
        {"status": text, "label": "done", "group": "a"},
        {"status": text + ".", "label": "done", "group": "b"},
        {"status": text + "!", "label": "done", "group": "a", "id": "c-3"},
    ])
    pairs = near_duplicates(load_corpus([path]), {"b": "test"})
    assert {frozenset(p[:2]) for p in pairs} == {frozenset({"c-1", "c-2"}), frozenset({"c-2", "c-3"})}


def test_store_folders_skip_other_json_files(tmp_path):
    _jsonl(tmp_path / "cells.jsonl", [GOOD])
    (tmp_path / "splits.json").write_text('{"test": ["t"]}', encoding="utf-8")
    assert [r.id for r in load_corpus([tmp_path])] == ["t-1"]
