"""Formazione area: the training catalogue, the funds, the vouchers and the attendance register.

Four tabs. Catalogo: accredited providers, their courses and lessons. Fondi: budget,
committed, spent and remaining of each fund. Voucher: requests, approval against the
fund's budget and the course's seats (the service refuses, and says why, when either is
exhausted or when the amount needs a responsabile), status changes and reporting.
Registro presenze: hours per worker at one lesson, with attendance and certificate
eligibility. Every rule is the services'; the area reads when first shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.context import Context
from sportello.gui.areas.base import TabbedArea
from sportello.gui.paths.training_tabs import CatalogTab, FundsTab, RegisterTab, VouchersTab


class TrainingArea(TabbedArea):
    ICON = "graduation-cap"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = self.build_heading(
            self.tr("Formazione"),
            self.tr(
                "Corsi degli enti accreditati, voucher formativi sul budget dei fondi, presenze"
                " alle lezioni e attestati."
            ),
        )
        # a voucher approved, a course edited, a file window... (gui.changes)
        self.build_tabs(layout, "trainingTabs")
        self.catalog_tab = CatalogTab(ctx)
        self.funds_tab = FundsTab(ctx)
        self.vouchers_tab = VouchersTab(ctx)
        self.register_tab = RegisterTab(ctx)
        self.tabs.addTab(self.catalog_tab, self.tr("Catalogo"))
        self.tabs.addTab(self.funds_tab, self.tr("Fondi"))
        self.tabs.addTab(self.vouchers_tab, self.tr("Voucher"))
        self.tabs.addTab(self.register_tab, self.tr("Registro presenze"))

    def prepare_tab(self, tab: QWidget) -> None:
        if tab is self.vouchers_tab:
            self.vouchers_tab.load_filters()
        elif tab is self.catalog_tab:
            self.catalog_tab.load_providers()
