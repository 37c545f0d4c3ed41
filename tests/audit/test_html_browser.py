"""The audit page in a real headless Chromium: rows, highlights, hostile text, filters, a screenshot.

The page is opened from a ``file://`` URL, as an auditor opens it from disk: no server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from acnlp.audit.html import render_html

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
