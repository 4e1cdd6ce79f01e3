"""Formazione area: the training catalogue, the funds, the vouchers and the attendance register.

Four tabs. Catalogo: accredited providers, their courses and lessons. Fondi: budget,
committed, spent and remaining of each fund. Voucher: requests, approval against the
fund's budget and the course's seats (the service refuses, and says why, when either is
exhausted or when the amount needs a responsabile), status changes and reporting.
Registro presenze: hours per worker at one lesson, with attendance and certificate
eligibility. Every rule is the services'; the area reads when first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from sportello.core.bootstrap import Context
from sportello.gui import changes
from sportello.gui.areas.base import Area
from sportello.gui.paths.training_tabs import CatalogTab, FundsTab, RegisterTab, VouchersTab


class TrainingArea(Area):
    ICON = "graduation-cap"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded: set[int] = set()
        layout = self.build_heading(
            self.tr("Formazione"),
            self.tr(
                "Corsi degli enti accreditati, voucher formativi sul budget dei fondi, presenze"
                " alle lezioni e attestati."
            ),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("trainingTabs")
        self.tabs.setDocumentMode(True)
        self.catalog_tab = CatalogTab(ctx)
        self.funds_tab = FundsTab(ctx)
        self.vouchers_tab = VouchersTab(ctx)
        self.register_tab = RegisterTab(ctx)
        self.tabs.addTab(self.catalog_tab, self.tr("Catalogo"))
        self.tabs.addTab(self.funds_tab, self.tr("Fondi"))
        self.tabs.addTab(self.vouchers_tab, self.tr("Voucher"))
        self.tabs.addTab(self.register_tab, self.tr("Registro presenze"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        # a voucher approved, a course edited, a file window... (gui.changes)
        changes.hub().changed.connect(self._data_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self._tab_shown(self.tabs.currentIndex()))

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded or index < 0:
            return
        self._loaded.add(index)
        tab = self.tabs.widget(index)
        if tab is self.vouchers_tab:
            self.vouchers_tab.load_filters()
        elif tab is self.catalog_tab:
            self.catalog_tab.load_providers()
        tab.reload()  # type: ignore[attr-defined]

    def _data_changed(self, _kinds: object, source: object) -> None:
        """Every tab reads again when next shown; the one on screen now, unless it is the
        one that wrote (it has read again already)."""
        current = self.tabs.currentIndex()
        writer = self.tabs.widget(current) if self.isVisible() else None
        self._loaded.clear()
        if writer is not None and changes.comes_from(writer, source):
            self._loaded.add(current)
        elif writer is not None:
            self._tab_shown(current)
