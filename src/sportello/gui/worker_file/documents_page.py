"""The file's *Documenti* tab: what the worker brought or signed, and the incoming post.

The list (kind, name, date, who, protocol, size, what it belongs to) filtered by kind;
*Allega…* (or a file dropped on the file window) opens the attach dialog, which can also
register the document in the incoming protocol; *Anteprima* shows a PDF's pages with the
letters' PDFium viewer and images scaled to the window; *Apri* hands a copy to the system
viewer; *Salva copia…* and *Stampa…*; *Elimina…* (team leaders; the service decides).

Every database call runs through ``gui.ops``: the list and the choices on the read lane,
attaching, viewing, saving, printing and deleting (all audited) on the write lane. The
bytes are read and decoded in the job, never on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QImageReader,
    QPainter,
    QPixmap,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sportello.core.codes import DOCUMENT_KINDS, PROTOCOL_CHANNELS, DocumentKind
from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.services import documents
from sportello.core.services.documents import DocumentInfo, OwnerChoice
from sportello.gui import changes, ops
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.kit.forms import error_label, muted_label
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, format_datetime
from sportello.gui.kit.screen_fit import resize_within_screen
from sportello.gui.kit.tables import Column, selected_row, shown_texts
from sportello.gui.shared.path_page import PathPage

FILE_FILTER = "Documenti (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.odt *.docx *.xlsx);;Tutti (*)"


def size_text(size: int | None) -> str:
    if not size:
        return ""
    if size < 1_048_576:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / 1_048_576:.1f} MB".replace(".", ",")


def _local(stamp: dt.datetime) -> dt.datetime:
    return stamp.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@dataclass(frozen=True)
class Preview:
    """What a preview job read: the info, and the PDF bytes or the decoded image frames."""

    info: DocumentInfo
    pdf: bytes | None
    frames: list[QImage]


def _frames(data: bytes) -> list[QImage]:
    """Every page of an image (a multi-page TIFF has several), decoded off the UI thread."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    frames = []
    while True:
        image = reader.read()
        if image.isNull():
            break
        frames.append(image)
        if not reader.jumpToNextImage():
            break
    return frames


def read_preview(ctx: Context, document_id: int, purpose: str = "view") -> Preview:
    info = documents.get(ctx, document_id)
    data = documents.content(ctx, document_id, purpose=purpose)
    if info.is_pdf:
        return Preview(info, data, [])
    if info.is_image:
        return Preview(info, None, _frames(data))
    raise ValidationError(
        f"«{info.original_name}» ({info.extension}) non si vede nel programma: usare «Apri» "
        "per aprirlo con il programma del computer.", "document")


