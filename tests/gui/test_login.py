"""Login at start, the forced password change, logout, the idle lock."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from waiting import press_ok

from sportello.core.services import audit_log, operators
from sportello.core.services.operators import OperatorData, SecurityPolicy
from sportello.gui import app
from sportello.gui.dialogs.login import ChangePasswordDialog, LoginDialog
from sportello.gui.session import LockDialog

pytestmark = pytest.mark.gui


def when_modal(kind: type, action: Callable[[QWidget], None], seen: list | None = None) -> None:
    """Run ``action(dialog)`` once a ``kind`` dialog is the modal window (start() shows the
    main window and turns the event loop before it opens the database and the login)."""
    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal.isVisible():
            if seen is not None:
                seen.append(modal)
            action(modal)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_login(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def url_of(ctx) -> str:  # type: ignore[no-untyped-def]
    return ctx.engine.url.render_as_string(hide_password=False)


def started(qtbot, ctx) -> object:  # type: ignore[no-untyped-def]
    window = app.start(url_of(ctx), login=True)
    assert not isinstance(window, int), window
    return window


def close_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Close like the clerk does and let the automatic backup finish."""
    session = window.operator_session
    window.close()
    if session.backup_task is not None:
        qtbot.waitUntil(lambda: session.backup_task.isFinished(), timeout=20000)


def gone(window) -> bool:  # type: ignore[no-untyped-def]
    """A logged-out window is closed and deleted."""
    return not shiboken6.isValid(window) or not window.isVisible()


def operator_label(window) -> str:  # type: ignore[no-untyped-def]
    return window.operator_label.text()


@pytest.fixture
def fast_policy(office_ctx):  # type: ignore[no-untyped-def]
    """Two failures lock the account; no slow-down in between (tests need no sleeping)."""
    operators.set_policy(office_ctx, SecurityPolicy(max_failures=2, lock_minutes=15,
                                                    delay_seconds=0, max_delay_seconds=0))
    return office_ctx


def test_wrong_password_then_lockout_messages(qtbot, fast_policy) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(fast_policy.acting_as(None))
    qtbot.addWidget(dialog)
    dialog.show()
    type_login(qtbot, dialog, "admin", "sbagliata1")
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.message.text() == "Nome utente o password errati."
    assert dialog.password_edit.text() == ""  # cleared for the next try

    type_login(qtbot, dialog, "admin", "sbagliata2")  # the second failure locks
    type_login(qtbot, dialog, "admin", "prova1234")  # even the right password is refused
    assert dialog.actor is None
    assert "l'account è bloccato fino alle" in dialog.message.text()
    until = operators.local_time(operators.get_operator(fast_policy, 1).locked_until)
    assert f"{until:%H:%M}" in dialog.message.text()


def test_login_opens_the_window_for_that_operator(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    operators.create_operator(office_ctx, OperatorData("mario.rossi", "Mario Rossi",
                                                       "provvisoria1", "operatore"))
    ctx = office_ctx.acting_as(None)
    with ctx.write() as s:  # no forced change for this test
        from sqlalchemy import update

        from sportello.core.models import Operator
        s.execute(update(Operator).values(must_change_password=False))
    seen: list = []
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "Mario.Rossi ", "provvisoria1"), seen)
    window = started(qtbot, office_ctx)
    qtbot.addWidget(window)
    assert seen, "the login dialog was not shown"
    assert window.isVisible()
    assert operator_label(window) == "Operatore: Mario Rossi"
    page = audit_log.query(office_ctx, audit_log.AuditFilter(action="login"))
    assert [r.operator_username for r in page.rows] == ["mario.rossi"]
    close_window(qtbot, window)


def test_esci_at_login_ends_the_program(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    when_modal(LoginDialog, lambda d: d.reject())
    assert app.start(url_of(office_ctx), login=True) == app.EXIT_OK
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "mainWindow" and w.isVisible()]


def test_reset_password_must_be_changed_before_working(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    info = operators.create_operator(office_ctx, OperatorData("lucia", "Lucia Verdi",
                                                              "temporanea1", "responsabile"))
    assert info.must_change_password
    changes: list = []

    def change(dialog: ChangePasswordDialog) -> None:
        changes.append(dialog)
        qtbot.keyClicks(dialog.old_edit, "temporanea1")
        qtbot.keyClicks(dialog.new_edit, "corta")
        qtbot.keyClicks(dialog.confirm_edit, "corta")
        assert not press_ok(qtbot, dialog)
        # the service's rule shows at the field; the dialog stays
        changes.append(dialog.error_text("password"))
        for edit in (dialog.new_edit, dialog.confirm_edit):
            edit.clear()
            qtbot.keyClicks(edit, "mia-nuova-2026")
        qtbot.keyClick(dialog.confirm_edit, Qt.Key.Key_Return)

    when_modal(LoginDialog, lambda d: (
        type_login(qtbot, d, "lucia", "temporanea1"), when_modal(ChangePasswordDialog, change)))
    window = started(qtbot, office_ctx)
    qtbot.addWidget(window)
    assert changes and changes[1] == "La password deve avere almeno 8 caratteri."
    assert operator_label(window) == "Operatore: Lucia Verdi"
    assert not operators.get_operator(office_ctx, info.id).must_change_password
    # the new password works, the temporary one no longer does
    assert operators.authenticate(office_ctx, "lucia", "mia-nuova-2026").username == "lucia"
    with pytest.raises(operators.WrongCredentials):
        operators.authenticate(office_ctx, "lucia", "temporanea1")
    close_window(qtbot, window)


def test_change_password_from_the_file_menu(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "admin", "prova1234"))
    window = started(qtbot, office_ctx)
    qtbot.addWidget(window)
    window.change_password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.old_edit, "sbagliata9")
    qtbot.keyClicks(dialog.new_edit, "un-altra-2026")
    qtbot.keyClicks(dialog.confirm_edit, "un-altra-2026")
    assert not press_ok(qtbot, dialog)
    assert dialog.error_text("old_password") == "La password attuale non è corretta."
    dialog.old_edit.clear()
    qtbot.keyClicks(dialog.old_edit, "prova1234")
    assert press_ok(qtbot, dialog)  # closed: the password changed
    assert window.statusBar().currentMessage() == "Password cambiata."
    assert operators.authenticate(office_ctx, "admin", "un-altra-2026").username == "admin"
    close_window(qtbot, window)


