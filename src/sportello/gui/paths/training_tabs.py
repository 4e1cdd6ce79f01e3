"""The tabs of the Formazione area: catalogue, funds, vouchers and the attendance register
(a worker × lesson grid per course)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import training, vouchers
from sportello.core.services.training import CourseRow, FundRow
from sportello.core.services.vouchers import VoucherFilter, VoucherRow
from sportello.gui import changes, ops
from sportello.gui.kit.forms import (
    MessageBar,
    fill_combo,
    label,
    muted_label,
    select_data,
    show_dialog,
)
from sportello.gui.kit.inputs import (
    fmt_number,
    fmt_pct,
    format_date,
    format_datetime,
    format_euro,
    plural,
)
from sportello.gui.kit.tables import (
    Column,
    ProgressDelegate,
    RowsModel,
    make_table,
    select_id,
    selected_row,
)
from sportello.gui.paths.training_dialogs import (
    CourseDialog,
    FundDialog,
    ProviderDialog,
    SessionDialog,
    VoucherRequestDialog,
    VoucherStatusDialog,
    confirm_approval,
)
from sportello.gui.shared.labels import COURSE_STATUSES, FUND_KINDS, VOUCHER_STATUSES

VOUCHER_COLOURS = {
    "richiesto": "#b45309",
    "approvato": "#1d4ed8",
    "in_corso": "#1d4ed8",
    "concluso": "#1e7b34",
    "rendicontato": "#6b7280",
    "revocato": "#b42318",
    "ritirato": "#6b7280",
}
COURSE_COLOURS = {"in_corso": "#1d4ed8", "concluso": "#6b7280", "annullato": "#b42318"}


def _button(text: str, name: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


# --------------------------------------------------------------------------- catalogue


class CatalogTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(changes.TRAINING, source=self))
        self.ctx = ctx
        self.providers: dict[int, object] = {}
        self._sessions_read: tuple[int, list[object]] | None = None  # read with the courses
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.provider_combo = QComboBox()
        self.provider_combo.setObjectName("catalogProvider")
        self.provider_combo.setMinimumContentsLength(18)
        self.provider_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("catalogSearch")
        self.search_edit.setPlaceholderText(self.tr("Cerca corso (titolo, area, codice)"))
        self.search_edit.setClearButtonEnabled(True)
        top.addWidget(self.provider_combo, 1)
        top.addWidget(self.search_edit, 1)
        top.addWidget(_button(self.tr("Nuovo ente…"), "providerNew", self.new_provider))
        self.edit_provider_button = _button(
            self.tr("Modifica ente…"), "providerEdit", self.edit_provider
        )
        top.addWidget(self.edit_provider_button)
        layout.addLayout(top)

        self.course_model = RowsModel(
            [
                Column(self.tr("Titolo"), lambda c: c.title, tooltip=lambda c: c.title),
                Column(self.tr("Ente"), lambda c: c.provider_name),
                Column(self.tr("Area"), lambda c: c.form.area or ""),
                Column(self.tr("Ore"), lambda c: fmt_number(c.form.hours), align_right=True),
                Column(self.tr("Dal"), lambda c: format_date(c.form.starts_on)),
                Column(self.tr("Al"), lambda c: format_date(c.form.ends_on)),
                Column(
                    self.tr("Posti"),
                    lambda c: f"{c.seats_taken}/{c.form.seats}",
                    align_right=True,
                    tooltip=lambda c: self.tr("{taken} assegnati su {seats}").format(
                        taken=c.seats_taken, seats=c.form.seats
                    ),
                ),
                Column(
                    self.tr("Costo"), lambda c: format_euro(c.form.cost_cents), align_right=True
                ),
                Column(
                    self.tr("Freq. min."),
                    lambda c: f"{c.form.min_attendance_pct}%",
                    align_right=True,
                ),
                Column(
                    self.tr("Stato"),
                    lambda c: label(COURSE_STATUSES, c.form.status),
                    colour=lambda c: COURSE_COLOURS.get(c.form.status),
                ),
            ],
            self,
        )
        self.course_table = make_table(
            self.course_model, "courseTable", (0, 120, 90, 35, 78, 78, 50, 80, 65, 92), stretch=0
        )
        self.course_table.selectionModel().selectionChanged.connect(
            lambda *_: self._course_selected()
        )
        self.course_table.doubleClicked.connect(lambda _i: self.edit_course())
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.course_table, 1)
        course_buttons = QHBoxLayout()
        self.course_label = muted_label()
        self.course_label.setObjectName("courseDetail")
        course_buttons.addWidget(self.course_label, 1)
        course_buttons.addWidget(_button(self.tr("Nuovo corso…"), "courseNew", self.new_course))
        self.edit_course_button = _button(
            self.tr("Modifica corso…"), "courseEdit", self.edit_course
        )
        course_buttons.addWidget(self.edit_course_button)
        upper_layout.addLayout(course_buttons)

        self.sessions_box = QGroupBox(self.tr("Lezioni"))
        sessions_layout = QVBoxLayout(self.sessions_box)
        self.session_model = RowsModel(
            [
                Column(self.tr("Giorno e ora"), lambda s: format_datetime(s.starts_at)),
                Column(self.tr("Ore"), lambda s: fmt_number(s.hours), align_right=True),
                Column(self.tr("Presenze registrate"), lambda s: str(s.recorded), align_right=True),
                Column(self.tr("Argomento"), lambda s: s.topic or "", tooltip=lambda s: s.topic),
            ],
            self,
        )
        self.session_table = make_table(self.session_model, "sessionTable", (130, 45, 140))
        sessions_layout.addWidget(self.session_table, 1)
        session_buttons = QHBoxLayout()
        session_buttons.addStretch(1)
        self.add_session_button = _button(
            self.tr("Aggiungi lezione…"), "sessionAdd", self.add_session
        )
        session_buttons.addWidget(self.add_session_button)
        sessions_layout.addLayout(session_buttons)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(self.sessions_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.message = MessageBar("catalogMessage")
        layout.addWidget(self.message)

        self.provider_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self._course_selected()

    def load_providers(self, select: int | None = None) -> None:
        self._show_providers(training.list_providers(self.ctx), select)

    def _show_providers(self, providers: list[object], select: int | None = None) -> None:
        current = select if select is not None else self.provider_combo.currentData()
        self.provider_combo.blockSignals(True)
        self.provider_combo.clear()
        self.provider_combo.addItem(self.tr("Tutti gli enti"), None)
        self.providers = {}
        for provider in providers:
            self.providers[provider.id] = provider  # type: ignore[attr-defined]
            self.provider_combo.addItem(provider.name, provider.id)  # type: ignore[attr-defined]
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(current)))
        self.provider_combo.blockSignals(False)

    def reload(self, select: int | None = None) -> None:
        if not self.providers:
            self.load_providers()
        self._timer.stop()
        ops.forget((self, "reload"))  # a background read asked before this one is stale
        keep = select if select is not None else getattr(self.selected_course(), "id", None)
        self._show_courses(training.list_courses(
            self.ctx, provider_id=self.provider_combo.currentData(),
            text=self.search_edit.text()), keep)

    def reload_in_background(self) -> None:
        """As ``reload`` (the providers too, and the lessons of the course it will select),
        read on the read lane (gui.ops)."""
        self._timer.stop()
        ctx = self.ctx
        provider_id, text = self.provider_combo.currentData(), self.search_edit.text()
        keep = getattr(self.selected_course(), "id", None)

        def job() -> tuple[list[object], list[CourseRow], tuple[int, list[object]] | None]:
            providers = training.list_providers(ctx)
            courses = training.list_courses(ctx, provider_id=provider_id, text=text)
            chosen = next((c for c in courses if c.id == keep), courses[0] if courses else None)
            sessions = (chosen.id, training.list_sessions(ctx, chosen.id)) if chosen else None
            return providers, courses, sessions

        def show(data: tuple[list[object], list[CourseRow], tuple[int, list[object]] | None]
                 ) -> None:
            providers, courses, sessions = data
            self._show_providers(providers)
            if (self.provider_combo.currentData(), self.search_edit.text()) != (provider_id,
                                                                                text):
                self.reload()  # the provider chosen is gone, or the clerk typed meanwhile
                return
            self._sessions_read = sessions
            self._show_courses(courses, keep)
            self._sessions_read = None

        ops.read(self, job, done=show, key=(self, "reload"))

    def _show_courses(self, courses: list[CourseRow], keep: int | None) -> None:
        self.course_model.set_rows(courses)
        if not select_id(self.course_table, keep) and self.course_model.rowCount():
            self.course_table.selectRow(0)
        self.edit_provider_button.setEnabled(self.provider_combo.currentData() is not None)
        self._course_selected()

    def selected_course(self) -> CourseRow | None:
        return selected_row(self.course_table)

    def _course_selected(self) -> None:
        course = self.selected_course()
        self.edit_course_button.setEnabled(course is not None)
        self.add_session_button.setEnabled(course is not None and course.form.status != "annullato")
        if course is None:
            self.course_label.setText("")
            self.sessions_box.setTitle(self.tr("Lezioni"))
            self.session_model.set_rows([])
            return
        parts = [
            course.form.code or "",
            course.form.certificate_type or "",
            course.form.location or "",
        ]
        self.course_label.setText(" · ".join(p for p in parts if p))
        self.sessions_box.setTitle(
            self.tr("Lezioni: {scheduled} ore in calendario su {hours}").format(
                scheduled=fmt_number(course.scheduled_hours), hours=fmt_number(course.form.hours)
            )
        )
        read = self._sessions_read
        self.session_model.set_rows(read[1] if read is not None and read[0] == course.id
                                    else training.list_sessions(self.ctx, course.id))

    def _saved(self, text: str, course_id: int | None = None) -> None:
        self.reload(select=course_id)
        self.message.show_info(text)
        self.changed.emit()

    def new_provider(self) -> ProviderDialog:
        dialog = ProviderDialog(self.ctx, None, self)

        def saved(provider_id: object) -> None:
            self.load_providers(select=int(provider_id))  # type: ignore[arg-type]
            self._saved(self.tr("Ente di formazione registrato."))

        show_dialog(dialog, saved)
        return dialog

    def edit_provider(self) -> ProviderDialog | None:
        provider = self.providers.get(self.provider_combo.currentData())
        if provider is None:
            return None
        dialog = ProviderDialog(self.ctx, provider, self)  # type: ignore[arg-type]

        def saved(provider_id: object) -> None:
            self.load_providers(select=int(provider_id))  # type: ignore[arg-type]
            self._saved(self.tr("Ente di formazione aggiornato."))

        show_dialog(dialog, saved)
        return dialog

    def new_course(self) -> CourseDialog:
        dialog = CourseDialog(self.ctx, None, self.provider_combo.currentData(), self)
        show_dialog(
            dialog,
            lambda course_id: self._saved(self.tr("Corso inserito nel catalogo."), int(course_id)),
        )  # type: ignore[arg-type]
        return dialog

    def edit_course(self) -> CourseDialog | None:
        course = self.selected_course()
        if course is None:
            return None
        dialog = CourseDialog(self.ctx, course, None, self)
        show_dialog(
            dialog, lambda course_id: self._saved(self.tr("Corso aggiornato."), int(course_id))
        )  # type: ignore[arg-type]
        return dialog

    def add_session(self) -> SessionDialog | None:
        course = self.selected_course()
        if course is None:
            return None
        dialog = SessionDialog(self.ctx, course, self)
        show_dialog(dialog, lambda _id: self._saved(self.tr("Lezione aggiunta."), course.id))
        return dialog


# --------------------------------------------------------------------------- funds


class FundsTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(changes.TRAINING, source=self))
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.model = RowsModel(
            [
                Column(self.tr("Fondo"), lambda f: f.name, tooltip=lambda f: f.name),
                Column(self.tr("Tipo"), lambda f: label(FUND_KINDS, f.form.kind)),
                Column(self.tr("Budget"), lambda f: format_euro(f.budget_cents), align_right=True),
                Column(
                    self.tr("Impegnato"), lambda f: format_euro(f.committed_cents), align_right=True
                ),
                Column(self.tr("Speso"), lambda f: format_euro(f.spent_cents), align_right=True),
                Column(
                    self.tr("Residuo"),
                    lambda f: format_euro(f.remaining_cents),
                    align_right=True,
                    colour=lambda f: "#b42318" if f.used_fraction >= 0.95 else None,
                ),
                Column(
                    self.tr("Utilizzo"),
                    lambda f: fmt_pct(100 * f.used_fraction),
                    value=lambda f: f.used_fraction,
                ),
                Column(self.tr("Voucher"), lambda f: str(f.vouchers), align_right=True),
            ],
            self,
        )
        self.table = make_table(
            self.model, "fundTable", (0, 130, 95, 95, 95, 95, 110, 60), stretch=0
        )
        self.table.setItemDelegateForColumn(6, ProgressDelegate(self.table))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.table.doubleClicked.connect(lambda _i: self.edit_fund())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.total_label = muted_label()
        self.total_label.setObjectName("fundTotals")
        row.addWidget(self.total_label, 1)
        row.addWidget(_button(self.tr("Nuovo fondo…"), "fundNew", self.new_fund))
        self.edit_button = _button(self.tr("Modifica fondo…"), "fundEdit", self.edit_fund)
        row.addWidget(self.edit_button)
        layout.addLayout(row)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Residuo = budget − impegnato − speso. Il voucher impegna il fondo quando è "
                    "approvato; alla rendicontazione la spesa passa da impegnata a spesa."
                )
            )
        )
        self.message = MessageBar("fundMessage")
        layout.addWidget(self.message)
        self._selected()

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else getattr(self.selected(), "id", None)
        funds = training.list_funds(self.ctx)
        self.model.set_rows(funds)
        select_id(self.table, keep)
        active = [f for f in funds if f.form.active]
        self.total_label.setText(
            self.tr(
                "Fondi attivi: budget {budget}, impegnato {committed}, speso {spent}, "
                "residuo {left}."
            ).format(
                budget=format_euro(sum(f.budget_cents for f in active)),
                committed=format_euro(sum(f.committed_cents for f in active)),
                spent=format_euro(sum(f.spent_cents for f in active)),
                left=format_euro(sum(f.remaining_cents for f in active)),
            )
        )
        self._selected()

    def selected(self) -> FundRow | None:
        return selected_row(self.table)

    def fund(self, fund_id: int) -> FundRow | None:
        index = self.model.find(fund_id)
        return self.model.row(index) if index >= 0 else None

    def _selected(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def new_fund(self) -> FundDialog:
        dialog = FundDialog(self.ctx, None, self)
        show_dialog(dialog, lambda fund_id: self._saved(self.tr("Fondo creato."), fund_id))
        return dialog

    def edit_fund(self) -> FundDialog | None:
        fund = self.selected()
        if fund is None:
            return None
        dialog = FundDialog(self.ctx, fund, self)
        show_dialog(dialog, lambda fund_id: self._saved(self.tr("Fondo aggiornato."), fund_id))
        return dialog

    def _saved(self, text: str, fund_id: object) -> None:
        self.reload(select=int(fund_id))  # type: ignore[arg-type]
        self.message.show_info(text)
        self.changed.emit()


# --------------------------------------------------------------------------- vouchers


class VouchersTab(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(changes.TRAINING, source=self))
        self.ctx = ctx
        self._filters_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("voucherSearch")
        self.search_edit.setPlaceholderText(self.tr("Cerca lavoratore"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("voucherStatusFilter")
        fill_combo(self.status_combo, VOUCHER_STATUSES, first=self.tr("Tutti gli stati"))
        self.fund_combo = QComboBox()
        self.fund_combo.setObjectName("voucherFundFilter")
        self.course_combo = QComboBox()
        self.course_combo.setObjectName("voucherCourseFilter")
        for combo in (self.fund_combo, self.course_combo):
            combo.setMinimumContentsLength(14)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.fund_combo, 2)
        filters.addWidget(self.course_combo, 2)
        layout.addLayout(filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("voucherCount")
        self.count_label.setWordWrap(True)  # the count per status wraps on a small screen
        layout.addWidget(self.count_label)

        self.model = RowsModel(
            [
                Column(self.tr("Codice"), lambda v: v.code or ""),
                Column(self.tr("Lavoratore"), lambda v: v.worker_name),
                Column(
                    self.tr("Corso"), lambda v: v.course_title, tooltip=lambda v: v.course_title
                ),
                Column(self.tr("Fondo"), lambda v: v.fund_name, tooltip=lambda v: v.fund_name),
                Column(self.tr("Importo"), lambda v: format_euro(v.amount_cents), align_right=True),
                Column(
                    self.tr("Stato"),
                    lambda v: label(VOUCHER_STATUSES, v.status),
                    colour=lambda v: VOUCHER_COLOURS.get(v.status),
                ),
                Column(
                    self.tr("Frequenza"),
                    lambda v: fmt_pct(v.attendance_pct),
                    align_right=True,
                    tooltip=lambda v: self.tr("{done} ore su {hours}").format(
                        done=fmt_number(v.hours_attended), hours=fmt_number(v.course_hours)
                    ),
                ),
                Column(self.tr("Richiesto il"), lambda v: format_date(v.requested_on)),
            ],
            self,
        )
        self.table = make_table(
            self.model, "voucherTable", (112, 135, 0, 130, 82, 85, 70, 85), stretch=2
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selection())
        layout.addWidget(self.table, 1)

        bar = QFrame()
        bar.setObjectName("voucherActions")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(bar)
        column.setContentsMargins(8, 6, 8, 6)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("voucherSelection")
        self.selection_label.setWordWrap(True)
        self.selection_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.selection_label)
        buttons = QHBoxLayout()
        self.request_button = _button(self.tr("Richiedi voucher…"), "voucherRequest", self.request)
        self.approve_button = _button(self.tr("Approva"), "voucherApprove", self.approve)
        self.approve_button.setToolTip(
            self.tr("Impegna l'importo sul fondo e assegna un posto nel corso")
        )
        self.status_button = _button(self.tr("Cambia stato…"), "voucherStatus", self.change_status)
        self.report_button = _button(self.tr("Rendiconta…"), "voucherReport", self.report)
        self.report_button.setToolTip(self.tr("Registra la spesa effettiva del voucher"))
        buttons.addWidget(self.request_button)
        buttons.addStretch(1)
        for button in (self.approve_button, self.status_button, self.report_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        layout.addWidget(bar)
        self.message = MessageBar("voucherMessage")
        layout.addWidget(self.message)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.status_combo, self.fund_combo, self.course_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.funds: dict[int, FundRow] = {}
        self._show_selection()

    def load_filters(self) -> None:
        self._filters_loaded = True
        for combo, first, items in (
            (
                self.fund_combo,
                self.tr("Tutti i fondi"),
                [(f.id, f.name) for f in training.list_funds(self.ctx)],
            ),
            (
                self.course_combo,
                self.tr("Tutti i corsi"),
                [(c.id, c.title) for c in training.list_courses(self.ctx)],
            ),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for item_id, text in items:
                combo.addItem(text, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> VoucherFilter:
        return VoucherFilter(
            status=self.status_combo.currentData(),
            fund_id=self.fund_combo.currentData(),
            course_id=self.course_combo.currentData(),
            text=self.search_edit.text(),
        )

    def reload(self, select: int | None = None) -> None:
        if not self._filters_loaded:
            self.load_filters()
        self._timer.stop()
        keep = select if select is not None else getattr(self.selected(), "id", None)
        self.funds = {f.id: f for f in training.list_funds(self.ctx)}
        flt = self.current_filter()
        self.model.set_pager(
            lambda offset, limit: vouchers.list_vouchers(self.ctx, flt, offset=offset, limit=limit)
        )
        counts = vouchers.count_by_status(self.ctx, flt)
        total = sum(counts.values())
        parts = " · ".join(
            f"{label(VOUCHER_STATUSES, s).lower()} {n}" for s, n in counts.items() if n
        )
        head = plural(total, self.tr("1 voucher"), self.tr("{n} voucher"))
        self.count_label.setText(f"{head} — {parts}" if parts else self.tr("Nessun voucher."))
        select_id(self.table, keep)
        self._show_selection()

    def selected(self) -> VoucherRow | None:
        return selected_row(self.table)

    def _show_selection(self) -> None:
        row = self.selected()
        nexts = row.next_statuses if row else ()
        self.approve_button.setEnabled("approvato" in nexts)
        self.status_button.setEnabled(any(s != "approvato" for s in nexts))
        self.report_button.setEnabled("rendicontato" in nexts)
        if row is None:
            self.selection_label.setText(
                self.tr(
                    "Selezionare un voucher per approvarlo, cambiarne lo stato o rendicontarlo."
                )
            )
            return
        fund = self.funds.get(row.fund_id)
        parts = [
            f"{row.code or ''} — {row.worker_name}",
            row.course_title,
            f"{format_euro(row.amount_cents)}, {label(VOUCHER_STATUSES, row.status).lower()}",
        ]
        if row.spent_cents is not None:
            parts.append(self.tr("speso {amount}").format(amount=format_euro(row.spent_cents)))
        if fund is not None:
            parts.append(
                self.tr("fondo «{fund}»: restano {remaining}").format(
                    fund=fund.name, remaining=format_euro(fund.remaining_cents)
                )
            )
        self.selection_label.setText(" · ".join(parts))

    def _after(self, text: str, voucher_id: int) -> None:
        self.reload(select=voucher_id)
        self.message.show_info(text)
        self.changed.emit()

    def request(self) -> VoucherRequestDialog:
        dialog = VoucherRequestDialog(
            self.ctx, self.course_combo.currentData(), self.fund_combo.currentData(), self
        )
        show_dialog(
            dialog,
            lambda info: self._after(
                self.tr("Voucher {code} richiesto: attende l'approvazione.").format(code=info.code),
                info.id,
            ),
        )
        return dialog

    def approve(self) -> bool:
        """Approve the selected voucher after a confirmation (on the write lane); the
        service's refusal is shown as it is. True when the approval was asked for."""
        row = self.selected()
        if row is None:
            return False
        if not confirm_approval(self, self.ctx, row, self.message):
            return False
        ctx = self.ctx

        def approve() -> int | None:
            vouchers.approve(ctx, row.id, expected_version=row.version)
            funds = training.list_funds(ctx)
            return next((f.remaining_cents for f in funds if f.id == row.fund_id), None)

        def approved(remaining: int | None) -> None:
            self._after(
                self.tr(
                    "Voucher {code} approvato: {amount} impegnati sul fondo «{fund}», "
                    "restano {remaining}."
                ).format(
                    code=row.code,
                    amount=format_euro(row.amount_cents),
                    fund=row.fund_name,
                    remaining=format_euro(remaining),
                ),
                row.id,
            )

        def refused(exc: BaseException) -> None:
            self.reload(select=row.id)
            self.message.show_error(ops.message_for(exc))

        ops.write(self, approve, done=approved, failed=refused, busy=(self.approve_button,))
        return True

    def change_status(self, target: str | None = None) -> VoucherStatusDialog | None:
        row = self.selected()
        if row is None:
            return None
        dialog = VoucherStatusDialog(self.ctx, row, target, self)
        show_dialog(
            dialog,
            lambda info: self._after(
                self.tr("Voucher {code}: {status}.").format(
                    code=info.code, status=label(VOUCHER_STATUSES, info.status).lower()
                ),
                info.id,
            ),
        )
        return dialog

    def report(self) -> VoucherStatusDialog | None:
        return self.change_status("rendicontato")


