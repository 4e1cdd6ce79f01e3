"""The "Offerte di lavoro" tab: employers and offers, ranked candidates, applications, hires."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.services import placements
from sportello.core.services.placements import ApplicationRow, Candidate, OfferRow
from sportello.gui import changes, ops
from sportello.gui.kit.forms import (
    Job,
    FormDialog,
    MessageBar,
    fill_combo,
    label,
    muted_label,
    read_field,
    select_data,
    show_dialog,
)
from sportello.gui.kit.inputs import (
    OptionalDateEdit,
    date_edit,
    fmt_number,
    format_date,
    parse_date,
    parse_decimal,
    pydate,
)
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row
from sportello.gui.shared.labels import (
    APPLICATION_STATUSES,
    CONTRACT_TYPES,
    OFFER_STATUSES,
    QUALIFICHE,
)
from sportello.gui.tasks import Task, start_kept

OFFER_STATUS_COLOURS = {"aperta": "#1e7b34", "coperta": "#1d4ed8", "chiusa": "#6b7280"}
APPLICATION_COLOURS = {
    "assunto": "#1e7b34",
    "non_selezionato": "#6b7280",
    "ritirata": "#6b7280",
    "colloquio": "#1d4ed8",
}


# --------------------------------------------------------------------------- dialogs


class EmployerDialog(FormDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Nuova azienda"), parent)
        self.ctx = ctx
        self.setMinimumWidth(460)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("employerName")
        self.add_field("name", self.tr("Ragione sociale"), self.name_edit)
        self.piva_edit = QLineEdit()
        self.piva_edit.setObjectName("employerPiva")
        self.piva_edit.setPlaceholderText(self.tr("11 cifre, o codice fiscale"))
        self.add_field("cf_piva", self.tr("Partita IVA"), self.piva_edit)
        self.comune_edit = QLineEdit()
        self.add_field("comune", self.tr("Comune"), self.comune_edit)
        self.provincia_edit = QLineEdit()
        self.provincia_edit.setMaxLength(2)
        self.provincia_edit.setMaximumWidth(60)
        self.add_field("provincia", self.tr("Provincia"), self.provincia_edit)
        self.contact_edit = QLineEdit()
        self.add_field("contact_name", self.tr("Referente"), self.contact_edit)
        self.phone_edit = QLineEdit()
        self.add_field("phone", self.tr("Telefono"), self.phone_edit)
        self.email_edit = QLineEdit()
        self.add_field("email", self.tr("Email"), self.email_edit)
        self.finish(self.tr("Salva azienda"))

    def job(self) -> Job:
        return partial(
            placements.add_employer,
            self.ctx,
            name=self.name_edit.text(),
            cf_piva=self.piva_edit.text(),
            comune=self.comune_edit.text().strip() or None,
            provincia=self.provincia_edit.text().strip() or None,
            contact_name=self.contact_edit.text().strip() or None,
            phone=self.phone_edit.text().strip() or None,
            email=self.email_edit.text().strip() or None,
        )


class OfferDialog(FormDialog):
    def __init__(
        self, ctx: Context, employer_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Nuova offerta di lavoro"), parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        self.employer_combo = QComboBox()
        self.employer_combo.setObjectName("offerEmployer")
        for employer in placements.list_employers(ctx):
            self.employer_combo.addItem(employer.name, employer.id)
        if employer_id is not None:
            select_data(self.employer_combo, employer_id)
        self.add_field("employer_id", self.tr("Azienda"), self.employer_combo)
        self.role_edit = QLineEdit()
        self.role_edit.setObjectName("offerRole")
        self.add_field("role", self.tr("Mansione"), self.role_edit)
        self.contract_combo = QComboBox()
        self.contract_combo.setObjectName("offerContract")
        fill_combo(self.contract_combo, CONTRACT_TYPES)
        self.add_field("contract_type", self.tr("Contratto"), self.contract_combo)
        self.qualifica_combo = QComboBox()
        fill_combo(self.qualifica_combo, QUALIFICHE, first=self.tr("Qualsiasi"))
        self.add_field("qualifica_code", self.tr("Qualifica"), self.qualifica_combo)
        place = QHBoxLayout()
        self.comune_edit = QLineEdit()
        self.comune_edit.setObjectName("offerComune")
        self.comune_edit.setPlaceholderText(self.tr("Comune"))
        self.provincia_edit = QLineEdit()
        self.provincia_edit.setObjectName("offerProvincia")
        self.provincia_edit.setPlaceholderText(self.tr("Prov."))
        self.provincia_edit.setMaxLength(2)
        self.provincia_edit.setMaximumWidth(60)
        place.addWidget(self.comune_edit, 1)
        place.addWidget(self.provincia_edit)
        self.add_field("comune", self.tr("Sede di lavoro"), place, aliases=("provincia",))
        self.hours_edit = QLineEdit()
        self.hours_edit.setObjectName("offerHours")
        self.hours_edit.setPlaceholderText(self.tr("es. 40"))
        self.add_field("weekly_hours", self.tr("Ore settimanali"), self.hours_edit)
        self.openings_spin = QSpinBox()
        self.openings_spin.setObjectName("offerOpenings")
        self.openings_spin.setRange(1, 999)
        self.add_field("openings", self.tr("Posti"), self.openings_spin)
        self.closing_edit = OptionalDateEdit()
        self.closing_edit.setObjectName("offerClosing")
        self.closing_edit.setPlaceholderText(self.tr("gg/mm/aaaa (facoltativa)"))
        self.add_field("closing_on", self.tr("Scadenza"), self.closing_edit)
        self.skills_edit = QLineEdit()
        self.skills_edit.setObjectName("offerSkills")
        self.skills_edit.setPlaceholderText(self.tr("Competenze richieste, separate da virgole"))
        self.add_field("skills", self.tr("Competenze"), self.skills_edit)
        self.requirements_edit = QPlainTextEdit()
        self.requirements_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_field("requirements", self.tr("Requisiti"), self.requirements_edit)
        self.finish(self.tr("Pubblica offerta"))

    def job(self) -> Job:
        employer_id = self.employer_combo.currentData()
        if employer_id is None:
            raise ValidationError(self.tr("Creare prima l'azienda."), "employer_id")
        return partial(
            placements.add_offer,
            self.ctx,
            employer_id=employer_id,
            role=self.role_edit.text(),
            contract_type=self.contract_combo.currentData(),
            comune=self.comune_edit.text().strip() or None,
            provincia=self.provincia_edit.text().strip() or None,
            qualifica_code=self.qualifica_combo.currentData(),
            weekly_hours=read_field("weekly_hours", parse_decimal, self.hours_edit.text()),
            openings=self.openings_spin.value(),
            closing_on=read_field("closing_on", parse_date, self.closing_edit.text()),
            skills=self.skills_edit.text().strip() or None,
            requirements=self.requirements_edit.toPlainText().strip() or None,
        )


class HireDialog(FormDialog):
    """Record the hire of a candidate: the reinsertion pathways close as "ricollocato"."""

    def __init__(
        self,
        ctx: Context,
        application: ApplicationRow,
        offer: OfferRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Registra assunzione"), parent)
        self.ctx = ctx
        self.application = application
        self.setMinimumWidth(460)
        about = QLabel(
            self.tr("{worker} presso {employer}").format(
                worker=application.worker_name, employer=offer.employer if offer else ""
            )
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("hireDate")
        self.add_field("hired_on", self.tr("Data di assunzione"), self.date_edit)
        self.contract_combo = QComboBox()
        self.contract_combo.setObjectName("hireContract")
        fill_combo(self.contract_combo, CONTRACT_TYPES)
        if offer is not None:
            select_data(self.contract_combo, offer.contract_type)
        self.add_field("contract_type", self.tr("Contratto"), self.contract_combo)
        self.hours_edit = QLineEdit(fmt_number(offer.weekly_hours) if offer else "")
        self.hours_edit.setObjectName("hireHours")
        self.add_field("weekly_hours", self.tr("Ore settimanali"), self.hours_edit)
        self.end_edit = OptionalDateEdit()
        self.end_edit.setObjectName("hireEnd")
        self.end_edit.setPlaceholderText(self.tr("gg/mm/aaaa, per i contratti a termine"))
        self.add_field("end_on", self.tr("Fine contratto"), self.end_edit)
        self.qualifica_edit = QLineEdit(offer.role if offer else "")
        self.add_field("qualifica", self.tr("Qualifica"), self.qualifica_edit)
        note = muted_label(
            self.tr(
                "I percorsi di reinserimento aperti del lavoratore (GOL 1 e GOL 5) saranno chiusi "
                "con esito «ricollocato»."
            )
        )
        self.form.addRow(note)
        self.finish(self.tr("Registra assunzione"))

    def job(self) -> Job:
        return partial(
            placements.hire,
            self.ctx,
            worker_id=self.application.worker_id,
            employer_id=self.application.employer_id,
            hired_on=pydate(self.date_edit.date()),
            contract_type=self.contract_combo.currentData(),
            weekly_hours=read_field("weekly_hours", parse_decimal, self.hours_edit.text()),
            end_on=read_field("end_on", parse_date, self.end_edit.text()),
            application_id=self.application.id,
            qualifica=self.qualifica_edit.text().strip() or None,
        )


# --------------------------------------------------------------------------- the tab


class OffersTab(QWidget):
    hired = Signal(int)  # a worker was hired: their reinsertion pathways closed
    candidates_loaded = Signal()  # the suggested candidates of the selected offer are shown

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.hired.connect(lambda _worker: changes.announce(
            changes.PATHWAYS, changes.WORKERS, source=self))
        self.ctx = ctx
        self._loaded = False
        self._applied: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        top = QHBoxLayout()
        self.employer_combo = QComboBox()
        self.employer_combo.setObjectName("offerEmployerFilter")
        self.employer_combo.setMinimumContentsLength(14)  # grows with the window
        self.employer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("offerStatusFilter")
        fill_combo(self.status_combo, OFFER_STATUSES, first=self.tr("Tutte le offerte"))
        self.status_combo.setMinimumContentsLength(10)
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.new_employer_button = QPushButton(self.tr("Nuova azienda…"))
        self.new_employer_button.setObjectName("employerNew")
        self.new_employer_button.clicked.connect(self.new_employer)
        self.new_offer_button = QPushButton(self.tr("Nuova offerta…"))
        self.new_offer_button.setObjectName("offerNew")
        self.new_offer_button.clicked.connect(self.new_offer)
        top.addWidget(self.employer_combo, 2)
        top.addWidget(self.status_combo, 1)
        top.addStretch(1)
        top.addWidget(self.new_employer_button)
        top.addWidget(self.new_offer_button)
        layout.addLayout(top)

        self.offer_model = RowsModel(
            [
                Column(self.tr("Mansione"), lambda r: r.role),
                Column(self.tr("Azienda"), lambda r: r.employer),
                Column(
                    self.tr("Sede"),
                    lambda r: f"{r.comune or ''}{f' ({r.provincia})' if r.provincia else ''}",
                ),
                Column(self.tr("Contratto"), lambda r: label(CONTRACT_TYPES, r.contract_type)),
                Column(self.tr("Ore"), lambda r: fmt_number(r.weekly_hours), align_right=True),
                Column(self.tr("Assunti"), lambda r: f"{r.hires}/{r.openings}", align_right=True),
                Column(self.tr("Candidature"), lambda r: str(r.applications), align_right=True),
                Column(self.tr("Scadenza"), lambda r: format_date(r.closing_on)),
                Column(
                    self.tr("Stato"),
                    lambda r: label(OFFER_STATUSES, r.status),
                    colour=lambda r: OFFER_STATUS_COLOURS.get(r.status),
                ),
            ],
            self,
        )
        self.offer_table = make_table(
            self.offer_model, "offerTable", (0, 150, 110, 115, 40, 60, 85, 80, 70), stretch=0
        )
        self.offer_table.selectionModel().selectionChanged.connect(
            lambda *_: self._offer_selected()
        )

        self.offer_label = muted_label()
        self.offer_label.setObjectName("offerDetail")

        # candidates
        candidates_box = QGroupBox(self.tr("Candidati suggeriti"))
        candidates_layout = QVBoxLayout(candidates_box)
        self.candidate_model = RowsModel(
            [
                Column(self.tr("Lavoratore"), lambda c: c.name),
                Column(self.tr("Punti"), lambda c: str(c.score), align_right=True),
                Column(
                    self.tr("Perché"),
                    lambda c: self._reasons(c),
                    tooltip=lambda c: self._reasons(c),
                ),
            ],
            self,
            id_of=lambda c: c.worker_id,
        )
        self.candidate_table = make_table(self.candidate_model, "candidateTable", (150, 45))
        self.candidate_status = muted_label()
        self.candidate_status.setObjectName("candidateStatus")
        self._candidates_for: int | None = None  # the offer whose candidates are being read
        self.candidate_table.selectionModel().selectionChanged.connect(
            lambda *_: self._candidate_selected()
        )
        self.propose_button = QPushButton(self.tr("Proponi"))
        self.propose_button.setObjectName("candidatePropose")
        self.propose_button.setToolTip(self.tr("Candida il lavoratore selezionato all'offerta"))
        self.propose_button.clicked.connect(self.propose)
        candidates_layout.addWidget(self.candidate_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.candidate_status, 1)
        row.addWidget(self.propose_button)
        candidates_layout.addLayout(row)

        # applications
        applications_box = QGroupBox(self.tr("Candidature all'offerta"))
        applications_layout = QVBoxLayout(applications_box)
        self.application_model = RowsModel(
            [
                Column(self.tr("Lavoratore"), lambda a: a.worker_name),
                Column(
                    self.tr("Stato"),
                    lambda a: label(APPLICATION_STATUSES, a.status),
                    colour=lambda a: APPLICATION_COLOURS.get(a.status),
                ),
                Column(self.tr("Dal"), lambda a: format_date(a.applied_on)),
            ],
            self,
        )
        self.application_table = make_table(self.application_model, "applicationTable", (150, 125))
        self.application_table.selectionModel().selectionChanged.connect(
            lambda *_: self._application_selected()
        )
        actions = QHBoxLayout()
        self.next_combo = QComboBox()
        self.next_combo.setObjectName("applicationNext")
        self.advance_button = QPushButton(self.tr("Avanza"))
        self.advance_button.setObjectName("applicationAdvance")
        self.advance_button.clicked.connect(self.advance)
        self.hire_button = QPushButton(self.tr("Registra assunzione…"))
        self.hire_button.setObjectName("applicationHire")
        self.hire_button.clicked.connect(self.hire)
        actions.addWidget(self.next_combo, 1)
        actions.addWidget(self.advance_button)
        actions.addWidget(self.hire_button)
        applications_layout.addWidget(self.application_table, 1)
        applications_layout.addLayout(actions)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(candidates_box)
        bottom.addWidget(applications_box)
        bottom.setChildrenCollapsible(False)
        bottom.setStretchFactor(0, 5)  # the reasons need the room
        bottom.setStretchFactor(1, 4)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.offer_table, 1)
        upper_layout.addWidget(self.offer_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.message = MessageBar("offerMessage")
        layout.addWidget(self.message)

        self.employer_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self._offer_selected()

    def _reasons(self, candidate: Candidate) -> str:
        text = ", ".join(candidate.reasons)
        if candidate.worker_id in self._applied:
            text = self.tr("già candidato") + " · " + text
        return text

    # ------------------------------------------------------------------ reading

    def load_employers(self, select: int | None = None) -> None:
        current = select if select is not None else self.employer_combo.currentData()
        self.employer_combo.blockSignals(True)
        self.employer_combo.clear()
        self.employer_combo.addItem(self.tr("Tutte le aziende"), None)
        for employer in placements.list_employers(self.ctx):
            text = employer.name
            if employer.comune:
                text += f" — {employer.comune}"
            self.employer_combo.addItem(text, employer.id)
        self.employer_combo.setCurrentIndex(max(0, self.employer_combo.findData(current)))
        self.employer_combo.blockSignals(False)
        self._loaded = True

    def reload(self, select: int | None = None) -> None:
        if not self._loaded:
            self.load_employers()
            select_data(self.status_combo, "aperta")
        keep = select if select is not None else getattr(self.selected_offer(), "id", None)
        self.offer_model.set_rows(
            placements.list_offers(
                self.ctx,
                status=self.status_combo.currentData(),
                employer_id=self.employer_combo.currentData(),
            )
        )
        if not select_id(self.offer_table, keep) and self.offer_model.rowCount():
            self.offer_table.selectRow(0)
        self._offer_selected()

    def selected_offer(self) -> OfferRow | None:
        return selected_row(self.offer_table)

    def selected_candidate(self) -> Candidate | None:
        return selected_row(self.candidate_table)

    def selected_application(self) -> ApplicationRow | None:
        return selected_row(self.application_table)

    def _offer_selected(self) -> None:
        offer = self.selected_offer()
        if offer is None:
            self.offer_label.setText(
                self.tr("Selezionare un'offerta per vedere i candidati e le candidature.")
            )
            self._applied = set()
            self.candidate_model.set_rows([])
            self.application_model.set_rows([])
        else:
            parts = [self.tr("Pubblicata il {date}").format(date=format_date(offer.published_on))]
            if offer.qualifica_code:
                parts.append(
                    self.tr("qualifica: {q}").format(q=label(QUALIFICHE, offer.qualifica_code))
                )
            if offer.skills:
                parts.append(self.tr("competenze: {skills}").format(skills=offer.skills))
            self.offer_label.setText(" · ".join(parts))
            applications = placements.offer_applications(self.ctx, offer.id)
            self._applied = {a.worker_id for a in applications}
            self.application_model.set_rows(applications)
            self._read_candidates(offer)
        self._candidate_selected()
        self._application_selected()

    def _read_candidates(self, offer: OfferRow) -> None:
        """Rank the candidates off the GUI thread: on tens of thousands of files it takes
        a good part of a second. A result for an offer no longer selected is dropped."""
        if offer.status != "aperta":
            self._candidates_for = None
            self.candidate_model.set_rows([])
            self.candidate_status.setText(self.tr("Offerta non più aperta."))
            self.candidates_loaded.emit()
            return
        if self._candidates_for != offer.id:
            self.candidate_model.set_rows([])
        self._candidates_for = offer.id
        self.candidate_status.setText(self.tr("Ricerca dei candidati…"))
        ctx, offer_id = self.ctx, offer.id
        task = Task(lambda _progress: (offer_id, placements.candidates_for_offer(ctx, offer_id)),
                    lane=ops.READ)
        task.succeeded.connect(self._candidates_read)
        task.failed.connect(self._candidates_failed)
        start_kept(task)

    @Slot(object)
    def _candidates_read(self, result: tuple[int, list[Candidate]]) -> None:
        offer_id, candidates = result
        if offer_id != self._candidates_for:
            return  # another offer was chosen meanwhile; its own read will show
        keep = getattr(self.selected_candidate(), "worker_id", None)
        self.candidate_model.set_rows(candidates)
        select_id(self.candidate_table, keep)
        self.candidate_status.setText(
            self.tr("%n candidati suggeriti", "", len(candidates)) if candidates
            else self.tr("Nessun candidato adatto tra i fascicoli aperti."))
        self._candidate_selected()
        self.candidates_loaded.emit()

    @Slot(str)
    def _candidates_failed(self, message: str) -> None:
        self.candidate_status.setText(message)
        self.candidates_loaded.emit()

    def _candidate_selected(self) -> None:
        candidate = self.selected_candidate()
        offer = self.selected_offer()
        self.propose_button.setEnabled(
            candidate is not None
            and offer is not None
            and offer.status == "aperta"
            and candidate.worker_id not in self._applied
        )

    def _application_selected(self) -> None:
        application = self.selected_application()
        self.next_combo.clear()
        if application is not None:
            fill_combo(self.next_combo, APPLICATION_STATUSES, values=application.next_statuses)
        self.next_combo.setEnabled(self.next_combo.count() > 0)
        self.advance_button.setEnabled(self.next_combo.count() > 0)
        self.hire_button.setEnabled(application is not None and application.can_hire)

    # ------------------------------------------------------------------ actions

    def new_employer(self) -> EmployerDialog:
        dialog = EmployerDialog(self.ctx, self)

        def saved(employer_id: object) -> None:
            self.load_employers(select=int(employer_id))  # type: ignore[arg-type]
            self.reload()
            self.message.show_info(self.tr("Azienda registrata."))

        show_dialog(dialog, saved)
        return dialog

    def new_offer(self) -> OfferDialog:
        dialog = OfferDialog(self.ctx, self.employer_combo.currentData(), self)

        def saved(offer_id: object) -> None:
            select_data(self.status_combo, "aperta")
            self.reload(select=int(offer_id))  # type: ignore[arg-type]
            self.message.show_info(self.tr("Offerta pubblicata."))

        show_dialog(dialog, saved)
        return dialog

    def propose(self) -> None:
        offer, candidate = self.selected_offer(), self.selected_candidate()
        if offer is None or candidate is None:
            return
        text = self.tr("{worker} proposto per «{role}».").format(
            worker=candidate.name, role=offer.role)

        def proposed(_result: object) -> None:
            self.reload(select=offer.id)
            self.message.show_info(text)

        ops.write(self, partial(placements.propose, self.ctx, candidate.worker_id, offer.id),
                  done=proposed, failed=self._refused, busy=(self.propose_button,))

    def advance(self) -> None:
        application = self.selected_application()
        status = self.next_combo.currentData()
        if application is None or status is None:
            return
        text = self.tr("Candidatura di {worker}: {status}.").format(
            worker=application.worker_name, status=label(APPLICATION_STATUSES, status).lower())

        def advanced(_result: object) -> None:
            offer = self.selected_offer()
            self.reload(select=offer.id if offer else None)
            select_id(self.application_table, application.id)
            self.message.show_info(text)

        ops.write(self, partial(placements.advance, self.ctx, application.id, status),
                  done=advanced, failed=self._refused, busy=(self.advance_button,))

    def _refused(self, exc: BaseException) -> None:
        self.message.show_error(ops.message_for(exc))

    def hire(self) -> HireDialog | None:
        application = self.selected_application()
        if application is None:
            return None
        offer = self.selected_offer()
        dialog = HireDialog(self.ctx, application, offer, self)

        def saved(_hire_id: object) -> None:
            self.reload(select=offer.id if offer else None)
            self.message.show_info(
                self.tr(
                    "Assunzione registrata: {worker}. I percorsi di reinserimento aperti sono "
                    "chiusi come «ricollocato»."
                ).format(worker=application.worker_name)
            )
            self.hired.emit(application.worker_id)

        show_dialog(dialog, saved)
        return dialog
