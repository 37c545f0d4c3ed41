"""`acnlp lemmatize`: the backbone's reading of a text, as a table or as JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from acnlp.cli import app

runner = CliRunner()


def test_lemmatize_prints_lemmas_and_features():
    result = runner.invoke(app, ["lemmatize", "Наказом від 26.02.2019 № 29/аг проведено п’ять внутрішніх аудитів"])
    assert result.exit_code == 0, result.output
    for expected in ("наказ", "провести", "Person=0", "Aspect=Perf", "внутрішній", "аудит", "п'ять"):
        assert expected in result.stdout


def test_lemmatize_json_gives_offsets_into_the_normalised_text():
    text = "Роз’яснювальну роботу проведено"
    result = runner.invoke(app, ["lemmatize", "--json", text])
    assert result.exit_code == 0, result.output
    tokens = [json.loads(line) for line in result.stdout.splitlines()]
    assert [t["lemma"] for t in tokens] == ["роз'яснювальний", "робота", "провести"]
    assert tokens[2]["morph"]["Person"] == "0"
    canonical = "Роз'яснювальну роботу проведено"
    assert all(canonical[t["start"] : t["end"]] == t["text"] for t in tokens)


def test_lemmatize_unknown_backend_is_a_usage_error():
    result = runner.invoke(app, ["lemmatize", "--backend", "udpipe", "текст"])
    assert result.exit_code == 2
    assert "unknown backend 'udpipe'" in result.output


def test_lemmatize_missing_stanza_dir_is_reported_not_a_traceback(tmp_path):
    result = runner.invoke(app, ["lemmatize", "--backend", "stanza", "--stanza-dir", str(tmp_path / "nowhere"), "текст"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert ("E022" in result.stderr and "nowhere" in result.stderr) or "E021" in result.stderr
