"""The two views of the agenda: one day as a table, one week as seven columns of cards.

Both show plain ``AppointmentRow`` values from the agenda service and report the
appointment the clerk selects (``selected``) or double-clicks (``activated``) by id.
Which days are closed and what a holiday is called come from the service too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.services.agenda import AppointmentRow
from sportello.gui.agenda.common import day_text, long_date, mix, outcome_colour, outcome_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the appointment's id
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2  # its outcome (None until recorded)
WORKER_ROLE = Qt.ItemDataRole.UserRole + 3  # the worker's id

Index = QModelIndex | QPersistentModelIndex


def hhmm(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"  # strftime costs 10x: weeks hold thousands


def time_span(row: AppointmentRow) -> str:
    return f"{hhmm(row.starts_at)}–{hhmm(row.ends_at)}"


def closed_tint(palette: QPalette) -> QPalette:
    """The palette of a closed day: the base greyed towards the window's shade."""
    tinted = QPalette(palette)
    base = palette.color(QPalette.ColorRole.Base)
    tinted.setColor(QPalette.ColorRole.Base, mix(base, palette.color(QPalette.ColorRole.Mid), 0.35))
    return tinted


# The appointments that have the keyboard focus are framed in the highlight colour, so the
# clerk moving with Tab (or after a click) sees which day column or table the keys act on.
# The day table takes it from a style sheet; a week column paints it around its list (a
# style sheet there would hide the closed days' tint, which is a palette).
FOCUS_FRAME = ("{selector} {{ border: 1px solid palette(mid); }}"
               "{selector}:focus {{ border: 2px solid palette(highlight); }}")
FOCUS_WIDTH = 2


# --------------------------------------------------------------------------- day


class DayView(QTableWidget):
    """One day, one row per appointment, in time order."""

    selected = Signal(object)  # appointment id or None
    activated = Signal(int)  # appointment id

    TIME, WORKER, CODE, OPERATOR, PURPOSE, OUTCOME = range(6)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("agendaDay")
        self.setHorizontalHeaderLabels([
            self.tr("Ora"), self.tr("Lavoratore"), self.tr("Codice fiscale"),
            self.tr("Operatore"), self.tr("Motivo"), self.tr("Esito"),
        ])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setStyleSheet(FOCUS_FRAME.format(selector="QTableWidget#agendaDay"))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        for column, width in ((self.TIME, 95), (self.CODE, 155), (self.OPERATOR, 150),
                              (self.OUTCOME, 100)):
            self.setColumnWidth(column, width)
        for column in (self.WORKER, self.PURPOSE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.itemSelectionChanged.connect(self._selection_changed)
        self.itemDoubleClicked.connect(
            lambda item: self.activated.emit(int(self.item(item.row(), 0).data(ID_ROLE)))
        )

    def show_day(self, rows: Sequence[AppointmentRow], show_operator: bool) -> None:
        self.blockSignals(True)
        self.clearContents()
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (time_span(row), row.worker_name, row.codice_fiscale, row.operator_name,
                     row.purpose or "", outcome_label(row.outcome))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                item.setData(WORKER_ROLE, row.worker_id)
                item.setData(OUTCOME_ROLE, row.outcome)
                self.setItem(r, column, item)
            if row.outcome:
                outcome = self.item(r, self.OUTCOME)
                outcome.setForeground(QBrush(outcome_colour(row.outcome)))
                font = QFont(outcome.font())
                font.setBold(True)
                outcome.setFont(font)
        self.setColumnHidden(self.OPERATOR, not show_operator)
        self.blockSignals(False)
        self.selected.emit(None)

    def row_texts(self) -> list[list[str]]:
        """What the table shows, row by row (visible columns only)."""
        return [
            [self.item(r, c).text() for c in range(self.columnCount())
             if not self.isColumnHidden(c)]
            for r in range(self.rowCount())
        ]

    def select(self, appointment_id: int) -> bool:
        for r in range(self.rowCount()):
            if self.item(r, 0).data(ID_ROLE) == appointment_id:
                self.selectRow(r)
                self.scrollToItem(self.item(r, 0))
                return True
        return False

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.selectedIndexes()}
        self.selected.emit(int(self.item(min(rows), 0).data(ID_ROLE)) if rows else None)


# --------------------------------------------------------------------------- week


