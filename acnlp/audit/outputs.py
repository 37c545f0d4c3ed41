"""Write an audited report: ``NAME.jsonl``, ``NAME.csv``, ``NAME.xlsx`` (and the summary files).

The JSONL keeps everything (spans, scores, flags with reasons). CSV and XLSX are flat, one
row per measure, for a spreadsheet: lists become ``; ``-joined text. `stream_report` writes a
report's rows as they come (the XLSX through `acnlp.audit.xlsx`), so no output
holds the report; the HTML page follows from the JSONL read back. Report text is
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
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, repeat
from pathlib import Path
from typing import IO, Any, Optional

from ..corpus.schema import LABELS
from ..errors import AcnlpError, E, OutputError
from ..io.atomic import replacing
from ..io.writers import csv_cell, formula_risk
from .explanations import said_features
from .summary import Tally
from .xlsx import HEADER_STYLE, TEXT_STYLES, Workbook

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


def read_jsonl(stream: IO[str]) -> Iterator[dict[str, Any]]:
    """The rows of a JSONL stream, one at a time."""
    return (json.loads(line) for line in stream)


def _csv_cells(row: dict[str, Any], columns: Sequence[str]) -> list[str]:
    return [csv_cell(row.get(column)) for column in columns]


def write_csv(table: Iterable[dict[str, Any]], path: Path, columns: Sequence[str]) -> None:
    """UTF-8 with a BOM, so Excel opens the Cyrillic right."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows(_csv_cells(row, columns) for row in table)


def write_xlsx(
    sheets: dict[str, tuple[Sequence[str], Iterable[dict[str, Any]]]], path: Path, choices: Optional[dict[str, Sequence[str]]] = None
) -> None:
    """One worksheet per entry (name → columns, rows); text never becomes a formula.

    ``choices`` gives a column a drop-down list (an Excel data validation) of the values it
    takes, over every data row; the cell may stay empty. Rows stream to disk (`RowSheet`).
    """
    with xlsx_workbook(path) as workbook:
        for name, (columns, rows) in sheets.items():
            sheet = RowSheet(workbook, name, columns, choices)
            for row in rows:
                sheet.add(row)
            sheet.finish()


@contextmanager
def xlsx_workbook(path: Path) -> Iterator[Workbook]:
    """A streaming workbook (`acnlp.audit.xlsx`), saved to ``path`` when the block ends normally
    (nothing is written at ``path`` when it fails)."""
    workbook = Workbook(path)
    try:
        yield workbook
    except BaseException:
        workbook.discard()
        raise
    workbook.close()


#: The rows one worksheet holds below its header: Excel's 1,048,576 rows less the header.
EXCEL_SHEET_ROWS = 1_048_575
#: Control characters an XLSX cannot hold (XML 1.0 forbids them): dropped, as openpyxl did.
ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class RowSheet:
    """A worksheet written a row at a time: a bold header frozen on top, the column widths, and
    each text cell a string (never a formula: a risky one also gets Excel's quote-prefix),
    wrapped when long and cut with `CUT_MARKER` past Excel's cell limit. `finish` adds the
    ``choices`` drop-downs over every data row. Past Excel's row limit the rows go on in a
    second sheet «NAME 2» (and so on) under the same header, so no row is left out."""

    def __init__(self, workbook: Workbook, name: str, columns: Sequence[str], choices: Optional[dict[str, Sequence[str]]] = None, *,
                 rows_per_sheet: int = EXCEL_SHEET_ROWS) -> None:  # fmt: skip
        self.workbook, self.name, self.columns, self.rows_per_sheet = workbook, name, list(columns), rows_per_sheet
        self.choices = {column: values for column, values in (choices or {}).items() if column in self.columns}
        self.sheets = 0
        self._new_sheet()

    def _new_sheet(self) -> None:
        self.sheets += 1
        title = self.name[:31] if self.sheets == 1 else f"{self.name[:24]} {self.sheets}"
        self.sheet, self.row = self.workbook.add_sheet(title, _widths(self.columns)), 0
        self.sheet.write_row([(column, HEADER_STYLE) for column in self.columns])

    def add(self, row: dict[str, Any]) -> None:
        if self.row == self.rows_per_sheet:
            self.finish()
            self._new_sheet()
        self.row += 1
        self.sheet.write_row([_xlsx_cell(row.get(column)) for column in self.columns])

    def finish(self) -> None:
        """Add the drop-downs over the current sheet's data rows (none when it has none)."""
        for column, values in self.choices.items():
            if self.row:
                # The list is inline («"a,b"»): Excel caps inline lists at 255 characters, far above four labels.
                message = "Оберіть одну з міток: " + ", ".join(values) + " / Choose one of the labels."
                self.sheet.add_list_validation(self.columns.index(column), 2, self.row + 1, values, column, message)


