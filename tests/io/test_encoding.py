"""Text files in mixed encodings: a UTF-8 export with a few Windows-1251 lines pasted in.

The file is read line by line when the whole file is not UTF-8, and the lines that needed
Windows-1251 are named in a note on the report, which ``acnlp parse`` prints.
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from acnlp.cli import app
from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.encoding import decode

runner = CliRunner()
LINES = [
    "ЗВІТ про виконання Антикорупційної програми за 2019 рік",
    "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання",
    "1.\tПроведення навчання з питань запобігання корупції\tГрудень\tСектор\tНавчання проведено 12.03.2019",
    "2.\tОзнайомлення працівників з Законом\tПостійно\tВідділ кадрів\tПроводиться роз’яснювальна робота",
    "3.\tПеревірка декларацій\tДо 1 квітня\tСектор\tПовідомлень про корупцію не надходило",
    "4.\tМоніторинг закупівель\tГрудень\tУФ\tВиконано «у повному обсязі»",
]


def _mixed(cp1251_lines: set[int]) -> bytes:
    """The report's lines in UTF-8, except the 1-based ``cp1251_lines`` in Windows-1251."""
    return b"\n".join(line.encode("cp1251" if number in cp1251_lines else "utf-8") for number, line in enumerate(LINES, start=1)) + b"\n"


def test_encoding_mixed_file_is_read_line_by_line_and_the_fallback_lines_are_noted(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(_mixed({3, 5}))
    report = read_report(path)
    assert [row.status for row in report.rows] == [line.split("\t")[4] for line in LINES[2:]]
    assert report.notes == (f"[E018] {path}: lines 3, 5: not UTF-8, unlike other lines of the file; read as Windows-1251",)


def test_encoding_note_is_printed_by_parse_with_file_and_lines(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(_mixed({4}))
    result = runner.invoke(app, ["parse", str(path), "-o", str(tmp_path / "rows.jsonl")])
    assert result.exit_code == 0
    assert f"note: [E018] {path}: line 4: not UTF-8" in result.stderr


def test_encoding_windows_1251_file_with_a_few_utf8_lines_is_read_too(tmp_path):
    path = tmp_path / "mostly-1251.txt"
    path.write_bytes(_mixed({1, 2, 3, 4, 6}))
    report = read_report(path)
    assert [row.status for row in report.rows] == [line.split("\t")[4] for line in LINES[2:]]
    assert report.notes == (f"[E018] {path}: lines 1, 2, 3, 4, 6: not UTF-8, unlike other lines of the file; read as Windows-1251",)


@pytest.mark.parametrize(
    "data,encoding",
    [
        (_mixed(set()), "utf-8"),
        (_mixed(set(range(1, 7))), "cp1251"),
        ("\n".join(LINES).encode("utf-16"), "utf-16"),
    ],
    ids=["utf-8", "cp1251", "utf-16"],
)
def test_encoding_whole_file_encodings_need_no_fallback(data, encoding):
    decoded = decode("r.txt", data)
    assert (decoded.encoding, decoded.fallback_lines) == (encoding, ())
    assert decoded.text.splitlines()[:6] == LINES


def test_encoding_binary_data_is_still_refused(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(_mixed(set()) + os.urandom(4000))
    with pytest.raises(ReportError, match=r"\[E002\]"):
        read_report(path)


def test_encoding_note_is_printed_by_audit_with_file_and_lines(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(_mixed({5}))
    result = runner.invoke(app, ["audit", str(path), "-o", str(tmp_path / "audit"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert f"note: [E018] {path}: line 5: not UTF-8" in result.stderr
    assert (tmp_path / "audit" / "mixed.jsonl").read_text(encoding="utf-8").count("\n") == 4
