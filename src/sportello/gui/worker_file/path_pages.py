"""The worker file's path tabs: Percorsi, Lavoro e impresa, Voucher.

Each tab lists what the path services hold for this one worker and offers the same
actions as the path areas (the same dialogs, the same services), with the worker already
chosen. A page is read the first time it is shown (``loaded``), and says through
``changed`` that it wrote something, so the window can re-read what else it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import business, pathways, placements, vouchers
from sportello.core.services.pathways import PathwayFilter
from sportello.core.services.vouchers import VoucherFilter
from sportello.gui.kit.forms import (
    fill_combo,
    heading_label,
    label,
    muted_label,
    show_dialog,
)
from sportello.gui.kit.inputs import fmt_number, fmt_pct, format_date, format_euro
from sportello.gui.kit.tables import Column, RowsModel, selected_row
from sportello.gui.paths.business_dialogs import NewProjectDialog
from sportello.gui.paths.offers import HireDialog
from sportello.gui.paths.pathway_dialogs import (
    CloseFileDialog,
    ClosePathwayDialog,
    NewPathwayDialog,
)
from sportello.gui.paths.training_dialogs import (
    VoucherRequestDialog,
    VoucherStatusDialog,
    confirm_approval,
)
from sportello.gui.shared.labels import (
    APPLICATION_STATUSES,
    BUSINESS_STAGES,
    CONTRACT_TYPES,
    PATHWAY_KINDS,
    PATHWAY_OUTCOMES,
    PATHWAY_STATUSES,
    VOUCHER_STATUSES,
)
from sportello.gui.shared.path_page import PathPage


def _fill(table: QTableView, rows: list[Any]) -> None:
    model = table.model()
    assert isinstance(model, RowsModel)
    model.set_rows(rows)


# --------------------------------------------------------------------------- Percorsi


class PathwaysPage(PathPage):
    """The worker's pathways (GOL 1–5, self-employment): start one, close one, close the file."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(ctx, worker)
        self.setObjectName("filePathways")
        self.new_button = self.button(
            "filePathwayNew", self.tr("Nuovo percorso…"),
            self.tr("Mette il lavoratore su un percorso GOL o di autoimpiego"), self.new_pathway)
        self.close_button = self.button(
            "filePathwayClose", self.tr("Chiudi percorso…"),
            self.tr("Chiude il percorso selezionato con il suo esito"), self.close_pathway)
        self.buttons.addStretch(1)
        self.close_file_button = self.button(
            "fileCloseFile", self.tr("Chiudi fascicolo…"),
            self.tr("Chiude il fascicolo con un esito; i percorsi aperti si chiudono con esso"),
            self.close_file)
        self.list = self.table([
            Column(self.tr("Percorso"), lambda r: label(PATHWAY_KINDS, r.kind)),
            Column(self.tr("Stato"), lambda r: label(PATHWAY_STATUSES, r.status)),
            Column(self.tr("Inizio"), lambda r: format_date(r.start_on)),
            Column(self.tr("Fine"), lambda r: format_date(r.end_on)),
            Column(self.tr("Esito"), lambda r: label(PATHWAY_OUTCOMES, r.outcome)),
        ], "filePathwayTable", [260, 100, 90, 90])
        self.layout_.addWidget(self.list, 1)
        self.empty = muted_label(self.tr("Nessun percorso per questo fascicolo."))
        self.layout_.addWidget(self.empty)
        self.update_buttons()

    def load(self) -> None:
        rows = pathways.list_pathways(self.ctx, PathwayFilter(worker_id=self.worker[0]),
                                      limit=1000)
        _fill(self.list, rows)
        self.empty.setVisible(not rows)
        self.loaded = True
        self.update_buttons()

    def rows(self) -> list[list[str]]:
        model = self.list.model()
        assert isinstance(model, RowsModel)
        return [[c.text(r) for c in model.columns] for r in model.rows]

    def update_buttons(self) -> None:
        row = selected_row(self.list)
        self.close_button.setEnabled(row is not None and row.is_open)

    def new_pathway(self) -> NewPathwayDialog:
        dialog = NewPathwayDialog(self.ctx, self.worker, self)
        show_dialog(dialog, lambda info: self.done(self.tr("Percorso avviato: {kind}.").format(
            kind=label(PATHWAY_KINDS, info.kind))))  # type: ignore[attr-defined]
        return dialog

    def close_pathway(self) -> ClosePathwayDialog | None:
        row = selected_row(self.list)
        if row is None or not row.is_open:
            return None
        dialog = ClosePathwayDialog(self.ctx, row, self)
        show_dialog(dialog, lambda _info: self.done(self.tr("Percorso chiuso.")))
        return dialog

    def close_file(self) -> CloseFileDialog:
        dialog = CloseFileDialog(self.ctx, self.worker, self)
        show_dialog(dialog, lambda closed: self.done(self.tr(
            "Fascicolo chiuso; percorsi chiusi con esso: {n}.").format(n=len(closed))))  # type: ignore[arg-type]
        return dialog


