"""Properties every extractor keeps on any text: it never raises, and every span it returns
points at exactly the words it claims, inside the text.

The strategies mix arbitrary Unicode with the fragments report text is made of (numbers with
dots and slashes, «№», month names, quarter numerals, document words), so the grammars are
exercised near their edges rather than on noise alone.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from acnlp.extract import extract, extract_counts, extract_dates, extract_orders
from acnlp.extract._grammar import rule_matches
from acnlp.extract.dates import RULES
from acnlp.extract.deadlines import parse_deadline
from acnlp.extract.document_numbers import SIGNED_NUMBER, signed_numbers

FRAGMENTS = [
    "26.02.2019", "31.02.2019", "14.05-15.05.", "2019", "19", "року", "р.", "№", "№№", "N", "від", "з", "по",
    "до", "станом на", "лютого", "Грудень", "липні-вересні", "ІІІ", "IV", "квартал", "півріччя", "наказ",
    "протоколом", "рішення", "ДМС", "«Про", "затвердження»", "«", "»", "(", ")", ",", ";", ":", "-", "/",
    "29/аг", "Д/163/1-17", "5", "2-ох", "п'ять", "двадцять", "три", "одну", "осіб", "поліцейських",
    "статті", "ст.", "ч.", "3", "з", "4", "%", "постійно", "у разі", "протягом", "щокварталу", "\n", "  ",
    # issue 11: number marks, Russian words and dates, label-and-number counts
    "вих.", "вх.", "No", "от", "приказом", "марта", "года", "г.", "полугодие", "перше", "сотрудников", "двоє",
    "(3)", "рішень:", "протоколами", "зареєстровано", "01.12/2023", "класу",
]
report_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=30).map(" ".join)
any_text = st.text(max_size=200) | report_like


def assert_spans_point_at_text(text: str, mentions: object) -> None:
    for mention in mentions:  # type: ignore[attr-defined]
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_properties_extractors_never_raise_and_spans_are_inside(text: str) -> None:
    for mentions in (extract_dates(text, year=2019), extract_orders(text), extract_counts(text)):
        assert_spans_point_at_text(text, mentions)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_properties_extract_spans_index_the_normalised_text(text: str) -> None:
    result = extract(text, year=2020)
    for field in (result.dates, result.orders, result.counts, result.percents):
        assert_spans_point_at_text(result.text, field)
    dates = {(d.start, d.end, d.value) for d in result.dates}
    for order in result.orders:  # a reference's date is a date of its own too
        if order.date is None:
            continue
        inside = [value for start, end, value in dates if order.start <= start < end <= order.end]
        if inside:
            assert order.date in inside
        else:  # an item of a list that shares one date written once («від 12.01.2021 №№ 8, 9»)
            assert order.date in {value for _, _, value in dates}


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_properties_deadline_never_raises_and_due_is_iso(text: str) -> None:
    deadline = parse_deadline(text, year=2019)
    if deadline.due is not None:
        assert len(deadline.due) == 10 and deadline.due[4] == "-"
    assert_spans_point_at_text(deadline.text, deadline.dates)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 31), st.integers(1, 12), st.integers(2000, 2030))
def test_properties_numeric_dates_are_calendar_days(day: int, month: int, year: int) -> None:
    import datetime as dt

    text = f"від {day:02d}.{month:02d}.{year}"
    found = extract_dates(text)
    try:
        expected = [dt.date(year, month, day).isoformat()]
    except ValueError:
        expected = []
    assert [d.value for d in found] == expected


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_properties_date_rules_are_found_as_if_every_rule_were_tried(text: str) -> None:
    # A rule is not tried on a text without what it ``needs``: that must never lose a match.
    every_rule = tuple(replace(rule, needs=None) for rule in RULES)
    found, expected = ([(rule, match.span(), match.groups()) for rule, match in rule_matches(text, rules)] for rules in (RULES, every_rule))
    assert found == expected


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_properties_signed_numbers_are_found_as_if_every_text_were_tried(text: str) -> None:
    # A text without a sign is not searched for signed numbers: that must never lose one.
    assert signed_numbers(text) == [match.span() for match in SIGNED_NUMBER.finditer(text)]
