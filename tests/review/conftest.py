"""Shared by the review tests: one real audit of the seed reports in ``corpus/reports``."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from acnlp.cli import app

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"


@pytest.fixture(scope="session")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The audit's output folder for both seed reports, as `acnlp audit` writes it."""
    out = tmp_path_factory.mktemp("review-audit")
    result = CliRunner().invoke(app, ["audit", str(REPORTS), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return out
