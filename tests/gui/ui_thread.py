"""The guard of issue 13: no database write from the GUI on the UI thread.

Every GUI test runs with ``db.write_session`` watched (``conftest._no_write_on_ui_thread``):
a write session opened on the main thread from code of ``sportello.gui`` fails the test,
unless the innermost GUI function is one of the places listed below, which still write on
the UI thread and wait for their turn (each with the reason). A form dialog's OK (every
``FormDialog``), opening and saving a file, the import and the other long tasks go through
``gui.ops`` and are not listed: a change that brings one of them back on the UI thread fails.
"""

from __future__ import annotations

import threading
import traceback

NOT_YET = "not moved to gui.ops yet (issue 13, the writes outside the form dialogs)"
LETTERS = "gui/letters.py is being rewritten in another branch"
MODAL = ("modal dialog that still calls its service on the UI thread (login, logout, first run, "
         "restore of a damaged copy): to move, it may stay modal")

# (module path under src/sportello/gui, function) -> why it may still write on the UI thread
ALLOWED_UI_WRITES: dict[tuple[str, str], str] = {
    ("admin/backups_tab.py", "restore"): NOT_YET,
    ("admin/privacy_tab.py", "access_request"): NOT_YET,
    ("app.py", "_restore_copy"): MODAL,
    ("dialogs/audit_viewer.py", "<lambda>"): NOT_YET,  # reading the log is audited
    ("dialogs/audit_viewer.py", "apply"): NOT_YET,
    ("dialogs/login.py", "accept"): MODAL,
    ("first_run.py", "accept"): MODAL,
    ("letters.py", "issue"): LETTERS,
    ("letters.py", "preview"): LETTERS,
    ("letters.py", "reprint"): LETTERS,
    ("session.py", "log_out"): MODAL,
}

GUI = "/sportello/gui/"


def ui_write_site() -> tuple[str, str, str] | None:
    """When called on the main thread from GUI code: (module, function, call chain) of the
    innermost GUI frame; else None."""
    if threading.current_thread() is not threading.main_thread():
        return None
    frames = [f for f in traceback.extract_stack(limit=40) if GUI in f.filename]
    if not frames:
        return None
    inner = frames[-1]
    chain = " < ".join(f"{f.filename.split(GUI)[-1]}:{f.lineno}:{f.name}"
                       for f in reversed(frames[-4:]))
    return inner.filename.split(GUI)[-1], inner.name, chain


class Recorder:
    """Wraps ``db.write_session``: the UI-thread writes not allowed above, with their chain."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def wrap(self, original):  # type: ignore[no-untyped-def]
        def write_session(*args, **kwargs):  # type: ignore[no-untyped-def]
            site = ui_write_site()
            if site is not None and (site[0], site[1]) not in ALLOWED_UI_WRITES:
                self.seen.append(site[2])
            return original(*args, **kwargs)
        return write_session
