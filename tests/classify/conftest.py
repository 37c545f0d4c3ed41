"""A small hand-written corpus and a model fitted on it, shared by the classifier tests."""

from __future__ import annotations

import pytest

from acnlp.classify.estimator import StatusClassifier

# Written for these tests, six per label, each its own phrasing.
SMALL_CORPUS = [
    ("Наказом від 14.02.2020 № 31 затверджено план заходів", "done"),
    ("Проведено 3 навчання для 45 працівників", "done"),
    ("Інформацію оприлюднено на сайті 12.05.2021", "done"),
    ("Виконано.", "done"),
    ("Склад комісії оновлено розпорядженням № 118-р", "done"),
    ("Надіслано листи до НАЗК (вих. № 04-12/77)", "done"),
    ("Розпочато службову перевірку, триває", "in_progress"),
    ("Заплановано на IV квартал 2021 року", "in_progress"),
    ("Підготовлено проект наказу, на погодженні", "in_progress"),
    ("Частково виконано, решту перенесено", "in_progress"),
    ("Роботу призупинено на час карантину", "in_progress"),
    ("Буде забезпечено до кінця року", "in_progress"),
    ("Скарг не надходило", "not_applicable"),
    ("Фактів конфлікту інтересів не встановлено", "not_applicable"),
    ("Конкурси у звітному періоді не проводилися", "not_applicable"),
    ("Підприємство не здійснює діяльність", "not_applicable"),
    ("Повідомлень про корупцію не надходило", "not_applicable"),
    ("Внесення змін не є доцільним", "not_applicable"),
    ("Постійно проводиться роз'яснювальна робота", "boilerplate"),
    ("Здійснюється відповідно до вимог законодавства", "boilerplate"),
    ("На постійній основі забезпечено контроль", "boilerplate"),
    ("Працівники дотримуються правил етичної поведінки", "boilerplate"),
    ("-", "boilerplate"),
    ("Систематично проводиться моніторинг", "boilerplate"),
]


@pytest.fixture(scope="session")
def small_corpus() -> tuple[list[str], list[str]]:
    return [s for s, _ in SMALL_CORPUS], [label for _, label in SMALL_CORPUS]


@pytest.fixture(scope="session")
def small_model(small_corpus) -> StatusClassifier:
    statuses, labels = small_corpus
    return StatusClassifier(calibration_cv=2).fit(statuses, labels)
