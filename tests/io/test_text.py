"""The text layouts, on the two real seed reports and on small tables written here.

Row counts were made by hand from the seed files: 42 measure rows in the DMS report (42 lines
that open a measure; 8 more lines continue a row across a page break) and 37 in the Luhansk
report (22 in section І, 15 in section ІІ).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.text import detect_layout
from acnlp.normalize import normalize


@pytest.fixture(scope="module")
def dms(dms_path):
    return read_report(dms_path)


@pytest.fixture(scope="module")
def luhansk(luhansk_path):
    return read_report(luhansk_path)


def test_text_tabbed_seed_has_every_measure_row_once_in_order(dms):
    assert len(dms.rows) == 42
    assert [r.index for r in dms.rows] == list(range(1, 43))
    first_lines = [r.source.lines[0] for r in dms.rows]
    assert first_lines == sorted(first_lines)


def test_text_tabbed_seed_joins_cells_split_by_a_page_break(dms):
    row = dms.rows[1]
    assert row.number == "2.1"
    assert row.source.lines == (12, 14)
    assert "ресурсно-господарського ведення обліку операцій (інвентаризація, закупівлі тощо)" in row.status

    row = next(r for r in dms.rows if r.number == "5.1.")
    assert row.source.lines == (32, 35)  # across a separator line of dashes
    assert "Закону України «Про адміністративні послуги» шляхом підготовки" in row.measure
    assert row.responsible.endswith("що належать до сфери управління ДМС")
    assert row.status.startswith("З метою створення ефективної системи")

    row = next(r for r in dms.rows if r.number == "5.4.")
    assert "№ 152 «Про затвердження зразка бланка" in row.measure
    assert row.status.endswith("визначеному цим Законом. Лист ДГПР від 09.07.2019 № 6.3-8058/6-19")


def test_text_tabbed_seed_keeps_rows_without_number_under_a_risk(dms):
    under_3_1 = dms.rows[3:6]
    assert [r.number for r in under_3_1] == ["", "", ""]
    assert under_3_1[0].measure.startswith("Проведення внутрішнього аудиту")
    assert all(r.section == "3. Управління матеріальними ресурсами та будівництвом (публічні закупівлі)" for r in under_3_1)


def test_text_tabbed_seed_splits_sub_numbers_and_strips_heading_markup(dms):
    row = dms.rows[16]
    assert (row.number, row.sub_number) == ("", "3)")
    assert row.measure.startswith("проведення засідань Комісії")
    assert row.section == "1. Створення ефективного механізму системи запобігання і протидії корупції в системі ДМС"
    assert "Додаток 2 до Антикорупційної програми" in dms.sections[6]


def test_text_tabbed_seed_keeps_title_footer_and_html_debris_in_cells(dms):
    assert "на 2019 рік" in dms.title
    assert "С.В. Гребенюк" in dms.footer
    row = dms.rows[25]
    assert row.source.lines == (60, 62)
    assert "<p>декларацій осіб" in row.status  # the original is kept; normalize() removes the tags
    assert "<p>" not in normalize(row.status)


def test_text_cell_per_line_seed_has_every_measure_row_once(luhansk):
    assert len(luhansk.rows) == 37
    assert [r.number for r in luhansk.rows] == [str(i) for i in range(1, 23)] + [str(i) for i in range(1, 16)]
    assert luhansk.sections == (
        "І. Заходи з реалізації засад загальної відомчої політики щодо запобігання та протидії корупції"
        " у сфері діяльності обласної державної адміністрації",
        "ІІ. Заходи щодо усунення корупційних ризиків",
    )
    assert "ІІІ квартал 2019 року" in luhansk.title


def test_text_cell_per_line_seed_cells_survive_blank_lines_inside_rows(luhansk):
    row = luhansk.rows[7]
    assert row.status.startswith("В Департаменті постійно проводиться роз’яснювальна робота")
    assert "На виконання пункту ІІІ Програми" in row.status  # after a blank line, not tab-opened
    assert luhansk.rows[8].deadline == "постійно"  # a blank line stands between measure and deadline
    assert luhansk.rows[22].deadline == "Протягом 2019 року у разі проведення конкурсу"
    assert luhansk.rows[22].status.endswith("у якості спостерігачів.")


def test_text_cell_per_line_seed_keeps_empty_and_dot_statuses(luhansk):
    assert luhansk.rows[4].status == ""
    assert luhansk.rows[10].status == "."
    assert [r.number for r in luhansk.rows if not r.status] == ["5", "6", "16", "17", "19", "20", "21", "22", "4", "6", "12", "15"]


def _all_cell_text(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    pieces = []
    for line in text.splitlines():
        for cell in line.split("\t"):
            cell = normalize(cell)
            if cell and not set(cell) <= set("-"):
                pieces.append(cell)
    return pieces


@pytest.mark.parametrize("report_name", ["dms", "luhansk"])
def test_text_loses_no_input_text(report_name, request):
    report = request.getfixturevalue(report_name)
    kept = normalize(" ".join(
        [report.title, report.footer, *report.sections, *report.columns]
        + [" ".join([r.number, r.sub_number, r.measure, r.deadline, r.responsible, r.status]) for r in report.rows]
    ))
    for piece in _all_cell_text(Path(report.path)):
        if piece in {"№", "1", "2", "3", "4", "5"}:
            continue
        assert piece.replace("**", "") in kept.replace("**", ""), piece


@pytest.mark.parametrize(
    "encoding,bom",
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-le", b""), ("cp1251", b"")],
    ids=["utf8-bom", "utf16-bom", "utf16-no-bom", "windows-1251"],
)
def test_text_reads_the_encodings_windows_offices_write(tmp_path, luhansk_path, luhansk, encoding, bom):
    source = luhansk_path.read_text(encoding="utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(bom + source.replace("\n", "\r\n").encode(encoding))
    report = read_report(path)
    assert [(r.number, r.measure, r.status) for r in report.rows] == [
        (r.number, r.measure, r.status) for r in luhansk.rows
    ]


def _write(tmp_path: Path, lines: list[str], name: str = "t.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


HEADER = "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання"


def test_text_continuation_only_after_a_break_and_without_sub_number(tmp_path):
    path = _write(tmp_path, [
        HEADER,
        "1.\t1) проведення засідань комісії з оцінки\tГрудень 2019 року\tВПЗВК\tПроведено 5 засідань",
        "------\t--\t---\t--\t---",
        "\tкорупційних ризиків\t\t\t(протоколи № 1-5)",
        "\t2) навчання працівників\tГрудень 2019 року\tУП\tПроведено",
        "",
        "\t3) оприлюднення звітів\tЛютий 2019 року\tУКЕС\tОприлюднено",
        "\tПеревірка декларацій\tКвітень 2019 року\tВПЗВК\t",
    ])
    rows = read_report(path).rows
    assert [(r.number, r.sub_number) for r in rows] == [("1.", "1)"), ("", "2)"), ("", "3)"), ("", "")]
    assert rows[0].measure == "проведення засідань комісії з оцінки корупційних ризиків"
    assert rows[0].status == "Проведено 5 засідань (протоколи № 1-5)"
    assert rows[3].status == ""


def test_text_layout_detection():
    assert detect_layout(["just a letter", "with no table"]) is None


@pytest.mark.parametrize(
    "content,code",
    [
        (b"", "E001"),
        (b"   \n\n", "E001"),
        (bytes(range(256)) * 8, "E002"),
        ("Шановний колего, надсилаємо звіт.\nЗ повагою".encode(), "E012"),
        (("№\tНайменування заходу\tСтрок\tВідповідальні\n1\tНавчання\tГрудень\tУП\n").encode(), "E007"),
        (("Захід\tПримітка\tІнше\n1\tНавчання\tГрудень\n").encode(), "E006"),
    ],
    ids=["empty", "blank", "binary", "no-table", "no-status-column", "no-header"],
)
def test_text_bad_input_gives_a_clear_error_naming_the_file(tmp_path, content, code):
    path = tmp_path / "звіт.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as info:
        read_report(path)
    assert info.value.code == code
    assert str(path) in str(info.value)


def test_text_no_status_column_error_lists_the_header_found(tmp_path):
    path = _write(tmp_path, ["№\tНайменування заходу\tСтрок\tВідповідальні", "1\tНавчання\tГрудень\tУП"])
    with pytest.raises(ReportError, match="no status column") as info:
        read_report(path)
    assert "«Найменування заходу»" in str(info.value) and "line 1" in str(info.value)


@pytest.mark.parametrize("rule", ["-----", "-----\t--\t---", "  ---------  "], ids=["bare", "tabbed", "padded"])
def test_text_tabbed_dash_rule_is_a_page_break(tmp_path: Path, rule: str) -> None:
    text = (
        "№\tЗахід\tСтрок\tВідповідальні\tСтан виконання\n"
        "1\tПеревірка декларацій\tБерезень 2019 року\tВідділ\tПеревірено 14 суб'єктів\n"
        f"{rule}\n"
        "\t\t\t\tдекларування, порушень не виявлено.\n"
        "2\tМоніторинг\tпостійно\tВідділ\t-\n"
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    rows = read_report(tmp_path / "r.txt").rows
    assert [r.number for r in rows] == ["1", "2"]
    assert rows[0].status == "Перевірено 14 суб'єктів декларування, порушень не виявлено."
    assert rows[1].status == "-"
