"""Percorsi area: service pacts and GOL pathways (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context
from sportello.gui.areas.base import ComingSoonArea


class PathwaysArea(ComingSoonArea):
    ICON = "route"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Percorsi"),
            self.tr(
                "Patti di servizio e percorsi GOL dei lavoratori (reinserimento, aggiornamento,"
                " riqualificazione, autoimpiego), con scadenze ed esiti."
            ),
        )
