"""Agenda area: operators' appointments and convocations (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context
from sportello.gui.areas.base import ComingSoonArea


class AgendaArea(ComingSoonArea):
    ICON = "calendar-days"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Agenda"),
            self.tr(
                "Gli appuntamenti degli operatori: convocazioni nei posti liberi, lettere di "
                "convocazione e registrazione delle presenze."
            ),
        )
