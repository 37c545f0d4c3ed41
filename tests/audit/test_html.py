"""The audit page without a browser: report text escaped everywhere, highlights exact and well nested, nothing external.

The page is parsed back with `html.parser` into a strict tree (a closing tag must close the
element last opened), so a crossed ``<mark>`` or a payload that became a tag shows up as a
structure, not as a substring that happens to be absent.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acnlp import read_report
from acnlp.audit.html import Span, answer_group, highlight, render_html, row_spans
from acnlp.audit.summary import summarize
from acnlp.extract import extract

from .conftest import FEATURE_WORDS, IMG_STATUS, SCRIPT_STATUS, RowBuilder, Sample

VOID = frozenset({"meta", "input", "br", "hr", "img", "link", "wbr", "col", "source"})


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def walk(self) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                found += [child, *child.walk()]
        return found

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [node for node in self.walk() if node.tag == tag and (cls is None or cls in node.classes)]


class StrictTree(HTMLParser):
    """Builds a `Node` tree and fails on any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(markup: str) -> Node:
    tree = StrictTree()
    tree.feed(markup)
    tree.close()
    assert tree.stack == [tree.root], f"unclosed: {[node.tag for node in tree.stack[1:]]}"
    return tree.root


def page(sample: Sample) -> tuple[str, Node]:
    markup = render_html(*sample)
    return markup, parse(markup)


def measure_rows(tree: Node) -> list[Node]:
    return tree.find_all("tr", "measure")


def test_html_escapes_hostile_cells(audit_sample: Sample) -> None:
    markup, tree = page(audit_sample)
    assert "<script>alert" not in markup and "<img" not in markup and "<b>" not in markup
    assert markup.count("<script>") == 1  # the page's own filter script, and nothing from data
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in markup
    assert [node.tag for node in tree.walk() if node.tag in ("img", "b", "iframe", "object")] == []
    statuses = [row.find_all("td", "status")[0].text() for row in measure_rows(tree)]
    assert SCRIPT_STATUS in statuses[6] and IMG_STATUS in statuses[7]
    assert tree.find_all("h1")[0].text().endswith("<b>&amp;</b>")  # the title, shown as written
    assert tree.find_all("tr", "section-head")[2].text() == "III. Навчання <персоналу> & «інше»"


def test_html_escapes_attribute_values(audit_sample: Sample, row_builder: RowBuilder) -> None:
    report, rows, summary = audit_sample
    sneaky = '" onmouseover="window.__xss=1" x="'
    row = row_builder(10, "Виконано", "done", flags=("vague",))
    row["flags"][0]["en"] = sneaky
    row["features"] = [{"feature": sneaky, "weight": 1.0}]
    row["label"] = 'done" onclick="x'
    rows = [*rows, row]
    tree = parse(render_html(report, rows, summary))
    assert [name for node in tree.walk() for name in node.attrs if name.startswith("on")] == []
    last = measure_rows(tree)[-1]
    assert last.attrs["data-label"] == 'done" onclick="x'
    assert last.find_all("li", "flag")[0].attrs["title"] == sneaky
    assert "badge" in last.find_all("span")[0].classes and "label-doneonclickx" in last.find_all("span")[0].classes


def expected_marks(row: dict[str, Any]) -> list[tuple[str, str]]:
    mentions = [(m["start"], -m["end"], kind, m["text"]) for kind, key in (("order", "orders"), ("date", "dates"), ("count", "counts"), ("percent", "percents"))
                for m in row[key]]  # fmt: skip
    return [(kind, text) for _, _, kind, text in sorted(mentions)]


def found_marks(row: Node) -> list[tuple[str, str]]:
    status = row.find_all("td", "status")[0].find_all("div", "text")[0]
    return [(" ".join(sorted(mark.classes)), mark.text()) for mark in status.find_all("mark")]


def test_html_highlights_wrap_exactly_the_span_text(audit_sample: Sample) -> None:
    _, rows, _ = audit_sample
    _, tree = page(audit_sample)
    for row, node in zip(rows, measure_rows(tree), strict=True):
        assert found_marks(node) == expected_marks(row)
        shown = node.find_all("td", "status")[0].find_all("div", "text")[0].text()
        assert shown == (row["status_normalized"] or "(порожньо)")


