"""`extract`: the extractors together, on normalised status text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acnlp.extract import Count, extract, extract_normalized
from acnlp.normalize import normalize

REPO = Path(__file__).resolve().parents[2]


def test_pipeline_spans_refer_to_the_normalised_text() -> None:
    result = extract("Проведено п’ять\u00a0засідань – протокол № 3 від 12.03.2021")
    assert result.text == "Проведено п'ять засідань - протокол № 3 від 12.03.2021"
    assert result.counts == (Count("п'ять засідань", 10, 24, 5, "засідання"),)
    assert result.text[result.orders[0].start : result.orders[0].end] == "протокол № 3 від 12.03.2021"


def test_pipeline_date_of_a_reference_is_also_a_date() -> None:
    result = extract("наказ від 26.02.2019 № 29/аг")
    assert [d.value for d in result.dates] == ["2019-02-26"]
    assert result.orders[0].date == "2019-02-26"


def test_pipeline_numbers_inside_dates_and_references_are_not_counts() -> None:
    result = extract("протокол № 5 засідання від 12.03.2021, 2 засідання проведено")
    assert [(c.value, c.noun) for c in result.counts] == [(2, "засідання")]


def test_pipeline_as_dict_is_json_ready() -> None:
    import json

    fields = extract("Проведено 3 навчання 95 %").as_dict()
    assert set(fields) == {"dates", "orders", "counts", "percents"}
    assert json.loads(json.dumps(fields, ensure_ascii=False))["counts"][0]["noun"] == "навчання"


def test_pipeline_as_dict_is_dataclasses_asdict_on_the_seed_cells() -> None:
    # as_dict copies each mention's fields instead of calling asdict (issue 13): the same
    # dicts, keys in the same order, and fresh ones each time (a caller may change its own).
    from dataclasses import asdict

    lines = (REPO / "corpus" / "seed_cells.jsonl").read_text(encoding="utf-8").splitlines()
    extractions = [extract(json.loads(line)["status"], year=2019) for line in lines if line.strip()]
    assert sum(len(e.orders) + len(e.counts) + len(e.dates) for e in extractions) > 50
    for found in extractions:
        fields = found.as_dict()
        expected = {name: [asdict(item) for item in getattr(found, name)] for name in ("dates", "orders", "counts", "percents")}
        assert fields == expected
        assert [list(d) for items in fields.values() for d in items] == [list(d) for items in expected.values() for d in items]
        assert all(a is not b for items, again in zip(fields.values(), found.as_dict().values()) for a, b in zip(items, again))


def test_pipeline_year_completes_periods_without_one() -> None:
    assert extract("у ІІІ кварталі").dates == ()
    assert [d.value for d in extract("у ІІІ кварталі", year=2019).dates] == ["2019-Q3"]


# One extraction per cell (issue 13): the classifier's cues read `extract(status)`, the
# analyzer and the audit `extract(status, year=…)`; the year only completes dates.
YEAR_COMPLETES = [
    pytest.param("У ІІІ кварталі проведено 2 навчання", ["2019-Q3"], id="quarter"),
    pytest.param("Наказ від 15 травня № 5 видано", ["2019-05-15"], id="reference-date-without-year"),
    pytest.param("15 травня проведено 3 засідання", ["2019-05-15"], id="day-without-year"),
]


def test_pipeline_year_that_completes_nothing_shares_the_extraction() -> None:
    status = "Наказом ДМС від 26.02.2019 № 29/аг проведено 2 навчання"
    assert extract(status, year=2019) is extract(status)


@pytest.mark.parametrize(("status", "dates"), YEAR_COMPLETES)
def test_pipeline_year_adds_the_dates_it_completes(status: str, dates: list[str]) -> None:
    with_year, without = extract(status, year=2019), extract(status)
    assert [d.value for d in with_year.dates] == dates
    assert without.dates == ()
    # each reading is what a fresh run of every extractor gives, whichever was asked first
    assert with_year == extract_normalized(normalize(status), year=2019)
    assert without == extract_normalized(normalize(status))


def test_pipeline_reference_takes_the_completed_date() -> None:
    assert [(o.number, o.date) for o in extract("Наказ від 15 травня № 5 видано").orders] == [("5", None)]
    assert [(o.number, o.date) for o in extract("Наказ від 15 травня № 5 видано", year=2019).orders] == [("5", "2019-05-15")]


def test_pipeline_shared_extraction_is_value_identical_on_the_seed_cells() -> None:
    # The classifier was trained on the extraction without a year: its cues must not move.
    seed = [json.loads(line) for line in (REPO / "corpus" / "seed_cells.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(seed) == 79
    for cell in seed:
        assert extract(cell["status"]) == extract_normalized(normalize(cell["status"])), cell["id"]
        assert extract(cell["status"], year=cell["year"]) == extract_normalized(normalize(cell["status"]), year=cell["year"]), cell["id"]
