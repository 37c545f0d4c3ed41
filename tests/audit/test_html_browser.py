"""The audit page in a real headless Chromium: rows, highlights, hostile text, filters, a
screenshot, and labels reviewed by clicking and saved as a corrections file.

The page is opened from a ``file://`` URL, as an auditor opens it from disk: no server.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from typer.testing import CliRunner

from acnlp.audit.html import CORRECTION_KEYS, render_html, row_source
from acnlp.cli import app

from ..classify.conftest import SMALL_CORPUS

from .conftest import IMG_STATUS, SCRIPT_STATUS, Sample

ROWS = "table.rows tr.measure"


@pytest.fixture
def opened(browser: Any, audit_sample: Sample, tmp_path: Path) -> Any:
    """The sample's page written to ``tmp_path`` and loaded fresh (no filter ticked)."""
    page = tmp_path / "audit_report.html"
    page.write_text(render_html(*audit_sample), encoding="utf-8")
    browser.get(page.as_uri())
    return browser


def visible_labels(driver: Any) -> list[str]:
    return [row.get_attribute("data-label") for row in driver.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()]


def tick(driver: Any, kind: str, value: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'input[data-filter="{kind}"][value="{value}"]').click()


def test_html_shows_every_row(opened: Any, audit_sample: Sample) -> None:
    _, rows, _ = audit_sample
    shown = opened.find_elements(By.CSS_SELECTOR, ROWS)
    assert len(shown) == len(rows) and all(row.is_displayed() for row in shown)
    assert [row.get_attribute("id") for row in shown] == [f"row-{row['index']}" for row in rows]
    assert opened.find_element(By.ID, "filters").is_displayed()  # the script ran (the CSP admitted it)


def test_html_marks_dates_orders_and_counts(opened: Any) -> None:
    def marks(kind: str) -> list[str]:
        return [mark.text for mark in opened.find_elements(By.CSS_SELECTOR, f"td.status mark.{kind}")]

    assert marks("order") == ["Наказом ДМС від 26.02.2019 № 29/аг", "протокол від 12.03.2019 № 3"]
    assert marks("date") == ["26.02.2019", "01.10.2019", "12.03.2019"]
    assert marks("count") == ["5 засідань", "2 навчання"]
    nested = opened.find_elements(By.CSS_SELECTOR, "td.status mark.order > mark.date")
    assert [mark.text for mark in nested] == ["26.02.2019", "12.03.2019"]
    # The stylesheet applied (the CSP admitted it): a reference is underlined, not the UA's plain yellow.
    assert opened.find_element(By.CSS_SELECTOR, "td.status mark.order").value_of_css_property("border-bottom-style") == "solid"


def test_html_shows_hostile_statuses_as_text_and_runs_nothing(opened: Any) -> None:
    cells = [cell.text for cell in opened.find_elements(By.CSS_SELECTOR, f"{ROWS} td.status")]
    assert SCRIPT_STATUS in cells[6]
    assert IMG_STATUS in cells[7]
    with pytest.raises(NoAlertPresentException):
        opened.switch_to.alert  # noqa: B018 - reading it is the check
    assert opened.execute_script("return typeof window.__xss") == "undefined"
    assert opened.execute_script("return document.querySelectorAll('img, table.rows script').length") == 0
    assert '"<b>жирним</b>"' in opened.find_elements(By.CSS_SELECTOR, f"{ROWS} td.measure-text")[6].text


def test_html_filters_by_label(opened: Any) -> None:
    tick(opened, "label", "boilerplate")
    assert visible_labels(opened) == ["boilerplate"] * 3
    assert opened.find_element(By.ID, "shown").text == "3"
    tick(opened, "label", "not_applicable")
    assert sorted(visible_labels(opened)) == ["boilerplate"] * 3 + ["not_applicable"]
    opened.find_element(By.ID, "reset").click()
    assert len(visible_labels(opened)) == len(opened.find_elements(By.CSS_SELECTOR, ROWS))


def test_html_filters_by_flag(opened: Any) -> None:
    tick(opened, "flag", "duplicate_answer")
    shown = [row for row in opened.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()]
    assert [row.get_attribute("id") for row in shown] == ["row-3", "row-4"]
    assert all("duplicate_answer" in (row.get_attribute("data-flags") or "").split() for row in shown)
    # A section none of whose rows is left loses its heading too.
    headings = [head.text for head in opened.find_elements(By.CSS_SELECTOR, "tr.section-head") if head.is_displayed()]
    assert headings == ["I. Оцінка корупційних ризиків", "II. Фінансовий контроль"]
    tick(opened, "label", "done")  # both groups at once: a label AND one of the flags
    assert visible_labels(opened) == []


def test_html_screenshot(opened: Any, tmp_path: Path) -> None:
    shot = tmp_path / "audit_report.png"
    assert opened.save_screenshot(str(shot))
    assert shot.stat().st_size > 0


