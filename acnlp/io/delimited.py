"""Read a CSV report (comma, semicolon or tab separated) into raw rows.

What this reader guarantees:

* The bytes are decoded by `acnlp.io.encoding.decode` (UTF-8 with or without BOM,
  UTF-16, Windows-1251, UTF-8 with a few Windows-1251 lines, which the first row's notes name).
  An empty file raises `E.EMPTY_FILE`, binary data `E.BINARY_GARBAGE`.
* The delimiter is the one of ``,`` ``;`` and tab that splits the records most consistently
  (Ukrainian Excel writes ``;``); a first line ``sep=;`` as Excel writes it is obeyed.
* One `RawRow` per record, ``table=1``, ``lines`` = the input line the record starts on.
  Quoted fields may hold delimiters, doubled quotes and line breaks (kept as ``"\\n"``).
  Records whose cells are all empty are dropped, as for .xlsx: they are not data.
* A cell may be as long as the file (csv's own limit of 131,072 characters is lifted); the
  reader cuts cells past ``ReadLimits.max_cell_chars`` with a note, as for every format.
  A record csv cannot read raises `E.CSV_RECORD` naming its line.

`records` is the one CSV reading path: corpora (`acnlp.corpus.importers`) read through it too.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator

from ..errors import E, ReportError
from .encoding import decode
from .grid import RawRow
from .limits import DEFAULT_LIMITS, CellBudget, ReadLimits

#: Candidate delimiters, in the order ties are broken: Ukrainian Excel writes ";".
DELIMITERS = (";", ",", "\t")
_SEP_HINT = re.compile(r"^sep=(.)\r?\n?$")  # Excel's "sep=;" first line
_SNIFF_RECORDS = 200  # enough records to judge the delimiter; the rest need not be parsed twice


def read_rows(path: str, data: bytes, limits: ReadLimits = DEFAULT_LIMITS) -> list[RawRow]:
    """Raw rows of a CSV report, one per record, with the line each record starts on.

    Lines and delimiters bound the cells; they are counted against ``limits.max_cells``
    before csv splits anything.
    """
    decoded = decode(path, data)
    hint = _SEP_HINT.match(decoded.text.split("\n", 1)[0])
    delimiters = {*DELIMITERS, hint.group(1)} if hint else set(DELIMITERS)
    bound = decoded.text.count("\n") + sum(decoded.text.count(d) for d in delimiters) + 1
    CellBudget(path, limits).spend(bound, "the file")
    found = records(path, decoded.text)
    rows = [RawRow(cells=cells, lines=(line,), table=1) for line, cells in found if any(c.strip() for c in cells)]
    return decoded.annotate(path, rows)


def records(path: str, text: str) -> Iterator[tuple[int, list[str]]]:
    """``(line, cells)`` for every record of a CSV text, blank ones too, with the line it starts on.

    Excel's ``sep=;`` first line is obeyed, else the delimiter is sniffed. A record csv cannot
    read raises `E.CSV_RECORD` naming its line.

    >>> list(records("a.csv", 'sep=,\\nстатус,мітка\\n"Проведено; 2 навчання, 1 нарада",done\\n'))
    [(2, ['статус', 'мітка']), (3, ['Проведено; 2 навчання, 1 нарада', 'done'])]
    """
    # No field can be longer than the text; csv's default limit (131,072) would refuse a long
    # status cell and the whole file with it. The limit is process-wide, so it only grows.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    first_line = 1
    hint = _SEP_HINT.match(text.split("\n", 1)[0])
    if hint:
        delimiter = hint.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first_line = 2
    else:
        delimiter = sniff_delimiter(text)
    last: tuple[int, list[str]] | None = None
    try:
        for last in _records(text, delimiter, first_line):
            yield last
    except _RecordError as exc:
        raise ReportError(E.CSV_RECORD, path=path, line=exc.line, reason=exc.reason) from None
    # csv forgives a quote that is never closed by running the last cell to the end of the
    # file: every row after it would vanish into one cell.
    if last is not None and any("\n" in cell for cell in last[1]) and _unclosed_quote(text, last[0] - first_line, delimiter):
        reason = "a quoted cell opens in it and is never closed, so every line after it would be one cell"
        raise ReportError(E.CSV_RECORD, path=path, line=last[0], reason=reason)


def _unclosed_quote(text: str, skip_lines: int, delimiter: str) -> bool:
    """Whether the record starting after ``skip_lines`` lines ends the file inside quotes.

    >>> _unclosed_quote('a;b\\n1;"Виконано\\n2;x\\n', 1, ";"), _unclosed_quote('a;b\\n1;"Вико\\nнано"\\n', 1, ";")
    (True, False)
    """
    tail = "".join(io.StringIO(text, newline="").readlines()[skip_lines:])
    try:
        for _cells in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives the most records with the same number (above one) of fields.

    >>> sniff_delimiter('№;Захід;Стан\\n1;Навчання, семінари;Виконано\\n')
    ';'
    >>> sniff_delimiter('№,Захід,Стан\\n1,"Навчання; семінари",Виконано\\n')
    ','
    >>> sniff_delimiter('Стан виконання\\n')
    ';'
    """
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        counts: Counter[int] = Counter()
        try:
            for _line, cells in _records(text, delimiter, 1, limit=_SNIFF_RECORDS):
                if any(c.strip() for c in cells):
                    counts[len(cells)] += 1
        except csv.Error:
            continue
        if not counts:
            continue
        width, agreeing = counts.most_common(1)[0]
        score = (agreeing, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _records(text: str, delimiter: str, first_line: int, limit: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """``(starting line, cells)`` for each record; csv counts the lines it has consumed."""
    # newline="" keeps "\r\n" inside quoted fields for csv to handle, as the csv docs require.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    consumed = 0
    number = 0
    while limit is None or number < limit:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _RecordError(first_line + consumed, str(exc)) from None
        yield first_line + consumed, [c.replace("\r\n", "\n").replace("\r", "\n") for c in cells]
        consumed = reader.line_num
        number += 1


class _RecordError(csv.Error):
    """csv's error, with the line where the record it could not read starts."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.reason = line, reason
