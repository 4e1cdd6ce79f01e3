"""Who is working: the login dialog, the change of one's own password, the whole login.

The rules (the same answer for a wrong user name and a wrong password, the slow-down
after each failure, the lockout, inactive accounts) are ``operators.authenticate``'s;
these dialogs only show its message and stay open for another try.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Actor, Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.services import operators
from sportello.gui.kit.forms import FormDialog, Job, MessageBar, muted_label
from sportello.gui.kit.inputs import InvalidInput


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(200)
    return edit


class LoginDialog(QDialog):
    """User name and password; ``actor`` once accepted. Esc/Esci means: do not start.

    ``check`` replaces the login against ``ctx`` (restoring over a damaged database: the
    copy's administrators are asked instead, see ``app``); ``intro`` replaces the text.
    """

    def __init__(self, ctx: Context | None, parent: QWidget | None = None, *,
                 username: str = "", check: Callable[[str, str], Actor] | None = None,
                 intro: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._check = check
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sportello — accesso"))
        self.setMinimumWidth(400)

        title = QLabel(self.tr("Accesso a Sportello"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.username_edit = QLineEdit(username)
        self.username_edit.setObjectName("loginUsername")
        self.username_edit.setMaxLength(60)
        self.password_edit = _password_edit("loginPassword")
        form = QFormLayout()
        form.addRow(self.tr("&Nome utente"), self.username_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        self.message = MessageBar("loginMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Accedi"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Esci"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(muted_label(intro or self.tr(
            "Ogni operatore entra con il proprio nome utente: le attività sono registrate a "
            "suo nome.")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def accept(self) -> None:
        username = self.username_edit.text().strip()
        if not username:
            self.message.show_error(self.tr("Indicare il nome utente."))
            self.username_edit.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._check is not None:
                self.actor = self._check(username, self.password_edit.text())
            else:
                assert self.ctx is not None
                self.actor = operators.authenticate(self.ctx, username,
                                                    self.password_edit.text())
        except SportelloError as exc:  # wrong credentials, locked until HH:MM, inactive
            self.message.show_error(str(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()


class ChangePasswordDialog(FormDialog):
    """The acting operator's new password (the current one asked again)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None, *,
                 forced: bool = False) -> None:
        super().__init__(self.tr("Cambia password"), parent)
        self.ctx = ctx
        self.setObjectName("changePasswordDialog")
        self.setMinimumWidth(440)
        name = ctx.actor.full_name if ctx.actor else ""
        intro = self.tr(
            "{name}, un amministratore ha reimpostato la password: prima di continuare "
            "sceglierne una nuova, personale.").format(name=name) \
            if forced else self.tr("Password di {name}.").format(name=name)
        self.outer.insertWidget(0, muted_label(intro))
        self.old_edit = _password_edit("oldPassword")
        self.new_edit = _password_edit("newPassword")
        self.confirm_edit = _password_edit("confirmPassword")
        self.add_field("old_password", self.tr("Password &attuale"), self.old_edit)
        self.add_field("password", self.tr("&Nuova password"), self.new_edit)
        self.add_field("confirm", self.tr("&Ripeti la nuova"), self.confirm_edit)
        self.finish(self.tr("&Cambia password"))
        if forced:
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
                self.tr("Esci dall'account"))
        self.old_edit.setFocus()

    def job(self) -> Job:
        if self.new_edit.text() != self.confirm_edit.text():
            raise _FieldMismatch(self.tr("Le due password non coincidono."))
        return partial(_change_password, self.ctx, self.old_edit.text(), self.new_edit.text(),
                       frozenset(self.errors))


def _change_password(ctx: Context, old: str, new: str, fields: frozenset[str]) -> bool:
    """The job of ChangePasswordDialog: a refusal naming no field of the form (a strength
    rule) is shown under the new password."""
    try:
        operators.change_password(ctx, old, new)
    except ValidationError as exc:
        if exc.field not in fields:
            raise ValidationError(str(exc), "password") from None
        raise
    return True


class _FieldMismatch(InvalidInput):
    field = "confirm"


def log_in(ctx: Context, parent: QWidget | None = None, *, username: str = "") -> Actor | None:
    """The login dialog, then the forced password change if an administrator reset it.

    Returns the operator, or None when the clerk chose Esci. Cancelling the forced change
    ends that login (audited as a logout) and asks again.
    """
    while True:
        dialog = LoginDialog(ctx, parent, username=username)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
                return None
            actor = dialog.actor
        finally:
            dialog.deleteLater()
        acting = ctx.acting_as(actor)
        if not operators.must_change_password(acting):
            return actor
        change = ChangePasswordDialog(acting, parent, forced=True)
        change.setWindowModality(Qt.WindowModality.ApplicationModal)
        try:
            if change.exec() == QDialog.DialogCode.Accepted:
                return actor
        finally:
            change.deleteLater()
        operators.logout(acting)
        username = actor.username
