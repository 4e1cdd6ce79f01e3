"""See a PDF inside the app, print it through the system dialog, or save it.

Pages are rasterised with PDFium (``pypdfium2``: a wheel with the library inside, no
network, no system package), lazily: only the pages scrolled into view are drawn, so a
batch of 500 letters opens at once.

Printing sends the PDF itself wherever it can, never a picture of it: "print to file"
writes the original bytes (only the chosen pages, copied by PDFium), and a printer on
Linux or macOS gets the file through CUPS's ``lp`` (PDF is CUPS's own format), run as a
separate process so the window does not wait. Only where there is no ``lp`` (Windows)
is each page drawn at the printer's resolution.

The dialog sizes itself to the screen it opens on, so its buttons stay on a 1024x600 or
1366x768 screen.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QProcess, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sportello.core.paths import write_atomically
from sportello.gui.kit.screen_fit import resize_within_screen

SETTINGS_DIR = "pdf_preview/last_dir"
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
POINTS_PER_INCH = 72.0
SIDES = {  # the print dialog's duplex choice, as CUPS names it
    QPrinter.DuplexMode.DuplexNone: "one-sided",
    QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
    QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
}
_print_jobs: set[QProcess] = set()  # ``lp`` runs kept alive until they end (dialog closed or not)


def render_page(document, index: int, scale: float) -> QImage:  # type: ignore[no-untyped-def]
    """Page ``index`` of a ``pypdfium2.PdfDocument`` as a white-backed RGB image."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, fill_color=(255, 255, 255, 255))
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the bitmap is freed with the page
    finally:
        page.close()


