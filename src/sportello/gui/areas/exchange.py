"""Import/Export area: the Region's Excel lists in, monitoring sheets out, and the history.

"Importa un elenco…" (or a spreadsheet dropped on the area) opens the import wizard;
"Esporta in Excel…" the export dialog. Below, every past import and export, where a whole
import can be undone. The rules are in ``services.imports`` and ``services.export``.
Nothing is read at start-up: the history is read when the area is first shown.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.gui.areas.base import Area
from sportello.gui.exchange.common import spreadsheet_filter
from sportello.gui.exchange.export_dialog import ExportDialog
from sportello.gui.exchange.hires_dialog import HiresDialog
from sportello.gui.exchange.history import HistoryPanel
from sportello.gui.exchange.import_wizard import ImportWizard, dropped_spreadsheet


class ExchangeArea(Area):
    ICON = "arrow-left-right"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.wizard: ImportWizard | None = None
        self.export_dialog: ExportDialog | None = None
        self.hires_dialog: HiresDialog | None = None
        self._loaded = False
        layout = self.build_heading(
            self.tr("Import/Export"),
            self.tr(
                "Importazione degli elenchi Excel della Regione con anteprima degli errori, ed "
                "esportazione dei fogli di monitoraggio."
            ),
        )
        actions = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Importa un elenco Excel…"))
        self.import_button.setObjectName("startImport")
        self.import_button.setShortcut(QKeySequence.StandardKey.Open)
        self.import_button.setToolTip(self.tr(
            "Importa i lavoratori da un foglio .xlsx, .xlsm, .xls o .ods (Ctrl+O)"))
        self.import_button.clicked.connect(lambda: self.start_import())
        # the hires of the comunicazioni obbligatorie: placements on the files they match
        self.hires_button = QPushButton(self.tr("Regi&stra le assunzioni…"))
        self.hires_button.setObjectName("startHires")
        self.hires_button.setToolTip(self.tr(
            "Registra come inserimenti lavorativi le assunzioni di un elenco della Regione "
            "(comunicazioni obbligatorie) e chiude i percorsi di ricollocazione"))
        self.hires_button.clicked.connect(lambda: self.start_hires())
        self.export_button = QPushButton(self.tr("&Esporta in Excel…"))
        self.export_button.setObjectName("startExport")
        self.export_button.clicked.connect(self.start_export)
        hint = QLabel(self.tr("Si può anche trascinare qui un file Excel."))
        hint.setObjectName("dropHint")
        hint.setEnabled(False)
        hint.setWordWrap(True)  # two lines rather than a wider main window
        actions.addWidget(self.import_button)
        actions.addWidget(self.hires_button)
        actions.addWidget(self.export_button)
        actions.addSpacing(12)
        actions.addWidget(hint, 1)
        layout.addLayout(actions)
        layout.addSpacing(8)
        box = QGroupBox(self.tr("Cronologia delle importazioni e delle esportazioni"))
        box_layout = QVBoxLayout(box)
        self.history = HistoryPanel(ctx)
        box_layout.addWidget(self.history)
        layout.addWidget(box, 1)
        self.setAcceptDrops(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            QTimer.singleShot(0, self.history.reload)

    def start_import(self, path: Path | str | None = None) -> ImportWizard:
        """Open the wizard (on ``path`` when given: a dropped file)."""
        if self.wizard is not None and shiboken6.isValid(self.wizard) and self.wizard.isVisible():
            if path is not None and not self.wizard.busy() and \
                    self.wizard.currentId() == ImportWizard.FILE:
                self.wizard.file_page.load(Path(path))
            self.wizard.raise_()
            self.wizard.activateWindow()
            return self.wizard
        if self.wizard is not None and shiboken6.isValid(self.wizard):
            self.wizard.deleteLater()  # the previous import's, closed
        wizard = ImportWizard(self.ctx, self.window(), path=path)
        wizard.imported.connect(self._imported)
        wizard.finished.connect(lambda _r: self.history.reload())
        self.wizard = wizard
        wizard.show()
        return wizard

    def _imported(self, exchange_id: int) -> None:
        self.history.reload(select_id=exchange_id)

    def start_hires(self) -> HiresDialog | None:
        """Choose a list of hires, then check and record it in its dialog."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Elenco delle assunzioni"), "", spreadsheet_filter())
        if not chosen:
            return None
        dialog = HiresDialog(self.ctx, Path(chosen), self.window())
        dialog.recorded.connect(lambda exchange_id: self.history.reload(select_id=exchange_id))
        self.hires_dialog = dialog
        dialog.show()
        dialog.analyse()
        return dialog

    def start_export(self) -> ExportDialog:
        dialog = ExportDialog(self.ctx, self.window())
        dialog.exported.connect(lambda _r: self.history.reload())
        self.export_dialog = dialog
        dialog.show()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_spreadsheet(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_spreadsheet(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.start_import(path)
