"""Scoring extractors against gold: what counts as right, and that misses are counted."""

from __future__ import annotations

import pytest

from acnlp.corpus.schema import CorpusRecord
from acnlp.extract.evaluation import FieldScore, score_extractors


def record(status: str, **gold: object) -> CorpusRecord:
    return CorpusRecord(id="r1", source="written:test", group="test", year=2019, label="done", status=status, **gold)


def test_evaluation_right_when_value_and_precision_match() -> None:
    scores = score_extractors([record("станом на 25.09.2019", dates=[{"text": "25.09.2019", "value": "2019-09-25", "precision": "day", "kind": "as_of"}])])
    assert (scores["dates"].matched, scores["dates"].f1) == (1, 1.0)


def test_evaluation_counts_misses_and_spurious_items() -> None:
    # gold says 2019-09-24: the extractor's 2019-09-25 is both a miss and a spurious find
    scores = score_extractors([record("25.09.2019", dates=[{"text": "25.09.2019", "value": "2019-09-24", "precision": "day"}])])
    assert (scores["dates"].precision, scores["dates"].recall) == (0.0, 0.0)
    assert scores["dates"].errors == [("r1", [("2019-09-24", "day")], [("2019-09-25", "day")])]


def test_evaluation_reference_needs_type_number_and_date() -> None:
    gold = [{"text": "наказ від 26.02.2019 № 29/аг", "type": "розпорядження", "number": "29/аг", "date": "2019-02-26"}]
    assert score_extractors([record("наказ від 26.02.2019 № 29/аг", orders=gold)])["orders"].matched == 0


def test_evaluation_count_noun_compares_the_head_word() -> None:
    gold = [{"text": "14 суб'єктів декларування", "value": 14, "noun": "суб'єкт декларування"}]
    assert score_extractors([record("перевірено 14 суб'єктів декларування", counts=gold)])["counts"].f1 == 1.0


@pytest.mark.parametrize(("matched", "predicted", "gold", "f1"), [(0, 0, 0, 1.0), (1, 2, 1, 2 / 3), (0, 3, 2, 0.0)])
def test_evaluation_f1_arithmetic(matched: int, predicted: int, gold: int, f1: float) -> None:
    assert FieldScore("x", matched, predicted, gold).f1 == pytest.approx(f1)
