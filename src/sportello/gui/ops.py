"""The operations runner: service calls off the UI thread (the idea of Anki's ``CollectionOp``
and ``QueryOp``: the call is a job, the result comes back to the window as a callback).

Why: on SQLite a write waits for the database's one write lock. Made on the UI thread, it
froze every window for as long as someone else wrote: opening a file (an audited write) took
3,038 ms while another process held a write for 3 s, against 12 ms for a plain read.

Two lanes, each a plain Python thread fed by a queue:

- ``write(owner, job, ...)``: the **write lane**, one thread, so writing calls run one at a
  time in the order the clerk asked for them (two saves never race; a file opened after an
  import is started opens after it). Long work with progress and cancel (``gui.tasks.Task``:
  import, anonymisation, demo data, backups) runs on this lane too.
- ``read(owner, job, ...)``: the **read lane**, a thread of its own, so a search is never
  stuck behind a write that waits for the lock (under SQLite WAL a reader never waits for a
  writer; on PostgreSQL neither). With ``key`` only the newest read of that key counts: an
  older one still queued is skipped and a stale result is dropped (search as you type).
  One thread is enough (a second one kept its own SQLite connection and cache: +6 MB
  resident on 100,000 files); at start-up the Scadenze wait for the list's first page.

Results come back on the UI thread, in order: ``done(result)``, or ``failed(exc)``. Without
``failed`` a refusal (``SportelloError``) is shown in a warning box with the service's own
Italian message, and anything else as "Errore imprevisto" with the trace on stderr. If
``owner`` (a QObject) is deleted before then, neither is called. ``changes`` names the kinds
of data a write changes (``gui.changes``): once it succeeded they are announced, even when the
window that asked is gone. ``busy`` widgets are disabled until the result is back (no double
submit); while a write is pending the application shows the busy cursor. The UI keeps
running meanwhile: windows repaint, move, and other work can be asked for.

A job touches no widget and opens its own sessions (through the services, which do).
"""

from __future__ import annotations

import queue
import threading
import traceback
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sportello.core.errors import SportelloError
from sportello.gui import changes as _changes

WRITE = "write"
READ = "read"
LANE_THREADS = {WRITE: 1, READ: 1}

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def message_for(exc: BaseException) -> str:
    """What the clerk reads for a failed job: the service's message, or "Errore imprevisto"."""
    if isinstance(exc, SportelloError):
        return str(exc)
    return QCoreApplication.translate("Task", "Errore imprevisto: {error}").format(error=exc)


