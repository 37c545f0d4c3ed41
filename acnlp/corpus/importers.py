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

The audit page's corrections (``NAME.corrections.jsonl``, «Зберегти правки») and the Label
Studio export of the tasks ``acnlp review`` wrote are reviewed cells the same way, with
``source`` ``review:<file>#<n>`` (the line of the corrections file, the task's position in the
export): see `correction_record` and `label_studio_items`.
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
    """One record a line; blank lines are skipped. A line with a ``label_reviewed`` key is a
    correction of the audit page (`correction_record`)."""
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
        if isinstance(data, dict) and "label_reviewed" in data:
            yield number, correction_record(path, number, data)
        elif isinstance(data, dict) and {"scores", "flags", "label"} <= data.keys():
            # an audit's NAME.jsonl: its labels are the model's own, and training on them teaches nothing
            yield number, ("an audit's row, labelled by the model, not by a reviewer; review the audit's NAME.xlsx or NAME.csv "
                           "(label_reviewed) or the page's corrections (NAME.corrections.jsonl) and train on that")
        else:
            yield number, data if isinstance(data, dict) else "not a JSON object"


#: The keys of a line of the audit page's corrections file, in the page's order.
CORRECTION_KEYS = ("report", "source", "status", "measure", "label", "label_reviewed", "review_note")


def correction_record(path: Path, line: int, data: dict[str, Any]) -> Optional[dict[str, Any] | AcnlpError]:
    """One line of the audit page's corrections file as a reviewed cell.

    The contract (the page's «Зберегти правки» writes it; `acnlp.audit.html` keeps the same
    key list): one JSON object a line, UTF-8, with

    ``report``
        the report's name (the audit's ``NAME``), which becomes the cell's group;
    ``source``
        where the row stands in its report, as the page names it («dms_2019_annual.txt,
        line 16»), kept as ``row_source``;
    ``status``, ``measure``
        the row's answer and measure as the report wrote them;
    ``label``
        the model's label at audit time, kept as ``model_label``;
    ``label_reviewed``
        the reviewer's label, one of the four; empty or null for a row nobody reviewed;
    ``review_note``
        optional; empty when there is none.

    The cell's own ``source`` is ``review:<file>#<line>``. A line without a report or a status,
    or whose ``label_reviewed`` is not one of the four labels, is a coded error
    (`E.CORRECTION_LINE`); the other lines are read.

    >>> record = correction_record(Path("dms.corrections.jsonl"), 3, {"report": "dms 2019", "source": "dms.txt, line 16",
    ...     "status": "Скарг не надходило", "measure": "Розгляд скарг", "label": "boilerplate", "label_reviewed": "not_applicable",
    ...     "review_note": ""})
    >>> record["source"], record["group"], record["label"], record["model_label"], record["row_source"], "review_note" in record
    ('review:dms.corrections.jsonl#3', 'dms_2019', 'not_applicable', 'boilerplate', 'dms.txt, line 16', False)
    """
    reviewed = data.get("label_reviewed")
    if reviewed is None or (isinstance(reviewed, str) and not reviewed.strip()):
        return None
    reviewed = reviewed.strip() if isinstance(reviewed, str) else reviewed
    report, status = data.get("report"), data.get("status")
    reason = (
        f"label_reviewed {reviewed!r} is not one of the four labels ({', '.join(LABELS)})" if reviewed not in LABELS
        else "no report name (the audit's NAME)" if not isinstance(report, str) or not report.strip()
        else "no status text" if not isinstance(status, str)
        else ""
    )
    if reason:
        return AcnlpError(E.CORRECTION_LINE, path=path, line=line, reason=reason)
    model = data.get("label")
    return {
        "id": _token(f"{REVIEW_PREFIX}{path.name}#{line}"),
        "source": f"{REVIEW_PREFIX}{path.name}#{line}",
        "group": _token(report),
        "status": status,
        "label": reviewed,
        **{key: data[key] for key in ("measure", "deadline", "review_note") if isinstance(data.get(key), str) and data[key].strip()},
        "model_label": model if model in LABELS else None,
        "row_source": str(data.get("source") or ""),
    }


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
    """Tasks of a Label Studio JSON export: ``data.status`` (or ``data.text``) and the choice of its
    latest annotation that was not cancelled (`latest_annotation`). Task numbers (the task's
    position in the export, from 1) stand in for line numbers.

    A task that ``acnlp review`` wrote (its ``data`` has ``report`` and ``model_label``) is a
    reviewed cell (`review_task`): ``source`` ``review:<file>#<n>``, the report as its group,
    and a task nobody annotated is counted, not an error. Any other task is a plain labelled
    cell, and must have exactly one label choice.
    """
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
        data = data if isinstance(data, dict) else {}
        if "report" in data and "model_label" in data:
            yield number, review_task(path, number, task)
            continue
        status = data.get("status", data.get("text"))
        annotation = latest_annotation(task)
        choices = _choices(annotation)
        if not isinstance(status, str):
            yield number, "task has no data.status or data.text"
        elif len(choices) != 1:
            yield number, f"task {task.get('id', number)} needs exactly one label choice, has {len(choices)}"
        else:
            record = {k: v for k, v in data.items() if k != "text"}
            record.update(status=status, label=choices[0], id=f"ls-{task.get('id', number)}")
            yield number, record


