"""The "Scadenze" dock: what needs the counter's attention within N days.

The list is ``deadlines.upcoming`` grouped by kind. On the 100,000-worker database it
takes about a tenth of a second, so it is read off the GUI thread (a ``gui.tasks.Task`` on
the runner's read lane, its own session); a request made while one is running is served
when it ends. It reads again by itself after any write made in the program
(``gui.changes``) while it is shown.

The dock never takes the keyboard focus by accident: when a widget elsewhere in the window
is disabled while it has the focus (an outcome or a save that refreshes its area), Qt hands
the focus on along the tab chain, which may reach the "Entro N giorni" box, and the clerk's
next keystroke would change it. Such a hand-over is sent back (``_focus_changed``); a click
or a Tab into the dock still works.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from sportello.core.context import Context
from sportello.core.services import deadlines
from sportello.core.services.deadlines import Deadline
from sportello.gui import changes, ops
from sportello.gui.agenda.common import short_date
from sportello.gui.shared.navigation import open_worker_file
from sportello.gui.tasks import Task, start_kept

SETTINGS_DAYS = "deadlines/days"
SETTINGS_MINE = "deadlines/mine"
DEFAULT_DAYS = 30
WORKER_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

# Kinds in the order the panel shows them, each with its colour (presentation only).
KIND_COLOURS = {
    "assente": "#c62828",
    "esito": "#d97706",
    "cigs": "#7c3aed",
    "naspi": "#2563eb",
    "patto": "#0f766e",
    "voucher": "#be185d",
    "consenso": "#6b7280",
    "firma": "#b45309",
}

# Rows that may hold a group title: one per kind, and room for kinds not known here yet.
GROUP_ROWS = len(KIND_COLOURS) + 8
# Deadlines put in the list per turn of the event loop: thousands of them (2,500 on the
# 100,000-file database) go in a few at a time, so the window never waits for the list.
FILL_BATCH = 100

# Narrower than this, the list shows worker and date; the detail stays in the tooltip.
DETAIL_MIN_WIDTH = 300


class _WrappedGroups(QStyledItemDelegate):
    """Group titles (the top rows, spanning the list) wrap onto more lines, never clipped."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def _is_group(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.column() == 0 and not index.parent().isValid()

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if self._is_group(index):
            option.features = option.features | QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not self._is_group(index):
            return size
        # the text's own rectangle in a row spanning the list, as the style lays it out
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        left = self.tree.indentation()
        item.rect = QRect(left, 0, max(self.tree.viewport().width() - left, 60), size.height())
        style = self.tree.style()
        width = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, self.tree).width()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        needed = QFontMetrics(item.font).boundingRect(
            QRect(0, 0, max(width - 2 * margin, 20), 10_000), Qt.TextFlag.TextWordWrap, text
        ).height()
        return QSize(size.width(), max(size.height(), needed + 6))


