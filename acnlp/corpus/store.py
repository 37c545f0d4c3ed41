"""Load corpora, validating every record, and report bad lines by file and line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from ..errors import AcnlpError, E, ReportError
from .importers import READERS, Item
from .schema import CorpusRecord


class CorpusError(AcnlpError, ValueError):
    """A corpus file has lines that are not valid records; the message lists them."""


class ReviewError(CorpusError):
    """A reviewed audit row that cannot be a record; the file's other rows still load."""


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        parts.append(f"{where}: {item['msg']}" if where else item["msg"])
    return "; ".join(parts)


def load_records(path: str | Path, unreviewed: Optional[Counter[str]] = None) -> Iterator[CorpusRecord | CorpusError]:
    """Each record of a corpus file (.jsonl, .csv, a Label Studio .json, an audit's .xlsx or .csv
    with reviewed labels, or the audit page's corrections .jsonl), or the error of its line.

    Records without ``id``, ``source`` or ``group`` get them from the file: ``<stem>-<line>``,
    ``import:<name>`` and the file's stem (so an imported file is one split group). The audit
    rows nobody reviewed are counted in ``unreviewed`` under the file's path, if given.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"unknown corpus format {path.suffix!r} (use .jsonl, .csv, a Label Studio .json export, or an audit's reviewed .xlsx)")
        return
    try:
        yield from _validated(path, reader(path), unreviewed if unreviewed is not None else Counter())
    except ReportError as err:  # the file cannot be read on (encoding, a broken CSV record)
        yield CorpusError(err.template, **err.fields)
    except OSError as err:
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"the file could not be read: {err.strerror or err}")
    except UnicodeDecodeError as err:  # a Label Studio export is JSON, which is UTF-8
        yield CorpusError(E.CORPUS_LINE, path=path, line=1, reason=f"not UTF-8 text (byte {err.start + 1})")


def _validated(path: Path, items: Iterator[Item], unreviewed: Counter[str]) -> Iterator[CorpusRecord | CorpusError]:
    for number, item in items:
        if item is None:
            unreviewed[str(path)] += 1
            continue
        if isinstance(item, AcnlpError):
            yield ReviewError(item.template, **item.fields)
            continue
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


@dataclass
class AnnotatedCells:
    """What `read_corpus` loaded: the records, the reviewed rows it refused (each a coded
    `ReviewError`), and how many audit rows per file nobody reviewed."""

    records: list[CorpusRecord]
    refused: list[ReviewError] = field(default_factory=list)
    unreviewed: Counter[str] = field(default_factory=Counter)


def load_corpus(paths: Iterable[str | Path]) -> list[CorpusRecord]:
    """All records of the given files and folders; raises one `CorpusError` listing every bad
    line, a refused reviewed row included.

    Record ids must be unique across the files.
    """
    loaded = read_corpus(paths)
    if loaded.refused:
        raise CorpusError(E.CORPUS_INVALID, count=len(loaded.refused), problems="\n".join(map(str, loaded.refused[:50])))
    return loaded.records


def read_corpus(paths: Iterable[str | Path]) -> AnnotatedCells:
    """`load_corpus`, but a reviewed audit row that cannot be a record (a label that is not one
    of the four) is refused on its own: its error is kept, and the other rows load.

    Raises one `CorpusError` listing every other bad line.
    """
    loaded = AnnotatedCells(records=[])
    records = loaded.records
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in corpus_files(paths):
        if not path.exists():
            problems.append(f"{path}: no such file")
            continue
        for item in load_records(path, loaded.unreviewed):
            if isinstance(item, ReviewError):
                loaded.refused.append(item)
            elif isinstance(item, CorpusError):
                problems.append(str(item))
            elif item.id in seen:
                problems.append(f"{path}: record {item.id!r} repeats an id already used in {seen[item.id]}")
            else:
                seen[item.id] = str(path)
                records.append(item)
    if problems:
        raise CorpusError(E.CORPUS_INVALID, count=len(problems), problems="\n".join(problems[:50]))
    return loaded