def test_html_nests_date_marks_inside_order_marks(audit_sample: Sample) -> None:
    _, tree = page(audit_sample)
    orders = [order for cell in tree.find_all("td", "status") for order in cell.find_all("mark", "order")]
    assert [order.text() for order in orders] == ["Наказом ДМС від 26.02.2019 № 29/аг", "протокол від 12.03.2019 № 3"]
    assert [[date.text() for date in order.find_all("mark", "date")] for order in orders] == [["26.02.2019"], ["12.03.2019"]]
    assert orders[0].find_all("mark", "date")[0].attrs["title"] == "2019-02-26"


def test_html_highlight_splits_crossing_spans_and_escapes_pieces() -> None:
    text = 'a<b>"c&d'
    markup = highlight(text, [Span(0, 5, "order"), Span(3, 8, "date")])
    assert markup == '<mark class="order">a&lt;b<mark class="date">&gt;&quot;</mark></mark><mark class="date">c&amp;d</mark>'
    assert parse(markup).text() == text


def covered(markup: str) -> list[frozenset[str]]:
    """For each character of the text under ``markup``, the mark kinds it stands in."""
    kinds: list[frozenset[str]] = []

    class Walker(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.open.append(dict(attrs)["class"] or "")

        def handle_endtag(self, tag: str) -> None:
            self.open.pop()

        def handle_data(self, data: str) -> None:
            kinds.extend(frozenset(self.open) for _ in data)

    walker = Walker()
    walker.feed(markup)
    walker.close()
    return kinds


@st.composite
def texts_with_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(alphabet="аб1 .<>&\"'№/;", max_size=30))
    spans = []
    for _ in range(draw(st.integers(0, 5)) if text else 0):
        start = draw(st.integers(0, len(text) - 1))
        spans.append(Span(start, draw(st.integers(start + 1, len(text))), draw(st.sampled_from(["order", "date", "count", "percent"]))))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(texts_with_spans())
def test_html_highlight_marks_every_span_and_only_them(case: tuple[str, list[Span]]) -> None:
    text, spans = case
    markup = highlight(text, spans)
    assert parse(markup).text() == text  # well nested, and the text unchanged once unescaped
    assert "<" not in re.sub(r"</?mark[^>]*>", "", markup)
    for i, kinds in enumerate(covered(markup)):
        assert kinds == {span.kind for span in spans if span.start <= i < span.end}


def test_html_drops_spans_that_do_not_fit(row_builder: RowBuilder) -> None:
    row = row_builder(1, "Проведено 5 засідань", "done", counts=(("5 засідань", 5),))
    row["dates"] = [{"text": "01.02.2019", "start": 0, "end": 10, "value": "2019-02-01"}, {"text": "x", "start": 18, "end": 99, "value": "?"}]
    assert [(s.kind, s.start, s.end) for s in row_spans(row, row["status_normalized"])] == [("count", 10, 20)]


def test_html_highlights_the_real_extractors_spans(dms_path: Path) -> None:
    report = read_report(dms_path)
    rows = []
    for parsed in report.rows:
        mentions = extract(parsed.status, year=2019)
        rows.append({**parsed.to_dict(), **mentions.as_dict(), "status_normalized": mentions.text, "label": "done", "confidence": 0.9, "flags": []})
    assert sum(len(row["dates"]) + len(row["orders"]) + len(row["counts"]) for row in rows) > 20
    tree = parse(render_html({"name": "dms", "title": report.title, "path": str(dms_path)}, rows, summarize(rows)))
    nodes = measure_rows(tree)
    assert len(nodes) == len(rows)
    for row, node in zip(rows, nodes, strict=True):
        assert found_marks(node) == expected_marks(row)


