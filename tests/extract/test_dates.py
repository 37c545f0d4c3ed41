"""`extract_dates` on real phrasings: what GUIDELINES §3 "Gold extractions" says each one holds.

Where the examples come from (the id prefix says which):

- ``dms-``, ``luhansk-``: status cells (and a few measure cells) of the two real reports in
  ``corpus/reports/`` (the State Migration Service's 2019 annual report and the Luhansk oblast
  housing department's Q3 2019 report), copied in normalised form;
- ``issue-``: the phrasings quoted in the issue that defined the extractors;
- ``fresh-``: written for this file, for edge cases (month ranges, ranges across a year,
  mixed-script quarter numerals, two-digit years, impossible dates);
- ``issue11-``: Russian month names and ranges and numbers inside document numbers, as issue 11
  and GUIDELINES §3 list them, written for this file; ``train-``: cells of the written batches
  w08-w14 (corpus train split) in those phrasings.

Texts are already normalised (`acnlp.normalize.normalize`); the report year is 2019.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from acnlp.extract import extract_dates
from acnlp.extract.mentions import DateMention
from acnlp.normalize import normalize

from .tables import expected

REPORT_YEAR = 2019


class D(NamedTuple):
    """An expected date: its words as they stand in the status, and its value."""

    words: str
    value: str
    precision: str = "day"
    kind: str = "date"
    until: str | None = None


def expected_mentions(status: str, specs: list[D]) -> list[DateMention]:
    """Whole `DateMention`s, each found in the status after the one before it."""
    return expected(status, specs, lambda s, start, end: DateMention(s.words, start, end, s.value, s.precision, s.kind, s.until))  # type: ignore[arg-type]


def check(status: str, specs: list[D], year: int | None = REPORT_YEAR) -> None:
    assert normalize(status) == status, "table texts must be normalised"
    assert extract_dates(status, year=year) == expected_mentions(status, specs)


REAL = [
    pytest.param(
        "З 01 січня 2019 року в ДМС впроваджено в експлуатацію програмне забезпечення «Ведення бухгалтерського обліку та звітності».",
        [D("01 січня 2019 року", "2019-01-01")],
        id="dms-day-month-name-with-roku",
    ),
    pytest.param(
        "Наказом від 26.02.2019 № 29/аг «Про проведення інвентаризації активів і зобов'язань апарату ДМС» утворено комісію з інвентаризації активів і зобов'язань апарату ДМС",
        [D("26.02.2019", "2019-02-26")],
        id="dms-dotted-date-in-order",
    ),
    pytest.param(
        "За звітний період Відділом внутрішнього аудиту проведено п'ять внутрішніх аудитів згідно наказів ДМС від 21.01.2019 № 8/аг, від 22.03.2019 № 41/аг, від 11.05.2019 № 69/аг, 05.06.2019 № 76/аг та від 17.07.2019 № 95/аг",
        [D("21.01.2019", "2019-01-21"), D("22.03.2019", "2019-03-22"), D("11.05.2019", "2019-05-11"),
         D("05.06.2019", "2019-06-05"), D("17.07.2019", "2019-07-17")],
        id="dms-five-order-dates-one-without-vid",
    ),
    pytest.param(
        "Стандартами внутрішнього аудиту, затвердженими наказом Міністерства фінансів України від 04.10.2011 № 1247 (далі - Стандарти внутрішнього аудиту)",
        [D("04.10.2011", "2011-10-04")],
        id="dms-old-date",
    ),
    pytest.param(
        "Квота імміграції на 2019 рік встановлена розпорядженням Кабінету Міністрів України від 13 лютого 2019 р. № 114-р «Про встановлення квоти імміграції на 2019 рік»",
        [D("13 лютого 2019 р.", "2019-02-13")],
        id="dms-day-month-name-with-r-and-year-only-mentions",
    ),
    pytest.param(
        "(протокол № 1 від 24.01.2019, протокол № 2 від 25.02.2019, протокол № 3 від 16.04.2019, протокол № 4 від 20.06.2019 та протокол № 5 від 30.09.2019)",
        [D("24.01.2019", "2019-01-24"), D("25.02.2019", "2019-02-25"), D("16.04.2019", "2019-04-16"),
         D("20.06.2019", "2019-06-20"), D("30.09.2019", "2019-09-30")],
        id="dms-protocol-list-dates",
    ),
    pytest.param(
        "Станом на 25.09.2019 завершено 10 перевірок щодо достовірності відомостей про застосування заборон, передбачених Законом України «Про очищення влади», в апараті ДМС України та розпочато 9 перевірок",
        [D("25.09.2019", "2019-09-25", kind="as_of")],
        id="dms-as-of",
    ),
    pytest.param(
        "Працівники Відділу внутрішнього аудиту ДМС взяли участь: - у тренінгу «Управління змінами» (14.05-15.05.2019); - у тематичному короткостроковому семінарі «Самоменеджмент сучасного керівника. Алгоритм продуктивного мислення» (04.06-05.06.2019); - за загальною короткостроковою програмою «Тренінг управлінсько-комунікативної компетентності» (05.06-07.06.2019); - у короткостроковій програмі «Реалізація гендерної політики» (09.09-10.09.2019)",
        [D("14.05-15.05.2019", "2019-05-14", kind="range", until="2019-05-15"),
         D("04.06-05.06.2019", "2019-06-04", kind="range", until="2019-06-05"),
         D("05.06-07.06.2019", "2019-06-05", kind="range", until="2019-06-07"),
         D("09.09-10.09.2019", "2019-09-09", kind="range", until="2019-09-10")],
        id="dms-day-ranges-in-brackets",
    ),
    pytest.param(
        "Відділ внутрішнього аудиту забезпечив оприлюднення на офіційному веб-сайті ДМС стратегічного та оперативного плану в лютому 2019 року https://dmsu.gov.ua/assets/files/doc/str_plan_diialnosti_vn_audit_2019-21.pdf",
        [D("лютому 2019 року", "2019-02", "month")],
        id="dms-month-locative-and-url",
    ),
    pytest.param(
        "Пунктом 17.3 рішення Колегії ДМС України від 15.02.2019 № 1/КС «Про підсумки роботи Державної міграційної служби за 2018 рік» забезпечено проведення заходів загальної профілактики правопорушень у територіальних підрозділах ДМС до 25.03.2019; Пунктом 13.13 рішення Колегії ДМС України від 14.06.2019 № 2/КС «Про підсумки роботи Державної міграційної служби за 5 місяців 2019 року» забезпечено проведення заходів до 25.06.2019.",
        [D("15.02.2019", "2019-02-15"), D("25.03.2019", "2019-03-25"), D("14.06.2019", "2019-06-14"),
         D("25.06.2019", "2019-06-25")],
        id="dms-points-and-year-in-titles-are-not-dates",
    ),
    pytest.param(
        "- від 11.08.2016 № 3 (із змінами, внесеними рішенням Національного агентства від 06.09.2016 року № 18, від 30.09.2016 року № 57 та від 03.11.2016 № 106, від 21.12.2018 № 3126, від 29.12.2018 № 3222 та від 29.12.2018 № 3225); - від 06.09.2016 № 19, зареєстрованого в Міністерстві юстиції України 15.11.2016 за № 1479/29609.",
        [D("11.08.2016", "2016-08-11"), D("06.09.2016 року", "2016-09-06"), D("30.09.2016 року", "2016-09-30"),
         D("03.11.2016", "2016-11-03"), D("21.12.2018", "2018-12-21"), D("29.12.2018", "2018-12-29"),
         D("29.12.2018", "2018-12-29"), D("06.09.2016", "2016-09-06"), D("15.11.2016", "2016-11-15")],
        id="dms-nazk-decisions-roku-and-repeated-date",
    ),
    pytest.param(
        "Протягом звітнього періоду відповідно до Плану-графіка професійного навчання державних службовців ДМС на 2019 рік, затвердженого 27.02.2019, підвищення кваліфікації з питань запобігання та виявлення корупції проводиться в Українській школі урядування",
        [D("27.02.2019", "2019-02-27")],
        id="dms-approved-date-after-plan",
    ),
    pytest.param(
        "Планом заходів щодо реалізації Стратегії розвитку системи управління державними фінансами на 2017-2020 роки, затвердженим розпорядженням Кабінету Міністрів України від 24 травня 2017 р. № 415-р.",
        [D("24 травня 2017 р.", "2017-05-24")],
        id="dms-year-range-is-not-a-date",
    ),
    pytest.param(
        "Відповідно до розпорядження голови обласної державної адміністрації - керівника обласної військово-цивільної адміністрації від 27 червня 2018 року № 513 «Про внесення змін до переліку підприємств, установ, організацій, які належать до спільної власності територіальних громад сіл, селищ, міст Луганської області»",
        [D("27 червня 2018 року", "2018-06-27")],
        id="luhansk-day-month-name-2018",
    ),
    pytest.param(
        "На виконання пункту ІІІ Програми у ІІІ кварталі з працівниками Департаменту проведено навчальні заняття з на тему: «Конфлікт інтересів та заходи щодо його врегулювання».",
        [D("ІІІ кварталі", "2019-Q3", "quarter", "period")],
        id="luhansk-quarter-takes-report-year-point-numeral-is-not",
    ),
    pytest.param(
        "Сформовано річний план та додаток до річного плану закупівель на 2019 рік та оприлюднено на електронному майданчику та на сайті Департаменту. Протягом ІІІ кварталу вносилися зміни. В ІІІ кварталі 2019 року Департаментом здійснювався моніторинг закупівель",
        [D("ІІІ кварталу", "2019-Q3", "quarter", "period"), D("ІІІ кварталі 2019 року", "2019-Q3", "quarter", "period")],
        id="luhansk-quarter-with-and-without-year",
    ),
    pytest.param(
        "У ІІІ кварталі проведено 1 засідання конкурсної комісії на зайняття посад державної служби, визначено переможця конкурсу. Про результати повідомлено Національне агентство України з питань державної служби 01.08.2019.",
        [D("ІІІ кварталі", "2019-Q3", "quarter", "period"), D("01.08.2019", "2019-08-01")],
        id="luhansk-quarter-and-date-at-sentence-end",
    ),
    pytest.param(
        "Ознайомлення кожного члена комісії з Пам'яткою про врегулювання конфлікту інтересів, доведеного листом облдержадміністрації від 03.04.2018 № 1/11-1870",
        [D("03.04.2018", "2018-04-03")],
        id="luhansk-letter-date",
    ),
]

ISSUE = [
    pytest.param("Грудень 2019 року", [D("Грудень 2019 року", "2019-12", "month")], id="issue-month-nominative"),
    pytest.param(
        "Наказом від 4 березня 2023 р. № 37 затверджено план заходів.",
        [D("4 березня 2023 р.", "2023-03-04")],
        id="issue-one-digit-day-with-r",
    ),
    pytest.param(
        "Декларації подано до 01 квітня 2019 року.",
        [D("01 квітня 2019 року", "2019-04-01")],
        id="issue-zero-padded-day",
    ),
    pytest.param("наказ від 26.02.19 № 29/аг", [D("26.02.19", "2019-02-26")], id="issue-two-digit-year"),
    pytest.param(
        "3) з 16 липня по 15 серпня 2019 року двоє працівників пройшли навчання в Українській школі урядування",
        [D("з 16 липня по 15 серпня 2019 року", "2019-07-16", kind="range", until="2019-08-15")],
        id="issue-range-z-po-month-names",
    ),
    pytest.param(
        "Навчання заплановано на ІІІ квартал 2019 року.",
        [D("ІІІ квартал 2019 року", "2019-Q3", "quarter", "period")],
        id="issue-quarter-nominative",
    ),
    pytest.param(
        "Звіт за I півріччя оприлюднено на офіційному веб-сайті.",
        [D("I півріччя", "2019-H1", "half_year", "period")],
        id="issue-half-year-latin-numeral-report-year",
    ),
]

FRESH = [
    pytest.param(
        "У липні-вересні 2021 р. проведено три навчання для членів тендерного комітету.",
        [D("липні-вересні 2021 р.", "2021-07", "month", "range", "2021-09")],
        id="fresh-month-range-locative",
    ),
    pytest.param(
        "Звіт за жовтень-грудень 2019 року подано до НАЗК.",
        [D("жовтень-грудень 2019 року", "2019-10", "month", "range", "2019-12")],
        id="fresh-month-range-nominative",
    ),
    pytest.param(
        "Семінар відбувся 21-22 листопада 2019 року в м. Києві.",
        [D("21-22 листопада 2019 року", "2019-11-21", kind="range", until="2019-11-22")],
        id="fresh-day-range-shared-month-name",
    ),
    pytest.param(
        "Перевірки проведено 11-13.03.2020 та 24.03.2020.",
        [D("11-13.03.2020", "2020-03-11", kind="range", until="2020-03-13"), D("24.03.2020", "2020-03-24")],
        id="fresh-day-range-shared-dotted-month",
    ),
    pytest.param(
        "Інвентаризацію проведено з 04.11.2019 по 29.11.2019, розбіжностей не виявлено.",
        [D("з 04.11.2019 по 29.11.2019", "2019-11-04", kind="range", until="2019-11-29")],
        id="fresh-range-z-po-dotted",
    ),
    pytest.param(
        "Навчання тривало з 09.12.2019 по 17.01.2020.",
        [D("з 09.12.2019 по 17.01.2020", "2019-12-09", kind="range", until="2020-01-17")],
        id="fresh-range-across-new-year",
    ),
    pytest.param(
        "Станом на 31 грудня 2019 року декларації подали всі працівники.",
        [D("31 грудня 2019 року", "2019-12-31", kind="as_of")],
        id="fresh-as-of-month-name",
    ),
    pytest.param(
        "Роботу розпочато, станом на 01.10.2019 опрацьовано 14 декларацій.",
        [D("01.10.2019", "2019-10-01", kind="as_of")],
        id="fresh-as-of-mid-sentence",
    ),
    pytest.param(
        "Перевірку буде завершено до кінця березня 2020 р.",
        [D("березня 2020 р.", "2020-03", "month")],
        id="fresh-month-genitive-with-r",
    ),
    pytest.param(
        "Навчання перенесено на вересень 2019 року.",
        [D("вересень 2019 року", "2019-09", "month")],
        id="fresh-month-nominative-lowercase",
    ),
    pytest.param(
        "У IV кварталі 2019 р. скарг не надходило.",
        [D("IV кварталі 2019 р.", "2019-Q4", "quarter", "period")],
        id="fresh-quarter-latin-numeral",
    ),
    pytest.param(
        "У ІV кварталі 2019 року надійшло 2 звернення.",
        [D("ІV кварталі 2019 року", "2019-Q4", "quarter", "period")],
        id="fresh-quarter-mixed-script-numeral",
    ),
    pytest.param(
        "Протягом 2-го кварталу 2019 року проведено 2 семінари.",
        [D("2-го кварталу 2019 року", "2019-Q2", "quarter", "period")],
        id="fresh-quarter-digit-ordinal",
    ),
    pytest.param(
        "Решту навчань перенесено на ІІ півріччя.",
        [D("ІІ півріччя", "2019-H2", "half_year", "period")],
        id="fresh-second-half-takes-report-year",
    ),
    pytest.param(
        "За І півріччя 2020 року повідомлень не надходило.",
        [D("І півріччя 2020 року", "2020-H1", "half_year", "period")],
        id="fresh-half-year-with-year",
    ),
    pytest.param(
        "Засідання комісії відбулося 05.11.19.",
        [D("05.11.19", "2019-11-05")],
        id="fresh-two-digit-year-at-sentence-end",
    ),
]

RUSSIAN_AND_WORDED_PERIODS = [
    pytest.param(
        "12 марта 2019 года проведено обучение по заполнению электронных деклараций.",
        [D("12 марта 2019 года", "2019-03-12")],
        id="train-russian-day-month-year",
    ),
    pytest.param(
        "В апреле 2017 года в холлах поликлиники установлено 4 информационных стенда.",
        [D("апреле 2017 года", "2017-04", "month")],
        id="train-russian-month-locative",
    ),
    pytest.param(
        "Прошли обучение в университете внутренних дел с 13.11.2017 по 17.11.2017.",
        [D("с 13.11.2017 по 17.11.2017", "2017-11-13", kind="range", until="2017-11-17")],
        id="issue11-russian-numeric-range",
    ),
    pytest.param(
        "Проверки проведены с 16 июля по 15 августа 2018 года.",
        [D("с 16 июля по 15 августа 2018 года", "2018-07-16", kind="range", until="2018-08-15")],
        id="issue11-russian-word-range",
    ),
    pytest.param(
        "Сообщений на телефон доверия за I полугодие 2018 года не поступало, утверждение ожидается в III квартале.",
        [D("I полугодие 2018 года", "2018-H1", "half_year", "period"), D("III квартале", "2019-Q3", "quarter", "period")],
        id="train-russian-half-year-and-quarter",
    ),
    pytest.param(
        "В течение III квартала 2017 г. проведено три (3) внезапные проверки.",
        [D("III квартала 2017 г.", "2017-Q3", "quarter", "period")],
        id="train-russian-quarter-with-abbreviated-year",
    ),
    pytest.param(
        "Інформацію за перше півріччя розміщено, за друге півріччя її буде оприлюднено.",
        [D("перше півріччя", "2019-H1", "half_year", "period"), D("друге півріччя", "2019-H2", "half_year", "period")],
        id="train-half-years-in-words",
    ),
    pytest.param(
        "У третьому кварталі 2020 року проведено навчання.",
        [D("третьому кварталі 2020 року", "2020-Q3", "quarter", "period")],
        id="fresh-quarter-in-words",
    ),
    pytest.param(
        "Отчет за 1-е полугодие 2019 г. направлен, за 1-ше півріччя 2020 року - теж.",
        [D("1-е полугодие 2019 г.", "2019-H1", "half_year", "period"), D("1-ше півріччя 2020 року", "2020-H1", "half_year", "period")],
        id="fresh-digit-with-ordinal-ending",
    ),
]

NUMBERS_INSIDE_DOCUMENT_NUMBERS = [
    pytest.param("Наказ № 01.12/2023 доведено до працівників.", id="issue11-dotted-number-with-year"),
    pytest.param("Лист № 6/2021 надіслано.", id="issue11-number-slash-year"),
    pytest.param("Рішення № 24-03/4412/25 прийнято.", id="issue11-number-with-dashes"),
    pytest.param("Наказ № 01.12.2023-к підписано.", id="fresh-whole-date-inside-a-number"),
    pytest.param("Розпорядження N 15.06.2020 видано.", id="fresh-date-after-latin-n"),
]

NOT_DATES = [
    pytest.param("Антикорупційна програма на 2019 рік погоджена НАЗК.", id="year-for"),
    pytest.param("Стратегія розвитку на 2017-2020 роки.", id="year-range"),
    pytest.param("У 2019 році скарг не надходило.", id="year-locative"),
    pytest.param("Мероприятие перенесено на 2018 год.", id="issue11-russian-year"),
    pytest.param("Про підсумки роботи Державної міграційної служби за 5 місяців 2019 року", id="months-count-and-year"),
    pytest.param("Наказ від 31.02.2019 № 5 доведено до відома працівників.", id="impossible-31-february"),
    pytest.param("Зміни внесено 29.02.2019.", id="impossible-29-february-non-leap"),
    pytest.param("Дата реєстрації 15.13.2019.", id="impossible-month-13"),
    pytest.param("Пунктом 17.3 рішення Колегії ДМС України", id="point-number"),
    pytest.param("відповідно до ч. 1 ст. 3 Закону України «Про запобігання корупції»", id="legal-reference"),
    pytest.param("Порядок переглянуто, лист № 6.3-8058/6-19", id="document-number-looks-like-date"),
    pytest.param("На виконання пункту ІІІ Програми проведено навчання.", id="roman-point-number-is-not-a-quarter"),
    pytest.param("заборону в'їзду на територію України на 3 роки", id="duration"),
    pytest.param("З січня по березень уповноважена особа консультувала декларантів щодня.", id="fresh-month-range-without-year"),
    pytest.param("У липні-вересні наради з персоналом проводились щотижня.", id="fresh-month-range-dash-without-year"),
]


@pytest.mark.parametrize(("status", "specs"), REAL)
def test_dates_real_phrasings(status: str, specs: list[D]) -> None:
    check(status, specs)


@pytest.mark.parametrize(("status", "specs"), ISSUE)
def test_dates_issue_phrasings(status: str, specs: list[D]) -> None:
    check(status, specs)


@pytest.mark.parametrize(("status", "specs"), FRESH)
def test_dates_edge_cases(status: str, specs: list[D]) -> None:
    check(status, specs)


@pytest.mark.parametrize(("status", "specs"), RUSSIAN_AND_WORDED_PERIODS)
def test_dates_russian_and_periods_in_words(status: str, specs: list[D]) -> None:
    check(status, specs)


@pytest.mark.parametrize("status", NUMBERS_INSIDE_DOCUMENT_NUMBERS)
def test_dates_never_inside_document_numbers(status: str) -> None:
    check(status, [])


@pytest.mark.parametrize("status", NOT_DATES)
def test_dates_not_dates(status: str) -> None:
    check(status, [])


@pytest.mark.parametrize(
    "status",
    [
        pytest.param("У ІІІ кварталі проведено 1 засідання.", id="quarter"),
        pytest.param("Звіт за ІІ півріччя буде подано.", id="half-year"),
    ],
)
def test_dates_period_without_any_year_is_left_out(status: str) -> None:
    check(status, [], year=None)
