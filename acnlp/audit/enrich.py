"""Audit one report: every row labelled, its evidence extracted, its weak points flagged.

`audit_stream` is the data flow of the tool in one place: the report's rows (read) go through
`acnlp.load().analyze_many` (normalise → backbone → classify → extract), then the flags, in
batches, and come out one by one as they are done, so a writer can put each away before the
next (`acnlp.audit.outputs.stream_report`): memory does not grow with the report. What needs
the whole report is found before, in a compact pass: the answers standing under several
measures, from a 16-byte digest of each answer. `audit_report` is the same with the rows
kept, for a caller that wants them in hand. Every input row comes out, in order; a row that
cannot be analysed keeps its place with an ``error``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any, Optional

from ..analyzer import Analyzer, analysed_part
from ..extract import extract
from ..normalize import normalize
from ..report import Report, Row
from .explanations import said_features
from .flags import Thresholds, duplicate_answers, explain, load_thresholds, row_flags
from .period import Period, report_period
from .series import SeriesLinker, SeriesState

BATCH = 256


@dataclass
class AuditedReport:
    """A report after the audit: what it is, its period, and one enriched dict per input row."""

    name: str
    path: str
    format: str
    title: str
    period: Period
    model: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: The report's headings in order (the page tells a second table's «1.» from the first's by them).
    sections: tuple[str, ...] = ()
    #: In a series of periods: what linked its rows to the earlier periods (`SeriesLinker.finish` gives the summary's part).
    series: Optional[SeriesLinker] = None

    def meta(self) -> dict[str, Any]:
        """The report-level facts the outputs print above the rows."""
        return {
            "name": self.name,
            "path": self.path,
            "format": self.format,
            "title": self.title,
            "period_end": self.period.end.isoformat() if self.period.end else None,
            "period": self.period.text,
            "model": self.model,
            "generated": dt.date.today().isoformat(),
            "sections": list(self.sections),
        }


def audit_rows(
    rows: Iterable[Row],
    analyzer: Analyzer,
    *,
    period: Period,
    thresholds: Thresholds,
    total: Optional[int] = None,
    progress: Optional[Callable[[int, int], None]] = None,
) -> Iterator[dict[str, Any]]:
    """The audited rows, in order, batch by batch (``progress(done, total)`` after each)."""
    rows, done = iter(rows), 0
    while batch := list(islice(rows, BATCH)):
        items = [{"status": row.status, "measure": row.measure, "deadline": row.deadline, "year": period.year} for row in batch]
        for row, result in zip(batch, analyzer.analyze_many(items, explain=True, batch_size=BATCH)):
            record: dict[str, Any] = {**row.to_dict(), "status_normalized": normalize(row.status)}
            if "error" in result:
                record.update(label=None, confidence=None, scores={}, flags=[], error=result["error"])
            else:
                result.pop("year", None)
                record.update({key: value for key, value in result.items() if key not in ("status", "measure", "deadline")})
                record["confidence"] = max(result["scores"].values())
                record["features"] = said_features(result.get("features"), len(result.get("features") or []))  # with their words
                # the flags read what the analyzer read (a long cell's first part); `extract` is
                # cached, so this reads the analyzer's extraction, not recomputes it
                seen = {**record, "status": analysed_part(row.status), "measure": analysed_part(row.measure)}
                codes = row_flags(seen, extract(seen["status"], year=period.year), period_end=period.end, thresholds=thresholds)
                record["flags"] = codes + (["truncated"] if "truncated" in result else [])
                record["error"] = None
            record.setdefault("deadline_parsed", None)
            yield record
        done += len(batch)
        if progress is not None:
            progress(done, done if total is None else total)


#: What audits a report's rows: `audit_rows` without its analyzer, or one that hands them to
#: other processes (`acnlp.audit.runner`) and gives the same rows back in the same order.
RowAuditor = Callable[..., Iterator[dict[str, Any]]]


def audit_stream(
    report: Report,
    analyzer: Optional[Analyzer],
    *,
    as_of: Optional[dt.date] = None,
    thresholds: Optional[Thresholds] = None,
    progress: Optional[Callable[[int, int], None]] = None,
    series: Optional[SeriesState] = None,
    row_auditor: Optional[RowAuditor] = None,
    model_name: Optional[str] = None,
) -> tuple[AuditedReport, Iterator[dict[str, Any]]]:
    """A parsed report's facts (an `AuditedReport` without rows), and its audited rows as they
    come, each with its flags explained. ``as_of`` replaces the period end read from the title
    (for `overdue`); ``progress(done, total)`` is called with the rows done after each batch.
    ``series``, the earlier periods of the report's series, links each row to them (the row's
    ``series``) and flags ``repeated_answer``. ``row_auditor`` (with ``model_name``) audits the
    rows instead of ``analyzer``, which may then be None.

    Each of the report's rows is let go of once it is audited: a caller that drops its own
    reference to ``report`` gets its memory back as the audit goes.

    >>> from acnlp import load, read_report
    >>> audited, rows = audit_stream(read_report("corpus/reports/luhansk_housing_2019_q3.txt"), load())
    >>> first = next(rows)
    >>> audited.period.end.isoformat(), first["index"], first["label"] is not None, len(list(rows))
    ('2019-09-30', 1, True, 36)
    """
    period = report_period(report.title)
    if as_of is not None:
        period = Period(as_of, as_of.year if period.year is None else period.year, f"as of {as_of.isoformat()}")
    name = report.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if row_auditor is None:
        if analyzer is None:
            raise ValueError("audit_stream needs an analyzer or a row_auditor")
        row_auditor, model_name = partial(audit_rows, analyzer=analyzer), analyzer.name
    audited = AuditedReport(name, report.path, report.format, report.title, period, model_name or "", sections=report.sections)
    titled = report_period(report.title)  # a series is ordered by the periods titles give, whatever --as-of says
    if series is not None:
        audited.series = SeriesLinker(series, name, titled.text, titled.end.isoformat() if titled.end else None)
    pending: list[Optional[Row]] = list(report.rows)
    duplicates = duplicate_answers(row.status or "" for row in pending if row is not None)
    rows = row_auditor(_handed_out(pending), period=period, thresholds=thresholds or load_thresholds(), total=len(pending), progress=progress)
    return audited, _finished(rows, duplicates, audited.series)


def _handed_out(rows: list[Optional[Row]]) -> Iterator[Row]:
    """The rows in order, each dropped from the list as it is handed out."""
    for index, row in enumerate(rows):
        rows[index] = None
        if row is not None:
            yield row


def _finished(rows: Iterable[dict[str, Any]], duplicates: set[int], series: Optional[SeriesLinker]) -> Iterator[dict[str, Any]]:
    """The rows with the flags that look beyond the row, and every flag explained."""
    for index, row in enumerate(rows):
        if index in duplicates and row["error"] is None:
            row["flags"] = [*row["flags"], "duplicate_answer"]
        if series is not None:  # row by row, in order, as the rows come
            row["series"], repeated = series.link(row)
            if repeated and row["error"] is None:
                row["flags"] = [*row["flags"], "repeated_answer"]
        row["flags"] = explain(row["flags"])
        yield row


def audit_report(
    report: Report,
    analyzer: Analyzer,
    *,
    as_of: Optional[dt.date] = None,
    thresholds: Optional[Thresholds] = None,
    progress: Optional[Callable[[int, int], None]] = None,
    series: Optional[SeriesState] = None,
) -> AuditedReport:
    """`audit_stream` with the rows kept in the `AuditedReport`.

    >>> from acnlp import load, read_report
    >>> audited = audit_report(read_report("corpus/reports/luhansk_housing_2019_q3.txt"), load())
    >>> len(audited.rows), audited.period.end.isoformat(), audited.rows[0]["label"] is not None
    (37, '2019-09-30', True)
    """
    audited, rows = audit_stream(report, analyzer, as_of=as_of, thresholds=thresholds, progress=progress, series=series)
    audited.rows = list(rows)
    return audited
