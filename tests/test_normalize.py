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
    assert normalize_module._canonical(once)[0] == once  # computed afresh, not remembered
    assert not set(once) & (set(normalize_module.DASHES) | set(normalize_module.INVISIBLES) | {"\u00a0", "\u02bc"})


@given(st.text(alphabet=st.sampled_from(list("абвгґєіїщьюя АВСЕНІКМОРТХУ aceiopxyABCEHIKMOPTXY.,;:()«»№/-019\n\t\x0b\u2003'’ʼ–\u00a0\u00ad\u200b\"<>&;p")), max_size=80))
def test_normalize_remembers_a_result_as_its_own_only_when_it_is(text):
    # normalize remembers a canonical text as its own canonical form when _canonical says it is
    # certain: the backbone then normalises what the classifier hands it by a look-up.
    canonical, certain = normalize_module._canonical(text)
    if certain:
        assert normalize_module._canonical(canonical) == (canonical, True)
    assert normalize(text) == canonical


def test_normalize_runs_once_for_a_cell_the_backbone_reads_again(monkeypatch):
    counted: list[str] = []
    canonical = normalize_module._canonical

    def counting(text: str) -> tuple[str, bool]:
        counted.append(text)
        return canonical(text)

    monkeypatch.setattr(normalize_module, "_canonical", counting)
    text = " Проведено  3 засідання комісії (test_normalize_runs_once) "
    once = normalize(text)
    assert normalize(text) == normalize(once) == once == text.strip().replace("  ", " ")
    assert counted == [text]


def test_normalize_does_not_remember_long_texts():
    text = "Проведено навчання. " * 2_000
    assert normalize(text) == text.strip()
    assert text not in normalize_module._memo


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
