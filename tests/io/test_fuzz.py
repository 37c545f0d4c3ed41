"""Hostile but well-formed inputs for every reader: the only outcomes are rows or a coded error.

Hypothesis builds .docx files with python-docx, .xlsx files with openpyxl, .odt content and
HTML pages from nested markup, shaped like reports (a header row, measure rows) and then made hostile:
deep nesting, huge cells and rows, many empty rows, merged-cell and span chaos, span and
merge attributes rewritten to absurd values, bombs in place of a part, damaged bytes, text
in the wrong or in mixed encodings. Whatever comes in, `read_report` gives a `Report` or
raises `ReportError` with a code and the file's name; any other exception fails the test.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.report import Report

from .zipbomb import GiB, docx_bomb

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Cell text: Ukrainian words, report punctuation, and characters that break naive readers
# (tabs, quotes, delimiters, markup, formula starts, odd spaces). XML cannot hold most C0
# controls, which python-docx and openpyxl refuse to write, so those are left to the byte-level
# strategies.
WORDS = st.sampled_from(["Виконано", "Проводиться", "наказ № 15", "від 12.03.2019", "1.", "2)", "Стан виконання", "-", "х", "«Про»", "роз’яснювальна"])
ODD = st.sampled_from(["\t", ";", ",", '"', "<", "&amp;", "=SUM(A1)", "\u00a0", "\u200b", "\n", "'", "ї", "🙂"])
CELL = st.lists(st.one_of(WORDS, ODD, st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8)), max_size=6).map(" ".join)
HUGE = st.integers(min_value=10_000, max_value=300_000).map(lambda n: "Проведено навчання; " * (n // 20))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _outcome(folder: Path, name: str, data: bytes) -> Report | ReportError:
    path = folder / name
    path.write_bytes(data)
    try:
        return read_report(path)
    except ReportError as error:
        assert re.match(r"\[E\d{3}\] ", str(error)), str(error)
        assert str(path) in str(error)
        return error


# --- .docx -----------------------------------------------------------------------------------


@st.composite
def docx_files(draw) -> bytes:
    document = docx.Document()
    if draw(st.booleans()):
        document.add_paragraph(draw(CELL))
    for _table in range(draw(st.integers(1, 3))):
        rows, cols = draw(st.integers(1, 12)), draw(st.sampled_from([5, 5, 5, 6, 7, 1, 3]))
        table = document.add_table(rows=rows, cols=cols)
        header = draw(st.integers(0, 3)) > 0
        if header:
            for cell, text in zip(table.rows[0].cells, HEADER):
                cell.text = text
        for r in range(1 if header else 0, rows):
            for c in range(cols):
                if c == 0 and draw(st.booleans()):
                    table.cell(r, c).text = f"{r}."
                elif draw(st.integers(0, 3)):
                    table.cell(r, c).text = draw(HUGE if draw(st.integers(0, 30)) == 0 else CELL)
        for _merge in range(draw(st.integers(0, 3))):  # merged-cell chaos, where python-docx allows it
            a = (draw(st.integers(0, rows - 1)), draw(st.integers(0, cols - 1)))
            b = (draw(st.integers(0, rows - 1)), draw(st.integers(0, cols - 1)))
            try:
                table.cell(*a).merge(table.cell(*b))
            except Exception:  # python-docx refuses some shapes; the file stays as it was
                pass
        if draw(st.booleans()):  # a table nested in a cell, nested again
            inner = table.cell(0, 0)
            for _depth in range(draw(st.integers(1, 4))):
                inner = inner.add_table(rows=2, cols=2).cell(1, 1)
                inner.text = draw(CELL)
        _hostile_attributes(draw, table._tbl)
        for _empty in range(draw(st.sampled_from([0, 0, 50, 2000]))):
            table.add_row()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _hostile_attributes(draw, tbl: etree._Element) -> None:
    """Rewrite spans and merges to what no Word writes: huge, negative, not numbers."""
    values = st.sampled_from(["0", "-3", "999999", "1e9", "x", "", "restart", "continue", "63"])
    for tc in tbl.iter(qn("w:tc")):
        if draw(st.integers(0, 6)) == 0:
            properties = tc.get_or_add_tcPr()
            name = draw(st.sampled_from(["w:gridSpan", "w:vMerge", "w:hMerge"]))
            element = etree.SubElement(properties, qn(name))
            element.set(qn("w:val"), draw(values))
    for tr in tbl.iter(qn("w:tr")):
        if draw(st.integers(0, 10)) == 0:
            before = etree.SubElement(tr.get_or_add_trPr(), qn("w:gridBefore"))
            before.set(qn("w:val"), draw(values))


def _rewrite_member(data: bytes, member: str, transform) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, transform(content) if info.filename == member else content)
    return out.getvalue()


def _deep_wrappers(xml: bytes, depth: int) -> bytes:
    """Wrap the body's content in ``depth`` content controls (Word nests a few)."""
    start, end = xml.index(b"<w:body>") + len(b"<w:body>"), xml.index(b"<w:sectPr")
    return xml[:start] + b"<w:sdt><w:sdtContent>" * depth + xml[start:end] + b"</w:sdtContent></w:sdt>" * depth + xml[end:]


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """Cut or flip the bytes of a valid file."""
    if draw(st.booleans()):
        return data[: draw(st.integers(0, len(data)))]
    position = draw(st.integers(0, len(data) - 1))
    return data[:position] + bytes([data[position] ^ draw(st.integers(1, 255))]) + data[position + 1 :]


