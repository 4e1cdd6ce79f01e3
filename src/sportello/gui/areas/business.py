"""Sportello Unico area: self-employment projects through their stages to an open business.

The list (filtered by stage, paged in SQL) sits above the selected project: its stages as
a timeline, meetings and notes, the opening of the business (legal form, ATECO 2025 code
searched in the shipped list, partita IVA), SCIA filings at the SUAP and funding requests.
Which stage may follow, what a valid ATECO code or partita IVA is, and how a funding
request is decided are the business service's rules; a refusal is shown next to the field
it names. The area reads when first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import business
from sportello.core.services.business import (
    FilingRow,
    FundingRow,
    ProjectDetail,
    ProjectFilter,
    ProjectRow,
)
from sportello.gui import changes, ops
from sportello.gui.areas.base import Area
from sportello.gui.kit.forms import (
    MessageBar,
    fill_combo,
    heading_label,
    label,
    muted_label,
    show_dialog,
    with_buttons,
)
from sportello.gui.kit.inputs import format_date, format_datetime, format_euro, plural
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row
from sportello.gui.paths.business_dialogs import (
    AdvanceStageDialog,
    DecideFundingDialog,
    FundingDialog,
    MeetingDialog,
    NewProjectDialog,
    OpenBusinessDialog,
    SciaDialog,
    SciaOutcomeDialog,
)
from sportello.gui.paths.business_widgets import StageTimeline
from sportello.gui.shared.labels import (
    BUSINESS_STAGES,
    FUNDING_STATUSES,
    LEGAL_FORMS,
    SUAP_OUTCOMES,
)
from sportello.gui.shared.navigation import open_worker_file

OUTCOME_COLOURS = {
    "efficace": "#1e7b34",
    "respinta": "#b42318",
    "richiesta_integrazione": "#b45309",
}
FUNDING_COLOURS = {"ammessa": "#1d4ed8", "erogata": "#1e7b34", "respinta": "#b42318"}


class BusinessArea(Area):
    ICON = "store"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self.detail: ProjectDetail | None = None
        self._detail_read: ProjectDetail | None = None  # read with the list, off the UI thread
        changes.hub().changed.connect(self._data_changed)
        layout = self.build_heading(
            self.tr("Sportello Unico"),
            self.tr(
                "Progetti di autoimpiego: business plan, apertura dell'attività (ATECO, SCIA al"
                " SUAP) e richieste di finanziamento."
            ),
        )
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("projectSearch")
        self.search_edit.setPlaceholderText(self.tr("Cerca lavoratore"))
        self.search_edit.setClearButtonEnabled(True)
        self.stage_combo = QComboBox()
        self.stage_combo.setObjectName("projectStageFilter")
        fill_combo(self.stage_combo, BUSINESS_STAGES, first=self.tr("Tutte le fasi"))
        self.new_button = QPushButton(self.tr("Nuovo progetto…"))
        self.new_button.setObjectName("projectNew")
        self.new_button.clicked.connect(self.new_project)
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.stage_combo, 1)
        filters.addStretch(1)
        filters.addWidget(self.new_button)
        layout.addLayout(filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("projectCount")
        self.count_label.setWordWrap(True)  # the count per stage wraps on a small screen
        layout.addWidget(self.count_label)

        self.model = RowsModel(
            [
                Column(self.tr("Lavoratore"), lambda p: p.worker_name),
                Column(self.tr("Idea d'impresa"), lambda p: p.title, tooltip=lambda p: p.title),
                Column(self.tr("Fase"), lambda p: label(BUSINESS_STAGES, p.stage)),
                Column(self.tr("Impresa"), lambda p: p.company_name or ""),
                Column(self.tr("ATECO"), lambda p: p.ateco_code or ""),
                Column(self.tr("Ultimo incontro"), lambda p: format_date(p.last_event_at)),
            ],
            self,
        )
        self.table = make_table(self.model, "projectTable", (170, 200, 170, 150, 75))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self._build_detail())
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.message = MessageBar("projectMessage")
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.stage_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.show_detail()

    # ------------------------------------------------------------------ building

    def _build_detail(self) -> QWidget:
        box = QWidget()
        box.setObjectName("projectDetail")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(4)
        top = QHBoxLayout()
        self.title_label = heading_label()
        self.title_label.setObjectName("projectTitle")
        self.worker_label = muted_label()
        self.worker_label.setObjectName("projectWorker")
        self.open_file_button = QPushButton(self.tr("Apri fascicolo"))
        self.open_file_button.setObjectName("projectOpenFile")
        self.open_file_button.clicked.connect(self.open_file)
        top.addWidget(self.title_label)
        top.addWidget(self.worker_label, 1)
        top.addWidget(self.open_file_button)
        column.addLayout(top)
        self.company_label = QLabel()
        self.company_label.setObjectName("projectCompany")
        self.company_label.setWordWrap(True)
        self.company_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.company_label)
        self.timeline = StageTimeline()
        column.addWidget(self.timeline)
        buttons = QHBoxLayout()
        self.meeting_button = QPushButton(self.tr("Aggiungi incontro…"))
        self.meeting_button.setObjectName("projectMeeting")
        self.meeting_button.clicked.connect(self.add_meeting)
        self.advance_button = QPushButton(self.tr("Avanza fase…"))
        self.advance_button.setObjectName("projectAdvance")
        self.advance_button.clicked.connect(self.advance_stage)
        self.open_business_button = QPushButton(self.tr("Apri impresa…"))
        self.open_business_button.setObjectName("projectOpenBusiness")
        self.open_business_button.clicked.connect(self.open_business)
        for button in (self.meeting_button, self.advance_button, self.open_business_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("projectTabs")
        self.event_model = RowsModel(
            [
                Column(self.tr("Quando"), lambda e: format_datetime(e.at)),
                Column(self.tr("Fase"), lambda e: label(BUSINESS_STAGES, e.stage)),
                Column(self.tr("Operatore"), lambda e: e.operator_name or ""),
                Column(self.tr("Nota"), lambda e: e.notes or "", tooltip=lambda e: e.notes),
            ],
            self,
        )
        self.event_table = make_table(self.event_model, "eventTable", (120, 170, 140))
        self.detail_tabs.addTab(self.event_table, self.tr("Incontri e note"))

        self.filing_model = RowsModel(
            [
                Column(self.tr("Pratica"), lambda f: f"{f.kind} {f.practice_number or ''}".strip()),
                Column(self.tr("Presentata il"), lambda f: format_date(f.filed_on)),
                Column(self.tr("SUAP"), lambda f: f.comune),
                Column(
                    self.tr("Esito"),
                    lambda f: label(SUAP_OUTCOMES, f.outcome),
                    colour=lambda f: OUTCOME_COLOURS.get(f.outcome),
                ),
                Column(self.tr("Data esito"), lambda f: format_date(f.outcome_on)),
            ],
            self,
        )
        self.filing_table = make_table(self.filing_model, "filingTable", (190, 100, 170, 150))
        self.filing_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.scia_button = QPushButton(self.tr("Nuova SCIA…"))
        self.scia_button.setObjectName("sciaNew")
        self.scia_button.clicked.connect(self.new_scia)
        self.scia_outcome_button = QPushButton(self.tr("Registra esito…"))
        self.scia_outcome_button.setObjectName("sciaOutcomeButton")
        self.scia_outcome_button.clicked.connect(self.scia_outcome)
        self.detail_tabs.addTab(
            with_buttons(self.filing_table, self.scia_button, self.scia_outcome_button),
            self.tr("SCIA al SUAP"),
        )

        self.funding_model = RowsModel(
            [
                Column(self.tr("Programma"), lambda r: r.programme, tooltip=lambda r: r.programme),
                Column(
                    self.tr("Richiesto"), lambda r: format_euro(r.requested_cents), align_right=True
                ),
                Column(
                    self.tr("Concesso"), lambda r: format_euro(r.granted_cents), align_right=True
                ),
                Column(
                    self.tr("Stato"),
                    lambda r: label(FUNDING_STATUSES, r.status),
                    colour=lambda r: FUNDING_COLOURS.get(r.status),
                ),
                Column(self.tr("Presentata"), lambda r: format_date(r.requested_on)),
                Column(self.tr("Decisa"), lambda r: format_date(r.decided_on)),
            ],
            self,
        )
        self.funding_table = make_table(self.funding_model, "fundingTable", (230, 100, 100, 90, 90))
        self.funding_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.funding_button = QPushButton(self.tr("Nuova richiesta…"))
        self.funding_button.setObjectName("fundingNew")
        self.funding_button.clicked.connect(self.new_funding)
        self.decide_button = QPushButton(self.tr("Registra esito…"))
        self.decide_button.setObjectName("fundingDecide")
        self.decide_button.clicked.connect(self.decide_funding)
        self.detail_tabs.addTab(
            with_buttons(self.funding_table, self.funding_button, self.decide_button),
            self.tr("Finanziamenti"),
        )
        column.addWidget(self.detail_tabs, 1)
        return box

    # ------------------------------------------------------------------ reading

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self.after_paint(self.reload_in_background)

    def _data_changed(self, _kinds: object, source: object) -> None:
        """Written elsewhere (gui.changes): read again now if shown, else when next shown;
        this area's own dialogs read again themselves."""
        if changes.comes_from(self, source):
            return
        if self.isVisible():
            self.reload_in_background()
        else:
            self._loaded = False

    def current_filter(self) -> ProjectFilter:
        return ProjectFilter(stage=self.stage_combo.currentData(), text=self.search_edit.text())

    def reload(self, select: int | None = None) -> None:
        self._loaded = True
        self._timer.stop()
        ops.forget((self, "reload"))  # a background read asked before this one is stale
        keep = select if select is not None else getattr(self.selected(), "id", None)
        flt = self.current_filter()
        self._show_list(flt, business.list_projects(self.ctx, flt, offset=0,
                                                    limit=self.model.page_size),
                        business.count_by_stage(self.ctx, flt), keep)

    def reload_in_background(self) -> None:
        """As ``reload`` (and the detail of the project it will select), read on the read
        lane (gui.ops): showing the area never waits for the database."""
        self._loaded = True
        self._timer.stop()
        ctx, size, flt = self.ctx, self.model.page_size, self.current_filter()
        keep = getattr(self.selected(), "id", None)

        def job() -> tuple[list[ProjectRow], dict[str, int], ProjectDetail | None]:
            first = business.list_projects(ctx, flt, offset=0, limit=size)
            chosen = next((r for r in first if r.id == keep), first[0] if first else None)
            detail = business.project(ctx, chosen.id) if chosen is not None else None
            return first, business.count_by_stage(ctx, flt), detail

        def show(data: tuple[list[ProjectRow], dict[str, int], ProjectDetail | None]) -> None:
            if self.current_filter() != flt:
                self.reload()  # the clerk changed the filter meanwhile
                return
            first, counts, detail = data
            self._detail_read = detail
            self._show_list(flt, first, counts, keep)
            self._detail_read = None

        ops.read(self, job, done=show, key=(self, "reload"))

    def _show_list(self, flt: ProjectFilter, first: list[ProjectRow], counts: dict[str, int],
                   keep: int | None) -> None:
        ctx = self.ctx
        self.model.set_pager(
            lambda offset, limit: business.list_projects(ctx, flt, offset=offset, limit=limit),
            first=first)
        total = sum(counts.values())
        parts = " · ".join(
            f"{label(BUSINESS_STAGES, s).lower()} {n}" for s, n in counts.items() if n
        )
        head = plural(total, self.tr("1 progetto"), self.tr("{n} progetti"))
        self.count_label.setText(f"{head} — {parts}" if parts else self.tr("Nessun progetto."))
        if not select_id(self.table, keep) and self.model.rowCount():
            self.table.selectRow(0)
        self.show_detail()

    def selected(self) -> ProjectRow | None:
        return selected_row(self.table)

    def show_detail(self) -> None:
        row = self.selected()
        read = self._detail_read
        if row is not None and read is not None and read.id == row.id:
            self.detail = read
        else:
            self.detail = business.project(self.ctx, row.id) if row is not None else None
        detail = self.detail
        if detail is None:
            self.title_label.setText(self.tr("Nessun progetto selezionato"))
            self.worker_label.setText("")
            self.company_label.setText(
                self.tr(
                    "Selezionare un progetto per vederne le fasi, gli incontri, la SCIA e i "
                    "finanziamenti."
                )
            )
            self.timeline.set_stage(None)
            for model in (self.event_model, self.filing_model, self.funding_model):
                model.set_rows([])
            self._update_buttons()
            return
        self.title_label.setText(detail.title)
        self.worker_label.setText(f"{detail.worker_name} · {detail.codice_fiscale}")
        if detail.opened_on:
            parts = [
                detail.company_name or "",
                label(LEGAL_FORMS, detail.legal_form),
                f"ATECO {detail.ateco_code} {detail.ateco_title or ''}".strip(),
                self.tr("P.IVA {vat}").format(vat=detail.vat_number),
                self.tr("aperta il {date}").format(date=format_date(detail.opened_on)),
                detail.comune or "",
            ]
            self.company_label.setText(" · ".join(p for p in parts if p))
        else:
            self.company_label.setText(detail.description or self.tr("Impresa non ancora aperta."))
        reached: dict = {}
        for event in detail.events:
            reached.setdefault(event.stage, event.at.date())
        self.timeline.set_stage(detail.stage, reached)
        self.event_model.set_rows(sorted(detail.events, key=lambda e: (e.at, e.id), reverse=True))
        self.filing_model.set_rows(detail.filings)
        self.funding_model.set_rows(detail.funding)
        self._update_buttons()

    def _update_buttons(self) -> None:
        detail = self.detail
        has = detail is not None
        can_open = has and detail.can_open_business  # type: ignore[union-attr]
        for button in (
            self.meeting_button,
            self.scia_button,
            self.funding_button,
            self.open_file_button,
        ):
            button.setEnabled(has)
        self.advance_button.setEnabled(has and bool(detail.next_stages))  # type: ignore[union-attr]
        self.open_business_button.setEnabled(can_open)
        self.open_business_button.setText(
            self.tr("Modifica dati impresa…")
            if has and detail.opened_on  # type: ignore[union-attr]
            else self.tr("Apri impresa…")
        )
        filing: FilingRow | None = selected_row(self.filing_table)
        self.scia_outcome_button.setEnabled(filing is not None)
        request: FundingRow | None = selected_row(self.funding_table)
        self.decide_button.setEnabled(request is not None and bool(request.next_statuses))

    # ------------------------------------------------------------------ actions

    def _after(self, text: str) -> None:
        project_id = self.detail.id if self.detail else None
        tab = self.detail_tabs.currentIndex()
        self.reload(select=project_id)
        self.detail_tabs.setCurrentIndex(tab)
        self.message.show_info(text)

    def new_project(self) -> NewProjectDialog:
        dialog = NewProjectDialog(self.ctx, self)

        def saved(project_id: object) -> None:
            self.stage_combo.setCurrentIndex(0)
            self.search_edit.clear()
            self.reload(select=int(project_id))  # type: ignore[arg-type]
            self.message.show_info(self.tr("Progetto avviato in pre-accoglienza."))

        show_dialog(dialog, saved)
        return dialog

    def add_meeting(self) -> MeetingDialog | None:
        if self.detail is None:
            return None
        dialog = MeetingDialog(self.ctx, self.detail, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("Incontro registrato.")))
        return dialog

    def advance_stage(self) -> AdvanceStageDialog | None:
        if self.detail is None:
            return None
        dialog = AdvanceStageDialog(self.ctx, self.detail, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("Fase aggiornata.")))
        return dialog

    def open_business(self) -> OpenBusinessDialog | None:
        if self.detail is None:
            return None
        dialog = OpenBusinessDialog(self.ctx, self.detail, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("Apertura dell'impresa registrata.")))
        return dialog

    def new_scia(self) -> SciaDialog | None:
        if self.detail is None:
            return None
        self.detail_tabs.setCurrentIndex(1)
        dialog = SciaDialog(self.ctx, self.detail, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("SCIA registrata.")))
        return dialog

    def scia_outcome(self) -> SciaOutcomeDialog | None:
        filing = selected_row(self.filing_table)
        if filing is None:
            return None
        dialog = SciaOutcomeDialog(self.ctx, filing, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("Esito della SCIA registrato.")))
        return dialog

    def new_funding(self) -> FundingDialog | None:
        if self.detail is None:
            return None
        self.detail_tabs.setCurrentIndex(2)
        dialog = FundingDialog(self.ctx, self.detail, self)
        show_dialog(
            dialog, lambda _r: self._after(self.tr("Richiesta di finanziamento registrata."))
        )
        return dialog

    def decide_funding(self) -> DecideFundingDialog | None:
        request = selected_row(self.funding_table)
        if request is None:
            return None
        dialog = DecideFundingDialog(self.ctx, request, self)
        show_dialog(dialog, lambda _r: self._after(self.tr("Esito del finanziamento registrato.")))
        return dialog

    def open_file(self) -> None:
        if self.detail is not None and not open_worker_file(self.ctx, self.detail.worker_id, self):
            self.message.show_info(self.tr("La scheda del fascicolo non è disponibile."))
