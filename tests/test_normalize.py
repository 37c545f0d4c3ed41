"""Normalisation: a table of real debris from the seed reports, and properties on invented text."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acnlp.normalize import normalize

# acnlp.normalize is also the name of the function the package re-exports, so reach the module itself.
normalize_module = importlib.import_module("acnlp.normalize")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Проводиться роз’яснювальна робота.", "Проводиться роз'яснювальна робота."),
        ("п\u02bcять засідань", "п'ять засідань"),
        ("пов`язаних з корупцією", "пов'язаних з корупцією"),
        ("Жовтень–грудень 2019 року", "Жовтень-грудень 2019 року"),
        ("(14.05—15.05.2019)", "(14.05-15.05.2019)"),
        ("<p>декларацій осіб;</p> <p>– особистий контроль</p>", "декларацій осіб; - особистий контроль"),
        ("<i>1. Створення ефективного механізму</i>", "1. Створення ефективного механізму"),
        ("від\u00a026.02.2019\u00a0№\u00a029/аг", "від 26.02.2019 № 29/аг"),
        ("антикорупцій\u00adної\u200b програми", "антикорупційної програми"),
        ("ДП “Документ”, ЦНАП", "ДП «Документ», ЦНАП"),
        ('програма "Прозоро"', "програма «Прозоро»"),
        ("„Про запобігання корупції“", "«Про запобігання корупції»"),
        ("слово ‘так’ і м’ята", "слово «так» і м'ята"),
        ("  Постійно здійснюється контроль \n\n за дотриманням   ", "Постійно здійснюється контроль за дотриманням"),
        ("&laquo;Послуги&raquo; &amp; інше", "«Послуги» & інше"),
        ("", ""),
    ],
    ids=lambda v: v[:24] if isinstance(v, str) else None,
)
def test_normalize_real_debris(raw, expected):
    assert normalize(raw) == expected


def _without_fast_path(text: str) -> str:
    """The full pipeline, as normalize runs it when its fast path does not apply."""
    text = normalize_module.fold_latin_lookalikes(text)
    text = normalize_module.strip_markup(text)
    text = normalize_module._WORD_APOSTROPHE.sub("'", text)
    text = text.translate(normalize_module._CHAR_TABLE)
    text = normalize_module._direct_quotes(text)
    return normalize_module._WHITESPACE_RUN.sub(" ", text).strip()


@given(st.text(alphabet=st.sampled_from(list("абвгґєіїщьюя АБВ.,;:()«»№/-0123456789\n\t'’ʼ–—\u00a0\"“”<>&p")), max_size=80))
def test_normalize_fast_path_gives_the_same_text(text):
    assert normalize(text) == _without_fast_path(text)


@given(st.text(max_size=120))
def test_normalize_is_idempotent_and_leaves_no_look_alikes(text):
    once = normalize(text)
    assert normalize(once) == once
    assert not set(once) & (set(normalize_module.DASHES) | set(normalize_module.INVISIBLES) | {"\u00a0", "\u02bc"})


@pytest.mark.parametrize("noisy, clean", [
    ("Рoзміщено нa сайті", "Розміщено на сайті"),       # Latin o, a
    ("ВИКOНАНO", "ВИКОНАНО"),                            # Latin capital O
    ("тaк", "так"),
    ("Забезпечуєтьcя", "Забезпечується"),
    ("через ProZorro та Zoom", "через ProZorro та Zoom"),  # Latin words stay Latin
    ("x", "x"),                                           # a lone Latin letter is no Cyrillic word
])
def test_normalize_folds_latin_lookalikes_inside_cyrillic_words(noisy, clean):
    assert normalize(noisy) == clean
