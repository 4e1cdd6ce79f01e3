"""The PDF preview: pages drawn as they come into view, zoom, print, save the same bytes."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader

from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.gui


def a_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        sheet.setFont("Helvetica", 28)
        sheet.drawString(72, 760, f"Pagina {n}")
        sheet.rect(72, 72, 200, 200, fill=1)  # something dark to find in the pixels
        sheet.showPage()
    sheet.save()
    return out.getvalue()


@pytest.fixture
def preview(qtbot):  # type: ignore[no-untyped-def]
    dialog = PdfPreviewDialog(a_pdf(12), "Convocazioni", "convocazioni.pdf")
    qtbot.addWidget(dialog)
    dialog.resize(700, 800)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.rendered_pages()))
    return dialog


def test_only_the_pages_in_view_are_drawn_and_they_show_the_page(qtbot, preview) -> None:  # type: ignore[no-untyped-def]
    assert preview.page_count == 12
    assert preview.info.text() == "12 pagine · zoom 100%"
    drawn = preview.rendered_pages()
    assert drawn[0] == 0 and len(drawn) < 12  # the first pages only
    image = preview.pages[0].pixmap().toImage()
    assert image.width() > 300
    dark = image.pixelColor(int(image.width() * 0.2), int(image.height() * 0.85))
    assert dark.lightness() < 60  # the black square of the page, not a blank label

    bar = preview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: 11 in preview.rendered_pages())


def test_zoom_keys_redraw_bigger(qtbot, preview) -> None:  # type: ignore[no-untyped-def]
    width = preview.pages[0].width()
    preview.activateWindow()
    qtbot.waitActive(preview)
    qtbot.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == 1.25 and preview.info.text() == "12 pagine · zoom 125%"
    assert preview.pages[0].width() > width
    qtbot.waitUntil(lambda: 0 in preview.rendered_pages())
    for _ in range(10):
        preview.step_zoom(-1)
    assert preview.zoom == 0.5


def test_save_writes_the_same_bytes_and_print_gives_every_page(qtbot, preview, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = preview.save_as(str(tmp_path / "copia"))
    assert saved == tmp_path / "copia.pdf"
    assert saved.read_bytes() == preview.pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "stampa.pdf"))
    printer.setResolution(150)
    assert preview.print_document(printer)
    assert len(PdfReader(tmp_path / "stampa.pdf").pages) == 12
