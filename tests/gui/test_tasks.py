"""Background tasks that outlive the widget that started them."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget

from sportello.gui import tasks
from sportello.gui.tasks import Task, start_kept, wait_for_kept_tasks

pytestmark = pytest.mark.gui


def test_a_kept_task_ends_after_its_widget_is_closed_and_is_released(qtbot) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    results: list[object] = []
    owner = QWidget()

    def job(_progress: object) -> str:
        gate.wait(5)
        return "letto"

    task = Task(job)
    task.succeeded.connect(results.append)
    start_kept(task)
    owner.close()
    owner.deleteLater()
    del owner
    assert task in tasks._keeper[0].tasks  # nobody else holds it: the keeper does
    with qtbot.waitSignal(task.finished, timeout=5000):
        gate.set()
    qtbot.waitUntil(lambda: not tasks._keeper[0].tasks)  # released on the GUI thread
    assert results == ["letto"]
    wait_for_kept_tasks()  # nothing left: returns at once
