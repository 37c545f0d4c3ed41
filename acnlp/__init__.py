"""acnlp: reads Ukrainian anti-corruption program reports and tells an auditor, row by row, what was really done.

>>> from acnlp import read_report
>>> report = read_report("corpus/reports/luhansk_housing_2019_q3.txt")
>>> len(report.rows), report.rows[0].deadline
(37, 'постійно')
"""

from .analyzer import Analyzer, load
from .errors import AcnlpError, BackendError, ReportError
from .io import read_report, read_reports
from .nlp.base import Analysis, Backbone, Token, load_backbone
from .normalize import normalize
from .report import Report, Row, Source

__all__ = [
    "AcnlpError",
    "Analyzer",
    "Analysis",
    "Backbone",
    "BackendError",
    "Report",
    "ReportError",
    "Row",
    "Source",
    "Token",
    "load",
    "load_backbone",
    "normalize",
    "read_report",
    "read_reports",
]
__version__ = "0.1.0"
