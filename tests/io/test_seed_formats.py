"""Every format of both seed reports gives the rows the text export gives.

The seeds (``corpus/reports/*.txt``) are written as .docx with python-docx and converted to
.pdf, .odt, .doc and .rtf by LibreOffice (``tests/io/conftest.py``). Each must give the rows
counted by hand, in order, with measure, deadline and status equal to the text export's,
compared by `tests.io.seed_documents.comparable`: normalised (look-alike characters, runs of
whitespace to one space) and with a hyphen before a line break closed up, since layout moves
line breaks and nothing else.
"""

from __future__ import annotations

import pytest

from acnlp.io import read_report
from tests.io.seed_documents import HAND_COUNTS, SEEDS, cell_key, seed_report

FORMATS = ["docx", "pdf", "odt", "doc", "rtf"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", list(SEEDS))
def test_seed_formats_give_the_text_exports_rows(seed_documents, seed, fmt):
    expected = seed_report(seed)
    report = read_report(seed_documents[(seed, fmt)])
    assert report.format == fmt
    assert len(report.rows) == HAND_COUNTS[seed] == len(expected.rows)
    differing = [
        (row.source.describe(), want, got)
        for row, want, got in zip(report.rows, map(cell_key, expected.rows), map(cell_key, report.rows))
        if want != got
    ]
    assert not differing, differing[:3]
    assert [r.number for r in report.rows] == [r.number for r in expected.rows]
    assert [r.section for r in report.rows] == [r.section for r in expected.rows]


@pytest.mark.parametrize("seed", list(SEEDS))
def test_seed_formats_pdf_rows_know_their_page_and_line(seed_documents, seed):
    report = read_report(seed_documents[(seed, "pdf")])
    assert all(row.source.pages and len(row.source.pages) == len(row.source.lines) for row in report.rows)
    pages = [row.source.pages[0] for row in report.rows]
    assert pages == sorted(pages) and pages[-1] > 3
    # LibreOffice lets long rows break across pages: those come back as one row, from two pages
    split = [row for row in report.rows if len(set(row.source.pages)) > 1]
    assert split, "expected rows broken across a page in the seed PDF"
    first = split[0].source
    assert first.describe().endswith(f"page {first.pages[0]}, line {first.lines[0]}; page {first.pages[1]}, line {first.lines[1]}")
    assert report.title.startswith(("ЗВІТНА ІНФОРМАЦІЯ", "ФОРМА"))


def test_seed_formats_pdf_keeps_the_signature_block_as_footer(seed_documents):
    report = read_report(seed_documents[("dms_2019_annual", "pdf")])
    assert "С.В. Гребенюк" in report.footer
    assert "Гребенюк" not in report.rows[-1].status


@pytest.mark.parametrize("seed", list(SEEDS))
def test_seed_formats_pdf_in_another_layout_gives_the_same_rows(seed_pdfs_sans, seed):
    # Here rows broken across a page go on with a capital («України», «Всеукраїнського»),
    # and words too long for the deadline column are broken with no hyphen («закупівель»/«них»).
    expected = seed_report(seed)
    report = read_report(seed_pdfs_sans[seed])
    assert [r.number for r in report.rows] == [r.number for r in expected.rows]
    assert any(len(set(r.source.pages)) > 1 for r in report.rows)
    differing = [(want, got) for x, y in zip(expected.rows, report.rows) for want, got in zip(cell_key(x), cell_key(y)) if want != got]
    # «закупівель»/«них» stays two words: both are words, so only the column width could tell
    assert len(differing) <= 0.02 * 3 * len(expected.rows), differing
