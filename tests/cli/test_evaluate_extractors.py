"""`acnlp evaluate-extractors`: figures per split and field, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from acnlp.cli import app

runner = CliRunner()

RECORDS = [
    {
        "id": "a-1", "source": "written:a", "group": "a", "year": 2019, "label": "done",
        "status": "Наказом від 12.03.2019 № 15 затверджено план, проведено 2 навчання.",
        "dates": [{"text": "12.03.2019", "value": "2019-03-12", "precision": "day"}],
        "orders": [{"text": "Наказом від 12.03.2019 № 15", "type": "наказ", "number": "15", "date": "2019-03-12"}],
        "counts": [{"text": "2 навчання", "value": 2, "noun": "навчання"}],
    },
    {
        # the gold is deliberately wrong (2019-04-01), so the date field scores a miss
        "id": "b-1", "source": "seed:report.txt#3", "group": "b", "year": 2019, "label": "done",
        "status": "Звіт оприлюднено 02.04.2019.",
        "dates": [{"text": "02.04.2019", "value": "2019-04-01", "precision": "day"}],
    },
]


def write_corpus(folder: Path) -> Path:
    path = folder / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    (folder / "splits.json").write_text(json.dumps({"test": ["b"]}))
    return path


def test_evaluate_extractors_prints_a_row_per_split_and_field(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["evaluate-extractors", str(corpus), "--splits", str(tmp_path / "splits.json"), "--split", "train", "--split", "seed", "--errors", "3"])
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split()[:2]): line.split()[2:] for line in result.stdout.splitlines()[1:] if not line.startswith(" ")}
    assert rows[("train", "orders")] == ["1", "1", "1", "1.000", "1.000", "1.000"]
    assert rows[("seed", "dates")] == ["1", "1", "0", "0.000", "0.000", "0.000"]
    assert "seed dates b-1: missed [('2019-04-01', 'day')], spurious [('2019-04-02', 'day')]" in result.stdout


def test_evaluate_extractors_json(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path)
    result = runner.invoke(app, ["evaluate-extractors", str(corpus), "--splits", str(tmp_path / "splits.json"), "--split", "test", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["test"]["records"] == 1 and figures["test"]["dates"]["recall"] == 0.0


def test_evaluate_extractors_rejects_an_unknown_split(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate-extractors", str(write_corpus(tmp_path)), "--split", "holdout"])
    assert result.exit_code == 2
    assert "holdout" in result.output


def test_evaluate_extractors_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "source": "s", "group": "g", "label": "done", "status": "1.1.2019",
                               "dates": [{"text": "нема", "value": "2019-01-01", "precision": "day"}]}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate-extractors", str(bad)])
    assert result.exit_code == 1
    assert "bad.jsonl" in result.output and "нема" in result.output
