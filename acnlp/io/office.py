"""What .docx and .xlsx have in common: both are zip archives, and a broken one needs a clear error."""

from __future__ import annotations

import io
import zipfile

from ..errors import E, ReportError


def require_zip(path: str, data: bytes, kind: str) -> None:
    """Raise the empty-file or not-a-zip error for ``data`` that cannot be an Office file.

    >>> require_zip("plan.docx", b"hello", ".docx")
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E003] plan.docx: the file is not a valid .docx (it is not a zip archive); open it in Word and save it again as .docx
    """
    if not data.strip():
        raise ReportError(E.EMPTY_FILE, path=path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReportError(E.NOT_A_ZIP, path=path, kind=kind)
