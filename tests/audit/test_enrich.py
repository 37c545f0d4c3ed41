"""`audit_report`: a cell too long to analyse whole keeps its row, its full text, and the `truncated` flag."""

from __future__ import annotations

from dataclasses import replace

from acnlp import load, read_report
from acnlp.analyzer import MAX_ANALYSED_CHARS
from acnlp.audit import audit_report, flag_texts


def test_enrich_long_cell_flagged_truncated(luhansk_path) -> None:
    report = read_report(luhansk_path)
    long_status = "Проведено навчання працівників. " * (3 * MAX_ANALYSED_CHARS // 32)
    rows = list(report.rows)
    rows[3] = replace(rows[3], status=long_status)
    audited = audit_report(replace(report, rows=rows), load())
    assert len(audited.rows) == len(report.rows)
    row = audited.rows[3]
    assert row["status"] == long_status and row["truncated"]["length"] == len(long_status)
    assert [flag["code"] for flag in row["flags"]][-1] == "truncated"
    assert all("truncated" not in [f["code"] for f in other["flags"]] for i, other in enumerate(audited.rows) if i != 3)


def test_enrich_truncated_flag_names_the_limit() -> None:
    texts = flag_texts()["truncated"]
    assert f"{MAX_ANALYSED_CHARS:,}".replace(",", " ") in texts["uk"] and f"{MAX_ANALYSED_CHARS:,}" in texts["en"]