def test_html_is_self_contained(audit_sample: Sample, row_builder: RowBuilder) -> None:
    markup, tree = page(audit_sample)
    assert "http://" not in markup and "https://" not in markup
    assert [node.tag for node in tree.walk() if {"src", "href", "srcset", "action"} & set(node.attrs)] == []
    assert [node.tag for node in tree.walk() if node.tag in ("link", "iframe", "img", "object", "embed", "base")] == []
    assert "@import" not in markup and "url(" not in markup
    assert [script.attrs for script in tree.find_all("script")] == [{}]  # one inline script, no src
    report, rows, _ = audit_sample
    linked = [*rows, row_builder(10, "Оприлюднено на https://dmsu.gov.ua/anticorruption", "done")]
    tree = parse(render_html(report, linked, summarize(linked)))
    assert "https://dmsu.gov.ua/anticorruption" in measure_rows(tree)[-1].text()  # as text, never a link
    assert tree.find_all("a") == []


def test_html_content_security_policy_admits_only_the_pages_own_assets(audit_sample: Sample) -> None:
    _, tree = page(audit_sample)
    (meta,) = [node for node in tree.find_all("meta") if node.attrs.get("http-equiv") == "Content-Security-Policy"]
    policy = meta.attrs["content"] or ""
    for tag in ("script", "style"):
        body = tree.find_all(tag)[0].text()
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        assert f"{tag}-src 'sha256-{digest}'" in policy
    assert policy.startswith("default-src 'none'") and "unsafe-inline" not in policy


def test_html_renders_every_row_in_order(audit_sample: Sample) -> None:
    _, rows, _ = audit_sample
    _, tree = page(audit_sample)
    nodes = measure_rows(tree)
    assert [node.attrs["id"] for node in nodes] == [f"row-{row['index']}" for row in rows]
    assert [node.attrs["data-label"] for node in nodes] == [answer_group(row) for row in rows]
    assert [node.attrs["data-flags"] for node in nodes] == [" ".join(flag["code"] for flag in row["flags"]) for row in rows]
    assert [node.find_all("td", "measure-text")[0].find_all("div", "text")[0].text() for node in nodes] == [row["measure"] for row in rows]
    assert [head.text() for head in tree.find_all("tr", "section-head")] == list(dict.fromkeys(row["section"] for row in rows))


def test_html_shows_label_confidence_flags_and_top_features(audit_sample: Sample) -> None:
    _, rows, _ = audit_sample
    _, tree = page(audit_sample)
    first, second, *_, sixth, _, _, error, empty = measure_rows(tree)
    assert first.find_all("span", "badge")[0].text() == "виконано" and first.find_all("span", "conf")[0].text() == "90 %"
    assert sixth.find_all("span", "badge")[0].classes == {"badge", "label-in_progress"} and sixth.find_all("span", "conf")[0].text() == "52 %"
    flags = second.find_all("li", "flag")
    assert [flag.attrs["title"] for flag in flags] == [flag["en"] for flag in rows[1]["flags"]]
    assert rows[1]["flags"][0]["uk"] in flags[0].text()
    # the reasons in words, whole (no feature name cut mid-word); the name stays in the tooltip
    reasons = first.find_all("td", "features")[0].find_all("li")
    assert [li.text().rsplit(" ", 1)[0] for li in reasons] == FEATURE_WORDS
    assert [li.attrs["title"] for li in reasons] == [f["feature"] for f in rows[0]["features"][:5]]
    assert error.find_all("span", "badge")[0].text() == "помилка" and "ValueError: <порожній рядок>" in error.text()
    # an empty answer: shown as "no answer", the model's label beside it
    assert empty.find_all("span", "badge")[0].text() == "без відповіді" and "мітка: шаблонна відповідь" in empty.text()
    assert empty.attrs["data-label"] == "no_answer"