@FUZZ
@given(data=st.data())
def test_fuzz_docx(workdir, data):
    content = data.draw(docx_files())
    hostility = data.draw(st.sampled_from(["none", "none", "deep", "doctype", "encoding", "damaged"]))
    if hostility == "deep":
        depth = data.draw(st.sampled_from([3, 100, 300]))
        content = _rewrite_member(content, "word/document.xml", lambda xml: _deep_wrappers(xml, depth))
    elif hostility == "doctype":
        content = _rewrite_member(content, "word/document.xml", lambda xml: b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml.split(b"?>", 1)[-1])
    elif hostility == "encoding":  # text in Windows-1251 bytes, or a declaration the bytes do not follow
        wrong = data.draw(st.sampled_from([b'encoding="windows-1251"', b'encoding="utf-16"', b'encoding="no-such"']))
        content = _rewrite_member(content, "word/document.xml", lambda xml: _wrong_encoding(xml, wrong))
    elif hostility == "damaged":
        content = data.draw(damaged(content))
    _outcome(workdir, "report.docx", content)


def _wrong_encoding(xml: bytes, declaration: bytes) -> bytes:
    xml = xml.replace(b'encoding="UTF-8"', declaration, 1)
    return xml.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>" + "Виконано".encode("cp1251") + b"</w:t></w:r></w:p>", 1)


