"""Sportello Unico area: self-employment projects (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context
from sportello.gui.areas.base import ComingSoonArea


class BusinessArea(ComingSoonArea):
    ICON = "store"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Sportello Unico"),
            self.tr(
                "Progetti di autoimpiego: business plan, apertura dell'attività (ATECO, SCIA al"
                " SUAP) e richieste di finanziamento."
            ),
        )