class ImagePreviewDialog(QDialog):
    """Scanned pages, one under the other, scaled to the window's width."""

    def __init__(self, frames: list[QImage], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePreview")
        self.setWindowTitle(title)
        self.frames = frames
        column = QWidget()
        self.pages_layout = QVBoxLayout(column)
        self.labels: list[QLabel] = []
        for _frame in frames:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.labels.append(label)
            self.pages_layout.addWidget(label)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(column)
        self.info = QLabel(self.tr("{n} pagine").format(n=len(frames)) if len(frames) > 1
                           else "")
        self.print_button = QPushButton(self.tr("Stampa…"))
        self.print_button.setObjectName("imagePrint")
        self.print_button.clicked.connect(lambda: self.print_images())
        close = QPushButton(self.tr("Chiudi"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.print_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(row)
        resize_within_screen(self, 900, 1000)
        self._scale()

    def _scale(self) -> None:
        width = max(200, self.scroll.viewport().width() - 24)
        for label, frame in zip(self.labels, self.frames, strict=True):
            pixmap = QPixmap.fromImage(frame)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._scale()

    def print_images(self, printer: QPrinter | None = None) -> bool:
        """Every page on its own sheet, scaled to fit (the system's print dialog first)."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        painter = QPainter(printer)
        try:
            for i, frame in enumerate(self.frames):
                if i:
                    printer.newPage()
                area = painter.viewport()
                size = frame.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(area.x(), area.y(), frame.scaled(
                    size, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
        finally:
            painter.end()
        return True


class AttachDialog(QDialog):
    """The file, its kind, what it belongs to; optionally the incoming protocol."""

    attached = Signal(object)  # the DocumentInfo

    def __init__(self, ctx: Context, worker: tuple[int, str], parent: QWidget | None = None,
                 file: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowTitle(self.tr("Allega un documento — {worker}").format(worker=worker[1]))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ctx = ctx
        self.worker_id = worker[0]
        self.choices: list[OwnerChoice] = []

        self.file_edit = QLineEdit(file or "")
        self.file_edit.setObjectName("attachFile")
        self.file_edit.setPlaceholderText(self.tr("percorso del file, o Sfoglia…"))
        browse = QPushButton(self.tr("Sfoglia…"))
        browse.setObjectName("attachBrowse")
        browse.clicked.connect(lambda: self.browse())
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("attachKind")
        for key, text in DOCUMENT_KINDS.items():
            self.kind_combo.addItem(self.tr(text), key)
        self.owner_combo = QComboBox()
        self.owner_combo.setObjectName("attachOwner")
        self.owner_combo.addItem(self.tr("Fascicolo"), 0)
        self.owner_combo.currentIndexChanged.connect(lambda _i: self._owner_changed())
        self.signed_edit = OptionalDateEdit(past=True)
        self.signed_edit.setObjectName("attachSignedOn")
        self.signed_edit.setDate(dt.date.today())
        self.signed_label = QLabel(self.tr("Firmato il"))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("attachNote")

        self.protocol_box = QGroupBox(self.tr("Protocolla in entrata"))
        self.protocol_box.setObjectName("attachProtocol")
        self.protocol_box.setCheckable(True)
        self.protocol_box.setChecked(False)
        self.sender_edit = QLineEdit()
        self.sender_edit.setObjectName("attachSender")
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("attachSubject")
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("attachChannel")
        for key, text in PROTOCOL_CHANNELS.items():
            self.channel_combo.addItem(self.tr(text), key)
        self.channel_combo.setCurrentIndex(list(PROTOCOL_CHANNELS).index("mano"))
        self.received_edit = OptionalDateEdit(past=True)
        self.received_edit.setObjectName("attachReceived")
        self.received_edit.setDate(dt.date.today())
        protocol_form = QFormLayout(self.protocol_box)
        protocol_form.addRow(self.tr("&Mittente"), self.sender_edit)
        protocol_form.addRow(self.tr("&Oggetto"), self.subject_edit)
        protocol_form.addRow(self.tr("&Canale"), self.channel_combo)
        protocol_form.addRow(self.tr("&Ricevuto il"), self.received_edit)

        form = QFormLayout()
        form.addRow(self.tr("&File"), file_row)
        form.addRow(self.tr("&Tipo"), self.kind_combo)
        form.addRow(self.tr("&Allegato a"), self.owner_combo)
        form.addRow(self.signed_label, self.signed_edit)
        form.addRow(self.tr("&Note"), self.note_edit)
        self.error = error_label("attachError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Allega"))
        self.ok_button.setObjectName("attachOk")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.protocol_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._owner_changed()
        resize_within_screen(self, 620, 520)
        worker_id = self.worker_id
        ops.read(self, lambda: documents.owner_choices(ctx, worker_id), done=self._show_choices)

    def _show_choices(self, choices: list[OwnerChoice]) -> None:
        self.choices = choices
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        for i, choice in enumerate(choices):
            self.owner_combo.addItem(choice.label, i)
        self.owner_combo.blockSignals(False)
        self._owner_changed()

    def _choice(self) -> OwnerChoice | None:
        index = self.owner_combo.currentData()
        return self.choices[index] if self.choices and index is not None else None

    def _owner_changed(self) -> None:
        choice = self._choice()
        is_pact = choice is not None and choice.owner_kind == "service_pact"
        self.signed_label.setVisible(is_pact)
        self.signed_edit.setVisible(is_pact)
        if is_pact:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(DocumentKind.PATTO.value))

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Scegli il documento"), "",
                                              FILE_FILTER)
        if name:
            self.file_edit.setText(name)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def accept(self) -> None:
        self.error.setVisible(False)
        path = self.file_edit.text().strip()
        protocol = self.protocol_box.isChecked()
        if not path and not protocol:
            self.show_error(self.tr("Scegliere il file da allegare."))
            return
        try:
            signed_on = self.signed_edit.date() if self.signed_edit.isVisible() else None
            received = self.received_edit.date()
        except InvalidInput as exc:
            self.show_error(str(exc))
            return
        ctx, worker_id = self.ctx, self.worker_id
        kind = self.kind_combo.currentData()
        note = self.note_edit.text()
        choice = self._choice()
        if protocol:
            sender, subject = self.sender_edit.text(), self.subject_edit.text()
            channel = self.channel_combo.currentData()

            def job() -> DocumentInfo:
                return documents.register_incoming(
                    ctx, sender=sender, subject=subject, channel=channel, received_on=received,
                    worker_id=worker_id, file=path or None, kind=kind, note=note)
        else:
            owner_kind = choice.owner_kind if choice else "worker"
            owner_id = choice.owner_id if choice else None

            def job() -> DocumentInfo:
                return documents.attach(ctx, worker_id, path, kind, note=note,
                                        owner_kind=owner_kind, owner_id=owner_id,
                                        signed_on=signed_on)

        ops.write(self, job, done=self._done, failed=lambda exc: self.show_error(
            ops.message_for(exc)), busy=[self.ok_button], changes=[changes.WORKERS])

    def _done(self, info: DocumentInfo) -> None:
        self.attached.emit(info)
        super().accept()


class DocumentsPage(PathPage):
    """The file's Documenti tab."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(ctx, worker)
        self.setObjectName("fileDocuments")
        self.setAcceptDrops(True)
        self.attach_button = self.button(
            "fileDocAttach", self.tr("Allega…"),
            self.tr("Allega un documento (PDF, immagine, ODT, DOCX, XLSX); si può anche "
                    "trascinare il file sulla finestra"), self.attach)
        self.preview_button = self.button(
            "fileDocPreview", self.tr("Anteprima"),
            self.tr("Mostra il documento nel programma"), self.preview)
        self.open_button = self.button(
            "fileDocOpen", self.tr("Apri"),
            self.tr("Apre una copia con il programma del computer"), self.open_external)
        self.save_button = self.button(
            "fileDocSave", self.tr("Salva copia…"), self.tr("Salva una copia del documento"),
            self.save_copy)
        self.print_button = self.button(
            "fileDocPrint", self.tr("Stampa…"), self.tr("Stampa il documento"), self.print_doc)
        self.delete_button = self.button(
            "fileDocDelete", self.tr("Elimina…"),
            self.tr("Toglie il documento dal fascicolo (responsabili)"), self.delete)
        self.buttons.addStretch(1)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("fileDocKindFilter")
        self.kind_filter.addItem(self.tr("Tutti i tipi"), None)
        for key, text in DOCUMENT_KINDS.items():
            self.kind_filter.addItem(self.tr(text), key)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.load())
        self.buttons.addWidget(self.kind_filter)
        self.list = self.table([
            Column(self.tr("Tipo"), lambda r: self.tr(DOCUMENT_KINDS.get(r.kind, r.kind))),
            Column(self.tr("Documento"), lambda r: r.original_name or r.subject or ""),
            Column(self.tr("Data"), lambda r: format_datetime(_local(r.uploaded_at))),
            Column(self.tr("Caricato da"), lambda r: r.uploaded_by or ""),
            Column(self.tr("Protocollo"), lambda r: r.protocol or ""),
            Column(self.tr("Dimensione"), lambda r: size_text(r.size), align_right=True),
            Column(self.tr("Allegato a"), self._owner_text),
        ], "fileDocTable", [180, 200, 120, 140, 90, 80])
        self.list.doubleClicked.connect(lambda _index: self.preview())
        self.layout_.addWidget(self.list, 1)
        self.empty = muted_label(self.tr("Nessun documento in questo fascicolo. Allegare il "
                                         "documento d'identità, il CV, il patto firmato…"))
        self.empty.setObjectName("fileDocEmpty")
        self.layout_.addWidget(self.empty)
        self.update_buttons()

    def _owner_text(self, row: DocumentInfo) -> str:
        if row.owner_kind == "worker":
            return ""
        label = documents.OWNER_LABELS.get(row.owner_kind, row.owner_kind)  # type: ignore[call-overload]
        return f"{self.tr(label)} n. {row.owner_id}"

    # ------------------------------------------------------------------ list

    def load(self) -> None:
        ctx, worker_id = self.ctx, self.worker[0]
        kind = self.kind_filter.currentData()
        ops.read(self, lambda: documents.list_documents(ctx, worker_id, kind=kind),
                 done=self._show, key=("documents", worker_id))

    def _show(self, rows: list[DocumentInfo]) -> None:
        self.list.model().set_rows(rows)  # type: ignore[attr-defined]
        self.empty.setVisible(not rows)
        self.loaded = True
        self.update_buttons()

    def rows(self) -> list[list[str]]:
        return shown_texts(self.list)

    def update_buttons(self) -> None:
        row = selected_row(self.list)
        has_file = row is not None and row.has_content
        for button in (self.open_button, self.save_button):
            button.setEnabled(has_file)
        for button in (self.preview_button, self.print_button):
            button.setEnabled(has_file and (row.is_pdf or row.is_image))
        self.delete_button.setEnabled(row is not None)

    # ------------------------------------------------------------------ actions

    def attach(self, file: str | None = None) -> AttachDialog:
        dialog = AttachDialog(self.ctx, self.worker, self, file)
        dialog.attached.connect(self._attached)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _attached(self, info: DocumentInfo) -> None:
        text = self.tr("Allegato: {name}.").format(name=info.original_name or info.subject)
        if info.protocol:
            text += " " + self.tr("Protocollo in entrata n. {protocol}.").format(
                protocol=info.protocol)
        if info.signed_pact:
            text += " " + self.tr("Patto di servizio: {what}.").format(what=info.signed_pact)
        self.done(text)

    def _fail(self, exc: BaseException) -> None:
        self.message.show_error(ops.message_for(exc))

    def preview(self, then: Callable[[QDialog], None] | None = None) -> None:
        row = selected_row(self.list)
        if row is None or not row.has_content:
            return
        ctx, document_id = self.ctx, row.id
        purpose = "print" if then is not None else "view"

        def show(found: Preview) -> None:
            title = f"{self.tr(DOCUMENT_KINDS.get(found.info.kind, ''))} — " \
                    f"{found.info.original_name}"
            dialog: QDialog
            if found.pdf is not None:
                dialog = PdfPreviewDialog(found.pdf, title, found.info.file_name, self)
            else:
                dialog = ImagePreviewDialog(found.frames, title, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            if then is not None:
                then(dialog)

        ops.write(self, lambda: read_preview(ctx, document_id, purpose), done=show,
                  failed=self._fail)

    def print_doc(self) -> None:
        def start(dialog: QDialog) -> None:
            if isinstance(dialog, PdfPreviewDialog):
                dialog.print_document()
            elif isinstance(dialog, ImagePreviewDialog):
                dialog.print_images()

        self.preview(then=start)

    def open_external(self) -> None:
        row = selected_row(self.list)
        if row is None or not row.has_content:
            return
        ctx, document_id = self.ctx, row.id
        target = Path(tempfile.mkdtemp(prefix="sportello-")) / row.file_name
        ops.write(self, lambda: documents.save_copy(ctx, document_id, target, purpose="open"),
                  done=lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))),
                  failed=self._fail)

    def save_copy(self) -> None:
        row = selected_row(self.list)
        if row is None or not row.has_content:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Salva una copia"), row.file_name)
        if not name:
            return
        ctx, document_id = self.ctx, row.id
        ops.write(self, lambda: documents.save_copy(ctx, document_id, Path(name)),
                  done=lambda path: self.message.show_info(
                      self.tr("Copia salvata in {path}.").format(path=path)),
                  failed=self._fail)

    def delete(self) -> None:
        row = selected_row(self.list)
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Elimina documento"),
            self.tr("Perché si toglie «{name}» dal fascicolo?").format(
                name=row.original_name or row.subject))
        if not ok:
            return
        ctx, document_id = self.ctx, row.id
        ops.write(self, lambda: documents.delete_document(ctx, document_id, reason),
                  done=lambda info: self.done(self.tr("Documento eliminato: {name}.").format(
                      name=info.original_name or info.subject)),
                  failed=self._fail, changes=[changes.WORKERS])

    # ------------------------------------------------------------------ drag and drop

    @staticmethod
    def dropped_file(event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [u.toLocalFile() for u in urls if u.isLocalFile()]
        return local[0] if len(local) == 1 else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self.dropped_file(event)
        if path:
            event.acceptProposedAction()
            self.attach(path)

