"""Periods of one body compared (issue 14): measures linked across reports, ``repeated_answer``,
the series in ``summary.json`` and on the page.

The end-to-end tests audit two copies of the real DMS report (`corpus/reports`) titled as
consecutive quarters, the second with some answers rewritten, one lightly edited (a date
changed) and one in-progress answer turned into a finished one, through ``acnlp audit`` with
the shipped model. The hand-made rows of the unit tests are written in the seed reports' voice.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from acnlp import load, read_report
from acnlp.audit.flags import load_thresholds
from acnlp.audit.series import (
    SKETCH_SIZE,
    Member,
    RowKey,
    SeriesLinker,
    SeriesState,
    body_key,
    plan_series,
    similarity,
    sketch,
    text_key,
)
from acnlp.cli import app

from .test_html import parse

DMS = Path(__file__).resolve().parents[2] / "corpus" / "reports" / "dms_2019_annual.txt"
THRESHOLD = load_thresholds().repeated_answer


def shingles(text: str) -> set[str]:
    key = text_key(text)
    return {key[i : i + 4] for i in range(max(1, len(key) - 3))}


def test_series_similarity_estimates_the_jaccard_of_4_grams() -> None:
    statuses = [row.status for row in read_report(DMS).rows if row.status.strip()]
    pairs = list(zip(statuses, statuses[1:])) + [(status, status.replace("2019", "2020")) for status in statuses]
    for a, b in pairs:
        exact = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
        estimate = similarity(sketch(text_key(a)), sketch(text_key(b)))
        if len(shingles(a) | shingles(b)) <= SKETCH_SIZE:
            assert estimate == pytest.approx(exact)  # short texts: the sketch holds every 4-gram
        else:
            assert abs(estimate - exact) < 0.2


def test_series_row_key_is_small_whatever_the_answer() -> None:
    answer = "Проведено засідання комісії (протокол від 12.03.2019 № 3). " * 20_000  # over a megabyte
    key = RowKey.of({"index": 1, "number": "1.", "sub_number": "2)", "measure": "Засідання комісії", "status": answer, "label": "done"})
    assert key.number == "1 2" and len(key.answer_sketch) <= 4 * SKETCH_SIZE and len(key.measure_sketch) <= 4 * SKETCH_SIZE


def row(index: int, number: str, measure: str, status: str, label: str = "done") -> dict[str, Any]:
    return {"index": index, "number": number, "sub_number": "", "measure": measure, "status": status, "label": label}


EARLIER = [
    row(1, "1", "Проведення засідань комісії з оцінки корупційних ризиків", "Проведено 2 засідання комісії (протоколи № 1, № 2)."),
    row(2, "2", "Перевірка факту подання декларацій особами, уповноваженими на виконання функцій держави", "Здійснюється постійно.", "boilerplate"),
    row(3, "3", "Організація навчання працівників з питань запобігання корупції", "Навчання заплановано на IV квартал.", "in_progress"),
    row(4, "4", "Оприлюднення звіту про виконання антикорупційної програми на вебсайті", "-", "boilerplate"),
]  # fmt: skip


def linked(earlier: list[dict[str, Any]], current: list[dict[str, Any]]) -> tuple[list[tuple[list[dict[str, Any]], bool]], dict[str, Any]]:
    first = SeriesLinker(SeriesState("ДМС", THRESHOLD), "q1", "I квартал 2019 року", "2019-03-31")
    for item in earlier:
        first.link(item)
    _, state = first.finish({"rows": len(earlier), "labels": {}})
    second = SeriesLinker(state, "q2", "II квартал 2019 року", "2019-06-30")
    links = [second.link(item) for item in current]
    section, _ = second.finish({"rows": len(current), "labels": {}})
    return links, section


def test_series_links_measures_by_number_and_tolerates_edits() -> None:
    current = [
        row(1, "1", "Проведення засідань комісії з оцінки корупційних ризиків у ДМС", "Проведено 3 засідання комісії (протоколи № 3, № 4, № 5)."),
        row(2, "2", "Моніторинг змін в антикорупційному законодавстві", "Здійснюється постійно.", "boilerplate"),  # a new measure under an old number
        row(3, "5", "Перевірка факту подання декларацій особами, уповноваженими на виконання функцій держави", "Здійснюється постійно.", "boilerplate"),
        row(4, "6", "Організація навчання працівників з питань запобігання корупції в ДМС", "Навчання проведено 12.11.2019 (наказ № 45).", "done"),
    ]  # fmt: skip
    links, section = linked(EARLIER, current)
    assert [[link["index"] for link in found] for found, _ in links] == [[1], [], [2], [3]]
    # edited under its number, then renumbered (same text), then renumbered and edited
    assert links[0][0][0]["measure_similarity"] >= 0.5 and links[2][0][0]["measure_similarity"] == 1.0
    assert [repeated for _, repeated in links] == [False, False, True, False]
    assert [(item["index"], item["from"], item["to"]) for item in section["done_after_in_progress"]] == [(4, "q1", "q2")]
    assert [item["index"] for item in section["unchanged"]] == [3]


def test_series_repeated_answer_identical_nearly_identical_or_changed() -> None:
    long_answer = ("Наказом ДМС від 26.02.2019 № 29/аг затверджено склад комісії з оцінки корупційних ризиків. Протягом звітного "
                   "періоду проведено 2 засідання комісії, на яких розглянуто результати ідентифікації ризиків у структурних "
                   "підрозділах та затверджено заходи щодо їх усунення.")  # fmt: skip
    earlier = [row(1, "1", "Засідання комісії", long_answer), row(2, "2", "Навчання", "Виконано."), row(3, "3", "Звіт", "-", "boilerplate")]
    cases = {
        "the same, after normalisation": ("  " + long_answer.upper().replace(".", " ") + " ", True),
        "one date changed": (long_answer.replace("26.02.2019", "26.03.2019"), True),
        "a short answer reworded": ("Виконано частково.", False),
        "a new answer": ("Проведено 3 засідання комісії (протоколи від 12.04.2019 № 4, від 20.05.2019 № 5, від 18.06.2019 № 6).", False),
        "empty again": ("-", False),  # nothing was copied: the `empty` flag says it
    }
    for name, (answer, expected) in cases.items():
        number = {"a short answer reworded": "2", "empty again": "3"}.get(name, "1")
        measure = {"2": "Навчання", "3": "Звіт"}.get(number, "Засідання комісії")
        (found, repeated), *_ = linked(earlier, [row(1, number, measure, answer)])[0]
        assert found and repeated is expected, name
    assert similarity(sketch(text_key(long_answer)), sketch(text_key(long_answer.replace("26.02.2019", "26.03.2019")))) >= THRESHOLD


def test_series_body_key_keeps_the_body_and_drops_the_period() -> None:
    q3 = "ФОРМА для надання звітної інформації за ІІІ квартал 2019 року про виконання Антикорупційної програми ЛОДА на 2019 рік\n___Департамент ЖКГ__ (найменування підрозділу)"
    q4 = "ФОРМА для надання звітної інформації за IV квартал 2019 року про виконання Антикорупційної програми ЛОДА на 2019 рік\nДепартамент ЖКГ"
    other = q4.replace("Департамент ЖКГ", "Департамент освіти")
    annual = "Звіт про виконання антикорупційної програми ЛОДА за 9 місяців 2020 року"
    assert body_key(q3) == body_key(q4) != body_key(other)
    assert "2020" not in body_key(annual) and "місяців" not in body_key(annual)


def member(position: int, body: str, end: str | None, period: str = "") -> Member:
    return Member(position, f"r{position}.txt", body, end, period, f"title {position}")


def test_series_plan_groups_bodies_in_period_order_and_says_what_it_leaves_alone() -> None:
    members = [member(0, "дмс", "2019-12-31"), member(1, "лода", "2019-09-30"), member(2, "дмс", "2019-06-30"), None,
               member(4, "лода", "2019-09-30", "ІІІ квартал 2019 року"), member(5, "дмс", None)]  # fmt: skip
    plan = plan_series(members)
    assert plan.chains == [[2, 0], [1], [3], [4], [5]] and plan.names[1:] == [None] * 4
    assert plan.notes == ["[E111] r4.txt: the same body and period (ІІІ квартал 2019 року) as r1.txt; it is audited on its own, not compared with it as a period of a series"]
    named = plan_series(members, "Обласна адміністрація")
    assert named.chains == [[2, 1, 0], [3], [4], [5]] and named.names[0] == "Обласна адміністрація"
    assert [note[:6] for note in named.notes] == ["[E111]", "[E110]"] and "r5.txt" in named.notes[1]


# --- acnlp audit on two quarters of the DMS report ---

#: Rows (0-based) whose answers the second quarter rewrites, and the one it edits lightly.
REWRITTEN = (2, 9, 17, 26, 35)
LIGHTLY_EDITED = 20
NEW_ANSWER = "У {n} кварталі проведено нараду з питань доброчесності; розглянуто {m} звернення громадян, порушень не виявлено."
FINISHED = "Виконано в повному обсязі: наказом ДМС від 15.05.2019 № 123 затверджено порядок, проведено 3 навчання 20.05.2019."


def swap(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def quarters(folder: Path) -> dict[str, Any]:
    """``q1.txt`` and ``q2.txt`` from the DMS report, and what the second changes."""
    text = DMS.read_text(encoding="utf-8")
    rows = read_report(DMS).rows
    assert "на 2019 рік" in text
    single = [i for i, r in enumerate(rows) if len(r.source.lines) == 1 and text.count(r.status) == 1 and len(r.status) > 40]
    assert set(REWRITTEN) | {LIGHTLY_EDITED} <= set(single)
    # an answer the model reads as in progress, turned into a finished one in the second quarter
    labels = [result["label"] for result in load().analyze_many({"status": r.status, "measure": r.measure, "year": 2019} for r in rows)]
    finished = next(i for i in single if labels[i] == "in_progress" and i not in REWRITTEN and i != LIGHTLY_EDITED)
    second = text.replace("на 2019 рік", "за II квартал 2019 року", 1)  # the title's, above the table
    for n, i in enumerate(REWRITTEN):
        second = swap(second, rows[i].status, NEW_ANSWER.format(n=n + 2, m=n + 3))
    assert re.search(r"\d\d\.\d\d\.2019", rows[LIGHTLY_EDITED].status), "the light edit changes a date"
    lightly = re.sub(r"(\d\d\.\d\d\.)2019", r"\g<1>2018", rows[LIGHTLY_EDITED].status, count=1)
    second = swap(swap(second, rows[LIGHTLY_EDITED].status, lightly), rows[finished].status, FINISHED)
    (folder / "q1.txt").write_text(text.replace("на 2019 рік", "за I квартал 2019 року", 1), encoding="utf-8")
    (folder / "q2.txt").write_text(second, encoding="utf-8")
    changed = {*REWRITTEN, finished}
    return {"rows": len(rows), "changed": changed, "finished": finished, "same": [i for i in range(len(rows)) if i not in changed]}


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def flagged(rows: list[dict[str, Any]]) -> list[int]:
    return [i for i, r in enumerate(rows) if any(flag["code"] == "repeated_answer" for flag in r["flags"])]


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Any]:
    folder = tmp_path_factory.mktemp("series")
    plan = quarters(folder)
    # the later quarter first: the order of the periods comes from the titles, not the command line
    result = CliRunner().invoke(app, ["audit", str(folder / "q2.txt"), str(folder / "q1.txt"), "-o", str(folder / "out"), "--jobs", "1"])
    return folder, plan, result


def test_series_repeated_answer_exactly_on_the_unedited_rows(audited: tuple[Path, dict[str, Any], Any]) -> None:
    folder, plan, result = audited
    assert result.exit_code == 0, result.output
    first, second = jsonl(folder / "out" / "q1.jsonl"), jsonl(folder / "out" / "q2.jsonl")
    assert flagged(first) == []  # the first period has nothing to repeat
    assert flagged(second) == plan["same"]  # unedited rows, and the one edited lightly
    assert all([link["index"] for link in r["series"]] == [first[i]["index"]] for i, r in enumerate(second))  # every measure found
    assert {i: r["series"][0]["same_answer"] for i, r in enumerate(second)} == {i: i not in plan["changed"] for i in range(plan["rows"])}
    assert "series" not in first[0] or first[0]["series"] == []
    assert f"period 2 (II квартал 2019 року), compared with q1: {plan['rows']} rows linked, {len(plan['same'])} repeated answers" in result.output


def test_series_section_in_summary_json(audited: tuple[Path, dict[str, Any], Any]) -> None:
    folder, plan, _ = audited
    summary = json.loads((folder / "out" / "summary.json").read_text(encoding="utf-8"))
    series = summary["q2"]["series"]
    first, second = jsonl(folder / "out" / "q1.jsonl"), jsonl(folder / "out" / "q2.jsonl")
    assert [(p["report"], p["period"], p["period_end"]) for p in series["periods"]] == [
        ("q1", "I квартал 2019 року", "2019-03-31"), ("q2", "II квартал 2019 року", "2019-06-30")]  # fmt: skip
    assert [p["labels"] for p in series["periods"]] == [summary["q1"]["labels"], summary["q2"]["labels"]]
    assert series["periods"][1]["repeated_answer"] == summary["q2"]["flags"]["repeated_answer"] == len(plan["same"])
    assert [item["index"] for item in series["unchanged"]] == [second[i]["index"] for i in plan["same"]]
    moved = [second[i]["index"] for i in range(plan["rows"]) if first[i]["label"] == "in_progress" and second[i]["label"] == "done"]
    assert second[plan["finished"]]["label"] == "done" and second[plan["finished"]]["index"] in moved  # the test can fail
    assert [item["index"] for item in series["done_after_in_progress"]] == moved
    assert summary["q1"]["series"]["periods"] == series["periods"][:1] and summary["q1"]["series"]["unchanged"] == []
    assert summary["q1"]["flags"]["repeated_answer"] == 0


def test_series_section_on_the_page(audited: tuple[Path, dict[str, Any], Any]) -> None:
    folder, plan, _ = audited
    tree = parse((folder / "out" / "q2.html").read_text(encoding="utf-8"))
    (section,) = [node for node in tree.find_all("section") if "series" in node.classes]
    assert "I квартал 2019 року, II квартал 2019 року" in section.text()
    chart = section.find_all("svg", "series-chart")[0]
    assert [text.text() for text in chart.find_all("text", "bar-name")] == ["I квартал 2019 року", "II квартал 2019 року"]
    assert len(section.find_all("ol", "unchanged")[0].find_all("li")) == len(plan["same"])
    assert len(section.find_all("ol", "done-after")[0].find_all("li")) >= 1
    flags = [" ".join(sorted(set((node.attrs.get("data-flags") or "").split()))) for node in tree.find_all("tr", "measure")]
    assert [i for i, codes in enumerate(flags) if "repeated_answer" in codes] == plan["same"]
    first_page = parse((folder / "out" / "q1.html").read_text(encoding="utf-8"))
    assert "перший звітний період" in [node for node in first_page.find_all("section") if "series" in node.classes][0].text()


def test_series_in_parallel_and_under_a_given_name(audited: tuple[Path, dict[str, Any], Any], tmp_path: Path) -> None:
    folder, plan, _ = audited
    luhansk = DMS.parent / "luhansk_housing_2019_q3.txt"
    result = CliRunner().invoke(app, ["audit", str(folder / "q1.txt"), str(luhansk), str(folder / "q2.txt"), "-o", str(tmp_path),
                                      "--jobs", "2", "--series", "ДМС"])  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    # all three under the name, in the order of their periods: Luhansk's III quarter comes last
    assert [p["report"] for p in summary["luhansk_housing_2019_q3"]["series"]["periods"]] == ["q1", "q2", "luhansk_housing_2019_q3"]
    assert summary["q2"]["series"]["name"] == "ДМС"
    assert flagged(jsonl(tmp_path / "q2.jsonl")) == plan["same"]
    assert flagged(jsonl(tmp_path / "luhansk_housing_2019_q3.jsonl")) == []  # another body's answers are not copies
