"""A table model over plain rows (dataclasses) with paging, and the read-only table view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200



@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    colour: Callable[[Any], str | None] | None = None
    value: Callable[[Any], object] | None = None  # for delegates (e.g. a progress fraction)


class RowsModel(QAbstractTableModel):
    """Plain rows (dataclasses) in columns. With ``fetch`` it pages: the view asks for more
    as it scrolls, and each page is one SQL query with OFFSET/LIMIT."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        id_of: Callable[[Any], int] = lambda row: row.id,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._id_of = id_of
        self._fetch: Callable[[int, int], list[Any]] | None = None
        self._exhausted = True
        self.page_size = PAGE_SIZE

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._fetch, self._exhausted = None, True
        self.endResetModel()

    def set_pager(self, fetch: Callable[[int, int], list[Any]],
                  first: list[Any] | None = None) -> None:
        """Forget the rows; read the first page now (or show ``first``, that page read off
        the UI thread), the next ones as the view scrolls."""
        self.beginResetModel()
        self.rows = list(first) if first is not None else []
        self._fetch = fetch
        self._exhausted = first is not None and len(first) < self.page_size
        self.endResetModel()
        if first is None:
            self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        page = self._fetch(len(self.rows), self.page_size)
        if len(page) < self.page_size:
            self._exhausted = True
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def row(self, index: int) -> Any:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def find(self, row_id: int) -> int:
        for i, row in enumerate(self.rows):
            if self._id_of(row) == row_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = self.columns[section].align_right
            return int(
                (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return self._id_of(row)
        if role == SORT_ROLE and column.value is not None:
            return column.value(row)
        return None


def make_table(
    model: QAbstractTableModel, name: str, widths: Sequence[int] = (), stretch: int | None = None
) -> QTableView:
    """A read-only list of rows. ``widths`` in column order; the ``stretch`` column (else
    the last) takes the width left, so that the table fits without a horizontal scroll."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = table.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    horizontal = table.horizontalHeader()
    horizontal.setHighlightSections(False)
    horizontal.setDefaultSectionSize(80)
    horizontal.setMinimumSectionSize(36)
    horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    if stretch is None:
        horizontal.setStretchLastSection(True)
    else:
        horizontal.setStretchLastSection(False)
        horizontal.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def shown_texts(table: QTableView) -> list[list[str]]:
    """What a table over a ``RowsModel`` shows, row by row (for tests and checks)."""
    model = table.model()
    assert isinstance(model, RowsModel)
    return [[c.text(r) for c in model.columns] for r in model.rows]


def selected_row(table: QTableView) -> Any:
    """The row object selected in a table over a ``RowsModel`` (None if nothing is)."""
    model = table.model()
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not rows or not isinstance(model, RowsModel):
        return None
    return model.row(rows[0].row())


def select_id(table: QTableView, row_id: int | None) -> bool:
    model = table.model()
    if row_id is None or not isinstance(model, RowsModel):
        return False
    index = model.find(row_id)
    if index < 0:
        return False
    table.selectRow(index)
    table.scrollTo(model.index(index, 0))
    return True


class ProgressDelegate(QStyledItemDelegate):
    """Paints the column's ``value`` (0..1) as a slim bar under its text (orange when nearly
    full), in the palette's colours."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        fraction = index.data(SORT_ROLE)
        if fraction is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else QApplication.style()
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        fraction = max(0.0, min(1.0, float(fraction)))
        area = option.rect.adjusted(6, 5, -6, -5)
        track = QRect(area.left(), area.top(), area.width(), area.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(option.palette.color(QPalette.ColorRole.Midlight))
        painter.drawRoundedRect(track, 3, 3)
        fill = (
            QColor("#c2410c")
            if fraction >= 0.95
            else option.palette.color(QPalette.ColorRole.Highlight)
        )
        fill.setAlpha(120)
        painter.setBrush(fill)
        if fraction > 0:
            painter.drawRoundedRect(
                QRect(
                    track.left(),
                    track.top(),
                    max(3, round(track.width() * fraction)),
                    track.height(),
                ),
                3,
                3,
            )
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            track,
            int(Qt.AlignmentFlag.AlignCenter),
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        )
        painter.restore()
