"""The audit page: one self-contained HTML file an auditor opens offline, filters and prints.

`render_html` lays out the report's facts, a summary (label shares as an inline SVG bar
chart, flags per section as a table), then every row: its measure, deadline and status with
the extracted dates, document references and counts marked inside the text, its label and
confidence, its flags and the features that drove the label. Inline JS filters rows by label
and by flag; the CSS and JS live in ``acnlp/data/audit_report.css`` / ``audit_report.js``.

The auditor reviews labels on the page: each row has a drop-down of the four labels and a note
field, and «Зберегти правки» downloads the reviewed rows as ``NAME.corrections.jsonl``, one
JSON object a line (`CORRECTION_KEYS`), which ``acnlp train`` reads as annotated cells. The
script reads what a correction needs from the row's ``data-*`` attributes (escaped like every
other value) and builds the file with `JSON.stringify`: report text never becomes markup.

The status shows as normalised, since the spans index that string; when normalising stripped
markup, the text as the report wrote it follows, so the auditor still sees what was said.

Report text is untrusted. Every value passes through `html.escape` (``quote=True``) on its
own, and highlights slice the raw status by the spans first and escape each slice, so a span
can never cut an entity or a tag. As a second line of defence the page's
Content-Security-Policy lets run only the one script and stylesheet it ships (by hash): an
inline handler that slipped through would still not run. Nothing is loaded from outside.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import groupby, pairwise
from typing import Any, Optional

from ..corpus.schema import LABELS
from ..normalize import normalize, strip_markup
from ..report import Source
from .explanations import said_features
from .flags import flag_texts
from .sections import row_parts, section_parts
from .series import label_shares

LABEL_NAMES: dict[str, str] = {"done": "виконано", "in_progress": "виконується", "not_applicable": "не стосується", "boilerplate": "шаблонна відповідь"}
#: Empty answers stay `boilerplate` (with the `empty` flag), but the page shows them on their own.
NO_ANSWER = "no_answer"
GROUP_NAMES: dict[str, str] = {**LABEL_NAMES, NO_ANSWER: "без відповіді"}
GROUPS = (*LABELS, NO_ANSWER)
#: Flag code → its short Ukrainian name, from the flag catalogue (``acnlp/data/flags.json``).
FLAG_NAMES: dict[str, str] = {code: texts["name"] for code, texts in flag_texts().items()}
#: Mark kind → (row key, Ukrainian name). A reference comes first: it holds its date.
MARKS: dict[str, tuple[str, str]] = {"order": ("orders", "документ"), "date": ("dates", "дата"), "count": ("counts", "кількість"), "percent": ("percents", "відсоток")}
RANK = {kind: rank for rank, kind in enumerate(MARKS)}
TOP_FEATURES = 5
COLUMNS = ("№", "Захід", "Строк", "Стан виконання", "Мітка", "Зауваги", "Ознаки")
#: The class of each column's cells; the stylesheet gives each column its share of the width.
COLUMN_CLASSES = ("num", "measure-text", "deadline", "status", "label", "flags", "features")
#: The keys of each line of the page's corrections file, in order (the contract with
#: `acnlp.corpus.importers`): the report's name, the row's source, its status and measure as the
#: report wrote them, the model's label, the reviewer's label and note ("" when none).
CORRECTION_KEYS = ("report", "source", "status", "measure", "label", "label_reviewed", "review_note")


def esc(value: Any) -> str:
    """Text for HTML content or a quoted attribute; None is empty.

    >>> esc('<img src=x onerror="a()">')
    '&lt;img src=x onerror=&quot;a()&quot;&gt;'
    """
    return "" if value is None else html.escape(str(value), quote=True)


def exact_attribute(value: Any) -> str:
    r"""Text for a quoted attribute that the browser gives back unchanged: a carriage return
    would reach the script as a line feed (HTML folds line ends before it reads attributes), so
    it goes as a character reference.

    >>> exact_attribute('a\r\n"b"')
    'a&#13;\n&quot;b&quot;'
    """
    return esc(value).replace("\r", "&#13;")


def answer_group(row: Mapping[str, Any]) -> str:
    """The group a row is shown and filtered under: its label, or `NO_ANSWER` for an empty answer.

    >>> answer_group({"label": "boilerplate", "flags": [{"code": "empty"}]}), answer_group({"label": "boilerplate", "flags": []})
    ('no_answer', 'boilerplate')
    """
    label = str(row.get("label") or "")
    empty = any(flag.get("code") == "empty" for flag in row.get("flags") or [])
    return NO_ANSWER if label == "boilerplate" and empty else label


def group_counts(summary: Mapping[str, Any]) -> dict[str, int]:
    """The summary's label counts with the empty answers taken out of `boilerplate`.

    >>> group_counts({"labels": {"done": 2, "boilerplate": 5}, "no_answer": 3})
    {'done': 2, 'boilerplate': 2, 'no_answer': 3}
    """
    counts = dict(summary.get("labels") or {})
    no_answer = int(summary.get("no_answer") or 0)
    if "boilerplate" in counts:
        counts["boilerplate"] -= no_answer
    return {**counts, NO_ANSWER: no_answer}


#: A form's blanks («________», and what is left of one when a name was typed over it: «__»).
FORM_BLANKS = re.compile(r"\s*_{2,}\s*")


def clean_title(title: str) -> str:
    """A report's title without the blanks of the form it was typed into.

    >>> clean_title("ЗВІТ ____________ за ІІІ квартал 2019 року")
    'ЗВІТ за ІІІ квартал 2019 року'
    >>> clean_title("Департамент житлово-комунального господарства__ (найменування підрозділу)")
    'Департамент житлово-комунального господарства (найменування підрозділу)'
    """
    return FORM_BLANKS.sub(" ", title).strip()


def file_name(path: Any) -> str:
    r"""The input's file name (the page may travel; the folder it came from is not the auditor's business).

    >>> file_name("/home/a/звіти/dms.docx"), file_name(r"C:\звіти\dms.docx")
    ('dms.docx', 'dms.docx')
    """
    return str(path or "").replace("\\", "/").rsplit("/", 1)[-1]


#: What a class-name token may not hold.
NOT_TOKEN = re.compile(r"[^a-z0-9_-]")


def token(value: Any) -> str:
    """A class-name-safe token of a label or flag code (data never writes a raw class name).

    >>> token("in_progress"), token('x" onclick="a()'), token(None)
    ('in_progress', 'xonclicka', 'other')
    """
    return _token(str(value or ""))


# Every row asks for the tokens of its label, flags and marks, which are few: each is made once.
@lru_cache(maxsize=1024)
def _token(text: str) -> str:
    return NOT_TOKEN.sub("", text.lower()) or "other"


def percent(part: float, whole: float = 1) -> str:
    return f"{round(100 * part / whole)} %" if whole else "0 %"


@cache
def _asset(name: str) -> str:
    return resources.files("acnlp.data").joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class Span:
    """One mark to draw over ``text[start:end]``; ``title`` is its tooltip (the parsed value)."""

    start: int
    end: int
    kind: str
    title: str = ""


def _mark_title(kind: str, item: Mapping[str, Any]) -> str:
    if kind == "order":
        parts = [item.get("type") or "документ", item.get("issuer"), f"№ {item['number']}" if item.get("number") else None,
                 f"від {item['date']}" if item.get("date") else None, item.get("title")]  # fmt: skip
        return " ".join(str(part) for part in parts if part)
    if kind == "date":
        return f"{item.get('value')} – {item['until']}" if item.get("until") else str(item.get("value", ""))
    if kind == "count":
        return f"{item.get('value')} × {item.get('noun', '')}"
    value = item.get("value")
    return f"{value:g} %" if isinstance(value, (int, float)) else f"{value} %"


def row_spans(row: Mapping[str, Any], text: str) -> list[Span]:
    """The marks of a row over its normalised status; a span that does not fit is dropped."""
    spans: dict[tuple[int, int, str], Span] = {}
    for kind, (key, _) in MARKS.items():
        for item in row.get(key) or []:
            start, end = item.get("start"), item.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                continue
            # A span whose text disagrees was computed on another string: marking it would mislead.
            if item.get("text") is not None and text[start:end] != item["text"]:
                continue
            spans.setdefault((start, end, kind), Span(start, end, kind, _mark_title(kind, item)))
    return list(spans.values())


def highlight(text: str, spans: Iterable[Span]) -> str:
    """``text`` escaped, with ``<mark class="KIND">`` around each span, always well nested.

    The text is cut at every span edge and each piece escaped; at each piece the marks that
    cover it are opened outermost first (earlier start, then longer, then a reference before
    a date). A span crossing another's edge is closed and reopened, so the tags never cross.

    >>> highlight("наказ від 01.02.2019 <№ 5>", [Span(0, 26, "order"), Span(10, 20, "date")])
    '<mark class="order">наказ від <mark class="date">01.02.2019</mark> &lt;№ 5&gt;</mark>'
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, RANK.get(s.kind, len(RANK))))
    cuts = sorted({0, len(text), *(s.start for s in ordered), *(s.end for s in ordered)})
    out: list[str] = []
    stack: list[Span] = []
    active: list[Span] = []  # the spans covering the piece, in `ordered` order
    following = 0  # the first span of `ordered` not yet opened
    # One sweep over the cuts: each piece looks only at the spans open over it, so a cell of
    # thousands of marks costs in proportion to them, not to their square.
    for start, end in pairwise(cuts):
        active = [s for s in active if s.end > start]
        while following < len(ordered) and ordered[following].start <= start:
            active.append(ordered[following])
            following += 1
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        out.extend(f'<mark class="{token(s.kind)}"' + (f' title="{esc(s.title)}">' if s.title else ">") for s in active[keep:])
        stack = active
        out.append(esc(text[start:end]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _header(report: Mapping[str, Any]) -> str:
    facts = [("Файл", f"<code>{esc(file_name(report.get('path')))}</code>"), ("Кінець звітного періоду", esc(report.get("period_end") or "не визначено")),
             ("Модель", esc(report.get("model"))), ("Створено", esc(report.get("generated")))]  # fmt: skip
    items = "".join(f"<div><dt>{name}</dt><dd>{value}</dd></div>" for name, value in facts)
    return (f'<header><p class="kicker">Аудит антикорупційної програми · acnlp · <code>{esc(report.get("name"))}</code></p>'
            f"<h1>{esc(clean_title(report.get('title') or '') or report.get('name'))}</h1><dl class=\"meta\">{items}</dl></header>")  # fmt: skip


def _label_chart(labels: Mapping[str, int], total: int) -> str:
    """Label shares as an inline SVG bar chart (it prints, unlike CSS backgrounds); ``labels``
    as `group_counts` gives them, so empty answers have their own bar."""
    names = [*GROUPS, *(label for label in labels if label not in GROUPS)]
    line, bar_x, bar_w = 28, 190, 300
    height = line * len(names)
    out = [f'<svg class="bars" viewBox="0 0 600 {height}" width="600" height="{height}" role="img" aria-label="Частки міток">']
    for i, label in enumerate(names):
        count, y = labels.get(label, 0), i * line
        width = round(bar_w * count / total, 1) if total else 0
        out.append(f'<text x="0" y="{y + 19}" class="bar-name">{esc(GROUP_NAMES.get(label, label))}</text>'
                   f'<rect x="{bar_x}" y="{y + 5}" width="{bar_w}" height="18" rx="3" class="bar-track"></rect>'
                   f'<rect x="{bar_x}" y="{y + 5}" width="{width}" height="18" rx="3" class="bar label-{token(label)}"></rect>'
                   f'<text x="{bar_x + bar_w + 10}" y="{y + 19}" class="bar-value">{count} · {percent(count, total)}</text>')  # fmt: skip
    return "".join(out) + "</svg>"


def _flags_table(summary: Mapping[str, Any], explanations: Mapping[str, str], headings: Sequence[str] = ()) -> str:
    codes = [code for code, count in (summary.get("flags") or {}).items() if count]
    if not codes:
        return '<p class="muted">Зауважень немає.</p>'
    head = "".join(f'<th scope="col" title="{esc(explanations.get(code, ""))}">{esc(FLAG_NAMES.get(code, code))}</th>' for code in codes)

    def line(name: str, figures: Mapping[str, Any], cell: str = "td") -> str:
        flags = figures.get("flags") or {}
        counts = "".join(f'<td class="n{" zero" if not flags.get(code) else ""}">{esc(flags.get(code, 0))}</td>' for code in codes)
        return (f'<tr><{cell} scope="row">{esc(name)}</{cell}><td class="n">{esc(figures.get("rows", 0))}</td>'
                f'<td class="n">{percent(figures.get("verifiable_share") or 0)}</td>{counts}</tr>')  # fmt: skip

    sections = summary.get("sections") or []
    body, shown_part = [], None
    for part, section in zip(section_parts([s.get("section") for s in sections], headings), sections):
        if part is not None and part != shown_part:
            body.append(f'<tr class="part"><th colspan="{3 + len(codes)}" scope="rowgroup">{esc(part)}</th></tr>')
        shown_part = part
        body.append(line(section.get("section") or "(без розділу)", section, "th"))
    return (f'<table class="flag-table"><thead><tr><th scope="col">Розділ</th><th scope="col">Заходів</th>'
            f'<th scope="col" title="Є дата, документ чи кількість">Перевірюваних</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody><tfoot>{line("Усього", summary, "th")}</tfoot></table>')  # fmt: skip


def _summary(summary: Mapping[str, Any], explanations: Mapping[str, str], headings: Sequence[str]) -> str:
    total = summary.get("rows") or 0
    return (f'<section class="summary" aria-label="Підсумок"><p class="lead"><strong>{esc(total)}</strong> заходів; '
            f'<strong>{percent(summary.get("verifiable_share") or 0)}</strong> відповідей можна перевірити (є дата, документ чи кількість).</p>'
            f'<div class="panels"><figure><figcaption>Мітки відповідей</figcaption>{_label_chart(group_counts(summary), total)}</figure>'
            f'<figure><figcaption>Зауваги за розділами</figcaption>{_flags_table(summary, explanations, headings)}</figure></div>'
            '<p class="legend">У тексті: ' + " ".join(f'<mark class="{kind} sample">{name}</mark>' for kind, (_, name) in MARKS.items()) + "</p>"
            f"{_series(summary.get('series'))}</section>")  # fmt: skip


def _period_name(period: Mapping[str, Any]) -> str:
    return str(period.get("period") or period.get("period_end") or period.get("report") or "")


def _series_chart(periods: Sequence[Mapping[str, Any]]) -> str:
    """Label shares per period as stacked inline-SVG bars, one a period, earliest on top, with
    each period's rows and repeated answers beside its bar and the labels' legend under them."""
    line, bar_x, bar_w, width = 30, 200, 300, 720
    height = line * len(periods) + 24
    out = [f'<svg class="bars series-chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="Частки міток за періодами">']
    for i, (period, shares) in enumerate(zip(periods, label_shares(periods))):
        y, x = i * line, float(bar_x)
        out.append(f'<text x="0" y="{y + 19}" class="bar-name">{esc(_period_name(period))}</text>')
        for label in GROUPS:
            part = round(bar_w * shares.get(label, 0.0), 1)
            if part:
                out.append(f'<rect x="{x:.1f}" y="{y + 5}" width="{part}" height="20" class="bar label-{token(label)}">'
                           f"<title>{esc(GROUP_NAMES[label])}: {percent(shares[label])}</title></rect>")  # fmt: skip
            x += part
        repeated = f" · як раніше: {esc(period.get('repeated_answer'))}" if i else ""
        out.append(f'<text x="{bar_x + bar_w + 8}" y="{y + 19}" class="bar-value">{esc(period.get("rows"))} рядків{repeated}</text>')
    x, legend_y = 0, line * len(periods) + 16
    for label in GROUPS:  # about 7 px a letter at 12 px
        out.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" class="bar label-{token(label)}"></rect>'
                   f'<text x="{x + 14}" y="{legend_y}" class="legend-name">{esc(GROUP_NAMES[label])}</text>')  # fmt: skip
        x += 14 + 7 * len(GROUP_NAMES[label]) + 16
    return "".join(out) + "</svg>"


def _measure_item(item: Mapping[str, Any], extra: str = "") -> str:
    return f'<li><span class="num">{esc(item.get("number"))}</span> {esc(item.get("measure"))}{extra}</li>'


def _series(series: Optional[Mapping[str, Any]]) -> str:
    """The series section: label shares per period, the measures whose answers never changed,
    and those that went from `in_progress` to `done`. Empty for a report of no series."""
    if not series or not series.get("periods"):
        return ""
    periods = series["periods"]
    unchanged = series.get("unchanged") or []
    done = series.get("done_after_in_progress") or []
    if len(periods) < 2:
        return (f'<section class="series" aria-label="Порівняння періодів"><h2>Порівняння періодів</h2>'
                f'<p class="muted">Це перший звітний період серії «{esc(series.get("name"))}»: порівнювати ще нема з чим.</p></section>')  # fmt: skip
    names = ", ".join(esc(_period_name(period)) for period in periods)
    moved = "".join(_measure_item(item, f' <span class="muted">({esc(item.get("from_period") or item.get("from"))} → {esc(item.get("to_period") or item.get("to"))})</span>') for item in done)
    return (f'<section class="series" aria-label="Порівняння періодів"><h2>Порівняння періодів</h2>'
            f'<p class="lead">Серія «{esc(series.get("name"))}», періодів: {len(periods)} ({names}).</p>'
            f'<div class="panels"><figure><figcaption>Мітки за періодами</figcaption>{_series_chart(periods)}</figure>'
            f'<div class="series-lists"><h3>Відповіді не змінювалися жодного разу <span class="n">{len(unchanged)}</span></h3>'
            + (f'<ol class="unchanged">{"".join(_measure_item(item) for item in unchanged)}</ol>' if unchanged else '<p class="muted">Таких заходів немає.</p>')
            + f'<h3>Стали виконаними (виконується → виконано) <span class="n">{len(done)}</span></h3>'
            + (f'<ol class="done-after">{moved}</ol>' if done else '<p class="muted">Таких заходів немає.</p>')
            + "</div></div></section>")  # fmt: skip


def _checkbox(kind: str, value: str, caption: str, count: int, badge: str) -> str:
    return (f'<label class="chip"><input type="checkbox" data-filter="{kind}" value="{esc(value)}"> '
            f'<span class="{badge}">{esc(caption)}</span> <span class="n">{count}</span></label>')  # fmt: skip


def _filters(summary: Mapping[str, Any]) -> str:
    """Checkboxes: none ticked shows all; ticked ones show only their labels (or flags). Hidden until the JS runs.

    The counts are the summary's, so the filters stand above the rows without holding them."""
    labels = group_counts(summary)
    flags = {str(code): int(count) for code, count in (summary.get("flags") or {}).items()}
    label_boxes = "".join(_checkbox("label", label, GROUP_NAMES.get(label, label), labels[label], f"badge label-{token(label)}")
                          for label in [*GROUPS, *(label for label in labels if label not in GROUPS)] if labels.get(label))  # fmt: skip
    flag_boxes = "".join(_checkbox("flag", code, FLAG_NAMES.get(code, code), flags[code], "flag-name")
                         for code in [*FLAG_NAMES, *(code for code in flags if code not in FLAG_NAMES)] if flags.get(code))  # fmt: skip
    flag_boxes = flag_boxes or '<span class="muted">немає</span>'
    total = summary.get("rows") or 0
    return (f'<nav class="filters" id="filters" aria-label="Фільтри" hidden><fieldset><legend>Мітка</legend>{label_boxes}</fieldset>'
            f'<fieldset><legend>Зауваги</legend>{flag_boxes}</fieldset>'
            f'<p class="shown">Показано <output id="shown">{total}</output> з {total} '
            '<button type="button" id="reset">Показати всі</button></p>'
            '<p class="review-bar"><button type="button" id="save-reviews">Зберегти правки</button> '
            'Незбережених правок: <output id="unsaved">0</output> <span id="saved" role="status"></span></p></nav>')  # fmt: skip


#: Word's formatting debris («<p>», «<br>», «&nbsp;»): stripping it hides nothing from a reader.
FORMATTING = re.compile(r"</?(?:p|br|b|i|u|em|strong|span|div|sup|sub|font)\b[^<>]*>|&nbsp;|&#160;", re.IGNORECASE)


def _hides_something(raw: str) -> bool:
    """Whether normalising the status dropped or decoded more than formatting debris (a
    «<script>», an «<img …>», an escaped «&lt;»): then the page shows the text as written too.

    >>> _hides_something("декларацій;</p><p>- контроль"), _hides_something("<img src=x onerror=alert(1)>")
    (False, True)
    """
    plain = FORMATTING.sub(" ", raw)
    return strip_markup(plain) != plain


def _status_cell(row: Mapping[str, Any]) -> str:
    raw = row.get("status") or ""
    text = row.get("status_normalized")
    text = normalize(raw) if text is None else text
    marked = highlight(text, row_spans(row, text)) if text else '<span class="muted">(порожньо)</span>'
    # Normalising strips markup; an auditor must still see what the report really said.
    original = f'<div class="raw"><span class="muted">Як у звіті:</span> {esc(raw)}</div>' if _hides_something(raw) else ""
    return f'<td class="status"><div class="text">{marked}</div>{original}</td>'


def _label_cell(row: Mapping[str, Any]) -> str:
    label = row.get("label")
    if not label:
        return f'<td class="label"><span class="badge label-error">помилка</span><div class="error">{esc(row.get("error"))}</div></td>'
    scores = ", ".join(f"{name}: {value:.2f}" for name, value in (row.get("scores") or {}).items() if isinstance(value, (int, float)))
    confidence = row.get("confidence")
    conf = f'<span class="conf" title="{esc(scores)}">{percent(confidence)}</span>' if isinstance(confidence, (int, float)) else ""
    group = answer_group(row)
    if group != label:  # an empty answer: "no answer" first, the model's label (still `boilerplate`) under it
        return (f'<td class="label"><span class="badge label-{token(group)}">{esc(GROUP_NAMES.get(group, group))}</span>'
                f'<div class="muted model-label">мітка: {esc(LABEL_NAMES.get(label, label))} {conf}</div>{_review(label)}</td>')  # fmt: skip
    return f'<td class="label"><span class="badge label-{token(group)}">{esc(GROUP_NAMES.get(group, group))}</span> {conf}{_review(label)}</td>'


def row_source(row: Mapping[str, Any]) -> str:
    """Where the row stands in its report, as `acnlp.report.Source` says it, with the file's name only.

    >>> row_source({"file": "/звіти/dms.txt", "lines": [12, 14], "index": 3})
    'dms.txt, lines 12, 14'
    >>> row_source({"index": 3})
    'row 3'
    """
    if not row.get("file"):
        return f"row {row.get('index')}"
    lines, tables, pages = (tuple(row.get(key) or ()) for key in ("lines", "tables", "pages"))
    return Source(file_name(row["file"]), row.get("table"), lines, tables, pages).describe()


# The same few blocks on every row (one per model label): each is made once.
@lru_cache(maxsize=16)
def _review(label: str) -> str:
    """The reviewer's drop-down for a row the model labelled ``label`` («—» until a label is
    chosen, so choosing the model's own label confirms it) and note (enabled once a label is
    chosen: a note is saved with its label). Hidden until the script runs, as without it they
    would do nothing."""
    options = "".join(f'<option value="{name}">{esc(LABEL_NAMES[name])}{" (модель)" if name == label else ""}</option>' for name in LABELS)
    return (f'<div class="review" hidden><label class="reviewed">Перевірено: <select data-review aria-label="Мітка після перевірки">'
            f'<option value="">—</option>{options}</select></label>'
            '<input type="text" data-note placeholder="примітка" aria-label="Примітка до мітки" maxlength="2000" disabled></div>')  # fmt: skip


def _flags_cell(row: Mapping[str, Any]) -> str:
    items = "".join(_flag_item(flag.get("code"), flag.get("en"), flag.get("uk")) for flag in row.get("flags") or [])
    return f'<td class="flags"><ul>{items}</ul>{_earlier(row)}</td>' if items else f'<td class="flags">{_earlier(row)}</td>'


# A flag's texts come from the catalogue, so the rows repeat a few items: each is made once.
@lru_cache(maxsize=1024)
def _flag_item(code: Optional[str], en: Optional[str], uk: Optional[str]) -> str:
    # The short name matches the filter boxes; the English reason is the tooltip.
    return (f'<li class="flag flag-{token(code)}" title="{esc(en)}"><strong>{esc(FLAG_NAMES.get(code, code))}</strong> '
            f'<span class="why">{esc(uk)}</span></li>')  # fmt: skip


def _earlier(row: Mapping[str, Any]) -> str:
    """The same measure in the latest earlier period of a series: its label, and whether the answer is the same."""
    links = row.get("series") or []
    if not links:
        return ""
    link = links[0]
    same = "та сама відповідь" if link.get("same_answer") else f"відповідь інша (схожість {percent(link.get('answer_similarity') or 0)})"
    return (f'<div class="earlier">Раніше ({esc(link.get("period") or link.get("report"))}): '
            f'{esc(LABEL_NAMES.get(link.get("label"), link.get("label") or "—"))}; {same}</div>')  # fmt: skip


def _features_cell(row: Mapping[str, Any]) -> str:
    items = []
    for item in said_features(row.get("features"), TOP_FEATURES):
        weight = item.get("weight")
        shown = f"{weight:+.2f}" if isinstance(weight, (int, float)) else esc(weight)
        items.append(f'{_feature_said(item.get("feature"), item["words"])} <span class="w">{shown}</span></li>')
    return f'<td class="features"><ol>{"".join(items)}</ol></td>' if items else '<td class="features"></td>'


# The model's features are far fewer than the rows that show them: each is escaped once.
@lru_cache(maxsize=4096)
def _feature_said(feature: Optional[str], words: str) -> str:
    """A feature's list item up to its weight: in words, the feature's own name in the tooltip,
    for whoever retrains the model."""
    return f'<li title="{esc(feature)}">{esc(words)}'


def _row(row: Mapping[str, Any]) -> str:
    codes = " ".join(esc(flag.get("code")) for flag in row.get("flags") or [])
    number = " ".join(str(part) for part in (row.get("number"), row.get("sub_number")) if part)
    responsible = f'<div class="who">Відповідальні: {esc(row["responsible"])}</div>' if row.get("responsible") else ""
    due = (row.get("deadline_parsed") or {}).get("due")
    due_line = f'<div class="due">до {esc(due)}</div>' if due else ""
    # What a correction carries, for the script to read (an error row has no label to review).
    review = (f' data-model-label="{esc(row["label"])}" data-source="{esc(row_source(row))}" data-status="{exact_attribute(row.get("status"))}"'
              f' data-measure="{exact_attribute(row.get("measure"))}"') if row.get("label") else ""  # fmt: skip
    return (f'<tr class="measure" id="row-{esc(row.get("index"))}" data-label="{esc(answer_group(row))}" data-flags="{codes}"{review}>'
            f'<td class="num">{esc(number)}</td><td class="measure-text"><div class="text">{esc(row.get("measure"))}</div>{responsible}</td>'
            f'<td class="deadline">{esc(row.get("deadline"))}{due_line}</td>{_status_cell(row)}{_label_cell(row)}'
            f"{_flags_cell(row)}{_features_cell(row)}</tr>")  # fmt: skip


def _table(rows: Iterable[Mapping[str, Any]], headings: Sequence[str], parts: Optional[Iterable[Optional[str]]] = None) -> Iterator[str]:
    # Fixed layout: the columns keep their shares at any width and long words wrap inside them,
    # so no column is pushed off a narrow screen.
    yield ('<table class="rows"><colgroup>' + "".join(f'<col class="{name}">' for name in COLUMN_CLASSES) + "</colgroup><thead><tr>"
           + "".join(f'<th scope="col">{name}</th>' for name in COLUMNS) + "</tr></thead>")  # fmt: skip
    if parts is None:  # the parts need the whole report; a caller streaming rows gives them
        rows = list(rows)
        parts = row_parts(rows, headings)
    # One tbody per run of rows under the same heading, so the JS can hide a heading left empty;
    # a part's heading (the report's second table) gets a tbody of its own, always shown.
    shown_part, any_rows = None, False
    for (part, section), group in groupby(zip(parts, rows), key=lambda pair: (pair[0], pair[1].get("section"))):
        if part is not None and part != shown_part:
            yield f'<tbody class="part"><tr class="part-head"><th colspan="{len(COLUMNS)}" scope="rowgroup">{esc(part)}</th></tr></tbody>'
        shown_part, any_rows = part, True
        yield '<tbody class="section">'
        if section:
            yield f'<tr class="section-head"><th colspan="{len(COLUMNS)}" scope="rowgroup">{esc(section)}</th></tr>'
        yield from (_row(row) for _, row in group)
        yield "</tbody>"
    yield "</table>" if any_rows else '</table><p class="muted">У звіті немає рядків.</p>'


def render_html(report: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], summary: Mapping[str, Any]) -> str:
    """The whole audit page of one report as a string (UTF-8 when written)."""
    return "".join(page_chunks(report, rows, summary))


