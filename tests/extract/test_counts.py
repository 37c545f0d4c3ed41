"""Counts on real phrasings: «п'ять внутрішніх аудитів» → 5, «аудит», as GUIDELINES §3 defines them.

Where the examples come from (the id prefix says which):

- ``dms-``, ``luhansk-``: status and measure cells of the two real reports in ``corpus/reports/``
  (the State Migration Service's 2019 annual report, the Luhansk oblast housing department's
  Q3 2019 report), in normalised form, some shortened;
- ``issue-``: the phrasings quoted in the issue («двох працівників», «2-ох заходів»,
  «5 засідання», «одну спеціальну перевірку», «312 патрульних поліцейських», «десять»,
  «двадцять три», «сто») and the exclusions it lists;
- ``fresh-``: written for this file: number words in other cases and genders («двом»,
  «трьома», «чотирьох», «п'ятьом», «одинадцяти», «двадцяти трьох», «ста»), digit suffixes, and
  more exclusions (ordinals, shares, money, a number whose noun is left out);
- ``issue11-``: collective numerals, «трьох (3)», label-and-number counts and Russian nouns, as
  issue 11 and GUIDELINES §3 list them, written for this file; ``train-``: cells of the written
  batches w08-w14 (corpus train split) in those phrasings.

Cells that hold dates or document references go through `extract`, since the numbers inside
those are masked by the caller (`acnlp.extract.pipeline`); the rest call `extract_counts`.
A count's ``text`` runs from the number to its head noun, adjectives included.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from acnlp.extract import extract, extract_counts
from acnlp.extract.mentions import Count
from acnlp.normalize import normalize

from .tables import expected

REPORT_YEAR = 2019


class C(NamedTuple):
    """An expected count: its words as they stand in the status, the number and the noun's lemma."""

    words: str
    value: int
    noun: str


def expected_counts(status: str, specs: list[C]) -> list[Count]:
    """Whole `Count`s, each found in the status after the one before it."""
    return expected(status, specs, lambda s, start, end: Count(s.words, start, end, s.value, s.noun))


IN_CELLS_WITH_DATES_AND_REFERENCES = [
    pytest.param(
        "За звітний період Відділом внутрішнього аудиту проведено п'ять внутрішніх аудитів згідно наказів ДМС від 21.01.2019 № 8/аг, від 22.03.2019 № 41/аг, від 11.05.2019 № 69/аг, 05.06.2019 № 76/аг та від 17.07.2019 № 95/аг",
        [C("п'ять внутрішніх аудитів", 5, "аудит")],
        id="dms-number-word-and-order-numbers",
    ),
    pytest.param(
        "За результатами здійснення відповідних заходів було прийнято 2 рішення на скасування дозволів територіальних органів ДМС про примусове повернення іноземців, у частині відміни рішення про заборону в'їзду на територію України на 3 роки. Квота імміграції на 2019 рік встановлена розпорядженням Кабінету Міністрів України від 13 лютого 2019 р. № 114-р «Про встановлення квоти імміграції на 2019 рік»",
        [C("2 рішення", 2, "рішення")],
        id="dms-decisions-duration-and-years",
    ),
    pytest.param(
        "У звітному періоді проведено 5 засідання Комісії з оцінки корупційних ризиків (протокол № 1 від 24.01.2019, протокол № 2 від 25.02.2019, протокол № 3 від 16.04.2019, протокол № 4 від 20.06.2019 та протокол № 5 від 30.09.2019)",
        [C("5 засідання", 5, "засідання")],
        id="dms-meetings-and-protocol-numbers",
    ),
    pytest.param(
        "У звітньому періоді організовано за ініціативою ДМС проведення 2-ох заходів загальної профілактики правопорушень у системі територіальних органів ДМС. Пунктом 17.3 рішення Колегії ДМС України від 15.02.2019 № 1/КС «Про підсумки роботи Державної міграційної служби за 2018 рік» забезпечено проведення заходів до 25.03.2019; Пунктом 13.13 рішення Колегії ДМС України від 14.06.2019 № 2/КС «Про підсумки роботи Державної міграційної служби за 5 місяців 2019 року» забезпечено проведення заходів",
        [C("2-ох заходів", 2, "захід")],
        id="dms-digit-suffix-points-and-months-in-title",
    ),
    pytest.param(
        "Станом на 25.09.2019 завершено 10 перевірок щодо достовірності відомостей про застосування заборон, передбачених Законом України «Про очищення влади», в апараті ДМС України та розпочато 9 перевірок",
        [C("10 перевірок", 10, "перевірка"), C("9 перевірок", 9, "перевірка")],
        id="dms-two-counts-after-as-of-date",
    ),
    pytest.param(
        "Станом на 25.09.2019 проведена 1 спеціальна перевірка в апараті ДМС стосовно осіб, які претендують на зайняття посад",
        [C("1 спеціальна перевірка", 1, "перевірка")],
        id="dms-one-with-adjective",
    ),
    pytest.param(
        "У ІІІ кварталі проведено 1 засідання конкурсної комісії на зайняття посад державної служби, визначено переможця конкурсу. Про результати повідомлено Національне агентство України з питань державної служби 01.08.2019.",
        [C("1 засідання", 1, "засідання")],
        id="luhansk-one-meeting-quarter-and-date",
    ),
    pytest.param(
        "Протягом 2019 року в цьому розділі розміщено: 1) Наказ ДМС від 06.03.2019 № 32/аг; 2) Наказ ДМС від 23.04.2019 № 59/аг; 3) Наказ ДМС від 21.06.2019 № 81/аг",
        [],
        id="dms-list-item-numbers-are-not-counts",
    ),
    pytest.param(
        "Постійно проводиться роз'яснювальна робота. 12.03.2020 проведено навчання для 25 працівників.",
        [C("25 працівників", 25, "працівник")],
        id="fresh-count-after-bare-date",
    ),
    pytest.param(
        "У звітному періоді проведено 5 засідань Комісії (протоколи № 1-5).",
        [C("5 засідань", 5, "засідання")],
        id="issue-protocol-number-range-is-not-a-count",
    ),
]

