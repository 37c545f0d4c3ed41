"""What .docx and .xlsx have in common: both are zip archives, so both are checked before parsing.

A broken archive needs a clear error, and a hostile one must not reach python-docx or
openpyxl, which unpack every part into memory and build a tree of every XML element. So
`check_archive` reads the sizes the zip directory declares (zipfile never unpacks more than
a member declares: a member that lies fails its CRC check), then streams every XML part
once, counting its elements and attributes, before any library sees the file.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from ..errors import E, ReportError
from .limits import MiB, ReadLimits

#: What zipfile and zlib raise for a damaged, encrypted or exotic archive.
BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError)

_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CHUNK = 4 * MiB
_MAX_TAG = 4096  # a tag longer than this may be cut between two pieces; no OOXML tag we look at is
_RATIO_FLOOR = MiB  # below this unpacked size any ratio is harmless

#: Called with each XML part's name and its text in pieces that end before a "<".
Watcher = Callable[[str, bytes], None]


def require_zip(path: str, data: bytes, kind: str) -> None:
    """Raise the empty-file or not-a-zip error for ``data`` that cannot be an Office file.

    >>> require_zip("plan.docx", b"hello", ".docx")
    Traceback (most recent call last):
    ...
    acnlp.errors.ReportError: [E003] plan.docx: the file is not a valid .docx (it is not a zip archive); open it in Word and save it again as .docx
    """
    if not data.strip():
        raise ReportError(E.EMPTY_FILE, path=path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReportError(E.NOT_A_ZIP, path=path, kind=kind)


def check_archive(path: str, data: bytes, kind: str, limits: ReadLimits, watch: Watcher | None = None) -> set[str]:
    """The member names of a zip-based input that is safe to hand to its parser.

    Raises `ReportError`: not a zip (E003), damaged (E004), unpacking past the limits (E013),
    more XML nodes than ``limits.max_xml_nodes`` (E014), a DOCTYPE or entity declaration
    (E019). ``watch`` sees every XML part's text once, for format-specific checks.
    """
    require_zip(path, data, kind)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_directory(path, infos, limits)
            nodes = 0
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    with archive.open(info) as stream:
                        nodes = _scan(path, kind, info.filename, stream, nodes, limits, watch)
            return {info.filename for info in infos}
    except ReportError:
        raise
    except (*BROKEN_ZIP, ValueError) as exc:
        raise ReportError(E.CORRUPT_OFFICE, path=path, kind=kind, reason=f"damaged zip archive ({exc})") from None


def _check_directory(path: str, infos: list[zipfile.ZipInfo], limits: ReadLimits) -> None:
    """Refuse, from the sizes the zip directory declares, an archive that unpacks too far."""
    if len(infos) > limits.max_members:
        what = f"the archive has {len(infos):,} members"
        raise ReportError(E.TOO_LARGE, path=path, what=what, limit=f"{limits.max_members:,}", option="max_members")
    total = 0
    for info in infos:
        size = info.file_size
        if size > limits.max_member_bytes:
            what = f"its part {info.filename} would unpack to {_size(size)}"
            raise ReportError(E.TOO_LARGE, path=path, what=what, limit=_size(limits.max_member_bytes), option="max_member_bytes")
        if size > _RATIO_FLOOR and size > limits.max_compression_ratio * max(info.compress_size, 1):
            what = f"its part {info.filename} would unpack {size // max(info.compress_size, 1):,} times its packed size"
            raise ReportError(E.TOO_LARGE, path=path, what=what, limit=f"{limits.max_compression_ratio}:1", option="max_compression_ratio")
        total += size
        if total > limits.max_unpacked_bytes:
            what = f"the archive would unpack to more than {_size(total)}"
            raise ReportError(E.TOO_LARGE, path=path, what=what, limit=_size(limits.max_unpacked_bytes), option="max_unpacked_bytes")


def _scan(path: str, kind: str, name: str, stream: IO[bytes], nodes: int, limits: ReadLimits, watch: Watcher | None) -> int:
    """Count the part's elements and attributes onto ``nodes``; stop past the limit."""
    for piece in _pieces(stream):
        if b"<!DOCTYPE" in piece or b"<!ENTITY" in piece:
            raise ReportError(E.XML_DOCTYPE, path=path, part=name, kind=kind)
        # Every element opens with "<" (closing tags with "</"), every attribute has one "=":
        # an upper bound on the nodes a parser would build, counted at C speed.
        nodes += piece.count(b"<") - piece.count(b"</") + piece.count(b"=")
        if nodes > limits.max_xml_nodes:
            what = f"the XML parts hold more than {limits.max_xml_nodes:,} elements and attributes"
            raise ReportError(E.TOO_COMPLEX, path=path, where=name, what=what, option="max_xml_nodes")
        if watch is not None:
            watch(name, piece)
    return nodes


def _pieces(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's bytes, each once, in pieces that end just before a "<" so tags stay whole."""
    carry = b""
    while chunk := stream.read(_CHUNK):
        buffer = carry + chunk
        cut = buffer.rfind(b"<")
        if cut <= 0 or len(buffer) - cut > _MAX_TAG:
            cut = len(buffer)
        yield buffer[:cut]
        carry = buffer[cut:]
    if carry:
        yield carry


def _size(size: int) -> str:
    """
    >>> _size(3 << 30), _size(128 * MiB), _size(5000)
    ('3.0 GiB', '128 MiB', '5,000 bytes')
    """
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GiB"
    if size >= MiB:
        return f"{size // MiB:,} MiB"
    return f"{size:,} bytes"
