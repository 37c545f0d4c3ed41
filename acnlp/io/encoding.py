"""Decode text files the way they come from Windows offices: UTF-8 (with or without BOM), UTF-16, Windows-1251.

A file pasted together from several sources may be UTF-8 with a few Windows-1251 lines; when
the whole file does not decode as UTF-8 but most of its non-ASCII lines do, it is decoded line
by line and the lines that needed Windows-1251 are named (`Decoded.fallback_lines`).
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from ..errors import E, ReportError
from .grid import RawRow

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_NAMED_LINES = 10  # a note names this many lines, then counts the rest
_MAX_MIXED_LINES = 1_000_000  # past this, no report: not worth a list of every line

# Control characters that never appear in a real report (tab, newlines and form feed do).
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its high bytes.

    Ukrainian text in UTF-16 has a high byte of 0x00 (Latin, digits, spaces), 0x04 (Cyrillic)
    or 0x20 (dashes, quotes) in nearly every character; no 8-bit encoding looks like that.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    usual_high = {0x00, 0x04, 0x20, 0x21}
    for high, low, encoding in ((data[1::2], data[0::2], "utf-16-le"), (data[0::2], data[1::2], "utf-16-be")):
        share = sum(high.count(b) for b in usual_high) / len(high)  # bytes.count: C speed on 10 MB
        if share > 0.95 and low.count(0) < 0.05 * len(low):
            return data.decode(encoding, errors="strict")
    return None


# Cyrillic letters Windows-1251 can hold, ASCII, and the typographic marks Word inserts.
_CP1251_USUAL = set("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэъё" "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯЫЭЪЁ") | set(
    "«»–—’‘“”„№…\u00a0"
) | {chr(c) for c in range(32, 127)} | {"\t", "\n", "\r"}


def _plausible_cp1251(text: str) -> bool:
    """Random bytes decode to about two thirds usual characters; real text to nearly all."""
    usual = sum(ch in _CP1251_USUAL for ch in text)
    return usual >= 0.97 * len(text)


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = sum(text.count(ch) for ch in _CONTROL)
    return controls <= 0.01 * len(text)


class Decoded(NamedTuple):
    """A text file's text, the encoding it was read in, and the lines (1-based) read as Windows-1251
    in a file that is otherwise UTF-8."""

    text: str
    encoding: str
    fallback_lines: tuple[int, ...] = ()

    def note(self, path: str) -> str | None:
        """The E018 note naming the lines that needed the fallback, or None.

        >>> Decoded("…", "utf-8+cp1251", (3, 7)).note("r.txt")
        '[E018] r.txt: lines 3, 7: not UTF-8, unlike other lines of the file; read as Windows-1251'
        >>> Decoded("…", "utf-8+cp1251", tuple(range(1, 40))).note("r.txt")
        '[E018] r.txt: lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 29 more: not UTF-8, unlike other lines of the file; read as Windows-1251'
        """
        if not self.fallback_lines:
            return None
        shown = ", ".join(map(str, self.fallback_lines[:_NAMED_LINES]))
        if len(self.fallback_lines) > _NAMED_LINES:
            shown += f" and {len(self.fallback_lines) - _NAMED_LINES} more"
        lines = ("line " if len(self.fallback_lines) == 1 else "lines ") + shown
        return E.MIXED_ENCODING.value.format(path=path, lines=lines)

    def annotate(self, path: str, rows: list[RawRow]) -> list[RawRow]:
        """``rows``, the first carrying the note (if any) to `Report.notes`."""
        note = self.note(path)
        if note and rows:
            rows[0].notes.append(note)
        return rows


def decode_text(path: str, data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text report, or raise a `ReportError`.

    >>> decode_text("a.txt", "Стан виконання".encode("cp1251"))
    ('Стан виконання', 'cp1251')
    >>> decode_text("a.txt", codecs.BOM_UTF8 + "Стан".encode())
    ('Стан', 'utf-8-sig')
    """
    text, encoding, _lines = decode(path, data)
    return text, encoding


def decode(path: str, data: bytes) -> Decoded:
    """`decode_text`, with the lines that needed Windows-1251 in an otherwise UTF-8 file.

    >>> decode("a.txt", "Стан\\nВиконано\\n".encode() + "Проведено\\n".encode("cp1251"))
    Decoded(text='Стан\\nВиконано\\nПроведено\\n', encoding='utf-8+cp1251', fallback_lines=(3,))
    """
    if not data.strip():
        raise ReportError(E.EMPTY_FILE, path=path)
    candidates: list[tuple[str, str]] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                candidates.append((data.decode(encoding), encoding))
            except UnicodeDecodeError:
                pass
            break
    else:
        try:
            utf16 = _utf16_without_bom(data)
        except UnicodeDecodeError:
            utf16 = None
        if utf16 is not None:
            candidates.append((utf16, "utf-16"))
        try:
            candidates.append((data.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError:
            mixed = _mixed(data)
            if mixed is not None:
                return mixed
            # Windows-1251 decodes almost any byte string, so it is the last resort, and only
            # trusted when the result is made of what Ukrainian documents are made of.
            text = data.decode("cp1251", errors="replace")
            if _plausible_cp1251(text):
                candidates.append((text, "cp1251"))
    for text, encoding in candidates:
        if _looks_like_text(text):
            return Decoded(text.lstrip("\ufeff"), encoding)
    raise ReportError(E.BINARY_GARBAGE, path=path)


def _mixed(data: bytes) -> Decoded | None:
    """UTF-8 and Windows-1251 lines in one file, decoded line by line, or None if not that.

    At least one line must be UTF-8 with Cyrillic in it (a Windows-1251 line almost never is
    valid UTF-8: two lower-case letters in a row are already invalid, and what slips through
    decodes to Latin-1 signs, not Cyrillic), and the lines that are not UTF-8 must read as
    Ukrainian text in Windows-1251.
    """
    if data.count(b"\n") > _MAX_MIXED_LINES:
        return None
    lines: list[str] = []
    fallback: list[int] = []
    utf8 = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
            utf8 += any("\u0400" <= ch <= "\u04ff" for ch in line)
        except UnicodeDecodeError:
            line = raw.decode("cp1251", errors="replace")
            if not _plausible_cp1251(line):
                return None
            fallback.append(number)
        lines.append(line)
    if not utf8:
        return None
    text = "\n".join(lines)
    return Decoded(text.lstrip("\ufeff"), "utf-8+cp1251", tuple(fallback)) if _looks_like_text(text) else None