def test_html_summary_has_label_bars_and_flags_per_section(audit_sample: Sample) -> None:
    _, rows, summary = audit_sample
    _, tree = page(audit_sample)
    bars = tree.find_all("rect", "bar")
    assert [sorted(bar.classes - {"bar"}) for bar in bars] == [["label-done"], ["label-in_progress"], ["label-not_applicable"], ["label-boilerplate"], ["label-no_answer"]]
    # empty answers have their own bar, taken out of boilerplate's
    labels = summary["labels"]
    shown = [labels["done"], labels["in_progress"], labels["not_applicable"], labels["boilerplate"] - summary["no_answer"], summary["no_answer"]]
    assert summary["no_answer"] == 1 and shown[3] == 3
    assert [float(bar.attrs["width"] or 0) for bar in bars] == [round(300 * n / len(rows), 1) for n in shown]
    names = [text.text() for text in tree.find_all("text", "bar-name")]
    assert names[3:] == ["шаблонна відповідь", "без відповіді"]
    table = tree.find_all("table", "flag-table")[0]
    assert [th.text() for th in table.find_all("tbody")[0].find_all("th")] == [section["section"] for section in summary["sections"]]
    totals = [td.text() for td in table.find_all("tfoot")[0].find_all("td")]
    assert totals[0] == str(len(rows)) and totals[2:] == [str(n) for n in summary["flags"].values() if n]


@pytest.mark.parametrize("period_end", ["2019-12-31", None])
def test_html_shows_the_reports_facts(audit_sample: Sample, period_end: str | None) -> None:
    report, rows, summary = audit_sample
    markup = render_html({**report, "period_end": period_end}, rows, summary)
    tree = parse(markup)
    assert markup.startswith("<!DOCTYPE html>") and tree.find_all("html")[0].attrs["lang"] == "uk"
    assert {"charset": "utf-8"} in [meta.attrs for meta in tree.find_all("meta")]
    facts = tree.find_all("dl", "meta")[0].text()
    for fact in ("dms_2019_annual.txt", period_end or "не визначено", "status-v2", "2026-11-23"):
        assert fact in facts
    assert "corpus/reports" not in markup  # the file's name, never the folder it was read from
    assert tree.find_all("title")[0].text().startswith("Аудит: ЗВІТНА ІНФОРМАЦІЯ")


def test_html_title_without_the_forms_blanks(audit_sample: Sample) -> None:
    report, rows, summary = audit_sample
    title = "ЗВІТ\nпро виконання антикорупційної програми ____________________\n(найменування органу) за ІІІ квартал 2019 року, відділ__ (назва)"
    tree = parse(render_html({**report, "title": title, "path": "/home/auditor/звіти/Звіт КП.docx"}, rows, summary))
    heading = tree.find_all("h1")[0].text()
    assert "_" not in heading and "програми (найменування органу)" in " ".join(heading.split()) and heading.endswith("відділ (назва)")
    assert "_" not in tree.find_all("title")[0].text()
    assert "Звіт КП.docx" in tree.find_all("dl", "meta")[0].text() and "/home/auditor" not in tree.text()


def test_html_sections_of_two_tables_stand_under_their_parts(row_builder: RowBuilder) -> None:
    first, second = "Додаток 1 до Звіту", "Додаток 2 до Антикорупційної програми"
    rows = [row_builder(1, "Виконано.", "done", flags=("no_evidence",), section="1. Управління персоналом"),
            row_builder(2, "Виконано.", "done", flags=("no_evidence",), section="2. Управління фінансами"),
            row_builder(3, "Виконано.", "done", flags=("no_evidence",), section="1. Створення механізму"),
            row_builder(4, "Виконано.", "done", flags=("no_evidence",), section="2. Кадрова політика")]  # fmt: skip
    headings = [first, "1. Управління персоналом", "2. Управління фінансами", second, "1. Створення механізму", "2. Кадрова політика"]
    tree = parse(render_html({"name": "r", "sections": headings}, rows, summarize(rows)))
    heads = [(tr.classes & {"part-head", "section-head"}).pop() + ": " + tr.text() for tr in tree.find_all("tr") if tr.classes & {"part-head", "section-head"}]
    assert heads == [f"part-head: {first}", "section-head: 1. Управління персоналом", "section-head: 2. Управління фінансами",
                     f"part-head: {second}", "section-head: 1. Створення механізму", "section-head: 2. Кадрова політика"]  # fmt: skip
    summary_rows = [tr.text() for tr in tree.find_all("table", "flag-table")[0].find_all("tbody")[0].find_all("tr")]
    assert summary_rows[0] == first and summary_rows[3] == second


