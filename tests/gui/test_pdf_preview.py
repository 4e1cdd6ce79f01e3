"""The PDF preview: pages drawn as they come into view, zoom, print, save the same bytes."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pypdf import PdfReader

from sportello.gui.dialogs import pdf_preview
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


class AcceptingPrintDialog:
    """The system print dialog, as if the clerk chose ``choose`` and pressed Stampa."""

    choose = staticmethod(lambda printer: None)
    shown: list[tuple[int, int]] = []

    def __init__(self, printer: QPrinter, parent=None) -> None:  # type: ignore[no-untyped-def]
        self.printer = printer
        self.range = (0, 0)

    def setWindowTitle(self, title: str) -> None:  # noqa: N802
        pass

    def setMinMax(self, low: int, high: int) -> None:  # noqa: N802
        self.range = (low, high)

    def exec(self) -> QDialog.DialogCode:
        AcceptingPrintDialog.shown.append(self.range)
        AcceptingPrintDialog.choose(self.printer)
        return QDialog.DialogCode.Accepted


@pytest.fixture
def print_dialog(monkeypatch):  # type: ignore[no-untyped-def]
    AcceptingPrintDialog.shown = []
    monkeypatch.setattr(pdf_preview, "QPrintDialog", AcceptingPrintDialog)
    return AcceptingPrintDialog


class OfficePrinter(QPrinter):
    """A CUPS queue named "Ufficio" (this machine has none: Qt would fall back to PDF)."""

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self) -> str:  # noqa: N802
        return "Ufficio"


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text().strip() for page in PdfReader(io.BytesIO(data)).pages]


def test_the_save_button_writes_the_same_bytes(qtbot, preview, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = []

    def choose(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append((caption, Path(start).name))
        return str(tmp_path / "copia"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert preview.save_button.isVisible() and preview.save_button.text() == "Salva PDF…"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert asked == [("Salva PDF", "convocazioni.pdf")]
    assert (tmp_path / "copia.pdf").read_bytes() == preview.pdf


def test_print_to_a_pdf_file_writes_the_pdf_itself(qtbot, preview, tmp_path, print_dialog) -> None:  # type: ignore[no-untyped-def]
    def to_file(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "stampa.pdf"))

    print_dialog.choose = staticmethod(to_file)
    assert preview.print_button.isVisible() and preview.print_button.text() == "Stampa…"
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert print_dialog.shown == [(1, 12)]  # the range offered is the document's
    assert (tmp_path / "stampa.pdf").read_bytes() == preview.pdf  # not a picture of it


def test_print_to_file_of_a_page_range_keeps_the_text(qtbot, preview, tmp_path, print_dialog) -> None:  # type: ignore[no-untyped-def]
    def pages_2_to_3(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "stampa.pdf"))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)

    print_dialog.choose = staticmethod(pages_2_to_3)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    printed = (tmp_path / "stampa.pdf").read_bytes()
    assert page_texts(printed) == ["Pagina 2", "Pagina 3"]
    assert len(printed) < len(preview.pdf)  # pages copied, not drawn


FAKE_LP = """#!/bin/sh
# records its arguments (one a line) and a copy of the file it was given (the last one)
printf "%s\\n" "$@" > "{record}/args"
for last in "$@"; do :; done
cp "$last" "{record}/printed.pdf"
{tail}
"""


def fake_lp(tmp_path: Path, monkeypatch, tail: str = "exit 0") -> Path:  # type: ignore[no-untyped-def]
    """An ``lp`` first on PATH; returns the folder where it leaves what it was given."""
    bin_dir, record = tmp_path / "bin", tmp_path / "lp"
    bin_dir.mkdir()
    record.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(FAKE_LP.format(record=record, tail=tail))
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(pdf_preview, "QPrinter", OfficePrinter)
    return record


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS lp: Linux and macOS")
def test_print_on_a_printer_sends_the_pdf_to_lp(qtbot, preview, tmp_path, print_dialog,
                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    record = fake_lp(tmp_path, monkeypatch)

    def two_copies_of_pages_1_to_2(printer: QPrinter) -> None:
        printer.setCopyCount(2)
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(1, 2)

    print_dialog.choose = staticmethod(two_copies_of_pages_1_to_2)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not pdf_preview._print_jobs)  # lp ran apart; the window waited not
    args = (record / "args").read_text().splitlines()
    assert args[:-1] == ["-d", "Ufficio", "-t", "convocazioni.pdf", "-n", "2",
                         "-o", "collate=true", "-o", "sides=one-sided"]
    assert Path(args[-1]).name == "convocazioni.pdf" and not Path(args[-1]).exists()  # cleaned
    assert page_texts((record / "printed.pdf").read_bytes()) == ["Pagina 1", "Pagina 2"]
    assert QApplication.activeModalWidget() is None  # no complaint


def warnings_read(seen: list[str]) -> None:
    """Read and close the next message box (the clerk presses OK)."""
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.text())
        box.accept()
    else:
        QTimer.singleShot(10, lambda: warnings_read(seen))


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS lp: Linux and macOS")
def test_a_printer_refusing_the_job_is_told_to_the_clerk(qtbot, preview, tmp_path, print_dialog,
                                                         monkeypatch) -> None:  # type: ignore[no-untyped-def]
    refuse = 'echo "lp: The printer or class does not exist." >&2\nexit 1'
    fake_lp(tmp_path, monkeypatch, tail=refuse)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: warnings_read(seen))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["La stampante «Ufficio» non ha accettato il documento: "
                    "lp: The printer or class does not exist."]
    assert not pdf_preview._print_jobs


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS lp: Linux and macOS")
def test_an_lp_that_cannot_start_is_told_to_the_clerk(qtbot, preview, tmp_path, print_dialog,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    record = fake_lp(tmp_path, monkeypatch)
    lp = tmp_path / "bin" / "lp"
    lp.write_text("#!/nessuna/shell\n" + lp.read_text())  # cannot be run
    seen: list[str] = []
    QTimer.singleShot(0, lambda: warnings_read(seen))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0].startswith("La stampante «Ufficio» non ha accettato il documento: ")
    assert not (record / "args").exists() and not pdf_preview._print_jobs


def test_without_lp_each_page_is_drawn(qtbot, preview, tmp_path, print_dialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Windows: no lp, so the pages are drawn for the printer (here Qt's PDF engine)."""
    monkeypatch.setenv("PATH", str(tmp_path))  # no lp there
    monkeypatch.setattr(pdf_preview, "QPrinter", OfficePrinter)

    def low_resolution(printer: QPrinter) -> None:
        QPrinter.setOutputFormat(printer, QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "disegnata.pdf"))
        printer.setResolution(100)

    print_dialog.choose = staticmethod(low_resolution)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    drawn = PdfReader(tmp_path / "disegnata.pdf")
    assert len(drawn.pages) == 12 and drawn.pages[0].extract_text().strip() == ""  # pictures
