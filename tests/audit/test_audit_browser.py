"""Hostile report text through the whole of `acnlp audit`: the page in Chromium, the workbook read back.

A body's report is untrusted input opened on an auditor's machine: markup in a cell must show
as text and run nothing; a formula in a cell must stay text in the spreadsheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from typer.testing import CliRunner

from acnlp.cli import app

REPORT = (
    "№;Найменування заходу;Строк виконання;Відповідальні;Стан виконання\n"
    '1;Проведення навчань;Червень 2019 року;Відділ;"<script>window.__xss=1</script>Проведено 2 навчання 12.03.2019"\n'
    '2;Оприлюднення звіту;Грудень 2019 року;Відділ;"<img src=x onerror=""window.__xss=2"">"\n'
    '3;Перевірка декларацій;Березень 2019 року;Відділ;"=HYPERLINK(""http://example.org"",""звіт"")"\n'
    '4;<b onmouseover="window.__xss=3">Моніторинг</b>;постійно;Відділ;-\n'
)


def test_audit_browser_hostile_report(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "hostile.csv").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(app, ["audit", str(tmp_path / "hostile.csv"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output

    browser.get((tmp_path / "out" / "hostile.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows tr.measure")
    assert len(rows) == 4
    statuses = [row.find_element(By.CSS_SELECTOR, "td.status").text for row in rows]
    assert "<script>window.__xss=1</script>" in statuses[0]
    assert '<img src=x onerror="window.__xss=2">' in statuses[1]
    assert statuses[2].startswith("=HYPERLINK(")  # shown as text (quotes normalised), not run
    assert [m.text for m in rows[0].find_elements(By.CSS_SELECTOR, "td.status mark.count")] == ["2 навчання"]
    for row in rows:  # hovering and clicking every cell fires nothing
        row.click()
    assert browser.execute_script("return window.__xss") is None
    try:
        browser.switch_to.alert
        raise AssertionError("an alert opened")
    except NoAlertPresentException:
        pass
    browser.save_screenshot(str(tmp_path / "hostile.png"))
    assert (tmp_path / "hostile.png").stat().st_size > 0

    sheet = load_workbook(tmp_path / "out" / "hostile.xlsx")["rows"]
    header = [cell.value for cell in sheet[1]]
    formula = sheet.cell(row=4, column=header.index("status") + 1)
    assert formula.value == '=HYPERLINK("http://example.org","звіт")' and formula.data_type == "s"
    assert sheet.cell(row=5, column=header.index("status") + 1).value == "-"
