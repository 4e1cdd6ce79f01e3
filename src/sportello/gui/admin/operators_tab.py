"""Operators: the accounts of the office, new/edit, temporary password, unlock."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.codes import Role
from sportello.core.services import operators
from sportello.core.services.operators import OperatorData, OperatorInfo
from sportello.gui import ops
from sportello.gui.kit.forms import FormDialog, Job, MessageBar, muted_label
from sportello.gui.kit.inputs import InvalidInput, format_datetime
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row

ROLES = (
    (Role.OPERATORE, QT_TRANSLATE_NOOP("OperatorsTab", "Operatore")),
    (Role.RESPONSABILE, QT_TRANSLATE_NOOP("OperatorsTab", "Responsabile")),
    (Role.AMMINISTRATORE, QT_TRANSLATE_NOOP("OperatorsTab", "Amministratore")),
)


def role_label(role: str) -> str:
    for value, text in ROLES:
        if value == role:
            return QCoreApplication.translate("OperatorsTab", text)
    return role


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Mismatch(InvalidInput):
    field = "confirm"


class OperatorDialog(FormDialog):
    """A new account (with its temporary password) or the changes to one."""

    def __init__(self, ctx: Context, parent: QWidget | None = None,
                 current: OperatorInfo | None = None) -> None:
        super().__init__(self.tr("Modifica operatore") if current else self.tr("Nuovo operatore"),
                         parent)
        self.setObjectName("operatorDialog")
        self.setMinimumWidth(460)
        self.ctx = ctx
        self.current = current
        self.username_edit = QLineEdit(current.username if current else "")
        self.username_edit.setObjectName("operatorUsername")
        self.username_edit.setReadOnly(current is not None)
        self.name_edit = QLineEdit(current.full_name if current else "")
        self.name_edit.setObjectName("operatorFullName")
        self.email_edit = QLineEdit((current.email or "") if current else "")
        self.email_edit.setObjectName("operatorEmail")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("operatorRole")
        for value, _text in ROLES:
            self.role_combo.addItem(role_label(value), str(value))
        if current is not None:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(current.role)))
        self.add_field("username", self.tr("&Nome utente"), self.username_edit)
        self.add_field("full_name", self.tr("Nome e &cognome"), self.name_edit)
        self.add_field("email", self.tr("&E-mail"), self.email_edit)
        self.add_field("role", self.tr("&Ruolo"), self.role_combo)
        if current is None:
            self.password_edit = _password_edit("operatorPassword")
            self.confirm_edit = _password_edit("operatorPasswordConfirm")
            self.add_field("password", self.tr("&Password provvisoria"), self.password_edit)
            self.add_field("confirm", self.tr("Ripe&ti la password"), self.confirm_edit)
            self.outer.addWidget(muted_label(self.tr(
                "Al primo accesso l'operatore dovrà scegliere una password sua.")))
        else:
            self.active_check = QCheckBox(self.tr("Account &attivo"))
            self.active_check.setObjectName("operatorActive")
            self.active_check.setChecked(current.active)
            self.add_field("active", "", self.active_check)
        self.finish(self.tr("&Salva"))

    def job(self) -> Job:
        role = self.role_combo.currentData()
        if self.current is None:
            if self.password_edit.text() != self.confirm_edit.text():
                raise _Mismatch(self.tr("Le due password non coincidono."))
            return partial(operators.create_operator, self.ctx, OperatorData(
                username=self.username_edit.text(), full_name=self.name_edit.text(),
                password=self.password_edit.text(), role=role,
                email=self.email_edit.text() or None))
        return partial(
            operators.update_operator, self.ctx, self.current.id, self.current.version, full_name=self.name_edit.text(),
            email=self.email_edit.text(), role=role, active=self.active_check.isChecked())


class ResetPasswordDialog(FormDialog):
    def __init__(self, ctx: Context, current: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reimposta password"), parent)
        self.setObjectName("resetPasswordDialog")
        self.ctx = ctx
        self.current = current
        self.outer.insertWidget(0, muted_label(self.tr(
            "Password provvisoria per {name} ({username}): al prossimo accesso dovrà "
            "sceglierne una nuova. L'eventuale blocco dell'account viene tolto.").format(
            name=current.full_name, username=current.username)))
        self.password_edit = _password_edit("resetPassword")
        self.confirm_edit = _password_edit("resetPasswordConfirm")
        self.add_field("password", self.tr("&Password provvisoria"), self.password_edit)
        self.add_field("confirm", self.tr("Ripe&ti la password"), self.confirm_edit)
        self.finish(self.tr("&Reimposta"))

    def job(self) -> Job:
        if self.password_edit.text() != self.confirm_edit.text():
            raise _Mismatch(self.tr("Le due password non coincidono."))
        return partial(operators.reset_password, self.ctx, self.current.id,
                       self.password_edit.text())


class OperatorsTab(QWidget):
    """The list of accounts with their state; the buttons call the services."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Gli operatori dell'ufficio. Solo un amministratore li crea, li modifica, "
            "reimposta le password e sblocca gli account.")))
        self.model = RowsModel([
            Column(self.tr("Nome utente"), lambda o: o.username),
            Column(self.tr("Nome e cognome"), lambda o: o.full_name),
            Column(self.tr("Ruolo"), lambda o: role_label(o.role)),
            Column(self.tr("Attivo"), lambda o: self.tr("sì") if o.active else self.tr("no"),
                   colour=lambda o: None if o.active else "#6b7280"),
            Column(self.tr("Bloccato fino a"), self._locked_text,
                   colour=lambda o: "#b3261e" if o.is_locked() else None),
            Column(self.tr("Ultimo accesso"), lambda o: format_datetime(
                operators.local_time(o.last_login_at) if o.last_login_at else None)),
        ], self)
        self.table = make_table(self.model, "operatorsTable", (120, 200, 120, 60, 120), stretch=1)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Nuovo…"))
        self.new_button.setObjectName("operatorNew")
        self.edit_button = QPushButton(self.tr("&Modifica…"))
        self.edit_button.setObjectName("operatorEdit")
        self.reset_button = QPushButton(self.tr("Reimposta pass&word…"))
        self.reset_button.setObjectName("operatorReset")
        self.unlock_button = QPushButton(self.tr("S&blocca"))
        self.unlock_button.setObjectName("operatorUnlock")
        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.reset_button.clicked.connect(self.reset)
        self.unlock_button.clicked.connect(self.unlock)
        for button in (self.new_button, self.edit_button, self.reset_button, self.unlock_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = MessageBar("operatorsMessage")
        layout.addWidget(self.message)
        self.dialog: FormDialog | None = None
        self.load()

    def _locked_text(self, o: OperatorInfo) -> str:
        if not o.is_locked() or o.locked_until is None:
            return ""
        return format_datetime(operators.local_time(o.locked_until))

    def load(self, select: int | None = None) -> None:
        try:
            self.model.set_rows(operators.list_operators(self.ctx))
        except SportelloError as exc:
            self.model.set_rows([])
            self.message.show_error(str(exc))
        select_id(self.table, select)
        self._selected()

    def _selected(self) -> None:
        chosen = selected_row(self.table) is not None
        for button in (self.edit_button, self.reset_button, self.unlock_button):
            button.setEnabled(chosen)

    def _open(self, dialog: FormDialog, done: str) -> FormDialog:
        self.message.clear_message()

        def saved(info: object) -> None:
            if isinstance(info, OperatorInfo):
                self.load(select=info.id)
                self.message.show_info(done.format(name=info.full_name,
                                                   username=info.username))

        dialog.saved.connect(saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new(self) -> FormDialog:
        return self._open(OperatorDialog(self.ctx, self),
                          self.tr("Operatore {name} ({username}) creato."))

    def edit(self) -> FormDialog | None:
        row: OperatorInfo | None = selected_row(self.table)
        if row is None:
            return None
        return self._open(OperatorDialog(self.ctx, self, row),
                          self.tr("Operatore {name} aggiornato."))

    def reset(self) -> FormDialog | None:
        row: OperatorInfo | None = selected_row(self.table)
        if row is None:
            return None
        return self._open(ResetPasswordDialog(self.ctx, row, self),
                          self.tr("Password di {name} reimpostata: comunicarla di persona."))

    def unlock(self) -> None:
        row: OperatorInfo | None = selected_row(self.table)
        if row is None:
            return

        def unlocked(info: OperatorInfo) -> None:
            self.load(select=info.id)
            self.message.show_info(
                self.tr("Account di {name} sbloccato.").format(name=info.full_name))

        ops.write(self, partial(operators.unlock, self.ctx, row.id), done=unlocked,
                  failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.unlock_button,))

