"""Russian lemmas for the grammars (`acnlp.extract.russian`, `acnlp.extract.lemmas`): forms of
Russian report text written for this file, with the lemma each must give, and Ukrainian words
that must keep their Ukrainian readings only."""

from __future__ import annotations

import pytest

from acnlp.extract.lemmas import lemmas_of
from acnlp.extract.russian import is_russian_adjective, russian_parses

FORMS = [
    pytest.param("приказом", "приказ", id="masculine-instrumental"),
    pytest.param("распоряжением", "распоряжение", id="neuter-ie-instrumental"),
    pytest.param("письмом", "письмо", id="neuter-o"),
    pytest.param("писем", "письмо", id="irregular-genitive-plural"),
    pytest.param("заседания", "заседание", id="neuter-ie-genitive"),
    pytest.param("проверок", "проверка", id="feminine-genitive-plural-with-inserted-vowel"),
    pytest.param("комиссий", "комиссия", id="feminine-iya-genitive-plural"),
    pytest.param("лицами", "лицо", id="neuter-o-instrumental-plural"),
    pytest.param("служащих", "служащий", id="substantive-adjective"),
    pytest.param("года", "год", id="year-word"),
    pytest.param("собеседований", "собеседование", id="regular-verbal-noun-outside-the-lexicon"),
    pytest.param("экспертов", "эксперт", id="ov-plural-outside-the-lexicon"),
]


@pytest.mark.parametrize(("form", "lemma"), FORMS)
def test_russian_forms_give_their_lemma(form: str, lemma: str) -> None:
    assert lemma in {parse.lemma for parse in russian_parses(form)}
    assert lemma in lemmas_of(form)


@pytest.mark.parametrize(
    ("word", "lemmas"),
    [
        pytest.param("наказом", {"наказ"}, id="ukrainian-order"),
        pytest.param("протоколами", {"протокол"}, id="shared-word-ukrainian-form"),
        pytest.param("працівників", {"працівник"}, id="ukrainian-plural-genitive-in-iv"),
    ],
)
def test_russian_readings_never_added_to_ukrainian_words(word: str, lemmas: set[str]) -> None:
    assert lemmas_of(word) == lemmas


def test_russian_unknown_words_with_adjective_endings_are_adjectives() -> None:
    assert [is_russian_adjective(word) for word in ("информационных", "внезапные", "сотрудников")] == [True, True, False]
