"""`acnlp audit` end to end: the two seed reports, broken rows, hostile cells, failing files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from acnlp import read_report
from acnlp.cli import app

REPORTS = Path(__file__).resolve().parents[2] / "corpus" / "reports"
runner = CliRunner()
HOSTILE_CSV = (
    "№,Найменування заходу,Строк виконання,Відповідальні,Стан виконання\n"
    '1,Проведення навчань,Червень 2019 року,Відділ,"&lt;script&gt;alert(1)&lt;/script&gt; Проведено 2 навчання"\n'
    '2,Оприлюднення звіту,Грудень 2019 року,Відділ,"=HYPERLINK(""http://x"",""y"")"\n'
    "3,Перевірка декларацій,Березень 2019 року,Відділ,-\n"
    '4,Моніторинг,постійно,Відділ,"@SUM(A1) та ""лапки"""\n'
)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("audit")
    result = runner.invoke(app, ["audit", str(REPORTS / "dms_2019_annual.txt"), str(REPORTS / "luhansk_housing_2019_q3.txt"), "-o", str(out), "--jobs", "1"])
    return out, result


def test_audit_seed_reports_every_row_in_order(seeds: tuple[Path, object]) -> None:
    out, result = seeds
    assert result.exit_code == 0, result.output
    for name, expected in (("dms_2019_annual", 42), ("luhansk_housing_2019_q3", 37)):
        rows = jsonl(out / f"{name}.jsonl")
        source = read_report(REPORTS / f"{name}.txt")
        assert [r["index"] for r in rows] == [row.index for row in source.rows] and len(rows) == expected
        assert [r["status"] for r in rows] == [row.status for row in source.rows]
        assert all(r["label"] in ("done", "in_progress", "not_applicable", "boilerplate") for r in rows)
        assert all({"dates", "orders", "counts", "flags", "deadline_parsed", "status_normalized"} <= set(r) for r in rows)
        assert all(feature["words"] and feature["feature"] not in feature["words"] for r in rows for feature in r["features"])
    luhansk = jsonl(out / "luhansk_housing_2019_q3.jsonl")
    assert sum(1 for r in luhansk if any(f["code"] == "empty" for f in r["flags"])) >= 10
    dms = jsonl(out / "dms_2019_annual.jsonl")
    assert any(o["number"] == "29/аг" for r in dms for o in r["orders"])


