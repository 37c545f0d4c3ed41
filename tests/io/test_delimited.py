"""The one CSV reading path (`acnlp.io.delimited.records`), through the report reader.

Files are written by Python's csv module (comma, cells holding commas, ';', quotes and line
breaks) and as Ukrainian Excel writes them (Windows-1251, ';'); long cells past csv's own
limit of 131,072 characters; a quote that is never closed.
"""

from __future__ import annotations

import csv
import io

import pytest

from acnlp.errors import ReportError
from acnlp.io import read_report
from acnlp.io.limits import ReadLimits

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
ROWS = [
    ["1.", "Навчання, семінари; наради", "Грудень", "Сектор", 'Проведено 3 навчання, 2 семінари; протокол № 5 "Про доброчесність"'],
    ["2.", "Перевірка декларацій", "До 1 квітня", "Відділ кадрів", "Виконано.\nПовідомлень не надходило"],
    ["3.", "Моніторинг закупівель", "Постійно", "УФ", "Проводиться"],
]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows([HEADER, *rows])
    return out.getvalue()


def _statuses(path) -> list[str]:
    return [row.status for row in read_report(path).rows]


def test_delimited_comma_file_from_python_csv_keeps_commas_and_semicolons_in_cells(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(_csv(ROWS), encoding="utf-8")
    report = read_report(path)
    assert [(row.number, row.measure, row.status) for row in report.rows] == [(r[0], r[1], r[4]) for r in ROWS]
    assert [row.source.lines for row in report.rows] == [(2,), (3,), (5,)]  # row 2's status spans two lines


def test_delimited_excel_file_in_windows_1251_with_semicolons(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(_csv(ROWS, ";").replace("\n", "\r\n").encode("cp1251"))
    assert _statuses(path) == [r[4] for r in ROWS]


def test_delimited_cell_longer_than_csvs_own_limit_keeps_the_file(tmp_path):
    long = "Проведено навчання. " * 10_000  # 200,000 characters
    path = tmp_path / "r.csv"
    path.write_text(_csv([ROWS[0], [*ROWS[1][:4], long], ROWS[2]]), encoding="utf-8")
    report = read_report(path)
    assert [row.status for row in report.rows] == [ROWS[0][4], long.strip(), ROWS[2][4]]
    assert report.notes == ()


def test_delimited_cell_past_the_cell_limit_is_cut_and_noted_with_its_row(tmp_path):
    long = "а" * 150_000
    path = tmp_path / "r.csv"
    path.write_text(_csv([ROWS[0], [*ROWS[1][:4], long], ROWS[2]]), encoding="utf-8")
    report = read_report(path, ReadLimits(max_cell_chars=100_000))
    assert len(report.rows) == 3 and report.rows[1].status == "а" * 100_000
    assert report.notes == (
        f"[E017] {path}: table 1, row 3: a cell of 150,000 characters was cut to its first 100,000 (ReadLimits.max_cell_chars; raise it with --limit max_cell_chars=N); the rest of it is not read",
    )


def test_delimited_quote_never_closed_is_a_coded_error_naming_its_line(tmp_path):
    text = _csv(ROWS) + '4.,Навчання,Грудень,Сектор,"Виконано\n5.,Звіт,Грудень,Сектор,Виконано\n'
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as error:
        read_report(path)
    assert str(error.value).startswith(f"[E016] {path}: line 6: not a readable CSV record (a quoted cell opens in it and is never closed")
