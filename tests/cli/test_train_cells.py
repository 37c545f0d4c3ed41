"""The retraining workflow end to end: train on a corpus, read the card, label cells, evaluate."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from acnlp.cli import app

from ..classify.conftest import SMALL_CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    folder = tmp_path_factory.mktemp("retrain")
    corpus = folder / "ours.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, (status, label) in enumerate(SMALL_CORPUS):
            # six cells per label: two in a, two in b, one in the test group c, one "real" seed
            group = ["a", "a", "b", "b", "c", "seed-x"][i % 6]
            f.write(json.dumps({"status": status, "label": label, "group": group}, ensure_ascii=False) + "\n")
    splits = folder / "splits.json"
    splits.write_text(json.dumps({"test": ["c"]}))
    model = folder / "model"
    result = runner.invoke(app, ["train", str(corpus), "-o", str(model), "--splits", str(splits), "--folds", "2"])
    return folder, corpus, splits, model, result


def test_train_writes_model_manifest_and_card(trained):
    _, _, _, model, result = trained
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert set(summary["macro_f1"]) >= {"test", "baseline_test", "cross_validation", "seed_transfer"}
    card = json.loads((model / "model_card.json").read_text())
    assert card["label_counts"]["test"] and card["corpus_sha256"] and card["versions"]["scikit-learn"]
    assert card["metrics"]["test"]["confusion"] and len(card["metrics"]["cross_validation"]["macro_f1"]) == 2
    assert "| test |" in (model / "model_card.md").read_text()


def test_train_refuses_to_overwrite_a_model(trained):
    _, corpus, splits, model, _ = trained
    result = runner.invoke(app, ["train", str(corpus), "-o", str(model), "--splits", str(splits)])
    assert result.exit_code == 2 and "already holds a model" in result.output


def test_train_reports_bad_corpus_lines(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"status": "Виконано", "label": "done"}\n{"status": 5}\n', encoding="utf-8")
    result = runner.invoke(app, ["train", str(bad), "-o", str(tmp_path / "m")])
    assert result.exit_code == 1 and "bad.jsonl: line 2:" in result.stderr


def test_cells_labels_lines_in_order_and_marks_bad_ones(trained):
    _, _, _, model, _ = trained
    lines = [
        json.dumps({"status": "Скарг не надходило", "row": 1}, ensure_ascii=False),
        "not json at all",
        json.dumps({"measure": "Навчання"}, ensure_ascii=False),
        json.dumps({"status": "Проведено 2 навчання", "measure": "Навчання", "row": 4}, ensure_ascii=False),
    ]
    result = runner.invoke(app, ["cells", "-", "-o", "-", "--model", str(model)], input="\n".join(lines) + "\n")
    assert result.exit_code == 1, result.output  # two lines failed
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["row"] == 1 and out[0]["label"] in {"boilerplate", "done", "in_progress", "not_applicable"}
    assert abs(sum(out[0]["scores"].values()) - 1) < 1e-9
    assert "error" in out[1] and "error" in out[2] and "label" not in out[2]
    assert out[3]["row"] == 4 and out[3]["measure"] == "Навчання" and "label" in out[3]


def test_evaluate_prints_model_and_baseline_scores(trained):
    _, corpus, splits, model, _ = trained
    result = runner.invoke(app, ["evaluate", str(corpus), "--model", str(model), "--splits", str(splits), "--split", "test"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["model_scores"]["n"] == 4 and set(report["baseline_scores"]["per_label"]) == {"boilerplate", "done", "in_progress", "not_applicable"}
