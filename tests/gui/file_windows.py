"""Worker file windows opened by tests; ``conftest`` closes those a test left open."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QApplication

from sportello.gui.worker_file.window import WorkerFileWindow

_opened: list[WorkerFileWindow] = []


def open_window(qtbot, ctx, worker_id=None, size=None) -> WorkerFileWindow:  # type: ignore[no-untyped-def]
    window = WorkerFileWindow(ctx, worker_id)
    _opened.append(window)
    if size is not None:
        window.resize(*size)
    window.show()
    window.activateWindow()  # window shortcuts (Ctrl+S, Esc) need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def close_all() -> None:
    """File windows delete themselves when closed; close those still open."""
    for window in _opened:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    _opened.clear()