def latest_annotation(task: Any) -> Optional[dict[str, Any]]:
    """The annotation that counts: of those not cancelled (``was_cancelled``), the one updated
    last (``updated_at``, else ``created_at``: Label Studio's ISO times); on equal or missing
    times, the later in the list (Label Studio lists them as they were made).

    >>> latest_annotation({"annotations": [{"id": 1, "updated_at": "2026-03-02T10:00:00Z"},
    ...     {"id": 2, "updated_at": "2026-03-01T10:00:00Z"}, {"id": 3, "was_cancelled": True}]})["id"]
    1
    """
    annotations = task.get("annotations") if isinstance(task, dict) else None
    live = [(a.get("updated_at") or a.get("created_at") or "", i, a) for i, a in enumerate(annotations or [])
            if isinstance(a, dict) and not a.get("was_cancelled")]
    return max(live, key=lambda item: (str(item[0]), item[1]))[2] if live else None


def _choices(annotation: Optional[dict[str, Any]]) -> list[Any]:
    results = annotation.get("result", []) if annotation else []
    return [choice for result in results if isinstance(result, dict) and result.get("type") == "choices"
            for choice in result.get("value", {}).get("choices", [])]


def review_task(path: Path, number: int, task: dict[str, Any]) -> Optional[dict[str, Any] | AcnlpError]:
    """A task of ``acnlp review`` as exported back from Label Studio: the reviewed cell, ``None``
    when nobody annotated it, or the coded error (`E.LABEL_STUDIO_TASK`) of a task whose
    annotation does not give one of the four labels."""
    data = task["data"]
    annotation = latest_annotation(task)
    if annotation is None:
        return None
    choices = _choices(annotation)
    task_id = task.get("id", "none")
    if len(choices) != 1 or choices[0] not in LABELS:
        reason = (f"the label {choices[0]!r} is not one of the four ({', '.join(LABELS)}); was the project set up with "
                  "the label_config.xml that acnlp review wrote?" if len(choices) == 1
                  else f"the latest annotation has {len(choices)} label choices, not one")
        return AcnlpError(E.LABEL_STUDIO_TASK, path=path, number=number, task_id=task_id, reason=reason)
    if not isinstance(data.get("status"), str) or not str(data.get("report") or "").strip():
        return AcnlpError(E.LABEL_STUDIO_TASK, path=path, number=number, task_id=task_id, reason="data has no status or report")
    notes = [text for result in annotation.get("result", []) if isinstance(result, dict) and result.get("type") == "textarea"
             for text in result.get("value", {}).get("text", []) if isinstance(text, str) and text.strip()]
    model = data.get("model_label")
    return {
        "id": _token(f"{REVIEW_PREFIX}{path.name}#{number}"),
        "source": f"{REVIEW_PREFIX}{path.name}#{number}",
        "group": _token(str(data["report"])),
        "status": data["status"],
        "label": choices[0],
        **{key: data[key] for key in ("measure", "deadline") if isinstance(data.get(key), str) and data[key].strip()},
        **({"review_note": "\n".join(notes)} if notes else {}),
        "model_label": model if model in LABELS else None,
        "row_source": str(data.get("source") or ""),
        "label_studio_task": task_id,
    }


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
