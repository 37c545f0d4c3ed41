"""The PDF reader on tables drawn here with reportlab (`tests.io.drawn_pdfs`), where a test
decides the page breaks: a cell cut in two by a page, a table with no ruling lines, a turned
page, a scan, and damaged or locked files. The seed reports exported by LibreOffice are in
``test_seed_formats.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen import canvas

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.pdf import join_lines
from tests.io.drawn_pdfs import Layout, draw_report, draw_scan

SECTION_1 = "1. Управління персоналом"
SECTION_2 = "2. Публічні закупівлі"
ROWS = [
    ("1.1.", "Проведення перевірок осіб, які вчинили корупційні правопорушення, перед призначенням на посади",
     "Постійно", "Сектор управління персоналом",
     "Перевірки проведено щодо 12 кандидатів; осіб, які вчинили корупцій|ні правопорушення, не виявлено. "
     "Навчання з питань ресурсно-господарського забезпечення проведено 12.03.2019 (протокол № 3)"),
    ("1.2.", "Організація навчання працівників з питань запобігання корупції", "Грудень 2019 року",
     "Уповноважений з питань запобігання та виявлення корупції", "Проведено 3 навчання (протокол № 1 від 12.03.2019)"),
    ("", "Перевірка своєчасності подання декларацій", "Квітень 2019 року", "Уповноважений", ""),
    ("2.1.", "Оприлюднення звітів про договори закупівель на порталі «Prozorro»", "Щокварталу", "Тендерний комітет",
     "Оприлюднено 37 звітів; порушень строків не допущено. Інформацію розміщено на сторінці "
     "https://dmsu.gov.ua/diyalnist/corruption/kontakti-z-pitan-zapobigannya-korupciyi.html"),
]
ITEMS = [SECTION_1, *ROWS[:3], SECTION_2, ROWS[3]]


def _expected(row: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(cell.replace("|", "") for cell in row)


def _rows(report) -> list[tuple[str, ...]]:
    return [(r.number, r.measure, r.deadline, r.responsible, r.status) for r in report.rows]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "no-ruling-lines"])
def test_pdf_cell_split_across_pages_is_one_row(tmp_path, ruled):
    # the page ends 2 lines into the first measure row: every cell of it is cut in two
    path = draw_report(tmp_path / "report.pdf", ITEMS, Layout(ruled=ruled, breaks=(3,), hyphenate=("корупцій|ні",), page_numbers=True))
    report = read_report(path)
    assert _rows(report) == [_expected(r) for r in ROWS]
    assert [r.section for r in report.rows] == [SECTION_1] * 3 + [SECTION_2]
    first = report.rows[0].source
    assert first.pages == (1, 2) and first.describe() == f"{path}, page 1, line 6; page 2, line 3"
    assert report.title == "ЗВІТ\nпро виконання антикорупційної програми за 2019 рік" if ruled else report.title.startswith("ЗВІТ")
    assert report.footer.split() == ["Начальник", "відділу", "С.В.", "Гребенюк"]


def test_pdf_hyphenated_word_at_line_end_is_joined_back(tmp_path):
    path = draw_report(tmp_path / "report.pdf", ITEMS, Layout(hyphenate=("корупцій|ні",)))
    status = read_report(path).rows[0].status
    assert "корупційні правопорушення" in status and "корупцій-ні" not in status
    assert "ресурсно-господарського" in status


def test_pdf_join_lines_keeps_a_compound_and_a_broken_address():
    assert join_lines(["засідання", "робочої групи"]) == "засідання робочої групи"
    assert join_lines(["антикорупцій-", "ної програми"]) == "антикорупційної програми"
    assert join_lines(["науково-", "технічної ради"]) == "науково-технічної ради"
    assert join_lines(["https://nazk.gov.u", "a/plan"], [True, False]) == "https://nazk.gov.ua/plan"
    assert join_lines(["Закону України «Про запобігання корупції» -", "Виконано"]) == "Закону України «Про запобігання корупції» - Виконано"


def test_pdf_words_placed_one_by_one_without_spaces_stay_apart(tmp_path):
    path = draw_report(tmp_path / "report.pdf", ITEMS, Layout(word_by_word=True))
    assert _rows(read_report(path)) == [_expected(r) for r in ROWS]


def test_pdf_turned_page_is_read_as_shown(tmp_path):
    path = draw_report(tmp_path / "turned.pdf", ITEMS, Layout(rotate=True))
    assert _rows(read_report(path)) == [_expected(r) for r in ROWS]


def test_pdf_without_repeated_header_still_joins_the_split_row(tmp_path):
    path = draw_report(tmp_path / "report.pdf", ITEMS, Layout(breaks=(2,), repeat_header=False))
    assert _rows(read_report(path)) == [_expected(r) for r in ROWS]


def test_pdf_scan_is_refused_with_the_way_to_a_text_layer(tmp_path):
    path = draw_scan(tmp_path / "scan.pdf", pages=2)
    with pytest.raises(ReportError) as info:
        read_report(path)
    message = str(info.value)
    assert info.value.code == "E070" and str(path) in message
    assert "scan" in message and "ocrmypdf -l ukr" in message and "every page is an image" in message




def test_pdf_scanned_pages_after_a_text_page_are_named(tmp_path):
    path = draw_scan(tmp_path / "mixed.pdf", pages=2, text_first=True)
    with pytest.raises(ReportError, match=r"\[E070\] .*mixed\.pdf: the PDF has no text layer \(pages 2, 3 are images\)"):
        read_report(path)


def test_pdf_damaged_and_locked_files_get_coded_errors(tmp_path):
    good = draw_report(tmp_path / "good.pdf", ITEMS).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good[: len(good) // 3])
    locked = tmp_path / "locked.pdf"
    pdf = canvas.Canvas(str(locked), encrypt="secret")
    pdf.drawString(100, 100, "Стан виконання")
    pdf.save()
    not_pdf = tmp_path / "fake.pdf"
    not_pdf.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    for path, code in [(cut, "E071"), (locked, "E072"), (not_pdf, "E071")]:
        with pytest.raises(ReportError) as info:
            read_report(path)
        assert info.value.code == code and str(path) in str(info.value), str(info.value)


def test_pdf_text_without_a_table_is_no_table(tmp_path):
    path = tmp_path / "letter.pdf"
    draw_report(path, [], Layout(title=("Лист щодо звіту",), footer=()))
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code in ("E006", "E009")


# Measures and answers of many lines, with capitalised words a page may open with; the
# deadline fits one line, so a row cut by a page has an empty № and deadline on the next.
WORDS = ["перевірка", "декларацій", "проведено", "засідань", "наказом", "від", "року", "комісії", "навчання", "працівників",
         "України", "ДМС", "Закону"]
words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
table_rows = st.lists(
    st.tuples(st.integers(1, 99).map(lambda n: f"{n}."), words.map(lambda w: "Проведення " + w), st.sampled_from(["Постійно", "Грудень 2019 року"]),
              st.just("Відділ кадрів"), words.map(lambda w: "Виконано: " + w)),
    min_size=2, max_size=8,
)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=table_rows, breaks=st.lists(st.integers(1, 60), max_size=3), ruled=st.booleans())
def test_pdf_splitting_a_table_anywhere_keeps_every_row_once(tmp_path_factory, rows, breaks, ruled):
    path = draw_report(tmp_path_factory.mktemp("split") / "report.pdf", rows, Layout(ruled=ruled, breaks=breaks))
    assert _rows(read_report(path)) == [tuple(r) for r in rows]