class AppointmentDelegate(QStyledItemDelegate):
    """A small card: a stripe in the outcome's colour; the time (and the outcome, right-aligned
    after a tab) and the worker's name in bold; then purpose and operator."""

    PADDING = 5
    STRIPE = 4
    MARGIN = 2
    BOLD_LINES = 2

    def _lines(self, index: Index) -> list[str]:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        height = QFontMetrics(option.font).height()
        lines = len(self._lines(index))
        return QSize(60, lines * height + 2 * (self.PADDING + self.MARGIN))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        stripe = outcome_colour(index.data(OUTCOME_ROLE))
        card = option.rect.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        base = palette.color(QPalette.ColorRole.Base)
        fill = (palette.color(QPalette.ColorRole.Highlight) if selected
                else mix(base, stripe, 0.10))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(mix(base, palette.color(QPalette.ColorRole.Dark), 0.35))
        painter.setBrush(fill)
        painter.drawRoundedRect(card, 3, 3)
        painter.fillRect(QRect(card.left(), card.top(), self.STRIPE, card.height()), stripe)

        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        left = card.left() + self.STRIPE + self.PADDING
        width = max(0, card.right() - left - self.PADDING + 1)
        top = card.top() + self.PADDING
        bold = QFont(option.font)
        bold.setBold(True)
        align = Qt.AlignmentFlag.AlignVCenter
        for number, line in enumerate(self._lines(index)):
            font = bold if number < self.BOLD_LINES else option.font
            metrics = QFontMetrics(font)
            painter.setFont(font)
            text, _tab, right = line.partition("\t")
            room = width
            if right:  # the time keeps its room; the outcome, in its colour, takes the rest
                room = min(metrics.horizontalAdvance(text) + 2, width)  # +2: no rounding elision
                right_room = max(0, width - room - self.PADDING)
                painter.setPen(text_colour if selected else stripe)
                painter.drawText(QRect(left + width - right_room, top, right_room,
                                       metrics.height()),
                                 int(align | Qt.AlignmentFlag.AlignRight),
                                 metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_room))
            painter.setPen(text_colour)
            painter.drawText(QRect(left, top, room, metrics.height()),
                             int(align | Qt.AlignmentFlag.AlignLeft),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, room))
            top += metrics.height()
        painter.restore()


