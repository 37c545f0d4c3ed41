"""Time and peak memory of `acnlp parse` on hostile inputs, against an ordinary report in the same run.

    python benchmarks/readers.py [--rows 1000]

Each input is parsed by ``acnlp parse FILE -o rows.jsonl`` in a fresh process, as a user runs
it; its wall time and peak resident memory (the kernel's ru_maxrss for that process) are
printed with its exit code and the first error code on stderr, and as ratios to the reference:
a .docx of ``--rows`` measure rows built from the seed report. The hostile inputs are the
issue's zip bombs (3 MB that unpack to 2 GiB of empty paragraphs, or to one 3 GiB text node),
an archive that passes every size check but holds millions of XML nodes, a workbook with more
than 1,048,576 rows, an HTML page whose colspans would lay out millions of cells, and the .odt
bombs of a few hundred bytes whose repeated cells and rows multiply text (tables nested three
and four deep, each repeating a cell and a row 30 times; a 20,000-character cell repeated
1,000 times in a row repeated 1,000 times); then the largest .docx, .xlsx, .odt (its text made
by repeats) and .txt (its text all distinct) the default limits let through, for the memory a
user may see.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import docx  # noqa: E402
import openpyxl  # noqa: E402

from acnlp import read_report  # noqa: E402
from tests.io.zipbomb import GiB, docx_bomb, empty_paragraphs, odt_long_repeated_cell, odt_nested_repeats, odt_text_under_limit, one_text_node  # noqa: E402

HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні", "Стан виконання"]
# The child writes its own peak (VmHWM, which exec resets) when it exits: its ru_maxrss would
# start from the benchmark's own size, inherited through fork.
PARSE = (
    "import atexit, os, re\n"
    "def peak():\n"
    "    status = open('/proc/self/status').read()\n"
    "    open(os.environ['PEAK_FILE'], 'w').write(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
    "atexit.register(peak)\n"
    "from acnlp.cli import main\n"
    "main()\n"
)


def reference_docx(path: Path, rows: int) -> Path:
    """A Word report of ``rows`` measure rows, the seed report's rows over and over."""
    seed = read_report(REPO / "corpus" / "reports" / "dms_2019_annual.txt").rows
    document = docx.Document()
    table = document.add_table(rows=rows + 1, cols=5)
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    for number in range(rows):
        row = seed[number % len(seed)]
        for cell, text in zip(table.rows[number + 1].cells, [f"{number + 1}.", row.measure, row.deadline, row.responsible, row.status]):
            cell.text = text
    document.save(str(path))
    return path


def attributed_paragraphs(path: Path, count: int) -> Path:
    """Paragraphs with random revision ids: they pack about 4:1, so no size or ratio check stops them."""
    rng = random.Random(10)
    body = b"".join(b'<w:p w:rsidR="%08X" w:rsidRDefault="%08X"/>' % (rng.getrandbits(32), rng.getrandbits(32)) for _ in range(count))
    return docx_bomb(path, [(body, 1)])


def million_rows(path: Path, rows: int = 1_048_577) -> Path:
    sheet = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(1, rows + 1))
    xml = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sheet + b"</sheetData></worksheet>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    return path


def paragraphs_under_limit(path: Path, count: int = 640_000) -> Path:
    """The most a .docx may hold: paragraphs of 3 XML elements each, just under ``max_xml_nodes``."""
    body = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % n for n in range(count))
    return docx_bomb(path, [(body, 1)])


def rows_under_limit(path: Path, rows: int = 280_000) -> Path:
    """The most a sheet may hold: a header and rows of one text cell, 7 nodes a row, just under ``max_xml_nodes``."""
    header = b'<row r="1">' + b"".join(b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col.encode(), text.encode()) for col, text in zip("ABCDE", HEADER)) + b"</row>"
    sheet = header + b"".join(b'<row r="%d"><c r="E%d" t="inlineStr"><is><t>%d</t></is></c></row>' % (n, n, n) for n in range(2, rows))
    xml = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sheet + b"</sheetData></worksheet>"
    workbook = tempfile.NamedTemporaryFile(suffix=".xlsx")
    openpyxl.Workbook().save(workbook.name)
    with zipfile.ZipFile(workbook.name) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, xml if info.filename == "xl/worksheets/sheet1.xml" else source.read(info))
    return path


