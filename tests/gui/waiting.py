"""Waiting for the operations runner (``gui.ops``): service calls run off the UI thread, so a
test waits for their results the way the clerk does, by letting the event loop run."""

from __future__ import annotations

from sportello.gui import ops


def settle(qtbot, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until every job asked of the runner so far has ended and its result is shown."""
    qtbot.waitUntil(ops.idle, timeout=timeout)


def press_ok(qtbot, dialog) -> bool:  # type: ignore[no-untyped-def]
    """Click a form dialog's OK as the clerk does and wait for its save to come back: True
    when the dialog closed accepted, False when it stayed open (the refusal is shown in it).
    The dialog may be gone afterwards (``show_dialog`` deletes it once closed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    ended: list[int] = []
    dialog.finished.connect(ended.append)
    button = dialog.ok_button()
    assert button.isVisible() and button.isEnabled(), f"{button.text()} not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    return ended == [QDialog.DialogCode.Accepted.value]


def closed(dialog) -> bool:  # type: ignore[no-untyped-def]
    """The dialog is gone from the screen (hidden, or deleted once closed)."""
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()
