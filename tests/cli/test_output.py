"""The output location is checked before any analysis: coded errors naming the output path, exit 2.

Each case runs the real command on a real report; the check comes first, so no report is
read and no model loaded before the user hears that the output cannot be written.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acnlp.cli import app

REPORT = Path(__file__).resolve().parents[2] / "corpus" / "reports" / "luhansk_housing_2019_q3.txt"
runner = CliRunner()


def read_only_folder(tmp_path: Path) -> Path:
    """A folder nothing can be written in: a chmod'ed one, or for root (whom permissions do
    not stop) sysfs, which refuses new files to everyone."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    if not Path("/sys/kernel").is_dir():
        pytest.skip("running as root and no sysfs to stand for a read-only folder")
    return Path("/sys/kernel")


@pytest.mark.parametrize("command", ["audit", "parse"])
def test_output_existing_file_where_a_folder_is_needed(tmp_path: Path, command: str) -> None:
    taken = tmp_path / "taken"
    taken.write_text("keep me", encoding="utf-8")
    target = taken if command == "audit" else taken / "rows.jsonl"
    result = runner.invoke(app, [command, str(REPORT), "-o", str(target)])
    assert result.exit_code == 2, result.output
    code = "[E080]" if command == "audit" else "[E082]"
    assert code in result.stderr and str(taken) in result.stderr and "Traceback" not in result.output
    assert taken.read_text(encoding="utf-8") == "keep me"


def test_output_folder_that_cannot_be_created(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["audit", str(REPORT), "-o", str(tmp_path / "file" / "audit")])
    assert result.exit_code == 2 and "[E081]" in result.stderr and str(tmp_path / "file" / "audit") in result.stderr


@pytest.mark.parametrize("command", ["audit", "parse"])
def test_output_read_only_folder_is_named_before_any_analysis(tmp_path: Path, command: str) -> None:
    folder = read_only_folder(tmp_path)
    target = folder if command == "audit" else folder / "rows.jsonl"
    result = runner.invoke(app, [command, str(REPORT), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert f"[E082] {folder}: nothing can be written in this folder" in result.stderr
    assert str(REPORT) not in result.stderr  # the output is named, not the input
    assert "rows" not in result.stderr  # nothing was read or audited


def test_output_folder_standing_where_an_output_file_goes(tmp_path: Path) -> None:
    (tmp_path / "out" / "luhansk_housing_2019_q3.xlsx").mkdir(parents=True)
    result = runner.invoke(app, ["audit", str(REPORT), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"[E083] {tmp_path / 'out' / 'luhansk_housing_2019_q3.xlsx'}" in result.stderr


def test_output_parse_where_every_input_fails_keeps_the_existing_file(tmp_path: Path) -> None:
    rows = tmp_path / "x.jsonl"
    rows.write_text('{"index": 1}\n', encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    result = runner.invoke(app, ["parse", str(tmp_path / "broken.docx"), "-o", str(rows)])
    assert result.exit_code == 1 and "[E003]" in result.stderr and "left as it was" in result.stderr
    assert rows.read_text(encoding="utf-8") == '{"index": 1}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.docx", "x.jsonl"]  # no temporary left


def test_output_parse_replaces_the_file_when_rows_were_read(tmp_path: Path) -> None:
    rows = tmp_path / "x.jsonl"
    rows.write_text("old\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(REPORT), str(tmp_path / "missing.txt"), "-o", str(rows)])
    assert result.exit_code == 1
    assert len(rows.read_text(encoding="utf-8").splitlines()) == 37


@pytest.mark.parametrize("value", ["0", "many", "1.5"])
def test_output_bad_jobs_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["audit", str(REPORT), "-o", str(tmp_path / "out"), "--jobs", value])
    assert result.exit_code == 2 and "--jobs" in result.output and "Traceback" not in result.output
    if value == "0":
        assert "[E086]" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["foo", "tcp://", "tcp://host", "http://10.0.0.5:8786/status"])
def test_output_bad_cluster_address_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["audit", str(REPORT), "-o", str(tmp_path / "out"), "--cluster", value])
    assert result.exit_code == 2 and "[E088]" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