@settings(max_examples=4, deadline=None)
@given(size=st.sampled_from([GiB, 3 * GiB]), piece=st.sampled_from([b"<w:p/>", b"<w:p><w:r><w:t>a</w:t></w:r></w:p>", b"a"]))
def test_fuzz_docx_bombs(workdir, size, piece):
    chunk = piece * ((1 << 20) // len(piece))
    bomb = docx_bomb(workdir / "bomb.docx", [(chunk, size // len(chunk))])
    outcome = _outcome(workdir, "bomb.docx", bomb.read_bytes())
    assert isinstance(outcome, ReportError) and outcome.code == "E013"


# --- .xlsx -----------------------------------------------------------------------------------


@st.composite
def xlsx_files(draw) -> bytes:
    workbook = openpyxl.Workbook()
    for index in range(draw(st.integers(1, 3))):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        row = 1
        if draw(st.booleans()):
            for column, text in enumerate(HEADER, start=1):
                sheet.cell(row, column, text)
        for _row in range(draw(st.integers(0, 15))):
            row += draw(st.sampled_from([1, 1, 1, 2, 40, 5000]))  # many empty rows between
            for column in range(1, draw(st.integers(1, 8)) + 1):
                value = draw(st.one_of(CELL, st.integers(-(10**18), 10**18), st.floats(allow_nan=True), st.booleans(), st.none()))
                if isinstance(value, str) and draw(st.integers(0, 30)) == 0:
                    value = draw(HUGE)
                sheet.cell(row, column, value)
        for _merge in range(draw(st.integers(0, 4))):  # merged-cell chaos, overlapping ranges too
            top, left = draw(st.integers(1, row + 2)), draw(st.integers(1, 9))
            sheet.merge_cells(start_row=top, start_column=left, end_row=top + draw(st.integers(0, 20)), end_column=left + draw(st.integers(0, 5)))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _hostile_sheet(draw, xml: bytes) -> bytes:
    """Rewrite the sheet's references to what no spreadsheet writes."""
    refs = st.sampled_from(["A1:XFD1048576", "A1:XFE3", "B2:A1", "A0:B3", "ZZZZ1", "A1:B99999999", "", "garbage"])
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + draw(refs).encode() + b'"', xml)
    if b"<mergeCell " in xml and draw(st.booleans()):
        xml = re.sub(rb'<mergeCell ref="[^"]*"', b'<mergeCell ref="' + draw(refs).encode() + b'"', xml, count=1)
    if draw(st.booleans()):
        xml = re.sub(rb'<row r="\d+"', b'<row r="' + str(draw(st.sampled_from([0, 1048577, 10**12]))).encode() + b'"', xml, count=1)
    return xml


@FUZZ
@given(data=st.data())
def test_fuzz_xlsx(workdir, data):
    content = data.draw(xlsx_files())
    hostility = data.draw(st.sampled_from(["none", "none", "references", "damaged"]))
    if hostility == "references":
        content = _rewrite_member(content, "xl/worksheets/sheet1.xml", lambda xml: _hostile_sheet(data.draw, xml))
    elif hostility == "damaged":
        content = data.draw(damaged(content))
    _outcome(workdir, "report.xlsx", content)


# --- .odt ------------------------------------------------------------------------------------

ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
COUNT = st.sampled_from(["", "0", "1", "2", "5", "-4", "1000", "1048576", "99999999999", "x"])


def _odf_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@st.composite
def odf_cells(draw, inner: str = "") -> str:
    attributes = "".join(
        f' table:{name}="{draw(COUNT)}"'
        for name in ("number-columns-repeated", "number-columns-spanned", "number-rows-spanned")
        if draw(st.integers(0, 14)) == 0
    )
    tag = "table:covered-table-cell" if draw(st.integers(0, 5)) == 0 else "table:table-cell"
    spaces = f'<text:s text:c="{draw(COUNT)}"/>' if draw(st.integers(0, 5)) == 0 else ""
    return f"<{tag}{attributes}><text:p>{_odf_text(draw(CELL))}{spaces}{_odf_text(draw(CELL))}</text:p>{inner}</{tag}>"


@st.composite
def odf_tables(draw, depth: int = 0) -> str:
    header = "<table:table-row>" + "".join(f"<table:table-cell><text:p>{h}</text:p></table:table-cell>" for h in HEADER) + "</table:table-row>"
    rows = [header] if draw(st.integers(0, 3)) else []
    for _row in range(draw(st.integers(0, 10))):
        repeated = f' table:number-rows-repeated="{draw(COUNT)}"' if draw(st.integers(0, 5)) == 0 else ""
        nested = draw(odf_tables(depth + 1)) if depth < 3 and draw(st.integers(0, 8)) == 0 else ""
        cells = [draw(odf_cells(nested if i == 0 else "")) for i in range(draw(st.integers(1, 7)))]
        rows.append(f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>")
        if draw(st.integers(0, 6)) == 0:
            rows.append("<text:soft-page-break/>")
    return "<table:table>" + "".join(rows) + "</table:table>"


@FUZZ
@given(data=st.data())
def test_fuzz_odt(workdir, data):
    sections = data.draw(st.sampled_from([0, 0, 3, 400]))
    body = "<text:section>" * sections + data.draw(odf_tables()) + "</text:section>" * sections
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF}><office:body><office:text>{body}</office:text></office:body></office:document-content>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    packed = buffer.getvalue()
    if data.draw(st.integers(0, 4)) == 0:
        packed = data.draw(damaged(packed))
    _outcome(workdir, "report.odt", packed)


# --- HTML ------------------------------------------------------------------------------------

SPAN = st.sampled_from(["", "0", "1", "2", "3", "-1", "1000", "99999", "x", " 2px"])


def _cell_markup(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, colspan, rowspan, inner: f'<{tag} colspan="{colspan}" rowspan="{rowspan}">{inner}</{tag}>',
        st.sampled_from(["td", "th"]), SPAN, SPAN, children,
    )


def _table_markup(cells: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    rows = st.lists(st.lists(cells, max_size=6).map(lambda cs: "<tr>" + "".join(cs) + "</tr>"), max_size=8)
    return rows.map(lambda rs: "<table>" + "".join(rs) + "</table>")


MARKUP = st.recursive(
    st.one_of(CELL.map(lambda t: t.replace("<", "&lt;")), st.sampled_from(["<br>", "<p>", "</div>", "<td>", "<tr>", "<!-- x -->", "<script>x</script>"])),
    lambda inner: st.one_of(
        _table_markup(_cell_markup(inner)),
        st.builds(lambda tag, body: f"<{tag}>{body}</{tag}>", st.sampled_from(["div", "p", "b", "span", "table", "tbody", "caption"]), inner),
        st.lists(inner, max_size=4).map("".join),
    ),
    max_leaves=40,
)


@st.composite
def html_pages(draw) -> bytes:
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>" if draw(st.integers(0, 3)) else ""
    rows = draw(st.lists(st.lists(CELL, min_size=5, max_size=5), max_size=4))
    header += "".join("<tr>" + "".join(f"<td>{c.replace('<', '&lt;')}</td>" for c in row) + "</tr>" for row in rows)
    body = draw(MARKUP)
    depth = draw(st.sampled_from([0, 0, 50, 3000]))
    page = f"<html><body>{'<div>' * depth}<table>{header}{draw(MARKUP)}</table>{body}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "mixed", "latin-1-declared"]))
    if encoding == "mixed":  # a UTF-8 page with one line in Windows-1251
        return page.encode() + b"\n<p>" + "Проведено навчання".encode("cp1251") + b"</p>\n"
    if encoding == "latin-1-declared":  # declares a charset its bytes are not in
        return b'<meta charset="iso-8859-1">' + page.encode()
    return page.encode(encoding, errors="replace")


@FUZZ
@given(page=html_pages())
def test_fuzz_html(workdir, page):
    _outcome(workdir, "report.html", page)


# --- text and CSV ----------------------------------------------------------------------------

RULES = st.sampled_from(["", "------\t--\t---", '"', "\t"])


@st.composite
def text_files(draw) -> bytes:
    delimiter = draw(st.sampled_from(["\t", ";", ","]))
    lines = [delimiter.join(HEADER)]
    for _line in range(draw(st.integers(0, 30))):
        cells = draw(st.lists(CELL, min_size=1, max_size=6))
        lines.append(draw(RULES) if draw(st.integers(0, 5)) == 0 else delimiter.join(cells))
    if draw(st.integers(0, 10)) == 0:
        lines.append(delimiter.join(["1.", draw(HUGE)]))
    # most lines UTF-8, some in Windows-1251: whole files and mixed ones
    chunks = [line.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "cp1251"])), errors="replace") for line in lines]
    data = b"\n".join(chunks)
    if draw(st.integers(0, 3)) == 0:
        data = data[: draw(st.integers(0, len(data)))] + draw(st.binary(max_size=64))
    return data


@FUZZ
@given(data=text_files(), suffix=st.sampled_from([".txt", ".csv"]))
def test_fuzz_text_and_csv(workdir, data, suffix):
    _outcome(workdir, "report" + suffix, data)
