"""Decode text files the way they come from Windows offices: UTF-8 (with or without BOM), UTF-16, Windows-1251."""

from __future__ import annotations

import codecs

from ..errors import E, ReportError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

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
        share = sum(b in usual_high for b in high) / len(high)
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
    controls = sum(1 for ch in text if ch in _CONTROL)
    return controls <= 0.01 * len(text)


def decode_text(path: str, data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text report, or raise a `ReportError`.

    >>> decode_text("a.txt", "Стан виконання".encode("cp1251"))
    ('Стан виконання', 'cp1251')
    >>> decode_text("a.txt", codecs.BOM_UTF8 + "Стан".encode())
    ('Стан', 'utf-8-sig')
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
            # Windows-1251 decodes almost any byte string, so it is the last resort, and only
            # trusted when the result is made of what Ukrainian documents are made of.
            text = data.decode("cp1251", errors="replace")
            if _plausible_cp1251(text):
                candidates.append((text, "cp1251"))
    for text, encoding in candidates:
        if _looks_like_text(text):
            return text.lstrip("\ufeff"), encoding
    raise ReportError(E.BINARY_GARBAGE, path=path)
