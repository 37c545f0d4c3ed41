"""Which part of a report a section stands in, so sections with the same numbers stay apart.

A report often holds two tables (a risk assessment's measures, then the programme's), each
numbering its sections from «1.». Between them stands an unnumbered heading («Додаток 2 до
Антикорупційної програми …»): the part. `section_parts` walks the report's headings in order
beside the rows' sections and gives each section the last unnumbered heading above it; where
the headings say nothing but the rows come from several tables, the part is «Таблиця N».
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Optional

#: A numbered section heading: «1.», «2)», «IV.», «ІІ.» (Cyrillic І), possibly behind a tag.
NUMBERED = re.compile(r"^\s*(?:<[^<>]*>\s*)*(?:\d+(?:\.\d+)*|[IVXLCІХ]+)\s*[.)]")
TABLE_PART = "Таблиця {table}"


def section_parts(sections: Sequence[Optional[str]], headings: Sequence[str]) -> list[Optional[str]]:
    """For each of ``sections`` (in report order), the unnumbered heading it stands under.

    >>> section_parts(["1. А", "2. Б", "1. В"], ["Додаток 1", "1. А", "2. Б", "Додаток 2", "1. В"])
    ['Додаток 1', 'Додаток 1', 'Додаток 2']
    >>> section_parts(["1. А", None], ["1. А"])
    [None, None]
    """
    parts: list[Optional[str]] = []
    position, part = 0, None
    for section in sections:
        if section is None or not NUMBERED.match(section):
            parts.append(None)  # a row outside any section, or under a part's own heading
            continue
        ahead, found_part = position, part
        while ahead < len(headings) and headings[ahead] != section:
            if not NUMBERED.match(headings[ahead]):
                found_part = headings[ahead]
            ahead += 1
        if ahead < len(headings):  # found further on: what was passed on the way counts
            position, part = ahead, found_part
        parts.append(part)
    return parts


def row_parts(rows: Sequence[dict[str, Any]], headings: Sequence[str]) -> list[Optional[str]]:
    """The part of each row: its section's part from the headings, or its table when the
    headings give none and the rows come from more than one table.

    >>> row_parts([{"section": "1. А", "table": 1}, {"section": "1. А", "table": 2}], [])
    ['Таблиця 1', 'Таблиця 2']
    """
    parts = section_parts([row.get("section") for row in rows], headings)
    tables = {row.get("table") for row in rows} - {None}
    if any(parts) or len(tables) < 2:
        return parts
    return [TABLE_PART.format(table=row["table"]) if row.get("table") is not None else None for row in rows]