def test_logout_returns_to_the_login_and_another_operator_works(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    operators.create_operator(office_ctx, OperatorData("mario.rossi", "Mario Rossi",
                                                       "provvisoria1", "operatore"))
    operators.change_password(office_ctx.acting_as(operators.authenticate(
        office_ctx, "mario.rossi", "provvisoria1")), "provvisoria1", "definitiva1")
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "admin", "prova1234"))
    window = started(qtbot, office_ctx)  # deleted at the logout: not given to qtbot
    session = window.operator_session
    seen: list = []
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "mario.rossi", "definitiva1"), seen)
    with qtbot.waitSignal(session.relogged, timeout=15000) as blocker:
        window.logout_action.trigger()
    new = blocker.args[0]
    qtbot.addWidget(new)
    assert seen and gone(window)
    assert new.isVisible() and operator_label(new) == "Operatore: Mario Rossi"
    page = audit_log.query(office_ctx, audit_log.AuditFilter(action="logout"))
    assert [r.operator_username for r in page.rows] == ["admin"]
    close_window(qtbot, new)


def test_idle_lock_covers_the_window_and_unlocks_with_the_password(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "admin", "prova1234"))
    window = started(qtbot, office_ctx)
    qtbot.addWidget(window)
    session = window.operator_session
    assert session.idle.active  # the office's idle minutes (10 by default) are counting
    session.idle.start(150)  # a tiny timeout for the test
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    lock = session.lock_dialog
    assert isinstance(lock, LockDialog) and lock.isVisible()
    cover = window.findChild(QWidget, "lockCover")
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()

    qtbot.keyClick(lock, Qt.Key.Key_Escape)  # Esc does not unlock
    assert lock.isVisible()
    qtbot.keyClicks(lock.password_edit, "sbagliata1")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: lock.message.text() == "Nome utente o password errati.")
    assert session.locked and cover.isVisible()
    QTimer.singleShot(0, lambda: None)
    qtbot.wait(1100)  # the core's slow-down after a failure (1 s)
    qtbot.keyClicks(lock.password_edit, "prova1234")
    qtbot.keyClick(lock.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.locked)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "lockCover") is None)
    assert session.idle.active  # counting again
    page = audit_log.query(office_ctx, audit_log.AuditFilter(action="unlock"))
    assert page.total == 1
    close_window(qtbot, window)


def test_typing_in_the_window_keeps_the_idle_lock_away(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "admin", "prova1234"))
    window = started(qtbot, office_ctx)
    qtbot.addWidget(window)
    session = window.operator_session
    session.idle.start(600)
    box = window.workers_area.search_box
    started_at = time.monotonic()
    while time.monotonic() - started_at < 1.5:  # 1.5 s of typing: 2.5 times the idle time
        qtbot.keyClicks(box, "a")
        last_key = time.monotonic()
        qtbot.wait(100)
        assert not session.locked
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    waited = time.monotonic() - last_key
    assert 0.6 <= waited < 2.0  # locked once input stopped for the idle time, not before
    session.lock_dialog.password_edit.setFocus()
    qtbot.keyClicks(session.lock_dialog.password_edit, "prova1234")
    qtbot.keyClick(session.lock_dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not session.locked)
    close_window(qtbot, window)


def test_another_operator_can_log_the_locked_one_out(qtbot, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    when_modal(LoginDialog, lambda d: type_login(qtbot, d, "admin", "prova1234"))
    window = started(qtbot, office_ctx)  # deleted at the logout: not given to qtbot
    session = window.operator_session
    session.idle.start(100)
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    seen: list = []
    when_modal(LoginDialog, lambda d: d.reject(), seen)  # nobody logs in: the program ends
    session.lock_dialog.switch_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    qtbot.waitUntil(lambda: gone(window))
    assert not session.locked and session.window is None
    page = audit_log.query(office_ctx, audit_log.AuditFilter(action="logout"))
    assert page.total == 1


def test_start_without_login_acts_as_the_first_administrator(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    """What tests and bench/run.py rely on: start() called directly opens no dialog."""
    window = app.start(url_of(office_ctx))
    assert not isinstance(window, int)
    qtbot.addWidget(window)
    assert operator_label(window) == "Operatore: Anna Amministratrice"
    close_window(qtbot, window)
