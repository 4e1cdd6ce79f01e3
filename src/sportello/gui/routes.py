"""The destinations of the navigation registry (``shared.navigation``), registered by the
main window when it is built.

They live here, above the areas and the file window, because they may import both; the
windows are imported when a destination is first used, so building the main window stays
as light as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sportello.gui.shared import navigation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sportello.core.context import Context
    from sportello.gui.worker_file.window import WorkerFileWindow


def open_worker_file(ctx: Context, worker_id: int, parent: QWidget | None = None
                     ) -> WorkerFileWindow | bool:
    """Open (or raise) a worker's file window from anywhere: the agenda, the deadlines...

    Inside the main window the Lavoratori area opens it, so that it is tracked like the
    files opened from the list (one window per file, closed with the main window). The file
    is read off the UI thread (``gui.ops``): the window shows when it is read. Returns the
    window when it was open already, else True (it is on its way).
    """
    from sportello.gui.areas.workers import WorkersArea
    from sportello.gui.worker_file.window import open_file_window

    top = parent.window() if parent is not None else None
    area = top if isinstance(top, WorkersArea) else (
        top.findChild(WorkersArea) if top is not None else None)
    if area is not None:
        return area.open_file(worker_id) or True
    open_file_window(parent or top, ctx, worker_id, top)  # type: ignore[arg-type]
    return True


def install() -> None:
    """Register every destination (idempotent)."""
    navigation.register(navigation.WORKER_FILE, open_worker_file)