# --------------------------------------------------------------------------- Lavoro e impresa


class WorkPage(PathPage):
    """Job reinsertion and self-employment for this worker: open offers that fit, the
    applications with their status, hires, and the business project(s)."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(ctx, worker)
        self.setObjectName("fileWork")
        self._offers: dict[int, placements.OfferMatch] = {}

        self.layout_.removeItem(self.buttons)  # each list has its own buttons here
        self.layout_.addWidget(heading_label(self.tr("Offerte aperte adatte")))
        self.offer_list = self.table([
            Column(self.tr("Punteggio"), lambda m: str(m.score), align_right=True),
            Column(self.tr("Ruolo"), lambda m: m.role),
            Column(self.tr("Azienda"), lambda m: m.employer),
            Column(self.tr("Comune"), lambda m: m.comune or ""),
            Column(self.tr("Perché"), lambda m: ", ".join(m.reasons),
                   tooltip=lambda m: "\n".join(m.reasons)),
        ], "fileOfferTable", [70, 180, 170, 110], id_of=lambda m: m.offer_id)
        self.layout_.addWidget(self.offer_list, 2)
        row = QHBoxLayout()
        self.propose_button = QPushButton(self.tr("Candida all'offerta"))
        self.propose_button.setObjectName("fileOfferPropose")
        self.propose_button.setToolTip(self.tr("Propone il lavoratore per l'offerta selezionata"))
        self.propose_button.clicked.connect(self.propose)
        row.addWidget(self.propose_button)
        row.addStretch(1)
        self.layout_.addLayout(row)

        self.layout_.addWidget(heading_label(self.tr("Candidature")))
        self.application_list = self.table([
            Column(self.tr("Ruolo"), lambda a: a.role),
            Column(self.tr("Azienda"), lambda a: a.employer),
            Column(self.tr("Data"), lambda a: format_date(a.applied_on)),
            Column(self.tr("Stato"), lambda a: label(APPLICATION_STATUSES, a.status)),
        ], "fileApplicationTable", [180, 170, 90])
        self.layout_.addWidget(self.application_list, 2)
        row = QHBoxLayout()
        self.next_combo = QComboBox()
        self.next_combo.setObjectName("fileApplicationNext")
        self.advance_button = QPushButton(self.tr("Aggiorna stato"))
        self.advance_button.setObjectName("fileApplicationAdvance")
        self.advance_button.clicked.connect(self.advance)
        self.hire_button = QPushButton(self.tr("Registra assunzione…"))
        self.hire_button.setObjectName("fileHire")
        self.hire_button.setToolTip(self.tr(
            "Assunzione dalla candidatura selezionata: i percorsi di reinserimento si chiudono"))
        self.hire_button.clicked.connect(self.hire)
        row.addWidget(QLabel(self.tr("Nuovo stato:")))
        row.addWidget(self.next_combo)
        row.addWidget(self.advance_button)
        row.addStretch(1)
        row.addWidget(self.hire_button)
        self.layout_.addLayout(row)

        self.layout_.addWidget(heading_label(self.tr("Assunzioni")))
        self.hire_list = self.table([
            Column(self.tr("Azienda"), lambda h: h.employer),
            Column(self.tr("Dal"), lambda h: format_date(h.hired_on)),
            Column(self.tr("Al"), lambda h: format_date(h.end_on)),
            Column(self.tr("Contratto"), lambda h: label(CONTRACT_TYPES, h.contract_type)),
            Column(self.tr("Ore"), lambda h: fmt_number(h.weekly_hours), align_right=True),
            Column(self.tr("Qualifica"), lambda h: h.qualifica or ""),
        ], "fileHireTable", [170, 90, 90, 150, 50])
        self.layout_.addWidget(self.hire_list, 1)

        self.layout_.addWidget(heading_label(self.tr("Progetto d'impresa (Sportello Unico)")))
        self.project_list = self.table([
            Column(self.tr("Idea"), lambda p: p.title),
            Column(self.tr("Fase"), lambda p: label(BUSINESS_STAGES, p.stage)),
            Column(self.tr("Impresa"), lambda p: p.company_name or ""),
            Column(self.tr("ATECO"), lambda p: p.ateco_code or ""),
            Column(self.tr("Aperta il"), lambda p: format_date(p.opened_on)),
        ], "fileProjectTable", [200, 170, 160, 80])
        self.layout_.addWidget(self.project_list, 1)
        row = QHBoxLayout()
        self.project_button = QPushButton(self.tr("Nuovo progetto d'impresa…"))
        self.project_button.setObjectName("fileProjectNew")
        self.project_button.setToolTip(self.tr(
            "Avvia l'accompagnamento all'autoimpiego; le fasi si seguono nell'area Sportello Unico"))
        self.project_button.clicked.connect(self.new_project)
        row.addWidget(self.project_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.layout_.removeWidget(self.message)
        self.layout_.addWidget(self.message)  # under everything
        self.update_buttons()

    def load(self) -> None:
        worker_id = self.worker[0]
        applied = placements.worker_applications(self.ctx, worker_id)
        already = {a.offer_id for a in applied}
        matches = [m for m in placements.offers_for_worker(self.ctx, worker_id)
                   if m.offer_id not in already]
        _fill(self.offer_list, matches)
        _fill(self.application_list, applied)
        _fill(self.hire_list, placements.worker_hires(self.ctx, worker_id))
        _fill(self.project_list, business.list_projects(
            self.ctx, business.ProjectFilter(worker_id=worker_id)))
        self.loaded = True
        self.update_buttons()

    def update_buttons(self) -> None:
        self.propose_button.setEnabled(selected_row(self.offer_list) is not None)
        application = selected_row(self.application_list)
        self.next_combo.clear()
        if application is not None:
            fill_combo(self.next_combo, APPLICATION_STATUSES, values=application.next_statuses)
        has_next = self.next_combo.count() > 0
        self.next_combo.setEnabled(has_next)
        self.advance_button.setEnabled(has_next)
        self.hire_button.setEnabled(application is not None and application.can_hire)

    def propose(self) -> None:
        match = selected_row(self.offer_list)
        if match is None:
            return
        self.write(partial(placements.propose, self.ctx, self.worker[0], match.offer_id),
                   self.tr("Candidatura proposta per «{role}» ({employer}).").format(
                       role=match.role, employer=match.employer), self.propose_button)

    def advance(self) -> None:
        application = selected_row(self.application_list)
        status = self.next_combo.currentData()
        if application is None or status is None:
            return
        self.write(partial(placements.advance, self.ctx, application.id, status),
                   self.tr("Candidatura per «{role}»: {status}.").format(
                       role=application.role, status=label(APPLICATION_STATUSES, status).lower()),
                   self.advance_button)

    def hire(self) -> HireDialog | None:
        application = selected_row(self.application_list)
        if application is None or not application.can_hire:
            return None
        try:
            offer = placements.offer_row(self.ctx, application.offer_id)
        except SportelloError as exc:
            self.refused(exc)
            return None
        dialog = HireDialog(self.ctx, application, offer, self)
        show_dialog(dialog, lambda _id: self.done(self.tr(
            "Assunzione registrata presso {employer}: i percorsi di reinserimento aperti sono "
            "chiusi come «ricollocato».").format(employer=offer.employer)))
        return dialog

    def new_project(self) -> NewProjectDialog:
        dialog = NewProjectDialog(self.ctx, self, worker=self.worker)
        show_dialog(dialog, lambda _id: self.done(self.tr("Progetto d'impresa avviato.")))
        return dialog


# --------------------------------------------------------------------------- Voucher


class VouchersPage(PathPage):
    """The worker's training vouchers: request one, move one on."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(ctx, worker)
        self.setObjectName("fileVouchers")
        self.request_button = self.button(
            "fileVoucherRequest", self.tr("Richiedi voucher…"),
            self.tr("Chiede un voucher per un corso del catalogo, pagato da un fondo"),
            self.request)
        self.approve_button = self.button(
            "fileVoucherApprove", self.tr("Approva"),
            self.tr("Impegna l'importo sul fondo e il posto nel corso (sopra la soglia: "
                    "solo un responsabile)"), self.approve)
        self.status_button = self.button(
            "fileVoucherStatus", self.tr("Cambia stato…"),
            self.tr("Approva, avvia, conclude, ritira o rendiconta il voucher selezionato"),
            self.change_status)
        self.buttons.addStretch(1)
        self.list = self.table([
            Column(self.tr("Codice"), lambda v: v.code or ""),
            Column(self.tr("Corso"), lambda v: v.course_title),
            Column(self.tr("Fondo"), lambda v: v.fund_name),
            Column(self.tr("Importo"), lambda v: format_euro(v.amount_cents), align_right=True),
            Column(self.tr("Stato"), lambda v: label(VOUCHER_STATUSES, v.status)),
            Column(self.tr("Frequenza"), lambda v: fmt_pct(v.attendance_pct), align_right=True,
                   tooltip=lambda v: self.tr("{done} ore su {total}").format(
                       done=fmt_number(v.hours_attended), total=fmt_number(v.course_hours))),
            Column(self.tr("Richiesto il"), lambda v: format_date(v.requested_on)),
        ], "fileVoucherTable", [110, 220, 150, 90, 90, 80])
        self.layout_.addWidget(self.list, 1)
        self.empty = muted_label(self.tr("Nessun voucher per questo fascicolo."))
        self.layout_.addWidget(self.empty)
        self.update_buttons()

    def load(self) -> None:
        rows = vouchers.list_vouchers(self.ctx, VoucherFilter(worker_id=self.worker[0]),
                                      limit=1000)
        _fill(self.list, rows)
        self.empty.setVisible(not rows)
        self.loaded = True
        self.update_buttons()

    def update_buttons(self) -> None:
        row = selected_row(self.list)
        nexts = row.next_statuses if row is not None else ()
        self.approve_button.setEnabled("approvato" in nexts)
        self.status_button.setEnabled(any(s != "approvato" for s in nexts))

    def request(self) -> VoucherRequestDialog:
        dialog = VoucherRequestDialog(self.ctx, parent=self, worker=self.worker)
        show_dialog(dialog, lambda _v: self.done(self.tr(
            "Voucher richiesto: lo approva un responsabile, nell'area Formazione o qui.")))
        return dialog

    def approve(self) -> bool:
        row = selected_row(self.list)
        if row is None or "approvato" not in row.next_statuses:
            return False
        if not confirm_approval(self, self.ctx, row, self.message):
            return False

        def refused(exc: BaseException) -> None:
            self.load()
            self.refused(exc)

        self.write(partial(vouchers.approve, self.ctx, row.id, expected_version=row.version),
                   self.tr("Voucher {code} approvato: {amount} impegnati sul fondo «{fund}».")
                   .format(code=row.code or "", amount=format_euro(row.amount_cents),
                           fund=row.fund_name), self.approve_button, failed=refused)
        return True

    def change_status(self) -> VoucherStatusDialog | None:
        row = selected_row(self.list)
        if row is None or not any(s != "approvato" for s in row.next_statuses):
            return None
        dialog = VoucherStatusDialog(self.ctx, row, parent=self)
        show_dialog(dialog, lambda _v: self.done(self.tr("Stato del voucher aggiornato.")))
        return dialog
