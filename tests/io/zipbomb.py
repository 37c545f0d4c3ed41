"""Build real zip bombs in seconds: a few MB on disk that unpack to gigabytes.

Deflating gigabytes takes longer than a test may, so each distinct piece of a member is
deflated once and its compressed bytes repeated: a piece compressed by a fresh compressor
and ended with a full flush refers to nothing before it and ends on a byte boundary, so the
copies decode to the piece repeated. The zip's headers are written here (zipfile can only
write what it compresses itself); the CRC is computed over the real content, so zipfile
reads the bomb as a valid archive. Members stay under 4 GiB (no zip64 needed).

The .odt bombs need no compression trick: ODF's repeat attributes multiply text themselves.
"""

from __future__ import annotations

import io
import struct
import zipfile
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


ODF_NAMESPACES = (
    b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)


def odt_file(path: Path, body: bytes) -> Path:
    """An OpenDocument text whose ``office:text`` is ``body``: its mimetype stored first, as ODF asks."""
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + ODF_NAMESPACES
        + b"><office:body><office:text>" + body + b"</office:text></office:body></office:document-content>"
    )  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    path.write_bytes(buffer.getvalue())
    return path


def _repeated(inner: bytes, repeat: int) -> bytes:
    """A table of one row repeated ``repeat`` times, of one cell repeated ``repeat`` times, holding ``inner``."""
    return (
        b'<table:table><table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="%d">'
        % (repeat, repeat) + inner + b"</table:table-cell></table:table-row></table:table>"
    )  # fmt: skip


def odt_nested_repeats(path: Path, levels: int = 3, repeat: int = 30, text: bytes = b"ab") -> Path:
    """The issue's bomb: a report table whose cell holds ``levels`` tables nested in each other, each
    repeating its one row and one cell ``repeat`` times; flattened, ``text`` comes ``repeat**(2*levels)``
    times (3 levels of 30: 729 million times, in a file of a few hundred bytes)."""
    inner = b"<text:p>" + text + b"</text:p>"
    for _ in range(levels):
        inner = _repeated(inner, repeat)
    return odt_file(path, b"<table:table><table:table-row><table:table-cell>" + inner + b"</table:table-cell></table:table-row></table:table>")


def odt_long_repeated_cell(path: Path, spaces: int = 20, repeat: int = 1000) -> Path:
    """The variant at the top level: a cell of ``spaces`` thousand-space runs (``text:s``, about 20 kB
    of text from a few bytes each) repeated ``repeat`` times in a row repeated ``repeat`` times."""
    cell = b"<text:p>" + b'x<text:s text:c="1000"/>' * spaces + b"x</text:p>"
    return odt_file(path, _repeated(cell, repeat))


def odt_text_under_limit(path: Path, chars: int = 32 << 20) -> Path:
    """The most text an .odt may make with repeats and still be read: a report table whose rows of
    about 2,000 Cyrillic characters are each repeated 1,000 times, just under ``chars`` in all."""
    header = b"".join(b"<table:table-cell><text:p>%s</text:p></table:table-cell>" % h.encode() for h in ("№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"))
    rows, total, number = [b"<table:table-row>" + header + b"</table:table-row>"], 0, 0
    while True:
        number += 1
        cells = [f"{number}.", f"Захід {number}: " + "проведення навчання " * 50, "Постійно", "Сектор", f"Виконано {number}: " + "проведено перевірку " * 50]
        size = sum(map(len, cells)) * 1000
        if total + size > chars:
            break
        total += size
        row = b"".join(b"<table:table-cell><text:p>%s</text:p></table:table-cell>" % c.encode() for c in cells)
        rows.append(b'<table:table-row table:number-rows-repeated="1000">' + row + b"</table:table-row>")
    return odt_file(path, b"<table:table>" + b"".join(rows) + b"</table:table>")
