"""Access rules: idle lock, failures before the lockout, its length, the slow-down."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import operators
from sportello.core.services.operators import SecurityPolicy
from sportello.gui import ops
from sportello.gui.kit.forms import MessageBar, muted_label


class SecurityTab(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Regole di accesso valide per tutti gli operatori. Solo un amministratore le "
            "cambia; il nuovo blocco per inattività vale dal prossimo accesso.")))
        self.idle_spin = self._spin("idleMinutes", 0, 1440, self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("mai"))
        self.failures_spin = self._spin("maxFailures", 1, 100, "")
        self.lock_spin = self._spin("lockMinutes", 1, 1440, self.tr(" min"))
        self.delay_spin = QDoubleSpinBox()
        self.delay_spin.setObjectName("delaySeconds")
        self.delay_spin.setRange(0, 600)
        self.delay_spin.setDecimals(1)
        self.delay_spin.setSuffix(self.tr(" s"))
        self.max_delay_spin = QDoubleSpinBox()
        self.max_delay_spin.setObjectName("maxDelaySeconds")
        self.max_delay_spin.setRange(0, 600)
        self.max_delay_spin.setDecimals(1)
        self.max_delay_spin.setSuffix(self.tr(" s"))
        form = QFormLayout()
        form.addRow(self.tr("Blocco dello schermo dopo &inattività di"), self.idle_spin)
        form.addRow(self.tr("&Tentativi falliti prima del blocco"), self.failures_spin)
        form.addRow(self.tr("&Durata del blocco dell'account"), self.lock_spin)
        form.addRow(self.tr("&Attesa dopo il primo errore (raddoppia a ogni errore)"),
                    self.delay_spin)
        form.addRow(self.tr("Attesa &massima"), self.max_delay_spin)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("&Salva le regole"))
        self.save_button.setObjectName("securitySave")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.message = MessageBar("securityMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    @staticmethod
    def _spin(name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        return spin

    def load(self) -> None:
        policy = operators.get_policy(self.ctx)
        self.idle_spin.setValue(policy.idle_lock_minutes)
        self.failures_spin.setValue(policy.max_failures)
        self.lock_spin.setValue(policy.lock_minutes)
        self.delay_spin.setValue(policy.delay_seconds)
        self.max_delay_spin.setValue(policy.max_delay_seconds)

    def save(self) -> None:
        """Save the rules on the write lane; what the service says is shown under them."""
        policy = SecurityPolicy(
            idle_lock_minutes=self.idle_spin.value(), max_failures=self.failures_spin.value(),
            lock_minutes=self.lock_spin.value(), delay_seconds=self.delay_spin.value(),
            max_delay_seconds=self.max_delay_spin.value())
        ops.write(self, partial(operators.set_policy, self.ctx, policy),
                  done=lambda _r: self.message.show_info(self.tr("Regole di accesso salvate.")),
                  failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.save_button,))