def _xlsx_cell(value: Any) -> tuple[Any, Optional[int]]:
    """A value as `acnlp.audit.xlsx.Sheet.write_row` takes it: empty, a boolean, a finite number,
    or text with its style (wrapped when long, quote-prefixed when it would read as a formula)."""
    if value is None or value == "" or isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return value, None
    text = _xlsx_value(str(value))
    return text, TEXT_STYLES[len(text) > 40, formula_risk(text)]


def _xlsx_value(value: str) -> str:
    return cut_for_excel(ILLEGAL_CHARACTERS.sub("", value))


#: Ends a cell cut to Excel's limit, saying how much is missing and where it is whole.
CUT_MARKER = "… [обрізано: ще {missing} символів; повний текст у .jsonl і .csv]"


def cut_for_excel(text: str) -> str:
    """``text`` as an Excel cell holds it: whole, or cut to `EXCEL_CELL_LIMIT` with a visible
    marker at the end (Excel refuses longer cells; a silent cut would look complete).

    The limit counts UTF-16 units, as Excel does: a character beyond the Basic Multilingual
    Plane (an emoji) takes two.

    >>> cell = cut_for_excel("а" * 40_000)
    >>> len(cell) == EXCEL_CELL_LIMIT, cell[cell.index("…"):]
    (True, '… [обрізано: ще 7293 символів; повний текст у .jsonl і .csv]')
    >>> _utf16_units(cut_for_excel("😀" * 20_000)) <= EXCEL_CELL_LIMIT
    True
    """
    if len(text) <= EXCEL_CELL_LIMIT // 2 or _utf16_units(text) <= EXCEL_CELL_LIMIT:
        return text
    # the marker's own length depends on the count it shows: cut until both fit (two rounds
    # but for a count that gains a digit)
    keep = _fitting(text, EXCEL_CELL_LIMIT)
    while (fitting := _fitting(text, EXCEL_CELL_LIMIT - len(CUT_MARKER.format(missing=len(text) - keep)))) != keep:
        keep = fitting
    return text[:keep] + CUT_MARKER.format(missing=len(text) - keep)


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _fitting(text: str, units: int) -> int:
    """How many of ``text``'s first characters fit in ``units`` UTF-16 units."""
    if _utf16_units(text[:units]) <= units:
        return min(units, len(text))  # all of them (no character of two units among the first)
    low, high = 0, units  # fits, does not fit
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if _utf16_units(text[:middle]) <= units else (low, middle)
    return low


def _widths(columns: Sequence[str]) -> list[int]:
    wide = {"label_reviewed": 16, "review_note": 30, "measure": 50, "status": 70, "deadline": 24, "responsible": 24, "orders": 40, "flag_reasons": 50, "features": 40, "section": 30}
    return [wide.get(column, 14) for column in columns]


def write_report(name: str, meta: dict[str, Any], rows: Iterable[dict[str, Any]], summary: dict[str, Any], outdir: Path) -> list[Path]:
    """Write ``NAME.jsonl``, ``NAME.csv``, ``NAME.xlsx`` and ``NAME.html`` into ``outdir`` (`stream_report` with the summary given)."""
    return stream_report(name, meta, rows, outdir, summary=summary)[0]


