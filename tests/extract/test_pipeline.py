"""`extract`: the extractors together, on normalised status text."""

from __future__ import annotations

from acnlp.extract import Count, extract


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


def test_pipeline_year_completes_periods_without_one() -> None:
    assert extract("у ІІІ кварталі").dates == ()
    assert [d.value for d in extract("у ІІІ кварталі", year=2019).dates] == ["2019-Q3"]
