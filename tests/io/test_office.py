"""Zip-based inputs are held to the read limits before python-docx or openpyxl sees them.

The bombs are real: `tests.io.zipbomb` writes archives of a few MB that zipfile unpacks to
gigabytes (the issue's 2 GiB of empty paragraphs, and one 3 GiB text node). Time and peak
memory are measured by ``benchmarks/readers.py``, not here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from acnlp.cli import app
from acnlp.errors import ReportError
from acnlp.io import read_report, read_reports
from acnlp.io.limits import MiB, ReadLimits
from acnlp.io.office import check_archive

from .zipbomb import GiB, docx_bomb, empty_paragraphs, one_text_node, write_zip

runner = CliRunner()
HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]


def _report_docx(path: Path, rows: int = 3) -> Path:
    document = docx.Document()
    document.add_paragraph("ЗВІТ про виконання Антикорупційної програми за 2019 рік")
    table = document.add_table(rows=rows + 1, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for number in range(1, rows + 1):
        for cell, text in zip(table.rows[number].cells, [f"{number}.", "Проведення навчання", "Грудень", "Сектор", "Виконано"]):
            cell.text = text
    document.save(str(path))
    return path


def _code(error: pytest.ExceptionInfo[ReportError]) -> str:
    return error.value.code


def test_office_bomb_of_empty_paragraphs_is_refused_by_its_declared_size(tmp_path):
    bomb = empty_paragraphs(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 4 * MiB
    with zipfile.ZipFile(bomb) as archive:  # a real bomb: the directory says what it unpacks to
        assert archive.getinfo("word/document.xml").file_size >= 2 * GiB - MiB
    with pytest.raises(ReportError) as error:
        read_report(bomb)
    assert _code(error) == "E013"
    assert f"{bomb}: its part word/document.xml would unpack to 2.0 GiB" in str(error.value)
    assert "ReadLimits.max_member_bytes" in str(error.value)


def test_office_bomb_of_one_huge_text_node_is_refused(tmp_path):
    bomb = one_text_node(tmp_path / "node.docx")
    with pytest.raises(ReportError, match=r"\[E013\] .*node.docx: its part word/document.xml would unpack to 3.0 GiB"):
        read_report(bomb)


def test_office_bomb_through_parse_is_a_coded_error_and_the_batch_goes_on(tmp_path):
    bomb = empty_paragraphs(tmp_path / "bomb.docx")
    good = _report_docx(tmp_path / "good.docx")
    out = tmp_path / "rows.jsonl"
    result = runner.invoke(app, ["parse", str(bomb), str(good), "-o", str(out)])
    assert result.exit_code == 1
    assert "[E013]" in result.stderr and "bomb.docx" in result.stderr and "Traceback" not in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_office_compression_ratio_past_the_limit_is_refused(tmp_path):
    # 100 MiB is under the per-member limit, but packs 1000:1 as only a bomb does
    bomb = docx_bomb(tmp_path / "dense.docx", [(b"<w:p/>" * (1 << 18), 64)])
    with pytest.raises(ReportError, match=r"\[E013\] .*would unpack \d[\d,]* times its packed size.*max_compression_ratio"):
        read_report(bomb)


def test_office_total_unpacked_size_past_the_limit_is_refused(tmp_path):
    piece = b"<w:p/>" * (1 << 18)
    members = {f"word/part{i}.xml": [(piece, 40)] for i in range(3)}  # 60 MiB each, 180 MiB in all
    bomb = write_zip(tmp_path / "parts.docx", members)
    limits = ReadLimits(max_compression_ratio=10_000, max_unpacked_bytes=150 * MiB)
    with pytest.raises(ReportError, match=r"\[E013\] .*the archive would unpack to more than 180 MiB.*max_unpacked_bytes"):
        check_archive(str(bomb), bomb.read_bytes(), ".docx", limits)


def test_office_elements_are_counted_before_any_tree_is_built(tmp_path):
    # 24 MiB of empty paragraphs passes every size limit but would be 4 million elements
    bomb = docx_bomb(tmp_path / "many.docx", [(b"<w:p/>" * (1 << 18), 16)])
    limits = ReadLimits(max_compression_ratio=10_000)
    with pytest.raises(ReportError) as error:
        read_report(bomb, limits)
    assert _code(error) == "E014"
    assert "word/document.xml: the XML parts hold more than 2,000,000 elements and attributes" in str(error.value)


def test_office_entity_declarations_are_refused(tmp_path):
    laughs = b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    bomb = docx_bomb(tmp_path / "laughs.docx", [(laughs, 1), (b"<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>", 1)])
    with pytest.raises(ReportError, match=r"\[E019\] .*laughs.docx: word/document.xml declares a DOCTYPE"):
        read_report(bomb)


def test_office_member_that_lies_about_its_size_fails_its_check(tmp_path):
    bomb = empty_paragraphs(tmp_path / "liar.docx", size=64 * MiB)
    data = bytearray(bomb.read_bytes())
    # declare 1 MiB unpacked in the central directory: zipfile stops there and the CRC fails
    with zipfile.ZipFile(bomb) as archive:
        info = archive.getinfo("word/document.xml")
    central = data.rfind(b"PK\x01\x02" + b"\x14\x00\x14\x00", 0)
    assert central > 0
    data[central + 24 : central + 28] = (MiB).to_bytes(4, "little")
    bomb.write_bytes(bytes(data))
    assert info.file_size > MiB
    with pytest.raises(ReportError, match=r"\[E004\] .*liar.docx: the .docx file could not be opened"):
        read_report(bomb, ReadLimits(max_compression_ratio=10_000))


def test_office_limits_are_options_of_read_report_and_read_reports(tmp_path):
    report = _report_docx(tmp_path / "r.docx", rows=40)
    assert len(read_report(report).rows) == 40
    tight = ReadLimits(max_xml_nodes=500)
    with pytest.raises(ReportError, match=r"\[E014\] .*ReadLimits.max_xml_nodes"):
        read_report(report, tight)
    (result,) = read_reports([report], limits=tight)
    assert result.error is not None and result.error.code == "E014"


def test_office_file_larger_than_the_limit_is_refused_before_reading(tmp_path):
    report = _report_docx(tmp_path / "r.docx")
    size = report.stat().st_size
    with pytest.raises(ReportError, match=rf"\[E013\] .*r.docx: the file has {size:,} bytes, over the limit of 1,000"):
        read_report(report, ReadLimits(max_file_bytes=1000))