DIGITS = [
    pytest.param("Крім того, 2 працівника апарату ДМС підвищив кваліфікацію", [C("2 працівника", 2, "працівник")], id="dms-two-employees-paucal"),
    pytest.param(
        "проводилися організаційні заходи з проведення процедури закупівлі - відкриті торги по 1 заходу з використанням електронної системи Prozorro.",
        [C("1 заходу", 1, "захід")],
        id="luhansk-one-measure-dative",
    ),
    pytest.param("До навчання залучено 312 патрульних поліцейських.", [C("312 патрульних поліцейських", 312, "поліцейський")], id="issue-substantive-adjective-noun"),
    pytest.param(
        "Перевірено своєчасність подання декларацій 14 суб'єктів декларування.",
        [C("14 суб'єктів", 14, "суб'єкт")],
        id="issue-noun-with-apostrophe",
    ),
    pytest.param("Проведено навчання для 5-ти працівників.", [C("5-ти працівників", 5, "працівник")], id="fresh-suffix-ty"),
    pytest.param("Взято участь у 3-х семінарах.", [C("3-х семінарах", 3, "семінар")], id="fresh-suffix-kh"),
    pytest.param("Проведено 4 навчання та 2 тренінги.", [C("4 навчання", 4, "навчання"), C("2 тренінги", 2, "тренінг")], id="fresh-two-counts"),
    pytest.param("Проведено перевірку 12 декларацій, порушень не виявлено.", [C("12 декларацій", 12, "декларація")], id="fresh-declarations"),
    pytest.param("Укладено 7 договорів про закупівлю товарів.", [C("7 договорів", 7, "договір")], id="fresh-contracts"),
    pytest.param("Розпочато 9 перевірок, з них завершено 6.", [C("9 перевірок", 9, "перевірка")], id="fresh-number-without-noun-left-out"),
    pytest.param("Протягом року опрацьовано 1 236 звернень громадян.", [C("1 236 звернень", 1236, "звернення")], id="fresh-thousands-space"),
    # a number ending in one counts a singular nominative: «дзвінок», not the plural genitive of «дзвінка»
    pytest.param("За рік на телефон довіри зафіксовано 31 дзвінок.", [C("31 дзвінок", 31, "дзвінок")], id="fresh-singular-after-thirty-one"),
    pytest.param("Надійшло 5 дзвінків, з них 2 анонімні.", [C("5 дзвінків", 5, "дзвінок")], id="fresh-plural-genitive-after-five"),
    # a counted noun shortened with a dot, as hurried tables write it
    pytest.param("Перевірено 28 декл., порушень немає.", [C("28 декл.", 28, "декларація")], id="fresh-abbreviated-noun"),
]

