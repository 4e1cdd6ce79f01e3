"""Privacy (GDPR): retention period, anonymisation of old closed files, access requests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.gui.kit.forms import MessageBar, close_buttons, muted_label
from sportello.gui.kit.inputs import format_date, plural
from sportello.gui.kit.tables import Column, RowsModel, make_table
from sportello.gui.tasks import Task, progress_dialog


def access_request(ctx: Context, parent: QWidget, worker: int | str,
                   folder: str | None = None) -> object | None:
    """Richiesta di accesso (art. 15): ask for a folder, write the .xlsx and the PDF there.

    ``folder`` skips the folder dialog (tests). Returns the core's result, or None.
    """
    from sportello.core.services import privacy

    title = QGuiApplication.translate("AccessRequest", "Richiesta di accesso (GDPR)")
    if folder is None:
        folder = QFileDialog.getExistingDirectory(parent, QGuiApplication.translate(
            "AccessRequest", "Cartella in cui salvare il foglio Excel e il PDF"))
        if not folder:
            return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = privacy.access_request(ctx, worker, folder)
    except SportelloError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, title, str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    total = sum(result.counts.values())
    box = QMessageBox(QMessageBox.Icon.Information, title, QGuiApplication.translate(
        "AccessRequest", "Scritti i dati della persona ({rows} righe):\n{xlsx}\n{pdf}").format(
        rows=total, xlsx=result.xlsx, pdf=result.pdf), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("accessRequestDone")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return result


class AnonymiseDialog(QDialog):
    """The files that would be anonymised (a dry run), then the act after confirmation."""

    def __init__(self, ctx: Context, result, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.setObjectName("anonymiseDialog")
        self.setWindowTitle(self.tr("Anonimizza i fascicoli chiusi"))
        self.resize(640, 440)
        count = len(result.candidates)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Fascicoli chiusi entro il {cutoff}: nome, codice fiscale, recapiti e testi liberi "
            "saranno cancellati per sempre; restano i dati codificati (percorsi, esiti, "
            "voucher) per le statistiche. L'operazione non si può annullare.").format(
            cutoff=format_date(result.cutoff))))
        self.model = RowsModel([
            Column(self.tr("Codice fiscale"), lambda c: c.codice_fiscale),
            Column(self.tr("Nome"), lambda c: c.full_name),
            Column(self.tr("Chiuso il"), lambda c: format_date(c.closed_on)),
        ], self, id_of=lambda c: c.worker_id)
        self.model.set_rows(result.candidates)
        self.table = make_table(self.model, "anonymiseTable", (170, 260), stretch=1)
        layout.addWidget(self.table, 1)
        self.message = MessageBar("anonymiseMessage")
        layout.addWidget(self.message)
        self.buttons = close_buttons(self)
        self.run_button = self.buttons.addButton(
            plural(count, self.tr("Anonimizza 1 fascicolo"), self.tr("Anonimizza {n} fascicoli")),
            QDialogButtonBox.ButtonRole.ActionRole)
        self.run_button.setObjectName("anonymiseRun")
        self.run_button.setEnabled(count > 0)
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.run)
        layout.addWidget(self.buttons)
        if not count:
            self.message.show_info(self.tr("Nessun fascicolo da anonimizzare."))

    def confirm(self) -> bool:
        answer = QMessageBox.warning(
            self, self.windowTitle(),
            plural(len(self.model.rows), self.tr("Anonimizzare per sempre 1 fascicolo?"),
                   self.tr("Anonimizzare per sempre {n} fascicoli?")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def run(self) -> Task | None:
        if not self.confirm():
            return None
        from sportello.core.services import privacy

        ctx = self.ctx
        task = Task(lambda progress: privacy.anonymise(ctx, progress=progress), self)
        dialog = progress_dialog(self, task, self.windowTitle(),
                                 self.tr("Anonimizzazione in corso…"))

        def done(result: object) -> None:
            self.result_value = result
            self.run_button.setEnabled(False)
            self.message.show_info(plural(getattr(result, "anonymised", 0),
                                          self.tr("1 fascicolo anonimizzato."),
                                          self.tr("{n} fascicoli anonimizzati.")))

        task.succeeded.connect(done)
        task.failed.connect(self.message.show_error)
        self.task = task
        task.start()
        dialog.show()
        return task


class PrivacyTab(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        from sportello.core.services import privacy

        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Conservazione limitata (GDPR art. 5): i fascicoli chiusi da più del periodo "
            "indicato si possono anonimizzare. Solo un amministratore cambia il periodo e "
            "anonimizza.")))
        form = QFormLayout()
        self.retention_spin = QSpinBox()
        self.retention_spin.setObjectName("retentionDays")
        self.retention_spin.setRange(1, 100 * 366)
        self.retention_spin.setSuffix(self.tr(" giorni"))
        self.retention_spin.setValue(privacy.retention_days(ctx))
        save = QPushButton(self.tr("&Salva"))
        save.setObjectName("retentionSave")
        save.setAutoDefault(False)
        save.clicked.connect(self.save_retention)
        row = QHBoxLayout()
        row.addWidget(self.retention_spin)
        row.addWidget(save)
        row.addStretch(1)
        retention_label = QLabel(self.tr("&Periodo di conservazione dopo la chiusura"))
        retention_label.setBuddy(self.retention_spin)
        form.addRow(retention_label, row)
        layout.addLayout(form)
        self.anonymise_button = QPushButton(self.tr("&Anonimizza i fascicoli chiusi…"))
        self.anonymise_button.setObjectName("anonymiseButton")
        self.anonymise_button.setAutoDefault(False)
        self.anonymise_button.clicked.connect(self.anonymise)
        row = QHBoxLayout()
        row.addWidget(self.anonymise_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addSpacing(12)
        layout.addWidget(muted_label(self.tr(
            "Richiesta di accesso (GDPR art. 15): tutto ciò che il database contiene su una "
            "persona, in un foglio Excel e in un PDF (anche dalla scheda del fascicolo).")))
        access = QFormLayout()
        self.cf_edit = QLineEdit()
        self.cf_edit.setObjectName("accessCf")
        self.cf_edit.setPlaceholderText(self.tr("codice fiscale"))
        self.cf_edit.setMaxLength(20)
        access_button = QPushButton(self.tr("&Richiesta di accesso (GDPR)…"))
        access_button.setObjectName("accessRequestButton")
        access_button.setAutoDefault(False)
        access_button.clicked.connect(lambda: self.access_request())
        self.cf_edit.returnPressed.connect(lambda: self.access_request())
        row = QHBoxLayout()
        row.addWidget(self.cf_edit)
        row.addWidget(access_button)
        cf_label = QLabel(self.tr("&Codice fiscale"))
        cf_label.setBuddy(self.cf_edit)
        access.addRow(cf_label, row)
        layout.addLayout(access)
        self.message = MessageBar("privacyMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.dialog: AnonymiseDialog | None = None

    def save_retention(self) -> bool:
        from sportello.core.services import privacy

        try:
            privacy.set_retention_days(self.ctx, self.retention_spin.value())
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return False
        self.message.show_info(self.tr("Periodo di conservazione salvato."))
        return True

    def anonymise(self) -> AnonymiseDialog | None:
        from sportello.core.services import privacy

        self.message.clear_message()
        try:
            result = privacy.anonymise(self.ctx, dry_run=True)
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return None
        dialog = AnonymiseDialog(self.ctx, result, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def access_request(self, folder: str | None = None) -> object | None:
        code = self.cf_edit.text().strip()
        if not code:
            self.message.show_error(self.tr("Indicare il codice fiscale della persona."))
            return None
        self.message.clear_message()
        return access_request(self.ctx, self, code, folder)