def test_html_filters_no_answer_apart_from_boilerplate(opened: Any) -> None:
    boxes = {box.get_attribute("value"): box for box in opened.find_elements(By.CSS_SELECTOR, 'input[data-filter="label"]')}
    assert "no_answer" in boxes
    caption = boxes["no_answer"].find_element(By.XPATH, "..").text
    assert caption.startswith("без відповіді") and caption.endswith("1")
    tick(opened, "label", "no_answer")
    shown = [row for row in opened.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()]
    assert [row.get_attribute("id") for row in shown] == ["row-10"]
    assert "без відповіді" in shown[0].find_element(By.CSS_SELECTOR, "td.label").text
    tick(opened, "label", "no_answer")
    tick(opened, "label", "boilerplate")  # real boilerplate only: the empty answer is not among them
    assert [row.get_attribute("id") for row in opened.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()] == ["row-3", "row-4", "row-7"]


def test_html_no_column_clipped_at_800_px(opened: Any) -> None:
    opened.set_window_size(800, 1000)
    try:
        opened.refresh()
        width = opened.execute_script("return document.documentElement.clientWidth")
        assert opened.execute_script("return document.documentElement.scrollWidth") <= width  # nothing sticks out
        heads = opened.find_elements(By.CSS_SELECTOR, "table.rows thead th")
        assert len(heads) == 7 and all(head.is_displayed() for head in heads)
        assert all(0 <= head.rect["x"] and head.rect["x"] + head.rect["width"] <= width for head in heads)
        # every cell's content stays inside its cell
        overflowing = opened.execute_script(
            "return Array.from(document.querySelectorAll('table.rows td')).filter(td => td.scrollWidth > td.clientWidth + 1).length"
        )
        assert overflowing == 0
    finally:
        opened.set_window_size(1400, 1000)


# --- Reviewing labels on the page and saving the corrections (issue 14) ---


@pytest.fixture
def downloads(opened: Any, tmp_path: Path) -> Path:
    """Where Chromium puts what the page downloads (a fresh folder per test)."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    opened.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    return folder


def review(driver: Any, row_id: str, label: str, note: str = "") -> None:
    """Choose ``label`` in the row's drop-down by clicking it open and clicking the option, then type ``note``."""
    row = driver.find_element(By.ID, row_id)
    row.find_element(By.CSS_SELECTOR, "select[data-review]").click()
    row.find_element(By.CSS_SELECTOR, f'select[data-review] option[value="{label}"]').click()
    if note:
        row.find_element(By.CSS_SELECTOR, "input[data-note]").send_keys(note)


def saved_file(folder: Path, name: str) -> Path:
    """The downloaded file once Chromium has finished writing it (it writes a .crdownload first)."""
    path = folder / name
    WebDriverWait(None, 10, poll_frequency=0.1).until(lambda _: path.exists() and not list(folder.glob("*.crdownload")))
    return path


def test_html_review_controls_show_once_the_script_runs(opened: Any, audit_sample: Sample) -> None:
    _, rows, _ = audit_sample
    selects = opened.find_elements(By.CSS_SELECTOR, f"{ROWS} select[data-review]")
    assert len(selects) == sum(1 for row in rows if row["label"]) and all(select.is_displayed() for select in selects)
    assert all(select.get_attribute("value") == "" for select in selects)  # nothing reviewed until the auditor says so
    assert all(not note.is_enabled() for note in opened.find_elements(By.CSS_SELECTOR, f"{ROWS} input[data-note]"))
    assert opened.find_element(By.ID, "unsaved").text == "0"


