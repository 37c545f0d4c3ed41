"""Outputs that appear whole or not at all: write beside the final name, then rename.

A file under its final name is always complete. `replacing` hands out a temporary path in the
same folder for each final path (the same filesystem, so `os.replace` is one atomic step);
when the block ends normally the temporary files are renamed onto their final names one after
the other, and when it ends by an exception (a Ctrl-C included) they are removed and no final
name is touched. The renames of one group run with SIGINT and SIGTERM held back, so a Ctrl-C
never lands between them: a report's files appear together or not at all.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with replacing(folder / "a.txt", folder / "b.txt") as (a, b):
...     _ = a.write_text("A"), b.write_text("B")
...     sorted(p.name for p in folder.iterdir() if not is_temporary(p))
[]
>>> sorted(p.name for p in folder.iterdir())
['a.txt', 'b.txt']
"""

from __future__ import annotations

import os
import signal
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Ends every temporary output's name, so an interrupted run's leftovers can be told apart.
TEMPORARY_SUFFIX = ".acnlp-partial"
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def temporary_path(final: Path) -> Path:
    """A hidden name beside ``final``, unique to this write.

    >>> temporary_path(Path("out/r.csv")).name.startswith(".r.csv.")
    True
    """
    return final.with_name(f".{final.name}.{uuid.uuid4().hex[:12]}{TEMPORARY_SUFFIX}")


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is a temporary output of `replacing` (a leftover, if nothing is writing)."""
    return path.name.startswith(".") and path.name.endswith(TEMPORARY_SUFFIX)


class Abandon(Exception):
    """Raised inside `replacing`'s block: drop what was written and leave the finals as they were."""


@contextmanager
def replacing(*finals: Path) -> Iterator[list[Path]]:
    """Temporary paths for ``finals``, renamed onto them together when the block succeeds.

    >>> import tempfile
    >>> kept = Path(tempfile.mkdtemp()) / "rows.jsonl"
    >>> _ = kept.write_text("old")
    >>> with replacing(kept) as (temporary,):
    ...     _ = temporary.write_text("")
    ...     raise Abandon  # nothing worth keeping was written
    >>> kept.read_text()
    'old'
    """
    temporaries = [temporary_path(Path(final)) for final in finals]
    try:
        yield temporaries
    except Abandon:
        _remove(temporaries)
        return
    except BaseException:
        _remove(temporaries)
        raise
    with _signals_held():
        for temporary, final in zip(temporaries, finals):
            os.replace(temporary, final)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back (they are delivered when the block ends)."""
    # Only the main thread receives Python's signal handlers; elsewhere there is nothing to hold.
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def remove_leftovers(folder: Path, since: float) -> list[Path]:
    """Remove the temporary outputs left in ``folder`` by writes started after ``since``
    (a time as `time.time` gives): what an interrupted worker had no chance to clean up."""
    removed = []
    for path in folder.glob(f".*{TEMPORARY_SUFFIX}"):
        try:
            if path.stat().st_mtime >= since:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed
