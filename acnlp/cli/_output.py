"""Where a command writes: checked before any work, and how an interrupted run ends.

The output location is checked before a single report is read, so a wrong ``-o`` costs a
second, not an audit: an existing file where a folder is needed, a folder that cannot be
created or written in, a folder standing where an output file would go. Each is an
`OutputError` naming the output path and the reason; the commands exit 2 on it (the command
was called wrongly, and nothing was done).

A Ctrl-C (SIGINT) or a SIGTERM ends a run through `KeyboardInterrupt`, so every temporary
output is removed on the way out (`acnlp.io.atomic`); the command then says what was finished
and exits 130 (SIGINT) or 143 (SIGTERM), as shells do.
"""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import E, OutputError

#: Exit code of a run stopped by a signal: 128 + the signal's number.
INTERRUPTED_EXIT = {"SIGINT": 128 + signal.SIGINT, "SIGTERM": 128 + signal.SIGTERM}


def check_output_folder(folder: Path, names: Iterable[str] = ()) -> None:
    """Make sure ``folder`` exists (creating it) and takes new files, and that none of
    ``names`` inside it is a folder. Raises `OutputError`.

    >>> import tempfile
    >>> check_output_folder(Path(tempfile.mkdtemp()) / "new" / "audit", ["r.jsonl"])
    """
    if folder.exists() and not folder.is_dir():
        raise OutputError(E.OUTPUT_IS_A_FILE, path=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a parent on the way is a file
        raise OutputError(E.OUTPUT_UNCREATABLE, path=folder, reason="a part of the path is an existing file") from None
    except OSError as err:
        raise OutputError(E.OUTPUT_UNCREATABLE, path=folder, reason=err.strerror or str(err)) from None
    _probe(folder)
    for name in names:
        if (folder / name).is_dir():
            raise OutputError(E.OUTPUT_IS_A_FOLDER, path=folder / name)


def check_output_file(path: Path) -> None:
    """Make sure a file can be written at ``path`` (its folder exists and takes new files).

    The file itself is not touched: it is replaced only when the new one is complete.
    """
    if path.is_dir():
        raise OutputError(E.OUTPUT_IS_A_FOLDER, path=path)
    folder = path.parent
    if not folder.is_dir():
        reason = "it is a file" if folder.exists() else "no such folder"
        raise OutputError(E.OUTPUT_NOT_WRITABLE, path=folder, reason=reason)
    _probe(folder)


def _probe(folder: Path) -> None:
    """Write and remove a file in ``folder``: the only test permissions, read-only mounts and
    quotas all answer truthfully (``os.access`` does not, for root or on network drives)."""
    try:
        descriptor, name = tempfile.mkstemp(prefix=".acnlp-probe-", dir=folder)
    except OSError as err:
        raise OutputError(E.OUTPUT_NOT_WRITABLE, path=folder, reason=err.strerror or str(err)) from None
    os.close(descriptor)
    os.unlink(name)


class Interrupted(KeyboardInterrupt):
    """A SIGTERM, raised where Python raises `KeyboardInterrupt` for a SIGINT."""


def _raise_interrupted(signum: int, frame: Any) -> None:
    raise Interrupted()


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Within the block, SIGTERM stops the run as Ctrl-C does (cleanly, outputs whole)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    except ValueError:  # not the main thread (e.g. a test runner's worker): leave SIGTERM as it is
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def signal_name(interrupt: KeyboardInterrupt) -> str:
    """``"SIGTERM"`` for a SIGTERM turned into an interrupt, else ``"SIGINT"`` (Ctrl-C)."""
    return "SIGTERM" if isinstance(interrupt, Interrupted) else "SIGINT"