class DayHeader(QLabel):
    """Two lines at most, each elided to the column: "mar 08/12" and the holiday's name.

    A column too narrow for "sab 12/12" shows the weekday and the date on two lines.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._weekday = self._date = ""
        self._holiday: str | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_day(self, weekday: str, date: str, holiday: str | None) -> None:
        self._weekday, self._date, self._holiday = weekday, date, holiday
        self.setFixedHeight(2 * QFontMetrics(self.font()).height() + 2 * self.margin() + 4)
        self._fit()

    def setFont(self, font: QFont) -> None:  # noqa: N802
        super().setFont(font)
        self.setFixedHeight(2 * QFontMetrics(font).height() + 2 * self.margin() + 4)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        metrics = QFontMetrics(self.font())
        width = max(1, self.width() - 2 * self.margin() - 2)
        first = f"{self._weekday} {self._date}"
        if self._holiday:
            lines = [first, self._holiday]
        elif metrics.horizontalAdvance(first) <= width:
            lines = [first]
        else:
            lines = [self._weekday, self._date]
        mode = Qt.TextElideMode.ElideRight
        self.setText("\n".join(metrics.elidedText(line, mode, width) for line in lines))


class DayColumn(QFrame):
    """One day of the week view: its heading and its appointments as cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day: dt.date | None = None
        self.closed = False
        self.holiday: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.header = DayHeader()
        self.header.setObjectName("dayHeader")
        self.header.setAutoFillBackground(True)
        self.header.setMargin(3)
        layout.addWidget(self.header)
        self.list = QListWidget()
        self.list.setObjectName("dayList")
        self.list.setItemDelegate(AppointmentDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.list.setMinimumWidth(30)
        self.list.setSpacing(0)
        self.list.installEventFilter(self)  # framed while it has the focus (paintEvent)
        layout.setContentsMargins(FOCUS_WIDTH, FOCUS_WIDTH, FOCUS_WIDTH, FOCUS_WIDTH)
        layout.addWidget(self.list, 1)

    def show_day(self, day: dt.date, *, holiday: str | None, closed: bool, today: bool,
                 rows: Sequence[AppointmentRow], show_operator: bool) -> None:
        self.day, self.closed, self.holiday = day, closed, holiday
        self.header.set_day(day_text(day, "ddd"), day_text(day, "dd/MM"), holiday)
        tip = long_date(day)
        self.header.setToolTip(f"{tip} — {holiday}" if holiday else tip)
        self.setProperty("closed", closed)
        palette = self.palette()
        base = closed_tint(palette) if closed else QPalette(palette)
        self.list.setPalette(base)
        header_palette = QPalette(palette)
        window = palette.color(QPalette.ColorRole.Window)
        if today:
            header_palette.setColor(QPalette.ColorRole.Window,
                                    palette.color(QPalette.ColorRole.Highlight))
            header_palette.setColor(QPalette.ColorRole.WindowText,
                                    palette.color(QPalette.ColorRole.HighlightedText))
        elif closed:
            header_palette.setColor(QPalette.ColorRole.Window,
                                    mix(window, palette.color(QPalette.ColorRole.Mid), 0.45))
            header_palette.setColor(QPalette.ColorRole.WindowText,
                                    palette.color(QPalette.ColorRole.PlaceholderText))
        else:
            header_palette.setColor(QPalette.ColorRole.Window,
                                    mix(window, palette.color(QPalette.ColorRole.Mid), 0.15))
        self.header.setPalette(header_palette)
        font = QFont(self.font())
        font.setBold(today or not closed)
        font.setItalic(closed and not today)
        self.header.setFont(font)

        self.list.clear()
        no_purpose = self.tr("(motivo non indicato)")
        operator_tip, outcome_tip = self.tr("Operatore: {name}"), self.tr("Esito: {outcome}")
        outcomes: dict[str | None, str] = {}
        for row in rows:
            if row.outcome not in outcomes:
                outcomes[row.outcome] = outcome_label(row.outcome)
            outcome = outcomes[row.outcome]
            first = f"{hhmm(row.starts_at)}\t{outcome}" if outcome else hhmm(row.starts_at)
            lines = [first, row.worker_name, row.purpose or no_purpose]
            if show_operator:
                lines.append(row.operator_name)
            item = QListWidgetItem("\n".join(lines))
            item.setData(ID_ROLE, row.id)
            item.setData(WORKER_ROLE, row.worker_id)
            item.setData(OUTCOME_ROLE, row.outcome)
            tip = [f"{time_span(row)}  {row.worker_name} ({row.codice_fiscale})",
                   row.purpose or "", operator_tip.format(name=row.operator_name)]
            if outcome:
                tip.append(outcome_tip.format(outcome=outcome))
            item.setToolTip("\n".join(line for line in tip if line))
            self.list.addItem(item)

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.update()
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.list.hasFocus():
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(FOCUS_WIDTH)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = FOCUS_WIDTH // 2
            painter.drawRect(self.rect().adjusted(half, half, -half, -half))
            painter.end()


class WeekView(QWidget):
    """Monday to Sunday side by side; closed days (weekends, holidays) greyed and narrower."""

    selected = Signal(object)  # appointment id or None
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaWeek")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.columns = [DayColumn(self) for _ in range(7)]
        for column in self.columns:
            self._layout.addWidget(column, 6)
            column.list.itemSelectionChanged.connect(
                lambda c=column: self._selection_changed(c)
            )
            column.list.itemDoubleClicked.connect(
                lambda item: self.activated.emit(int(item.data(ID_ROLE)))
            )

    def show_week(self, monday: dt.date, rows: Sequence[AppointmentRow], *,
                  holidays: dict[dt.date, str | None], closed: set[dt.date], today: dt.date,
                  show_operator: bool) -> None:
        by_day: dict[dt.date, list[AppointmentRow]] = {}
        for row in rows:
            by_day.setdefault(row.starts_at.date(), []).append(row)
        for offset, column in enumerate(self.columns):
            day = monday + dt.timedelta(days=offset)
            column.list.blockSignals(True)
            column.show_day(day, holiday=holidays.get(day), closed=day in closed,
                            today=day == today, rows=by_day.get(day, []),
                            show_operator=show_operator)
            column.list.blockSignals(False)
            # an empty closed day needs little room (a holiday enough for its name); a day
            # with appointments gets a full column
            if day in closed and not by_day.get(day):
                stretch = 4 if holidays.get(day) else 2
            else:
                stretch = 6
            self._layout.setStretchFactor(column, stretch)
        self.selected.emit(None)

    def select(self, appointment_id: int) -> bool:
        for column in self.columns:
            for i in range(column.list.count()):
                item = column.list.item(i)
                if item.data(ID_ROLE) == appointment_id:
                    column.list.setCurrentItem(item)
                    column.list.scrollToItem(item)
                    return True
        return False

    def _selection_changed(self, source: DayColumn) -> None:
        items = source.list.selectedItems()
        if not items:
            if not any(c.list.selectedItems() for c in self.columns):
                self.selected.emit(None)
            return
        for column in self.columns:  # one appointment selected in the whole week
            if column is not source and column.list.selectedItems():
                column.list.blockSignals(True)
                column.list.clearSelection()
                column.list.blockSignals(False)
        self.selected.emit(int(items[0].data(ID_ROLE)))