def stream_report(name: str, meta: dict[str, Any], rows: Iterable[dict[str, Any]], outdir: Path, *, summary: Optional[dict[str, Any]] = None,
                  finish: Optional[Callable[[dict[str, Any]], None]] = None) -> tuple[list[Path], dict[str, Any]]:  # fmt: skip
    """Write ``NAME.jsonl``, ``NAME.csv``, ``NAME.xlsx`` and ``NAME.html`` into ``outdir``; return
    their paths and the summary.

    ``rows`` is read once, in order, and may be a generator: each row goes to the JSONL, the CSV
    and the XLSX as it comes, and into the summary's counters (unless a ``summary`` is given);
    the page, whose summary stands above the rows, is then written from the JSONL read back a
    row at a time. So no output holds the report, however long. ``finish(summary)`` may
    complete the summary before the page is written.
    """
    from .html import page_chunks

    paths = [outdir / f"{name}.{suffix}" for suffix in OUTPUT_SUFFIXES]
    tally, layout = Tally(), Layout()
    # All four are written under temporary names first, then renamed together: a report's
    # outputs appear complete and together, or not at all (a Ctrl-C included).
    with _output_errors(outdir / f"{name}.*"), replacing(*paths) as (jsonl, csv_path, xlsx, page):
        with jsonl.open("w", encoding="utf-8") as json_stream, csv_path.open("w", encoding="utf-8-sig", newline="") as csv_stream, \
             xlsx_workbook(xlsx) as workbook:  # fmt: skip
            table = csv.writer(csv_stream)
            table.writerow(FLAT_COLUMNS)
            sheet = RowSheet(workbook, "rows", FLAT_COLUMNS, choices={"label_reviewed": LABELS})
            for row in rows:
                json_stream.write(json.dumps({"report": name, **row}, ensure_ascii=False) + "\n")
                flat = flat_row(name, row)
                table.writerow(_csv_cells(flat, FLAT_COLUMNS))
                sheet.add(flat)
                tally.add(row)
                layout.add(row)
            sheet.finish()
        summary = tally.summary() if summary is None else summary
        if finish is not None:
            finish(summary)
        with jsonl.open(encoding="utf-8") as back, page.open("w", encoding="utf-8") as html_stream:
            parts = layout.parts([str(heading) for heading in meta.get("sections") or []])
            html_stream.writelines(page_chunks(meta, read_jsonl(back), summary, parts))
    return paths, summary


class Layout:
    """Where a report's rows stand, kept as runs of rows under one (section, table): what the
    page needs to set each row under its part (`acnlp.audit.sections.row_parts`), without the rows.

    >>> layout = Layout()
    >>> for row in [{"section": "1. А", "table": 1}, {"section": "1. А", "table": 1}, {"section": "1. А", "table": 2}]:
    ...     layout.add(row)
    >>> layout.runs, list(layout.parts([]))
    ([['1. А', 1, 2], ['1. А', 2, 1]], ['Таблиця 1', 'Таблиця 1', 'Таблиця 2'])
    """

    def __init__(self) -> None:
        self.runs: list[list[Any]] = []  # [section, table, rows]

    def add(self, row: dict[str, Any]) -> None:
        section, table = row.get("section"), row.get("table")
        if self.runs and self.runs[-1][0] == section and self.runs[-1][1] == table:
            self.runs[-1][2] += 1
        else:
            self.runs.append([section, table, 1])

    def parts(self, headings: Sequence[str]) -> Iterator[Optional[str]]:
        """Each row's part, in order. A run stands for its rows: the parts follow the headings
        section after section, and a repeated section finds the heading where it was."""
        from .sections import row_parts

        parts = row_parts([{"section": section, "table": table} for section, table, _ in self.runs], headings)
        return chain.from_iterable(repeat(part, run[2]) for part, run in zip(parts, self.runs))


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
