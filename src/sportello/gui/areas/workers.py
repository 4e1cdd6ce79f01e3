"""Lavoratori area: find a file in two keystrokes, filter the list, open, create, merge.

The search box searches as the clerk types (after a short pause); the search, the
filters and the order run in SQL (``workers.list_ids``) and the table reads only the
rows it shows (``WorkerListModel``). Enter opens the first match, Down moves into the
list. Files open in their own windows (``WorkerFileWindow``). Whatever is written
anywhere in the program (``gui.changes``: a file saved, an import, a pathway...) makes
the list read again, at once when it is shown, else when it is next shown.

Nothing here reads or writes on the UI thread (``gui.ops``): the search, the sort and the
pages run on the read lane, opening a file (audited) and merging on the write lane. Enter
and Down wait for the search under way. A file being opened is not opened twice: a second
Enter or double click on it while it is read does nothing more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.codes import FileStatus, PathwayKind
from sportello.core import permissions
from sportello.core.codes import Role
from sportello.core.services import letters, worker_file, workers
from sportello.core.services.workers import ListFilter, WorkerRow
from sportello.gui import changes, ops
from sportello.gui.areas.base import Area
from sportello.gui.areas.cohort import CaseloadDialog, CohortDialog
from sportello.gui.kit.flow_layout import FlowLayout
from sportello.gui.worker_file.dialogs import MergeDialog
from sportello.gui.worker_file.labels import choices
from sportello.gui.worker_model import COLUMNS, WorkerListModel

if TYPE_CHECKING:  # imported when the first file opens (``preload`` does it in the background)
    from sportello.gui.worker_file.window import WorkerFileWindow

SEARCH_DELAY_MS = 150  # typing pauses longer than this run the search
SETTINGS_HEADER = "workers_area/header"
WITHOUT_PATHWAY = "__senza__"  # the pathway filter's "Senza percorso" (no open pathway)


class SearchBox(QLineEdit):
    down = Signal()  # Down or Page Down: move into the list

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self.down.emit()
            return
        super().keyPressEvent(event)


class WorkerTable(QTableView):
    """The list; Enter opens, Up from the first row or Esc goes back to the search box."""

    open_requested = Signal()
    leave = Signal()
    typed = Signal(str)  # letters typed in the list go to the search box

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.open_requested.emit()
            return
        if key == Qt.Key.Key_Escape or (
            key == Qt.Key.Key_Up and plain and self.currentIndex().row() <= 0
        ):
            self.leave.emit()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        # Qt's own search would read every row's text: the search box does it in SQL.
        if search.strip():
            self.typed.emit(search)


class WorkersArea(Area):
    ICON = "users"
    file_opened = Signal(object)  # a file window was shown (opened, or raised if open)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._windows: list[WorkerFileWindow] = []
        self._opening: set[int | None] = set()  # files being read to open (None: a new one)
        self._last_filter: ListFilter | None = None
        self._shown_once = False
        self._stale = False  # data changed while the list was not on screen
        layout = self.build_heading(
            self.tr("Lavoratori"),
            self.tr(
                "Cercare per cognome, nome, codice fiscale, telefono o email: bastano poche"
                " lettere. Invio apre il fascicolo, Freccia giù scende nell'elenco."
            ),
        )

        # search and actions
        self.search_box = SearchBox()
        self.search_box.setObjectName("workerSearch")
        self.search_box.setPlaceholderText(
            self.tr("Cerca un lavoratore: cognome, nome, codice fiscale, telefono… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Cerca lavoratore"))
        self.search_box.setMinimumWidth(160)
        self.new_button = QPushButton(self.tr("Nuovo fascicolo"))
        self.new_button.setObjectName("newWorker")
        self.new_button.setToolTip(self.tr("Crea il fascicolo di un nuovo lavoratore (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_file)
        self.merge_button = QPushButton(self.tr("Unisci fascicoli…"))
        self.merge_button.setObjectName("mergeWorkers")
        self.merge_button.setToolTip(self.tr(
            "Selezionare due fascicoli della stessa persona per unirli in uno"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.cohort_button = QPushButton(self.tr("Azioni sul gruppo…"))
        self.cohort_button.setObjectName("cohortActions")
        self.cohort_button.setToolTip(self.tr(
            "Per i fascicoli selezionati (o, con uno solo o nessuno, per tutti quelli "
            "dell'elenco): riassegnare, fine CIGS/NASpI, percorso, chiusura, lettera, Excel"))
        self.cohort_button.setVisible(permissions.has_role(ctx.actor, Role.RESPONSABILE))
        self.cohort_button.clicked.connect(lambda: self.cohort_actions())
        self.caseload_button = QPushButton(self.tr("Carichi di lavoro"))
        self.caseload_button.setObjectName("caseloadButton")
        self.caseload_button.setToolTip(self.tr(
            "Per ogni operatore: fascicoli aperti, appuntamenti della settimana, scadenze "
            "superate"))
        self.caseload_button.clicked.connect(lambda: self.show_caseload())
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.new_button)
        row.addWidget(self.merge_button)
        layout.addLayout(row)

        # filters
        self.vertenza_filter = self._filter_combo("vertenzaFilter", self.tr("Tutte le vertenze"))
        self.pathway_filter = self._filter_combo("pathwayFilter", self.tr("Tutti i percorsi"))
        for value, text in choices(PathwayKind):
            self.pathway_filter.addItem(text, value)
        self.pathway_filter.addItem(self.tr("Senza percorso"), WITHOUT_PATHWAY)
        self.status_filter = self._filter_combo("statusFilter", self.tr("Tutti gli stati"))
        for value, text in choices(FileStatus):
            self.status_filter.addItem(text, value)
        self.operator_filter = self._filter_combo("operatorFilter", self.tr("Tutti gli operatori"))
        self.documents_filter = self._filter_combo("documentsFilter",
                                                   self.tr("Documenti: tutti"))
        for value, text in workers.DOCUMENT_FILTERS.items():
            self.documents_filter.addItem(self.tr(text), value)
        self.deadline_check = QCheckBox(self.tr("Scadenze entro"))
        self.deadline_check.setObjectName("deadlineFilter")
        self.deadline_check.setToolTip(self.tr(
            "Solo chi ha CIGS o NASpI in scadenza, o la verifica del patto, entro i giorni"
            " indicati"))
        self.deadline_days = QSpinBox()
        self.deadline_days.setObjectName("deadlineDays")
        self.deadline_days.setRange(1, 365)
        self.deadline_days.setValue(30)
        self.deadline_days.setSuffix(self.tr(" giorni"))
        self.deadline_days.setEnabled(False)
        self.deadline_days.setAccessibleName(self.tr("Giorni alla scadenza"))
        self.reset_button = QPushButton(self.tr("Azzera filtri"))
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setFlat(True)
        self.reset_button.clicked.connect(self.reset_filters)
        filters = FlowLayout(spacing=8)  # one line when wide, wrapped when narrow
        deadline = QWidget()
        deadline_row = QHBoxLayout(deadline)
        deadline_row.setContentsMargins(0, 0, 0, 0)
        deadline_row.setSpacing(4)
        deadline_row.addWidget(self.deadline_check)
        deadline_row.addWidget(self.deadline_days)
        for widget in (self.vertenza_filter, self.pathway_filter, self.status_filter,
                       self.operator_filter, self.documents_filter, deadline,
                       self.reset_button):
            filters.addWidget(widget)
        layout.addLayout(filters)

        self.count_label = QLabel()
        self.count_label.setObjectName("workerCount")
        count_row = QHBoxLayout()  # what the list holds, and what to do with all of it
        count_row.addWidget(self.count_label, 1)
        count_row.addWidget(self.cohort_button)
        count_row.addWidget(self.caseload_button)
        layout.addLayout(count_row)

        # the list
        self.model = WorkerListModel(ctx, parent=self)
        self.table = WorkerTable()
        self.table.setObjectName("workerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setSortingEnabled(False)  # sorting is a new search, in SQL
        self.table.setTabKeyNavigation(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(self._default_widths()):
            self.table.setColumnWidth(column, width)
        self._restore_header()
        layout.addWidget(self.table, 1)

        # behaviour
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._open_first)
        self.search_box.down.connect(self.enter_list)
        for combo in (self.vertenza_filter, self.pathway_filter, self.status_filter,
                      self.operator_filter, self.documents_filter):
            combo.currentIndexChanged.connect(lambda _index: self.run_search())
        self.deadline_check.toggled.connect(self._deadline_toggled)
        self.deadline_days.valueChanged.connect(self._deadline_days_changed)
        self.model.searched.connect(self._show_count)
        self.model.search_failed.connect(self.count_label.setText)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.open_requested.connect(self.open_current)
        self.table.leave.connect(self.focus_search)
        self.table.typed.connect(self._typed_in_list)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._header_changed)
        header.sectionMoved.connect(self._header_changed)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(400)
        self._header_timer.timeout.connect(self.save_header)

        self.open_action = QAction(self.tr("Apri fascicolo"), self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.triggered.connect(self.open_current)
        self.merge_action = QAction(self.tr("Unisci fascicoli…"), self)
        self.merge_action.triggered.connect(self.merge_selected)
        self.new_action = QAction(self.tr("Nuovo fascicolo"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_file)
        changes.hub().changed.connect(self._data_changed)

    def _default_widths(self) -> list[int]:
        """Cognome … Stato sized to their usual content; Operatore takes the rest."""
        metrics = self.table.fontMetrics()
        pad = 18
        chars = metrics.averageCharWidth()
        status = max(metrics.horizontalAdvance(text) for _, text in choices(FileStatus))
        content = [
            chars * 13 + pad,  # Cognome
            chars * 11 + pad,  # Nome
            metrics.horizontalAdvance("RSSNCL78D03A479X") + pad,
            metrics.horizontalAdvance("00/00/0000") + pad,
            chars * 13 + pad,  # Comune di residenza
            metrics.horizontalAdvance("000 0000000") + pad,
            status + pad,
        ]
        # never narrower than the heading itself, with room for the sort arrow
        header = self.table.horizontalHeader()
        return [max(width, header.sectionSizeHint(column)) for column, width in enumerate(content)]

    @staticmethod
    def _filter_combo(name: str, all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_text, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(300)
        combo.setAccessibleName(all_text)
        return combo

    # ------------------------------------------------------------------ showing

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._header_restored:
                QTimer.singleShot(0, self._fit_columns)
        # after the first paint: the window appears before anything is read
        self.after_paint(self._read_when_shown)

    def _read_when_shown(self) -> None:
        self._load_choices()
        if self._last_filter is None:
            self.run_search(force=True)
        elif self._stale:
            self._stale = False
            self.refresh()

    def _data_changed(self, _kinds: object, _source: object) -> None:
        """Something was written anywhere (gui.changes): read the list again, now if it
        is on screen, else when it is next shown."""
        if not self._shown_once:
            return  # the first show searches anyway
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def _load_choices(self) -> None:
        """The vertenze and operators of the filters (again at each show: imports add some),
        read on the read lane."""
        ctx = self.ctx
        ops.read(self, lambda: (worker_file.vertenze(ctx), worker_file.operators(ctx)),
                 done=self._show_choices, key=(self, "choices"))

    def _show_choices(self, lists: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> None:
        changed = False
        for combo, items in zip((self.vertenza_filter, self.operator_filter), lists,
                                strict=True):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            changed |= current is not None and index < 0
            combo.blockSignals(False)
        if changed and self._shown_once:
            self.run_search()

    # ------------------------------------------------------------------ search

    def current_filter(self) -> ListFilter:
        pathway = self.pathway_filter.currentData()
        return ListFilter(
            text=self.search_box.text(),
            vertenza_id=self.vertenza_filter.currentData(),
            pathway_kind=None if pathway == WITHOUT_PATHWAY else pathway,
            without_pathway=pathway == WITHOUT_PATHWAY,
            status=self.status_filter.currentData(),
            operator_id=self.operator_filter.currentData(),
            deadline_days=self.deadline_days.value() if self.deadline_check.isChecked() else None,
            documents=self.documents_filter.currentData(),
        )

    def run_search(self, force: bool = False) -> None:
        """Search now with the box and the filters (skipped when nothing changed)."""
        self._search_timer.stop()
        flt = self.current_filter()
        if not force and flt == self._last_filter:
            return
        self._last_filter = flt
        self.model.search(flt)

    def refresh(self, select_id: int | None = None) -> None:
        """Search again (the data changed), keeping the current file or selecting ``select_id``."""
        keep = select_id if select_id is not None else self.current_id()
        scroll = self.table.verticalScrollBar().value()
        self._last_filter = self.current_filter()

        def restore() -> None:
            if keep is not None and self.select_id(keep, scroll_to=select_id is not None):
                if select_id is None:
                    self.table.verticalScrollBar().setValue(scroll)
            else:
                self.table.verticalScrollBar().setValue(scroll)

        self.model.search(self._last_filter, then=restore, keep_pages=True)

    def _show_count(self) -> None:
        count = self.model.rowCount()
        flt = self._last_filter or ListFilter()
        filtered = flt != ListFilter()
        if count:
            text = (self.tr("%Ln lavoratori trovati", "", count) if filtered
                    else self.tr("%Ln lavoratori", "", count))
        elif filtered:
            text = self.tr("Nessun lavoratore trovato.")
        else:
            text = self.tr("Nessun lavoratore nel database.")
        self.count_label.setText(text)

    def refresh_count(self) -> None:
        """Search again with the current box and filters; the count follows."""
        self.run_search(force=True)

    def _deadline_toggled(self, checked: bool) -> None:
        self.deadline_days.setEnabled(checked)
        self.run_search()

    def _deadline_days_changed(self, _value: int) -> None:
        if self.deadline_check.isChecked():
            self._search_timer.start()  # spinning through values: one search at the end

    def reset_filters(self) -> None:
        for combo in (self.vertenza_filter, self.pathway_filter, self.status_filter,
                      self.operator_filter, self.documents_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.deadline_check.blockSignals(True)
        self.deadline_check.setChecked(False)
        self.deadline_check.blockSignals(False)
        self.deadline_days.setEnabled(False)
        self.run_search()

    # ------------------------------------------------------------------ keyboard

    def focus_search(self) -> None:
        """Ctrl+F: the search box, its text selected so that typing replaces it."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def enter_list(self) -> None:
        """Down in the search box: into the list, once the search typed so far is in."""
        self.run_search()
        self.model.when_searched(self._enter_list)

    def _enter_list(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.table.currentIndex()
        if not current.isValid() or not self.table.selectionModel().isSelected(current):
            self.table.selectRow(0)

    def _open_first(self) -> None:
        """Enter in the search box: the current row (the first after a new search), once
        the search typed so far is in. A protocol number ("Prot. 12/2026", as a barcode
        scanner types the QR code of a letter) opens the file the letter belongs to."""
        text = self.search_box.text()
        if letters.looks_like_protocol(text):
            ctx = self.ctx
            ops.read(self, lambda: letters.info(ctx, letters.find_by_protocol(ctx, text)),
                     done=self._open_letter_file,
                     failed=lambda exc: self.count_label.setText(ops.message_for(exc)))
            return
        self.run_search()
        self.model.when_searched(self._open_current_or_first)

    def _open_letter_file(self, info: letters.LetterInfo) -> None:
        if info.worker_id is None:
            self.count_label.setText(self.tr("La lettera prot. {protocol} non è di un "
                                             "fascicolo.").format(protocol=info.protocol))
            return
        self.search_box.clear()
        self.open_file(info.worker_id)

    def _open_current_or_first(self) -> None:
        if self.model.rowCount() == 0:
            return
        current = self.table.currentIndex()
        self.open_row(current.row() if current.isValid() else 0)

    def _typed_in_list(self, text: str) -> None:
        self.search_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_box.deselect()
        self.search_box.end(False)
        self.search_box.insert(text)

    # ------------------------------------------------------------------ sorting and header

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if not self.model.sortable(column):  # put the indicator back where the order is
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self._model_order())
            header.blockSignals(False)
            return
        keep = self.current_id()
        self.model.sort(column, order, then=lambda: keep is not None and bool(
            self.select_id(keep, scroll_to=True)))
        self._last_filter = self.model.list_filter
        self.save_header()

    def _model_order(self) -> Qt.SortOrder:
        if self.model.descending:
            return Qt.SortOrder.DescendingOrder
        return Qt.SortOrder.AscendingOrder

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        state = QSettings().value(SETTINGS_HEADER)
        self._header_restored = isinstance(state, QByteArray) and header.restoreState(state)
        if self._header_restored:
            header.setSortIndicatorShown(True)
            header.setSectionsClickable(True)
            column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
            if self.model.sortable(column):
                key = COLUMNS[column][0]
                assert key is not None
                self.model.set_order(key, order == Qt.SortOrder.DescendingOrder, refresh=False)
                return
        header.setSortIndicator(self.model.sort_column(), self._model_order())

    def _fit_columns(self) -> None:
        """First use on a wide screen: give the spare width to names and comune."""
        spare = self.table.viewport().width() - sum(
            self.table.columnWidth(c) for c in range(len(COLUMNS) - 1)) - 220
        if spare <= 0:
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)  # not a choice of the clerk's: nothing to remember
        for column in (0, 1, 4):
            self.table.setColumnWidth(column, self.table.columnWidth(column) + min(spare // 3, 90))
        header.blockSignals(False)

    def _header_changed(self, *_args: object) -> None:
        self._header_timer.start()

    def save_header(self) -> None:
        self._header_timer.stop()
        QSettings().setValue(SETTINGS_HEADER, self.table.horizontalHeader().saveState())

    # ------------------------------------------------------------------ selection

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.worker_id(index.row())

    def select_id(self, worker_id: int, scroll_to: bool = True) -> bool:
        row = self.model.row_of(worker_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        if scroll_to:
            self.table.scrollTo(self.model.index(row, 0),
                                QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selection in self.table.selectionModel().selection():
            rows.update(range(selection.top(), selection.bottom() + 1))
            if len(rows) > 2:  # callers only care about "exactly two"
                break
        return sorted(rows)

    def _selection_changed(self, *_args: object) -> None:
        self.merge_button.setEnabled(len(self.selected_rows()) == 2)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(),
                                                                            QModelIndex()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        self.open_action.setEnabled(self.current_id() is not None)
        self.merge_action.setEnabled(len(self.selected_rows()) == 2)
        menu.addAction(self.open_action)
        menu.addAction(self.merge_action)
        menu.addSeparator()
        menu.addAction(self.new_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ files

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int) -> WorkerFileWindow | None:
        if not 0 <= row < self.model.rowCount():
            return None
        return self.open_file(self.model.worker_id(row))

    def opening(self, worker_id: int | None = None) -> bool:
        """Whether a file (``worker_id``; any when None) is being read to be opened."""
        return bool(self._opening) if worker_id is None else worker_id in self._opening

    def open_windows(self, worker_id: int | None = None) -> list[WorkerFileWindow]:
        """The file windows still open (those of ``worker_id`` when given)."""
        alive = [w for w in self._windows if shiboken6.isValid(w) and w.isVisible()]
        if worker_id is None:
            return alive
        return [w for w in alive if w.worker_id == worker_id]

    def open_file(self, worker_id: int) -> WorkerFileWindow | None:
        """Show the file in its window: raised at once if open (and returned); else read
        (an audited opening: on the write lane) and shown when read (``file_opened``).
        Asked again while it is being read, nothing more happens: one window per file."""
        for window in self.open_windows(worker_id):
            window.showNormal()
            window.raise_()
            window.activateWindow()
            self.file_opened.emit(window)
            return window
        if worker_id in self._opening:
            return None
        self._opening.add(worker_id)
        self._status(self.tr("Apertura del fascicolo…"))
        from sportello.gui.worker_file.window import open_file_window

        open_file_window(self, self.ctx, worker_id, self.window(),
                         shown=lambda window: self._opened(worker_id, window),
                         failed=lambda exc: self._open_failed(worker_id, exc))
        return None

    def _opened(self, worker_id: int | None, window: WorkerFileWindow) -> None:
        self._opening.discard(worker_id)
        self._track(window)
        main = self.window()
        if isinstance(main, QMainWindow):
            main.statusBar().clearMessage()
        self.file_opened.emit(window)

    def _open_failed(self, worker_id: int | None, exc: BaseException) -> None:
        self._opening.discard(worker_id)
        main = self.window()
        if isinstance(main, QMainWindow):
            main.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Fascicolo"), ops.message_for(exc))
        if isinstance(exc, SportelloError):  # deleted or merged meanwhile
            self.refresh()

    def new_file(self) -> None:
        """Ctrl+N: an empty file in a new window (shown once its lists are read)."""
        if None in self._opening:
            return
        self._opening.add(None)
        from sportello.gui.worker_file.window import open_file_window

        open_file_window(self, self.ctx, None, self.window(),
                         shown=lambda window: self._opened(None, window),
                         failed=lambda exc: self._open_failed(None, exc))

    def _track(self, window: WorkerFileWindow) -> None:
        self._windows = [w for w in self._windows if shiboken6.isValid(w)]
        self._windows.append(window)
        window.created.connect(self._file_created)  # saves reach the list through gui.changes
        window.open_requested.connect(self.open_file)

    def _file_created(self, worker_id: int) -> None:
        self.refresh(select_id=worker_id)
        self._status(self.tr("Fascicolo creato."))

    def close_files(self, then: Callable[[], None] | None = None) -> bool:
        """Close every file window (each asks about unsaved changes); False if one stays.

        A window whose clerk answered "Salva" closes once its save is in; when every such
        window has closed that way, ``then`` runs (the caller's closing, asked again)."""
        closed = [window.close() for window in self.open_windows()]
        if all(closed):
            return True
        saving = [w for w in self.open_windows() if w.closing_after_save]
        if then is not None and saving and len(saving) == closed.count(False):
            waiting = set(saving)

            def one_closed(window: WorkerFileWindow) -> None:
                waiting.discard(window)
                if not waiting:
                    then()

            for window in saving:
                window.destroyed.connect(lambda _obj=None, w=window: one_closed(w))
        return False

    def _status(self, text: str) -> None:
        main = self.window()
        if isinstance(main, QMainWindow):
            main.statusBar().showMessage(text, 8000)

    # ------------------------------------------------------------------ cohort

    def cohort_actions(self) -> None:
        """The rows selected, or every file of the list (its search and filters)."""
        rows = self.selected_rows()
        if len(rows) >= 2:
            ids = [self.model.worker_id(r) for r in self._all_selected_rows()]
            self._open_cohort(ids, self.tr("quelli selezionati nell'elenco"))
            return
        ctx, flt = self.ctx, self.current_filter()
        ops.read(self, lambda: workers.list_ids(ctx, flt),
                 done=lambda ids: self._open_cohort(ids, self.tr(
                     "tutti quelli dell'elenco (ricerca e filtri attuali)")))

    def _all_selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selection in self.table.selectionModel().selection():
            rows.update(range(selection.top(), selection.bottom() + 1))
        return sorted(rows)

    def _open_cohort(self, ids: list[int], what: str) -> CohortDialog | None:
        if not ids:
            self._status(self.tr("Nessun fascicolo nell'elenco."))
            return None
        dialog = CohortDialog(self.ctx, ids, what, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_caseload(self) -> CaseloadDialog:
        dialog = CaseloadDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ merge

    def merge_selected(self) -> None:
        """Two files of one person: ask which to keep, confirm, merge (a responsabile's job)."""
        title = self.tr("Unisci fascicoli")
        rows = self.selected_rows()
        if len(rows) != 2:
            QMessageBox.information(self, title, self.tr(
                "Selezionare nell'elenco esattamente due fascicoli della stessa persona."))
            return
        first, second = (self.model.worker_row(row) for row in rows)
        if first is None or second is None:
            self.refresh()
            return
        dialog = MergeDialog(first, second, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep, drop = dialog.keep, dialog.drop
        answer = QMessageBox.question(
            self, title,
            self.tr("Unire il fascicolo di {drop} ({drop_cf}) in quello di {keep} ({keep_cf})?\n\n"
                    "Il fascicolo {drop_cf} sarà eliminato e la sua storia passerà all'altro."
                    " L'operazione non si può annullare.").format(
                drop=f"{drop.surname} {drop.name}", drop_cf=drop.codice_fiscale,
                keep=f"{keep.surname} {keep.name}", keep_cf=keep.codice_fiscale),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        busy = [w for w in self.open_windows(drop.id) + self.open_windows(keep.id) if w.is_dirty()]
        if busy:
            QMessageBox.information(self, title, self.tr(
                "Uno dei due fascicoli è aperto con modifiche non salvate: salvarle o chiuderlo,"
                " poi unire."))
            busy[0].raise_()
            return
        ctx = self.ctx
        ops.write(self, lambda: workers.merge(ctx, keep.id, drop.id),
                  done=lambda _result: self._merged(keep, drop),
                  # PermissionDenied: only a responsabile may merge
                  failed=lambda exc: QMessageBox.warning(self, title, ops.message_for(exc)),
                  changes=(changes.WORKERS,), busy=[self.merge_button])

    def _merged(self, keep: WorkerRow, drop: WorkerRow) -> None:
        for window in self.open_windows(drop.id):
            window.close()  # clean (checked above): the file no longer exists
        for window in self.open_windows(keep.id):
            window.reload_if_clean()
        self.refresh(select_id=keep.id)
        self._status(self.tr("Fascicoli uniti: resta quello di {name} ({cf}).").format(
            name=f"{keep.surname} {keep.name}", cf=keep.codice_fiscale))
