"""The seed reports written as the documents bodies publish: .docx built here, then .pdf, .odt, .doc, .rtf.

The rows come from the seed text exports (``corpus/reports/*.txt``, read with
`acnlp.io.read_report`); the .docx is laid out the way such reports are: landscape A4, the
title above the table, a header row repeated on every page, the ``1 2 3 4 5`` numbering row,
section headings as rows merged across the table, multi-paragraph cells, and the signature
block below. LibreOffice then exports it to the other formats, which lets long rows break
across pages in the PDF (Word's and LibreOffice's default).

Used by the tests (a session fixture in ``tests/io/conftest.py``) and by
``benchmarks/pdf_tables.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from acnlp.io import read_report
from acnlp.io.libreoffice import convert_files
from acnlp.normalize import normalize
from acnlp.report import Report

REPO = Path(__file__).resolve().parents[2]
SEEDS = {
    "dms_2019_annual": REPO / "corpus" / "reports" / "dms_2019_annual.txt",
    "luhansk_housing_2019_q3": REPO / "corpus" / "reports" / "luhansk_housing_2019_q3.txt",
}
#: Rows counted by hand in the seed reports.
HAND_COUNTS = {"dms_2019_annual": 42, "luhansk_housing_2019_q3": 37}
HEADER = ["№", "Найменування заходу, зазначеного у антикорупційній програмі", "Строк виконання заходу",
          "Відповідальні за виконання", "Стан виконання"]  # fmt: skip
WIDTHS_CM = (1.3, 7.0, 3.5, 4.5, 10.5)
#: LibreOffice's --convert-to targets of the formats built from the .docx.
TARGETS = {"pdf": "pdf:writer_pdf_Export", "odt": "odt", "doc": "doc:MS Word 97", "rtf": "rtf"}
_LINE_END_HYPHEN = re.compile(r"(?<=\w)-\s+(?=\w)")


def comparable(text: str) -> str:
    """A cell as compared across formats: normalised, whitespace collapsed, a hyphen before a line break closed up.

    Layout changes where lines and paragraphs break, never the words, so a comparison looks
    through exactly that: ``normalize`` (look-alike characters, every run of whitespace to one
    space), then «корупцій- них» and «ресурсно- господарського» become one word with their
    hyphen kept, as the text export writes compounds.

    >>> comparable("ресурсно-\\nгосподарського  забезпечення")
    'ресурсно-господарського забезпечення'
    """
    return _LINE_END_HYPHEN.sub("-", normalize(text))


def cell_key(row: object) -> tuple[str, str, str]:
    """The cells every format must give as the text export does: measure, deadline, status."""
    return tuple(comparable(getattr(row, name)) for name in ("measure", "deadline", "status"))  # type: ignore[return-value]


def seed_report(name: str) -> Report:
    return read_report(SEEDS[name])


def write_docx(
    report: Report, path: Path, font: str = "DejaVu Serif", size: float = 9, widths: tuple[float, ...] = WIDTHS_CM
) -> Path:
    """Write ``report`` as a landscape .docx table, laid out as the body would have sent it."""
    document = docx.Document()
    _landscape(document)
    style = document.styles["Normal"]
    style.font.name, style.font.size = font, Pt(size)
    style.paragraph_format.space_after = Pt(0)
    for line in report.title.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=len(HEADER))
    table.style = "Table Grid"
    _add_row(table, HEADER, repeat=True)
    _add_row(table, [str(n) for n in range(1, len(HEADER) + 1)], repeat=True)
    for item in _table_items(report):
        if isinstance(item, str):
            cells = table.add_row().cells
            cells[0].merge(cells[-1]).text = item
        else:
            _add_row(table, item)
    _widths(table, widths)
    for line in report.footer.splitlines():
        document.add_paragraph(line)
    if not report.footer:
        # Word always keeps a paragraph after a table; LibreOffice's Word 97 export drops a
        # table that ends the document without one
        document.add_paragraph("")
    document.save(str(path))
    return path


def build_seed_documents(outdir: Path) -> dict[tuple[str, str], Path]:
    """Every seed in every format, keyed by (seed name, format): .docx written here, the rest by LibreOffice."""
    outdir.mkdir(parents=True, exist_ok=True)
    built = {(name, "docx"): write_docx(seed_report(name), outdir / f"{name}.docx") for name in SEEDS}
    sources = [built[(name, "docx")] for name in SEEDS]
    for fmt, target in TARGETS.items():
        # One LibreOffice start per format, converting both seeds.
        for name, path in zip(SEEDS, convert_files(sources, target, outdir / fmt)):
            built[(name, fmt)] = path
    return built


def build_seed_pdfs(outdir: Path, font: str, size: float, widths: tuple[float, ...]) -> dict[str, Path]:
    """Both seeds as PDFs in another font, size and column widths, so lines wrap and pages
    break elsewhere (and words too long for a narrow column are broken by force)."""
    outdir.mkdir(parents=True, exist_ok=True)
    sources = [write_docx(seed_report(name), outdir / f"{name}.docx", font, size, widths) for name in SEEDS]
    return dict(zip(SEEDS, convert_files(sources, TARGETS["pdf"], outdir / "pdf")))


def _table_items(report: Report) -> Iterable[str | list[str]]:
    """Section headings (str) and measure rows (cells) in table order.

    A row's ``section`` is the last heading above it; ``report.sections`` lists every heading,
    so the headings standing between two rows are those up to the next row's section.
    """
    headings = list(report.sections)
    current = None
    for row in report.rows:
        if row.section != current and row.section is not None:
            while headings:
                heading = headings.pop(0)
                yield heading
                if heading == row.section:
                    break
            current = row.section
        measure = f"{row.sub_number} {row.measure}" if row.sub_number else row.measure
        yield [row.number, measure, row.deadline, row.responsible, row.status]


def _add_row(table, texts: list[str], *, repeat: bool = False) -> None:
    row = table.add_row()
    if repeat:
        # Word's "repeat as header row at the top of each page"
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, text in zip(row.cells, texts):
        paragraphs = text.split("\n")
        cell.text = paragraphs[0]
        for paragraph in paragraphs[1:]:
            cell.add_paragraph(paragraph)


def _widths(table, widths: tuple[float, ...]) -> None:
    # LibreOffice takes a table's column widths from its grid, Word from its cells: set both.
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        column.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = Cm(width)


def _landscape(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    # the default document grid would snap lines to it; real exports rarely keep it
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        section._sectPr.remove(grid)
