"""The .odt reader on OpenDocument files written here, one ODF table feature at a time.

The files are zips of hand-written content.xml, so each test shows the XML it is about:
covered cells under a span, repeated columns and rows (and their bound), header rows,
``text:s`` spaces, line breaks, soft page breaks, notes left out, and the repeats that
multiply text (the bombs, built in ``tests/io/zipbomb.py``). The seed reports converted by
LibreOffice are in ``test_seed_formats.py``.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from acnlp.errors import ReportError
from acnlp.io import odt, read_report, read_reports
from acnlp.io.limits import ReadLimits
from tests.io.zipbomb import odt_long_repeated_cell, odt_nested_repeats

REPO = Path(__file__).resolve().parents[2]

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


def test_odt_repeats_past_the_bound_in_a_nested_table_name_it_so(tmp_path):
    nested = '<table:table><table:table-row table:number-rows-repeated="5000"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row></table:table>'
    row = f"<table:table-row><table:table-cell><text:p>1.</text:p>{nested}</table:table-cell>{_cells('Захід', '', '', 'Виконано')}</table:table-row>"
    with pytest.raises(ReportError) as info:
        read_report(_write(tmp_path, f"<table:table><table:table-row>{HEADER}</table:table-row>{row}</table:table>"))
    assert info.value.code == "E076" and "a table nested in a cell: a row (5,000 times)" in str(info.value)
    assert "table 0" not in str(info.value)


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


# --- repeats that multiply text ------------------------------------------------------------
# A child process reads each file and prints its outcome and its peak memory (VmHWM, which exec
# resets: its ru_maxrss, from resource.getrusage or os.wait4, carries over the peak of the
# process that started it, pytest's). Its address space is capped, so a reader that builds the
# bomb after all fails here with a MemoryError instead of taking the machine's memory.
READ_IN_CHILD = """
import re, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from acnlp.errors import ReportError
from acnlp.io import read_report
try:
    outcome = f"read {len(read_report(sys.argv[1]).rows)} rows"
except ReportError as error:
    outcome = str(error)
except MemoryError:
    outcome = "MemoryError"
print(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1), outcome)
"""


def _read_in_child(path: Path) -> tuple[int, str]:
    """Peak kB and outcome (rows read or the error) of reading ``path`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(path)], capture_output=True, text=True, cwd=REPO, check=True)
    peak, outcome = done.stdout.strip().split(" ", 1)
    return int(peak), outcome


@pytest.mark.parametrize(
    "build,where,what",
    [
        (odt_nested_repeats, "table 1, row 1", "a nested table's cell of 2,429,999 characters repeated 30 times"),
        (odt_long_repeated_cell, "table 1, row 1", "a row of 20,021,000 characters repeated 1,000 times"),
    ],
    ids=["three-nested-levels-of-30x30", "long-top-level-cell-1000x1000"],
)
def test_odt_repeats_that_multiply_text_are_refused_before_it_is_built(tmp_path, build, where, what):
    bomb = build(tmp_path / "bomb.odt")
    assert bomb.stat().st_size < 1000  # billions of characters asked for by a few hundred bytes
    reference = _write(tmp_path, REPORT, "reference.odt")
    reference_peak, read = _read_in_child(reference)
    assert read == "read 2 rows"
    peak, refused = _read_in_child(bomb)
    assert refused.startswith(f"[E078] {bomb}: {where}: {what} would bring the text read to ")
    assert "over the limit of 33,554,432 (ReadLimits.max_text_chars; raise it with --limit max_text_chars=N)" in refused
    # flattened, the nested bomb is 2.2 billion characters (4 GiB); the reader stops at 1.3 times
    # the reference's peak, as it never builds past the limit (unbounded, it fails at the 2 GiB cap)
    assert peak / reference_peak < 2, (peak, reference_peak)


def test_odt_text_limit_counts_repeats_and_spaces_and_names_the_place(tmp_path):
    path = _write(tmp_path, REPORT)
    text = sum(len(cell) for row in odt.read_rows(str(path), path.read_bytes()) for cell in row.cells)
    assert text == 317 and len(read_report(path, ReadLimits(max_text_chars=text)).rows) == 2
    for limit in (text - 1, 150):
        with pytest.raises(ReportError) as info:
            read_report(path, ReadLimits(max_text_chars=limit))
        assert info.value.code == "E078" and f"{path}: " in str(info.value)
    assert f"{path}: table 1, row 4: a paragraph of " in str(info.value)  # the first row past 150 characters
    # a paragraph of text:s runs is counted as it is read, before its spaces are made
    spaces = _write(tmp_path, '<text:p>Звіт</text:p><text:p>x' + '<text:s text:c="1000"/>x' * 50 + "</text:p>", "spaces.odt")
    with pytest.raises(ReportError, match=rf"\[E078\] {spaces}: paragraph 2: a paragraph's 1,000 spaces \(text:s\) would bring the text read to 10,0"):
        read_report(spaces, ReadLimits(max_text_chars=10_000))


def test_odt_nested_table_cells_count_against_max_cells(tmp_path):
    # 30 x 30 cells nested in the first cell of a report row: 900 cells the top-level count missed
    nested = '<table:table><table:table-row table:number-rows-repeated="30"><table:table-cell table:number-columns-repeated="30"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'
    row = f"<table:table-row><table:table-cell><text:p>1.</text:p>{nested}</table:table-cell>{_cells('Захід', '', '', 'Виконано')}</table:table-row>"
    path = _write(tmp_path, f"<table:table><table:table-row>{HEADER}</table:table-row>{row}</table:table>")
    assert len(read_report(path, ReadLimits(max_cells=1000)).rows) == 1
    with pytest.raises(ReportError, match=rf"\[E014\] {path}: table 1, row 2: the tables would hold more than 800 cells"):
        read_report(path, ReadLimits(max_cells=800))


def test_odt_bomb_in_a_folder_leaves_the_other_reports_audited(tmp_path):
    from typer.testing import CliRunner

    from acnlp.cli import app

    folder = tmp_path / "reports"
    folder.mkdir()
    bomb = odt_nested_repeats(folder / "bomb.odt")
    _write(folder, REPORT, "good.odt")
    results = {Path(r.path).name: r for r in read_reports([folder])}
    assert results["bomb.odt"].error.code == "E078" and len(results["good.odt"].report.rows) == 2
    audited = CliRunner().invoke(app, ["audit", str(folder), "-o", str(tmp_path / "audit"), "--jobs", "1"])
    assert audited.exit_code == 1 and f"[E078] {bomb}: table 1, row 1: " in audited.stderr
    summary = json.loads((tmp_path / "audit" / "summary.json").read_text(encoding="utf-8"))
    assert (summary["bomb"]["status"], summary["good"]["status"], summary["good"]["rows"]) == ("failed", "read", 2)
    assert len((tmp_path / "audit" / "good.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    # the limit is an option of audit like the others: raised, the bomb is read past it and stopped later
    raised = CliRunner().invoke(app, ["parse", str(bomb), "--limit", "max_text_chars=100000000"])
    assert raised.exit_code == 1 and "would bring the text read to" in raised.stderr and "over the limit of 100,000,000" in raised.stderr
