"""Read corpora people bring: JSONL, CSV with ``status,label`` columns, Label Studio JSON exports.

Each reader yields ``(line, record dict)`` pairs, or ``(line, error reason)``; `acnlp.corpus.store`
fills in what a bare ``{status, label}`` record lacks (id, source, group from the file name) and
validates every record the same way. A file that cannot be read at all raises a coded
`acnlp.errors.ReportError` naming it (and the line), which the store reports as that file's error.

CSV is read by the report reader's own path (`acnlp.io.delimited.records`): the same
encodings (UTF-8 with or without BOM, UTF-16, Windows-1251), Excel's ``sep=`` line, and a
delimiter sniffed from ``;``, ``,`` and tab that survives delimiters inside quoted cells.

An audit's ``NAME.xlsx`` or ``NAME.csv`` (a header with ``label_reviewed``) edited by an auditor
is read as annotated cells: each row whose ``label_reviewed`` is set becomes a record labelled
so, with the report's name as its group, ``source`` ``review:<file>#<row>`` (the row as a
spreadsheet numbers it, the header being row 1) and the model's label at audit time as
``model_label``. A row without a review yields ``None`` (counted, not loaded); a label that is
not one of the four yields its coded error (`E.REVIEW_LABEL`), and the other rows still load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

from ..errors import AcnlpError, E
from ..io.delimited import records
from ..io.encoding import decode
from ..io.writers import formula_risk
from .schema import LABELS

#: ``(line or row, record)``, or the reason or coded error of a line that is not one, or
#: ``None`` for an audit row nobody reviewed (nothing to learn from it).
Item = tuple[int, Optional[dict[str, Any] | str | AcnlpError]]
#: The ``source`` of a reviewed cell starts so: ``review:dms_2019_annual.xlsx#7``.
REVIEW_PREFIX = "review:"


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
    records are not records; cells past the header's columns are not read. A header with
    ``label_reviewed`` is an audit's CSV, read by `review_items`.
    """
    name = str(path)
    numbered = ((row, line, cells) for row, (line, cells) in enumerate(records(name, decode(name, path.read_bytes()).text), start=1))
    found = ((row, line, cells) for row, line, cells in numbered if any(c.strip() for c in cells))
    _, line, header = next(found, (1, 1, []))
    names = [cell.strip() for cell in header]
    if "label_reviewed" in names:  # an audit's CSV: its `label` is the model's, not a gold label
        yield from review_items(path, names, ((row, [_unquoted(c) for c in cells]) for row, _, cells in found))
        return
    found = ((line, cells) for _, line, cells in found)
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


def xlsx_review_items(path: Path) -> Iterator[Item]:
    """An audit's ``NAME.xlsx`` edited by hand: its first sheet, read through the report reader's
    .xlsx path (`acnlp.io.xlsx`, which holds the file to the same limits as a report)."""
    from ..io.xlsx import read_rows

    sheet = [row for row in read_rows(str(path), path.read_bytes()) if row.table == 1]
    header = [cell.strip() for cell in sheet[0].cells] if sheet else []
    yield from review_items(path, header, ((row.lines[0], row.cells) for row in sheet[1:]))


def review_items(path: Path, header: list[str], rows: Iterable[tuple[int, list[str]]]) -> Iterator[Item]:
    """The rows of an audit table (``header``, then ``(row number, cells)``) as reviewed cells."""
    from ..audit.outputs import CUT_MARKER

    missing = [column for column in ("status", "label_reviewed") if column not in header]
    if missing:
        yield 1, AcnlpError(E.REVIEW_COLUMNS, path=path, missing=" and no ".join(missing))
        return
    cut_start, cut_end = CUT_MARKER.split("{missing}")
    for row, cells in rows:
        cell = {name: value for name, value in zip(header, cells) if name}
        reviewed = cell.get("label_reviewed", "").strip()
        status = cell.get("status", "")
        if not reviewed:
            yield row, None
        elif reviewed not in LABELS:
            yield row, AcnlpError(E.REVIEW_LABEL, path=path, row=row, value=reviewed, labels=", ".join(LABELS))
        elif path.suffix.lower() == ".xlsx" and cut_start in status and status.endswith(cut_end):
            yield row, AcnlpError(E.REVIEW_CUT, path=path, row=row)
        else:
            yield row, {
                "id": _token(f"{REVIEW_PREFIX}{path.name}#{row}"),
                "source": f"{REVIEW_PREFIX}{path.name}#{row}",
                "group": _token(cell.get("report") or path.stem),  # the report is the unit of the split
                "status": status,
                "label": reviewed,
                **{key: cell[key] for key in ("measure", "deadline", "review_note") if cell.get(key, "").strip()},
                "model_label": cell.get("label") or None,
            }


def _token(text: str) -> str:
    """Ids and groups hold no spaces.

    >>> _token(" звіт ДМС 2019 ")
    'звіт_ДМС_2019'
    """
    return re.sub(r"\s+", "_", text.strip())


def _unquoted(cell: str) -> str:
    """A CSV cell as it was before the audit put an apostrophe before a formula-like text.

    >>> _unquoted("'=1+1"), _unquoted("'Так"), _unquoted("-")
    ('=1+1', "'Так", '-')
    """
    return cell[1:] if cell.startswith("'") and formula_risk(cell[1:]) else cell


READERS = {".jsonl": jsonl_items, ".csv": csv_items, ".json": label_studio_items, ".xlsx": xlsx_review_items}
