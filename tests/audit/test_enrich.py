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


def test_enrich_duplicate_answers_by_digest_match_answers_grouped_by_text_on_the_corpus() -> None:
    import json
    from collections import defaultdict
    from pathlib import Path

    from acnlp.audit.flags import EMPTY, answer_key, duplicate_answers

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    statuses = [json.loads(line)["status"] for path in sorted(corpus.glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines()]
    statuses += statuses[:50] + ["-", "Виконано.", " виконано"]  # answers that do repeat, and placeholders
    # the reference keeps every answer's whole key: no digest can merge two different answers
    by_answer: dict[str, list[int]] = defaultdict(list)
    for index, status in enumerate(statuses):
        if answer_key(status) and not EMPTY.match(status.strip()):
            by_answer[answer_key(status)].append(index)
    grouped = {index for indices in by_answer.values() if len(indices) > 1 for index in indices}
    found = duplicate_answers(statuses)
    assert found == grouped and len(found) > 100


def test_enrich_stream_lets_go_of_the_rows_already_audited(luhansk_path) -> None:
    import gc
    import weakref

    from acnlp.audit.enrich import BATCH, audit_stream

    report = read_report(luhansk_path)
    rows = [replace(report.rows[i % len(report.rows)], index=i + 1) for i in range(BATCH + 40)]  # two batches, distinct rows
    watched = [weakref.ref(row) for row in rows]
    audited, stream = audit_stream(replace(report, rows=tuple(rows)), load())
    del rows, report
    first = next(stream)
    gc.collect()
    assert first["index"] == 1 and all(ref() is not None for ref in watched[BATCH:])  # the batch after is still to come
    second_batch = [row for _, row in zip(range(BATCH), stream)][-1]
    gc.collect()
    assert second_batch["index"] == BATCH + 1 and not any(ref() for ref in watched[:BATCH])  # the first batch's rows are gone
    assert len(list(stream)) == 39 and audited.name == "luhansk_housing_2019_q3"
