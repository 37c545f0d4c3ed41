"""Convert documents with LibreOffice headless: old Word .doc and .rtf become .docx for the .docx reader.

Each conversion runs ``soffice --headless --convert-to`` in a fresh temporary directory with a
private user profile (``-env:UserInstallation``): LibreOffice keeps one running instance per
profile, so two conversions sharing the default profile (parallel audit workers, two users'
runs) would hand their files to each other's process or fail on its lock. A conversion that
runs past its time limit is killed with its whole process group (``soffice`` starts
``soffice.bin`` as a child), so no LibreOffice is left running.

Where LibreOffice is not installed, reading such a file is a coded error naming the Debian
package to install (`E.NO_LIBREOFFICE`).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import E, ReportError

#: Seconds one conversion may take; a first start with a new profile takes a few seconds.
TIMEOUT_SECONDS = 120.0
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
_EXECUTABLES = ("soffice", "libreoffice")


def soffice() -> str | None:
    """The LibreOffice executable on PATH, or None when LibreOffice is not installed."""
    return next((found for name in _EXECUTABLES if (found := shutil.which(name))), None)


def convert_files(
    sources: Sequence[Path], target: str, outdir: Path, *, timeout: float = TIMEOUT_SECONDS, shown: str | None = None
) -> list[Path]:
    """Convert ``sources`` to ``target`` (``"docx"``, ``"pdf"``, ``"odt"``, ``"doc:MS Word 97"``, ``"rtf"``) into ``outdir``.

    Returns the converted files, in the order of ``sources``. Raises `ReportError` naming
    ``shown`` (default: the first source) when LibreOffice is missing, times out or converts
    nothing.
    """
    name = shown or str(sources[0])
    kind = sources[0].suffix.lower() or "(no suffix)"
    executable = soffice()
    if executable is None:
        raise ReportError(E.NO_LIBREOFFICE, path=name, kind=kind)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="acnlp-lo-profile-") as profile:
        command = [
            executable, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--convert-to", target, "--outdir", str(outdir), *map(str, sources),
        ]  # fmt: skip
        _run(command, timeout, name=name, kind=kind)
    suffix = "." + target.split(":", 1)[0]
    converted = [outdir / (source.stem + suffix) for source in sources]
    if not all(out.is_file() for out in converted):
        reason = f"it gave no {suffix} (the file is damaged, or not a document LibreOffice Writer opens)"
        raise ReportError(E.CONVERT_FAILED, path=name, kind=kind, reason=reason)
    return converted


def convert_bytes(path: str, data: bytes, target: str = "docx", *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes of one file (named ``path``, read as ``data``) converted to ``target``.

    The input is copied under a plain ASCII name into a private temporary directory, so
    neither its name nor its folder can confuse LibreOffice's command line.
    """
    suffix = Path(path).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="acnlp-lo-") as work:
        source = Path(work) / f"input{suffix}"
        source.write_bytes(data)
        (converted,) = convert_files([source], target, Path(work) / "out", timeout=timeout, shown=path)
        return converted.read_bytes()


def _run(command: list[str], timeout: float, *, name: str, kind: str) -> None:
    # A session of its own, so a timeout can kill soffice.bin with its parent.
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ReportError(E.CONVERT_TIMEOUT, path=name, kind=kind, seconds=f"{timeout:g}") from None
    if process.returncode != 0:
        reason = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {process.returncode}"]
        raise ReportError(E.CONVERT_FAILED, path=name, kind=kind, reason=reason[0])