def test_html_saves_corrections_as_jsonl(opened: Any, downloads: Path, audit_sample: Sample) -> None:
    report, rows, _ = audit_sample
    review(opened, "row-2", "not_applicable", "немає підвідомчих")
    review(opened, "row-7", "boilerplate")  # confirms the model's label: a correction too
    assert opened.find_element(By.ID, "unsaved").text == "2"
    # An edit made while a filter hides other rows, and the edits kept when the filter goes.
    tick(opened, "label", "in_progress")
    review(opened, "row-6", "done", " виконано повністю ")
    tick(opened, "label", "in_progress")
    assert Select(opened.find_element(By.CSS_SELECTOR, "#row-2 select[data-review]")).first_selected_option.get_attribute("value") == "not_applicable"
    assert opened.find_element(By.ID, "unsaved").text == "3"
    assert "relabelled" in (opened.find_element(By.ID, "row-2").get_attribute("class") or "").split()
    assert "relabelled" not in (opened.find_element(By.ID, "row-7").get_attribute("class") or "").split()

    opened.find_element(By.ID, "save-reviews").click()
    path = saved_file(downloads, f"{report['name']}.corrections.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    corrections = [json.loads(line) for line in lines]
    expected = {"row-2": ("not_applicable", "немає підвідомчих"), "row-6": ("done", "виконано повністю"), "row-7": ("boilerplate", "")}
    by_index = {f"row-{row['index']}": row for row in rows}
    assert corrections == [
        {"report": report["name"], "source": row_source(by_index[row_id]), "status": by_index[row_id]["status"],
         "measure": by_index[row_id]["measure"], "label": by_index[row_id]["label"], "label_reviewed": label, "review_note": note}
        for row_id, (label, note) in expected.items()
    ]  # fmt: skip
    assert [list(correction) for correction in corrections] == [list(CORRECTION_KEYS)] * 3
    assert corrections[2]["status"] == SCRIPT_STATUS  # the hostile text, as the report wrote it, and still inert
    assert opened.execute_script("return typeof window.__xss") == "undefined"
    assert opened.find_element(By.ID, "unsaved").text == "0"
    assert "3" in opened.find_element(By.ID, "saved").text

    # A second save after one more change holds every correction, not only the newest.
    review(opened, "row-2", "")
    assert opened.find_element(By.ID, "unsaved").text == "1"
    assert not opened.find_element(By.CSS_SELECTOR, "#row-2 input[data-note]").is_enabled()
    path.unlink()
    opened.find_element(By.ID, "save-reviews").click()
    again = [json.loads(line) for line in saved_file(downloads, path.name).read_text(encoding="utf-8").splitlines()]
    assert [c["source"] for c in again] == [row_source(by_index["row-6"]), row_source(by_index["row-7"])]


def test_html_save_without_reviews_downloads_nothing(opened: Any, downloads: Path, audit_sample: Sample) -> None:
    opened.find_element(By.ID, "save-reviews").click()
    assert "Правок немає" in opened.find_element(By.ID, "saved").text
    # Downloads come in order: had the empty save written a file, this one would be its «(1)» twin.
    review(opened, "row-1", "done")
    opened.find_element(By.ID, "save-reviews").click()
    path = saved_file(downloads, f"{audit_sample[0]['name']}.corrections.jsonl")
    assert [p.name for p in downloads.iterdir()] == [path.name] and len(path.read_text(encoding="utf-8").splitlines()) == 1


#: Whether the page would ask before it is left: its beforeunload handler cancels the event.
WOULD_ASK = "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"


def test_html_leaving_with_unsaved_edits_asks_first(opened: Any, downloads: Path) -> None:
    # (chromedriver answers a real leave prompt itself, so the handler is asked directly)
    assert opened.execute_script(WOULD_ASK) is False
    review(opened, "row-1", "in_progress")
    assert opened.execute_script(WOULD_ASK) is True
    opened.find_element(By.ID, "save-reviews").click()
    assert opened.execute_script(WOULD_ASK) is False


def test_html_corrections_feed_acnlp_train(browser: Any, tmp_path: Path) -> None:
    """The whole loop: audit a seed report, review rows on its page by clicking, save, and train
    on the downloaded file beside a small corpus; the model card counts the reviewed cells."""
    report = Path(__file__).resolve().parents[2] / "corpus" / "reports" / "dms_2019_annual.txt"
    audited = CliRunner().invoke(app, ["audit", str(report), "-o", str(tmp_path / "audit"), "--jobs", "1"])
    assert audited.exit_code == 0, audited.output
    rows = [json.loads(line) for line in (tmp_path / "audit" / "dms_2019_annual.jsonl").read_text(encoding="utf-8").splitlines()]
    browser.get((tmp_path / "audit" / "dms_2019_annual.html").as_uri())
    folder = tmp_path / "downloads"
    folder.mkdir()
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    # answered rows: two confirmed, two given another label (not a guideline contradiction: done <-> in_progress)
    picked = [row for row in rows if len(row["status"]) > 40][:4]
    reviews = {row["index"]: row["label"] for row in picked[:2]}
    reviews |= {row["index"]: {"done": "in_progress"}.get(row["label"], "done") for row in picked[2:]}
    for index, label in reviews.items():
        review(browser, f"row-{index}", label, "перевірено" if label != rows[index - 1]["label"] else "")
    browser.find_element(By.ID, "save-reviews").click()
    corrections = saved_file(folder, "dms_2019_annual.corrections.jsonl")
    assert [json.loads(line)["label_reviewed"] for line in corrections.read_text(encoding="utf-8").splitlines()] == list(reviews.values())

    corpus = tmp_path / "ours.jsonl"
    corpus.write_text("".join(json.dumps({"status": status, "label": label, "group": "abc"[i % 3]}, ensure_ascii=False) + "\n"
                              for i, (status, label) in enumerate(SMALL_CORPUS)), encoding="utf-8")  # fmt: skip
    model = tmp_path / "model"
    trained = CliRunner().invoke(app, ["train", str(corpus), str(corrections), "-o", str(model), "--folds", "2", "--no-leave-one-batch-out"])
    assert trained.exit_code == 0, trained.output
    card = json.loads((model / "model_card.json").read_text(encoding="utf-8"))["reviewed"]
    assert card["cells"] == len(reviews) and card["reports"] == {"dms_2019_annual": len(reviews)}
    assert card["model_disagreed"] == sum(1 for index, label in reviews.items() if label != rows[index - 1]["label"])
