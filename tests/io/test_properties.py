"""Properties every reader keeps, on inputs hypothesis invents.

* Any bytes under any supported name give a `Report` or a `ReportError`, never another exception.
* Every measure row of a table comes out exactly once, in order, wherever page breaks fall
  between rows and whichever cells are empty.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acnlp.errors import ReportError
from acnlp.io import read_report

SUFFIXES = [".txt", ".csv", ".html", ".docx", ".xlsx"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=600),
    st.text(max_size=400).map(lambda t: t.encode("utf-8")),
    st.builds(lambda a, b: b"PK\x03\x04" + a + b, st.binary(max_size=200), st.binary(max_size=50)),
), suffix=st.sampled_from(SUFFIXES))
def test_reader_never_raises_anything_but_a_report_error(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            report = read_report(path)
        except ReportError as err:
            assert str(path) in str(err)
        else:
            assert report.rows


UKRAINIAN_WORDS = ["перевірка", "декларацій", "проведено", "засідань", "наказ", "від", "року", "комісії", "навчання", "роз'яснювальна"]
cell_text = st.lists(st.sampled_from(UKRAINIAN_WORDS), min_size=0, max_size=6).map(" ".join)
measure_text = st.tuples(st.sampled_from("ПЗОРВН"), st.lists(st.sampled_from(UKRAINIAN_WORDS), max_size=5)).map(
    lambda parts: (parts[0] + "роведення " + " ".join(parts[1])).strip()
)
row = st.tuples(
    st.one_of(st.just(""), st.integers(1, 40).map(lambda n: f"{n}.")),
    measure_text, cell_text, cell_text, cell_text,
)
page_break = st.sampled_from(["", "", "------\t--\t---\t--\t---", None])


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.tuples(row, page_break), min_size=1, max_size=25))
def test_reader_keeps_every_measure_row_once_across_page_breaks(rows):
    lines = ["№\tНайменування заходу\tСтрок виконання\tВідповідальні\tСтан виконання"]
    for cells, brk in rows:
        if brk is not None:
            lines.append(brk)
        lines.append("\t".join(cells))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = read_report(path)
    got = [(r.number, r.measure, r.deadline, r.responsible, r.status) for r in report.rows]
    assert got == [cells for cells, _ in rows]


# Words real answers share with column headers: a row using them is still a measure row.
HEADER_WORDS = [
    "Стан", "Станом", "стану", "Строк", "строки", "Строки", "Термін", "терміни", "виконання",
    "Виконано", "Захід", "заходу", "Заходи", "Найменування", "Відповідальні", "виконавців",
    "Виконавці", "№", "з/п", "Інформація про стан", "Результат виконання", "у встановлений термін",
]
answer_text = st.lists(st.sampled_from(HEADER_WORDS + UKRAINIAN_WORDS), min_size=1, max_size=8).map(" ".join)
SEED = Path(__file__).resolve().parents[2] / "corpus" / "reports" / "dms_2019_annual.txt"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=answer_text, deadline=answer_text, measure=answer_text, at=st.integers(0, 41))
def test_any_answer_text_in_a_valid_report_never_changes_its_rows(status, deadline, measure, at):
    original = read_report(SEED)
    target = original.rows[at]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    line = target.source.lines[0] - 1
    cells = lines[line].split("\t")
    # № | measure | deadline | responsible | status, as the seed's header gives them. A row with
    # no № keeps its measure: after a page break a lower-case one rightly continues the row before.
    cells[2], cells[4] = deadline, status
    if target.number:
        cells[1] = measure
    lines[line] = "\t".join(cells)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        report = read_report(path)
    assert len(report.rows) == len(original.rows)
    # A row split by a page break keeps its continuation after the new text.
    assert report.rows[at].status.startswith(status)