def text_under_limit(path: Path, chars: int = 32 << 20) -> Path:
    """The most distinct text a report may hold: tab-separated rows of about 2,000 Cyrillic characters, just under ``chars``."""
    lines = ["\t".join(HEADER)]
    total = len(lines[0])
    for number in itertools.count(1):
        line = f"{number}.\tЗахід {number}: " + "проведення навчання " * 50 + f"\tПостійно\tСектор\tВиконано {number}: " + "проведено перевірку " * 50
        if total + len(line) > chars:
            break
        lines.append(line)
        total += len(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def colspans(path: Path, rows: int = 20_000) -> Path:
    path.write_text("<table>" + '<tr><td colspan="1000">x</td></tr>' * rows + "</table>", encoding="utf-8")
    return path


def parse(path: Path, out: Path) -> tuple[float, float, int, str]:
    """Seconds, peak MiB, exit code and first error code of ``acnlp parse path`` in a fresh process."""
    peak_file = out.with_suffix(".peak")
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PARSE, "parse", str(path), "-o", str(out)],
        stderr=subprocess.PIPE, cwd=REPO, env={**os.environ, "PEAK_FILE": str(peak_file)},
    )  # fmt: skip
    seconds = time.perf_counter() - started
    code = re.search(r"\[(E\d{3})\]", done.stderr.decode("utf-8", "replace"))
    return seconds, int(peak_file.read_text()) / 1024, done.returncode, code.group(1) if code else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="measure rows of the reference report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        inputs = [
            (f"reference .docx, {args.rows} rows", reference_docx(tmp / "reference.docx", args.rows)),
            ("bomb: 2 GiB of empty paragraphs", empty_paragraphs(tmp / "paragraphs.docx", 2 * GiB)),
            ("bomb: one 3 GiB text node", one_text_node(tmp / "node.docx", 3 * GiB)),
            ("2.5 million attributed paragraphs", attributed_paragraphs(tmp / "nodes.docx", 2_500_000)),
            (".xlsx of 1,048,577 rows", million_rows(tmp / "rows.xlsx")),
            ("HTML: 20,000 rows x colspan 1000", colspans(tmp / "spans.html")),
            (".odt: 3 nested 30x30 repeats", odt_nested_repeats(tmp / "nested3.odt", levels=3)),
            (".odt: 4 nested 30x30 repeats", odt_nested_repeats(tmp / "nested4.odt", levels=4)),
            (".odt: 20 kB cell, 1000x1000 repeats", odt_long_repeated_cell(tmp / "cell.odt")),
            ("largest .docx read: 640,000 paragraphs", paragraphs_under_limit(tmp / "largest.docx")),
            ("largest .xlsx read: 280,000 rows", rows_under_limit(tmp / "largest.xlsx")),
            ("largest .odt read: 32 Mi chars", odt_text_under_limit(tmp / "largest.odt")),
            ("largest .txt read: 32 Mi chars", text_under_limit(tmp / "largest.txt")),
        ]
        print(f"{'input':38} {'file kB':>8} {'s':>7} {'peak MiB':>9} {'exit':>5} {'code':>5} {'s / ref':>8} {'MiB / ref':>10}")
        reference: tuple[float, float] | None = None
        for name, path in inputs:
            seconds, peak, exit_code, code = parse(path, tmp / "rows.jsonl")
            reference = reference or (seconds, peak)
            size = path.stat().st_size / 2**10
            print(f"{name:38} {size:8.1f} {seconds:7.2f} {peak:9.0f} {exit_code:5} {code:>5} {seconds / reference[0]:8.2f} {peak / reference[1]:10.2f}")


if __name__ == "__main__":
    main()
