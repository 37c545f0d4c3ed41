"""The auditor's review loop: pick the cells worth a human look (`acnlp.review.picks`), hand
them to Label Studio (`acnlp.review.label_studio`), and check the reviewed labels against the
guidelines' precedence before training on them (`acnlp.review.contradictions`).

The readers of what comes back (an edited audit XLSX or CSV, the audit page's corrections
JSONL, a Label Studio export) are in `acnlp.corpus.importers`.
"""

from __future__ import annotations

from .contradictions import Contradiction, contradictions, ruled_out
from .label_studio import label_config, tasks
from .picks import Candidate, audit_outputs, audit_rows, candidate, pick

__all__ = ["Candidate", "Contradiction", "audit_outputs", "audit_rows", "candidate", "contradictions", "label_config", "pick",
           "ruled_out", "tasks"]
