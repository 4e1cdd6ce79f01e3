"""The operator at the keyboard: idle lock, logout and a new login, the backup on closing.

``OperatorSession`` is created by ``app.start`` once the database is open and someone has
logged in (or the first-run wizard created the administrator). It owns:

- the idle watcher (``IdleWatcher``): notices keys, clicks, wheel and mouse moves; after ``operators.idle_lock_minutes`` without input every
  window is covered and a lock dialog asks the same operator's password
  (``operators.unlock_screen``); someone else may instead log the first one out;
- logout (File → Esci dall'account, or from the lock): file windows are closed (each asks
  about unsaved changes), the core audits the logout, the main window is replaced by a
  fresh one and the login dialog asks who works now;
- closing: ``backups.auto_backup`` in a worker thread (it does nothing on PostgreSQL or
  when nothing changed); the application quits when it is done (``run`` only).
"""

from __future__ import annotations

import time
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Actor, Context
from sportello.core.errors import SportelloError
from sportello.core.services import operators
from sportello.gui import ops
from sportello.gui.kit.forms import MessageBar, muted_label

if TYPE_CHECKING:
    from sportello.gui.main_window import MainWindow

ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard or mouse input in the program.

    An application event filter written in Python is called for every event of every
    widget (paints, layouts, timers: thousands while a file window is built), and each call
    has to take Python's interpreter lock: with a job running on a lane, that made the UI
    thread wait at every event. So the filter is only in place until it sees the first
    input after a check; the checks come every ``interval / 20`` (at most 30 s) and put it
    back. The lock therefore comes between ``interval`` and ``interval`` + one check after
    the last input, never before."""

    idle = Signal()

    MAX_STEP_MS = 30_000
    MIN_STEP_MS = 20

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)  # the next check
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)
        self._interval_ms = 0
        self._step_ms = self.MAX_STEP_MS
        self._quiet_since = 0.0  # monotonic seconds: no input seen after this
        self._seen = False  # input seen since the last check (the filter is then out)
        self._installed = False

    def start(self, interval_ms: int) -> None:
        """Watch from now; 0 or less: never lock."""
        if interval_ms <= 0:
            self.stop()
            return
        self._interval_ms = interval_ms
        self._step_ms = max(self.MIN_STEP_MS, min(self.MAX_STEP_MS, interval_ms // 20))
        self._quiet_since = time.monotonic()
        self._seen = False
        self._install()
        self.timer.start(min(self._step_ms, interval_ms))

    def stop(self) -> None:
        self.timer.stop()
        self._uninstall()

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def _install(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True

    def _uninstall(self) -> None:
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    def _check(self) -> None:
        now = time.monotonic()
        if self._seen:  # input somewhere since the last check: count from now
            self._seen = False
            self._quiet_since = now
            self._install()
        left_ms = self._interval_ms - (now - self._quiet_since) * 1000
        if left_ms <= 0:
            self._uninstall()
            self.idle.emit()
            return
        self.timer.start(int(min(self._step_ms, left_ms)) + 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self._installed and event.type() in ACTIVITY:
            self._seen = True
            self._uninstall()  # until the next check: no Python call for every event
        return False  # never swallow the input


class _Cover(QWidget):
    """A plain panel over a whole window while the screen is locked (no data shows)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        label = QLabel(self.tr("Sportello è bloccato."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and watched is self.parent():
            self.setGeometry(watched.rect())  # type: ignore[attr-defined]
            self.raise_()
        return False


class LockDialog(QDialog):
    """The idle lock: the same operator's password, or "Cambia operatore" (logout)."""

    unlocked = Signal(object)  # the Actor
    switch_requested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Sportello — schermo bloccato"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        actor = ctx.actor
        title = QLabel(self.tr("Schermo bloccato per inattività"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        title.setFont(font)
        who = self.tr("In uso da {name} ({username}). Per continuare, inserire la sua "
                      "password.").format(name=actor.full_name if actor else "",
                                          username=actor.username if actor else "")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Password"), self.password_edit)
        self.message = MessageBar("lockMessage")
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("&Sblocca"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.unlock_button.setObjectName("lockUnlock")
        self.switch_button: QPushButton = self.buttons.addButton(
            self.tr("&Cambia operatore…"), QDialogButtonBox.ButtonRole.ResetRole)
        self.switch_button.setObjectName("lockSwitch")
        self.switch_button.setToolTip(self.tr(
            "Chiude la sessione di questo operatore e torna all'accesso"))
        self.switch_button.setAutoDefault(False)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self._switch)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(muted_label(who))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password_edit.setFocus()
        self._done = False

    def try_unlock(self) -> None:
        """Check the password on the write lane (audited; a wrong one is slowed down by the
        core): the window behind keeps repainting meanwhile."""

        def unlocked(actor: Actor) -> None:
            self._done = True
            self.accept()
            self.unlocked.emit(actor)

        def refused(exc: BaseException) -> None:
            self.message.show_error(ops.message_for(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()

        ops.write(self, partial(operators.unlock_screen, self.ctx, self.password_edit.text()),
                  done=unlocked, failed=refused, busy=(self.unlock_button, self.password_edit))

    def _switch(self) -> None:
        self.switch_requested.emit()

    def finish(self) -> None:
        """Close it for good (after a logout)."""
        self._done = True
        self.accept()

    def reject(self) -> None:  # Esc and the window's close button do not unlock
        if self._done:
            super().reject()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not self._done:
            event.ignore()
            return
        super().closeEvent(event)


class OperatorSession(QObject):
    """See the module docstring. ``window`` is always the current main window."""

    logged_out = Signal()
    relogged = Signal(object)  # the new MainWindow

    def __init__(self, ctx: Context, *, quit_when_closed: bool = False) -> None:
        super().__init__()
        self.base = ctx.acting_as(None)
        self.ctx: Context | None = None
        self.window: MainWindow | None = None
        self.quit_when_closed = quit_when_closed
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.lock_dialog: LockDialog | None = None
        self._covers: list[_Cover] = []
        self._switching = False
        self.backup_task = None

    # ------------------------------------------------------------------ start

    def begin(self, window: MainWindow, actor: Actor) -> None:
        """Open ``window`` for ``actor`` and start watching for inactivity."""
        self.window = window
        self.ctx = self.base.acting_as(actor)
        window.operator_session = self  # type: ignore[attr-defined]
        if window.ctx is None:
            window.attach(self.ctx)
        window.logout_requested.connect(self.log_out)
        window.closed.connect(self._window_closed)
        self.restart_idle()

    def restart_idle(self) -> None:
        if self.ctx is None:
            return
        try:
            minutes = operators.idle_lock_minutes(self.ctx)
        except SportelloError:
            minutes = operators.SecurityPolicy().idle_lock_minutes
        self.idle.start(minutes * 60_000)

    # ------------------------------------------------------------------ idle lock

    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self) -> LockDialog | None:
        if self.ctx is None or self.window is None or self.locked:
            return self.lock_dialog
        self.idle.stop()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, (_Cover, LockDialog)) \
                    and widget.isWindow() and widget.windowType() != Qt.WindowType.ToolTip:
                self._covers.append(_Cover(widget))
        dialog = LockDialog(self.ctx, self.window)
        dialog.unlocked.connect(self._unlocked)
        dialog.switch_requested.connect(self._switch_from_lock)
        self.lock_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _uncover(self) -> None:
        for cover in self._covers:
            parent = cover.parent()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self._covers = []
        if self.lock_dialog is not None:
            self.lock_dialog.finish()
            self.lock_dialog.deleteLater()
            self.lock_dialog = None

    def _unlocked(self, _actor: Actor) -> None:
        self._uncover()
        self.restart_idle()

    def _switch_from_lock(self) -> None:
        assert self.ctx is not None
        answer = QMessageBox.question(
            self.lock_dialog, self.tr("Cambia operatore"),
            self.tr("Chiudere la sessione di {name}? Le finestre aperte saranno chiuse; se ci "
                    "sono modifiche non salvate, Sportello chiederà cosa farne.").format(
                name=self.ctx.actor.full_name if self.ctx.actor else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._uncover()
        if not self.log_out():
            self.lock()  # a file window kept its unsaved changes: stay locked

    # ------------------------------------------------------------------ logout

    def log_out(self) -> bool:
        """Close this operator's windows and ask for a new login. False if a file window
        with unsaved changes stayed open."""
        window = self.window
        if window is None or self.ctx is None:
            return False
        # a file window saving before it closes: log out once it has closed
        if window.workers_area is not None and not window.workers_area.close_files(
                then=self.log_out):
            return False
        self.idle.stop()
        try:
            operators.logout(self.ctx)
        except SportelloError:
            pass  # the audit row is lost, the logout itself must not be refused
        app = QApplication.instance()
        self._quit_setting = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        self._switching = True
        window.logout_requested.disconnect(self.log_out)
        window.closed.disconnect(self._window_closed)
        window.close()
        self._switching = False
        window.deleteLater()
        self.window, self.ctx = None, None
        self.logged_out.emit()
        QTimer.singleShot(0, self._log_in_again)  # out of the menu's or dialog's slot
        return True

    def _log_in_again(self) -> None:
        from sportello.gui.dialogs.login import log_in
        from sportello.gui.main_window import MainWindow

        app = QApplication.instance()
        window = MainWindow()
        window.show()
        app.processEvents()
        try:
            actor = log_in(self.base, window)
        except SportelloError as exc:  # the database went away
            QMessageBox.critical(window, self.tr("Sportello"), str(exc))
            actor = None
        if actor is None:
            window.close()
            window.deleteLater()
            app.setQuitOnLastWindowClosed(self._quit_setting)
            self._finish()
            return
        self.begin(window, actor)
        app.setQuitOnLastWindowClosed(self._quit_setting)
        self.relogged.emit(window)

    # ------------------------------------------------------------------ closing

    def _window_closed(self) -> None:
        if self._switching:
            return
        self.idle.stop()
        self._uncover()
        ctx = self.ctx
        self.window = None
        if ctx is None:
            self._finish()
            return
        self.backup_on_close(ctx)

    def backup_on_close(self, ctx: Context) -> None:
        """The automatic copy (only if something changed; never on PostgreSQL), off the GUI
        thread, with a busy note if it takes more than a moment."""
        from sportello.core.services import backups
        from sportello.gui.tasks import Task

        task = Task(lambda _progress: backups.auto_backup(ctx), self)
        self.backup_task = task
        note = QProgressDialog(self.tr("Copia di sicurezza automatica in corso…"), "", 0, 0)
        note.setObjectName("closingBackup")
        note.setWindowTitle(self.tr("Sportello"))
        note.setCancelButton(None)
        note.setMinimumDuration(600)
        note.setAutoClose(False)
        note.setAutoReset(False)
        self.backup_note = note

        def failed(message: str) -> None:
            note.close()
            QMessageBox.warning(None, self.tr("Copia di sicurezza"), self.tr(
                "La copia di sicurezza automatica non è riuscita:\n{message}\n\nI dati sono "
                "nel database; fare una copia manuale al prossimo avvio "
                "(File → Amministrazione).").format(message=message))

        task.failed.connect(failed)
        task.finished.connect(note.close)
        task.finished.connect(self._finish)
        task.start()

    def _finish(self) -> None:
        if self.quit_when_closed:
            QApplication.instance().quit()
