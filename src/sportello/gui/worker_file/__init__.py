"""A worker's file (fascicolo) in its own window: anagrafica, situation, diary, history.

``window.WorkerFileWindow`` is the window; ``binder`` ties form fields to widgets and
shows the services' messages next to the field they name; ``tabs`` builds the pages;
``dialogs`` holds the conflict, similar-people and merge dialogs; ``labels`` the texts
of the stored codes. Every rule is in the core services; this package only shows and asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sportello.core.bootstrap import Context
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
