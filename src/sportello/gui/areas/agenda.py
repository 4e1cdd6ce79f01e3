"""Agenda area: the appointments of one operator or of the whole office, by day or by week.

Everything it shows and every change it makes goes through ``core.services.agenda``:
which days are closed and why, who is free, whether an outcome may be recorded. The
area reads when it is shown and after each change; nothing is read at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import agenda, worker_file
from sportello.core.services.agenda import AppointmentRow
from sportello.gui import changes, ops
from sportello.gui.agenda.common import (
    day_text,
    long_date,
    outcome_label,
    short_date,
)
from sportello.gui.agenda.reminders import RemindersDialog
from sportello.gui.agenda.views import DayView, WeekView, time_span
from sportello.gui.areas.base import Area
from sportello.gui.kit.flow_layout import FlowLayout
from sportello.gui.kit.inputs import date_edit, pydate, qdate
from sportello.gui.shared import navigation

SETTINGS_MODE = "agenda/mode"
SETTINGS_OPERATOR = "agenda/operator"
WHOLE_OFFICE = -1  # the operator combo's value for "Tutto l'ufficio"
DAY, WEEK = "day", "week"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class AgendaArea(Area):
    ICON = "calendar-days"

    appointments_changed = Signal()  # a booking, an outcome or a cancellation was saved

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.appointments_changed.connect(lambda: changes.announce(
            changes.APPOINTMENTS, source=self))
        changes.hub().changed.connect(self._data_changed)
        self.ctx = ctx
        self.current_day = dt.date.today()
        self.rows: dict[int, AppointmentRow] = {}
        self.selected_row: AppointmentRow | None = None
        self._operators_loaded = False
        settings = QSettings()
        self.mode = WEEK if settings.value(SETTINGS_MODE, WEEK) != DAY else DAY

        layout = self.build_heading(
            self.tr("Agenda"),
            self.tr(
                "Gli appuntamenti degli operatori, per giorno o per settimana: prenotazioni nei "
                "posti liberi, esiti dei colloqui e annullamenti."
            ),
        )
        layout.addWidget(self._build_toolbar())

        title_row = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("agendaTitle")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title_label.setFont(font)
        self.note_label = QLabel()
        self.note_label.setObjectName("agendaNote")
        self.note_label.setStyleSheet("color: #b45309;")
        self.count_label = QLabel()
        self.count_label.setObjectName("agendaCount")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note_label.setWordWrap(True)
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.count_label)
        layout.addLayout(title_row)
        layout.addWidget(self.note_label)

        self.day_view = DayView()
        self.week_view = WeekView()
        self.views = QStackedWidget()
        self.views.addWidget(self.day_view)
        self.views.addWidget(self.week_view)
        for view in (self.day_view, self.week_view):
            view.selected.connect(self._select)
            view.activated.connect(self._activated)
        layout.addWidget(self.views, 1)
        layout.addWidget(self._build_action_bar())
        self._build_outcome_keys()
        self._show_selection(None)

    # ------------------------------------------------------------------ building

    def _build_toolbar(self) -> QWidget:
        toolbar = QWidget()
        toolbar.setObjectName("agendaToolbar")
        row = FlowLayout(toolbar)
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("agendaPrevious")
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Periodo precedente"))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.today_button = QPushButton(self.tr("Oggi"))
        self.today_button.setObjectName("agendaToday")
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.next_button = QToolButton()
        self.next_button.setObjectName("agendaNext")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Periodo successivo"))
        self.next_button.clicked.connect(lambda: self.step(1))

        self.date_edit = date_edit(self.current_day)
        self.date_edit.setObjectName("agendaDate")
        self.date_edit.setToolTip(self.tr("Vai al giorno"))
        calendar = self.date_edit.calendarWidget()
        calendar.currentPageChanged.connect(self._mark_holidays)
        self.date_edit.dateChanged.connect(lambda value: self.go_to(pydate(value)))

        self.day_button = QToolButton()
        self.day_button.setText(self.tr("Giorno"))
        self.day_button.setObjectName("agendaDayMode")
        self.week_button = QToolButton()
        self.week_button.setText(self.tr("Settimana"))
        self.week_button.setObjectName("agendaWeekMode")
        self.mode_group = QButtonGroup(self)
        for button in (self.day_button, self.week_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.mode_group.addButton(button)
        (self.week_button if self.mode == WEEK else self.day_button).setChecked(True)
        self.day_button.clicked.connect(lambda: self.set_mode(DAY))
        self.week_button.clicked.connect(lambda: self.set_mode(WEEK))

        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("agendaOperator")
        # as wide as the longest name ("Amministratore del sistema"), growing with the list
        self.operator_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.operator_combo.setToolTip(self.tr("Di chi mostrare gli appuntamenti"))
        self.operator_combo.currentIndexChanged.connect(self._operator_changed)

        self.new_button = QPushButton(self.tr("Nuovo appuntamento…"))
        self.new_button.setObjectName("agendaNew")
        self.new_button.clicked.connect(self.new_appointment)

        row.addWidget(self.new_button)
        row.addSpacing(8)
        for widget in (self.previous_button, self.today_button, self.next_button, self.date_edit):
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.day_button)
        row.addWidget(self.week_button)
        row.addSpacing(8)
        row.addWidget(self.operator_combo)
        return toolbar

    def _build_action_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("agendaActions")
        bar.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(bar)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)
        self.selection_label = QLabel()
        self.selection_label.setObjectName("agendaSelection")
        self.selection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.selection_label.setWordWrap(True)
        column.addWidget(self.selection_label)

        buttons = QWidget()
        row = FlowLayout(buttons)
        row.addWidget(QLabel(self.tr("Esito:")))
        self.outcome_buttons: dict[str, QPushButton] = {}
        # Alt+P / Alt+S / Alt+G anywhere in the agenda (Alt+A is the Aiuto menu), and the
        # plain P / A / G keys on the appointments (see _build_outcome_keys)
        for outcome, text, key in (("presente", self.tr("&Presente"), "P"),
                                   ("assente", self.tr("A&ssente"), "A"),
                                   ("giustificato", self.tr("&Giustificato"), "G")):
            button = QPushButton(text)
            button.setObjectName(f"outcome_{outcome}")
            button.setToolTip(self.tr(
                "Registra l'esito dell'appuntamento selezionato (tasto {key} sugli "
                "appuntamenti)").format(key=key))
            button.clicked.connect(lambda _checked=False, o=outcome: self.record_outcome(o))
            self.outcome_buttons[outcome] = button
            row.addWidget(button)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("outcomeNote")
        self.note_edit.setPlaceholderText(self.tr("Nota sull'esito (facoltativa)"))
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.setMinimumWidth(120)
        self.note_edit.setFixedWidth(self.fontMetrics().horizontalAdvance("x" * 28))
        row.addWidget(self.note_edit)
        row.addSpacing(8)
        self.open_button = QPushButton(self.tr("Apri fascicolo"))
        self.open_button.setObjectName("agendaOpenFile")
        self.open_button.clicked.connect(self.open_selected_file)
        self.open_button.setVisible(False)  # until the file windows are found (first show)
        row.addWidget(self.open_button)
        self.cancel_button = QPushButton(self.tr("Annulla appuntamento…"))
        self.cancel_button.setObjectName("agendaCancel")
        self.cancel_button.clicked.connect(self.cancel_selected)
        row.addWidget(self.cancel_button)
        self.reminders_button = QPushButton(self.tr("Promemoria…"))
        self.reminders_button.setObjectName("agendaReminders")
        self.reminders_button.setToolTip(self.tr(
            "Gli appuntamenti di domani: foglio delle chiamate, e-mail, SMS, avvisati"))
        self.reminders_button.clicked.connect(lambda: self.show_reminders())
        row.addWidget(self.reminders_button)
        column.addWidget(buttons)
        return bar

    def _build_outcome_keys(self) -> None:
        """P (presente), A (assente), G (giustificato) while the appointments have the focus."""
        for key, outcome in (("P", "presente"), ("A", "assente"), ("G", "giustificato")):
            shortcut = QShortcut(QKeySequence(key), self.views)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda o=outcome: self._outcome_key(o))

    def _outcome_key(self, outcome: str) -> None:
        if self.selected_row is not None and self.outcome_buttons[outcome].isEnabled():
            self.record_outcome(outcome)

    # ------------------------------------------------------------------ showing

    def show_reminders(self) -> RemindersDialog:
        dialog = RemindersDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.after_paint(self._shown)  # read after the area's first paint

    def _data_changed(self, _kinds: object, source: object) -> None:
        """Written elsewhere (gui.changes; a call-in books appointments): read again if on
        screen (the area reads at each show anyway)."""
        if self.isVisible() and not changes.comes_from(self, source):
            self.reload()

    def _shown(self) -> None:
        """Each time the area is shown: the period read again, off the UI thread (gui.ops);
        the first time the operators and the date picker's holidays too."""
        first = not self._operators_loaded
        if first:
            self.open_button.setVisible(navigation.available(navigation.WORKER_FILE))
        ctx = self.ctx
        office_id = ctx.actor.office_id if ctx.actor else None
        start, end = self.period()
        operator_id = self._wanted_operator() if first else self.operator_id()
        calendar = self.date_edit.calendarWidget()
        year, month = calendar.yearShown(), calendar.monthShown()
        focused = QApplication.focusWidget()
        keep = self.selected_row.id if self.selected_row else None

        def job() -> tuple[list[tuple[int, str]] | None, int | None, dict[dt.date, str] | None,
                           tuple[object, ...]]:
            operators, chosen = None, operator_id
            if first:
                operators = worker_file.operators(ctx)
                if chosen not in {o for o, _name in operators}:
                    chosen = None
            holidays = self._month_holidays(year, month) if first else None
            return operators, chosen, holidays, self._read_period(ctx, start, end, chosen,
                                                                  office_id)

        def show(data: tuple[list[tuple[int, str]] | None, int | None,
                             dict[dt.date, str] | None, tuple[object, ...]]) -> None:
            operators, chosen, holidays, period = data
            if operators is not None and not self._operators_loaded:
                self._show_operators(operators)
            if holidays is not None:
                self._show_holidays(holidays)
            if (self.period(), self.operator_id()) != ((start, end), chosen):
                self.reload()  # the clerk moved on meanwhile: read what is shown now
                return
            self._show_period(period, keep, focused)

        ops.read(self, job, done=show, key=(self, "reload"))

    def _wanted_operator(self) -> int | None:
        """The operator the agenda opens on: the one last shown, else the clerk."""
        wanted = QSettings().value(SETTINGS_OPERATOR)
        try:
            wanted_id = int(wanted) if wanted is not None else None
        except (TypeError, ValueError):
            wanted_id = None
        if wanted_id is None and self.ctx.actor is not None:
            wanted_id = self.ctx.actor.id
        return wanted_id

    def load_operators(self) -> None:
        """Fill the operator combo: the whole office, then each active operator."""
        self._show_operators(worker_file.operators(self.ctx))

    def _show_operators(self, operators: list[tuple[int, str]]) -> None:
        self._operators_loaded = True
        wanted_id = self._wanted_operator()
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        self.operator_combo.addItem(self.tr("Tutto l'ufficio"), WHOLE_OFFICE)
        for operator_id, name in operators:
            self.operator_combo.addItem(name, operator_id)
        index = self.operator_combo.findData(wanted_id if wanted_id is not None else WHOLE_OFFICE)
        self.operator_combo.setCurrentIndex(max(index, 0))
        self.operator_combo.blockSignals(False)

    def operator_id(self) -> int | None:
        """The operator shown, or None for the whole office."""
        value = self.operator_combo.currentData()
        return None if value in (None, WHOLE_OFFICE) else int(value)

    def set_operator(self, operator_id: int | None) -> None:
        if not self._operators_loaded:
            self.load_operators()
        index = self.operator_combo.findData(WHOLE_OFFICE if operator_id is None else operator_id)
        if index >= 0:
            self.operator_combo.setCurrentIndex(index)

    def set_mode(self, mode: str) -> None:
        self.mode = DAY if mode == DAY else WEEK
        (self.day_button if self.mode == DAY else self.week_button).setChecked(True)
        QSettings().setValue(SETTINGS_MODE, self.mode)
        self.reload()

    def go_to(self, day: dt.date, select: int | None = None) -> None:
        self.current_day = day
        if pydate(self.date_edit.date()) != day:
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(qdate(day))
            self.date_edit.blockSignals(False)
        self.reload(select=select)

    def step(self, direction: int) -> None:
        days = 7 if self.mode == WEEK else 1
        self.go_to(self.current_day + dt.timedelta(days=days * direction))

    def _operator_changed(self) -> None:
        value = self.operator_combo.currentData()
        if value is not None:
            QSettings().setValue(SETTINGS_OPERATOR, int(value))
        self.reload()

    def period(self) -> tuple[dt.date, dt.date]:
        if self.mode == WEEK:
            return agenda.week_of(self.current_day)
        return self.current_day, self.current_day

    def reload(self, select: int | None = None) -> None:
        """Read the period shown again; keep (or move to) the selected appointment."""
        if not self._operators_loaded:
            self.load_operators()
        focused = QApplication.focusWidget()
        keep = select if select is not None else (
            self.selected_row.id if self.selected_row else None)
        start, end = self.period()
        office_id = self.ctx.actor.office_id if self.ctx.actor else None
        self._show_period(self._read_period(self.ctx, start, end, self.operator_id(), office_id),
                          keep, focused)

    @staticmethod
    def _read_period(ctx: Context, start: dt.date, end: dt.date, operator_id: int | None,
                     office_id: int | None) -> tuple[object, ...]:
        """What the period shows: (start, end, operator, rows, hours, holidays, closed days)."""
        if operator_id is not None:
            rows = agenda.appointments_between(ctx, start, end, operator_id=operator_id)
        else:
            rows = agenda.appointments_between(ctx, start, end, office_id=office_id)
        days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
        hours = agenda.office_hours(ctx)
        holidays = {day: agenda.holiday_name(day) for day in days}
        closed = {day for day in days if agenda.closed_reason(day, hours) is not None}
        return start, end, operator_id, rows, hours, holidays, closed

    def _show_period(self, period: tuple[object, ...], keep: int | None,
                     focused: QWidget | None) -> None:
        start, end, operator_id, rows, hours, holidays, closed = period  # type: ignore[misc]
        self.rows = {row.id: row for row in rows}  # type: ignore[attr-defined]
        show_operator = operator_id is None
        self.views.setCurrentWidget(self.week_view if self.mode == WEEK else self.day_view)
        if self.mode == WEEK:
            week = start.isocalendar().week
            self.title_label.setText(self.tr("Settimana {week}: {start} – {end}").format(
                week=week, start=short_date(start), end=short_date(end)))
            named = [self.tr("{day} — {holiday}").format(day=day_text(day, "d MMMM"), holiday=name)
                     for day, name in holidays.items() if name]
            self._set_note(
                self.tr("Festivi: {days}").format(days="; ".join(named)) if named else "")
            self.week_view.show_week(start, rows, holidays=holidays, closed=closed,
                                     today=dt.date.today(), show_operator=show_operator)
        else:
            self.title_label.setText(_capitalised(long_date(start)))
            reason = agenda.closed_reason(start, hours)
            self._set_note(self.tr("Chiuso: {reason}").format(reason=reason) if reason else "")
            self.day_view.show_day(rows, show_operator=show_operator)
        if rows:
            self.count_label.setText(self.tr("%n appuntamenti", "", len(rows)))
        else:
            self.count_label.setText(self.tr("Nessun appuntamento"))
        view = self.week_view if self.mode == WEEK else self.day_view
        if keep is not None and keep in self.rows:
            view.select(keep)
        else:
            self._show_selection(None)
        if focused is not None and shiboken6.isValid(focused) and self.isAncestorOf(focused):
            # a button disabled by the refresh (the selection went) leaves the focus in the
            # agenda, on the appointments, rather than handing it to another part of the window
            (focused if focused.isEnabled() else view).setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.setVisible(bool(text))

    def _mark_holidays(self, year: int, month: int) -> None:
        """The date picker's month with its public holidays in red (names as tooltips)."""
        self._show_holidays(self._month_holidays(year, month))

    @staticmethod
    def _month_holidays(year: int, month: int) -> dict[dt.date, str]:
        """The public holidays of a month (the first call loads the holidays library)."""
        found, day = {}, dt.date(year, month, 1)
        while day.month == month:
            name = agenda.holiday_name(day)
            if name:
                found[day] = name
            day += dt.timedelta(days=1)
        return found

    def _show_holidays(self, holidays: dict[dt.date, str]) -> None:
        calendar = self.date_edit.calendarWidget()
        for day, name in holidays.items():
            style = QTextCharFormat()
            style.setForeground(QColor("#c62828"))
            style.setToolTip(name)
            calendar.setDateTextFormat(qdate(day), style)

    # ------------------------------------------------------------------ selection

    def _select(self, appointment_id: int | None) -> None:
        self._show_selection(self.rows.get(appointment_id) if appointment_id is not None else None)

    def _show_selection(self, row: AppointmentRow | None) -> None:
        self.selected_row = row
        for widget in (*self.outcome_buttons.values(), self.note_edit, self.cancel_button,
                       self.open_button):
            widget.setEnabled(row is not None)
        if row is None:
            self.selection_label.setText(
                self.tr("Selezionare un appuntamento per registrarne l'esito o annullarlo."))
            return
        parts = [f"{short_date(row.starts_at.date())} {time_span(row)}", row.worker_name,
                 row.codice_fiscale]
        if row.purpose:
            parts.append(row.purpose)
        parts.append(self.tr("con {operator}").format(operator=row.operator_name))
        outcome = (self.tr("esito: {outcome}").format(outcome=outcome_label(row.outcome))
                   if row.outcome else self.tr("esito non registrato"))
        parts.append(outcome)
        self.selection_label.setText(" · ".join(parts))

    def _activated(self, appointment_id: int) -> None:
        row = self.rows.get(appointment_id)
        if row is not None:
            navigation.open_worker_file(self.ctx, row.worker_id, self)

    # ------------------------------------------------------------------ changes

    def record_outcome(self, outcome: str) -> None:
        row = self.selected_row
        if row is None:
            return
        note = self.note_edit.text().strip() or None

        def recorded(_result: object) -> None:
            self.note_edit.clear()
            self.reload(select=row.id)
            self.appointments_changed.emit()

        ops.write(self, partial(agenda.record_outcome, self.ctx, row.id, outcome, note,
                                expected_version=row.version),
                  done=recorded, failed=self._warn(self.tr("Esito non registrato")))

    def cancel_selected(self) -> None:
        row = self.selected_row
        if row is None:
            return
        question = self.tr(
            "Annullare l'appuntamento di {name} del {day} alle {time} con {operator}?"
        ).format(name=row.worker_name, day=short_date(row.starts_at.date()),
                 time=f"{row.starts_at:%H:%M}", operator=row.operator_name)
        answer = QMessageBox.question(
            self, self.tr("Annulla appuntamento"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        def cancelled(_result: object) -> None:
            self.reload()
            self.appointments_changed.emit()

        ops.write(self, partial(agenda.cancel, self.ctx, row.id), done=cancelled,
                  failed=self._warn(self.tr("Appuntamento non annullato")))

    def _warn(self, title: str) -> Callable[[BaseException], None]:
        """A refusal of a job, in a warning box titled ``title``."""
        return lambda exc: QMessageBox.warning(self, title, ops.message_for(exc))

    def open_selected_file(self) -> None:
        if self.selected_row is not None:
            navigation.open_worker_file(self.ctx, self.selected_row.worker_id, self)

    def new_appointment(self) -> AppointmentRow | None:
        from sportello.gui.dialogs.booking import BookingDialog

        dialog = BookingDialog(self.ctx, None, self)
        if self.operator_id() is not None:
            dialog.set_operator(self.operator_id())
        if self.current_day > dt.date.today() and agenda.closed_reason(
                self.current_day, dialog.hours) is None:
            dialog.set_day(self.current_day)  # the day the clerk is looking at
        else:
            dialog.show_next_free_slot()  # not today's closed office or past hours
        dialog.exec()
        booked = dialog.booked
        dialog.deleteLater()
        if booked is None:
            return None
        self.go_to(booked.starts_at.date(), select=booked.id)
        self.appointments_changed.emit()
        return booked
