"""``acnlp review`` on a real audit of the seed reports: what it picks and in which order.

The expectations are computed here from the audit's own rows (their scores, and the
guidelines' reading of each status), with a near-duplicate check written independently of
the module's: nothing is hard-coded for these two reports.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from acnlp.classify.features import Cell, cell_reading
from acnlp.cli import app
from acnlp.normalize import normalize

runner = CliRunner()


def _rows(audited: Path) -> dict[tuple[str, int], dict[str, Any]]:
    rows = {}
    for path in sorted(audited.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["report"], row["index"]] = row
    return rows


def _review(outputs: list[Path], target: Path, *extra: str) -> tuple[Any, list[dict[str, Any]]]:
    result = runner.invoke(app, ["review", *map(str, outputs), "-o", str(target), *extra])
    tasks = json.loads(target.read_text(encoding="utf-8")) if target.exists() else []
    return result, tasks


def _reduced(text: str) -> str:
    return " ".join(re.findall(r"[\w']+", normalize(text).lower()))


def _jaccard(a: str, b: str) -> float:
    grams_a = {a[i : i + 5] for i in range(max(1, len(a) - 4))}
    grams_b = {b[i : i + 5] for i in range(max(1, len(b) - 4))}
    return len(grams_a & grams_b) / len(grams_a | grams_b)


def _rank(row: dict[str, Any]) -> tuple[int, float]:
    reading = cell_reading(Cell(row["status"], row.get("measure") or "", row.get("deadline") or "")).verdict
    return (0 if reading != row["label"] else 1, max(row["scores"].values()))


def test_picks_are_a_label_studio_import_with_the_models_prediction(audited: Path, tmp_path: Path) -> None:
    rows = _rows(audited)
    result, tasks = _review([audited], tmp_path / "tasks.json", "--n", "12", "--model-version", "status-v3")
    assert result.exit_code == 0, result.output
    assert len(tasks) == 12 and "picked 12 of" in result.stderr
    for task in tasks:
        row = rows[task["data"]["report"], task["data"]["index"]]
        (prediction,) = task["predictions"]
        assert task["data"]["status"] == row["status"] and task["data"]["model_label"] == row["label"]
        assert prediction["model_version"] == "status-v3" and prediction["score"] == round(max(row["scores"].values()), 4)
        assert prediction["result"] == [{"from_name": "label", "to_name": "status", "type": "choices", "value": {"choices": [row["label"]]}}]
        assert row["file"].endswith(task["data"]["source"].split(",")[0])
    assert (tmp_path / "label_config.xml").exists()


def test_picks_least_confident_first_within_rounds_spread_over_reports_and_sections(audited: Path, tmp_path: Path) -> None:
    rows = _rows(audited)
    answered = {key: row for key, row in rows.items() if not re.fullmatch(r"[\W_хx]*", row["status"].strip(), re.IGNORECASE)}
    result, tasks = _review([audited], tmp_path / "all.json", "--n", "1000")
    assert result.exit_code == 0, result.output
    picked = [(t["data"]["report"], t["data"]["index"]) for t in tasks]
    assert len(set(picked)) == len(picked) and set(picked) <= set(answered)
    # the first pick is the most worth a look of all: a disagreement if any, the least confident of them
    assert _rank(rows[picked[0]]) == min(_rank(row) for row in answered.values())
    # the k-th pick of each report belongs to round k; rounds follow each other, each sorted by worth
    seen: dict[str, int] = defaultdict(int)
    rounds = []
    for key in picked:
        seen[key[0]] += 1
        rounds.append(seen[key[0]])
    assert rounds == sorted(rounds), "a report gave its (k+1)-th pick before another report gave its k-th"
    for k in set(rounds):
        ranks = [_rank(rows[key]) for key, r in zip(picked, rounds) if r == k]
        assert ranks == sorted(ranks)
    # inside a report, a section repeats only after every section with picks left had one
    for report in {key[0] for key in picked}:
        sections = [rows[key]["section"] for key in picked if key[0] == report]
        first_round = sections[: len(set(sections))]
        assert len(set(first_round)) == len(first_round)
    # every answered row left out is a near-duplicate of a pick
    for key in set(answered) - set(picked):
        text = _reduced(answered[key]["status"])
        assert any(text == _reduced(rows[p]["status"]) or _jaccard(text, _reduced(rows[p]["status"])) >= 0.8 for p in picked), key


def test_picks_never_two_near_duplicates_even_across_reports(audited: Path, tmp_path: Path) -> None:
    # a third report copied from the first, every answer with one digit changed or a full stop added
    source = audited / "dms_2019_annual.jsonl"
    copy = tmp_path / "dms_copy.jsonl"
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        status = re.sub(r"\d", "7", row["status"], count=1) if re.search(r"\d", row["status"]) else row["status"] + "."
        lines.append(json.dumps({**row, "report": "dms_copy", "status": status}, ensure_ascii=False))
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, tasks = _review([source, copy], tmp_path / "tasks.json", "--n", "60")
    assert result.exit_code == 0, result.output
    texts = [_reduced(t["data"]["status"]) for t in tasks]
    assert {t["data"]["report"] for t in tasks} == {"dms_2019_annual", "dms_copy"}
    for a, b in combinations(texts, 2):
        assert a != b and _jaccard(a, b) < 0.8, (a[:60], b[:60])


def test_picks_are_deterministic(audited: Path, tmp_path: Path) -> None:
    # the page's corrections saved into the audit folder are not an audit output: passed over
    folder = tmp_path / "audit"
    shutil.copytree(audited, folder)
    (folder / "dms_2019_annual.corrections.jsonl").write_text('{"report": "dms_2019_annual", "label_reviewed": "done"}\n', encoding="utf-8")
    result, _ = _review([folder], tmp_path / "a.json", "--n", "30")
    assert result.exit_code == 0, result.output
    _review([audited / "luhansk_housing_2019_q3.jsonl", audited / "dms_2019_annual.jsonl"], tmp_path / "b.json", "--n", "30")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_picks_unreadable_outputs_are_coded_errors_and_the_others_go_through(audited: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\xff\xfe not text")
    summary = audited / "summary.json"
    lines = (audited / "luhansk_housing_2019_q3.jsonl").read_text(encoding="utf-8").splitlines()
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("\n".join([lines[0], '{"report": "x"', '{"status": "Виконано"}', *lines[1:]]) + "\n", encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    result, tasks = _review([broken, summary, damaged, missing, audited / "dms_2019_annual.jsonl"], tmp_path / "tasks.json", "--n", "500")
    assert result.exit_code == 1 and "Traceback" not in result.output
    err = " ".join(result.stderr.split())
    assert f"[E094] {broken}: not an audit output `acnlp review` can read: not UTF-8 text" in err
    assert f"[E094] {summary}:" in err and f"[E094] {missing}: " in err
    assert f"[E095] {damaged}: line 2: not JSON" in err
    assert f"[E095] {damaged}: line 3: no report, index, label, scores (not an audited row)" in err
    assert {t["data"]["report"] for t in tasks} == {"dms_2019_annual", "luhansk_housing_2019_q3"}


def test_picks_nothing_to_pick_is_a_coded_error(tmp_path: Path) -> None:
    empty = tmp_path / "blank.jsonl"
    empty.write_text(json.dumps({"report": "r", "index": 1, "status": " - ", "label": "boilerplate", "scores": {"boilerplate": 1.0}}) + "\n",
                     encoding="utf-8")
    result, tasks = _review([empty], tmp_path / "tasks.json")
    assert result.exit_code == 1 and tasks == [] and "[E098] no row to pick: 1 row(s) read, none with an answer" in result.stderr


@pytest.mark.parametrize("n", [1, 5])
def test_picks_n_bounds_the_tasks(audited: Path, tmp_path: Path, n: int) -> None:
    result, tasks = _review([audited], tmp_path / "tasks.json", "--n", str(n))
    assert result.exit_code == 0 and len(tasks) == n