class Op:
    """One job on a lane, with what to do on the UI thread when it ends."""

    def __init__(self, lane: str, job: Callable[[], Any], owner: QObject | None,
                 done: Done | None, failed: Failed | None, changes: Iterable[str],
                 busy: Iterable[QWidget], key: Hashable | None, cursor: bool) -> None:
        self.lane = lane
        self.job = job
        self.owner = owner
        self.done = done
        self.failed = failed
        self.changes = tuple(changes)
        self.busy = [w for w in busy if w is not None]
        self.key = key
        self.cursor = cursor
        self.ended = threading.Event()  # the job returned or raised (set on the lane)
        self.skipped = False  # a newer read of the same key made it pointless

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the job has ended on its lane (its result is delivered later)."""
        return self.ended.wait(timeout)


class _Runner(QObject):
    """The lanes and the way back to the UI thread (lives in the UI thread)."""

    _deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._queues = {WRITE: queue.Queue(), READ: queue.Queue()}
        self._latest: dict[Hashable, Op] = {}
        self._outstanding = 0  # submitted, result not yet delivered
        self._running = {WRITE: 0, READ: 0}  # submitted, job not yet ended
        self._lock = threading.Condition()
        self._cursor_ops = 0
        self._busy: dict[QWidget, int] = {}  # widgets disabled, by how many pending jobs
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        for lane, threads in LANE_THREADS.items():
            for n in range(threads):
                threading.Thread(target=self._loop, args=(self._queues[lane],),
                                 name=f"sportello-{lane}-{n}", daemon=True).start()

    # ---------------------------------------------------------------- UI thread

    def forget(self, key: Hashable) -> None:
        self._latest.pop(key, None)

    def submit(self, op: Op) -> Op:
        if op.key is not None:
            self._latest[op.key] = op
        for widget in op.busy:
            self._busy[widget] = self._busy.get(widget, 0) + 1
            widget.setEnabled(False)
        if op.cursor:
            self._cursor_ops += 1
            if self._cursor_ops == 1:
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        with self._lock:
            self._outstanding += 1
            self._running[op.lane] += 1
        self._queues[op.lane].put(op)
        return op

    def call_soon(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` on the UI thread (from any thread): a Task's progress."""
        self._deliver.emit(callback)

    @Slot(object)
    def _on_deliver(self, item: object) -> None:
        if not isinstance(item, tuple):
            item()  # type: ignore[operator]  # call_soon
            return
        op, ok, value = item
        with self._lock:
            self._outstanding -= 1
            self._lock.notify_all()
        if op.cursor:
            self._cursor_ops -= 1
            if self._cursor_ops == 0:
                QApplication.restoreOverrideCursor()
        for widget in op.busy:
            left = self._busy.pop(widget, 1) - 1
            if left > 0:
                self._busy[widget] = left  # another pending job still holds it
            elif shiboken6.isValid(widget):
                widget.setEnabled(True)
        stale = op.skipped or (op.key is not None and self._latest.get(op.key) is not op)
        if op.key is not None and self._latest.get(op.key) is op:
            del self._latest[op.key]
        if stale:
            return
        alive = op.owner is None or shiboken6.isValid(op.owner)
        if ok and op.changes:
            _changes.announce(*op.changes, source=op.owner if alive else None)
        if ok:
            if alive and op.done is not None:
                op.done(value)
        elif alive and op.failed is not None:
            op.failed(value)
        elif alive or op.lane == WRITE:  # a write that failed is said even if its window is gone
            show_failure(op.owner if alive else None, value)

    # ---------------------------------------------------------------- lanes

    def _loop(self, q: queue.Queue) -> None:
        while True:
            op: Op = q.get()
            stale = op.key is not None and self._latest.get(op.key) is not op
            if stale:
                op.skipped = True
                ok, value = True, None
            else:
                try:
                    ok, value = True, op.job()
                except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
                    if not isinstance(exc, SportelloError):
                        traceback.print_exc()
                    ok, value = False, exc
            op.job = _ended  # drop what the job held (sessions, rows)
            with self._lock:
                self._running[op.lane] -= 1
                self._lock.notify_all()
            op.ended.set()
            self._deliver.emit((op, ok, value))

    def wait_idle(self, timeout: float | None = None, lanes: Iterable[str] = (WRITE, READ)
                  ) -> bool:
        """Block until every job submitted so far on ``lanes`` has ended."""
        lanes = tuple(lanes)
        with self._lock:
            return self._lock.wait_for(
                lambda: not any(self._running[lane] for lane in lanes), timeout)

    @property
    def idle(self) -> bool:
        """No job pending and no result waiting to be handled."""
        with self._lock:
            return self._outstanding == 0


def _ended() -> None:
    raise RuntimeError("job already run")


_runner: list[_Runner] = []


def runner() -> _Runner:
    """The one runner of the application (made on first use, in the UI thread)."""
    if not _runner:
        made = _Runner()
        app = QCoreApplication.instance()
        if app is not None:
            made.setParent(app)
            # a write still in flight (a save) ends before the database is closed
            app.aboutToQuit.connect(lambda: made.wait_idle(60, lanes=(WRITE,)))
        _runner.append(made)
    return _runner[0]


def write(owner: QObject | None, job: Callable[[], Any], *, done: Done | None = None,
          failed: Failed | None = None, changes: Iterable[str] = (),
          busy: Iterable[QWidget] = (), cursor: bool = True) -> Op:
    """Run ``job`` on the write lane (one at a time, in order); see the module notes."""
    return runner().submit(Op(WRITE, job, owner, done, failed, changes, busy, None, cursor))


def read(owner: QObject | None, job: Callable[[], Any], *, done: Done | None = None,
         failed: Failed | None = None, key: Hashable | None = None,
         busy: Iterable[QWidget] = (), cursor: bool = False) -> Op:
    """Run ``job`` on the read lane; with ``key`` only the newest read of that key counts."""
    return runner().submit(Op(READ, job, owner, done, failed, (), busy, key, cursor))


def forget(key: Hashable) -> None:
    """The reads of ``key`` asked so far are out of date: the view read the same data again
    itself, newer (on the UI thread, after a save). A read still queued is skipped and a
    result still to come is dropped, so an older list never replaces the newer one."""
    if _runner:
        runner().forget(key)


def wait_idle(timeout: float | None = None) -> bool:
    """Block until every job submitted so far has ended on its lane (the results are handled
    when the event loop runs next). For the end of the program and of a test."""
    return runner().wait_idle(timeout) if _runner else True


def idle() -> bool:
    """No job pending and no result waiting: what a test waits for (``qtbot.waitUntil``)."""
    return runner().idle if _runner else True


def show_failure(owner: QObject | None, exc: BaseException) -> None:
    """The default for a failed job: a warning box with the message, over ``owner``'s window."""
    parent = owner.window() if isinstance(owner, QWidget) else None
    QMessageBox.warning(parent, QCoreApplication.translate("ops", "Operazione non riuscita"),
                        message_for(exc))
