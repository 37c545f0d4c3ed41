"""The clause reading (`acnlp.classify.reading`): what is negated, done or pending decides its verdict.

Each phrasing is a status as reports write it, with the verdict the guidelines give it
(corpus/GUIDELINES.md, «Admissions», «Placement, publication and familiarisation» and the hard cases).
"""

from __future__ import annotations

import pytest

from acnlp.classify.features import Cell, cell_reading, deciding_clause

VERDICTS = [
    # the measure's own action negated: still owed
    ("Захід не виконано.", "in_progress"),
    ("Станом на 31.12.2023 не розглянуто жодного з трьох повідомлень, що надійшли через портал.", "in_progress"),
    ("Навчання не проведено у зв'язку з відсутністю фінансування.", "in_progress"),
    # a trigger or object negated
    ("Протягом року не надійшло жодного повідомлення.", "not_applicable"),
    ("Жодних скарг у звітному періоді.", "not_applicable"),
    ("Скарг не надходило, тому службову перевірку не проведено.", "not_applicable"),
    # a finding of a named check is its result
    ("Проведено перевірку 12 декларацій, порушень не виявлено.", "done"),
    # pending and postponed
    ("Проєкт наказу погоджено юридичним відділом, підписання очікується.", "in_progress"),
    ("Навчання, заплановане на ІІІ квартал, перенесено на 2022 рік.", "in_progress"),
    ("Проєкт положення перебуває на погодженні в управлінні кадрів.", "in_progress"),
    # the monitor's own act is how it came to know, a frame: what it found decides
    ("Моніторами 03.02.2025 переглянуто вебсайт лікарні: сторінка «Запобігання корупції» працює.", "boilerplate"),
    ("НАЗК опрацювало звіт міськради. Згідно зі звітом, навчання для 40 депутатів проведено 14.11.2023.", "done"),
    # a negated infinitive is a duty or a purpose, not an act left undone
    ("Працівники зобов'язані не розголошувати службову інформацію.", "boilerplate"),
    # «не» before a bound says when or how much, not what is left undone
    ("Проєкти рішень оприлюднюються на сайті не пізніше як за 20 робочих днів до сесії.", "boilerplate"),
    ("Інструктаж з питань доброчесності проведено не менше двох разів у кожному відділі.", "done"),
    ("Оцінку корупційних ризиків у 2024 році не проведено.", "in_progress"),
    # an answer the body waits for leaves its step pending; drafts that never came are no trigger it missed
    ("Проєкт порядку надіслано на погодження до НАЗК листом від 03.03.2021 № 12, відповіді не отримано.", "in_progress"),
    ("Проєкти наказів на погодження до сектору у ІІ кварталі не надходили.", "not_applicable"),
    # a standing state, not a step that waits: «на контролі», «на обліку»
    ("Дотримання вимог щодо конфлікту інтересів перебуває на постійному контролі начальника відділу.", "boilerplate"),
    # a placement that is the answer is an act; one that only says where a standing channel's
    # details are is part of the standing state, unless a date, a link or another act comes with it
    ("Інформацію про канали повідомлення розміщено на веб-сторінці у розділі «Запобігання корупції».", "done"),
    ("Телефон довіри функціонує, інформація про його номер розміщена на вебсторінці управління.", "boilerplate"),
    ("У митниці функціонує електронна скринька, інформацію про неї розміщено на вебсайті.", "boilerplate"),
    ("Розділ «Публічні закупівлі» на сайті функціонує, річний план закупівель розміщено 05.01.2023.", "done"),
    ("Лінію телефону довіри запущено, вона працює цілодобово, номер розміщено на стендах.", "done"),
    # a monitor saying what the answer leaves out remarks on the evidence: the answer decides
    ("Управління зазначає, що контроль здійснюється керівниками. Не зазначено, які суди охоплено контролем.", "boilerplate"),
    ("Роз'яснювальна робота проводиться постійно. Не вказано, де і коли оприлюднено результати.", "boilerplate"),
    ("Відповідь не містить наказів чи протоколів, ухвалених у 2024 році.", "boilerplate"),
    ("Надійшло 3 звернення, жодне з них не містило відомостей про корупційні правопорушення.", "not_applicable"),
    ("Навчання не проведено. Причин у відповіді не зазначено.", "in_progress"),
    # habitual present and compliance only
    ("Робота в цьому напрямку здійснюється систематично.", "boilerplate"),
    ("Виконується постійно", "boilerplate"),
]


@pytest.mark.parametrize(("status", "verdict"), VERDICTS)
def test_reading_verdict(status: str, verdict: str) -> None:
    assert cell_reading(Cell(status)).verdict == verdict


def test_a_long_answer_is_decided_by_its_one_unfinished_sentence() -> None:
    habitual = ("Навчання працівників здійснюється відповідно до плану. Уповноважена особа надає консультації. "
                "Інформаційні матеріали розміщуються на внутрішньому порталі. ")
    status = habitual + "Навчання з етичної поведінки перенесено на 2022 рік. Робота здійснюється систематично."
    reading = cell_reading(Cell(status))
    assert reading.verdict == "in_progress"
    assert deciding_clause(Cell(status)).status == "Навчання з етичної поведінки перенесено на 2022 рік."


def test_a_one_clause_answer_is_its_own_deciding_clause() -> None:
    cell = Cell("Скарг не надходило.")
    assert deciding_clause(cell) is cell
