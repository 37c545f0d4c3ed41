"""Reviewed labels that the guidelines' precedence rules out on the cell's own text.

Phrasings written for this test after ``corpus/GUIDELINES.md`` (its admissions, categories,
non-answers and hard cases); each row says which reviewed label the reading rules out and
which it leaves to the reviewer.
"""

from __future__ import annotations

import pytest

from acnlp.corpus.schema import CorpusRecord
from acnlp.review.contradictions import contradictions, ruled_out

CASES = [
    # (status, reviewed label, the rule that rules it out or None)
    ("Захід не виконано у зв'язку з відсутністю фінансування.", "done", "admission"),
    ("Виконання заходу не розпочато через воєнний стан.", "boilerplate", "admission"),
    ("Захід не виконано.", "in_progress", None),
    ("Захід не виконано.", "not_applicable", None),
    (" - ", "done", "no_answer"),
    ("", "in_progress", "no_answer"),
    ("х", "boilerplate", None),
    ("Виконано.", "in_progress", "category"),
    ("Частково виконано", "done", "category"),
    ("Виконано.", "done", None),
    ("+", "done", None),
    ("Скарг та повідомлень у звітному періоді не надходило.", "boilerplate", "missing_trigger"),
    ("Скарг та повідомлень у звітному періоді не надходило.", "done", "missing_trigger"),
    ("Скарг та повідомлень у звітному періоді не надходило.", "in_progress", None),
    ("Проведено перевірку 12 декларацій, порушень не виявлено.", "done", None),  # a check and its result
    ("Постійно проводиться роз'яснювальна робота.", "done", None),  # no decisive element: the reviewer decides
]


@pytest.mark.parametrize("status,label,rule", CASES, ids=[f"{s[:24]}->{label}" for s, label, _ in CASES])
def test_contradictions_rule_out_by_precedence(status: str, label: str, rule: str | None) -> None:
    record = CorpusRecord(id="c", source="review:r.xlsx#2", group="r", status=status, label=label)
    found = contradictions([record])
    assert [c.rule for c in found] == ([rule] if rule else [])
    if rule:
        (contradiction,) = found
        assert label not in contradiction.allowed and contradiction.source == "review:r.xlsx#2"
        assert contradiction.clause and contradiction.clause in status or rule == "no_answer"


def test_contradictions_allowed_labels_follow_the_precedence() -> None:
    assert ruled_out("Захід не виконано.")[2] == ("in_progress", "not_applicable")
    assert ruled_out("Скарг не надходило.")[2] == ("not_applicable", "in_progress")
    assert ruled_out("Виконується постійно")[2] == ("boilerplate",)
    assert ruled_out("Виконується.") is None  # a bare ongoing category: the corpus labels it both ways