def test_audit_csv_and_xlsx_equal_the_jsonl(seeds: tuple[Path, object]) -> None:
    from acnlp.audit.outputs import FLAT_COLUMNS, csv_cell, flat_row

    out, _ = seeds
    rows = jsonl(out / "dms_2019_annual.jsonl")
    expected = [flat_row("dms_2019_annual", row) for row in rows]
    with (out / "dms_2019_annual.csv").open(encoding="utf-8-sig", newline="") as stream:
        back = list(csv.DictReader(stream))
    assert [[r[c] for c in FLAT_COLUMNS] for r in back] == [[csv_cell(e[c]) for c in FLAT_COLUMNS] for e in expected]
    sheet = load_workbook(out / "dms_2019_annual.xlsx")["rows"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert values == [[None if e[c] in ("", None) else e[c] for c in FLAT_COLUMNS] for e in expected]


def test_audit_summary_per_report_and_section(seeds: tuple[Path, object]) -> None:
    out, _ = seeds
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["dms_2019_annual"]["rows"] == 42 and summary["luhansk_housing_2019_q3"]["rows"] == 37
    assert sum(summary["dms_2019_annual"]["labels"].values()) == 42
    assert sum(s["rows"] for s in summary["dms_2019_annual"]["sections"]) == 42
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert {r["report"] for r in table} == {"dms_2019_annual", "luhansk_housing_2019_q3"}
    assert [r["rows"] for r in table if r["section"] == ""] == ["42", "37"]


def test_audit_hostile_cells_stay_text(tmp_path: Path) -> None:
    (tmp_path / "hostile.csv").write_text(HOSTILE_CSV, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(tmp_path / "hostile.csv"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(tmp_path / "out" / "hostile.xlsx")["rows"]
    header = [c.value for c in sheet[1]]
    statuses = [row[header.index("status")] for row in sheet.iter_rows(min_row=2)]
    assert statuses[1].value == '=HYPERLINK("http://x","y")' and statuses[1].data_type == "s"
    assert statuses[2].value == "-"
    page = (tmp_path / "out" / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_audit_broken_rows_are_kept(tmp_path: Path) -> None:
    # a page break inside row 2, and a row with its status missing
    text = (
        "№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання\n"
        "1\tНавчання\tГрудень 2019 року\tВідділ\tПроведено 2 навчання.\n"
        "2\tПеревірка декларацій\tБерезень 2019 року\tВідділ\tПеревірено 14 суб'єктів\n"
        "\n-----\n"
        "\t\t\t\tдекларування, порушень не виявлено.\n"
        "3\tМоніторинг\tпостійно\tВідділ\t\n"
    )
    (tmp_path / "broken.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(tmp_path / "broken.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    rows = jsonl(tmp_path / "out" / "broken.jsonl")
    assert [r["number"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["status"].endswith("порушень не виявлено.")
    assert [f["code"] for f in rows[2]["flags"]][:1] == ["empty"]


def test_audit_failing_file_exit_code_one_others_written(tmp_path: Path) -> None:
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    result = runner.invoke(app, ["audit", str(tmp_path / "broken.docx"), str(REPORTS / "luhansk_housing_2019_q3.txt"), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 1
    assert "broken.docx" in result.output and "Traceback" not in result.output
    assert (tmp_path / "out" / "luhansk_housing_2019_q3.jsonl").exists()


def test_audit_as_of_must_be_a_date(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(tmp_path), "--as-of", "вчора"])
    assert result.exit_code == 2 and "2019-09-30" in result.output


def test_audit_as_of_moves_the_overdue_check(tmp_path: Path) -> None:
    report = REPORTS / "luhansk_housing_2019_q3.txt"
    runner.invoke(app, ["audit", str(report), "-o", str(tmp_path / "a"), "--as-of", "2019-01-01"])
    runner.invoke(app, ["audit", str(report), "-o", str(tmp_path / "b"), "--as-of", "2020-06-30"])
    overdue = [sum(any(f["code"] == "overdue" for f in r["flags"]) for r in jsonl(tmp_path / d / "luhansk_housing_2019_q3.jsonl")) for d in "ab"]
    assert overdue[0] == 0 and overdue[1] > overdue[0]


def test_audit_help_shows_an_example() -> None:
    result = runner.invoke(app, ["audit", "--help"])
    assert result.exit_code == 0 and "acnlp audit corpus/reports -o audit/" in result.output
    assert "acnlp[distributed]" in result.output.replace("\n", "")


def test_audit_unknown_model_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(tmp_path), "--model", str(tmp_path / "none")])
    assert result.exit_code == 2 and "manifest.json" in result.output


def test_audit_unreachable_cluster_is_named(tmp_path: Path) -> None:
    # port 1 refuses connections; distributed retries for its 10 s timeout, then gives up
    result = runner.invoke(app, ["audit", str(REPORTS), "-o", str(tmp_path), "--cluster", "tcp://127.0.0.1:1"])
    assert result.exit_code == 1
    assert "[E060]" in result.output and "tcp://127.0.0.1:1" in result.output and "Traceback" not in result.output


def test_audit_summary_lists_every_input_read_failed_or_skipped(tmp_path: Path) -> None:
    from tests.io.drawn_pdfs import draw_report, draw_scan
    from tests.io.test_pdf import ITEMS

    folder = tmp_path / "reports"
    folder.mkdir()
    draw_report(folder / "drawn.pdf", ITEMS)
    draw_scan(folder / "scan.pdf")
    (folder / "notes.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    out = tmp_path / "audit"
    result = runner.invoke(app, ["audit", str(folder), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 1, result.output
    assert "[E070]" in result.stderr and "[E077]" in result.stderr
    assert "1 report(s), 4 rows audited" in result.stderr and "1 failed; 1 skipped" in result.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    statuses = {entry["input"]: (entry["status"], entry.get("reason", "")[:6]) for entry in summary.values()}
    assert statuses == {
        str(folder / "drawn.pdf"): ("read", ""),
        str(folder / "notes.zip"): ("skipped", "[E077]"),
        str(folder / "scan.pdf"): ("failed", "[E070]"),
    }
    assert summary["drawn"]["rows"] == 4 and summary["drawn"]["sections"]
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        table = list(csv.DictReader(stream))
    per_input = [(r["report"], r["status"], r["rows"]) for r in table if r["section"] == ""]
    assert per_input == [("drawn", "read", "4"), ("scan", "failed", ""), (str(folder / "notes.zip"), "skipped", "")]
    assert "scan" in {r["report"] for r in table if r["reason"].startswith("[E070]")}


def test_audit_empty_answers_counted_apart(seeds: tuple[Path, object]) -> None:
    out, result = seeds
    luhansk = jsonl(out / "luhansk_housing_2019_q3.jsonl")
    empty = sum(1 for r in luhansk if r["label"] == "boilerplate" and any(f["code"] == "empty" for f in r["flags"]))
    assert empty >= 10  # blank cells: still `boilerplate` with `empty`, but not hidden among real boilerplate
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["luhansk_housing_2019_q3"]["no_answer"] == empty
    with (out / "summary.csv").open(encoding="utf-8-sig", newline="") as stream:
        table = [r for r in csv.DictReader(stream) if r["report"] == "luhansk_housing_2019_q3"]
    assert table[0]["no_answer"] == str(empty) and sum(int(r["no_answer"]) for r in table[1:]) == empty
    assert f"({empty} no answer)" in " ".join(result.output.split())
    page = (out / "luhansk_housing_2019_q3.html").read_text(encoding="utf-8")
    assert 'value="no_answer"' in page and "без відповіді" in page
    title = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert "_" not in title and "адміністрації (найменування" in title  # the form's blank «__» is gone


def test_audit_page_of_a_two_table_report(seeds: tuple[Path, object]) -> None:
    out, _ = seeds
    page = (out / "dms_2019_annual.html").read_text(encoding="utf-8")
    # the DMS report numbers the sections of each of its two tables from «1.»: each table's
    # heading stands above its sections, in the rows and in the flags per section
    parts = re.findall(r'<tr class="part-head"><th[^>]*>(.*?)</th>', page)
    assert [part[:40] for part in parts] == ["Додаток 2 до Звіту за результатами оцінк", "Додаток 2 до Антикорупційної програми Де"]
    assert page.index(parts[0]) < page.index("1. Управління персоналом") < page.index(parts[1]) < page.index("1. Створення ефективного")
    assert len(re.findall(r'<tr class="part"><th', page)) == 2
    assert "<code>dms_2019_annual.txt</code>" in page and str(REPORTS) not in page
