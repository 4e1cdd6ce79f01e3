"""Dialogs of the Sportello Unico area, and the ATECO search field of "Apri impresa"."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.services import business
from sportello.core.services.business import FilingRow, FundingRow, ProjectDetail
from sportello.gui.kit.forms import (
    Job,
    FormDialog,
    fill_combo,
    label,
    muted_label,
    read_field,
    select_data,
)
from sportello.gui.kit.inputs import date_edit, euro_text, format_euro, parse_euro, pydate
from sportello.gui.shared.labels import (
    BUSINESS_STAGES,
    FUNDING_STATUSES,
    LEGAL_FORMS,
    SUAP_OUTCOMES,
)
from sportello.gui.shared.worker_picker import SearchKeys, WorkerPicker


class AtecoField(QWidget):
    """An ATECO 2025 code typed, or found by searching its code or title as one types."""

    chosen = Signal(str)
    LIMIT = 50

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        self.edit = QLineEdit()
        self.edit.setObjectName("atecoCode")
        self.edit.setPlaceholderText(self.tr("Codice o parole dell'attività, es. 56.30 o «bar»"))
        self.edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("atecoResults")
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.title_label = QLabel()
        self.title_label.setObjectName("atecoTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.edit)
        column.addWidget(self.results)
        column.addWidget(self.title_label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.edit.textEdited.connect(lambda _t: self._timer.start())
        self.results.itemClicked.connect(self._picked)
        self.results.itemActivated.connect(self._picked)
        self._keys = SearchKeys(self.edit, self.results, self.search)
        self._show_title()

    def search(self) -> None:
        self._timer.stop()
        self.results.clear()
        for entry in business.search_ateco(self.edit.text(), self.LIMIT):
            item = QListWidgetItem(f"{entry.code}   {entry.title}")
            item.setData(Qt.ItemDataRole.UserRole, entry.code)
            item.setToolTip(entry.title)
            self.results.addItem(item)
        self._show_title()

    def _picked(self, item: QListWidgetItem) -> None:
        self.set_code(str(item.data(Qt.ItemDataRole.UserRole)))

    def set_code(self, code: str) -> None:
        self.edit.setText(code)
        self._show_title()
        self.chosen.emit(code)

    def code(self) -> str:
        return self.edit.text().strip()

    def _show_title(self) -> None:
        entry = business.ateco_2025().get(self.code().replace(" ", ""))
        self.title_label.setText(entry.title if entry else "")
        self.title_label.setVisible(entry is not None)


class OpenBusinessDialog(FormDialog):
    """The business is open: legal form, ATECO 2025, partita IVA, date, name, comune."""

    def __init__(self, ctx: Context, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Apri impresa"), parent)
        self.ctx = ctx
        self.project = project
        self.setMinimumWidth(600)
        about = QLabel(
            self.tr("{title} — {worker}").format(title=project.title, worker=project.worker_name)
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.legal_combo = QComboBox()
        self.legal_combo.setObjectName("legalForm")
        fill_combo(self.legal_combo, LEGAL_FORMS)
        if project.legal_form:
            select_data(self.legal_combo, project.legal_form)
        self.add_field("legal_form", self.tr("Forma giuridica"), self.legal_combo)
        self.ateco = AtecoField()
        if project.ateco_code:
            self.ateco.set_code(project.ateco_code)
        self.add_field("ateco_code", self.tr("Codice ATECO 2025"), self.ateco)
        self.vat_edit = QLineEdit(project.vat_number or "")
        self.vat_edit.setObjectName("vatNumber")
        self.vat_edit.setPlaceholderText(self.tr("11 cifre"))
        self.vat_edit.setMaxLength(13)
        self.add_field("vat_number", self.tr("Partita IVA"), self.vat_edit)
        self.date_edit = date_edit(project.vat_opened_on)
        self.date_edit.setObjectName("vatOpenedOn")
        self.add_field("vat_opened_on", self.tr("Data di apertura"), self.date_edit)
        self.name_edit = QLineEdit(project.company_name or "")
        self.name_edit.setObjectName("companyName")
        self.add_field("company_name", self.tr("Denominazione"), self.name_edit)
        self.comune_edit = QLineEdit(project.comune or "")
        self.comune_edit.setObjectName("companyComune")
        self.add_field("comune", self.tr("Comune della sede"), self.comune_edit)
        self.form.addRow(
            muted_label(
                self.tr(
                    "Con l'apertura il progetto passa ad «Avvio impresa»; il percorso di "
                    "autoimpiego (registrato ora, se manca) e i percorsi di reinserimento "
                    "aperti (GOL 1, GOL 5) si chiudono con esito «autoimpiego»."
                )
            )
        )
        self.finish(self.tr("Registra apertura"))

    def job(self) -> Job:
        return partial(
            business.open_business,
            self.ctx,
            self.project.id,
            legal_form=self.legal_combo.currentData(),
            ateco_code=self.ateco.code(),
            vat_number=self.vat_edit.text(),
            vat_opened_on=pydate(self.date_edit.date()),
            company_name=self.name_edit.text().strip() or None,
            comune=self.comune_edit.text().strip() or None,
        )


class NewProjectDialog(FormDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None,
                 worker: tuple[int, str] | None = None) -> None:
        super().__init__(self.tr("Nuovo progetto d'impresa"), parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        self.picker = WorkerPicker(ctx)
        if worker is not None:
            self.picker.set_worker(*worker)
        self.add_field("worker", self.tr("Lavoratore"), self.picker)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("projectTitle")
        self.title_edit.setPlaceholderText(self.tr("L'idea in poche parole, es. «Bar-caffetteria»"))
        self.add_field("title", self.tr("Idea d'impresa"), self.title_edit)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setMaximumHeight(self.fontMetrics().height() * 5)
        self.add_field("description", self.tr("Descrizione"), self.description_edit)
        self.finish(self.tr("Avvia progetto"))

    def job(self) -> Job:
        if self.picker.worker_id is None:
            raise ValidationError(self.tr("Scegliere il lavoratore."), "worker")
        return partial(
            business.start_project,
            self.ctx,
            self.picker.worker_id,
            self.title_edit.text(),
            self.description_edit.toPlainText().strip() or None,
        )


class MeetingDialog(FormDialog):
    """A meeting or note at the project's current stage."""

    def __init__(self, ctx: Context, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Aggiungi incontro"), parent)
        self.ctx = ctx
        self.project = project
        self.setMinimumWidth(480)
        self.form.addRow(
            QLabel(self.tr("Fase: {stage}").format(stage=label(BUSINESS_STAGES, project.stage)))
        )
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.when_edit.setObjectName("meetingWhen")
        self.when_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.add_field("at", self.tr("Quando"), self.when_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("meetingNotes")
        self.notes_edit.setMinimumHeight(self.fontMetrics().height() * 5)
        self.add_field("notes", self.tr("Nota"), self.notes_edit)
        self.finish(self.tr("Salva incontro"))

    def job(self) -> Job:
        when = self.when_edit.dateTime().toPython()
        return partial(
            business.add_meeting,
            self.ctx,
            self.project.id,
            self.notes_edit.toPlainText(),
            at=when.replace(second=0, microsecond=0),
        )


class AdvanceStageDialog(FormDialog):
    def __init__(self, ctx: Context, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Avanza fase"), parent)
        self.ctx = ctx
        self.project = project
        self.setMinimumWidth(460)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("nextStage")
        fill_combo(self.stage_combo, BUSINESS_STAGES, values=project.next_stages)
        self.add_field("stage", self.tr("Nuova fase"), self.stage_combo)
        if not project.opened_on and project.can_open_business:
            self.form.addRow(
                muted_label(
                    self.tr(
                        "«Avvio impresa» si raggiunge registrando l'apertura dell'impresa "
                        "(Apri impresa)."
                    )
                )
            )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("stageNotes")
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_field("notes", self.tr("Nota"), self.notes_edit)
        self.finish(self.tr("Avanza"))

    def job(self) -> Job:
        stage = self.stage_combo.currentData()
        if stage is None:
            raise ValidationError(self.tr("Non ci sono fasi successive disponibili."), "stage")
        return partial(
            business.advance_stage,
            self.ctx, self.project.id, stage, self.notes_edit.toPlainText().strip() or None
        )


class SciaDialog(FormDialog):
    def __init__(self, ctx: Context, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nuova SCIA al SUAP"), parent)
        self.ctx = ctx
        self.project = project
        self.setMinimumWidth(440)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("sciaDate")
        self.add_field("filed_on", self.tr("Presentata il"), self.date_edit)
        self.comune_edit = QLineEdit(project.comune or "")
        self.comune_edit.setObjectName("sciaComune")
        self.add_field("comune", self.tr("SUAP del comune"), self.comune_edit)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("sciaNumber")
        self.add_field("practice_number", self.tr("Numero di pratica"), self.number_edit)
        self.finish(self.tr("Registra SCIA"))

    def job(self) -> Job:
        return partial(
            business.file_scia,
            self.ctx,
            self.project.id,
            filed_on=pydate(self.date_edit.date()),
            comune=self.comune_edit.text(),
            practice_number=self.number_edit.text().strip() or None,
        )


class SciaOutcomeDialog(FormDialog):
    def __init__(self, ctx: Context, filing: FilingRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Esito della SCIA"), parent)
        self.ctx = ctx
        self.filing = filing
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("sciaOutcome")
        fill_combo(
            self.outcome_combo, SUAP_OUTCOMES, values=[o for o in SUAP_OUTCOMES if o != "in_attesa"]
        )
        self.add_field("outcome", self.tr("Esito"), self.outcome_combo)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("sciaOutcomeDate")
        self.add_field("outcome_on", self.tr("Data dell'esito"), self.date_edit)
        self.finish(self.tr("Registra esito"))

    def job(self) -> Job:
        return partial(
            business.scia_outcome,
            self.ctx,
            self.filing.id,
            self.outcome_combo.currentData(),
            pydate(self.date_edit.date()),
        )


class FundingDialog(FormDialog):
    def __init__(self, ctx: Context, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nuova richiesta di finanziamento"), parent)
        self.ctx = ctx
        self.project = project
        self.setMinimumWidth(480)
        self.programme_combo = QComboBox()
        self.programme_combo.setObjectName("fundingProgramme")
        for programme_id, name in business.programmes(ctx):
            self.programme_combo.addItem(name, programme_id)
        self.add_field("programme", self.tr("Programma"), self.programme_combo)
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("fundingRequested")
        self.amount_edit.setPlaceholderText(self.tr("es. 15.000,00"))
        self.add_field("requested_cents", self.tr("Importo richiesto (€)"), self.amount_edit)
        self.date_edit = date_edit()
        self.add_field("requested_on", self.tr("Presentata il"), self.date_edit)
        self.notes_edit = QLineEdit()
        self.add_field("notes", self.tr("Note"), self.notes_edit)
        self.finish(self.tr("Registra richiesta"))

    def job(self) -> Job:
        programme_id = self.programme_combo.currentData()
        if programme_id is None:
            raise ValidationError(self.tr("Nessun programma di finanziamento attivo."), "programme")
        amount = read_field("requested_cents", parse_euro, self.amount_edit.text())
        return partial(
            business.request_funding,
            self.ctx,
            self.project.id,
            programme_id,
            0 if amount is None else amount,
            requested_on=pydate(self.date_edit.date()),
            notes=self.notes_edit.text().strip() or None,
        )


class DecideFundingDialog(FormDialog):
    """Ammessa (with the granted amount), respinta, or erogata."""

    def __init__(self, ctx: Context, request: FundingRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Esito del finanziamento"), parent)
        self.ctx = ctx
        self.request = request
        self.setMinimumWidth(460)
        self.form.addRow(
            QLabel(
                self.tr("{programme}: richiesti {amount}").format(
                    programme=request.programme, amount=format_euro(request.requested_cents)
                )
            )
        )
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("fundingDecision")
        fill_combo(self.status_combo, FUNDING_STATUSES, values=request.next_statuses)
        self.add_field("status", self.tr("Esito"), self.status_combo)
        self.granted_edit = QLineEdit(euro_text(request.requested_cents))
        self.granted_edit.setObjectName("fundingGranted")
        self.add_field("granted_cents", self.tr("Importo concesso (€)"), self.granted_edit)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("fundingDecidedOn")
        self.add_field("decided_on", self.tr("Data"), self.date_edit)
        self.finish(self.tr("Registra esito"))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._status_changed()

    def _status_changed(self) -> None:
        self.form.setRowVisible(
            self.granted_edit.parentWidget(), self.status_combo.currentData() == "ammessa"
        )

    def job(self) -> Job:
        status = self.status_combo.currentData()
        if status is None:
            raise ValidationError(self.tr("La richiesta è già chiusa."), "status")
        granted = None
        if status == "ammessa":
            granted = read_field("granted_cents", parse_euro, self.granted_edit.text())
        return partial(
            business.decide_funding,
            self.ctx,
            self.request.id,
            status,
            granted_cents=granted,
            on=pydate(self.date_edit.date()),
        )