# --------------------------------------------------------------------------- register


class RegisterTab(QWidget):
    """The attendance register of a course: workers (rows) by lessons (columns).

    A ticked cell is a presence for the whole lesson. "Salva presenze" saves every changed
    cell in one call (``vouchers.record_attendance_grid``: one transaction, audited). Cells
    where attendance cannot be recorded (a lesson still to come, a lesson before the voucher
    was requested, a concluded voucher) are greyed, with the service's reason as tooltip.
    """

    changed = Signal()
    FIXED = 2  # worker, voucher; then one column per lesson; then attendance and certificate

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.changed.connect(lambda: changes.announce(changes.TRAINING, source=self))
        self.ctx = ctx
        self.grid: vouchers.RegisterGrid | None = None
        self.boxes: dict[tuple[int, int], QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.course_combo = QComboBox()
        self.course_combo.setObjectName("registerCourse")
        self.course_combo.setMinimumContentsLength(20)  # grows with the window
        self.course_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        course_label = QLabel(self.tr("&Corso"))
        course_label.setBuddy(self.course_combo)
        top.addWidget(course_label)
        top.addWidget(self.course_combo, 1)
        layout.addLayout(top)
        self.info_label = muted_label()
        self.info_label.setObjectName("registerInfo")
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)

        self.table = QTableWidget(0, self.FIXED)
        self.table.setObjectName("registerTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.legend = muted_label(
            self.tr("Spuntare chi era presente (tutta la lezione). L'attestato spetta con la "
                    "frequenza minima del corso, a corso finito e voucher concluso.")
        )
        self.legend.setWordWrap(True)
        buttons.addWidget(self.legend, 1)
        self.save_button = _button(self.tr("&Salva presenze"), "registerSave", self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.message = MessageBar("registerMessage")
        layout.addWidget(self.message)
        self.course_combo.currentIndexChanged.connect(lambda _i: self._course_changed())
        self._update_buttons()

    def reload(self) -> None:
        course_id = self.course_combo.currentData()
        self.course_combo.blockSignals(True)
        self.course_combo.clear()
        for course in training.list_courses(self.ctx):
            if course.sessions and course.form.status != "annullato":
                self.course_combo.addItem(
                    self.tr("{title} — {provider} ({start})").format(
                        title=course.title,
                        provider=course.provider_name,
                        start=format_date(course.form.starts_on),
                    ),
                    course.id,
                )
        self.course_combo.setCurrentIndex(max(0, self.course_combo.findData(course_id)))
        self.course_combo.blockSignals(False)
        self._course_changed()

    def set_course(self, course_id: int) -> bool:
        return select_data(self.course_combo, course_id)

    def _course_changed(self) -> None:
        course_id = self.course_combo.currentData()
        try:
            self.grid = vouchers.register_grid(self.ctx, course_id) if course_id else None
        except SportelloError as exc:
            self.grid = None
            self.message.show_error(str(exc))
        self._fill()

    def box(self, voucher_id: int, lesson_id: int) -> QCheckBox | None:
        return self.boxes.get((voucher_id, lesson_id))

    def _fill(self) -> None:
        for old in self.boxes.values():  # replaced cell widgets are deleted later: hide now
            old.hide()
            old.deleteLater()
        self.boxes = {}
        grid = self.grid
        lessons = grid.lessons if grid else []
        rows = grid.rows if grid else []
        self.table.setRowCount(0)
        self.table.setColumnCount(self.FIXED + len(lessons) + 2)
        headers = [self.tr("Lavoratore"), self.tr("Voucher")]
        headers += [self.tr("{day}\n{hours} ore").format(
            day=lesson.starts_at.strftime("%d/%m %H:%M"), hours=fmt_number(lesson.hours))
            for lesson in lessons]
        headers += [self.tr("Frequenza"), self.tr("Attestato")]
        self.table.setHorizontalHeaderLabels(headers)
        for j, lesson in enumerate(lessons):
            item = self.table.horizontalHeaderItem(self.FIXED + j)
            if item is not None:
                item.setToolTip(lesson.topic or format_datetime(lesson.starts_at))
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._set(i, 0, row.worker_name)
            self._set(i, 1, f"{row.code or ''} · {label(VOUCHER_STATUSES, row.status).lower()}")
            for j, lesson in enumerate(lessons):
                cell = row.cells[lesson.id]
                box = QCheckBox()
                box.setObjectName(f"attendance_{row.voucher_id}_{lesson.id}")
                box.setChecked(bool(cell.present))
                if cell.present and cell.hours is not None and cell.hours < lesson.hours:
                    box.setText(self.tr("{hours} ore").format(hours=fmt_number(cell.hours)))
                box.setProperty("recorded", cell.present)
                box.setEnabled(cell.refusal is None)
                box.setToolTip(cell.refusal or self.tr("{worker}, lezione del {day}").format(
                    worker=row.worker_name, day=format_datetime(lesson.starts_at)))
                box.toggled.connect(lambda _on: self._update_buttons())
                holder = QWidget()
                inner = QHBoxLayout(holder)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.setAlignment(Qt.AlignmentFlag.AlignCenter)
                inner.addWidget(box)
                self.table.setCellWidget(i, self.FIXED + j, holder)
                self.boxes[(row.voucher_id, lesson.id)] = box
            end = self.FIXED + len(lessons)
            self._set(
                i, end,
                self.tr("{pct} (min. {min}%)").format(
                    pct=fmt_pct(row.attendance_pct), min=row.min_attendance_pct),
                colour=None if row.minimum_reached else "#b45309",
            )
            self._set(i, end + 1, self.eligibility_text(row),
                      colour="#1e7b34" if row.minimum_reached else "#b42318")
        self.table.resizeColumnsToContents()
        if grid is None or not lessons:
            self.info_label.setText(self.tr("Nessuna lezione in calendario per questo corso."))
        elif not rows:
            self.info_label.setText(self.tr("Nessun voucher approvato su questo corso."))
        else:
            self.info_label.setText(
                self.tr("{people} iscritti · {lessons} lezioni").format(
                    people=len(rows), lessons=len(lessons)))
        self._update_buttons()

    def eligibility_text(self, row: vouchers.GridRow) -> str:
        if row.certificate_eligible:
            return self.tr("sì")
        if row.minimum_reached:
            return self.tr("sì, a voucher concluso")
        return self.tr("no")

    def _set(self, row: int, column: int, text: str, colour: str | None = None) -> None:
        item = QTableWidgetItem(text)
        if colour:
            item.setForeground(QColor(colour))
        self.table.setItem(row, column, item)

    def changed_cells(self) -> dict[tuple[int, int], bool]:
        return {key: box.isChecked() for key, box in self.boxes.items()
                if box.isChecked() != bool(box.property("recorded"))}

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(bool(self.changed_cells()))

    def save(self) -> None:
        """Save every changed cell in one transaction, on the write lane; a refusal saves
        nothing and is shown."""
        if self.grid is None:
            return
        cells = self.changed_cells()

        def done(saved: int) -> None:
            self.message.show_info(
                plural(saved, self.tr("Presenze salvate: 1 casella."),
                       self.tr("Presenze salvate: {n} caselle.")))
            self._course_changed()
            if saved:
                self.changed.emit()

        ops.write(self, partial(vouchers.record_attendance_grid, self.ctx, self.grid.course_id,
                                cells),
                  done=done, failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.save_button,))
