"""Read reports: `read_report` for one file, `read_reports` for a batch that never stops on a bad file."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import E, ReportError
from ..report import Report
from .assemble import RawRow, assemble, report_title
from .inputs import find_inputs
from .limits import DEFAULT_LIMITS, ReadLimits, check_text, collect_notes

#: format name -> module with ``read_rows(path, data) -> list[RawRow]``; a reader that also
#: takes ``limits`` (`acnlp.io.limits.ReadLimits`) is given the caller's
READERS: dict[str, str] = {
    "text": "acnlp.io.text",
    "docx": "acnlp.io.docx",
    "xlsx": "acnlp.io.xlsx",
    "csv": "acnlp.io.delimited",
    "html": "acnlp.io.htmltable",
    "pdf": "acnlp.io.pdf",
    "odt": "acnlp.io.odt",
    "doc": "acnlp.io.legacy",
    "rtf": "acnlp.io.legacy",
}

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".tsv": "text",
    ".text": "text",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".odt": "odt",
    ".doc": "doc",
    ".rtf": "rtf",
}

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old binary .doc/.xls
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def detect_format(path: str, data: bytes) -> str:
    """The reader to use, from the file's first bytes and, failing that, its suffix.

    >>> detect_format("звіт.txt", b"<html><table></table></html>")
    'html'
    >>> detect_format("звіт.docx", b"not a zip")
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E003] звіт.docx: the file is not a valid .docx (it is not a zip archive); open it in Word and save it again as .docx
    """
    suffix = Path(path).suffix.lower()
    if b"%PDF-" in data[:1024]:  # PDF readers accept junk before the header, so do we
        return "pdf"
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_ZIP_MAGIC):
        # an ODF package stores its mimetype first and uncompressed, so it is in plain sight
        if _ODT_MIMETYPE in data[:200] or suffix == ".odt":
            return "odt"
        if b"word/" in data[:4096] or suffix == ".docx":
            return "docx"
        if b"xl/" in data[:4096] or suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        return SUFFIXES.get(suffix, "docx")
    if data.startswith(_OLE_MAGIC) and suffix in (".doc", ".dot", ""):
        return "doc"
    if data.startswith(_OLE_MAGIC) or suffix == ".xls":
        raise ReportError(E.UNSUPPORTED_FORMAT, path=path, suffix=suffix or "(none)")
    if suffix in (".docx", ".xlsx", ".xlsm") and data.strip():
        raise ReportError(E.NOT_A_ZIP, path=path, kind=suffix)
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<?xml")) or suffix in (".html", ".htm"):
        return "html"
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if suffix in ("", ".dat", ".out"):
        return "text"
    raise ReportError(E.UNSUPPORTED_FORMAT, path=path, suffix=suffix)


def read_report(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Report:
    """Read one report file (any supported format) into a `Report`.

    Raises `acnlp.errors.ReportError`, naming the file and the reason, for anything that is
    not a readable report, or that would cost more to read than ``limits`` allow. What reading
    changed (a cell cut at ``limits.max_cell_chars``, lines read as Windows-1251) is in
    ``Report.notes``.
    """
    name, fmt, raw_rows, notes = _read_rows(path, limits)
    report = assemble(name, fmt, raw_rows)
    return replace(report, notes=tuple(notes)) if notes else report


def read_title(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> str:
    """The title `read_report` would give (the text above the table), without assembling the
    rows below it; fails as `read_report` does for an input that is no readable report."""
    name, _, raw_rows, _ = _read_rows(path, limits)
    return report_title(name, raw_rows)


def _read_rows(path: str | Path, limits: ReadLimits) -> tuple[str, str, list[RawRow], list[str]]:
    """The file's name, format, raw rows and reading notes, every limit checked."""
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise ReportError(E.NOT_FOUND, path=name)
    try:
        size = p.stat().st_size
        if size > limits.max_file_bytes:
            what, limit = f"the file has {size:,} bytes", f"{limits.max_file_bytes:,}"
            raise ReportError(E.TOO_LARGE, path=name, what=what, limit=limit, option="max_file_bytes")
        data = p.read_bytes()
    except OSError as err:
        raise ReportError(E.UNREADABLE, path=name, reason=err.strerror or str(err)) from None
    if not data.strip():
        raise ReportError(E.EMPTY_FILE, path=name)
    fmt = detect_format(name, data)
    read_rows = importlib.import_module(READERS[fmt]).read_rows
    # Readers that unpack archives or lay out grids take the limits; the others are bounded
    # by the file's size alone.
    if "limits" in inspect.signature(read_rows).parameters:
        raw_rows = read_rows(name, data, limits=limits)
    else:
        raw_rows = read_rows(name, data)
    # The .odt reader counts its text as it builds it (repeats multiply it); the others build
    # each text once (an .xlsx's cells may share one string), so their rows are counted here.
    check_text(name, raw_rows, limits)
    return name, fmt, raw_rows, collect_notes(name, raw_rows, limits)


@dataclass(frozen=True)
class ReadResult:
    """One input of a batch: its report, or the error that stopped it."""

    path: str
    report: Report | None = None
    error: ReportError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and for folders every report file below them, sorted (`find_inputs` also says what it skipped)."""
    return find_inputs(paths).files


def read_reports(paths: Iterable[str | Path], limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[ReadResult]:
    """Read many reports; a file that fails yields its error and the others still go through."""
    for path in expand_paths(paths):
        try:
            yield ReadResult(str(path), report=read_report(path, limits))
        except ReportError as err:
            yield ReadResult(str(path), error=err)
