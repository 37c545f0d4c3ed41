"""Every auditor flag on hand-made rows: when it fires, and when it must not.

The rows are written for these tests in the voices of the seed reports; the extraction is the
real one (`acnlp.extract`), the label and scores are given, so each flag's rule is what is tested.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from acnlp.audit.flags import (
    Thresholds,
    count_mismatches,
    duplicate_answers,
    explain,
    flag_texts,
    measure_overlap,
    row_flags,
)
from acnlp.extract import extract
from acnlp.extract.deadlines import parse_deadline

THRESHOLDS = Thresholds(restates_measure=0.6, low_confidence=0.55)
SURE = {"done": 0.9, "in_progress": 0.05, "not_applicable": 0.03, "boilerplate": 0.02}


def flags_of(status: str, label: str = "done", *, measure: str = "Проведення навчань", deadline: str = "",
             scores: dict[str, float] | None = None, period_end: dt.date | None = dt.date(2019, 12, 31)) -> list[str]:  # fmt: skip
    row: dict[str, Any] = {"status": status, "measure": measure, "label": label, "scores": scores or SURE,
                           "deadline_parsed": {"due": parse_deadline(deadline, year=2019).due} if deadline else None}  # fmt: skip
    return row_flags(row, extract(status, year=2019), period_end=period_end, thresholds=THRESHOLDS)


@pytest.mark.parametrize("status", ["", "   ", "-", "—", ".", "х", "–––"])
def test_flags_empty(status: str) -> None:
    assert flags_of(status, "boilerplate") == ["empty"]


@pytest.mark.parametrize("status", ["+", " + ", "+."])
def test_flags_a_plus_is_an_answer_without_evidence_not_an_empty_one(status: str) -> None:
    assert flags_of(status, "done") == ["no_evidence"]


def test_flags_vague_boilerplate_or_markers_without_evidence() -> None:
    assert "vague" in flags_of("Роз'яснювальна робота проводиться на постійній основі.", "boilerplate")
    assert "vague" in flags_of("Постійно проводиться роз'яснювальна робота.", "done")
    # the same marker with evidence beside it is not vague
    assert "vague" not in flags_of("Постійно: у 2019 році проведено 4 навчання (протокол № 3 від 12.03.2019).", "done")


def test_flags_no_evidence_only_for_done() -> None:
    assert "no_evidence" in flags_of("Виконано у встановлений термін.", "done")
    assert "no_evidence" not in flags_of("Наказом від 12.03.2019 № 45 затверджено план.", "done")
    assert "no_evidence" not in flags_of("Робота триває.", "in_progress")


def test_flags_restates_measure() -> None:
    measure = "Забезпечити проведення навчань працівників з питань запобігання корупції"
    assert "restates_measure" in flags_of("Забезпечено проведення навчань працівників з питань запобігання корупції.", measure=measure)
    assert "restates_measure" not in flags_of("У березні 2019 року лектор НАЗК провів семінар для 40 службовців.", measure=measure)
    assert measure_overlap("Забезпечено проведення навчань", measure) == 1.0


def test_flags_overdue_compares_due_date_with_period_end() -> None:
    assert "overdue" in flags_of("Проєкт наказу на погодженні.", "in_progress", deadline="Червень 2019 року", period_end=dt.date(2019, 9, 30))
    assert "overdue" not in flags_of("Проєкт наказу на погодженні.", "in_progress", deadline="Грудень 2019 року", period_end=dt.date(2019, 9, 30))
    assert "overdue" not in flags_of("Проєкт наказу на погодженні.", "done", deadline="Червень 2019 року", period_end=dt.date(2019, 9, 30))
    assert "overdue" not in flags_of("Триває.", "in_progress", deadline="постійно", period_end=dt.date(2019, 9, 30))
    assert "overdue" not in flags_of("Триває.", "in_progress", deadline="Червень 2019 року", period_end=None)


def test_flags_count_mismatch() -> None:
    status = "Проведено 5 засідань комісії (протокол № 1 від 24.01.2019, № 2 від 25.02.2019, № 3 від 21.03.2019)."
    assert "count_mismatch" in flags_of(status)
    assert [(count.value, listed) for count, listed in count_mismatches(extract(status))] == [(5, 3)]
    assert "count_mismatch" not in flags_of(status.replace("5 засідань", "3 засідання"))
    assert "count_mismatch" not in flags_of("Проведено 5 засідань (протоколи № 1-5 від 20.12.2019).")
    # a count followed by the one order that approved the work is not a list of its documents
    assert "count_mismatch" not in flags_of("Навчено 40 працівників, наказ від 12.03.2019 № 45.")


def test_flags_low_confidence() -> None:
    unsure = {"done": 0.45, "in_progress": 0.4, "not_applicable": 0.1, "boilerplate": 0.05}
    assert "low_confidence" in flags_of("Частково.", scores=unsure)
    assert "low_confidence" not in flags_of("Частково.")


def test_flags_duplicate_answers_within_a_report() -> None:
    statuses = ["Виконано у встановлений термін.", "Проведено 2 навчання.", "виконано у встановлений термін", "-", "-"]
    assert duplicate_answers(statuses) == {0, 2}


def test_flags_explanations_in_both_languages() -> None:
    assert list(flag_texts()) == ["empty", "vague", "no_evidence", "restates_measure", "duplicate_answer", "repeated_answer", "overdue", "count_mismatch", "low_confidence", "truncated"]
    for flag in explain(list(flag_texts())):
        assert flag["uk"] and flag["en"] and flag["uk"] != flag["en"]
