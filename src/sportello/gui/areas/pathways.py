"""Percorsi area: every worker's GOL and self-employment pathways, and job reinsertion.

Two tabs: "Percorsi" lists pathways across workers (filtered, paged in SQL) with what to
do with one (suspend, resume, close with outcome, open a new one, close a worker's file);
"Offerte di lavoro" holds employers, offers, ranked candidates, applications and hires.
The rules (which pathway may be opened or closed, what a hire closes) are the services'.
Nothing is read at start-up: the area reads when first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from sportello.core.bootstrap import Context
from sportello.gui import changes
from sportello.gui.areas.base import Area
from sportello.gui.paths.offers import OffersTab
from sportello.gui.paths.pathways_tab import PathwaysTab


class PathwaysArea(Area):
    ICON = "route"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded: set[int] = set()
        layout = self.build_heading(
            self.tr("Percorsi"),
            self.tr(
                "I percorsi GOL e di autoimpiego di tutti i lavoratori, con i loro esiti; le offerte"
                " di lavoro con i candidati, le candidature e le assunzioni."
            ),
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pathwayTabs")
        self.tabs.setDocumentMode(True)
        self.pathways_tab = PathwaysTab(ctx)
        self.offers_tab = OffersTab(ctx)
        self.tabs.addTab(self.pathways_tab, self.tr("Percorsi"))
        self.tabs.addTab(self.offers_tab, self.tr("Offerte di lavoro"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)
        # A hire closes reinsertion pathways; a closed file leaves the offers' candidates;
        # a file window, a booking, an import... change what the tabs show (gui.changes).
        changes.hub().changed.connect(self._data_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self._tab_shown(self.tabs.currentIndex()))

    def _tab_shown(self, index: int) -> None:
        if index in self._loaded:
            return
        self._loaded.add(index)
        tab = self.tabs.widget(index)
        if tab is self.pathways_tab:
            self.pathways_tab.load_filters()
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
