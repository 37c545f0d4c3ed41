"""Build real zip bombs in seconds: a few MB on disk that unpack to gigabytes.

Deflating gigabytes takes longer than a test may, so each distinct piece of a member is
deflated once and its compressed bytes repeated: a piece compressed by a fresh compressor
and ended with a full flush refers to nothing before it and ends on a byte boundary, so the
copies decode to the piece repeated. The zip's headers are written here (zipfile can only
write what it compresses itself); the CRC is computed over the real content, so zipfile
reads the bomb as a valid archive. Members stay under 4 GiB (no zip64 needed).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

#: A member: its content as (piece, times) pairs, the piece repeated ``times`` times.
Member = list[tuple[bytes, int]]

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)
DOCUMENT_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
DOCUMENT_TAIL = b"</w:body></w:document>"
GiB = 1 << 30


def _deflate(piece: bytes, final: bool) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(piece) + compressor.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)


def write_zip(path: Path, members: dict[str, Member]) -> Path:
    """Write ``members`` as a deflated zip archive at ``path``."""
    out = bytearray()
    central = bytearray()
    for name, pieces in members.items():
        crc, size, packed = 0, 0, bytearray()
        for piece, times in pieces:
            compressed = _deflate(piece, final=False)
            for _ in range(times):
                crc = zlib.crc32(piece, crc)
            size += len(piece) * times
            packed += compressed * times
        packed += _deflate(b"", final=True)
        encoded = name.encode()
        offset = len(out)
        # local file header: signature, version, flags, method 8 (deflate), time, date 1980-01-01
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(encoded), 0)
        out += encoded + packed
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(packed), size, len(encoded), 0, 0, 0, 0, 0, offset
        )
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    path.write_bytes(bytes(out))
    return path


def docx_bomb(path: Path, body: Member) -> Path:
    """A .docx whose document body is ``body`` (python-docx would open it, given the memory)."""
    document = [(DOCUMENT_HEAD, 1), *body, (DOCUMENT_TAIL, 1)]
    return write_zip(path, {"[Content_Types].xml": [(CONTENT_TYPES, 1)], "_rels/.rels": [(RELS, 1)], "word/document.xml": document})


def empty_paragraphs(path: Path, size: int = 2 * GiB) -> Path:
    """The issue's bomb: ``size`` bytes of empty paragraphs."""
    piece = b"<w:p/>" * (1 << 18)  # 1.5 MiB
    return docx_bomb(path, [(piece, size // len(piece))])


def one_text_node(path: Path, size: int = 3 * GiB) -> Path:
    """The issue's variant: one paragraph whose single text node is ``size`` bytes long."""
    piece = b"a" * (1 << 20)
    return docx_bomb(path, [(b"<w:p><w:r><w:t>", 1), (piece, size // len(piece)), (b"</w:t></w:r></w:p>", 1)])
