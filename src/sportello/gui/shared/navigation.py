"""Opening a worker's file from anywhere."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context


def open_worker_file(ctx: Context, worker_id: int, parent: QWidget | None = None) -> bool:
    """Open the worker's file window when the file windows are installed."""
    try:
        if importlib.util.find_spec("sportello.gui.worker_file") is None:
            return False
    except ImportError:
        return False
    opener = getattr(importlib.import_module("sportello.gui.worker_file"), "open_worker_file", None)
    if not callable(opener):
        return False
    opener(ctx, worker_id, parent)
    return True
