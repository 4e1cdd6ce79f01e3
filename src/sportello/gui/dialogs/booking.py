"""Book an appointment: worker, operator, day and time (from the operator's free slots).

The rules are the agenda service's: ``agenda.book`` refuses a double booking
(``SlotTaken``: the dialog stays open), a time outside the office's opening hours or in
the past (shown as the service words it) and asks for confirmation on days the office is
closed (``DayClosed``: the clerk is asked, and only a yes books). The dialog only gathers
the values and shows what the service answers. It opens on the operator's next free slot;
the day and the time are typed (``07/12/2026``, ``10:30``) or picked (calendar, free
slots).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import agenda, worker_file, workers
from sportello.core.services.agenda import AppointmentRow
from sportello.gui import changes, ops
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, TimeEdit

SEARCH_MIN_CHARS = 2
SEARCH_LIMIT = 50
SEARCH_DELAY_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BookingDialog(QDialog):
    """``booked`` holds the ``AppointmentRow`` saved when the dialog is accepted."""

    def __init__(self, ctx: Context, worker_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker_id = worker_id
        self.booked: AppointmentRow | None = None
        self.pending: ops.Op | None = None  # the booking on the write lane
        self.slots: list[agenda.Slot] = []
        self.setObjectName("bookingDialog")
        self.setWindowTitle(self.tr("Nuovo appuntamento"))
        self.setMinimumWidth(560)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # who
        self.worker_label = QLabel()
        self.worker_label.setObjectName("workerLabel")
        self.worker_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.worker_label.font())
        bold.setBold(True)
        self.worker_label.setFont(bold)
        self.search_edit: QLineEdit | None = None
        self.results: QListWidget | None = None
        if worker_id is None:
            search = self._build_search()
            assert self.search_edit is not None
            form.addRow(self._buddy(self.tr("&Lavoratore:"), self.search_edit), search)
            self.worker_label.setText(self.tr("Nessun lavoratore scelto"))
            form.addRow("", self.worker_label)
        else:
            found = workers.rows(ctx, [worker_id])
            if found:
                row = found[0]
                self.worker_label.setText(f"{row.surname} {row.name} — {row.codice_fiscale}")
            form.addRow(self.tr("Lavoratore:"), self.worker_label)

        # with whom, when
        self.operator_combo = QComboBox()
        self.operator_combo.setObjectName("operator")
        for operator_id, name in worker_file.operators(ctx):
            self.operator_combo.addItem(name, operator_id)
        if ctx.actor is not None:
            self.operator_combo.setCurrentIndex(max(self.operator_combo.findData(ctx.actor.id), 0))
        form.addRow(self.tr("&Operatore:"), self.operator_combo)

        self.hours = agenda.office_hours(ctx)
        self.date_edit = OptionalDateEdit()
        self.date_edit.setObjectName("day")
        self.date_edit.setDate(dt.date.today())
        self.closed_label = QLabel()
        self.closed_label.setObjectName("closedReason")
        self.closed_label.setStyleSheet("color: #b45309;")
        self.closed_label.setWordWrap(True)
        self.hours_label = QLabel()
        self.hours_label.setObjectName("openingHours")
        day_row = QHBoxLayout()
        day_row.addWidget(self.date_edit)
        day_row.addWidget(self.hours_label)
        day_row.addWidget(self.closed_label, 1)
        form.addRow(self._buddy(self.tr("&Giorno:"), self.date_edit), day_row)

        self.slot_list = QListWidget()
        self.slot_list.setObjectName("freeSlots")
        self.slot_list.setFlow(QListView.Flow.LeftToRight)
        self.slot_list.setWrapping(True)
        self.slot_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.slot_list.setUniformItemSizes(True)
        self.slot_list.setSpacing(3)
        self.slot_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        chip = self.fontMetrics().horizontalAdvance("00:00") + 22
        self.slot_list.setGridSize(QSize(chip + 6, self.fontMetrics().height() + 14))
        self.slot_list.setFixedHeight(3 * (self.fontMetrics().height() + 14) + 10)
        self.slot_list.setToolTip(self.tr("Clic su un orario per sceglierlo"))
        self.slot_list.setStyleSheet(
            "QListWidget#freeSlots::item { border: 1px solid palette(mid); border-radius: 3px;"
            " background: palette(button); }"
            "QListWidget#freeSlots::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
        )
        self.slot_list.itemClicked.connect(self._slot_clicked)
        self.slots_hint = QLabel()
        self.slots_hint.setObjectName("slotsHint")
        self.slots_hint.setWordWrap(True)
        slots_box = QVBoxLayout()
        slots_box.setSpacing(2)
        slots_box.addWidget(self.slot_list)
        slots_box.addWidget(self.slots_hint)
        form.addRow(self.tr("Posti liberi:"), slots_box)

        self.time_edit = TimeEdit()
        self.time_edit.setObjectName("time")
        self.time_edit.setTime(dt.time(9, 0))
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutes")
        self.minutes_spin.setRange(5, 480)
        self.minutes_spin.setSingleStep(5)
        self.minutes_spin.setValue(self.hours.slot_minutes)
        self.minutes_spin.setSuffix(self.tr(" minuti"))
        time_row = QHBoxLayout()
        time_row.addWidget(self.time_edit)
        time_row.addSpacing(12)
        duration = QLabel(self.tr("&Durata:"))
        duration.setBuddy(self.minutes_spin)
        time_row.addWidget(duration)
        time_row.addWidget(self.minutes_spin)
        time_row.addStretch()
        form.addRow(self._buddy(self.tr("O&ra:"), self.time_edit), time_row)

        # why, where
        self.purpose_combo = QComboBox()
        self.purpose_combo.setObjectName("purpose")
        self.purpose_combo.setEditable(True)
        self.purpose_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.purpose_combo.addItems([
            self.tr("Colloquio di orientamento"),
            self.tr("Stipula patto di servizio"),
            self.tr("Convocazione vertenza"),
            self.tr("Verifica del percorso"),
            self.tr("Colloquio per l'autoimprenditorialità"),
            self.tr("Consegna documenti"),
        ])
        form.addRow(self.tr("&Motivo:"), self.purpose_combo)
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("service")
        self.service_combo.addItem(self.tr("Centro per l'Impiego"), "cpi")
        self.service_combo.addItem(self.tr("Sportello Unico (autoimprenditorialità)"),
                                   "sportello_unico")
        self.service_combo.setToolTip(self.tr(
            "Con chi è l'incontro: l'«Invito allo Sportello Unico» usa il prossimo "
            "appuntamento dello Sportello Unico"))
        form.addRow(self.tr("Ser&vizio:"), self.service_combo)
        self.location_edit = QLineEdit()
        self.location_edit.setObjectName("location")
        self.location_edit.setPlaceholderText(self.tr("es. Sportello 2, piano terra"))
        form.addRow(self.tr("L&uogo:"), self.location_edit)
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("mode")
        self.mode_combo.addItem(self.tr("In presenza"), "presenza")
        self.mode_combo.addItem(self.tr("A distanza: videochiamata"), "video")
        self.mode_combo.addItem(self.tr("A distanza: telefono"), "telefono")
        self.mode_combo.setToolTip(self.tr(
            "Lo sportello virtuale: la convocazione dice come collegarsi o a che numero "
            "la persona sarà chiamata"))
        form.addRow(self.tr("Modali&tà:"), self.mode_combo)
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("remoteLink")
        self.link_edit.setPlaceholderText(self.tr(
            "link della videochiamata (https://…) o numero da chiamare"))
        form.addRow(self.tr("Coll&egamento:"), self.link_edit)
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self._mode_changed()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Prenota"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.operator_combo.currentIndexChanged.connect(lambda _i: self.refresh_slots())
        self.date_edit.dateEdited.connect(self.refresh_slots)
        self.minutes_spin.valueChanged.connect(lambda _v: self.refresh_slots())
        self.time_edit.textChanged.connect(lambda _t: self._mark_chosen_slot())
        self.show_next_free_slot()
        if self.search_edit is not None:
            self.search_edit.setFocus()

    def _mode_changed(self) -> None:
        remote = self.mode_combo.currentData() != "presenza"
        self.link_edit.setEnabled(remote)
        self.location_edit.setEnabled(not remote)

    @staticmethod
    def _hint(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # ------------------------------------------------------------------ worker search

    def _build_search(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("workerSearch")
        self.search_edit.setPlaceholderText(self.tr("Cognome, nome o codice fiscale"))
        self.search_edit.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("workerResults")
        self.results.setFixedHeight(6 * (self.fontMetrics().height() + 4) + 6)
        self.results.currentItemChanged.connect(self._worker_chosen)
        self.search_hint = QLabel()
        self.search_hint.setObjectName("searchHint")
        self.search_hint.setVisible(False)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.search)
        column.addWidget(self.search_edit)
        column.addWidget(self.results)
        column.addWidget(self.search_hint)
        return box

    def search(self) -> None:
        """The workers matching the search field (the first ``SEARCH_LIMIT``)."""
        assert self.search_edit is not None and self.results is not None
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        self.results.clear()
        if len(text) < SEARCH_MIN_CHARS:
            self._hint(self.search_hint, self.tr("Scrivere almeno due lettere."))
            return
        ids = workers.list_ids(self.ctx, workers.ListFilter(text=text))
        for row in workers.rows(self.ctx, ids[:SEARCH_LIMIT]):
            place = f" — {row.residence_comune}" if row.residence_comune else ""
            item = QListWidgetItem(f"{row.surname} {row.name} — {row.codice_fiscale}{place}")
            item.setData(ID_ROLE, row.id)
            self.results.addItem(item)
        if not ids:
            self._hint(self.search_hint, self.tr("Nessun lavoratore trovato."))
        elif len(ids) > SEARCH_LIMIT:
            self._hint(self.search_hint, self.tr(
                "Primi {shown} di {total}: precisare la ricerca.").format(
                    shown=SEARCH_LIMIT, total=len(ids)))
        else:
            self._hint(self.search_hint, "")
        if len(ids) == 1:
            self.results.setCurrentRow(0)

    def _worker_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.worker_id = int(item.data(ID_ROLE))
        self.worker_label.setText(item.text())

    # ------------------------------------------------------------------ when

    def set_day(self, day: dt.date) -> None:
        self.date_edit.setDate(day)
        self.refresh_slots()

    def show_next_free_slot(self) -> None:
        """Go to the chosen operator's next free slot (today when none is found)."""
        operator_id = self.operator_id()
        slot = (agenda.next_free_slot(self.ctx, operator_id, minutes=self.minutes_spin.value())
                if operator_id is not None else None)
        if slot is not None:
            self.set_time(slot.starts_at.time())
        self.set_day(slot.starts_at.date() if slot is not None else dt.date.today())

    def set_operator(self, operator_id: int) -> None:
        index = self.operator_combo.findData(operator_id)
        if index >= 0:
            self.operator_combo.setCurrentIndex(index)

    def set_time(self, time: dt.time) -> None:
        self.time_edit.setTime(time)

    def day(self) -> dt.date | None:
        """The day typed or picked; None while it is not a readable date."""
        try:
            return self.date_edit.date()
        except InvalidInput:
            return None

    def starts_at(self) -> dt.datetime:
        """The moment chosen; ``InvalidInput`` (a message for the clerk) if unreadable."""
        day = self.date_edit.date()
        time = self.time_edit.time()
        if day is None:
            raise InvalidInput(self.tr("Scrivere il giorno dell'appuntamento (es. 07/12/2026)."))
        if time is None:
            raise InvalidInput(self.tr("Scrivere l'ora dell'appuntamento (es. 09:30)."))
        return dt.datetime.combine(day, time)

    def operator_id(self) -> int | None:
        value = self.operator_combo.currentData()
        return int(value) if value is not None else None

    def _chosen_time(self) -> dt.time | None:
        try:
            return self.time_edit.time()
        except InvalidInput:
            return None

    def refresh_slots(self) -> None:
        """The chosen operator's free slots on the chosen day, as clickable times."""
        day = self.day()
        self.slot_list.clear()
        self.slots = []
        if day is None:
            self.closed_label.setText("")
            self.hours_label.setText("")
            self._hint(self.slots_hint, self.tr("Scrivere il giorno come gg/mm/aaaa."))
            return
        reason = agenda.closed_reason(day, self.hours)
        self.closed_label.setText(reason[:1].upper() + reason[1:] if reason else "")
        self.hours_label.setText("" if reason else self.tr("orario {hours}").format(
            hours=self.hours.day_text(day)))
        operator_id = self.operator_id()
        self.slots = (agenda.free_slots(self.ctx, [operator_id], [day], self.minutes_spin.value())
                      if operator_id is not None else [])
        for slot in self.slots:
            item = QListWidgetItem(f"{slot.starts_at:%H:%M}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(ID_ROLE, slot.starts_at)
            self.slot_list.addItem(item)
        if self.slots:
            self._hint(self.slots_hint, "")
            if self._chosen_time() not in {s.starts_at.time() for s in self.slots}:
                self.set_time(self.slots[0].starts_at.time())
        elif reason:
            self._hint(self.slots_hint, self.tr("Giorno di chiusura: nessun posto libero."))
        else:
            self._hint(self.slots_hint, self.tr("Nessun posto libero in questo giorno."))
        self._mark_chosen_slot()

    def _slot_clicked(self, item: QListWidgetItem) -> None:
        starts_at = item.data(ID_ROLE)
        if isinstance(starts_at, dt.datetime):
            self.set_time(starts_at.time())

    def _mark_chosen_slot(self) -> None:
        chosen = self._chosen_time()
        self.slot_list.blockSignals(True)
        self.slot_list.clearSelection()
        for i in range(self.slot_list.count()):
            item = self.slot_list.item(i)
            if item.data(ID_ROLE).time() == chosen:
                item.setSelected(True)
                self.slot_list.scrollToItem(item)
        self.slot_list.blockSignals(False)

    # ------------------------------------------------------------------ booking

    def accept(self) -> None:
        self.book()

    def reject(self) -> None:
        if self.pending is None:  # a booking on its way: its result decides
            super().reject()

    def book(self) -> bool:
        """Ask the agenda service to book, on the runner's write lane; the dialog closes once
        the appointment is saved. False when the fields are not complete (nothing asked)."""
        if self.pending is not None:
            return False  # OK again while the booking is on its way
        if self.worker_id is None:
            QMessageBox.warning(self, self.tr("Prenotazione"),
                                self.tr("Scegliere il lavoratore da convocare."))
            if self.search_edit is not None:
                self.search_edit.setFocus()
            return False
        operator_id = self.operator_id()
        if operator_id is None:
            QMessageBox.warning(self, self.tr("Prenotazione"), self.tr("Scegliere l'operatore."))
            return False
        try:
            starts_at = self.starts_at()
        except InvalidInput as unreadable:
            QMessageBox.warning(self, self.tr("Prenotazione"), str(unreadable))
            return False
        values = {
            "worker_id": self.worker_id,
            "operator_id": operator_id,
            "starts_at": starts_at,
            "minutes": self.minutes_spin.value(),
            "purpose": self.purpose_combo.currentText().strip() or None,
            "location": self.location_edit.text().strip() or None,
            "service": self.service_combo.currentData(),
            "mode": self.mode_combo.currentData(),
            "remote_link": self.link_edit.text().strip() or None,
        }
        self._submit(values)
        return True

    def _submit(self, values: dict[str, object], **confirm: bool) -> None:
        # every view shows the booking (gui.changes), announced once it is saved
        self.pending = ops.write(self, partial(agenda.book, self.ctx, **values, **confirm),
                                 done=self._booked, failed=lambda exc: self._refused(exc, values),
                                 changes=(changes.APPOINTMENTS,), busy=self.buttons.buttons())

    def _booked(self, row: AppointmentRow) -> None:
        self.pending = None
        self.booked = row
        super().accept()

    def _refused(self, exc: BaseException, values: dict[str, object]) -> None:
        self.pending = None
        if isinstance(exc, agenda.DayClosed):
            answer = QMessageBox.question(
                self, self.tr("Giorno di chiusura"), str(exc),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._submit(values, confirm_closed_day=True)
        elif isinstance(exc, agenda.SlotTaken):
            QMessageBox.warning(self, self.tr("Orario già occupato"), str(exc))
            self.refresh_slots()
        else:
            QMessageBox.warning(self, self.tr("Prenotazione non riuscita"), ops.message_for(exc))
