"""Where a widget can send the clerk without importing the window that goes there.

The agenda, the path areas and the Scadenze panel offer "Apri fascicolo", but the worker's
file window sits above them (it imports their dialogs), so they cannot import it. The
shell registers each destination once at start-up (``sportello.gui.routes.install``, run
by the main window) and the widgets look it up here: no import upwards and no module
named in a string. A destination that is not registered (a widget shown on its own)
leads nowhere: ``open_worker_file`` answers False (the agenda then hides its button).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sportello.core.context import Context

# open_worker_file(ctx, worker_id, parent): open (or raise) a worker's file window
WORKER_FILE = "worker_file"

ROUTES: dict[str, Callable[..., object]] = {}


def register(name: str, handler: Callable[..., object]) -> None:
    """Make ``name`` lead to ``handler`` (registering again replaces the handler)."""
    ROUTES[name] = handler


def available(name: str) -> bool:
    return name in ROUTES


def open_worker_file(ctx: Context, worker_id: int, parent: QWidget | None = None) -> bool:
    """Open the worker's file window; False when no file window is registered."""
    opener = ROUTES.get(WORKER_FILE)
    if opener is None:
        return False
    opener(ctx, worker_id, parent)
    return True
