"""The operations runner: service calls off the UI thread, results back on it.

The first test is the one the runner exists for: another connection holds the SQLite write
lock, the clerk opens a file, and the window keeps working while the opening (an audited
write) waits for the lock.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import func, select
from waiting import settle

from sportello.core import codice_fiscale as cf
from sportello.core import db
from sportello.core.errors import ValidationError
from sportello.core.models import AuditLog
from sportello.core.services import workers
from sportello.gui import changes, ops
from sportello.gui.areas.workers import WorkersArea

pytestmark = pytest.mark.gui


class WriteLock:
    """Another connection (in a thread of its own) holds the write lock until released."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.taken = threading.Event()
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        con = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE office SET name = name")
            self.taken.set()
            self.release.wait(10)  # never longer, whatever the test does
            con.execute("COMMIT")
        finally:
            con.close()

    def __enter__(self) -> WriteLock:
        self.thread.start()
        assert self.taken.wait(10)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self.thread.join(15)


def test_opening_a_file_while_another_connection_writes_leaves_the_window_working(
        qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=cf.encode("Rossi", "Niccolò", "M", dt.date(1978, 4, 3), "A479"),
        surname="Rossi", name="Niccolò"))
    area = WorkersArea(office_ctx)
    qtbot.addWidget(area)
    area.resize(1000, 600)
    area.show()
    qtbot.waitUntil(lambda: area.model.rowCount() == 1)
    settle(qtbot)
    area.table.setFocus()
    area.table.selectRow(0)
    ticks: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()

    with WriteLock(str(db.sqlite_path(office_ctx.engine))) as lock:
        qtbot.keyClick(area.table, Qt.Key.Key_Return)  # open: an audited write, it must wait
        assert area.open_windows() == []  # not opened yet: the lock is held
        assert area.opening(worker_id)
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 10)  # the event loop keeps running
        qtbot.keyClicks(area.search_box, "ros")  # and the window answers the clerk
        assert area.search_box.text() == "ros"
        assert QApplication.overrideCursor() is not None  # busy, not frozen
        assert QApplication.overrideCursor().shape() == Qt.CursorShape.BusyCursor
        qtbot.keyClick(area.table, Qt.Key.Key_Return)  # impatient: Enter again
        assert area.open_windows() == [] and area.opening(worker_id)
        lock.release.set()
        qtbot.waitUntil(lambda: len(area.open_windows()) == 1, timeout=10_000)

    settle(qtbot)
    opened = area.open_windows()
    assert [w.worker_id for w in opened] == [worker_id]  # one window, not two
    assert opened[0].fields.value("surname") == "Rossi"
    assert QApplication.overrideCursor() is None
    with office_ctx.read() as s:  # the opening was recorded once
        assert s.scalar(select(func.count(AuditLog.id)).where(
            AuditLog.action == "open", AuditLog.entity_id == worker_id)) == 1
    heartbeat.stop()


def test_writes_run_one_at_a_time_in_the_order_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    inside = threading.Semaphore(1)
    gate = threading.Event()

    def job(name: str) -> str:
        assert inside.acquire(blocking=False), "two writes at once"
        try:
            if name == "first":
                gate.wait(5)
            order.append(name)
            return name
        finally:
            inside.release()

    done: list[str] = []
    for name in ("first", "second", "third"):
        ops.write(None, lambda name=name: job(name), done=done.append)
    gate.set()
    qtbot.waitUntil(lambda: len(done) == 3)
    assert order == done == ["first", "second", "third"]


def test_only_the_newest_read_of_a_key_is_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    started = threading.Semaphore(0)
    ran: list[int] = []
    shown: list[int] = []

    def busy() -> None:  # the lane is busy while the clerk types on
        started.release()
        gate.wait(5)

    def read(n: int) -> int:
        ran.append(n)
        return n

    for _thread in range(ops.LANE_THREADS[ops.READ]):  # every thread of the lane busy
        ops.read(None, busy)
    for _thread in range(ops.LANE_THREADS[ops.READ]):
        assert started.acquire(timeout=5)
    for n in range(4):
        ops.read(None, lambda n=n: read(n), done=shown.append, key="search")
    gate.set()
    settle(qtbot)
    assert shown == [3]
    assert ran == [3]  # 0, 1 and 2 were still queued when 3 came: never run


def test_a_refusal_comes_back_as_the_services_message(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: told.append(text))
    owner = QWidget()
    qtbot.addWidget(owner)
    button = QWidget(owner)

    def refuse() -> None:
        raise ValidationError("Il CAP deve avere 5 cifre.")

    op = ops.write(owner, refuse, busy=[button])
    assert not button.isEnabled()  # no second submit while it runs
    assert op.wait(5)
    settle(qtbot)
    assert told == ["Il CAP deve avere 5 cifre."]
    assert button.isEnabled()


def test_a_write_announces_what_changed_even_when_its_window_is_gone(qtbot) -> None:  # type: ignore[no-untyped-def]
    heard: list[frozenset[str]] = []

    class Listener(QObject):
        def hear(self, kinds: object, _source: object) -> None:
            heard.append(kinds)  # type: ignore[arg-type]

    listener = Listener()
    changes.hub().changed.connect(listener.hear)
    gate = threading.Event()
    answered: list[object] = []
    owner = QWidget()
    ops.write(owner, lambda: gate.wait(5), done=answered.append, changes=(changes.WORKERS,))
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    gate.set()
    settle(qtbot)
    assert heard == [frozenset({changes.WORKERS})]
    assert answered == []  # nobody to answer: the window is gone


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
