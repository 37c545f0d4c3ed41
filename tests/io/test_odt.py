"""The .odt reader on OpenDocument files written here, one ODF table feature at a time.

The files are zips of hand-written content.xml, so each test shows the XML it is about:
covered cells under a span, repeated columns and rows (and their bound), header rows,
``text:s`` spaces, line breaks, soft page breaks, notes left out. The seed reports converted
by LibreOffice are in ``test_seed_formats.py``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from acnlp.errors import ReportError
from acnlp.io import odt, read_report

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
HEADER = "".join(
    f"<table:table-cell><text:p>{h}</text:p></table:table-cell>"
    for h in ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
)


def _cells(*texts: str) -> str:
    return "".join(f"<table:table-cell><text:p>{t}</text:p></table:table-cell>" for t in texts)


def _odt(body: str) -> bytes:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _write(tmp_path: Path, body: str, name: str = "report.odt") -> Path:
    path = tmp_path / name
    path.write_bytes(_odt(body))
    return path


REPORT = f"""
<text:p>ЗВІТ про виконання</text:p><text:p/>
<table:table table:name="T1">
  <table:table-column table:number-columns-repeated="5"/>
  <table:table-header-rows><table:table-row>{HEADER}</table:table-row></table:table-header-rows>
  <table:table-row>{_cells("1", "2", "3", "4", "5")}</table:table-row>
  <table:table-row><table:table-cell table:number-columns-spanned="5"><text:p>1. Управління персоналом</text:p></table:table-cell>
    <table:covered-table-cell table:number-columns-repeated="4"/></table:table-row>
  <table:table-row>{_cells("1.1.", "Проведення перевірок", "Постійно", "Відділ кадрів")}
    <table:table-cell><text:p>Проведено<text:s text:c="2"/>4 перевірки<text:note><text:note-body><text:p>виноска</text:p></text:note-body></text:note>;</text:p><text:p>порушень не<text:line-break/>виявлено</text:p></table:table-cell></table:table-row>
  <text:soft-page-break/>
  <table:table-row>{_cells("", "та структурних підрозділів", "", "", "")}</table:table-row>
  <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="5"/></table:table-row>
  <table:table-row>{_cells("1.2.", "Навчання", "Грудень 2019 року", "Уповноважений", "Проведено 2 навчання")}<table:table-cell table:number-columns-repeated="1020"/></table:table-row>
</table:table>
<text:p>Начальник відділу С.В. Гребенюк</text:p>
"""


def test_odt_reads_spans_repeats_breaks_and_spaces(tmp_path):
    path = _write(tmp_path, REPORT)
    report = read_report(path)
    assert [(r.number, r.measure, r.status) for r in report.rows] == [
        ("1.1.", "Проведення перевірок та структурних підрозділів", "Проведено  4 перевірки;\nпорушень не\nвиявлено"),
        ("1.2.", "Навчання", "Проведено 2 навчання"),
    ]
    assert report.format == "odt" and report.title == "ЗВІТ про виконання"
    assert report.rows[0].section == "1. Управління персоналом"
    assert report.footer == "Начальник відділу С.В. Гребенюк"
    # the row after the soft page break continued row 4; the blank rows counted three times
    assert report.rows[0].source.lines == (4, 5) and report.rows[1].source.lines == (9,)


def test_odt_raw_rows_pad_to_the_table_width_and_bound_repeats(tmp_path):
    rows = odt.read_rows("r.odt", _odt(REPORT))
    table = [r for r in rows if r.table == 1]
    assert {len(r.cells) for r in table} == {5}
    assert table[2].cells == ["1. Управління персоналом", "", "", "", ""]
    assert [r.lines for r in table if r.is_blank()] == [(6,)]  # three repeated blank rows stand once
    assert [r.after_break for r in table] == [False, False, False, False, True, False, False]


def test_odt_repeated_content_past_the_bound_is_refused(tmp_path):
    body = f"<table:table><table:table-row>{HEADER}</table:table-row><table:table-row table:number-rows-repeated=\"50000000\">{_cells('1.', 'Захід', '', '', 'Виконано')}</table:table-row></table:table>"
    with pytest.raises(ReportError) as info:
        read_report(_write(tmp_path, body))
    assert info.value.code == "E076" and "50,000,000" in str(info.value)


def test_odt_second_table_may_continue_the_first(tmp_path):
    body = (
        f"<table:table><table:table-row>{HEADER}</table:table-row><table:table-row>{_cells('1.', 'Перевірка декларацій', '', '', 'Проведено')}</table:table-row></table:table>"
        f"<table:table><table:table-row>{HEADER}</table:table-row><table:table-row>{_cells('', 'працівників', '', '', 'своєчасно')}</table:table-row></table:table>"
    )
    report = read_report(_write(tmp_path, body))
    assert [(r.measure, r.status) for r in report.rows] == [("Перевірка декларацій працівників", "Проведено своєчасно")]
    assert report.rows[0].source.describe().endswith("table 1, row 2; table 2, row 2")


@pytest.mark.parametrize(
    "data,code",
    [
        (b"plain text", "E003"),
        (_odt(REPORT)[:120] + b"\xff" * 200 + _odt(REPORT)[320:], "E004"),
    ],
    ids=["not-a-zip", "damaged-member"],
)
def test_odt_bad_files_get_coded_errors(tmp_path, data, code):
    path = tmp_path / "bad.odt"
    path.write_bytes(data)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code == code and str(path) in str(info.value)


def test_odt_zip_without_content_or_text_is_corrupt(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    path = tmp_path / "empty.odt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReportError, match=r"\[E004\].*content\.xml"):
        read_report(path)
    broken = tmp_path / "broken.odt"
    broken.write_bytes(_odt("<text:p>unclosed"))
    with pytest.raises(ReportError, match=r"\[E004\].*not well-formed"):
        read_report(broken)


def test_odt_zip_bomb_is_refused_before_parsing(tmp_path):
    from tests.io.zipbomb import write_zip

    head = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}><office:body><office:text>'.encode()
    path = write_zip(tmp_path / "bomb.odt", {
        "mimetype": [(b"application/vnd.oasis.opendocument.text", 1)],
        "content.xml": [(head, 1), (b"<text:p/>" * 100_000, 3_000)],
    })
    assert path.stat().st_size < 20_000_000
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code in ("E013", "E014") and str(path) in str(info.value)
