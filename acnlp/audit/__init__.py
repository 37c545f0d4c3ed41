"""The auditor's workflow: audit reports row by row, flag weak answers, write data and a page.

`audit_report` audits one parsed report (label, evidence, flags per row); `summarize` gives its
figures; `acnlp.audit.outputs` writes JSONL, CSV, XLSX; `acnlp.audit.html` the HTML page;
`acnlp.audit.runner` runs many files in parallel (joblib, or a Dask cluster).
"""

from .enrich import AuditedReport, audit_report
from .flags import Thresholds, explain, flag_texts, load_thresholds
from .period import Period, report_period
from .summary import summarize

__all__ = [
    "AuditedReport",
    "Period",
    "Thresholds",
    "audit_report",
    "explain",
    "flag_texts",
    "load_thresholds",
    "report_period",
    "summarize",
]
