"""Shared fixtures: paths to the real seed reports shipped in corpus/reports/."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DMS_REPORT = REPO / "corpus" / "reports" / "dms_2019_annual.txt"
LUHANSK_REPORT = REPO / "corpus" / "reports" / "luhansk_housing_2019_q3.txt"


@pytest.fixture(scope="session")
def dms_path() -> Path:
    """The State Migration Service's 2019 annual report: the tab-separated layout with page breaks."""
    return DMS_REPORT


@pytest.fixture(scope="session")
def luhansk_path() -> Path:
    """A Luhansk oblast department's Q3 2019 report: the one-cell-per-line layout."""
    return LUHANSK_REPORT
