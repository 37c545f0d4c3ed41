"""Lexicons and tables, one entry per line; read with importlib.resources."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of ``acnlp/data/<name>``: one tuple of tab-separated fields per line.

    Blank lines and lines starting with ``#`` are skipped; a field may hold spaces.

    >>> load_lexicon("months.txt")[0]
    ('1', 'січень', 'січня', 'січні')
    """
    text = resources.files("acnlp.data").joinpath(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        entries.append(tuple(field.strip() for field in fields if field.strip()))
    return tuple(entries)
