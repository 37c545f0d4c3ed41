"""Old Word .doc and .rtf reports: LibreOffice turns them into .docx, and the .docx reader reads that.

So every rule of the .docx reader (merged cells once, tables split over pages, paragraphs
between tables as headings) holds for them too; a row's ``table`` and ``lines`` are those of
the converted document, which keeps the original's tables and rows in order. The caller's
`acnlp.io.limits.ReadLimits` bound the converted document as they bound a .docx sent as such
(its archive, its XML nodes, its grid's cells), and its errors name the original file.
"""

from __future__ import annotations

from . import docx
from .grid import RawRow
from .libreoffice import convert_bytes
from .limits import DEFAULT_LIMITS, ReadLimits


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of a .doc or .rtf report, through a LibreOffice conversion to .docx."""
    return docx.read_rows(path, convert_bytes(path, data, "docx"), limits)
