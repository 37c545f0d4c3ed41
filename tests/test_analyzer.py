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


def test_analyzer_long_cell_analysed_on_its_first_part(analyzer: Analyzer) -> None:
    from acnlp.analyzer import MAX_ANALYSED_CHARS

    evidence = "Наказом від 12.03.2019 № 45 затверджено план. "
    # the evidence stands only past the limit: it must not be seen, and the cut must be said
    status = "Постійно проводиться роз’яснювальна робота. " * (MAX_ANALYSED_CHARS // 44 + 10) + evidence
    result = analyzer.analyze(status, year=2019)
    assert result["truncated"]["length"] == len(status)
    assert MAX_ANALYSED_CHARS - 200 <= result["truncated"]["analysed"] <= MAX_ANALYSED_CHARS
    assert result["orders"] == []
    assert "truncated" not in analyzer.analyze(evidence)


def test_analyzer_normalises_each_text_of_a_cell_once(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 13: the classifier, the backbone, the extractors and the deadline reader each ask
    # for the canonical text; it is computed once per text (acnlp.normalize remembers it).
    import importlib

    normalize_module = importlib.import_module("acnlp.normalize")
    canonical = normalize_module._canonical
    counted: list[str] = []

    def counting(text: str) -> tuple[str, bool]:
        counted.append(text)
        return canonical(text)

    monkeypatch.setattr(normalize_module, "_canonical", counting)
    status = "Проведено  2 навчання 14.03.2019, протокол  № 7 (test_analyzer_normalises)"
    measure = "Проведення навчань  (test_analyzer_normalises)"
    deadline = "Березень  2019 (test_analyzer_normalises)"
    result = analyzer.analyze(status, measure, deadline, year=2019)
    assert result["dates"] and result["deadline_parsed"]["due"] == "2019-03-31"
    assert sorted(counted) == sorted([status, measure, deadline])


def test_analyzer_settle_loads_freezes_and_collects_less_often(analyzer: Analyzer) -> None:
    import gc

    from acnlp.analyzer import LONG_RUN_GC_THRESHOLDS, settle
    from acnlp.nlp.pymorphy_backend import morph_analyzer, tokenizer

    before = analyzer.analyze("Наказом від 12.03.2019 № 45 проведено 2 навчання.", year=2019)
    thresholds = gc.get_threshold()
    try:
        settle(analyzer)
        assert tokenizer.cache_info().currsize == morph_analyzer.cache_info().currsize == 1
        assert gc.get_freeze_count() > 10_000  # the loaded tables, not a handful of objects
        assert gc.get_threshold() == LONG_RUN_GC_THRESHOLDS  # (tests/audit: a fresh process's change)
        assert analyzer.analyze("Наказом від 12.03.2019 № 45 проведено 2 навчання.", year=2019) == before
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_analyzer_repeated_answers_are_scored_once_and_given_back_as_their_own_results() -> None:
    analyzer = load()
    items = [{"status": "Скарг не надходило.", "measure": "Розгляд скарг"},
             {"status": "Проведено 2 навчання для 40 працівників.", "measure": "Навчання"}] * 3
    scored: list[int] = []
    score = analyzer.classifier.predict_proba_explained

    def counting(cells, top=5):
        scored.append(len(cells))
        return score(cells, top)

    analyzer.classifier.predict_proba_explained = counting
    first = list(analyzer.analyze_many(items[:2], explain=True))
    again = list(analyzer.analyze_many(items, explain=True))
    assert scored == [2]  # the second call met only answers it had scored
    assert [r["label"] for r in again] == ["not_applicable", "done"] * 3
    assert again[0]["scores"] == first[0]["scores"] and again[3]["features"] == first[1]["features"]
    again[0]["scores"]["done"] = 1.0  # one row's result is its own: changing it changes no other
    again[1]["features"].clear()
    assert again[2]["scores"] == first[0]["scores"] and again[3]["features"] == first[1]["features"]


def test_analyzer_scores_without_explanations_are_explained_when_asked_again() -> None:
    analyzer = load()
    plain = analyzer.analyze("Перевірку перенесено на IV квартал.")
    explained = analyzer.analyze("Перевірку перенесено на IV квартал.", explain=True)
    assert "features" not in plain and explained["features"]
    assert explained["scores"] == plain["scores"] and explained["label"] == "in_progress"
