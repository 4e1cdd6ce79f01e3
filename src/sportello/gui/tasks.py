"""Long work off the GUI thread, with progress and cancel (the Anki "operation" idea).

A ``Task`` runs ``job(progress)`` on a lane of the operations runner (``gui.ops``): by
default the write lane, the one thread where every writing service call runs in order;
``lane=ops.READ`` for a long read. The job gets a ``progress(done, total) -> bool`` callback
that returns False once the user asked to cancel; it must open its own sessions
(``ctx.write()`` / ``ctx.read()`` in the job) and never touch a widget. Progress, the result
and errors come back to the GUI thread as signals, then ``finished``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import isValid

from sportello.gui import ops

Progress = Callable[[int, int], bool]
Job = Callable[[Progress], Any]

_PROGRESS_INTERVAL = 0.05  # seconds between progress signals: the GUI need not see every row


class Task(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)  # a message for the clerk
    finished = Signal()  # after succeeded or failed

    def __init__(self, job: Job, parent: QObject | None = None, *, lane: str = ops.WRITE) -> None:
        super().__init__(parent)
        self._job = job
        self._lane = lane
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self._op: ops.Op | None = None

    def start(self) -> None:
        """Queue the job on its lane (it may wait there for the work asked before it)."""
        if self._op is not None:
            return
        job, progress = self._job, self._progress
        self._op = ops.runner().submit(ops.Op(
            self._lane, lambda: job(progress), self, self._succeeded, self._failed, (), (),
            None, False))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def isRunning(self) -> bool:  # noqa: N802 - the name QThread had
        """Started and not yet ended (queued counts: it will run)."""
        return self._op is not None and not self._op.ended.is_set()

    def isFinished(self) -> bool:  # noqa: N802
        """The job has ended (its result reaches the GUI thread when the event loop runs)."""
        return self._op is not None and self._op.ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended; True at once if it was never started."""
        return True if self._op is None else self._op.wait(timeout)

    def _progress(self, done: int, total: int) -> bool:  # on the lane
        now = time.monotonic()
        if done >= total or now - self._last_emit >= _PROGRESS_INTERVAL:
            self._last_emit = now
            ops.runner().call_soon(lambda: self._emit_progress(done, total))
        return not self._cancel.is_set()

    def _emit_progress(self, done: int, total: int) -> None:
        if isValid(self) and not self.isFinished():
            self.progressed.emit(done, total)

    def _succeeded(self, result: object) -> None:
        self.succeeded.emit(result)
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(ops.message_for(exc))
        self.finished.emit()


class _Keeper(QObject):
    """Keeps a task that no widget holds alive until it has ended (lives in the GUI thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.tasks: set[Task] = set()

    def keep(self, task: Task) -> None:
        self.tasks.add(task)
        task.finished.connect(self._release)

    @Slot()
    def _release(self) -> None:
        task = self.sender()
        if isinstance(task, Task) and task in self.tasks:
            self.tasks.discard(task)
            task.deleteLater()

    def wait_all(self) -> None:
        for task in list(self.tasks):
            task.wait()


_keeper: list[_Keeper] = []


def start_kept(task: Task) -> None:
    """Start ``task`` and hold it until it ends, even if whoever started it is closed."""
    if not _keeper:
        keeper = _Keeper()
        app = QCoreApplication.instance()
        if app is not None:
            keeper.setParent(app)
            app.aboutToQuit.connect(keeper.wait_all)
        _keeper.append(keeper)
    _keeper[0].keep(task)
    task.start()


def wait_for_kept_tasks() -> None:
    """Block until every task started with ``start_kept`` has ended."""
    if _keeper:
        _keeper[0].wait_all()


def progress_dialog(parent: QWidget, task: Task, title: str, label: str) -> QProgressDialog:
    """A window-modal progress dialog wired to ``task``: Annulla asks the task to stop."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setCancelButtonText(QCoreApplication.translate("Task", "Annulla"))
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setRange(0, 0)  # busy until the first progress report
    dialog.setMinimumWidth(420)

    def on_progress(done: int, total: int) -> None:
        if total > 0 and dialog.maximum() != total:
            dialog.setRange(0, total)
        dialog.setValue(min(done, total))

    def on_cancel() -> None:
        task.cancel()
        dialog.setLabelText(QCoreApplication.translate("Task", "Annullamento in corso…"))
        # stay visible until the job has really stopped; one cancel is enough
        for button in dialog.findChildren(QPushButton):
            button.setEnabled(False)
        dialog.show()

    task.progressed.connect(on_progress)
    dialog.canceled.connect(on_cancel)
    task.finished.connect(dialog.close)
    return dialog
