"""Repairs before the backbone reads a cell: words broken at line ends, words mistyped by one key."""

from __future__ import annotations

import pytest

from acnlp.nlp.repair import correct_typos, join_broken_words


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Навчання прведено 12.03.2021.", "Навчання проведено 12.03.2021."),  # a dropped letter
        ("Порушень не виявлнео.", "Порушень не виявлено."),  # two letters swapped
        ("Наказ затвердженно.", "Наказ затверджено."),  # a doubled letter
        ("ПЕРЕВІРКУ ПРВЕДЕНО", "ПЕРЕВІРКУ ПРОВЕДЕНО"),  # upper case kept
    ],
)
def test_one_keystroke_typos_are_corrected(typed: str, meant: str) -> None:
    assert correct_typos(typed) == meant


@pytest.mark.parametrize(
    "text",
    [
        "Навчання проведено для працівників управління.",  # every word known
        "Жалоб не поступало, проверка не проводилась.",  # Russian is read in Ukrainian later, not corrected
        "Звіт подано через систему ProZorro та ЄДЕБО.",  # Latin words and abbreviations
        "Відповідальний: Коваленкович.",  # a name no dictionary word is one keystroke from
    ],
)
def test_known_and_foreign_words_stay_as_written(text: str) -> None:
    assert correct_typos(text) == text


def test_a_typo_is_read_as_the_word_meant() -> None:
    from acnlp.classify.features import Cell, cell_reading

    typed, clean = cell_reading(Cell("Порушень не виявлнео.")), cell_reading(Cell("Порушень не виявлено."))
    assert typed.verdict == clean.verdict == "not_applicable"


def test_broken_words_are_joined_and_compounds_kept() -> None:
    assert join_broken_words("Програму оприлюд- нено на веб-сайті") == "Програму оприлюднено на веб-сайті"