NUMBER_WORDS = [
    pytest.param("Направлено на навчання двох працівників відділу.", [C("двох працівників", 2, "працівник")], id="issue-dvokh"),
    pytest.param("Проведено одну спеціальну перевірку.", [C("одну спеціальну перевірку", 1, "перевірка")], id="issue-odnu-feminine-accusative"),
    pytest.param("Проведено десять засідань тендерного комітету.", [C("десять засідань", 10, "засідання")], id="issue-desiat"),
    pytest.param("Ознайомлено під підпис двадцять три працівники.", [C("двадцять три працівники", 23, "працівник")], id="issue-dvadtsiat-try"),
    pytest.param("До анкетування залучено сто осіб.", [C("сто осіб", 100, "особа")], id="issue-sto"),
    pytest.param("Проведення перевірок (аудитів) у складі не менш ніж двох осіб.", [C("двох осіб", 2, "особа")], id="luhansk-dvokh-osib"),
    pytest.param("Надано консультації двом посадовим особам.", [C("двом посадовим особам", 2, "особа")], id="fresh-dvom-dative"),
    pytest.param("Співбесіди проведено разом з трьома членами конкурсної комісії.", [C("трьома членами", 3, "член")], id="fresh-troma-instrumental"),
    pytest.param("Питання розглянуто на чотирьох засіданнях Комісії.", [C("чотирьох засіданнях", 4, "засідання")], id="fresh-chotyrokh-locative"),
    pytest.param("Роз'яснення надано п'ятьом новопризначеним працівникам.", [C("п'ятьом новопризначеним працівникам", 5, "працівник")], id="fresh-piatiom-dative"),
    pytest.param("Перевірено факт подання одинадцяти декларацій.", [C("одинадцяти декларацій", 11, "декларація")], id="fresh-odynadtsiaty-genitive"),
    pytest.param("Інструктаж проведено для двадцяти трьох працівників.", [C("двадцяти трьох працівників", 23, "працівник")], id="fresh-dvadtsiaty-trokh-genitive"),
    pytest.param("Анкети отримано від ста респондентів.", [C("ста респондентів", 100, "респондент")], id="fresh-sta-genitive"),
    pytest.param("Проведено дві службові перевірки.", [C("дві службові перевірки", 2, "перевірка")], id="fresh-dvi-feminine"),
    pytest.param("Протягом кварталу проведено одне засідання.", [C("одне засідання", 1, "засідання")], id="fresh-odne-neuter"),
    pytest.param("Опрацьовано сто двадцять декларацій.", [C("сто двадцять декларацій", 120, "декларація")], id="fresh-sto-dvadtsiat"),
    pytest.param("Надійшло дванадцять звернень громадян.", [C("дванадцять звернень", 12, "звернення")], id="fresh-dvanadtsiat"),
]