class PdfPreviewDialog(QDialog):
    """Pages one under the other; zoom with Ctrl and + / -; Ctrl+P prints, Ctrl+S saves."""

    def __init__(self, pdf: bytes, title: str, file_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pypdfium2  # only when a preview is asked for

        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.file_name = file_name
        self.document = pypdfium2.PdfDocument(pdf)
        self.page_sizes = [self.document.get_page_size(i) for i in range(len(self.document))]
        self.zoom = 1.0
        self._rendered: dict[int, float] = {}  # page -> zoom it was drawn at

        self.pages: list[QLabel] = []
        column = QWidget()
        column.setObjectName("pdfPages")
        column.setStyleSheet("QWidget#pdfPages { background: #6b7280; }")
        pages_layout = QVBoxLayout(column)
        pages_layout.setContentsMargins(16, 16, 16, 16)
        pages_layout.setSpacing(12)
        for _ in self.page_sizes:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white;")
            self.pages.append(label)
            pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(column)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._draw_visible())

        self.info = QLabel()
        self.info.setObjectName("pdfInfo")
        zoom_out = QPushButton("−")
        zoom_out.setToolTip(self.tr("Riduci (Ctrl+-)"))
        zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        zoom_in = QPushButton("+")
        zoom_in.setToolTip(self.tr("Ingrandisci (Ctrl++)"))
        zoom_in.clicked.connect(lambda: self.step_zoom(+1))
        for button in (zoom_out, zoom_in):
            button.setFixedWidth(button.sizeHint().height() + 8)
        self.print_button = QPushButton(self.tr("Stampa…"))
        self.print_button.setObjectName("pdfPrint")
        self.print_button.setToolTip(self.tr("Stampa con la finestra di stampa del sistema (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self.tr("Salva PDF…"))
        self.save_button.setObjectName("pdfSave")
        self.save_button.setToolTip(self.tr("Salva una copia del PDF (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_as())
        close = QPushButton(self.tr("Chiudi"))
        close.clicked.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        bar.addSpacing(12)
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.scroll, 1)
        bar.setContentsMargins(12, 0, 12, 0)
        layout.addLayout(bar)

        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_as)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence("Ctrl+="), self, lambda: self.step_zoom(+1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.step_zoom(-1))
        resize_within_screen(self, 860, 900)  # an A4 page at 100% where the screen allows
        self._layout_pages()

    # ------------------------------------------------------------------ pages

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)

    def _scale(self) -> float:
        return self.zoom * self.logicalDpiX() / POINTS_PER_INCH

    def _layout_pages(self) -> None:
        """Size every page for the zoom (blank until drawn), then draw those in view."""
        scale = self._scale()
        for label, (width, height) in zip(self.pages, self.page_sizes):
            label.setFixedSize(int(width * scale), int(height * scale))
        self._rendered.clear()
        for label in self.pages:
            label.clear()
        pages = self.page_count
        self.info.setText(self.tr("{pages} pagine · zoom {zoom}%").format(
            pages=pages, zoom=round(self.zoom * 100)) if pages != 1 else
            self.tr("1 pagina · zoom {zoom}%").format(zoom=round(self.zoom * 100)))
        QTimer.singleShot(0, self._draw_visible)

    def _draw_visible(self) -> None:
        if self.document is None:  # closed meanwhile
            return
        viewport = self.scroll.viewport()
        top = self.scroll.verticalScrollBar().value()
        bottom = top + viewport.height()
        for index, label in enumerate(self.pages):
            y = label.y()
            if y + label.height() < top - viewport.height() or y > bottom + viewport.height():
                continue  # more than a screen away
            if self._rendered.get(index) == self.zoom:
                continue
            image = render_page(self.document, index, self._scale() * self.devicePixelRatioF())
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            label.setPixmap(pixmap)
            self._rendered[index] = self.zoom

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    def step_zoom(self, direction: int) -> None:
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        index = max(0, min(len(ZOOMS) - 1, index + direction))
        if ZOOMS[index] != self.zoom:
            self.zoom = ZOOMS[index]
            self._layout_pages()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._draw_visible)

    # ------------------------------------------------------------------ print and save

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Through the system print dialog (``printer`` given: print there, no dialog).

        True when the pages went to the file or the printer's queue.
        """
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.file_name)
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Stampa"))
            dialog.setMinMax(1, self.page_count)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        pages = self.chosen_pages(printer)
        if not pages:
            QMessageBox.warning(self, self.tr("Stampa"), self.tr(
                "Le pagine scelte non sono nel documento (pagine 1–{last}).").format(
                    last=self.page_count))
            return False
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
            return self._print_to_file(printer.outputFileName(), pages)
        lp = shutil.which("lp") if sys.platform != "win32" else None
        if lp and printer.printerName():
            return self._print_with_lp(lp, printer, pages)
        return self._print_pages(printer, pages)

    def chosen_pages(self, printer: QPrinter) -> list[int]:
        """The pages (from 0) the print dialog asked for: all, or those in its range."""
        ranges = printer.pageRanges()
        every = range(self.page_count)
        return list(every) if ranges.isEmpty() else [i for i in every if ranges.contains(i + 1)]

    def _pdf_of(self, pages: list[int]) -> bytes:
        """The original bytes, or a PDF of only ``pages`` copied by PDFium (text kept)."""
        if pages == list(range(self.page_count)):
            return self.pdf
        import pypdfium2

        part = pypdfium2.PdfDocument.new()
        try:
            part.import_pages(self.document, pages)
            out = io.BytesIO()
            part.save(out)
            return out.getvalue()
        finally:
            part.close()

    def _print_to_file(self, path: str, pages: list[int]) -> bool:
        """"Print to file (PDF)": the PDF itself, not a picture of each page."""
        try:
            write_atomically(Path(path), self._pdf_of(pages))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Stampa"), self.tr(
                "Impossibile salvare «{path}»: {error}").format(path=path, error=exc.strerror))
            return False
        return True

    def _print_with_lp(self, lp: str, printer: QPrinter, pages: list[int]) -> bool:
        """Queue the PDF on a CUPS printer with ``lp``, without waiting for it."""
        folder = Path(tempfile.mkdtemp(prefix="sportello-stampa-"))
        document = folder / (Path(self.file_name).name or "documento.pdf")
        try:
            document.write_bytes(self._pdf_of(pages))
        except OSError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            QMessageBox.warning(self, self.tr("Stampa"), self.tr(
                "Impossibile preparare la stampa: {error}").format(error=exc.strerror))
            return False
        args = ["-d", printer.printerName(), "-t", self.file_name]
        if printer.copyCount() > 1:
            args += ["-n", str(printer.copyCount())]
            if printer.collateCopies():
                args += ["-o", "collate=true"]
        if printer.duplex() in SIDES:
            args += ["-o", f"sides={SIDES[printer.duplex()]}"]
        args.append(str(document))
        process = QProcess()
        process.setProgram(lp)
        process.setArguments(args)
        title, printer_name = self.tr("Stampa"), printer.printerName()
        failed = self.tr("La stampante «{printer}» non ha accettato il documento: {error}")

        def finished() -> None:
            _print_jobs.discard(process)
            shutil.rmtree(folder, ignore_errors=True)
            error = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
            if (process.error() == QProcess.ProcessError.FailedToStart
                    or process.exitStatus() != QProcess.ExitStatus.NormalExit
                    or process.exitCode()):
                QMessageBox.warning(QApplication.activeWindow(), title, failed.format(
                    printer=printer_name, error=error or process.errorString()))
            process.deleteLater()

        process.finished.connect(lambda _code, _status: finished())
        process.errorOccurred.connect(
            lambda error: finished() if error == QProcess.ProcessError.FailedToStart else None)
        _print_jobs.add(process)
        process.start()
        return True

    def _print_pages(self, printer: QPrinter, pages: list[int]) -> bool:
        """Draw each page at the printer's resolution (no ``lp``: Windows)."""
        progress = QProgressDialog(self.tr("Stampa in corso…"), self.tr("Annulla"), 0,
                                   len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Stampa"), self.tr(
                "La stampante non è disponibile: controllare che sia accesa e collegata."))
            return False
        try:
            dpi = printer.resolution()
            for done, index in enumerate(pages):
                if progress.wasCanceled():
                    printer.abort()
                    return False
                if done:
                    printer.newPage()
                image = render_page(self.document, index, min(dpi, 300) / POINTS_PER_INCH)
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(target.x(), target.y(), image.scaled(
                    size, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
                progress.setValue(done + 1)
                QApplication.processEvents()
        finally:
            painter.end()
            progress.close()
        return True

    def save_as(self, path: str | None = None) -> Path | None:
        """Write the PDF as it is (the archived bytes: a copy is identical)."""
        if path is None:
            settings = QSettings()
            start = Path(str(settings.value(SETTINGS_DIR, str(Path.home())))) / self.file_name
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Salva PDF"), str(start), self.tr("Documenti PDF (*.pdf)"))
            if not path:
                return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            write_atomically(target, self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Salva PDF"), self.tr(
                "Impossibile salvare «{path}»: {error}").format(path=target, error=exc.strerror))
            return None
        QSettings().setValue(SETTINGS_DIR, str(target.parent))
        return target

    def done(self, result: int) -> None:  # noqa: D102
        if self.document is not None:
            self.document.close()
            self.document = None
        super().done(result)
