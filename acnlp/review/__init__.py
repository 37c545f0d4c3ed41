"""The auditor's review loop: pick the cells worth a human look (`acnlp.review.picks`), hand
them to Label Studio (`acnlp.review.label_studio`), and check the reviewed labels against the
guidelines' precedence before training on them (`acnlp.review.contradictions`).

The readers of what comes back (an edited audit XLSX or CSV, the audit page's corrections
JSONL, a Label Studio export) are in `acnlp.corpus.importers`. The names below load on first
use (PEP 562), so ``python -m acnlp.review.contradictions`` runs its module once.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: Public name -> the module that defines it.
_HOMES = {
    # `contradictions` (the function) is not among them: the submodule of that name would shadow it.
    "Contradiction": "contradictions", "ruled_out": "contradictions",
    "label_config": "label_studio", "tasks": "label_studio",
    "Candidate": "picks", "audit_outputs": "picks", "audit_rows": "picks", "candidate": "picks", "pick": "picks",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)
