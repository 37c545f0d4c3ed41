"""Read corpora people bring: JSONL, CSV with ``status,label`` columns, Label Studio JSON exports.

Each reader yields ``(line, record dict)`` pairs, or ``(line, error reason)``; `acnlp.corpus.store`
fills in what a bare ``{status, label}`` record lacks (id, source, group from the file name) and
validates every record the same way. A file that cannot be read at all raises a coded
`acnlp.errors.ReportError` naming it (and the line), which the store reports as that file's error.

CSV is read by the report reader's own path (`acnlp.io.delimited.records`): the same
encodings (UTF-8 with or without BOM, UTF-16, Windows-1251), Excel's ``sep=`` line, and a
delimiter sniffed from ``;``, ``,`` and tab that survives delimiters inside quoted cells.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..io.delimited import records
from ..io.encoding import decode

Item = tuple[int, dict[str, Any] | str]


def jsonl_items(path: Path) -> Iterator[Item]:
    """One record a line; blank lines are skipped."""
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield number, f"not UTF-8 text (byte {err.start + 1} of the line)"
            continue
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

    ``lines`` are the line numbers where records start (a quoted cell may span lines). Blank
    records are not records; cells past the header's columns are not read.
    """
    name = str(path)
    found = (item for item in records(name, decode(name, path.read_bytes()).text) if any(c.strip() for c in item[1]))
    line, header = next(found, (1, []))
    names = [cell.strip() for cell in header]
    missing = {"status", "label"} - set(names)
    if missing:
        yield line, f"the header row has no {' and no '.join(sorted(missing))} column (found: {', '.join(names)})"
        return
    for line, cells in found:
        record: dict[str, Any] = {k: v for k, v in zip(names, cells) if k and v != ""}
        record.setdefault("status", "")
        if "year" in record:
            record["year"] = int(record["year"]) if str(record["year"]).isdigit() else record["year"]
        yield line, record


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
