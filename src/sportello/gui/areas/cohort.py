"""A team leader's action on a group of files, and every operator's caseload.

The worker list offers *Azioni sul gruppo…* to team leaders (the service checks the role
again): the group is the rows selected in the list, or, with one row or none selected,
every file the list's search and filters show (a vertenza, a filter). One action at a time,
all or nothing (``core.services.cohort``): the dialog names what it will do to how many
files, runs it off the UI thread, and shows the service's message, or its refusal naming the
file that stopped it. *Carichi di lavoro* lists each operator's open files, appointments this
week and overdue deadlines.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import cohort, export, letters, worker_file
from sportello.gui import changes, ops
from sportello.gui.kit.forms import MessageBar, fill_combo, muted_label
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit
from sportello.gui.letters import delivery_combo, delivery_text, show_pdf
from sportello.gui.shared.labels import PATHWAY_KINDS, PATHWAY_OUTCOMES

ACTIONS = ("reassign", "cigs", "naspi", "pathway", "close", "letter", "export")


class CohortDialog(QDialog):
    """One all-or-nothing action on the files ``worker_ids``."""

    def __init__(self, ctx: Context, worker_ids: list[int], what: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cohortDialog")
        self.setWindowTitle(self.tr("Azioni sul gruppo"))
        self.ctx = ctx
        self.worker_ids = list(worker_ids)
        self.result_text = ""
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("{n} fascicoli: {what}.").format(n=len(worker_ids),
                                                                        what=what))
        self.summary.setObjectName("cohortSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(muted_label(self.tr(
            "L'azione vale per tutti o per nessuno: se un fascicolo non la può ricevere, "
            "nulla cambia e il messaggio dice quale e perché. Ogni modifica resta nel "
            "registro attività, fascicolo per fascicolo.")))
        form = QFormLayout()
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("cohortAction")
        for key, text in (
                ("reassign", self.tr("Riassegna a un operatore")),
                ("cigs", self.tr("Fine della CIGS")),
                ("naspi", self.tr("Fine della NASpI")),
                ("pathway", self.tr("Avvia un percorso")),
                ("close", self.tr("Chiudi i fascicoli con un esito")),
                ("letter", self.tr("Stampa una lettera protocollata")),
                ("export", self.tr("Esporta in Excel"))):
            self.action_combo.addItem(text, key)
        form.addRow(self.tr("&Azione"), self.action_combo)
        layout.addLayout(form)

        self.pages = QStackedWidget()
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("cohortOperator")
        for oid, name in worker_file.operators(ctx):
            self.operator_combo.addItem(name, oid)
        self.end_edit = OptionalDateEdit()
        self.end_edit.setObjectName("cohortEndDate")
        self.naspi_edit = OptionalDateEdit()
        self.naspi_edit.setObjectName("cohortNaspiDate")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("cohortPathway")
        fill_combo(self.kind_combo, PATHWAY_KINDS)
        self.start_edit = OptionalDateEdit()
        self.start_edit.setObjectName("cohortStart")
        self.start_edit.setDate(dt.date.today())
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("cohortOutcome")
        fill_combo(self.outcome_combo, PATHWAY_OUTCOMES)
        self.closed_edit = OptionalDateEdit()
        self.closed_edit.setObjectName("cohortClosedOn")
        self.closed_edit.setDate(dt.date.today())
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("cohortTemplate")
        for info in letters.templates():
            if info.name != "generica":
                self.template_combo.addItem(info.title, info.name)
        self.delivery = delivery_combo(self, "cohortDelivery", batch=True)
        self.file_edit = QLineEdit(str(Path.home() / "fascicoli-gruppo.xlsx"))
        self.file_edit.setObjectName("cohortFile")
        for rows in ((("Operatore", self.operator_combo),),
                     (("Nuova fine della CIGS", self.end_edit),),
                     (("Nuova fine della NASpI", self.naspi_edit),),
                     (("Percorso", self.kind_combo), ("Dal", self.start_edit)),
                     (("Esito", self.outcome_combo), ("Chiusi il", self.closed_edit)),
                     (("Modello", self.template_combo), ("Consegna", self.delivery)),
                     (("File .xlsx", self.file_edit),)):
            page = QWidget()
            page_form = QFormLayout(page)
            page_form.setContentsMargins(0, 0, 0, 0)
            for text, widget in rows:
                page_form.addRow(self.tr(text), widget)
            self.pages.addWidget(page)
        layout.addWidget(self.pages)
        self.message = MessageBar("cohortMessage")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.run_button = buttons.addButton(self.tr("&Esegui"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("cohortRun")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Chiudi"))
        close.setObjectName("cohortClose")
        self.run_button.clicked.connect(lambda: self.run())
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.action_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)

    @property
    def action(self) -> str:
        return str(self.action_combo.currentData())

    def _date(self, edit: OptionalDateEdit, what: str) -> dt.date:
        value = edit.date()
        if value is None:
            raise InvalidInput(self.tr("Scrivere {what}.").format(what=what))
        return value

    def run(self) -> None:
        """Ask the service to act on the whole group (off the UI thread)."""
        self.message.clear_message()
        ctx, ids, action = self.ctx, list(self.worker_ids), self.action
        try:
            if action == "reassign":
                operator = int(self.operator_combo.currentData())
                job = lambda: cohort.reassign(ctx, ids, operator)  # noqa: E731
            elif action in ("cigs", "naspi"):
                edit = self.end_edit if action == "cigs" else self.naspi_edit
                end = self._date(edit, self.tr("la nuova data di fine"))
                job = lambda: cohort.set_benefit_end(ctx, ids, action, end)  # noqa: E731
            elif action == "pathway":
                kind, start = str(self.kind_combo.currentData()), self._date(
                    self.start_edit, self.tr("la data di avvio"))
                job = lambda: cohort.start_pathway(ctx, ids, kind, start_on=start)  # noqa: E731
            elif action == "close":
                outcome, on = str(self.outcome_combo.currentData()), self._date(
                    self.closed_edit, self.tr("la data di chiusura"))
                job = lambda: cohort.close_files(ctx, ids, outcome, on=on)  # noqa: E731
            elif action == "letter":
                template, delivery = str(self.template_combo.currentData()), \
                    self.delivery.currentData()

                def job() -> object:
                    cohort.require_leader(ctx, "stampare una lettera per un gruppo di fascicoli")
                    batch = letters.issue_batch(ctx, template, ids, delivery=delivery)
                    batch.write_eml(letters.outbox())
                    return batch
            else:
                out = self.file_edit.text().strip()
                if not out:
                    raise InvalidInput(self.tr("Scrivere il file .xlsx da creare."))

                def job() -> object:
                    cohort.require_leader(ctx, "esportare un gruppo di fascicoli")
                    return export.export(ctx, "workers", out, worker_ids=ids)
        except InvalidInput as exc:
            self.message.show_error(str(exc))
            return
        kinds = {"letter": (changes.LETTERS,), "export": ()}.get(
            action, (changes.WORKERS, changes.PATHWAYS))
        ops.write(self, job, done=self._done, failed=lambda exc: self.message.show_error(
            ops.message_for(exc)), changes=kinds, busy=[self.run_button])

    def _done(self, result: object) -> None:
        if isinstance(result, cohort.CohortResult):
            text = self.tr("{detail}: {changed} fascicoli modificati su {n}.").format(
                detail=result.detail, changed=result.changed, n=result.files)
        elif isinstance(result, letters.BatchResult):
            text = self.tr("{n} lettere, protocolli da {first} a {last}.").format(
                n=len(result.letters), first=result.first_protocol,
                last=result.last_protocol) + delivery_text(self, result)
            if result.pdf:
                show_pdf(self, result.pdf, self.tr("Lettere — {n}").format(
                    n=len(result.letters)), f"lettere-{result.template}.pdf")
        else:
            text = self.tr("{n} fascicoli esportati in {path}.").format(
                n=result.rows, path=result.path)  # type: ignore[attr-defined]
        self.result_text = text
        self.message.show_info(text)


class CaseloadDialog(QDialog):
    """Each active operator's open files, appointments this week and overdue deadlines."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadDialog")
        self.setWindowTitle(self.tr("Carichi di lavoro"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("caseloadTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Operatore"), self.tr("Fascicoli aperti"),
            self.tr("Appuntamenti questa settimana"), self.tr("Scadenze superate")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Scadenze superate: revisioni del patto scadute e appuntamenti passati senza esito.")))
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("Chiudi"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(640, 360)
        ops.read(self, lambda: cohort.caseload(ctx), done=self._show)

    def _show(self, rows: list[cohort.Caseload]) -> None:
        self.table.setRowCount(len(rows))
        for r, load in enumerate(rows):
            for c, value in enumerate((load.operator_name, load.open_files,
                                       load.appointments_this_week, load.overdue)):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)

    def rows(self) -> list[list[str]]:
        return [[self.table.item(r, c).text() for c in range(4)]
                for r in range(self.table.rowCount())]
