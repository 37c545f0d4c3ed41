"""Read corpora people bring: JSONL, CSV with ``status,label`` columns, Label Studio JSON exports.

Each reader yields ``(line, record dict)`` pairs, or ``(line, error reason)``; `acnlp.corpus.store`
fills in what a bare ``{status, label}`` record lacks (id, source, group from the file name) and
validates every record the same way.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Item = tuple[int, dict[str, Any] | str]


def jsonl_items(path: Path) -> Iterator[Item]:
    """One record a line; blank lines are skipped."""
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                yield number, f"not JSON ({err.msg})"
                continue
            yield number, data if isinstance(data, dict) else "not a JSON object"


def csv_items(path: Path) -> Iterator[Item]:
    """A header row with at least ``status`` and ``label``; other known columns are kept.

    ``lines`` are the line numbers where records start (a quoted cell may span lines).
    """
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = {"status", "label"} - set(reader.fieldnames or ())
    if missing:
        yield 1, f"the header row has no {' and no '.join(sorted(missing))} column (found: {', '.join(reader.fieldnames or [])})"
        return
    line = reader.line_num
    for row in reader:
        record = {k: v for k, v in row.items() if k is not None and v not in (None, "")}
        record.setdefault("status", "")
        if "year" in record:
            record["year"] = int(record["year"]) if str(record["year"]).isdigit() else record["year"]
        yield line + 1, record
        line = reader.line_num


def label_studio_items(path: Path) -> Iterator[Item]:
    """Tasks of a Label Studio JSON export: ``data.status`` (or ``data.text``) and the choice of the
    latest annotation that was not cancelled. Task numbers stand in for line numbers."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        yield err.lineno, f"not JSON ({err.msg})"
        return
    if not isinstance(tasks, list):
        yield 1, "a Label Studio export is a JSON list of tasks"
        return
    for number, task in enumerate(tasks, start=1):
        data = task.get("data", {}) if isinstance(task, dict) else {}
        status = data.get("status", data.get("text"))
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")] if isinstance(task, dict) else []
        choices = [
            choice
            for result in (annotations[-1].get("result", []) if annotations else [])
            if result.get("type") == "choices"
            for choice in result.get("value", {}).get("choices", [])
        ]
        if not isinstance(status, str):
            yield number, "task has no data.status or data.text"
        elif len(choices) != 1:
            yield number, f"task {task.get('id', number)} needs exactly one label choice, has {len(choices)}"
        else:
            record = {k: v for k, v in data.items() if k != "text"}
            record.update(status=status, label=choices[0], id=f"ls-{task.get('id', number)}")
            yield number, record


READERS = {".jsonl": jsonl_items, ".csv": csv_items, ".json": label_studio_items}
