"""Monitoraggio area: per-vertenza dashboard for the crisis table (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.context import Context
from sportello.gui.areas.base import ComingSoonArea


class MonitoringArea(ComingSoonArea):
    ICON = "chart-column"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Monitoraggio"),
            self.tr(
                "Cruscotto per vertenza per il tavolo di crisi: quanti in formazione, quanti "
                "ricollocati, e chi c'è dietro ogni numero."
            ),
        )
