"""SECURITY.md names, for each promise, the test that checks it: every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_security_every_test_it_names_exists() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    named, current = [], None
    # `tests/x.py::test_name`, `tests/x.py`, and `::test_name` for another test of the file before
    for match in re.finditer(r"`(tests/[\w/]+\.py)(?:::(\w+))?`|`::(\w+)`", text):
        current = match.group(1) or current
        test = match.group(2) or match.group(3)
        assert (REPO / current).is_file(), current
        if test:
            named.append((current, test))
    assert len(named) >= 20
    missing = [f"{path}::{test}" for path, test in named if not re.search(rf"^def {test}\(", (REPO / path).read_text(encoding="utf-8"), re.M)]
    assert missing == []
