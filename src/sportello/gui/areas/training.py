"""Formazione area: courses, training vouchers, attendance, certificates (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context
from sportello.gui.areas.base import ComingSoonArea


class TrainingArea(ComingSoonArea):
    ICON = "graduation-cap"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Formazione"),
            self.tr(
                "Corsi degli enti accreditati, voucher formativi sul budget dei fondi, presenze"
                " alle lezioni e attestati."
            ),
        )
