"""The base of a worker-file tab about one path (Percorsi, Lavoro e impresa, Voucher,
Patto, Lettere): buttons, a message line, tables, read when first shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.gui import ops
from sportello.gui.kit.forms import MessageBar
from sportello.gui.kit.tables import Column, RowsModel, make_table


class PathPage(QWidget):
    """A tab of the file about one path: buttons, a message line, tables.

    The content scrolls when the window is smaller than it (a 1024x600 screen), so a
    page with several lists never makes the file window taller than the screen.
    """

    changed = Signal()  # this page wrote something about the worker

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__()
        self.ctx = ctx
        self._worker = worker  # (id, "Surname Name") of the file shown, read when needed
        self.loaded = False
        content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.layout_ = QVBoxLayout(content)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.setSpacing(6)
        self.buttons = QHBoxLayout()
        self.layout_.addLayout(self.buttons)
        self.message = MessageBar(f"{self.objectName() or 'path'}Message")
        self.layout_.addWidget(self.message)

    @property
    def worker(self) -> tuple[int, str]:
        found = self._worker()
        assert found is not None, "the page is enabled only for a saved file"
        return found

    def button(self, name: str, text: str, tooltip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tooltip)
        button.clicked.connect(lambda: slot())  # not `checked` into the slot's argument
        self.buttons.addWidget(button)
        return button

    def table(self, columns: list[Column], name: str, widths: list[int],
              id_of: Callable[[Any], int] = lambda row: row.id) -> QTableView:
        model = RowsModel(columns, self, id_of)
        table = make_table(model, name, widths)
        table.selectionModel().selectionChanged.connect(self.update_buttons)
        return table

    def load(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def update_buttons(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def done(self, text: str) -> None:
        """After a write: read the page again, say what happened, tell the window."""
        self.load()
        self.message.show_info(text)
        self.changed.emit()

    def refused(self, exc: BaseException) -> None:
        self.message.show_error(ops.message_for(exc))

    def write(self, job: Callable[[], Any], text: str, busy: QWidget | None = None,
              failed: Callable[[BaseException], None] | None = None) -> ops.Op:
        """Run a writing service call on the runner's write lane, then ``done(text)``; a
        refusal is shown in the page's message line (``failed`` replaces that)."""
        return ops.write(self, job, done=lambda _result: self.done(text),
                         failed=failed or self.refused, busy=(busy,) if busy else ())
