"""Fixtures of the audit page tests: hand-made audited rows, and a headless Chromium.

The rows are written in the voices of the seed reports; their spans are found with
`str.index` on the normalised status, so they are right by construction. Two statuses are
hostile (markup a careless page would run).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from acnlp.audit.flags import explain
from acnlp.audit.summary import summarize
from acnlp.normalize import normalize

SCRIPT_STATUS = "<script>alert(1)</script>"
IMG_STATUS = '<img src=x onerror="window.__xss=1"> Проведено "2 навчання" & нараду'
FEATURES = [{"feature": "lemmas:провести", "weight": 1.2}, {"feature": "cue:dates", "weight": 0.8}, {"feature": "cue:doc_refs", "weight": 0.6},
            {"feature": "lemmas:затвердити", "weight": 0.4}, {"feature": "chars: засід", "weight": 0.3},
            {"feature": "cue:never_shown", "weight": 0.1}]  # fmt: skip
#: `FEATURES` as the page and the files say them (the first five).
FEATURE_WORDS = ["слово «провести»", "дати", "посилання на документи", "слово «затвердити»", "частина слова «засід»"]
SCORES = ("done", "in_progress", "not_applicable", "boilerplate")

Sample = tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any]]
RowBuilder = Callable[..., dict[str, Any]]


def span(text: str, piece: str, **fields: Any) -> dict[str, Any]:
    """A mention of ``piece`` in ``text`` with its span, as the extractors return it."""
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece), **fields}


def build_row(index: int, status: str, label: str | None, *, number: str = "", section: str | None = None, measure: str = "Захід",
              deadline: str = "Протягом 2019 року", responsible: str = "Сектор з питань запобігання корупції", confidence: float = 0.9,
              flags: tuple[str, ...] = (), dates: tuple[tuple[str, str], ...] = (), orders: tuple[tuple[str, str], ...] = (),
              counts: tuple[tuple[str, int], ...] = (), percents: tuple[tuple[str, float], ...] = (), error: str | None = None) -> dict[str, Any]:  # fmt: skip
    """One audited row; ``dates`` are (text, ISO value), ``orders`` (text, number), ``counts`` (text, value)."""
    text = normalize(status)
    rest = (1 - confidence) / 3
    return {
        "index": index, "section": section, "number": number or str(index), "sub_number": "", "measure": measure,
        "deadline": deadline, "responsible": responsible, "status": status, "status_normalized": text,
        "label": label, "confidence": confidence if label else None,
        "scores": {name: round(confidence if name == label else rest, 3) for name in SCORES} if label else {},
        "dates": [span(text, piece, value=value, precision="day", kind="date", until=None) for piece, value in dates],
        "orders": [span(text, piece, type=piece.split()[0].lower(), number=number_, date=None, issuer=None, title=None) for piece, number_ in orders],
        "counts": [span(text, piece, value=value, noun=piece.split()[-1]) for piece, value in counts],
        "percents": [span(text, piece, value=value) for piece, value in percents],
        "deadline_parsed": {"text": deadline, "kind": "year", "due": "2019-12-31", "recurrence": None, "condition": None, "dates": []},
        "flags": explain(list(flags)), "features": FEATURES if label else [], "error": error,
    }  # fmt: skip


def sample_rows() -> list[dict[str, Any]]:
    """Ten rows in three sections: every label, most flags, a nested date in a reference, two
    hostile statuses, a row that failed and an empty answer (label `boilerplate`, flag `empty`)."""
    one, two, three = "I. Оцінка корупційних ризиків", "II. Фінансовий контроль", "III. Навчання <персоналу> & «інше»"
    return [
        build_row(1, "Наказом ДМС від 26.02.2019 № 29/аг затверджено склад комісії. Протягом року проведено 5 засідань комісії.", "done",
                  section=one, measure="Проведення засідань комісії з оцінки корупційних ризиків", deadline="Щокварталу",
                  dates=(("26.02.2019", "2019-02-26"),), orders=(("Наказом ДМС від 26.02.2019 № 29/аг", "29/аг"),), counts=(("5 засідань", 5),)),
        build_row(2, "Виконано.", "done", section=one, measure="Актуалізація переліку посад з високим корупційним ризиком",
                  flags=("vague", "no_evidence")),
        build_row(3, "Здійснюється постійно.", "boilerplate", section=one, measure="Моніторинг виконання антикорупційної програми",
                  deadline="Постійно", flags=("vague", "duplicate_answer")),
        build_row(4, "Здійснюється постійно.", "boilerplate", section=two, measure="Перевірка факту подання декларацій",
                  flags=("vague", "duplicate_answer")),
        build_row(5, "Захід не стосується ДМС, оскільки відсутні підвідомчі державні підприємства.", "not_applicable", section=two,
                  measure="Погодження фінансових планів державних підприємств"),
        build_row(6, "Станом на 01.10.2019 опрацьовано 95 % звернень; роботу продовжено (протокол від 12.03.2019 № 3).", "in_progress",
                  section=two, measure="Розгляд повідомлень викривачів", deadline="Червень 2019 року", confidence=0.52,
                  flags=("overdue", "low_confidence"), dates=(("01.10.2019", "2019-10-01"), ("12.03.2019", "2019-03-12")),
                  orders=(("протокол від 12.03.2019 № 3", "3"),), percents=(("95 %", 95.0),)),
        build_row(7, SCRIPT_STATUS, "boilerplate", section=three, measure='Навчання "<b>жирним</b>"', responsible="Відділ <кадрів> & 'юристи'",
                  flags=("vague",)),
        build_row(8, IMG_STATUS, "done", section=three, measure="Проведення навчань з питань запобігання корупції",
                  flags=("restates_measure", "count_mismatch"), counts=(("2 навчання", 2),)),
        build_row(9, "", None, section=three, measure="Рядок, який не вдалося проаналізувати", error="ValueError: <порожній рядок>"),
        build_row(10, "-", "boilerplate", section=three, measure="Оприлюднення звіту", flags=("empty",)),
    ]  # fmt: skip


def sample_report() -> dict[str, Any]:
    return {"name": "dms_2019_annual", "path": "corpus/reports/dms_2019_annual.txt", "format": "txt",
            "title": "ЗВІТНА ІНФОРМАЦІЯ про виконання Антикорупційної програми ДМС на 2019 рік <b>&amp;</b>",
            "period_end": "2019-12-31", "model": "status-v2", "generated": "2026-11-23"}  # fmt: skip


@pytest.fixture
def row_builder() -> RowBuilder:
    """`build_row`, for tests that make their own rows."""
    return build_row


@pytest.fixture
def audit_sample() -> Sample:
    """(report, rows, summary) of the hand-made sample, the summary from `acnlp.audit.summarize`."""
    rows = sample_rows()
    return sample_report(), rows, summarize(rows)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by selenium, shared by the session (starting one takes a second)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("needs the chromium and chromedriver binaries (Debian: apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # The machines have no internet: without the background-networking flags Chromium keeps
    # trying Google's hosts; a fresh profile keeps runs independent.
    arguments = (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", f"--user-data-dir={tempfile.mkdtemp(prefix='acnlp-chromium-')}",
    )  # fmt: skip
    for argument in arguments:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()
