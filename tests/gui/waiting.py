"""Waiting for the operations runner (``gui.ops``): service calls run off the UI thread, so a
test waits for their results the way the clerk does, by letting the event loop run."""

from __future__ import annotations

from sportello.gui import ops


def settle(qtbot, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until every job asked of the runner so far has ended and its result is shown."""
    qtbot.waitUntil(ops.idle, timeout=timeout)