def page_chunks(
    report: Mapping[str, Any], rows: Iterable[Mapping[str, Any]], summary: Mapping[str, Any], parts: Optional[Iterable[Optional[str]]] = None
) -> Iterator[str]:
    """The audit page in pieces, to be written one after the other: `render_html` joined.

    ``rows`` is read once, in order, as the pieces are taken, so a report of any size is
    written holding one row at a time. Everything above the rows comes from ``report`` and
    ``summary``. ``parts`` gives each row's part (`acnlp.audit.sections.row_parts`, which
    needs the whole report's sections): without it, ``rows`` is read into a list first.
    """
    css, js = _asset("audit_report.css"), _asset("audit_report.js")
    csp = f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(js)}; base-uri 'none'; form-action 'none'"
    # every flag's reason, not only those of the rows (they come after the summary that shows them)
    explanations = {code: texts.get("uk", "") for code, texts in flag_texts().items()}
    title = report.get("title") or report.get("name") or ""
    headings = [str(heading) for heading in report.get("sections") or []]
    head = [
        '<!DOCTYPE html>', '<html lang="uk">', '<head>', '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="referrer" content="no-referrer">',
        f"<title>Аудит: {esc(clean_title(title))}</title>", f"<style>{css}</style>", "</head>", f'<body data-report="{esc(report.get("name") or "")}">',
        _header(report), _summary(summary, explanations, headings), _filters(summary),
    ]  # fmt: skip
    for piece in head:
        yield piece + "\n"
    for piece in _table(rows, headings, parts):
        yield piece + "\n"
    yield f"<script>{js}</script>\n</body>\n</html>\n"