def test_html_renders_an_empty_report(audit_sample: Sample) -> None:
    report, _, _ = audit_sample
    tree = parse(render_html(report, [], summarize([])))
    assert measure_rows(tree) == [] and "У звіті немає рядків." in tree.text() and "Зауважень немає." in tree.text()


def test_html_rows_carry_what_a_correction_needs(audit_sample: Sample, row_builder: RowBuilder) -> None:
    report, rows, _ = audit_sample
    windows = row_builder(11, 'Проведено нараду\r\n(протокол № 2) & "інше"', "done", measure="Нарада\r\nщокварталу")
    rows = [*rows, windows]
    tree = parse(render_html(report, rows, summarize(rows)))
    assert tree.find_all("body")[0].attrs["data-report"] == report["name"]
    for row, node in zip(rows, measure_rows(tree), strict=True):
        if row["label"] is None:  # a row that failed has no label to review
            assert "data-status" not in node.attrs and node.find_all("select") == []
            continue
        assert (node.attrs["data-status"], node.attrs["data-measure"], node.attrs["data-model-label"]) == (row["status"], row["measure"], row["label"])
        options = [option.attrs["value"] for option in node.find_all("select")[0].find_all("option")]
        assert options == ["", "done", "in_progress", "not_applicable", "boilerplate"]
    # the browser folds «\r\n» in an attribute to «\n» unless the «\r» comes as a reference
    assert "Проведено нараду&#13;\n(протокол № 2) &amp; &quot;інше&quot;" in render_html(report, rows, summarize(rows))


def test_html_series_section_escapes_and_charts_every_period(audit_sample: Sample) -> None:
    report, rows, summary = audit_sample
    hostile = '<img src=x onerror="window.__xss=1">'
    periods = [{"report": f"q{n}", "period": f"{n} квартал {hostile}", "period_end": f"2019-0{3 * n}-30", "rows": 10,
                "labels": {"done": n, "in_progress": 4 - n, "not_applicable": 1, "boilerplate": 5}, "no_answer": 2, "linked": 10 if n > 1 else 0,
                "repeated_answer": 3 if n > 1 else 0} for n in (1, 2, 3)]  # fmt: skip
    item = {"index": 1, "number": "1", "measure": f"Захід {hostile}"}
    series = {"name": f"ДМС {hostile}", "periods": periods, "unchanged": [item],
              "done_after_in_progress": [{**item, "from": "q2", "from_period": periods[1]["period"], "to": "q3", "to_period": periods[2]["period"]}]}  # fmt: skip
    linked_row = {**rows[0], "series": [{"report": "q2", "period": hostile, "index": 1, "label": "in_progress", "same_answer": False, "answer_similarity": 0.3}]}
    markup = render_html(report, [linked_row, *rows[1:]], {**summary, "series": series})
    tree = parse(markup)
    assert "<img" not in markup and [node for node in tree.walk() if node.tag == "img"] == []
    (section,) = [node for node in tree.find_all("section") if "series" in node.classes]
    assert hostile in section.text() and "періодів: 3" in section.text()
    chart = section.find_all("svg", "series-chart")[0]
    assert [text.text() for text in chart.find_all("text", "bar-name")] == [p["period"] for p in periods]
    # each period's bar: its label shares, the empty answers apart from boilerplate, filling the bar's 300 units
    for n, bar_row in enumerate((1, 2, 3)):
        widths = [float(rect.attrs["width"] or 0) for rect in chart.find_all("rect", "bar") if rect.attrs.get("height") == "20"
                  and rect.attrs["y"] == str(n * 30 + 5)]  # fmt: skip
        assert widths == [round(300 * share, 1) for share in (bar_row / 10, (4 - bar_row) / 10, 0.1, 0.3, 0.2)]
    assert [li.text() for li in section.find_all("ol", "unchanged")[0].find_all("li")] == [f"1 Захід {hostile}"]
    assert hostile in measure_rows(tree)[0].find_all("div", "earlier")[0].text()
    assert render_html(report, rows, summary).count('class="series"') == 0  # no series, no section
