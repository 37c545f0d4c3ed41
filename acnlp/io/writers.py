"""Write parsed rows as JSON Lines or CSV (UTF-8 with BOM, so Excel shows Cyrillic)."""

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
    "lines",
    "extra",
)


def _flat(record: dict[str, Any]) -> dict[str, str]:
    flat = {}
    for key in ROW_FIELDS:
        value = record.get(key)
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False) if value else ""
        flat[key] = "" if value is None else str(value)
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
