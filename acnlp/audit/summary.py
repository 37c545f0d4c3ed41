"""Figures of an audited report, whole and per section: rows, labels, flags, verifiable answers.

An answer is *verifiable* when it gives something an auditor can check: a date, a document
reference or a count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..corpus.schema import LABELS
from .flags import flag_texts

if TYPE_CHECKING:
    from ..errors import ReportError
    from .runner import FileOutcome


class Figures:
    """The figures of some rows (a report, or one of its sections), counted a row at a time."""

    def __init__(self) -> None:
        self.rows = self.no_answer = self.verifiable = self.errors = 0
        self.labels: Counter[str] = Counter()
        self.flags: Counter[str] = Counter()

    def add(self, row: dict[str, Any]) -> None:
        codes = [flag["code"] for flag in row.get("flags") or []]
        self.rows += 1
        if row.get("label"):
            self.labels[row["label"]] += 1
        self.flags.update(codes)
        # An empty answer stays `boilerplate` with the `empty` flag, but it is no answer at all:
        # counted on its own, so real boilerplate is not hidden among blank cells.
        self.no_answer += row.get("label") == "boilerplate" and "empty" in codes
        self.verifiable += bool(row.get("dates") or row.get("orders") or row.get("counts"))
        self.errors += bool(row.get("error"))

    def result(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "labels": {label: self.labels.get(label, 0) for label in LABELS},
            "no_answer": self.no_answer,
            "flags": {code: self.flags.get(code, 0) for code in flag_texts()},
            "verifiable_share": round(self.verifiable / self.rows, 3) if self.rows else 0.0,
            "errors": self.errors,
        }


class Tally:
    """A report's summary built as its rows go by, so a streamed audit never holds them all.

    >>> tally = Tally()
    >>> for row in [{"section": "I", "label": "done", "flags": []}, {"section": "II", "label": "done", "flags": []}]:
    ...     tally.add(row)
    >>> summary = tally.summary()
    >>> summary["labels"]["done"], [(s["section"], s["rows"]) for s in summary["sections"]]
    (2, [('I', 1), ('II', 1)])
    """

    def __init__(self) -> None:
        self.whole = Figures()
        self.sections: dict[str, Figures] = {}  # in the order sections first appear

    def add(self, row: dict[str, Any]) -> None:
        self.whole.add(row)
        self.sections.setdefault(row.get("section") or "", Figures()).add(row)

    def summary(self) -> dict[str, Any]:
        """What `summarize` gives for the rows added so far."""
        return {**self.whole.result(), "sections": [{"section": name, **figures.result()} for name, figures in self.sections.items()]}


def summarize(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The report's figures, and the same per section in the order sections appear.

    >>> summary = summarize([{"section": "I", "label": "done", "flags": [], "dates": [{}]},
    ...                      {"section": "I", "label": "boilerplate", "flags": [{"code": "vague"}]}])
    >>> summary["rows"], summary["labels"]["done"], summary["flags"]["vague"], summary["verifiable_share"]
    (2, 1, 1, 0.5)
    >>> summarize([{"label": "boilerplate", "flags": [{"code": "empty"}]}, {"label": "boilerplate", "flags": []}])["no_answer"]
    1
    >>> [(s["section"], s["rows"]) for s in summary["sections"]]
    [('I', 2)]
    """
    tally = Tally()
    for row in rows:
        tally.add(row)
    return tally.summary()


def input_entry(path: str, status: str, reason: str = "", summary: dict[str, Any] | None = None) -> dict[str, Any]:
    """What ``summary.json`` says of one input: its path and status (``read``, ``failed`` or
    ``skipped``), the reason when it was not read, and a read report's figures.

    >>> input_entry("звіт.xls", "failed", "[E005] звіт.xls: the format '.xls' is not supported")["status"]
    'failed'
    """
    entry: dict[str, Any] = {"input": path, "status": status}
    if reason:
        entry["reason"] = reason
    return {**entry, **(summary or {})}


def input_summaries(outcomes: Iterable[FileOutcome], skipped: Iterable[ReportError], order: dict[str, int]) -> list[tuple[str, dict[str, Any]]]:
    """Every input of an audit for ``summary.json``, by output name: the reports read and those
    that failed, in input order (``order``: path to position), then the files skipped, by path."""
    entries = []
    for outcome in sorted(outcomes, key=lambda o: order.get(o.path, len(order))):
        if outcome.error is None:
            entries.append((outcome.name, input_entry(outcome.path, "read", summary=outcome.summary or {})))
        else:
            entries.append((outcome.name, input_entry(outcome.path, "failed", outcome.error)))
    entries.extend((error.path, input_entry(error.path, "skipped", str(error))) for error in skipped)
    return entries


def summary_table(reports: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Flat rows for ``summary.csv``: one per report (section empty) and one per section; an
    input that was not read (an `input_entry` without figures) has one row with its status and
    reason and empty figures. Every row has every column.

    >>> table = summary_table([("скан", input_entry("скан.pdf", "failed", "[E070] скан.pdf: a scan"))])
    >>> [(row["report"], row["status"], row["reason"]) for row in table]
    [('скан', 'failed', '[E070] скан.pdf: a scan')]
    """
    table = []
    for name, summary in reports:
        status = {"input": summary.get("input", ""), "status": summary.get("status", "read"), "reason": summary.get("reason", "")}
        if "sections" not in summary:
            table.append({"report": name, "section": "", **status})
            continue
        for section, figures in [("", summary)] + [(s["section"], s) for s in summary["sections"]]:
            row = {"report": name, "section": section, **status, "rows": figures["rows"], "verifiable_share": figures["verifiable_share"], "errors": figures["errors"]}
            row.update({f"label_{label}": count for label, count in figures["labels"].items()})
            row["no_answer"] = figures["no_answer"]
            row.update({f"flag_{code}": count for code, count in figures["flags"].items()})
            table.append(row)
    columns = list(dict.fromkeys(key for row in table for key in row))
    return [{column: row.get(column, "") for column in columns} for row in table]
