"""PDFs drawn directly with reportlab, for the cases LibreOffice will not produce on demand.

`draw_report` lays a report table out the way a word processor does (cells wrapped to their
column, a header repeated on each page, rows split across a page break), but the page breaks
fall where a test says: after any table line, even inside a row, so a single cell can be cut
in two. It draws with or without ruling lines, hyphenates chosen words at line ends, and can
turn the page with /Rotate 90. `draw_scan` makes a page that is only an image.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT = "DejaVuSerif"
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")  # Debian's fonts-dejavu-core
SIZE = 9.0
LEADING = 11.0
PADDING = 4.0
MARGIN = 40.0
HEADER = ["№", "Найменування заходу", "Строк виконання", "Відповідальні за виконання", "Стан виконання"]
WIDTHS = (40.0, 210.0, 110.0, 150.0, 250.0)


@dataclass
class Layout:
    """How to draw: ``breaks`` are body line counts after which a page ends (besides full pages)."""

    ruled: bool = True
    breaks: Sequence[int] = ()
    rotate: bool = False
    hyphenate: Sequence[str] = ()
    page_numbers: bool = False
    #: Place each word on its own, with no space characters between them, as some writers do.
    word_by_word: bool = False
    repeat_header: bool = True
    title: Sequence[str] = ("ЗВІТ", "про виконання антикорупційної програми за 2019 рік")
    footer: Sequence[str] = ("Начальник відділу                                    С.В. Гребенюк",)
    widths: Sequence[float] = WIDTHS


def _font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))


def wrap(text: str, width: float, hyphenate: Sequence[str] = ()) -> list[str]:
    """``text`` wrapped to ``width`` points; a word in ``hyphenate`` ("корупцій-них") may be cut at its hyphen mark."""
    _font()
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        plain = word.replace("|", "")
        candidate = f"{current} {plain}".strip()
        if pdfmetrics.stringWidth(candidate, FONT, SIZE) <= width or not current:
            current = candidate
            continue
        if "|" in word:  # a hyphenation point: fill the line with the first part
            head, tail = word.split("|", 1)
            if pdfmetrics.stringWidth(f"{current} {head}-", FONT, SIZE) <= width:
                lines.append(f"{current} {head}-")
                current = tail
                continue
        lines.append(current)
        current = plain
    if current:
        lines.append(current)
    return lines or [""]


def draw_report(path: Path, items: Sequence[str | Sequence[str]], layout: Layout | None = None) -> Path:
    """Draw a report: title, header, the ``1 2 3 4 5`` row, ``items`` (a str is a section row
    merged across the table, a sequence is a row's cells; ``|`` inside a word marks where it may
    be hyphenated), then the footer."""
    layout = layout or Layout()
    _font()
    page_width, page_height = landscape(A4)
    # A turned page is stored portrait (reportlab swaps the media box of a page with /Rotate
    # 90), its content drawn sideways, and /Rotate 90 turns it back for the reader, as some
    # PDF writers store landscape pages.
    pdf = canvas.Canvas(str(path), pagesize=(page_width, page_height))
    state = _Page(pdf, layout, page_height)
    state.turn()
    for line in layout.title:
        state.text_line(line)
    state.y -= LEADING
    header_rows = [[c for c in HEADER], [str(n) for n in range(1, len(HEADER) + 1)]]
    for cells in header_rows:
        state.draw_row([wrap(c, w - 2 * PADDING) for c, w in zip(cells, layout.widths)])
    state.header = [[wrap(c, w - 2 * PADDING) for c, w in zip(cells, layout.widths)] for cells in header_rows]
    body_lines = 0
    breaks = sorted(set(layout.breaks))
    for item in items:
        if isinstance(item, str):
            wrapped = [wrap(item, sum(layout.widths) - 2 * PADDING)]
        else:
            wrapped = [wrap(c, w - 2 * PADDING, layout.hyphenate) for c, w in zip(item, layout.widths)]
        height = max(len(c) for c in wrapped)
        start = 0
        while start < height:
            room = state.room()
            forced = next((b - body_lines for b in breaks if body_lines < b < body_lines + (height - start)), None)
            take = min(height - start, room if forced is None else min(room, forced))
            if take <= 0:
                state.new_page()
                continue
            state.draw_row([c[start : start + take] for c in wrapped], merged=isinstance(item, str))
            start += take
            body_lines += take
            if start < height or body_lines in breaks:
                state.new_page()
    state.y -= LEADING
    for line in layout.footer:
        state.text_line(line)
    state.finish()
    pdf.save()
    return path


class _Page:
    def __init__(self, pdf: canvas.Canvas, layout: Layout, height: float) -> None:
        self.pdf, self.layout, self.height = pdf, layout, height
        self.y = height - MARGIN
        self.number = 1
        self.header: list[list[list[str]]] = []

    def room(self) -> int:
        return int((self.y - MARGIN - 2 * PADDING) // LEADING)

    def text_line(self, text: str) -> None:
        if self.y - LEADING < MARGIN:
            self.new_page(header=False)
        self.pdf.setFont(FONT, SIZE)
        self.pdf.drawString(MARGIN, self.y - SIZE, text)
        self.y -= LEADING

    def draw_row(self, cells: list[list[str]], merged: bool = False) -> None:
        lines = max(len(c) for c in cells) if cells else 1
        height = lines * LEADING + 2 * PADDING
        x = MARGIN
        widths = [sum(self.layout.widths)] if merged else list(self.layout.widths)
        self.pdf.setFont(FONT, SIZE)
        for column, width in enumerate(widths):
            if self.layout.ruled:
                self.pdf.rect(x, self.y - height, width, height, stroke=1, fill=0)
            for n, text in enumerate(cells[column] if column < len(cells) else []):
                self.draw_text(x + PADDING, self.y - PADDING - SIZE - n * LEADING, text)
            x += width
        self.y -= height if self.layout.ruled else height + LEADING * 0.6

    def draw_text(self, x: float, y: float, text: str) -> None:
        if not self.layout.word_by_word:
            self.pdf.drawString(x, y, text)
            return
        space = pdfmetrics.stringWidth(" ", FONT, SIZE)
        for word in text.split():
            self.pdf.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word, FONT, SIZE) + space

    def new_page(self, header: bool = True) -> None:
        self.finish()
        self.pdf.showPage()
        self.turn()
        self.number += 1
        self.y = self.height - MARGIN
        if header and self.layout.repeat_header:
            for cells in self.header:
                self.draw_row(cells)

    def turn(self) -> None:
        if self.layout.rotate:
            self.pdf.setPageRotation(90)
            self.pdf.translate(self.height, 0)
            self.pdf.rotate(90)

    def finish(self) -> None:
        if self.layout.page_numbers:
            self.pdf.setFont(FONT, SIZE)
            self.pdf.drawString(landscape(A4)[0] / 2, MARGIN / 2, f"- {self.number} -")


def draw_scan(path: Path, pages: int = 1, text_first: bool = False) -> Path:
    """A PDF whose pages are pictures of a table (pixels only, no text layer), like a scanner's;
    ``text_first`` puts a page with text before them, as when scans are appended to a report."""
    from PIL import Image, ImageDraw

    _font()
    page_width, page_height = landscape(A4)
    pdf = canvas.Canvas(str(path), pagesize=(page_width, page_height))
    if text_first:
        pdf.setFont(FONT, SIZE)
        pdf.drawString(MARGIN, page_height - MARGIN, "  ".join(HEADER))
        pdf.showPage()
    for _ in range(pages):
        image = Image.new("L", (1169, 826), 255)
        draw = ImageDraw.Draw(image)
        for row in range(6):
            draw.rectangle([50, 80 + row * 60, 1120, 140 + row * 60], outline=0, width=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        buffer.seek(0)
        pdf.drawImage(ImageReader(buffer), 0, 0, width=page_width, height=page_height)
        pdf.showPage()
    pdf.save()
    return path

