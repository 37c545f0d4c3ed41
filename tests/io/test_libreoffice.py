"""Old .doc and .rtf through LibreOffice headless (`acnlp.io.libreoffice`, `acnlp.io.legacy`), for real.

The seed reports as .doc and .rtf are read in ``test_seed_formats.py``; here: a missing
LibreOffice, a conversion past its time limit, a file LibreOffice cannot convert, two
conversions at once, and the caller's read limits reaching the converted document.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.libreoffice import convert_bytes, convert_files
from acnlp.io.limits import ReadLimits
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


LONG_STATUS = "Проводиться. " * 1000  # 12,999 characters once trimmed


@pytest.fixture(scope="module")
def long_cell_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One report as .docx (python-docx) and as .doc (LibreOffice's Word 97 export of it): a
    3-row table of 15 cells, its last status a cell of 12,999 characters."""
    require_libreoffice()
    folder = tmp_path_factory.mktemp("long_cell")
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    header = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
    rows = [header, ["1.", "Навчання", "Грудень", "Сектор", "Виконано"], ["2.", "Моніторинг", "Постійно", "УФ", LONG_STATUS]]
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    document.add_paragraph("")  # the Word 97 export drops a table that ends the document
    source = folder / "long.docx"
    document.save(str(source))
    (converted,) = convert_files([source], "doc:MS Word 97", folder / "doc")
    return {"docx": source, "doc": converted}


def _outcome(path: Path, limits: ReadLimits) -> tuple[str, object]:
    """What reading ``path`` under ``limits`` gives, with the file's name taken out so formats compare."""
    try:
        report = read_report(path, limits)
    except ReportError as err:
        return "error", str(err).replace(str(path), "FILE")
    rows = [(r.number, r.status) for r in report.rows]
    return "read", (rows, [note.replace(str(path), "FILE") for note in report.notes])


@pytest.mark.parametrize(
    "limits,expected",
    [
        (ReadLimits(max_cells=10), "[E014] FILE: table 1: the tables would hold more than 10 cells"),
        (ReadLimits(max_cell_chars=5000), "[E017] FILE: table 1, row 3: a cell of 12,999 characters was cut to its first 5,000"),
    ],
    ids=["max_cells", "max_cell_chars"],
)
def test_libreoffice_doc_obeys_the_callers_limits_as_the_same_docx_does(long_cell_reports, limits, expected):
    as_docx = _outcome(long_cell_reports["docx"], limits)
    assert expected in str(as_docx)
    assert _outcome(long_cell_reports["doc"], limits) == as_docx


def test_libreoffice_doc_limit_option_of_parse_reaches_the_converted_file(long_cell_reports, tmp_path):
    from typer.testing import CliRunner

    from acnlp.cli import app

    path = long_cell_reports["doc"]
    result = CliRunner().invoke(app, ["parse", str(path), "-o", str(tmp_path / "rows.jsonl"), "--limit", "max_cells=10"])
    assert result.exit_code == 1
    assert f"[E014] {path}: table 1: the tables would hold more than 10 cells" in result.stderr
    assert "raise it with --limit max_cells=N" in result.stderr
