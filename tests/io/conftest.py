"""Fixtures of the reader tests: the seed reports in every format, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from acnlp.io.libreoffice import DEBIAN_PACKAGE, soffice

from tests.io.seed_documents import build_seed_documents, build_seed_pdfs


def require_libreoffice() -> None:
    """Skip where LibreOffice is missing on a developer's machine; on CI it must be there."""
    if soffice() is None:
        message = f"LibreOffice is not installed (apt-get install {DEBIAN_PACKAGE})"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run installs it, so CI must have it")
        pytest.skip(message)


@pytest.fixture(scope="session")
def seed_documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Both seed reports as .docx (python-docx) and as .pdf, .odt, .doc, .rtf (LibreOffice), by (seed, format).

    Converting takes seconds, so it is done once per session.
    """
    require_libreoffice()
    return build_seed_documents(tmp_path_factory.mktemp("seed_documents"))


@pytest.fixture(scope="session")
def seed_pdfs_sans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both seeds as PDFs set in DejaVu Sans 10 pt with a narrow deadline column: other lines
    wrap, other rows break across pages, and words too long for the column break by force."""
    require_libreoffice()
    return build_seed_pdfs(tmp_path_factory.mktemp("seed_pdfs_sans"), "DejaVu Sans", 10, (1.0, 6.0, 2.5, 3.5, 13.7))
