"""`acnlp.load().analyze`: labels plus the extracted evidence and the parsed deadline."""

from __future__ import annotations

import pytest

from acnlp import load
from acnlp.analyzer import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return load()


def test_analyzer_adds_extractions(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Протоколом від 24.01.2019 № 1 розглянуто 3 повідомлення у ІІІ кварталі.", year=2019)
    assert [d["value"] for d in result["dates"]] == ["2019-01-24", "2019-Q3"]
    assert [(o["type"], o["number"], o["date"]) for o in result["orders"]] == [("протокол", "1", "2019-01-24")]
    assert [(c["value"], c["noun"]) for c in result["counts"]] == [(3, "повідомлення")]
    assert "deadline_parsed" not in result


def test_analyzer_parses_the_deadline(analyzer: Analyzer) -> None:
    result = analyzer.analyze("Виконано.", deadline="Березень Червень Вересень Грудень 2019 року")
    assert result["deadline_parsed"]["kind"] == "months"
    assert result["deadline_parsed"]["due"] == "2019-12-31"


def test_analyzer_many_takes_the_year_from_each_item(analyzer: Analyzer) -> None:
    items = [{"status": "у ІІ кварталі", "year": 2020, "deadline": "протягом року"}, {"status": "у ІІ кварталі", "year": "2020"}]
    first, second = analyzer.analyze_many(items)
    assert [d["value"] for d in first["dates"]] == ["2020-Q2"] and first["deadline_parsed"]["due"] == "2020-12-31"
    assert second["dates"] == []  # a year given as text is not trusted
