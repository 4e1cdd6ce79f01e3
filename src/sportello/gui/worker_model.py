"""Table model over the worker list: the ids of a search, row contents loaded lazily.

As in Anki's browser table: a search (``workers.list_ids``: search, filters and sort
all in SQL) gives the ids of every matching file in display order, so ``rowCount`` is
right at once and the scroll bar is true. The contents of a row are read only when the
view asks for it, a page of ``PAGE_SIZE`` rows at a time (``workers.rows``), and the
pages read are kept in a small cache. A new search or sort replaces the ids and forgets
the pages. There is no proxy model: sorting is a new ``list_ids`` in another order.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sportello.core.context import Context
from sportello.core.codes import FileStatus
from sportello.core.services import workers
from sportello.core.services.workers import ListFilter, WorkerRow
from sportello.gui.kit.inputs import format_date
from sportello.gui.worker_file.labels import label

PAGE_SIZE = 200
MAX_PAGES = 50  # at most 10,000 rows in memory, whatever the size of the result

Index = QModelIndex | QPersistentModelIndex

# (sort key of workers.SORT_COLUMNS or None when the column cannot be sorted, header)
COLUMNS = (
    ("surname", QT_TRANSLATE_NOOP("WorkerListModel", "Cognome")),
    ("name", QT_TRANSLATE_NOOP("WorkerListModel", "Nome")),
    ("codice_fiscale", QT_TRANSLATE_NOOP("WorkerListModel", "Codice fiscale")),
    ("birth_date", QT_TRANSLATE_NOOP("WorkerListModel", "Data di nascita")),
    ("residence_comune", QT_TRANSLATE_NOOP("WorkerListModel", "Comune di residenza")),
    ("phone", QT_TRANSLATE_NOOP("WorkerListModel", "Telefono")),
    ("status", QT_TRANSLATE_NOOP("WorkerListModel", "Stato")),
    (None, QT_TRANSLATE_NOOP("WorkerListModel", "Operatore")),
)
SORT_KEYS = tuple(key for key, _ in COLUMNS)

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the worker's id, for the views that open a file


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkerListModel", text)


class WorkerListModel(QAbstractTableModel):
    searched = Signal()  # the ids were replaced (a new search, filter or sort)

    def __init__(
        self,
        ctx: Context,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
        *,
        max_pages: int = MAX_PAGES,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._max_pages = max_pages
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, WorkerRow]] = OrderedDict()
        self._filter = ListFilter()
        self._sort_key = "surname"
        self._descending = False
        self._headers = [_tr(text) for _, text in COLUMNS]
        self.pages_read = 0  # pages read from the database since the last search

    # ------------------------------------------------------------------ search and sort

    @property
    def list_filter(self) -> ListFilter:
        return dataclasses.replace(self._filter)

    @property
    def sort_key(self) -> str:
        return self._sort_key

    @property
    def descending(self) -> bool:
        return self._descending

    def search(self, flt: ListFilter) -> None:
        """Run ``flt`` in the current order (the service searches, filters and sorts)."""
        self._filter = dataclasses.replace(flt)
        self.refresh()

    def refresh(self) -> None:
        """Run the current search again (after a save, a merge, a new file)."""
        ids = workers.list_ids(self._ctx, self._filter, self._sort_key, self._descending)
        self._set_ids(ids)

    def set_order(self, key: str, descending: bool, *, refresh: bool = True) -> None:
        """Sort by ``key`` (a ``workers.SORT_COLUMNS`` key) and search again."""
        if key not in workers.SORT_COLUMNS:
            raise ValueError(key)
        self._sort_key, self._descending = key, descending
        if refresh:
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        self.set_order(key, order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(SORT_KEYS) and SORT_KEYS[column] is not None

    def sort_column(self) -> int:
        return SORT_KEYS.index(self._sort_key) if self._sort_key in SORT_KEYS else -1

    def _set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.pages_read = 0
        self.endResetModel()
        self.searched.emit()

    def forget_rows(self) -> None:
        """Read the shown rows again when next painted (their contents changed)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    # ------------------------------------------------------------------ rows

    @property
    def ids(self) -> list[int]:
        return self._ids

    def worker_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, worker_id: int) -> int:
        """The row showing ``worker_id``, -1 if the current search does not list it."""
        try:
            return self._ids.index(worker_id)
        except ValueError:
            return -1

    def worker_row(self, row: int) -> WorkerRow | None:
        """The contents of ``row``: its page is read if not in the cache."""
        page = row // self._page_size
        rows = self._pages.get(page)
        if rows is None:
            start = page * self._page_size
            chunk = self._ids[start:start + self._page_size]
            rows = {r.id: r for r in workers.rows(self._ctx, chunk)}
            self.pages_read += 1
            self._pages[page] = rows
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[row])  # None: deleted since the search

    @property
    def pages_cached(self) -> int:
        return len(self._pages)

    # ------------------------------------------------------------------ table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if not self.sortable(section):
                return self.tr("Questa colonna non si può ordinare")
            return self.tr("Fare clic per ordinare")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.worker_row(index.row())
        if row is None:
            return self.tr("(eliminato)") if index.column() == 0 else ""
        column = index.column()
        if column == 0:
            return row.surname
        if column == 1:
            return row.name
        if column == 2:
            return row.codice_fiscale
        if column == 3:
            return format_date(row.birth_date)
        if column == 4:
            return row.residence_comune or ""
        if column == 5:
            return row.phone or ""
        if column == 6:
            return label(FileStatus, row.status)
        return row.operator_name or ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
