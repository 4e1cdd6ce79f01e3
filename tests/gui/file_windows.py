"""Worker file windows opened by tests; ``conftest`` closes those a test left open."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sportello.gui.worker_file.window import WorkerFileWindow, read_file

_opened: list[WorkerFileWindow] = []


def open_window(qtbot, ctx, worker_id=None, size=None) -> WorkerFileWindow:  # type: ignore[no-untyped-def]
    """The window of ``worker_id`` (a new file when None), read here as the list would: off
    the UI thread (the opening is an audited write)."""
    with ThreadPoolExecutor(1) as pool:
        data = pool.submit(read_file, ctx, worker_id).result()
    window = WorkerFileWindow(ctx, data)
    _opened.append(window)
    if size is not None:
        window.resize(*size)
    window.show()
    window.activateWindow()  # window shortcuts (Ctrl+S, Esc) need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def click_save(qtbot, window: WorkerFileWindow, timeout: int = 10_000) -> bool:  # type: ignore[no-untyped-def]
    """Click Salva and wait for the save to end (it runs off the UI thread): did it save?"""
    assert window.save_button.isEnabled(), "Salva is disabled"
    with qtbot.waitSignal(window.save_finished, timeout=timeout) as blocker:
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    return bool(blocker.args[0])


def close_all() -> None:
    """File windows delete themselves when closed; close those still open."""
    for window in _opened:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    _opened.clear()
