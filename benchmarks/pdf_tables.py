"""Which library rebuilds our PDF tables best: cells equal to the text export, per tool, on the seed PDFs.

Usage::

    pip install -e '.[bench,test]'     # camelot-py; python-docx and LibreOffice build the PDFs
    python benchmarks/pdf_tables.py

The seed reports (``corpus/reports/*.txt``) are written as landscape .docx and exported to
PDF by LibreOffice (``tests/io/seed_documents.py``: a header repeated on every page, section
rows merged across the table, rows broken across pages), in the tests' two layouts, and one table without ruling lines
is drawn with reportlab (``tests/io/drawn_pdfs.py``). Each tool turns the pages into rows of
cells; the same assembler (`acnlp.io.assemble`) then finds the header, sections and rows
split by a page break, so only the table rebuilding differs. A cell counts as equal when its
measure, deadline or status equals the text export's after `tests.io.seed_documents.comparable`
(normalised whitespace and look-alike characters, a hyphen before a line break closed up).

Tools: acnlp's reader (pdfplumber: words and ruling lines), camelot's ``lattice`` (ruling
lines, pdfium rendering and OpenCV) and ``stream`` (text gaps), and pypdfium2's plain text
(what ``pdftotext`` gives: lines of text, read by acnlp's text reader). Seconds are for
reading all pages, measured in the same run. Last, the cost of a long report: the dms rows
drawn once and ten times over, ms a page and peak memory (flat: pages are read one at a time).
"""

from __future__ import annotations

import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RULELESS_ROWS = 24
#: The tests' second layout: DejaVu Sans 10 pt, a narrow deadline column, equal pages otherwise.
OTHER_LAYOUT = ("DejaVu Sans", 10, (1.0, 6.0, 2.5, 3.5, 13.7))


def _pdfplumber_rows(path: Path) -> list:
    from acnlp.io import pdf

    return pdf.read_rows(str(path), path.read_bytes())


def _camelot_rows(flavor: str) -> Callable[[Path], list]:
    def read(path: Path) -> list:
        import camelot

        from acnlp.io.grid import RawRow

        rows = []
        for table in camelot.read_pdf(str(path), pages="all", flavor=flavor):
            page = int(table.page)
            for number, values in enumerate(table.df.itertuples(index=False), start=1):
                cells = [" ".join(str(v).split()) for v in values]
                rows.append(RawRow(cells=cells, lines=(number,), page=page, after_break=number == 1 and page > 1))
        return rows

    return read


def _pypdfium_text_rows(path: Path) -> list:
    import pypdfium2

    from acnlp.io import text

    document = pypdfium2.PdfDocument(str(path))
    lines = []
    for page in document:
        lines.extend(page.get_textpage().get_text_bounded().splitlines())
        lines.append("")  # a page break, as a text export shows one
    return text.read_rows(str(path), "\n".join(lines).encode("utf-8"))


TOOLS: dict[str, Callable[[Path], list]] = {
    "acnlp (pdfplumber)": _pdfplumber_rows,
    "camelot lattice": _camelot_rows("lattice"),
    "camelot stream": _camelot_rows("stream"),
    "pypdfium2 text": _pypdfium_text_rows,
}


def _ruleless_pdf(folder: Path) -> tuple[Path, list[tuple[str, str, str]]]:
    from tests.io.drawn_pdfs import Layout, draw_report
    from tests.io.seed_documents import cell_key, seed_report

    rows = seed_report("luhansk_housing_2019_q3").rows[:RULELESS_ROWS]
    items = [[r.number, r.measure, r.deadline, r.responsible, r.status] for r in rows]
    return draw_report(folder / "ruleless.pdf", items, Layout(ruled=False)), [cell_key(r) for r in rows]


def score(tool: Callable[[Path], list], path: Path, expected: list[tuple[str, str, str]]) -> tuple[float, int, float, str]:
    """(cells equal %, rows found, seconds, error) of one tool on one PDF."""
    from acnlp.errors import ReportError
    from acnlp.io.assemble import assemble
    from tests.io.seed_documents import cell_key

    started = time.perf_counter()
    try:
        report = assemble(str(path), "pdf", tool(path))
    except ReportError as err:
        return 0.0, 0, time.perf_counter() - started, err.code
    seconds = time.perf_counter() - started
    got = [cell_key(r) for r in report.rows]
    equal = sum(a == b for want, have in zip(expected, got) for a, b in zip(want, have))
    return 100.0 * equal / (3 * len(expected)), len(report.rows), seconds, ""


def long_reports(folder: Path) -> None:
    """Seconds a page and peak Python memory reading the dms rows drawn once and ten times over."""
    import tracemalloc

    from acnlp.io import read_report
    from tests.io.drawn_pdfs import draw_report
    from tests.io.seed_documents import _table_items, seed_report

    items = [i if isinstance(i, str) else [c.replace("\n", " ") for c in i] for i in _table_items(seed_report("dms_2019_annual"))]
    print("long reports (acnlp): pages, rows, ms a page, peak MiB of Python memory while reading")
    for times in (1, 10):
        path = draw_report(folder / f"long{times}.pdf", items * times)
        started = time.perf_counter()
        report = read_report(path)
        seconds = time.perf_counter() - started
        tracemalloc.start()  # a second read, traced: tracing slows Python several times over
        read_report(path)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        pages = max(p for row in report.rows for p in row.source.pages)
        print(f"  x{times:<3d} {pages:4d} pages {len(report.rows):5d} rows {1000 * seconds / pages:6.0f} ms a page {peak:7.1f} MiB")


def main() -> None:
    warnings.filterwarnings("ignore")  # camelot warns on every page where it finds no table
    sys.path.insert(0, str(REPO))
    from tests.io.seed_documents import SEEDS, build_seed_documents, build_seed_pdfs, cell_key, seed_report

    with tempfile.TemporaryDirectory() as folder:
        built = build_seed_documents(Path(folder))
        cases = [(name, built[(name, "pdf")], [cell_key(r) for r in seed_report(name).rows]) for name in SEEDS]
        other = build_seed_pdfs(Path(folder) / "sans", *OTHER_LAYOUT)
        cases += [(f"{name}, sans 10", other[name], [cell_key(r) for r in seed_report(name).rows]) for name in SEEDS]
        cases.append(("luhansk, drawn without ruling lines", *_ruleless_pdf(Path(folder))))
        for case, path, expected in cases:
            print(f"{case} ({len(expected)} rows)")
            for tool_name, tool in TOOLS.items():
                percent, rows, seconds, error = score(tool, path, expected)
                print(f"  {tool_name:<20} {percent:5.1f}% of cells equal, {rows:3d} rows, {seconds:5.2f} s {error}")
        long_reports(Path(folder))


if __name__ == "__main__":
    main()
