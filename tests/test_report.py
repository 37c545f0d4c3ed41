"""The parsed report's rows as the outputs receive them (`acnlp.report`)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from acnlp.io.reader import read_report

REPO = Path(__file__).resolve().parents[1]


def test_row_to_dict_is_asdict_with_the_source_flattened() -> None:
    # to_dict builds the dict field by field (issue 13); it must stay what asdict gave: the same
    # keys in the same order, the same values, and a fresh copy each time.
    rows = [row for path in sorted((REPO / "corpus" / "reports").iterdir()) if path.is_file()
            for row in read_report(str(path)).rows]
    assert len(rows) > 50
    for row in rows:
        expected = asdict(row)
        source = expected.pop("source")
        expected |= {"file": source["path"], "table": source["table"], "lines": list(source["lines"]),
                     "tables": list(source["tables"]), "pages": list(source["pages"])}
        data = row.to_dict()
        assert data == expected and list(data) == list(expected)
        data["extra"]["x"] = "changed"
        assert "x" not in row.extra
