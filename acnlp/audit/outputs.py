"""Write an audited report: ``NAME.jsonl``, ``NAME.csv``, ``NAME.xlsx`` (and the summary files).

The JSONL keeps everything (spans, scores, flags with reasons). CSV and XLSX are flat, one
row per measure, for a spreadsheet: lists become ``; ``-joined text. Report text is
untrusted, so a cell a spreadsheet would run as a formula (``=``, ``+``, ``@``, a tab, or
``-`` followed by more) is written as text: in XLSX as a string cell with Excel's
quote-prefix, in CSV behind a leading apostrophe (`acnlp.io.writers.csv_cell`). A bare «-»
answer stays «-».

Both carry two empty review columns for the auditor: ``label_reviewed`` (in the XLSX a
drop-down of the four labels) and ``review_note``. `acnlp.corpus.importers` reads the
edited file back, so ``acnlp train`` learns from the labels set there.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from ..corpus.schema import LABELS
from ..errors import AcnlpError, E, OutputError
from ..io.atomic import replacing
from ..io.writers import csv_cell, formula_risk
from .explanations import said_features

FLAT_COLUMNS: tuple[str, ...] = (
    "report", "index", "section", "number", "sub_number", "measure", "deadline", "responsible", "status",
    "label", "label_reviewed", "review_note", "confidence", *(f"score_{label}" for label in LABELS),
    "dates", "orders", "counts", "percents",
    "deadline_kind", "deadline_due", "deadline_recurrence", "deadline_condition",
    "flags", "flag_reasons", "features", "error", "file", "table", "pages", "lines",
)  # fmt: skip
#: Empty until an auditor fills them; `acnlp.corpus.importers` reads them back as annotated cells.
REVIEW_COLUMNS: tuple[str, ...] = ("label_reviewed", "review_note")
EXCEL_CELL_LIMIT = 32_767
#: What `write_report` writes per report, and `write_summary` once per run.
OUTPUT_SUFFIXES: tuple[str, ...] = ("jsonl", "csv", "xlsx", "html")
SUMMARY_FILES: tuple[str, ...] = ("summary.json", "summary.csv")


def _date(d: dict[str, Any]) -> str:
    return f"{d['value']}..{d['until']}" if d.get("until") else d["value"]


def _order(o: dict[str, Any]) -> str:
    parts = [o.get("type") or "документ", o.get("issuer") or "", f"№ {o['number']}" if o.get("number") else "", f"від {o['date']}" if o.get("date") else ""]
    return " ".join(part for part in parts if part)


def flat_row(report: str, row: dict[str, Any]) -> dict[str, Any]:
    """One audited row as the flat columns of the CSV and XLSX (values as Python types).

    >>> flat_row("r", {"index": 1, "label": "done", "scores": {"done": 0.9}, "flags": [{"code": "vague", "uk": "x"}],
    ...               "counts": [{"value": 5, "noun": "засідання"}]})["counts"]
    '5 засідання'
    """
    deadline = row.get("deadline_parsed") or {}
    scores = row.get("scores") or {}
    flat: dict[str, Any] = {
        "report": report,
        **{key: row.get(key) for key in ("index", "section", "number", "sub_number", "measure", "deadline", "responsible", "status", "label")},
        **dict.fromkeys(REVIEW_COLUMNS),
        "confidence": _rounded(row.get("confidence")),
        **{f"score_{label}": _rounded(scores.get(label)) for label in LABELS},
        "dates": "; ".join(_date(d) for d in row.get("dates") or []),
        "orders": "; ".join(_order(o) for o in row.get("orders") or []),
        "counts": "; ".join(f"{c['value']} {c['noun']}" for c in row.get("counts") or []),
        "percents": "; ".join(f"{p['value']:g} %" for p in row.get("percents") or []),
        "deadline_kind": deadline.get("kind"),
        "deadline_due": deadline.get("due"),
        "deadline_recurrence": deadline.get("recurrence"),
        "deadline_condition": deadline.get("condition"),
        "flags": "; ".join(f["code"] for f in row.get("flags") or []),
        # both languages, as every output carries them: «uk / en» per flag
        "flag_reasons": "; ".join(f"{f.get('uk', '')} / {f.get('en', '')}" for f in row.get("flags") or []),
        "features": "; ".join(f"{f['words']} ({f['weight']:+.2f})" for f in said_features(row.get("features"), 5)),
        "error": row.get("error"),
        "file": row.get("file"),
        "table": row.get("table"),
        "pages": ", ".join(map(str, row.get("pages") or [])),  # a PDF's: «3, 4» with lines «40, 2»
        "lines": ", ".join(map(str, row.get("lines") or [])),
    }
    return flat


def _rounded(value: Any) -> Any:
    """Probabilities to four places: what a reader needs, and exact through any spreadsheet."""
    return round(value, 4) if isinstance(value, float) else value


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def write_csv(table: Iterable[dict[str, Any]], path: Path, columns: Sequence[str]) -> None:
    """UTF-8 with a BOM, so Excel opens the Cyrillic right."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in table:
            writer.writerow([csv_cell(row.get(column)) for column in columns])


