"""The Region's list of hires: what it holds, then recorded as placements, all or nothing.

Opened from the Import/Export area ("Registra le assunzioni…"). The list is read and
checked off the UI thread (``services.hires_import.analyse``); the dialog shows every row
with what will happen to it (recorded, already there, no file, error) and records it with
one click (``apply``), or tries it without writing. The rules are the service's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import hires_import
from sportello.gui import changes
from sportello.gui.exchange.common import (
    ERROR_FILL,
    WARNING_FILL,
    item,
    read_only_table,
    run_task,
    show_message,
    split_message,
)
from sportello.gui.kit.screen_fit import resize_within_screen
from sportello.gui.tasks import Task


class HiresDialog(QDialog):
    """One list of hires, from its analysis to its recording."""

    recorded = Signal(int)  # exchange id

    def __init__(self, ctx: Context, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = path
        self.analysis: hires_import.HiresAnalysis | None = None
        self.result: hires_import.HiresResult | None = None
        self.task: Task | None = None
        self.last_message: QMessageBox | None = None
        self.recorded.connect(lambda _id: changes.announce(
            changes.IMPORTS, changes.WORKERS, source=self))
        self.setWindowTitle(self.tr("Registra le assunzioni dell'elenco"))
        layout = QVBoxLayout(self)
        self.status = QLabel(self.tr("Lettura di {name}…").format(name=path.name))
        self.status.setObjectName("hiresStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.table = read_only_table([self.tr("Riga"), self.tr("Codice fiscale"),
                                      self.tr("Lavoratore"), self.tr("Datore di lavoro"),
                                      self.tr("Assunto il"), self.tr("Esito")])
        self.table.setObjectName("hiresTable")
        header = self.table.horizontalHeader()
        for c in range(5):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.trial_button = QPushButton(self.tr("&Prova senza scrivere"))
        self.trial_button.clicked.connect(lambda: self.record(dry_run=True))
        self.record_button = QPushButton(self.tr("&Registra le assunzioni"))
        self.record_button.setObjectName("recordHires")
        self.record_button.clicked.connect(lambda: self.record(dry_run=False))
        self.close_button = QPushButton(self.tr("&Chiudi"))
        self.close_button.clicked.connect(self.accept)
        buttons.addStretch(1)
        for b in (self.trial_button, self.record_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._actions(False)
        resize_within_screen(self, 900, 520)

    def busy(self) -> bool:
        return self.task is not None and self.task.isRunning()

    def _actions(self, enabled: bool) -> None:
        ready = enabled and self.analysis is not None and self.result is None
        self.trial_button.setEnabled(ready)
        self.record_button.setEnabled(ready)

    def _start(self, job: Any, title: str, label: str, succeeded: Any) -> None:
        def done(value: object) -> None:
            self.task = None
            succeeded(value)

        def failed(message: str) -> None:
            self.task = None
            self._actions(True)
            head, details = split_message(message)
            self.status.setText(head)
            show_message(self, QMessageBox.Icon.Warning, self.tr("Assunzioni"), head, details)

        self.task = run_task(self, job, title, label, succeeded=done, failed=failed,
                             cancellable=False)

    def analyse(self) -> None:
        ctx, path = self.ctx, self.path
        self._start(lambda _progress: hires_import.analyse(ctx, path),
                    self.tr("Elenco delle assunzioni"),
                    self.tr("Controllo di {name}…").format(name=path.name), self._analysed)

    def _analysed(self, analysis: hires_import.HiresAnalysis) -> None:
        self.analysis = analysis
        rows: list[tuple[object, str, str, str, str, str, Any]] = []
        for m in analysis.to_record:
            what = self.tr("da registrare") + (self.tr(", chiude il percorso")
                                               if m.open_paths else "")
            rows.append((m.line.row, m.line.code, m.who, m.line.employer,
                         f"{m.line.hired_on:%d/%m/%Y}", what, None))
        rows += [(m.line.row, m.line.code, m.who, m.line.employer, f"{m.line.hired_on:%d/%m/%Y}",
                  self.tr("già registrata"), None) for m in analysis.already]
        rows += [(u.row, u.code, "", u.employer, f"{u.hired_on:%d/%m/%Y}",
                  self.tr("senza fascicolo"), WARNING_FILL) for u in analysis.unmatched]
        rows += [(e.row, "", "", "", "", e.text(), ERROR_FILL) for e in analysis.errors]
        rows.sort(key=lambda r: r[0])  # type: ignore[arg-type,return-value]
        self.table.setRowCount(len(rows))
        for r, (row, code, who, employer, on, what, fill) in enumerate(rows):
            self.table.setItem(r, 0, item(row, fill=fill, align_right=True))
            self.table.setItem(r, 1, item(code, fill=fill))
            self.table.setItem(r, 2, item(who, fill=fill))
            self.table.setItem(r, 3, item(employer, fill=fill))
            self.table.setItem(r, 4, item(on, fill=fill))
            self.table.setItem(r, 5, item(what, fill=fill, tip=what))
        lines = analysis.summary()[1:2]
        if analysis.errors:
            lines.append(self.tr("L'elenco ha errori: non si registra nulla finché non sono "
                                 "corretti (tutto o niente)."))
        self.status.setText("\n".join(lines))
        self._actions(not analysis.errors)

    def record(self, *, dry_run: bool) -> None:
        analysis, ctx = self.analysis, self.ctx
        if analysis is None or self.busy():
            return
        self._actions(False)
        self._start(lambda _progress: hires_import.apply(ctx, analysis, dry_run=dry_run),
                    self.tr("Assunzioni"), self.tr("Registrazione delle assunzioni…"),
                    self._done)

    def _done(self, result: hires_import.HiresResult) -> None:
        self.status.setText(result.summary())
        if result.dry_run:
            self._actions(True)
            return
        self.result = result
        self._actions(False)
        if result.exchange_id is not None:
            self.recorded.emit(result.exchange_id)
