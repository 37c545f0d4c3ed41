"""Load corpora, validating every record, and report bad lines by file and line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from ..errors import AcnlpError, E, ReportError
from .importers import READERS, Item
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
    """Each record of a corpus file (.jsonl, .csv or a Label Studio .json), or the error of its line.

    Records without ``id``, ``source`` or ``group`` get them from the file: ``<stem>-<line>``,
    ``import:<name>`` and the file's stem (so an imported file is one split group).
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"unknown corpus format {path.suffix!r} (use .jsonl, .csv or a Label Studio .json export)")
        return
    try:
        yield from _validated(path, reader(path))
    except ReportError as err:  # the file cannot be read on (encoding, a broken CSV record)
        yield CorpusError(err.template, **err.fields)
    except OSError as err:
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"the file could not be read: {err.strerror or err}")
    except UnicodeDecodeError as err:  # a Label Studio export is JSON, which is UTF-8
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"not UTF-8 text (byte {err.start + 1})")


def _validated(path: Path, items: Iterator[Item]) -> Iterator[CorpusRecord | CorpusError]:
    for number, item in items:
        if isinstance(item, str):
            yield CorpusError(E.CORPUS_LINE, path=path, line=number, reason=item)
            continue
        item.setdefault("id", f"{path.stem}-{number}")
        item.setdefault("source", f"import:{path.name}")
        item.setdefault("group", path.stem)
        try:
            yield CorpusRecord.model_validate(item)
        except ValidationError as err:
            yield CorpusError(E.CORPUS_LINE, path=path, line=number, reason=_describe(err))


#: What a folder contributes. A Label Studio export (.json) is read only when named, since
#: folders hold other JSON too (corpus/splits.json).
FOLDER_SUFFIXES = (".jsonl", ".csv")


def corpus_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files given, and the .jsonl and .csv files inside given folders (not recursing), sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file()))
        else:
            files.append(path)
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
        for item in load_records(path):
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
