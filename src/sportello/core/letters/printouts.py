"""Sheets that go with the letters: address labels on A4 label sheets, the call sheet.

Labels: for letters sent in plain envelopes. The common A4 formats are here with their
measured label size and sheet margins (``LABEL_FORMATS``); each address is drawn inside its
label with 4 mm of padding, shrinking the type so that the longest line fits, never over
the edge. The call sheet: tomorrow's appointments with phone and e-mail, one line each,
with boxes to tick (reached, message left) for the clerk who phones.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from sportello.core.letters.render import FONT, FONT_BOLD, register_fonts


@dataclass(frozen=True)
class LabelFormat:
    name: str
    columns: int
    rows: int
    width: float  # points
    height: float
    left: float  # sheet margin to the first label
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner of label ``index`` (0-based, row by row) on its sheet."""
        i = index % self.per_sheet
        row, col = divmod(i, self.columns)
        x = self.left + col * (self.width + self.gap_x)
        y = A4[1] - self.top - (row + 1) * self.height - row * self.gap_y
        return x, y


LABEL_FORMATS: dict[str, LabelFormat] = {
    # 24 labels 70 x 37 mm, edge to edge (e.g. Avery 3474, Herma 4464)
    "3x8": LabelFormat("3x8", 3, 8, 70 * mm, 37 * mm, 0, 0.5 * mm),
    # 21 labels 70 x 42.3 mm, edge to edge (e.g. Avery 3652)
    "3x7": LabelFormat("3x7", 3, 7, 70 * mm, 42.3 * mm, 0, 0.45 * mm),
    # 14 labels 99.1 x 38.1 mm with margins and gaps (e.g. Avery L7163)
    "2x7": LabelFormat("2x7", 2, 7, 99.1 * mm, 38.1 * mm, 4.65 * mm, 15.15 * mm, gap_x=2.5 * mm),
}
LABEL_PAD = 4 * mm


def labels_pdf(addresses: Sequence[Sequence[str]], fmt: str = "3x8", *,
               title: str = "Etichette") -> bytes:
    """One label per address (lines of text), as many A4 sheets as needed."""
    spec = LABEL_FORMATS[fmt]
    register_fonts()
    out = io.BytesIO()
    canv = Canvas(out, pagesize=A4, pageCompression=1)
    canv.setTitle(title)
    canv.setCreator("Sportello")
    for i, lines in enumerate(addresses):
        if i and i % spec.per_sheet == 0:
            canv.showPage()
        x, y = spec.origin(i)
        inner_w = spec.width - 2 * LABEL_PAD
        lines = [line for line in lines if line.strip()][:5]
        size = 10.0
        while size > 6 and any(pdfmetrics.stringWidth(t, FONT_BOLD if n == 0 else FONT, size)
                               > inner_w for n, t in enumerate(lines)):
            size -= 0.5
        leading = size * 1.25
        top = y + spec.height - LABEL_PAD - size
        for n, text in enumerate(lines):
            canv.setFont(FONT_BOLD if n == 0 else FONT, size)
            while text and pdfmetrics.stringWidth(text, FONT, size) > inner_w:
                text = text[:-1]  # at the smallest size, cut rather than cross the edge
            canv.drawString(x + LABEL_PAD, top - n * leading, text)
    canv.showPage()
    canv.save()
    return out.getvalue()


@dataclass(frozen=True)
class CallLine:
    time: str  # "09:30"
    person: str
    phone: str  # formatted, or the reason it cannot be called
    email: str
    how: str  # "in presenza", "videochiamata", "telefono"
    operator: str


def call_sheet_pdf(title: str, lines: Sequence[CallLine]) -> bytes:
    """The day's call sheet: one line per appointment, landscape A4, boxes to tick."""
    register_fonts()
    out = io.BytesIO()
    page_w, page_h = landscape(A4)
    canv = Canvas(out, pagesize=(page_w, page_h), pageCompression=1)
    canv.setTitle(title)
    canv.setCreator("Sportello")
    columns = (("Ora", 16), ("Persona", 62), ("Telefono", 40), ("E-mail", 62),
               ("Modalità", 30), ("Operatore", 36), ("Raggiunto", 17), ("Messaggio", 17))
    left, row_h = 12 * mm, 8 * mm

    def header(y: float) -> float:
        canv.setFont(FONT_BOLD, 13)
        canv.drawString(left, y, title)
        y -= 10 * mm
        canv.setFont(FONT_BOLD, 8.5)
        x = left
        for name, width in columns:
            canv.drawString(x, y, name)
            x += width * mm
        canv.line(left, y - 2 * mm, page_w - left, y - 2 * mm)
        return y - row_h

    y = header(page_h - 15 * mm)
    for line in lines:
        if y < 15 * mm:
            canv.showPage()
            y = header(page_h - 15 * mm)
        canv.setFont(FONT, 8.5)
        x = left
        for (name, width), text in zip(columns[:6], (line.time, line.person, line.phone,
                                                     line.email, line.how, line.operator)):
            cell = text
            while cell and pdfmetrics.stringWidth(cell, FONT, 8.5) > width * mm - 2 * mm:
                cell = cell[:-1]
            canv.drawString(x, y, cell)
            x += width * mm
        for _name, width in columns[6:]:
            canv.rect(x + 5 * mm, y - 1 * mm, 4 * mm, 4 * mm)
            x += width * mm
        canv.setLineWidth(0.2)
        canv.line(left, y - 3 * mm, page_w - left, y - 3 * mm)
        canv.setLineWidth(1)
        y -= row_h
    if not lines:
        canv.setFont(FONT, 10)
        canv.drawString(left, y, "Nessun appuntamento.")
    canv.showPage()
    canv.save()
    return out.getvalue()
