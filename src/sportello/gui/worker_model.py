"""Table model over the worker list: the ids of a search, row contents loaded lazily.

As in Anki's browser table: a search (``workers.list_ids``: search, filters and sort
all in SQL) gives the ids of every matching file in display order, so ``rowCount`` is
right at once and the scroll bar is true. The contents of a row are read only when the
view asks for it, a page of ``PAGE_SIZE`` rows at a time (``workers.rows``), and the
pages read are kept in a small cache. A new search or sort replaces the ids and forgets
the pages. There is no proxy model: sorting is a new ``list_ids`` in another order.

Nothing is read on the UI thread: a search runs on the read lane of the operations runner
(``gui.ops``) together with the pages the list will show first (the first one, and after a
refresh those being looked at), and ``searched`` is emitted when they are in; only the
newest search counts while the clerk types. A page asked for by the view afterwards
(scrolling) is read there too: its rows show empty for the moment it takes, then fill in.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable

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
from sportello.gui import ops
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
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkerListModel", text)


class WorkerListModel(QAbstractTableModel):
    searched = Signal()  # the ids were replaced (a new search, filter or sort)
    search_failed = Signal(str)  # the search was refused or failed: the message

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
        self._searching = 0  # searches asked for whose result is not in yet
        self._then: list[Callable[[], None]] = []  # to run once the newest search is in
        self._generation = 0  # bumped by every new list of ids: older page reads are dropped
        self._pages_asked: set[int] = set()  # pages being read for the current ids

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

    @property
    def searching(self) -> bool:
        """A search was asked for and its result is not in yet."""
        return self._searching > 0

    def search(self, flt: ListFilter, then: Callable[[], None] | None = None, *,
               keep_pages: bool = False) -> None:
        """Run ``flt`` in the current order (the service searches, filters and sorts);
        ``then`` runs once the result is shown. ``keep_pages``: the data changed, not the
        search: read the pages being looked at with it (as ``refresh``)."""
        self._filter = dataclasses.replace(flt)
        if keep_pages:
            self.refresh(then)
        else:
            self._run(then, [0])

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Run the current search again (after a save, a merge, a new file); the pages
        being looked at are read with it, so the rows do not blink."""
        self._run(then, sorted({0, *list(self._pages)[-2:]}))

    def _run(self, then: Callable[[], None] | None, looked_at: list[int]) -> None:
        """The search on the read lane, with the pages ``looked_at`` of its result."""
        ctx, flt, key, descending = self._ctx, self._filter, self._sort_key, self._descending
        size = self._page_size

        def job() -> tuple[list[int], dict[int, dict[int, WorkerRow]]]:
            ids = workers.list_ids(ctx, flt, key, descending)
            pages = {}
            for page in looked_at:
                chunk = ids[page * size:(page + 1) * size]
                if chunk:
                    pages[page] = {r.id: r for r in workers.rows(ctx, chunk)}
            return ids, pages

        if then is not None:
            self._then.append(then)
        self._searching += 1
        ops.read(self, job, done=self._searched, failed=self._search_failed,
                 key=(self, "search"))

    def when_searched(self, then: Callable[[], None]) -> None:
        """Run ``then`` now, or once the search under way is in."""
        if self._searching:
            self._then.append(then)
        else:
            then()

    def _searched(self, result: tuple[list[int], dict[int, dict[int, WorkerRow]]]) -> None:
        self._searching = 0  # only the newest result arrives: the older ones were dropped
        ids, pages = result
        self._set_ids(ids, pages)
        self._run_then()

    def _search_failed(self, exc: BaseException) -> None:
        self._searching = 0
        self._then.clear()
        self.search_failed.emit(ops.message_for(exc))

    def _run_then(self) -> None:
        waiting, self._then = self._then, []
        for callback in waiting:
            callback()

    def set_order(self, key: str, descending: bool, *, refresh: bool = True,
                  then: Callable[[], None] | None = None) -> None:
        """Sort by ``key`` (a ``workers.SORT_COLUMNS`` key) and search again."""
        if key not in workers.SORT_COLUMNS:
            raise ValueError(key)
        self._sort_key, self._descending = key, descending
        if refresh:
            self._run(then, [0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
             then: Callable[[], None] | None = None) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        self.set_order(key, order == Qt.SortOrder.DescendingOrder, then=then)

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(SORT_KEYS) and SORT_KEYS[column] is not None

    def sort_column(self) -> int:
        return SORT_KEYS.index(self._sort_key) if self._sort_key in SORT_KEYS else -1

    def _set_ids(self, ids: list[int], pages: dict[int, dict[int, WorkerRow]]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._generation += 1
        self._pages_asked.clear()
        self._pages.clear()
        self._pages.update(pages)
        self.pages_read = len(pages)
        self.endResetModel()
        self.searched.emit()

    def forget_rows(self) -> None:
        """Read the shown rows again when next painted (their contents changed)."""
        self._pages.clear()
        self._generation += 1
        self._pages_asked.clear()
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
        """The contents of ``row`` if its page is in; else None, and the page is asked for
        on the read lane (``dataChanged`` says when its rows are in)."""
        page = row // self._page_size
        rows = self._pages.get(page)
        if rows is None:
            self._ask_page(page)
            return None
        self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    def row_loaded(self, row: int) -> bool:
        """Whether the contents of ``row`` are in (a row deleted since the search counts)."""
        return (row // self._page_size) in self._pages

    def _ask_page(self, page: int) -> None:
        if page in self._pages_asked:
            return
        self._pages_asked.add(page)
        start = page * self._page_size
        chunk = self._ids[start:start + self._page_size]
        ctx, generation = self._ctx, self._generation
        ops.read(self, lambda: {r.id: r for r in workers.rows(ctx, chunk)},
                 done=lambda rows: self._page_read(generation, page, rows),
                 failed=lambda exc: self._page_failed(generation, page, exc))

    def _page_read(self, generation: int, page: int, rows: dict[int, WorkerRow]) -> None:
        if generation != self._generation:
            return  # the ids changed meanwhile: the page is asked for again if shown
        self._pages_asked.discard(page)
        self.pages_read += 1
        self._pages[page] = rows
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        first = page * self._page_size
        last = min(first + self._page_size, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._pages_asked.discard(page)
            self.search_failed.emit(ops.message_for(exc))

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
        # Called for every cell painted: the Qt constants are read from module globals
        # (``_DISPLAY``...), not looked up on Qt's enum types at each call.
        if role != _DISPLAY and role != ID_ROLE:
            return None
        at = index.row()
        if at < 0 or at >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[at]
        row = self.worker_row(at)
        column = index.column()
        if row is None:
            loaded = self.row_loaded(at)
            return self.tr("(eliminato)") if loaded and column == 0 else ""
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
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS
