"""`acnlp parse` as a user runs it: real seed reports in, rows out, failures reported."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from acnlp.cli import app

runner = CliRunner()


def test_parse_writes_every_row_of_both_seeds_as_jsonl(dms_path, luhansk_path, tmp_path):
    out = tmp_path / "rows.jsonl"
    result = runner.invoke(app, ["parse", str(dms_path), str(luhansk_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 42 + 37
    assert records[0]["file"] == str(dms_path) and records[0]["number"] == "1.1."
    assert records[42]["file"] == str(luhansk_path) and records[42]["lines"] == [24]
    assert "79 rows from 2 of 2 files" in result.stderr


def test_parse_csv_opens_with_cyrillic_intact(dms_path, tmp_path):
    out = tmp_path / "rows.csv"
    result = runner.invoke(app, ["parse", str(dms_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 42
    assert rows[1]["number"] == "2.1" and rows[1]["lines"] == "[12, 14]"
    assert rows[1]["deadline"] == "Грудень 2019 року"


def test_parse_a_folder_reports_the_bad_file_and_keeps_the_others(dms_path, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes(dms_path.read_bytes())
    (folder / "b_broken.docx").write_bytes(b"this is not a zip")
    (folder / "c_empty.csv").write_bytes(b"")
    result = runner.invoke(app, ["parse", str(folder)])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 42
    assert "b_broken.docx: the file is not a valid .docx" in result.stderr
    assert "c_empty.csv: the file is empty" in result.stderr
    assert "Traceback" not in result.output


def test_parse_usage_errors_exit_with_2():
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", "--no-such-option", "x.txt"]).exit_code == 2


def test_parse_help_shows_an_example():
    result = runner.invoke(app, ["parse", "--help"])
    assert result.exit_code == 0
    assert "acnlp parse corpus/reports/dms_2019_annual.txt -o rows.jsonl" in result.stdout


def test_parse_folder_lists_skipped_files_and_fails_on_unreadable_reports(dms_path, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "dms.txt").write_bytes(dms_path.read_bytes())
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    (folder / "photo.png").write_bytes(b"\x89PNG")
    out = tmp_path / "rows.jsonl"
    result = runner.invoke(app, ["parse", str(folder), "-o", str(out)])
    assert result.exit_code == 1, result.output
    assert f"[E077] {folder / 'photo.png'}: skipped: an image" in result.stderr
    assert f"[E005] {folder / 'old.xls'}" in result.stderr
    assert "42 rows from 1 of 2 files; 1 skipped" in result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 42


def test_parse_pdf_rows_say_their_pages_in_the_csv(tmp_path):
    from tests.io.drawn_pdfs import Layout, draw_report
    from tests.io.test_pdf import ITEMS

    pdf = draw_report(tmp_path / "report.pdf", ITEMS, Layout(breaks=(3,)))
    out = tmp_path / "rows.csv"
    result = runner.invoke(app, ["parse", str(pdf), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 4 and (rows[0]["pages"], rows[0]["lines"]) == ("[1, 2]", "[6, 3]")