def _dot(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class DeadlinesPanel(QDockWidget):
    loaded = Signal()  # the list on screen is up to date

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deadlinesDock")
        self.setWindowTitle(self.tr("Scadenze"))
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        self.kind_labels = {
            "assente": self.tr("Appuntamenti mancati"),
            "esito": self.tr("Appuntamenti senza esito"),
            "cigs": self.tr("CIGS in scadenza"),
            "naspi": self.tr("NASpI in scadenza"),
            "patto": self.tr("Revisione del patto di servizio"),
            "voucher": self.tr("Voucher in scadenza"),
            "consenso": self.tr("Consenso privacy mancante"),
            "firma": self.tr("Patti stampati e non restituiti firmati"),
        }
        self.rows: list[Deadline] = []
        self._task: Task | None = None
        self._pending = False
        self._collapsed: set[str] = set()
        self._filling = 0  # the fill under way (a new list stops an older fill)
        self._held = False  # the first read waits for something more urgent (read_after)
        self._wanted = False  # a read asked for while held

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(4)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        within = QLabel(self.tr("Entro"))
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("deadlineDays")
        self.days_spin.setRange(1, 365)
        self.days_spin.setSuffix(self.tr(" giorni"))
        self.days_spin.setAccelerated(True)
        within.setBuddy(self.days_spin)
        self.mine_check = QCheckBox(self.tr("Solo i miei"))
        self.mine_check.setObjectName("deadlineMine")
        self.mine_check.setToolTip(self.tr("Solo i lavoratori assegnati a me"))
        self.mine_check.setEnabled(ctx.actor is not None)
        self.refresh_button = QToolButton()
        self.refresh_button.setObjectName("deadlineRefresh")
        self.refresh_button.setText(self.tr("Aggiorna"))
        self.refresh_button.setToolTip(self.tr("Rileggi le scadenze"))
        self.refresh_button.clicked.connect(self.refresh)
        controls.addWidget(within)
        controls.addWidget(self.days_spin)
        controls.addStretch()
        controls.addWidget(self.refresh_button)
        layout.addLayout(controls)
        layout.addWidget(self.mine_check)

        self.tree = QTreeWidget()
        self.tree.setObjectName("deadlineTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Lavoratore"), self.tr("Data"), self.tr("Dettaglio")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Nothing clipped in a narrow dock (a 1024-pixel screen): the dates always whole, the
        # names elided (the tooltip has them), the group titles wrapped onto a second line,
        # and the details, when the dock is too narrow for them, only in the tooltip.
        self.tree.setUniformRowHeights(False)
        # Only the top rows (the groups) need the wrapping delegate: a view's row delegate
        # applies to that row number under every parent, so a few deadlines share it, and the
        # thousands of others are measured by Qt's own delegate, without calling Python per
        # cell (2,500 deadlines on 100,000 files: the list is shown 3-4 times sooner).
        self._wrapped = _WrappedGroups(self.tree)
        for row in range(GROUP_ROWS):
            self.tree.setItemDelegateForRow(row, self._wrapped)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.viewport().installEventFilter(self)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.tree.itemCollapsed.connect(lambda item: self._toggled(item, True))
        self.tree.itemExpanded.connect(lambda item: self._toggled(item, False))
        layout.addWidget(self.tree, 1)
        self.status_label = QLabel()
        self.status_label.setObjectName("deadlineStatus")
        layout.addWidget(self.status_label)
        self.setWidget(body)

        settings = QSettings()
        try:
            days = int(settings.value(SETTINGS_DAYS, DEFAULT_DAYS))
        except (TypeError, ValueError):
            days = DEFAULT_DAYS
        self.days_spin.setValue(days)
        self.mine_check.setChecked(ctx.actor is not None
                                   and str(settings.value(SETTINGS_MINE, "false")) == "true")

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)  # typing "90" must not read twice
        self._debounce.timeout.connect(self.refresh)
        self.days_spin.valueChanged.connect(self._options_changed)
        self.mine_check.toggled.connect(self._options_changed)
        self.visibilityChanged.connect(self._visibility_changed)
        changes.hub().changed.connect(self._data_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # ------------------------------------------------------------------ fitting

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            width = self.tree.viewport().width()
            self.tree.setColumnHidden(2, width < DETAIL_MIN_WIDTH)
            self.tree.doItemsLayout()  # the group titles' heights follow the new width
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ focus

    @Slot(QWidget, QWidget)
    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Send back the focus handed to the dock by a widget disabled while focused."""
        if (old is None or new is None or not isValid(self) or not self.isAncestorOf(new)
                or self.isAncestorOf(old) or old.isEnabled()):
            return
        new.clearFocus()  # a keystroke now changes nothing here
        QTimer.singleShot(0, lambda: self._give_back(old))

    @staticmethod
    def _give_back(widget: QWidget) -> None:
        """The focus back to the widget that lost it, once its area has re-enabled it."""
        if isValid(widget) and widget.isEnabled() and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ loading

    @property
    def loading(self) -> bool:
        return self._task is not None or self._filling != 0

    def _options_changed(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_DAYS, self.days_spin.value())
        settings.setValue(SETTINGS_MINE, "true" if self.mine_check.isChecked() else "false")
        self._debounce.start()

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            QTimer.singleShot(0, self.refresh)  # after the window's first paint

    def _data_changed(self, _kinds: object, _source: object) -> None:
        """Something was written anywhere (gui.changes): read again if shown (a hidden
        panel reads when it appears)."""
        if self.isVisible():
            self.refresh()

    def read_after(self, signal: SignalInstance) -> None:
        """Hold the reads until ``signal`` (once): at start-up the worker list reads first,
        the Scadenze after it, so that the list the clerk works from shows sooner."""
        self._held = True

        def release(*_args: object) -> None:
            if not self._held:
                return
            self._held = False
            if self._wanted:
                self._wanted = False
                self.refresh()

        signal.connect(release)

    def refresh(self) -> None:
        """Read the deadlines again, in a background thread."""
        self._debounce.stop()
        if self._held:
            self._wanted = True
            return
        if self._task is not None:
            self._pending = True
            return
        ctx, days = self.ctx, self.days_spin.value()
        mine = ctx.actor is not None and self.mine_check.isChecked()
        operator_id = ctx.actor.id if mine and ctx.actor is not None else None

        def job(_progress: object) -> list[Deadline]:
            return deadlines.upcoming(ctx, days, operator_id=operator_id)

        task = Task(job, lane=ops.READ)
        self._task = task
        task.succeeded.connect(self._show)
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.status_label.setText(self.tr("Caricamento…"))
        self.refresh_button.setEnabled(False)
        start_kept(task)  # the dock may be closed before the read ends

    @Slot()
    def _finished(self) -> None:
        self._task = None
        self.refresh_button.setEnabled(True)
        if self._pending:
            self._pending = False
            self.refresh()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self._pending:
            return
        self.status_label.setText(
            self.tr("Scadenze non disponibili: {error}").format(error=message))

    @Slot(object)
    def _show(self, rows: list[Deadline]) -> None:
        if self._pending:  # the options changed meanwhile: the next read will show
            return
        self.rows = rows
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for kind, colour in KIND_COLOURS.items():
            group = QTreeWidgetItem()
            group.setIcon(0, _dot(colour))
            group.setData(0, KIND_ROLE, kind)
            font = QFont(self.tree.font())
            font.setBold(True)
            group.setFont(0, font)
            groups[kind] = group
        by_kind: dict[str, list[Deadline]] = {kind: [] for kind in groups}
        for row in rows:
            if row.kind not in groups:  # a kind this panel does not know yet: its own group
                groups[row.kind] = QTreeWidgetItem()
                groups[row.kind].setData(0, KIND_ROLE, row.kind)
                by_kind[row.kind] = []
            by_kind[row.kind].append(row)
        # The groups go in first (spanned, with their counts); their deadlines follow a
        # batch per turn of the event loop (FILL_BATCH), each group opened with its first.
        pending: list[tuple[str, QTreeWidgetItem, list[Deadline]]] = []
        for kind, group in groups.items():
            if not by_kind[kind]:
                continue
            label = self.kind_labels.get(kind) or by_kind[kind][0].label
            group.setText(0, f"{label} ({len(by_kind[kind])})")
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            pending.append((kind, group, by_kind[kind]))
        self._filling += 1
        fill = self._filling
        dates: dict[dt.date, str] = {}  # a date's text, made once (QLocale per call is slow)

        def fill_some() -> None:
            if fill != self._filling or not isValid(self):
                return  # a newer list took over
            budget = FILL_BATCH
            while pending and budget > 0:
                kind, group, waiting = pending[0]
                batch, waiting[:] = waiting[:budget], waiting[budget:]
                budget -= len(batch)
                opened = group.childCount() > 0
                group.addChildren([self._item(row, dates) for row in batch])
                if not opened:
                    group.setExpanded(kind not in self._collapsed)
                if not waiting:
                    pending.pop(0)
            if pending:
                QTimer.singleShot(0, fill_some)
                return
            self._filling = 0
            if rows:
                self.status_label.setText(self.tr("%n scadenze", "", len(rows)))
            else:
                self.status_label.setText(self.tr("Nessuna scadenza entro {days} giorni.").format(
                    days=self.days_spin.value()))
            self.loaded.emit()

        fill_some()

    @staticmethod
    def _item(row: Deadline, dates: dict[dt.date, str]) -> QTreeWidgetItem:
        due = dates.get(row.due_on) if row.due_on is not None else None
        if due is None:
            due = short_date(row.due_on)
            if row.due_on is not None:
                dates[row.due_on] = due
        item = QTreeWidgetItem([row.worker_name, due, row.detail])
        item.setData(0, WORKER_ROLE, row.worker_id)
        item.setData(0, KIND_ROLE, row.kind)
        for column in range(3):
            item.setToolTip(column, f"{row.worker_name} ({row.codice_fiscale})\n{row.detail}")
        return item

    # ------------------------------------------------------------------ reading

    def groups(self) -> dict[str, list[str]]:
        """Shown worker names by kind (what the tree holds, for tests and checks)."""
        out: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            kind = str(group.data(0, KIND_ROLE))
            out[kind] = [group.child(c).text(0) for c in range(group.childCount())]
        return out

    def _toggled(self, item: QTreeWidgetItem, collapsed: bool) -> None:
        kind = item.data(0, KIND_ROLE)
        if item.parent() is None and kind:
            (self._collapsed.add if collapsed else self._collapsed.discard)(str(kind))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        worker_id = item.data(0, WORKER_ROLE)
        if worker_id is not None:
            open_worker_file(self.ctx, int(worker_id), self)
