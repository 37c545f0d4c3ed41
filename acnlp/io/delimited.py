"""Read a CSV report (comma, semicolon or tab separated) into raw rows.

What this reader guarantees:

* The bytes are decoded by `acnlp.io.encoding.decode_text` (UTF-8 with or without BOM,
  UTF-16, Windows-1251). An empty file raises `E.EMPTY_FILE`, binary data `E.BINARY_GARBAGE`.
* The delimiter is the one of ``,`` ``;`` and tab that splits the records most consistently
  (Ukrainian Excel writes ``;``); a first line ``sep=;`` as Excel writes it is obeyed.
* One `RawRow` per record, ``table=1``, ``lines`` = the input line the record starts on.
  Quoted fields may hold delimiters, doubled quotes and line breaks (kept as ``"\\n"``).
  Records whose cells are all empty are dropped, as for .xlsx: they are not data.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator

from ..errors import E, ReportError
from .encoding import decode_text
from .grid import RawRow

#: Candidate delimiters, in the order ties are broken: Ukrainian Excel writes ";".
DELIMITERS = (";", ",", "\t")
_SEP_HINT = re.compile(r"^sep=(.)\r?\n?$")  # Excel's "sep=;" first line
_SNIFF_RECORDS = 200  # enough records to judge the delimiter; the rest need not be parsed twice


def read_rows(path: str, data: bytes) -> list[RawRow]:
    """Raw rows of a CSV report, one per record, with the line each record starts on."""
    text, _encoding = decode_text(path, data)
    first_line = 1
    hint = _SEP_HINT.match(text.split("\n", 1)[0])
    if hint:
        delimiter = hint.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
        first_line = 2
    else:
        delimiter = sniff_delimiter(text)
    try:
        return [
            RawRow(cells=cells, lines=(line,), table=1)
            for line, cells in _records(text, delimiter, first_line)
            if any(c.strip() for c in cells)
        ]
    except csv.Error as exc:
        raise ReportError(E.UNREADABLE, path=path, reason=f"not a readable CSV file ({exc})") from None


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
    for number, cells in enumerate(reader):
        if limit is not None and number >= limit:
            return
        yield first_line + consumed, [c.replace("\r\n", "\n").replace("\r", "\n") for c in cells]
        consumed = reader.line_num
