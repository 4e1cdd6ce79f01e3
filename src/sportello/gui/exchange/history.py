"""The history of imports and exports, and the undo of a whole import."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import exchange_log, imports
from sportello.gui import changes, ops
from sportello.gui.exchange.common import (
    ERROR_FILL,
    item,
    kind_labels,
    read_only_table,
    run_task,
    show_message,
)
from sportello.gui.kit.inputs import format_datetime


class HistoryPanel(QWidget):
    """Past imports and exports, newest first; an import can be undone as a whole."""

    changed = Signal()  # an import was undone: the data changed
    (COL_ID, COL_AT, COL_DIRECTION, COL_FILE, COL_VERTENZA, COL_OPERATOR, COL_ROWS, COL_NEW,
     COL_UPDATED, COL_UNCHANGED, COL_ERRORS, COL_STATUS) = range(12)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(
            changes.IMPORTS, changes.WORKERS, source=self))
        self.ctx = ctx
        self.rows: list[exchange_log.ExchangeRow] = []
        self.last_message: QMessageBox | None = None
        self.task = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = read_only_table([
            self.tr("N."), self.tr("Data"), self.tr("Tipo"), self.tr("File"), self.tr("Vertenza"),
            self.tr("Operatore"), self.tr("Righe"), self.tr("Nuovi"), self.tr("Aggiornati"),
            self.tr("Invariati"), self.tr("Errori"), self.tr("Stato")])
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Cronologia delle importazioni ed esportazioni"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("historyDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr(
            "Selezionare un'importazione per leggerne gli errori, gli avvisi e i conflitti."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        self.empty = QLabel(self.tr("Nessuna importazione o esportazione finora."))
        self.empty.setObjectName("historyEmpty")
        self.empty.setWordWrap(True)  # two lines rather than a wider window
        self.undo_button = QPushButton(self.tr("A&nnulla importazione…"))
        self.undo_button.setObjectName("undoImport")
        self.undo_button.setToolTip(self.tr(
            "Toglie tutto ciò che l'importazione selezionata ha scritto: i fascicoli creati e i "
            "dati aggiornati tornano com'erano."))
        self.undo_button.clicked.connect(self.undo_selected)
        self.refresh_button = QPushButton(self.tr("A&ggiorna"))
        self.refresh_button.clicked.connect(lambda: self.reload())
        buttons.addWidget(self.empty)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection)
        self._selection()

    def reload(self, select_id: int | None = None) -> None:
        """Read the history on the runner's read lane (the newest reading wins), then show it."""
        ops.read(self, partial(exchange_log.list_exchanges, self.ctx),
                 done=lambda rows: self._show(rows, select_id),
                 failed=lambda exc: show_message(self, QMessageBox.Icon.Warning,
                                                 self.tr("Cronologia"), ops.message_for(exc)),
                 key=("exchange-history", id(self)))

    def _show(self, rows: list[exchange_log.ExchangeRow], select_id: int | None) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        labels = kind_labels()
        for r, row in enumerate(self.rows):
            undone = row.undone
            fill = ERROR_FILL if undone else None
            direction = self.tr("Importazione") if row.is_import else self.tr("Esportazione")
            kind = labels.get(row.kind, row.kind)
            status = self.tr("Annullata") if undone else self.tr("Completata")
            cells = [
                item(row.id, align_right=True), item(format_datetime(row.local_at)),
                item(f"{direction} · {kind}" if not row.is_import or row.kind != "workers"
                     else direction, tip=kind), item(row.file_name, tip=row.file_name),
                item(row.vertenza or ""), item(row.operator or ""),
                item(row.rows_total, align_right=True),
                item(row.inserted if row.is_import else "", align_right=True),
                item(row.updated if row.is_import else "", align_right=True),
                item(row.unchanged if row.is_import else "", align_right=True),
                item(row.errors if row.is_import else "", align_right=True),
                item(status, fill=fill),
            ]
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        for c in (self.COL_DIRECTION, self.COL_FILE, self.COL_VERTENZA, self.COL_OPERATOR):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 170))
        self.table.setColumnWidth(self.COL_FILE, max(self.table.columnWidth(self.COL_FILE), 180))
        self.empty.setVisible(not self.rows)
        if select_id is not None:
            for r, row in enumerate(self.rows):
                if row.id == select_id:
                    self.table.selectRow(r)
                    break
        self._selection()

    def selected(self) -> exchange_log.ExchangeRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_id(self, exchange_id: int) -> None:
        for r, row in enumerate(self.rows):
            if row.id == exchange_id:
                self.table.selectRow(r)
                return

    def _selection(self) -> None:
        row = self.selected()
        self.undo_button.setEnabled(bool(row and row.can_undo))
        if row is None:
            self.detail.clear()
            return
        lines = []
        if row.undone and row.undone_at is not None:
            lines.append(self.tr("Annullata il {when}.").format(
                when=format_datetime(row.undone_at)))
        lines.extend(row.report)
        if not lines:
            lines.append(self.tr("Nessun errore, avviso o conflitto."))
        self.detail.setPlainText("\n".join(lines))

    def undo_selected(self) -> None:
        row = self.selected()
        if row is None or not row.is_import or row.undone:
            return
        answer = QMessageBox.question(
            self, self.tr("Annulla importazione"),
            self.tr("Annullare per intero l'importazione n. {id} ({file}, {when})?\n\n"
                    "Fascicoli creati, che saranno eliminati: {new}. Fascicoli aggiornati, che "
                    "torneranno com'erano: {updated}. Se qualcuno li ha modificati dopo "
                    "l'importazione, l'annullamento è rifiutato e nulla cambia.").format(
                id=row.id, file=row.file_name, when=format_datetime(row.local_at),
                new=row.inserted, updated=row.updated),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, exchange_id = self.ctx, row.id
        self.undo_button.setEnabled(False)
        self.task = run_task(
            self, lambda _progress: imports.undo(ctx, exchange_id),
            self.tr("Annulla importazione"),
            self.tr("Annullamento dell'importazione n. {id}…").format(id=exchange_id),
            succeeded=self._undone, failed=self._not_undone, cancellable=False)

    def _undone(self, result: imports.UndoResult) -> None:
        self.task = None
        self.reload(select_id=result.exchange_id)
        show_message(self, QMessageBox.Icon.Information, self.tr("Annulla importazione"),
                     self.tr("Importazione n. {id} annullata. Fascicoli eliminati: {deleted}; "
                             "dati ripristinati: {restored}.").format(
                         id=result.exchange_id, deleted=result.deleted,
                         restored=result.restored))
        self.changed.emit()

    def _not_undone(self, message: str) -> None:
        self.task = None
        self._selection()
        show_message(self, QMessageBox.Icon.Warning, self.tr("Annulla importazione"), message)