COLLECTIVE_LABELLED_AND_RUSSIAN = [
    pytest.param("Двоє працівників пройшли навчання, троє членів комісії - ні.",
                 [C("Двоє працівників", 2, "працівник"), C("троє членів", 3, "член")], id="issue11-collective"),
    pytest.param("Обидва заходи проведено.", [C("Обидва заходи", 2, "захід")], id="issue11-both"),
    pytest.param("За результатами трьох (3) перевірок складено акти.", [C("трьох (3) перевірок", 3, "перевірка")],
                 id="issue11-number-echoed-in-digits-genitive"),
    pytest.param("Проведено три (3) перевірки, порушень не виявлено.", [C("три (3) перевірки", 3, "перевірка")],
                 id="issue11-number-echoed-in-digits"),
    pytest.param("Згідно з відповіддю ТУ ДСА, надійшло одне таке повідомлення.", [C("одне таке повідомлення", 1, "повідомлення")],
                 id="train-determiner-between"),
    pytest.param("Сертифікати отримали 37 слухачів.", [C("37 слухачів", 37, "слухач")], id="train-noun-read-as-adjective-last"),
    # «начальників» is also the possessive «whose», a singular adjective: before a plural noun it is the noun
    pytest.param("Перевірку проведено щодо 9 начальників підстанцій.", [C("9 начальників", 9, "начальник")], id="new-possessive-form-is-the-noun"),
    pytest.param("Проверки проведены в 26 отделениях почтовой связи, проверено 14 участков.",
                 [C("26 отделениях", 26, "отделение"), C("14 участков", 14, "участок")], id="new-russian-report-nouns"),
    pytest.param("Вакантними залишаються 3 посади.", [C("3 посади", 3, "посада")], id="train-lemma-shadowed-by-another-word"),
    pytest.param("ухвалено рішень: 492; сформовано технічних завдань - 113; відмовлено у реєстрації декларацій: 37.",
                 [C("рішень: 492", 492, "рішення"), C("технічних завдань - 113", 113, "завдання"), C("декларацій: 37", 37, "декларація")],
                 id="issue11-label-and-number"),
    pytest.param("Розглянуто повідомлень: 7; проведено службових розслідувань: 3; направлено матеріалів: 1 (до ДБР).",
                 [C("повідомлень: 7", 7, "повідомлення"), C("службових розслідувань: 3", 3, "розслідування"), C("матеріалів: 1", 1, "матеріал")],
                 id="train-label-and-number-list"),
    pytest.param("Опрацьовано запитів Національного агентства: 1845.", [C("запитів Національного агентства: 1845", 1845, "запит")],
                 id="train-label-head-before-its-genitive"),
    pytest.param("опрацьовано повідомлень: 23, з них направлено до правоохоронних органів - 4, факти не підтвердились - 19.",
                 [C("повідомлень: 23", 23, "повідомлення")], id="train-label-governed-or-verbal-is-no-count"),
    pytest.param("Загальна кількість звернень за 2023 рік: 12. Проведено навчань для працівників - 5.",
                 [C("звернень за 2023 рік: 12", 12, "звернення"), C("навчань для працівників - 5", 5, "навчання")],
                 id="fresh-label-with-a-prepositional-phrase"),
    pytest.param("Ухвалено рішень: 492 од.; перевірок - 5 шт. Оглянуто 11 одиниць пожежної техніки.",
                 [C("рішень: 492", 492, "рішення"), C("перевірок - 5", 5, "перевірка"), C("11 одиниць", 11, "одиниця")],
                 id="fresh-label-names-what-a-unit-counts"),
    pytest.param("Проверено контрагентов: 46. Отказано в заключении договоров с 2 предприятиями.",
                 [C("контрагентов: 46", 46, "контрагент"), C("2 предприятиями", 2, "предприятие")], id="train-russian-label-and-count"),
    pytest.param("Двое сотрудников прошли обучение, присутствовало 57 сотрудников и 23 государственных служащих департамента.",
                 [C("Двое сотрудников", 2, "сотрудник"), C("57 сотрудников", 57, "сотрудник"), C("23 государственных служащих", 23, "служащий")],
                 id="issue11-russian-nouns-keep-russian-lemma"),
    pytest.param("Проведено 4 занятия, направлено 9 запросов, проведено 5 собеседований.",
                 [C("4 занятия", 4, "занятие"), C("9 запросов", 9, "запрос"), C("5 собеседований", 5, "собеседование")],
                 id="fresh-russian-lexicon-and-regular-endings"),
    pytest.param("Проведено 6 консультаций и 2 инспекции.", [C("6 консультаций", 6, "консультация"), C("2 инспекции", 2, "инспекция")],
                 id="fresh-russian-tsiya-plurals"),
    pytest.param("В рамках компетенции в 2018 г. проведено 4 инструктажа с должностными лицами поста.",
                 [C("4 инструктажа", 4, "инструктаж")], id="unseen-w25-russian-briefings-not-the-preposition"),
    pytest.param("оновлено інформаційні картки 112 адмін. послуг", [C("112 адмін. послуг", 112, "послуга")],
                 id="unseen-w25-abbreviated-adjective"),
    pytest.param("Навчання пройшли 5 держ. службовців.", [C("5 держ. службовців", 5, "службовець")], id="abbreviated-state"),
]

