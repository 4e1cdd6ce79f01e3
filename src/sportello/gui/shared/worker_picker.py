"""Find a worker by name, CF or phone and pick one (the workers service's search)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import workers
from sportello.gui.kit.tables import ID_ROLE


class SearchKeys(QObject):
    """Keys of a search field above its result list: Enter takes the first result (instead
    of pressing the dialog's OK), Down moves into the list."""

    def __init__(self, edit: QLineEdit, results: QListWidget, run: Callable[[], None]) -> None:
        super().__init__(edit)
        self.results = results
        self.run = run
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.run()
            first = self.results.item(0)
            if first is not None and first.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(0)
                self.results.itemActivated.emit(first)
            return True
        if key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        return False


class WorkerPicker(QWidget):
    """Find a worker by name, CF or phone (the workers service's search), pick one."""

    changed = Signal(object)  # the worker id, or None
    LIMIT = 30

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.worker_id: int | None = None
        self.worker_text = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.search = QLineEdit()
        self.search.setObjectName("workerSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("WorkerPicker", "Cognome e nome, codice fiscale o telefono")
        )
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("workerResults")
        self.results.setMaximumHeight(self.fontMetrics().height() * 7)
        self.chosen = QLabel()
        self.chosen.setObjectName("workerChosen")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.search)
        column.addWidget(self.results)
        column.addWidget(self.chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentItemChanged.connect(self._picked)
        self._keys = SearchKeys(self.search, self.results, self.run_search)
        self.results.setVisible(False)  # until something is typed
        self._set(None, "")

    def run_search(self) -> None:
        self._timer.stop()
        text = self.search.text().strip()
        self.results.clear()
        self.results.setVisible(len(text) >= 2)
        if len(text) < 2:
            return
        ids = workers.list_ids(self.ctx, workers.ListFilter(text=text))[: self.LIMIT]
        for row in workers.rows(self.ctx, ids):
            place = f" — {row.residence_comune}" if row.residence_comune else ""
            closed = (
                QCoreApplication.translate("WorkerPicker", " (fascicolo chiuso)")
                if row.status == "chiuso"
                else ""
            )
            item = QListWidgetItem(
                f"{row.surname} {row.name} — {row.codice_fiscale}{place}{closed}"
            )
            item.setData(ID_ROLE, row.id)
            self.results.addItem(item)
        if self.results.count() == 0:
            item = QListWidgetItem(
                QCoreApplication.translate("WorkerPicker", "Nessun lavoratore trovato.")
            )
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(ID_ROLE) is None:
            return
        self._set(int(item.data(ID_ROLE)), item.text())

    def _set(self, worker_id: int | None, text: str) -> None:
        self.worker_id, self.worker_text = worker_id, text
        self.chosen.setText(
            QCoreApplication.translate("WorkerPicker", "Scelto: {worker}").format(worker=text)
            if worker_id is not None
            else QCoreApplication.translate("WorkerPicker", "Nessun lavoratore scelto.")
        )
        self.changed.emit(worker_id)

    def set_worker(self, worker_id: int, text: str) -> None:
        self._set(worker_id, text)

    def pick(self, text: str, index: int = 0) -> int | None:
        """Search ``text`` and choose the ``index``-th result (keyboard users and tests)."""
        self.search.setText(text)
        self.run_search()
        if index < self.results.count():
            self.results.setCurrentRow(index)
        return self.worker_id
