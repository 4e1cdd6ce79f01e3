"""The Amministrazione dialog: one tab per topic, each reading when it opens."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.context import Context
from sportello.gui.admin.backups_tab import BackupsTab
from sportello.gui.admin.operators_tab import OperatorsTab
from sportello.gui.admin.privacy_tab import PrivacyTab
from sportello.gui.admin.security_tab import SecurityTab
from sportello.gui.kit.forms import TabsDialog


class AdminDialog(TabsDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__("adminDialog", parent)
        self.setWindowTitle(self.tr("Amministrazione"))
        self.resize(820, 540)
        self.operators_tab = OperatorsTab(ctx)
        self.security_tab = SecurityTab(ctx)
        self.backups_tab = BackupsTab(ctx)
        self.privacy_tab = PrivacyTab(ctx)
        self.tabs.addTab(self.operators_tab, self.tr("&Operatori"))
        self.tabs.addTab(self.security_tab, self.tr("Regole di &accesso"))
        self.tabs.addTab(self.backups_tab, self.tr("&Copie di sicurezza"))
        self.tabs.addTab(self.privacy_tab, self.tr("&Privacy"))
