"""Import/Export area: the Region's Excel lists in, monitoring sheets out (not built yet)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.bootstrap import Context
from sportello.gui.areas.base import ComingSoonArea


class ExchangeArea(ComingSoonArea):
    ICON = "arrow-left-right"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.build_coming_soon(
            self.tr("Import/Export"),
            self.tr(
                "Importazione degli elenchi Excel della Regione con anteprima degli errori, ed "
                "esportazione dei fogli di monitoraggio."
            ),
        )
