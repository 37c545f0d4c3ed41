"""`parse_deadline` on the Строк column: every deadline form of the real reports, read as `Deadline`.

Where the examples come from (the id prefix says which):

- ``dms-``, ``luhansk-``: every distinct Строк cell of the two real reports in
  ``corpus/reports/`` (the State Migration Service's 2019 annual report and the Luhansk oblast
  housing department's Q3 2019 report), in normalised form;
- ``fresh-``: written for this file: quarters and half-years, other rhythms, a leap-year
  February, a list of months with commas, a year range, empty and dash cells;
- ``train-``: Russian deadlines of the written batch w12 (corpus train split).

What is compared: ``kind``, ``due`` (the latest concrete day, ISO), ``recurrence`` and whether a
``condition`` was found (not its words). The report year is 2019. When a cell mixes a concrete
date or month with a rhythm or a condition, ``kind`` is the concrete reading and the rest is
kept in ``recurrence`` / ``condition``; a rhythm with a condition is ``recurring``.
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

import pytest

from acnlp.extract.deadlines import parse_deadline
from acnlp.normalize import normalize

REPORT_YEAR = 2019


class Expected(NamedTuple):
    kind: str
    due: str | None = None
    recurrence: str | None = None
    has_condition: bool = False


def reading(text: str, year: int | None = REPORT_YEAR) -> Expected:
    assert normalize(text) == text, "table texts must be normalised"
    deadline = parse_deadline(text, year=year)
    return Expected(deadline.kind, deadline.due, deadline.recurrence, deadline.condition is not None)


CONCRETE = [
    pytest.param("Грудень 2019 року", Expected("month", "2019-12-31"), id="dms-december"),
    pytest.param("Грудень 2019 року.", Expected("month", "2019-12-31"), id="dms-december-full-stop"),
    pytest.param("Вересень 2019 року", Expected("month", "2019-09-30"), id="dms-september"),
    pytest.param("Травень 2019 року", Expected("month", "2019-05-31"), id="dms-may"),
    pytest.param("Лютий 2019 року", Expected("month", "2019-02-28"), id="dms-february"),
    pytest.param("Червень 2019 року", Expected("month", "2019-06-30"), id="luhansk-june"),
    pytest.param("До 25 квітня 2019 року", Expected("date", "2019-04-25"), id="dms-until-day"),
    pytest.param("До 15 березня 2019 року", Expected("date", "2019-03-15"), id="dms-until-15-march"),
    pytest.param("До 15 квітня 2019 року", Expected("date", "2019-04-15"), id="dms-until-15-april"),
    pytest.param("01 квітня 2019 року", Expected("date", "2019-04-01"), id="dms-day"),
    pytest.param("Березень Червень Вересень Грудень 2019 року", Expected("months", "2019-12-31"), id="dms-list-of-months"),
    pytest.param("05 квітня 05 липня 05 жовтня 2019 року 05 січня 2020 року", Expected("months", "2020-01-05"), id="dms-list-of-days-into-next-year"),
    pytest.param("Жовтень-грудень 2019 року", Expected("months", "2019-12-31"), id="dms-month-range"),
    pytest.param("Протягом 2-го кварталу 2019 року", Expected("period", "2019-06-30"), id="luhansk-within-second-quarter"),
    pytest.param("Протягом 2019 року", Expected("year", "2019-12-31"), id="luhansk-within-named-year"),
    pytest.param("ІІІ квартал 2019 року", Expected("period", "2019-09-30"), id="fresh-third-quarter"),
    pytest.param("IV квартал", Expected("period", "2019-12-31"), id="fresh-quarter-takes-report-year"),
    pytest.param("I півріччя 2019 року", Expected("period", "2019-06-30"), id="fresh-first-half-year"),
    pytest.param("ІІ півріччя", Expected("period", "2019-12-31"), id="fresh-second-half-takes-report-year"),
    pytest.param("До 31.12.2019", Expected("date", "2019-12-31"), id="fresh-dotted-day"),
    pytest.param("Лютий 2020 року", Expected("month", "2020-02-29"), id="fresh-leap-february"),
    pytest.param("Березень, червень, вересень, грудень 2019 р.", Expected("months", "2019-12-31"), id="fresh-months-with-commas"),
    pytest.param("Січень-березень 2020 року", Expected("months", "2020-03-31"), id="fresh-month-range-next-year"),
    pytest.param("2019-2020 роки", Expected("year", "2020-12-31"), id="fresh-year-range-last-year-counts"),
]

RECURRING = [
    pytest.param("постійно", Expected("recurring", None, "continuous"), id="luhansk-continuously"),
    pytest.param("Щоденно", Expected("recurring", None, "daily"), id="dms-daily"),
    pytest.param("щокварталу", Expected("recurring", None, "quarterly"), id="luhansk-quarterly"),
    pytest.param("Щокварталу 2019 року", Expected("recurring", "2019-12-31", "quarterly"), id="luhansk-quarterly-in-year"),
    pytest.param("протягом року", Expected("recurring", "2019-12-31", "within_period"), id="luhansk-within-the-year"),
    pytest.param("Протягом року", Expected("recurring", "2019-12-31", "within_period"), id="luhansk-within-the-year-capital"),
    pytest.param("Постійно протягом 2019 року", Expected("recurring", "2019-12-31", "continuous"), id="luhansk-continuously-during-year"),
    pytest.param("На постійній основі", Expected("recurring", None, "continuous"), id="fresh-on-a-permanent-basis"),
    pytest.param("Щотижня", Expected("recurring", None, "weekly"), id="fresh-weekly"),
    pytest.param("щомісяця", Expected("recurring", None, "monthly"), id="fresh-monthly"),
    pytest.param("Щопівроку", Expected("recurring", None, "half_yearly"), id="fresh-half-yearly"),
    pytest.param("Щорічно", Expected("recurring", None, "yearly"), id="fresh-yearly"),
]

CONDITIONAL = [
    pytest.param("Перед призначенням на посаду", Expected("conditional", has_condition=True), id="dms-before-appointment"),
    pytest.param("Відповідно до вимог ст. 50 ЗУ «Про публічні закупівлі»", Expected("conditional", has_condition=True), id="dms-as-the-law-requires"),
    pytest.param(
        "Протягом 3 робочих днів з моменту надходження відповідного подання",
        Expected("conditional", has_condition=True),
        id="dms-working-days-from-an-event",
    ),
    pytest.param("У встановлені законодавством строки", Expected("conditional", has_condition=True), id="dms-terms-set-by-law"),
    pytest.param("У строки, визначені Планом", Expected("conditional", has_condition=True), id="dms-terms-set-by-plan"),
    pytest.param("У порядку надходжень звернень", Expected("conditional", has_condition=True), id="dms-as-appeals-arrive"),
    pytest.param("За потреби", Expected("conditional", has_condition=True), id="fresh-if-needed"),
    pytest.param("Протягом 10 днів після завершення кварталу", Expected("conditional", has_condition=True), id="fresh-days-after-quarter-end"),
]

MIXED = [
    pytest.param(
        "Квітень 2019 року та в разі змін у складі Відділу внутрішнього аудиту",
        Expected("month", "2019-04-30", None, True),
        id="dms-month-and-in-case-of-changes",
    ),
    pytest.param(
        "Березень Червень Вересень Грудень 2019 року У разі необхідності прийняття відповідних управлінських рішень з метою усунення конфлікту інтересів",
        Expected("months", "2019-12-31", None, True),
        id="dms-months-and-if-necessary",
    ),
    pytest.param(
        "Грудень 2019 року, під час проведення закупівельних процедур",
        Expected("month", "2019-12-31", None, True),
        id="dms-month-and-during-procurement",
    ),
    pytest.param(
        "Червень 2019 року, далі постійно у разі змін у складі тендерного комітету",
        Expected("month", "2019-06-30", "continuous", True),
        id="luhansk-month-then-continuously-on-changes",
    ),
    pytest.param("Згідно з планом державних закупівель на 2019 року", Expected("year", "2019-12-31", None, True), id="dms-per-procurement-plan-for-year"),
    pytest.param("Згідно зі строками, встановленими Планом заходів на 2019 рік", Expected("year", "2019-12-31", None, True), id="dms-per-terms-of-plan-for-year"),
    pytest.param("Протягом 2019 року у разі проведення конкурсу", Expected("year", "2019-12-31", None, True), id="luhansk-year-if-a-competition-is-held"),
    pytest.param(
        "у разі отримання інформації про виявлення чинника корупційного ризику, протягом року",
        Expected("recurring", "2019-12-31", "within_period", True),
        id="luhansk-on-information-within-the-year",
    ),
    pytest.param(
        "Постійно, перед кожним засіданням членів колегіальних органів протягом 2019 року",
        Expected("recurring", "2019-12-31", "continuous", True),
        id="luhansk-continuously-before-each-meeting",
    ),
    pytest.param(
        "у строки, визначені Порядком перевірки факту подання суб'єктами декларування декларацій відповідно до Закону України «Про запобігання корупції» та повідомлення Національного агентства з питань запобігання корупції про випадки неподання чи несвоєчасного подання таких декларацій, постійно",
        Expected("recurring", None, "continuous", True),
        id="luhansk-terms-of-a-procedure-continuously",
    ),
    pytest.param("До 01.07.2019, далі щокварталу", Expected("date", "2019-07-01", "quarterly"), id="fresh-day-then-quarterly"),
]

RUSSIAN = [
    pytest.param("Постоянно", Expected("recurring", None, "continuous"), id="train-continuously"),
    pytest.param("Ежеквартально", Expected("recurring", None, "quarterly"), id="train-quarterly"),
    pytest.param("Ежемесячно", Expected("recurring", None, "monthly"), id="train-monthly"),
    pytest.param("В течение года", Expected("recurring", "2019-12-31", "within_period"), id="fresh-within-the-year"),
    pytest.param("I квартал 2017 г.", Expected("period", "2017-03-31"), id="train-quarter-abbreviated-year"),
    pytest.param("до 31 декабря 2017 года", Expected("date", "2017-12-31"), id="fresh-until-day"),
    pytest.param("2018 год", Expected("year", "2018-12-31"), id="train-year"),
    pytest.param("По мере поступления", Expected("conditional", has_condition=True), id="train-as-they-arrive"),
    pytest.param("В случае выявления", Expected("conditional", has_condition=True), id="train-if-found"),
    pytest.param("В трехдневный срок", Expected("conditional", has_condition=True), id="train-within-three-days"),
]

UNKNOWN = [
    pytest.param("", id="empty"),
    pytest.param("-", id="dash"),
    pytest.param("Невідкладно", id="fresh-immediately"),
]


@pytest.mark.parametrize(("text", "expected"), CONCRETE)
def test_deadlines_concrete(text: str, expected: Expected) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), RECURRING)
def test_deadlines_recurring(text: str, expected: Expected) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), CONDITIONAL)
def test_deadlines_conditional(text: str, expected: Expected) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), MIXED)
def test_deadlines_concrete_or_recurring_with_a_condition(text: str, expected: Expected) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_deadlines_russian(text: str, expected: Expected) -> None:
    assert reading(text) == expected


@pytest.mark.parametrize("text", UNKNOWN)
def test_deadlines_unknown(text: str) -> None:
    assert reading(text) == Expected("unknown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("протягом року", Expected("recurring", None, "within_period"), id="within-the-year-has-no-due"),
        pytest.param("Грудень 2019 року", Expected("month", "2019-12-31"), id="written-year-needs-no-report-year"),
    ],
)
def test_deadlines_without_report_year(text: str, expected: Expected) -> None:
    assert reading(text, year=None) == expected


def test_deadlines_cached_reading_is_shared_and_frozen() -> None:
    # Cached (issue 13): every row with the same deadline gets the same object, which no
    # caller can change for the next one.
    first = parse_deadline("Березень Червень Вересень Грудень 2019 року", year=REPORT_YEAR)
    assert parse_deadline("Березень Червень Вересень Грудень 2019 року", year=REPORT_YEAR) is first
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.due = "2000-01-01"  # type: ignore[misc]
    assert isinstance(first.dates, tuple)
    copied = first.as_dict()  # what the analyzer hands out: a fresh copy, asdict's very dict
    assert copied == dataclasses.asdict(first) and list(copied) == list(dataclasses.asdict(first))
    copied["dates"][0]["value"] = "2000-01"
    assert parse_deadline("Березень Червень Вересень Грудень 2019 року", year=REPORT_YEAR).dates[0].value == "2019-03"


def test_deadlines_cache_keeps_the_year_apart() -> None:
    assert parse_deadline("протягом року", year=2019).due == "2019-12-31"
    assert parse_deadline("протягом року").due is None
    assert parse_deadline("протягом року", year=2020).due == "2020-12-31"
