"""Dialogs of the Percorsi tab: open a pathway, close one, close a worker's file."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit, QWidget

from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.services import pathways
from sportello.core.services.pathways import PathwayRow
from sportello.gui.kit.forms import FormDialog, Job, fill_combo, label, muted_label
from sportello.gui.kit.inputs import date_edit, format_date, pydate
from sportello.gui.shared.labels import PATHWAY_KINDS, PATHWAY_OUTCOMES, PATHWAY_STATUSES
from sportello.gui.shared.worker_picker import WorkerPicker


class NewPathwayDialog(FormDialog):
    """Put a worker on a pathway (GOL 1–5 or self-employment)."""

    def __init__(
        self, ctx: Context, worker: tuple[int, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Nuovo percorso"), parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        self.picker = WorkerPicker(ctx)
        if worker is not None:
            self.picker.set_worker(*worker)
        self.add_field("worker", self.tr("Lavoratore"), self.picker)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("pathwayKind")
        fill_combo(self.kind_combo, PATHWAY_KINDS)
        self.add_field("kind", self.tr("Percorso"), self.kind_combo)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("pathwayStatus")
        fill_combo(self.status_combo, PATHWAY_STATUSES, values=["attivo", "proposto"])
        self.add_field("status", self.tr("Stato iniziale"), self.status_combo)
        self.start_edit = date_edit()
        self.start_edit.setObjectName("pathwayStart")
        self.add_field("start_on", self.tr("Avvio"), self.start_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("pathwayNotes")
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_field("notes", self.tr("Note"), self.notes_edit)
        self.finish(self.tr("Avvia percorso"))

    def job(self) -> Job:
        if self.picker.worker_id is None:
            raise ValidationError(self.tr("Scegliere il lavoratore."), "worker")
        return partial(
            pathways.open_pathway,
            self.ctx,
            self.picker.worker_id,
            self.kind_combo.currentData(),
            start_on=pydate(self.start_edit.date()),
            status=self.status_combo.currentData(),
            notes=self.notes_edit.toPlainText().strip() or None,
        )


class ClosePathwayDialog(FormDialog):
    """Close one pathway with its outcome and date (concluded, or interrupted)."""

    def __init__(self, ctx: Context, row: PathwayRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chiudi percorso"), parent)
        self.ctx = ctx
        self.row = row
        self.setMinimumWidth(460)
        about = QLabel(
            self.tr("{worker} — {kind}, avviato il {start}").format(
                worker=row.worker_name,
                kind=label(PATHWAY_KINDS, row.kind),
                start=format_date(row.start_on) or "—",
            )
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("closeOutcome")
        fill_combo(self.outcome_combo, PATHWAY_OUTCOMES, first=self.tr("Scegliere l'esito…"))
        self.add_field("outcome", self.tr("Esito"), self.outcome_combo)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("closeDate")
        self.add_field("end_on", self.tr("Data di chiusura"), self.date_edit)
        self.interrupted_check = QCheckBox(self.tr("Interrotto prima del termine"))
        self.interrupted_check.setObjectName("closeInterrupted")
        self.add_field("status", "", self.interrupted_check)
        self.finish(self.tr("Chiudi percorso"))

    def job(self) -> Job:
        if self.outcome_combo.currentData() is None:
            raise ValidationError(self.tr("Scegliere l'esito del percorso."), "outcome")
        return partial(
            pathways.close_pathway,
            self.ctx,
            self.row.id,
            self.outcome_combo.currentData(),
            on=pydate(self.date_edit.date()),
            interrupted=self.interrupted_check.isChecked(),
        )


class CloseFileDialog(FormDialog):
    """Close a worker's file: asks the outcome and says how many open pathways it closes."""

    def __init__(
        self, ctx: Context, worker: tuple[int, str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Chiudi fascicolo"), parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        self.picker = WorkerPicker(ctx)
        self.add_field("worker", self.tr("Lavoratore"), self.picker)
        self.outcome_combo = QComboBox()
        self.outcome_combo.setObjectName("fileOutcome")
        fill_combo(self.outcome_combo, PATHWAY_OUTCOMES, first=self.tr("Scegliere l'esito…"))
        self.add_field("outcome", self.tr("Esito"), self.outcome_combo)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("fileCloseDate")
        self.add_field("on", self.tr("Data di chiusura"), self.date_edit, aliases=("end_on",))
        self.open_label = muted_label()
        self.open_label.setObjectName("openPathsInfo")
        self.form.addRow(self.open_label)
        self.finish(self.tr("Chiudi fascicolo"))
        self.picker.changed.connect(self._worker_changed)
        if worker is not None:
            self.picker.set_worker(*worker)
        else:
            self._worker_changed(None)

    def _worker_changed(self, worker_id: int | None) -> None:
        if worker_id is None:
            self.open_label.setText(self.tr("Scegliere il lavoratore il cui fascicolo chiudere."))
            return
        open_paths = pathways.open_pathways_of(self.ctx, worker_id)
        if not open_paths:
            self.open_label.setText(self.tr("Il lavoratore non ha percorsi aperti."))
            return
        kinds = ", ".join(label(PATHWAY_KINDS, p.kind) for p in open_paths)
        if len(open_paths) == 1:
            text = self.tr("1 percorso aperto sarà chiuso con questo esito: {kinds}.")
        else:
            text = self.tr("{n} percorsi aperti saranno chiusi con questo esito: {kinds}.")
        self.open_label.setText(text.format(n=len(open_paths), kinds=kinds))

    def job(self) -> Job:
        if self.picker.worker_id is None:
            raise ValidationError(self.tr("Scegliere il lavoratore."), "worker")
        return partial(
            pathways.close_file,
            self.ctx,
            self.picker.worker_id,
            self.outcome_combo.currentData(),
            on=pydate(self.date_edit.date()),
        )
