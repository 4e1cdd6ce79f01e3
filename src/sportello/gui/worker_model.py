"""Table model over the workers: rows arrive a page at a time, as the view scrolls.

The view asks ``canFetchMore``/``fetchMore`` when it reaches the end of what it has;
each call reads one page with a keyset query, so opening the list of 100,000
workers costs one page, not the whole table.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from sportello.core.bootstrap import Context
from sportello.gui import queries
from sportello.gui.queries import WorkerRow

PAGE_SIZE = 200

Index = QModelIndex | QPersistentModelIndex

_COLUMNS = (
    QT_TRANSLATE_NOOP("WorkerListModel", "Cognome"),
    QT_TRANSLATE_NOOP("WorkerListModel", "Nome"),
    QT_TRANSLATE_NOOP("WorkerListModel", "Codice fiscale"),
    QT_TRANSLATE_NOOP("WorkerListModel", "Comune di residenza"),
    QT_TRANSLATE_NOOP("WorkerListModel", "Stato"),
)
_STATUS = {
    "aperto": QT_TRANSLATE_NOOP("WorkerListModel", "Aperto"),
    "sospeso": QT_TRANSLATE_NOOP("WorkerListModel", "Sospeso"),
    "chiuso": QT_TRANSLATE_NOOP("WorkerListModel", "Chiuso"),
}

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the worker's id, for the views that open a file

def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkerListModel", text)


class WorkerListModel(QAbstractTableModel):
    def __init__(
        self, ctx: Context, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._page_size = page_size
        self._rows: list[WorkerRow] = []
        self._exhausted = False
        self._headers = [_tr(c) for c in _COLUMNS]
        self._status = {k: _tr(v) for k, v in _STATUS.items()}

    # ------------------------------------------------------------------ paging

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1] if self._rows else None
        page = queries.workers_after(self._ctx, after, self._page_size)
        if len(page) < self._page_size:
            self._exhausted = True
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def reload(self) -> None:
        """Forget the loaded rows; the view fetches the first page again."""
        self.beginResetModel()
        self._rows.clear()
        self._exhausted = False
        self.endResetModel()

    @property
    def loaded(self) -> int:
        return len(self._rows)

    # ------------------------------------------------------------------ table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.surname
            if column == 1:
                return row.name
            if column == 2:
                return row.codice_fiscale
            if column == 3:
                return row.residence_comune or ""
            return self._status.get(row.status, row.status)
        if role == ID_ROLE:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
