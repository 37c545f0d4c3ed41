"""Write parsed rows as JSON Lines or CSV (UTF-8 with BOM, so Excel shows Cyrillic).

Report text is untrusted: a CSV cell a spreadsheet would run as a formula (``=``, ``+``,
``@``, a tab, or ``-`` followed by more) is written behind a leading apostrophe, as OWASP
advises for CSV; a bare «-» stays «-».
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

ROW_FIELDS = (
    "file",
    "index",
    "section",
    "number",
    "sub_number",
    "measure",
    "deadline",
    "responsible",
    "status",
    "table",
    "pages",
    "lines",
    "extra",
)


#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "@", "\t", "\r", "-")


def formula_risk(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula (a bare «-» is safe).

    >>> formula_risk("=1+1"), formula_risk("-"), formula_risk("- проведено"), formula_risk("Виконано")
    (True, False, True, False)
    """
    return text.startswith(FORMULA_STARTS) and text.strip() != "-"


def csv_cell(value: Any) -> str:
    """A CSV cell: text that could run as a formula gets a leading apostrophe.

    >>> csv_cell("=SUM(A1)"), csv_cell(None), csv_cell(3)
    ("'=SUM(A1)", '', '3')
    """
    if value is None:
        return ""
    text = str(value)
    return "'" + text if formula_risk(text) else text


def _flat(record: dict[str, Any]) -> dict[str, str]:
    flat = {}
    for key in ROW_FIELDS:
        value = record.get(key)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False) if value else ""
        flat[key] = csv_cell(value)
    return flat


def write_rows(records: Iterable[dict[str, Any]], stream: IO[str], format: str = "jsonl") -> int:
    """Write row dicts (`Row.to_dict`) to an open text stream; return how many were written."""
    count = 0
    if format == "csv":
        writer = csv.DictWriter(stream, fieldnames=ROW_FIELDS)
        writer.writeheader()
        for record in records:
            writer.writerow(_flat(record))
            count += 1
        return count
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def output_format(path: Path) -> str:
    """``"csv"`` for a .csv path, else ``"jsonl"``.

    >>> output_format(Path("rows.csv")), output_format(Path("rows.jsonl"))
    ('csv', 'jsonl')
    """
    return "csv" if path.suffix.lower() == ".csv" else "jsonl"
