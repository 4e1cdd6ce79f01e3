"""*Promemoria*: the day before, who has an appointment, and the ways to remind them.

The list of the day's appointments (tomorrow by default) with the number to call (checked
by libphonenumber: a number that cannot be called says so) and the e-mail; buttons write
the call sheet (PDF or Excel), one .eml reminder per person with an e-mail (sent from the
office's mail client) and the CSV for an SMS gateway into the chosen folder, and mark the
appointments as reminded. Everything runs off the UI thread (``gui.ops``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import reminders
from sportello.gui import changes, ops
from sportello.gui.kit.forms import MessageBar, muted_label
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, format_datetime


class RemindersDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None,
                 day: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersDialog")
        self.setWindowTitle(self.tr("Promemoria degli appuntamenti"))
        self.ctx = ctx
        self.rows: list[reminders.Reminder] = []
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Chi ha un appuntamento, con il numero da chiamare e l'e-mail. Le e-mail sono "
            "bozze da inviare dalla posta dell'ufficio; il CSV è per un servizio di SMS.")))
        form = QFormLayout()
        self.day_edit = OptionalDateEdit()
        self.day_edit.setObjectName("remindersDay")
        self.day_edit.setDate(day or dt.date.today() + dt.timedelta(days=1))
        form.addRow(self.tr("&Giorno"), self.day_edit)
        self.folder_edit = QLineEdit(str(Path.home() / "Promemoria"))
        self.folder_edit.setObjectName("remindersFolder")
        form.addRow(self.tr("&Cartella dei file"), self.folder_edit)
        layout.addLayout(form)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("remindersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Ora"), self.tr("Persona"), self.tr("Telefono"), self.tr("E-mail"),
            self.tr("Modalità"), self.tr("Avvisato")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("pdf", self.tr("Foglio chiamate (PDF)")),
                          ("xlsx", self.tr("Foglio Excel")),
                          ("eml", self.tr("E-mail (.eml)")),
                          ("sms", self.tr("CSV per SMS")),
                          ("mark", self.tr("Segna come avvisati"))):
            button = QPushButton(text)
            button.setObjectName(f"reminders_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.produce(k))
            self.buttons[key] = button
            row.addWidget(button)
        layout.addLayout(row)
        self.message = MessageBar("remindersMessage")
        layout.addWidget(self.message)
        self.resize(820, 420)
        self.day_edit.dateEdited.connect(self.reload)
        self.reload()

    def _day(self) -> dt.date:
        day = self.day_edit.date()
        if day is None:
            raise InvalidInput(self.tr("Scrivere il giorno degli appuntamenti."))
        return day

    def reload(self) -> None:
        try:
            day = self._day()
        except InvalidInput:
            return
        ctx = self.ctx
        ops.read(self, lambda: reminders.for_day(ctx, day), done=self._show,
                 key=("reminders", id(self)))

    def _show(self, rows: list[reminders.Reminder]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, item in enumerate(rows):
            texts = (f"{item.starts_at:%H:%M}", item.worker_name,
                     item.phone.display if item.phone else (item.phone_note or ""),
                     item.email or "", item.how,
                     format_datetime(item.reminded_at) if item.reminded_at else "")
            for c, text in enumerate(texts):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for button in self.buttons.values():
            button.setEnabled(bool(rows))

    def table_rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]

    def produce(self, what: str) -> None:
        self.message.clear_message()
        try:
            day = self._day()
        except InvalidInput as exc:
            self.message.show_error(str(exc))
            return
        ctx, folder = self.ctx, Path(self.folder_edit.text().strip() or ".").expanduser()
        if what == "mark":
            ids = [r.appointment_id for r in self.rows]
            ops.write(self, lambda: reminders.mark_reminded(ctx, ids),
                      done=lambda n: self._said(self.tr(
                          "{n} appuntamenti segnati come avvisati.").format(n=n), True),
                      failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                      changes=(changes.APPOINTMENTS,), busy=list(self.buttons.values()))
            return

        def job() -> str:
            if what in ("pdf", "xlsx"):
                path = reminders.call_sheet(ctx, folder / f"chiamate-{day:%Y-%m-%d}.{what}", day)
                return self.tr("Foglio delle chiamate: {path}").format(path=path)
            if what == "eml":
                files = reminders.eml_reminders(ctx, folder / f"promemoria-{day:%Y-%m-%d}", day)
                return self.tr("{n} promemoria e-mail in {folder}").format(
                    n=len(files), folder=folder / f"promemoria-{day:%Y-%m-%d}")
            path, written, skipped = reminders.sms_csv(ctx, folder / f"sms-{day:%Y-%m-%d}.csv",
                                                       day)
            return self.tr("{n} SMS in {path} ({skipped} senza un cellulare valido)").format(
                n=written, path=path, skipped=skipped)

        ops.read(self, job, done=lambda text: self._said(text, False),
                 failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                 busy=list(self.buttons.values()))

    def _said(self, text: str, reload: bool) -> None:
        self.message.show_info(text)
        if reload:
            self.reload()
