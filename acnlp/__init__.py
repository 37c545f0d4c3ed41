"""acnlp: reads Ukrainian anti-corruption program reports and tells an auditor, row by row, what was really done.

>>> from acnlp import read_report
>>> report = read_report("corpus/reports/luhansk_housing_2019_q3.txt")
>>> len(report.rows), report.rows[0].deadline
(37, 'постійно')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_names

if TYPE_CHECKING:
    from .analyzer import Analyzer, load
    from .errors import AcnlpError, BackendError, ReportError
    from .io import read_report, read_reports
    from .nlp.base import Analysis, Backbone, Token, load_backbone
    from .report import Report, Row, Source

# Imported now, not on first use: the function has its module's name, and importing any
# module that uses it would bind ``acnlp.normalize`` to the module first. It costs 2 ms.
from .normalize import normalize

#: Each public name → the module that defines it. They are imported on first use (PEP 562), so
#: ``import acnlp``, the command line's ``--help`` and spaCy's entry points (spaCy imports our
#: factories' modules, and with them this package, at every ``spacy.blank``) stay light;
#: ``benchmarks/startup.py`` measures it, ``tests/test_imports.py`` keeps it so.
_PUBLIC = {
    "Analyzer": ".analyzer",
    "load": ".analyzer",
    "AcnlpError": ".errors",
    "BackendError": ".errors",
    "ReportError": ".errors",
    "read_report": ".io",
    "read_reports": ".io",
    "Analysis": ".nlp.base",
    "Backbone": ".nlp.base",
    "Token": ".nlp.base",
    "load_backbone": ".nlp.base",
    "Report": ".report",
    "Row": ".report",
    "Source": ".report",
}

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


__getattr__, __dir__ = lazy_names(globals(), _PUBLIC)
