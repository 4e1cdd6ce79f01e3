"""Long work off the GUI thread, with progress and cancel (the Anki "operation" idea).

A ``Task`` runs ``job(progress)`` in its own thread. The job gets a ``progress(done,
total) -> bool`` callback that returns False once the user asked to cancel; it must
open its own sessions (``ctx.write()`` / ``ctx.read()`` in the job) and never touch a
widget. Results and errors come back to the GUI thread as signals.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from sportello.core.errors import SportelloError

Progress = Callable[[int, int], bool]
Job = Callable[[Progress], Any]

_PROGRESS_INTERVAL = 0.05  # seconds between progress signals: the GUI need not see every row


class Task(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)  # a message for the clerk

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._last_emit = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - self._last_emit >= _PROGRESS_INTERVAL:
            self._last_emit = now
            self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # in the worker thread: no widgets here
        try:
            result = self._job(self._progress)
        except SportelloError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug or a broken database: say so, keep the trace
            traceback.print_exc()
            self.failed.emit(
                QCoreApplication.translate("Task", "Errore imprevisto: {error}").format(
                    error=exc
                )
            )
        else:
            self.succeeded.emit(result)


class _Keeper(QObject):
    """Keeps a task that no widget waits for alive until its thread has ended.

    Lives in the GUI thread, so ``_release`` runs there (a queued call) and never
    races the worker thread; the application waits for the tasks still kept before
    it quits, so no thread reads a database that is being closed.
    """

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
