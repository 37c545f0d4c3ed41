"""acnlp.extract.lemmas reads pymorphy3's parses from the backbone's cache (issue 13)."""

from __future__ import annotations

from acnlp.extract import extract
from acnlp.extract.lemmas import lemmas_of, parses
from acnlp.nlp.base import load_backbone
from acnlp.nlp.pymorphy_backend import parse_form


def test_lemmas_parses_are_the_backbones() -> None:
    text = "Наказом управління від 26.02.2019 № 29 проведено 2 навчання для працівників"
    load_backbone().analyze(text)
    before = parse_form.cache_info()
    result = extract(text)
    after = parse_form.cache_info()
    assert [(o.type, o.number) for o in result.orders] == [("наказ", "29")]
    assert [(c.value, c.noun) for c in result.counts] == [(2, "навчання")]
    # every word the grammars asked about was parsed already, for the backbone
    assert after.misses == before.misses and after.hits > before.hits


def test_lemmas_parses_are_shared_objects_whatever_the_case() -> None:
    assert parses("ПРАЦІВНИКІВ") is parses("працівників") is parse_form("працівників")
    assert lemmas_of("Працівників") == {"працівник"}