EXCLUSIONS = [
    pytest.param("Через пошкодження навчального корпусу № 2 перевірку не завершено.", id="unseen-w24-building-number"),
    pytest.param("Внесення змін не є доцільним, оскільки відповідно до статті 20 Закону України адміністративний збір справляється у порядку, визначеному цим Законом.", id="dms-article"),
    pytest.param("Пунктом 17.3 рішення Колегії ДМС України забезпечено проведення заходів.", id="dms-point-number"),
    pytest.param("Організація роботи відповідно до статті 45 Закону України «Про запобігання корупції»", id="luhansk-article"),
    pytest.param("відповідно до ч. 1 ст. 3 Закону України «Про запобігання корупції»", id="issue-part-and-article"),
    pytest.param("заборону в'їзду на територію України на 3 роки", id="issue-duration-years"),
    pytest.param("Протягом 3 робочих днів з моменту надходження відповідного подання", id="dms-duration-working-days"),
    pytest.param("Документи розглянуто за 3 робочих дні.", id="issue-duration-working-days-paucal"),
    pytest.param("Про підсумки роботи за 5 місяців 2019 року", id="dms-duration-months"),
    pytest.param("Рівень виконання заходів становить 95 %.", id="issue-percent"),
    pytest.param("Заходи виконано на 100 відсотків.", id="fresh-percent-word"),
    pytest.param("Стратегії розвитку системи управління державними фінансами на 2017-2020 роки", id="issue-year-range"),
    pytest.param("Антикорупційна програма на 2019 рік погоджена.", id="issue-year"),
    pytest.param("Перше засідання Комісії відбулося у лютому.", id="issue-ordinal-word"),
    pytest.param("Захід перенесено на 2-й квартал.", id="fresh-ordinal-digits"),
    # a one-letter word after a number is a preposition (here Russian «с») or an initial, never a noun
    pytest.param("Проведено занятие в 6 с половиной часов утра.", id="fresh-one-letter-word-after-number"),
    pytest.param("Протягом 2-го кварталу проведено навчання.", id="dms-ordinal-quarter"),
    pytest.param("Укладено договір на суму 15 000 грн.", id="fresh-money"),
    pytest.param("У ІІІ кварталі проведено навчальні заняття.", id="luhansk-roman-quarter"),
    pytest.param("Надійшло звернення батька учня 7 класу.", id="train-ordinal-number-before-singular"),
    pytest.param("Скринька встановлена у холі 1 поверху.", id="train-floor"),
    pytest.param("Мероприятие перенесено на 2018 год.", id="issue11-russian-year"),
    pytest.param("За 9 месяцев 2019 г. нарушений не выявлено.", id="fresh-russian-duration-and-abbreviated-year"),
    pytest.param("Юрисконсульт 1 категории назначен уполномоченным.", id="fresh-russian-rank"),
    pytest.param("розглянуто звернень, з них задоволено: 9", id="fresh-label-without-counted-noun"),
]


def check(status: str, specs: list[C]) -> None:
    assert normalize(status) == status, "table texts must be normalised"
    assert extract_counts(status) == expected_counts(status, specs)


@pytest.mark.parametrize(("status", "specs"), IN_CELLS_WITH_DATES_AND_REFERENCES)
def test_counts_real_phrasings(status: str, specs: list[C]) -> None:
    assert normalize(status) == status, "table texts must be normalised"
    assert list(extract(status, year=REPORT_YEAR).counts) == expected_counts(status, specs)


@pytest.mark.parametrize(("status", "specs"), DIGITS + NUMBER_WORDS)
def test_counts_digits_and_number_words(status: str, specs: list[C]) -> None:
    check(status, specs)


@pytest.mark.parametrize(("status", "specs"), COLLECTIVE_LABELLED_AND_RUSSIAN)
def test_counts_collective_labelled_and_russian(status: str, specs: list[C]) -> None:
    check(status, specs)


@pytest.mark.parametrize("status", EXCLUSIONS)
def test_counts_exclusions(status: str) -> None:
    check(status, [])


def test_counts_share_is_not_a_count() -> None:
    """«2 з 4 запланованих навчань» (GUIDELINES §2, §3): a share, not a count; the corpus annotates neither number."""
    assert extract_counts("Проведено 2 з 4 запланованих навчань, решту перенесено на ІІ півріччя.") == []
