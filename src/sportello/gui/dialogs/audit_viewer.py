"""Registro attività: who did what and when, filtered, paged, exported; never edited.

Reading is a responsabile's (``audit_log.query`` refuses others with its message). Rows come
a page at a time as the table scrolls; the selected row's old → new values show in the
pane below. "Esporta…" writes the filtered log to .xlsx through ``audit_log.export_xlsx``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import audit_log, operators
from sportello.gui.kit.forms import MessageBar, close_buttons
from sportello.gui.kit.inputs import date_edit, plural, pydate
from sportello.gui.kit.screen_fit import resize_within_screen
from sportello.gui.kit.tables import Column, RowsModel, make_table, selected_row
from sportello.gui.tasks import Task, progress_dialog

# What the log's table names mean to a clerk (display only; unknown names shown as they are).
ENTITIES = {
    "worker": QT_TRANSLATE_NOOP("AuditViewer", "fascicolo"),
    "operator": QT_TRANSLATE_NOOP("AuditViewer", "operatore"),
    "office": QT_TRANSLATE_NOOP("AuditViewer", "ufficio"),
    "setting": QT_TRANSLATE_NOOP("AuditViewer", "impostazione"),
    "appointment": QT_TRANSLATE_NOOP("AuditViewer", "appuntamento"),
    "diary_entry": QT_TRANSLATE_NOOP("AuditViewer", "diario"),
    "employment_situation": QT_TRANSLATE_NOOP("AuditViewer", "situazione lavorativa"),
    "service_pact": QT_TRANSLATE_NOOP("AuditViewer", "patto di servizio"),
    "pathway": QT_TRANSLATE_NOOP("AuditViewer", "percorso"),
    "voucher": QT_TRANSLATE_NOOP("AuditViewer", "voucher"),
    "letter": QT_TRANSLATE_NOOP("AuditViewer", "lettera"),
    "vertenza": QT_TRANSLATE_NOOP("AuditViewer", "vertenza"),
    "vertenza_site": QT_TRANSLATE_NOOP("AuditViewer", "sede della vertenza"),
    "vertenza_party": QT_TRANSLATE_NOOP("AuditViewer", "parte al tavolo"),
    "tavolo_meeting": QT_TRANSLATE_NOOP("AuditViewer", "incontro del tavolo"),
    "audit_log": QT_TRANSLATE_NOOP("AuditViewer", "registro attività"),
}


class AuditViewer(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = audit_log.AuditFilter()
        self.total = 0
        self.task: Task | None = None
        self.setObjectName("auditViewer")
        self.setWindowTitle(self.tr("Registro attività"))
        resize_within_screen(self, 1000, 640)

        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("auditOperator")
        self.operator_combo.addItem(self.tr("Tutti"), None)
        self.worker_edit = QLineEdit()
        self.worker_edit.setObjectName("auditWorker")
        self.worker_edit.setPlaceholderText(self.tr("codice fiscale"))
        self.worker_edit.setMaxLength(20)
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("auditAction")
        self.action_combo.addItem(self.tr("Tutte"), None)
        today = dt.date.today()
        self.since_check = QCheckBox(self.tr("&Dal"))
        self.since_check.setObjectName("auditSinceOn")
        self.since_edit = date_edit(today - dt.timedelta(days=30))
        self.since_edit.setObjectName("auditSince")
        self.until_check = QCheckBox(self.tr("A&l"))
        self.until_check.setObjectName("auditUntilOn")
        self.until_edit = date_edit(today)
        self.until_edit.setObjectName("auditUntil")
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.apply_button = QPushButton(self.tr("Fil&tra"))
        self.apply_button.setObjectName("auditApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply)
        self.worker_edit.returnPressed.connect(self.apply)

        filters = QGridLayout()
        operator_label = QLabel(self.tr("&Operatore"))
        operator_label.setBuddy(self.operator_combo)
        worker_label = QLabel(self.tr("&Fascicolo"))
        worker_label.setBuddy(self.worker_edit)
        action_label = QLabel(self.tr("&Azione"))
        action_label.setBuddy(self.action_combo)
        filters.addWidget(operator_label, 0, 0)
        filters.addWidget(self.operator_combo, 0, 1)
        filters.addWidget(worker_label, 0, 2)
        filters.addWidget(self.worker_edit, 0, 3)
        filters.addWidget(action_label, 0, 4)
        filters.addWidget(self.action_combo, 0, 5)
        filters.addWidget(self.since_check, 1, 0)
        filters.addWidget(self.since_edit, 1, 1)
        filters.addWidget(self.until_check, 1, 2)
        filters.addWidget(self.until_edit, 1, 3)
        filters.addWidget(self.apply_button, 1, 5)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)

        self.model = RowsModel([
            Column(self.tr("Quando"), lambda r: f"{r.at_local:%d/%m/%Y %H:%M:%S}"),
            Column(self.tr("Chi"), lambda r: r.operator_name or r.operator_username or "—"),
            Column(self.tr("Azione"), lambda r: r.action_label),
            Column(self.tr("Oggetto"), self._entity_text),
            Column(self.tr("Fascicolo"), lambda r: (
                f"{r.worker_name} ({r.worker_cf})" if r.worker_name else "")),
            Column(self.tr("Dettaglio"), lambda r: (r.detail or r.changes_text()).replace(
                "\n", " · ")),
        ], self)
        self.table = make_table(self.model, "auditTable", (140, 160, 130, 130, 200), stretch=5)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Selezionare una riga per vedere i valori "
                                               "prima → dopo."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.message = MessageBar("auditMessage")
        buttons = close_buttons(self)
        self.export_button = buttons.addButton(self.tr("&Esporta…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("auditExport")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(lambda: self.export())

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self._fill_choices()
        self.apply()

    def _entity_text(self, row: audit_log.AuditRow) -> str:
        if not row.entity:
            return ""
        name = self.tr(ENTITIES[row.entity]) if row.entity in ENTITIES else row.entity
        return f"{name} {row.entity_id}" if row.entity_id is not None else name

    def _fill_choices(self) -> None:
        try:
            for op in operators.list_operators(self.ctx):
                self.operator_combo.addItem(f"{op.full_name} ({op.username})", op.id)
            for action in audit_log.actions(self.ctx):
                self.action_combo.addItem(audit_log.ACTION_LABELS.get(action, action), action)
        except SportelloError:
            pass  # apply() shows the refusal

    def current_filter(self) -> audit_log.AuditFilter:
        code = self.worker_edit.text().strip()
        return audit_log.AuditFilter(
            since=pydate(self.since_edit.date()) if self.since_check.isChecked() else None,
            until=pydate(self.until_edit.date()) if self.until_check.isChecked() else None,
            operator_id=self.operator_combo.currentData(),
            worker_cf=code or None,
            action=self.action_combo.currentData(),
        )

    def apply(self) -> bool:
        self.message.clear_message()
        flt = self.current_filter()
        try:
            first = audit_log.query(self.ctx, flt, offset=0, limit=1)
        except SportelloError as exc:
            self.model.set_rows([])
            self.count_label.setText("")
            self.message.show_error(str(exc))
            self.export_button.setEnabled(False)
            return False
        self.filter, self.total = flt, first.total
        self.export_button.setEnabled(first.total > 0)
        self.count_label.setText(plural(first.total, self.tr("1 riga"), self.tr("{n} righe")))
        ctx = self.ctx
        self.model.set_pager(lambda offset, limit: audit_log.query(
            ctx, flt, offset=offset, limit=limit).rows)
        self.detail.clear()
        return True

    def show_detail(self) -> None:
        row: audit_log.AuditRow | None = selected_row(self.table)
        if row is None:
            self.detail.clear()
            return
        parts = [f"{row.at_local:%d/%m/%Y %H:%M:%S} — {row.action_label}"]
        if row.detail:
            parts.append(row.detail)
        if row.changes:
            parts.append(row.changes_text())
        self.detail.setPlainText("\n\n".join(parts))

    def export(self, out: str | None = None) -> Task | None:
        if out is None:
            out, _ = QFileDialog.getSaveFileName(
                self, self.tr("Esporta il registro"),
                f"registro-attivita-{dt.date.today():%Y%m%d}.xlsx",
                self.tr("Cartella di lavoro Excel (*.xlsx)"))
            if not out:
                return None
            if not out.lower().endswith(".xlsx"):
                out += ".xlsx"
        ctx, flt, total = self.ctx, self.filter, self.total
        task = Task(lambda progress: audit_log.export_xlsx(
            ctx, flt, out, progress=lambda done: progress(done, total)), self)
        dialog = progress_dialog(self, task, self.tr("Esporta il registro"),
                                 self.tr("Scrittura del foglio Excel…"))

        def done(result: object) -> None:
            rows = getattr(result, "rows", 0)
            self.message.show_info(plural(
                rows, self.tr("Esportata 1 riga in {file}."),
                self.tr("Esportate {n} righe in {file}.")).format(file=out))

        task.succeeded.connect(done)
        task.failed.connect(self.message.show_error)
        self.task = task
        task.start()
        dialog.show()
        return task


