"""Figures of an audited report, whole and per section: rows, labels, flags, verifiable answers.

An answer is *verifiable* when it gives something an auditor can check: a date, a document
reference or a count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ..corpus.schema import LABELS
from .flags import flag_texts


def _figures(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    labels = Counter(row["label"] for row in rows if row.get("label"))
    flags = Counter(flag["code"] for row in rows for flag in row.get("flags", []))
    verifiable = sum(1 for row in rows if row.get("dates") or row.get("orders") or row.get("counts"))
    return {
        "rows": len(rows),
        "labels": {label: labels.get(label, 0) for label in LABELS},
        "flags": {code: flags.get(code, 0) for code in flag_texts()},
        "verifiable_share": round(verifiable / len(rows), 3) if rows else 0.0,
        "errors": sum(1 for row in rows if row.get("error")),
    }


def summarize(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The report's figures, and the same per section in the order sections appear.

    >>> summary = summarize([{"section": "I", "label": "done", "flags": [], "dates": [{}]},
    ...                      {"section": "I", "label": "boilerplate", "flags": [{"code": "vague"}]}])
    >>> summary["rows"], summary["labels"]["done"], summary["flags"]["vague"], summary["verifiable_share"]
    (2, 1, 1, 0.5)
    >>> [(s["section"], s["rows"]) for s in summary["sections"]]
    [('I', 2)]
    """
    sections: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        sections.setdefault(row.get("section") or "", []).append(row)
    return {**_figures(rows), "sections": [{"section": name, **_figures(part)} for name, part in sections.items()]}


def summary_table(reports: Iterable[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Flat rows for ``summary.csv``: one per report (section empty) and one per section."""
    table = []
    for name, summary in reports:
        for section, figures in [("", summary)] + [(s["section"], s) for s in summary["sections"]]:
            row = {"report": name, "section": section, "rows": figures["rows"], "verifiable_share": figures["verifiable_share"], "errors": figures["errors"]}
            row.update({f"label_{label}": count for label, count in figures["labels"].items()})
            row.update({f"flag_{code}": count for code, count in figures["flags"].items()})
            table.append(row)
    return table
