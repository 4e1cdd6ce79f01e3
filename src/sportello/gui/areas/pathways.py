"""Percorsi area: every worker's GOL and self-employment pathways, and job reinsertion.

Two tabs: "Percorsi" lists pathways across workers (filtered, paged in SQL) with what to
do with one (suspend, resume, close with outcome, open a new one, close a worker's file);
"Offerte di lavoro" holds employers, offers, ranked candidates, applications and hires.
The rules (which pathway may be opened or closed, what a hire closes) are the services'.
Nothing is read at start-up: the area reads when first shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from sportello.core.context import Context
from sportello.gui.areas.base import TabbedArea
from sportello.gui.paths.offers import OffersTab
from sportello.gui.paths.pathways_tab import PathwaysTab


class PathwaysArea(TabbedArea):
    ICON = "route"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = self.build_heading(
            self.tr("Percorsi"),
            self.tr(
                "I percorsi GOL e di autoimpiego di tutti i lavoratori, con i loro esiti; le offerte"
                " di lavoro con i candidati, le candidature e le assunzioni."
            ),
        )
        # A hire closes reinsertion pathways; a closed file leaves the offers' candidates;
        # a file window, a booking, an import... change what the tabs show (gui.changes).
        self.build_tabs(layout, "pathwayTabs")
        self.pathways_tab = PathwaysTab(ctx)
        self.offers_tab = OffersTab(ctx)
        self.tabs.addTab(self.pathways_tab, self.tr("Percorsi"))
        self.tabs.addTab(self.offers_tab, self.tr("Offerte di lavoro"))

    def prepare_tab(self, tab: QWidget) -> None:
        if tab is self.pathways_tab:
            self.pathways_tab.load_filters()
