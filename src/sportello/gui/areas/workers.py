"""Lavoratori area: the workers' files, alphabetically, loaded a page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from sportello.core.bootstrap import Context
from sportello.core.services import setup
from sportello.gui.areas.base import Area
from sportello.gui.worker_model import WorkerListModel

_COLUMN_WIDTHS = (190, 170, 190, 210)  # Cognome, Nome, Codice fiscale, Comune; Stato stretches


class WorkersArea(Area):
    ICON = "users"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = self.build_heading(
            self.tr("Lavoratori"),
            self.tr(
                "I fascicoli dei lavoratori in ordine alfabetico. La ricerca e la scheda del"
                " fascicolo sono in arrivo."
            ),
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("workerCount")
        row = QHBoxLayout()
        row.addWidget(self.count_label)
        row.addStretch()
        layout.addLayout(row)

        self.model = WorkerListModel(ctx, parent=self)
        self.table = QTableView()
        self.table.setObjectName("workerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setSortingEnabled(False)  # the order is the database's: surname, name
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        horizontal = self.table.horizontalHeader()
        horizontal.setHighlightSections(False)
        horizontal.setStretchLastSection(True)
        horizontal.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self._counted = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._counted:
            self._counted = True
            # after the first paint: the window appears before anything is counted
            QTimer.singleShot(0, self.refresh_count)

    def refresh_count(self) -> None:
        count = setup.worker_count(self.ctx)
        if count:
            self.count_label.setText(self.tr("%Ln lavoratori", "", count))
        else:
            self.count_label.setText(self.tr("Nessun lavoratore nel database."))
