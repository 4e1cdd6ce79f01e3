"""The export dialog: one kind of data, optionally one vertenza, to an .xlsx file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import exchange_log, export, profile_store
from sportello.gui.exchange.common import kind_labels, run_task


def default_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: export.ExportResult | None = None
        self.task = None
        self.last_message: QMessageBox | None = None
        self._auto_name = True
        self.setWindowTitle(self.tr("Esporta in Excel"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Un foglio .xlsx con un'intestazione e una riga per record: date come date, importi "
            "in euro, codici fiscali come testo."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("exportKind")
        labels = kind_labels()
        for key in export.KINDS:
            self.kind_combo.addItem(labels.get(key, export.KINDS[key].title), key)
        form.addRow(self.tr("&Dati:"), self.kind_combo)
        self.vertenza_combo = QComboBox()
        self.vertenza_combo.setObjectName("exportVertenza")
        self.vertenza_combo.addItem(self.tr("— tutte —"), None)
        try:
            for row in exchange_log.vertenze(ctx):
                self.vertenza_combo.addItem(f"{row.title} ({row.code})", row.code)
        except SportelloError:
            pass
        form.addRow(self.tr("&Vertenza:"), self.vertenza_combo)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("exportProfile")
        self.profile_combo.addItem(self.tr("Standard di Sportello"), None)
        try:
            for info in profile_store.list_profiles(ctx):
                self.profile_combo.addItem(info.name, info.name)
        except SportelloError:
            pass
        self.profile_combo.setToolTip(self.tr(
            "Per i lavoratori: le colonne e i codici di un profilo, ad esempio il modello "
            "della Regione"))
        form.addRow(self.tr("F&ormato:"), self.profile_combo)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.textEdited.connect(lambda _t: setattr(self, "_auto_name", False))
        browse = QPushButton(self.tr("&Sfoglia…"))
        browse.clicked.connect(self.choose)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        file_label = QLabel(self.tr("&File:"))
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, path_row)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("&Esporta"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.folder_button = self.buttons.addButton(self.tr("Apri la &cartella"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.setEnabled(False)
        self.template_button = self.buttons.addButton(self.tr("&Modello vuoto…"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.template_button.setObjectName("exportTemplate")
        self.template_button.setToolTip(self.tr(
            "Un elenco lavoratori vuoto da consegnare, con gli elenchi a discesa per i codici"))
        self.template_button.clicked.connect(lambda: self.blank_template())
        self.folder_button.clicked.connect(self.open_folder)
        close = self.buttons.addButton(self.tr("Chiudi"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)
        layout.addWidget(self.buttons)
        self.kind_combo.currentIndexChanged.connect(self._name_changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.vertenza_combo.currentIndexChanged.connect(self._name_changed)
        self._name_changed()
        self._kind_changed()

    def _kind_changed(self, *_args: object) -> None:
        workers = self.kind_combo.currentData() == "workers"
        self.profile_combo.setEnabled(workers)
        if not workers:
            self.profile_combo.setCurrentIndex(0)

    def blank_template(self, path: str | None = None) -> Path | None:
        """Write an empty workers list in the chosen format, with its drop-down lists."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Modello vuoto"), str(default_folder() / "Modello_lavoratori.xlsx"),
                self.tr("Cartella di lavoro Excel (*.xlsx)"))
            if not path:
                return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            written = export.blank_template(self.ctx, path,
                                            profile=self.profile_combo.currentData())
        except (SportelloError, OSError) as exc:
            self._failed(str(exc))
            return None
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Modello vuoto scritto in {path}.").format(path=written))
        return written

    def default_name(self) -> str:
        kind = str(self.kind_combo.currentData())
        parts = [export.KINDS[kind].title]
        code = self.vertenza_combo.currentData()
        if code:
            parts.append(str(code))
        parts.append(dt.date.today().isoformat())
        return "_".join(p.replace(" ", "_").replace("/", "-") for p in parts) + ".xlsx"

    def _name_changed(self, *_args: object) -> None:
        if not self._auto_name:
            return
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else default_folder()
        self.path_edit.setText(str(folder / self.default_name()))

    def choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Esporta in"), self.path_edit.text(),
            self.tr("Cartella di lavoro Excel (*.xlsx)"))
        if chosen:
            if not chosen.lower().endswith(".xlsx"):
                chosen += ".xlsx"
            self._auto_name = False
            self.path_edit.setText(chosen)

    def start_export(self) -> None:
        text = self.path_edit.text().strip()
        if not text or self.task is not None:
            return
        out = Path(text)
        if out.suffix.lower() != ".xlsx":
            out = out.with_name(out.name + ".xlsx")
            self.path_edit.setText(str(out))
        if out.exists():
            answer = QMessageBox.question(
                self, self.windowTitle(),
                self.tr("Il file {name} esiste già. Sostituirlo?").format(name=out.name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        ctx, kind, vertenza = self.ctx, str(self.kind_combo.currentData()), \
            self.vertenza_combo.currentData()
        profile = self.profile_combo.currentData()

        def job(progress: Any) -> export.ExportResult:
            return export.export(ctx, kind, out, vertenza=vertenza, profile=profile,
                                 progress=lambda n: progress(n, 0))

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Esportazione in corso…"))
        self.status.setStyleSheet("")
        self.task = run_task(self, job, self.windowTitle(),
                             self.tr("Scrittura di {name}…").format(name=out.name),
                             succeeded=self._done, failed=self._failed)

    def _done(self, result: export.ExportResult) -> None:
        self.task = None
        self.result = result
        self.export_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.status.setText(self.tr("Esportate {rows} righe in {path}.").format(
            rows=result.rows, path=result.path))
        self.exported.emit(result)

    def _failed(self, message: str) -> None:
        self.task = None
        self.export_button.setEnabled(True)
        self.status.setText(message)
        self.status.setStyleSheet("color: #B00020;")

    def open_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    def reject(self) -> None:
        if self.task is not None and self.task.isRunning():
            self.task.cancel()
            self.task.wait()
        super().reject()
