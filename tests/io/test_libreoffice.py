"""Old .doc and .rtf through LibreOffice headless (`acnlp.io.libreoffice`, `acnlp.io.legacy`), for real.

The seed reports as .doc and .rtf are read in ``test_seed_formats.py``; here: a missing
LibreOffice, a conversion past its time limit, a file LibreOffice cannot convert, and two
conversions at once.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.libreoffice import convert_bytes
from tests.io.conftest import require_libreoffice

RTF = (
    r"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}"
    r"\trowd\cellx1000\cellx5000\cellx7000\cellx9000\cellx13000"
    r"\intbl \'b9\cell \'cd\'e0\'e9\'ec\'e5\'ed\'f3\'e2\'e0\'ed\'ed\'ff \'e7\'e0\'f5\'EE\'E4\'F3\cell \'d1\'f2\'f0\'EE\'EA\cell \'c2\'B3\'E4\'EF\'EE\'E2\'B3\'E4\'E0\'EB\'FC\'ED\'B3\cell \'d1\'f2\'e0\'ed \'e2\'e8\'ea\'EE\'ED\'E0\'ED\'ED\'FF\cell\row"
    r"\trowd\cellx1000\cellx5000\cellx7000\cellx9000\cellx13000"
    r"\intbl 1.1.\cell \'cf\'e5\'f0\'e5\'e2\'B3\'f0\'EA\'E0\cell 2019\cell \'c2\'B3\'E4\'E4\'B3\'EB\cell \'c2\'e8\'ea\'EE\'ED\'E0\'ED\'EE\cell\row}"
).encode("ascii")


def _processes_with(marker: str) -> set[str]:
    """Process ids whose command line holds ``marker``."""
    found = set()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            text = cmdline.read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if marker in text:
            found.add(cmdline.parent.name)
    return found


@pytest.fixture(autouse=True)
def _libreoffice() -> None:
    require_libreoffice()


def test_libreoffice_rtf_table_is_read_through_docx(tmp_path):
    path = tmp_path / "plan.rtf"
    path.write_bytes(RTF)
    report = read_report(path)
    assert report.format == "rtf"
    assert [(r.number, r.measure, r.status) for r in report.rows] == [("1.1.", "Перевірка", "Виконано")]


def test_libreoffice_missing_names_the_debian_package(tmp_path, monkeypatch):
    path = tmp_path / "plan.doc"
    path.write_bytes(RTF)
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine without LibreOffice
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code == "E073" and str(path) in str(info.value)
    assert "apt-get install libreoffice-writer-nogui" in str(info.value)


def test_libreoffice_past_its_time_limit_is_stopped_whole(tmp_path):
    before = _processes_with("acnlp-lo-profile-")  # other runs' conversions on this machine
    with pytest.raises(ReportError) as info:
        convert_bytes(str(tmp_path / "slow.rtf"), RTF, "docx", timeout=0.2)
    assert info.value.code == "E074" and "0.2 s" in str(info.value)
    # a conversion another run started meanwhile ends in seconds; one left running never does
    deadline = time.monotonic() + 15
    while (left := _processes_with("acnlp-lo-profile-") - before) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not left, "LibreOffice was left running"


def test_libreoffice_unconvertible_file_is_a_coded_error(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code == "E075" and "damaged" in str(info.value), str(info.value)
    assert str(path) in str(info.value)


def test_libreoffice_parallel_conversions_do_not_collide(tmp_path):
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(lambda n: convert_bytes(f"plan{n}.rtf", RTF, "docx"), range(2)))
    assert all(out.startswith(b"PK") for out in outputs)