def write_xlsx(
    sheets: dict[str, tuple[Sequence[str], Iterable[dict[str, Any]]]], path: Path, choices: Optional[dict[str, Sequence[str]]] = None
) -> None:
    """One worksheet per entry (name → columns, rows); text never becomes a formula.

    ``choices`` gives a column a drop-down list (an Excel data validation) of the values it
    takes, over every data row; the cell may stay empty.

    The workbook is written in openpyxl's write-only mode: rows stream to disk, so a report of
    thousands of rows costs time and memory in proportion to it, not more.
    """
    workbook = Workbook(write_only=True)
    for name, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        letters = _letters(len(columns))
        for letter, width in zip(letters, _widths(columns)):
            sheet.column_dimensions[letter].width = width
        sheet.append([_cell(sheet, column, HEADER_FONT) for column in columns])
        count = 0
        for count, row in enumerate(rows, start=1):
            sheet.append([_cell(sheet, _xlsx_value(row.get(column))) for column in columns])
        for column, values in (choices or {}).items():
            if column in columns and count:
                letter = letters[list(columns).index(column)]
                sheet.data_validations.append(_drop_down(values, f"{letter}2:{letter}{count + 1}"))
    workbook.save(path)


def _drop_down(values: Sequence[str], cells: str) -> DataValidation:
    """A list validation: Excel and LibreOffice show the values as a drop-down and refuse others."""
    # The list is inline («"a,b"»): Excel caps inline lists at 255 characters, far above four labels.
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True, showDropDown=False,
                                showErrorMessage=True, errorTitle="label_reviewed",
                                error="Оберіть одну з міток: " + ", ".join(values) + " / Choose one of the labels.")
    validation.add(cells)
    return validation


HEADER_FONT = Font(bold=True)
WRAPPED, UNWRAPPED = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")


def _cell(sheet: Any, value: Any, font: Optional[Font] = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl takes a leading «=» for a formula; it is text
        cell.quotePrefix = formula_risk(value)
        cell.alignment = WRAPPED if len(value) > 40 else UNWRAPPED
    if font is not None:
        cell.font = font
    return cell


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return cut_for_excel(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


#: Ends a cell cut to Excel's limit, saying how much is missing and where it is whole.
CUT_MARKER = "… [обрізано: ще {missing} символів; повний текст у .jsonl і .csv]"


def cut_for_excel(text: str) -> str:
    """``text`` as an Excel cell holds it: whole, or cut to `EXCEL_CELL_LIMIT` with a visible
    marker at the end (Excel refuses longer cells; a silent cut would look complete).

    >>> cell = cut_for_excel("а" * 40_000)
    >>> len(cell) == EXCEL_CELL_LIMIT, cell[cell.index("…"):]
    (True, '… [обрізано: ще 7293 символів; повний текст у .jsonl і .csv]')
    """
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    # the marker's own length depends on the count it shows; two rounds settle it
    keep = EXCEL_CELL_LIMIT
    for _ in range(2):
        keep = EXCEL_CELL_LIMIT - len(CUT_MARKER.format(missing=len(text) - keep))
    return text[:keep] + CUT_MARKER.format(missing=len(text) - keep)


def _letters(n: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, n + 1)]


def _widths(columns: Sequence[str]) -> list[int]:
    wide = {"label_reviewed": 16, "review_note": 30, "measure": 50, "status": 70, "deadline": 24, "responsible": 24, "orders": 40, "flag_reasons": 50, "features": 40, "section": 30}
    return [wide.get(column, 14) for column in columns]


def write_report(name: str, meta: dict[str, Any], rows: Sequence[dict[str, Any]], summary: dict[str, Any], outdir: Path) -> list[Path]:
    """Write ``NAME.jsonl``, ``NAME.csv``, ``NAME.xlsx`` and ``NAME.html`` into ``outdir``."""
    from .html import render_html

    flat = [flat_row(name, row) for row in rows]
    paths = [outdir / f"{name}.{suffix}" for suffix in OUTPUT_SUFFIXES]
    # All four are written under temporary names first, then renamed together: a report's
    # outputs appear complete and together, or not at all (a Ctrl-C included).
    with _output_errors(outdir / f"{name}.*"), replacing(*paths) as (jsonl, csv_path, xlsx, page):
        write_jsonl(({"report": name, **row} for row in rows), jsonl)
        write_csv(flat, csv_path, FLAT_COLUMNS)
        write_xlsx({"rows": (FLAT_COLUMNS, flat)}, xlsx, choices={"label_reviewed": LABELS})
        page.write_text(render_html(meta, list(rows), summary), encoding="utf-8")
    return paths


@contextmanager
def _output_errors(shown: Path) -> Iterator[None]:
    """A failed write (disk full, a folder in the way) as an error naming the output, not the input."""
    try:
        yield
    except OSError as err:
        if isinstance(err, AcnlpError):
            raise
        raise OutputError(E.OUTPUT_WRITE, path=shown, reason=err.strerror or str(err)) from None


def write_summary(summaries: Sequence[tuple[str, dict[str, Any]]], table: Sequence[dict[str, Any]], outdir: Path) -> list[Path]:
    """``summary.json`` (every report's figures with its sections) and ``summary.csv`` (flat)."""
    json_path, csv_path = (outdir / name for name in SUMMARY_FILES)
    columns = list(table[0]) if table else ["report", "section", "rows"]
    with _output_errors(outdir / "summary.*"), replacing(json_path, csv_path) as (json_temporary, csv_temporary):
        json_temporary.write_text(json.dumps(dict(summaries), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        write_csv(table, csv_temporary, columns)
    return [json_path, csv_path]
