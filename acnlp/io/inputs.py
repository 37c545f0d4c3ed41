"""Which files of the given paths are reports: every file named is, and in a folder every file
in a report format; the other files of a folder are skipped, each with its reason, never silently.

A file in a document format acnlp cannot read (an old .xls, an .ods) is not skipped: it is a
report, so reading it fails with its reason and the run says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import E, ReportError

#: Document formats a report may come in that acnlp does not read: listed so that reading
#: them fails loudly (E005) instead of their being skipped as "not a report".
UNREAD_REPORT_SUFFIXES = frozenset({".xls", ".xlsb", ".ods", ".fodt", ".docm", ".dotx", ".dot", ".wps", ".wpd", ".pages", ".djvu", ".xps"})
_IMAGES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})


@dataclass
class Inputs:
    """The files to read, in order, and the files of the given folders that are skipped (`E.SKIPPED` errors)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[ReportError] = field(default_factory=list)


def find_inputs(paths: Iterable[str | Path], report_suffixes: Iterable[str] | None = None) -> Inputs:
    """Files as given, and below each folder every file, sorted: reports to read, the rest skipped with a reason.

    ``report_suffixes`` are the suffixes acnlp reads (default: `acnlp.io.reader.SUFFIXES`).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("звіт.pdf", "~$звіт.docx", "фото.jpg", "план.xls"):
    ...     _ = (folder / name).write_bytes(b"x")
    >>> found = find_inputs([folder], {".pdf", ".docx"})
    >>> [p.name for p in found.files]
    ['звіт.pdf', 'план.xls']
    >>> [e.fields["reason"].split(" (")[0] for e in found.skipped]
    ['an office lock file', 'an image, not a document; if it is a scanned report, give it a text layer first']
    """
    if report_suffixes is None:
        from .reader import SUFFIXES as report_suffixes  # the readers' own list; reader imports this module
    readable = {s.lower() for s in report_suffixes} | UNREAD_REPORT_SUFFIXES
    inputs = Inputs()
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            inputs.files.append(p)
            continue
        for file in sorted(f for f in p.rglob("*") if f.is_file()):
            reason = skip_reason(file, readable)
            if reason is None:
                inputs.files.append(file)
            else:
                inputs.skipped.append(ReportError(E.SKIPPED, path=str(file), reason=reason))
    return inputs


def skip_reason(file: Path, readable: set[str]) -> str | None:
    """Why a file found in a folder is not read, or None when it is a report to read.

    >>> skip_reason(Path("notes.zip"), {".pdf"})
    "not a report format ('.zip'); acnlp reads .pdf"
    """
    name, suffix = file.name, file.suffix.lower()
    if name.startswith(("~$", ".~lock.")):
        return "an office lock file (the document is open in an editor), not a report"
    if name.startswith("."):
        return "a hidden file"
    if suffix in _IMAGES:
        return "an image, not a document; if it is a scanned report, give it a text layer first (ocrmypdf -l ukr --image-dpi 300 SCAN.jpg OUT.pdf)"
    if suffix in readable:
        return None
    reads = ", ".join(sorted(readable - UNREAD_REPORT_SUFFIXES))
    return f"not a report format ({suffix or '(no suffix)'!r}); acnlp reads {reads}"
