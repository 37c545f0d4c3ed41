"""Load corpus JSONL files, validating every line, and report bad lines by file and line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from ..errors import AcnlpError, E
from .schema import CorpusRecord


class CorpusError(AcnlpError, ValueError):
    """A corpus file has lines that are not valid records; the message lists them."""


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def load_records(path: str | Path) -> Iterator[CorpusRecord | CorpusError]:
    """Each line of a JSONL corpus file as a record, or as the error that line has."""
    path = Path(path)
    with path.open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                yield CorpusError(E.CORPUS_LINE, path=path, line=number, reason=f"not JSON ({err.msg})")
                continue
            if not isinstance(data, dict):
                yield CorpusError(E.CORPUS_LINE, path=path, line=number, reason="not a JSON object")
                continue
            try:
                yield CorpusRecord.model_validate(data)
            except ValidationError as err:
                yield CorpusError(E.CORPUS_LINE, path=path, line=number, reason=_describe(err))


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .jsonl files given, and those inside given folders (not recursing), sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.jsonl")) if path.is_dir() else [path])
    return files


def load_corpus(paths: Iterable[str | Path]) -> list[CorpusRecord]:
    """All records of the given files and folders; raises one `CorpusError` listing every bad line.

    Record ids must be unique across the files.
    """
    records: list[CorpusRecord] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in corpus_files(paths):
        if not path.exists():
            problems.append(f"{path}: no such file")
            continue
        for number, item in enumerate(load_records(path), start=1):
            if isinstance(item, CorpusError):
                problems.append(str(item))
            elif item.id in seen:
                problems.append(f"{path}: record {item.id!r} repeats an id already used in {seen[item.id]}")
            else:
                seen[item.id] = str(path)
                records.append(item)
    if problems:
        raise CorpusError(E.CORPUS_INVALID, count=len(problems), problems="\n".join(problems[:50]))
    return records
