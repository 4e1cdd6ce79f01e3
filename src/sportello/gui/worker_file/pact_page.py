"""The file's Patto di servizio tab: the revisions of the pact, and drawing them up.

Every rule is ``services.pacts``' (one draft at a time, signing dates, what a revision
copies, which revision is in force); this tab lists the revisions and opens the dialogs
that call it: a new pact, editing the draft, revising the pact in force, recording the
signature. "Stampa…" opens the letter dialog on the ``patto`` template for the chosen
revision, from which the draft is previewed or the letter issued with its protocol number
and printed or saved.
"""

from __future__ import annotations

from functools import partial

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.codes import PactStatus, PathwayKind
from sportello.core.services import pacts
from sportello.core.services.pacts import PactForm, PactInfo
from sportello.gui.kit.forms import Job, FormDialog, muted_label, show_dialog
from sportello.gui.kit.inputs import date_edit, format_date, pydate, qdate
from sportello.gui.kit.tables import Column, RowsModel, select_id, selected_row
from sportello.gui.letters import LetterDialog
from sportello.gui.shared.path_page import PathPage
from sportello.gui.worker_file.labels import choices, label


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


class PactDialog(FormDialog):
    """Commitments, GOL pathway, review date and notes of a revision: a new pact, the
    draft being edited, or a new revision of the pact in force."""

    NEW, EDIT, REVISE = "new", "edit", "revise"

    def __init__(self, ctx: Context, worker: tuple[int, str], mode: str,
                 pact: PactInfo | None = None, parent: QWidget | None = None) -> None:
        titles = {
            self.NEW: self.tr("Nuovo patto di servizio — {worker}"),
            self.EDIT: self.tr("Modifica bozza del patto — {worker}"),
            self.REVISE: self.tr("Revisione del patto di servizio — {worker}"),
        }
        super().__init__(titles[mode].format(worker=worker[1]), parent)
        self.setObjectName("pactDialog")
        self.ctx = ctx
        self.worker_id = worker[0]
        self.mode = mode
        self.pact = pact
        self.setMinimumWidth(480)
        if mode == self.REVISE and pact is not None:
            about = muted_label(self.tr(
                "La nuova revisione parte dal patto in vigore (revisione {n}), che resta in "
                "vigore finché la nuova non è firmata.").format(n=pact.revision))
            self.form.addRow(about)
        self.commitments_edit = QPlainTextEdit()
        self.commitments_edit.setObjectName("pactCommitments")
        self.commitments_edit.setTabChangesFocus(True)
        self.commitments_edit.setPlaceholderText(self.tr(
            "Un impegno per riga, es.\npartecipare al corso di aggiornamento\n"
            "cercare attivamente lavoro e riferirne ai colloqui"))
        self.commitments_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.add_field("commitments", self.tr("&Impegni del lavoratore"), self.commitments_edit)
        self.path_combo = QComboBox()
        self.path_combo.setObjectName("pactPath")
        self.path_combo.addItem(self.tr("— nessuno —"), None)
        for value, text in choices(PathwayKind):
            self.path_combo.addItem(text, value)
        self.add_field("gol_path", self.tr("&Percorso GOL"), self.path_combo)
        self.review_edit = date_edit()
        self.review_edit.setObjectName("pactReview")
        self.add_field("review_on", self.tr("&Verifica il"), self.review_edit)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("pactNotes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.add_field("notes", self.tr("&Note"), self.notes_edit)
        self.finish({self.NEW: self.tr("Crea bozza"), self.EDIT: self.tr("Salva bozza"),
                     self.REVISE: self.tr("Crea revisione")}[mode])
        chain = [self.commitments_edit, self.path_combo, self.review_edit, self.notes_edit,
                 *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)  # the fields, then OK and Annulla
        if mode == self.EDIT and pact is not None:
            self._show(pact.form)
        else:
            self._show(pacts.defaults(ctx, self.worker_id))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.commitments_edit.setFocus()  # the buttons come first in the focus chain

    def _show(self, form: PactForm) -> None:
        self.commitments_edit.setPlainText(form.commitments or "")
        self.path_combo.setCurrentIndex(max(0, self.path_combo.findData(form.gol_path)))
        if form.review_on is not None:
            self.review_edit.setDate(qdate(form.review_on))

    def form_values(self) -> PactForm:
        return PactForm(commitments=self.commitments_edit.toPlainText(),
                        gol_path=self.path_combo.currentData(),
                        review_on=pydate(self.review_edit.date()),
                        notes=self.notes_edit.toPlainText())

    def job(self) -> Job:
        form = self.form_values()
        if self.mode == self.EDIT and self.pact is not None:
            return partial(pacts.edit_draft, self.ctx, self.pact.id, self.pact.version, form)
        if self.mode == self.REVISE:
            return partial(pacts.revise, self.ctx, self.worker_id, form)
        return partial(pacts.new_draft, self.ctx, self.worker_id, form)


class SignPactDialog(FormDialog):
    """Record the day the draft was signed: it becomes the pact in force."""

    def __init__(self, ctx: Context, pact: PactInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Patto firmato"), parent)
        self.setObjectName("signPactDialog")
        self.ctx = ctx
        self.pact = pact
        about = QLabel(self.tr(
            "Revisione {n} del patto, redatta il {day}. Firmata, diventa il patto in vigore; "
            "quella che sostituisce resta nel fascicolo come «sostituito».").format(
                n=pact.revision, day=format_date(pact.drafted_on)))
        about.setWordWrap(True)
        self.form.addRow(about)
        self.date_edit = date_edit()
        self.date_edit.setObjectName("pactSignedOn")
        self.add_field("signed_on", self.tr("&Firmato il"), self.date_edit)
        self.finish(self.tr("Segna come firmato"))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.date_edit.setFocus()

    def job(self) -> Job:
        return partial(pacts.sign, self.ctx, self.pact.id, self.pact.version,
                       on=pydate(self.date_edit.date()))


class PactsPage(PathPage):
    """The revisions of the worker's pact, newest first, and what can be done with them."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None]) -> None:
        super().__init__(ctx, worker)
        self.setObjectName("filePacts")
        self.new_button = self.button(
            "filePactNew", self.tr("&Nuovo patto…"),
            self.tr("Redige il patto di servizio: impegni, percorso, data di verifica"),
            lambda: self.new_pact())
        self.edit_button = self.button(
            "filePactEdit", self.tr("M&odifica…"),
            self.tr("Modifica la bozza selezionata (un patto firmato si revisiona)"),
            lambda: self.edit_pact())
        self.revise_button = self.button(
            "filePactRevise", self.tr("Revisiona…"),
            self.tr("Prepara una nuova versione del patto in vigore; quella in vigore resta "
                    "finché la nuova non è firmata"), lambda: self.revise_pact())
        self.sign_button = self.button(
            "filePactSign", self.tr("Segna come &firmato…"),
            self.tr("Registra la data in cui il lavoratore ha firmato la bozza selezionata"),
            lambda: self.sign_pact())
        self.print_button = self.button(
            "filePactPrint", self.tr("S&tampa…"),
            self.tr("La lettera del patto per la revisione selezionata: anteprima, oppure "
                    "emissione con protocollo e stampa"), lambda: self.print_pact())
        self.buttons.addStretch(1)
        self.list = self.table([
            Column(self.tr("Revisione"), lambda r: str(r.revision)),
            Column(self.tr("Stato"), lambda r: label(PactStatus, r.status)),
            Column(self.tr("Firmato il"), lambda r: format_date(r.signed_on)),
            Column(self.tr("Percorso GOL"), lambda r: label(PathwayKind, r.gol_path)),
            Column(self.tr("Verifica il"), lambda r: format_date(r.review_on)),
            Column(self.tr("Impegni"), lambda r: _one_line(r.commitments),
                   tooltip=lambda r: r.commitments),
        ], "filePactTable", [80, 100, 90, 220, 90])
        self.list.doubleClicked.connect(lambda _index: self._open_selected())
        self.layout_.addWidget(self.list, 1)
        self.empty = muted_label(self.tr(
            "Nessun patto di servizio per questo fascicolo: «Nuovo patto…» per redigerlo."))
        self.layout_.addWidget(self.empty)
        self._rows: list[PactInfo] = []
        self.update_buttons()

    # ------------------------------------------------------------------ list

    def load(self, select: int | None = None) -> None:
        self._rows = pacts.revisions(self.ctx, self.worker[0])
        model = self.list.model()
        assert isinstance(model, RowsModel)
        model.set_rows(self._rows)
        self.empty.setVisible(not self._rows)
        self.loaded = True
        if self._rows and not select_id(self.list, select):
            self.list.selectRow(0)
        self.update_buttons()

    def rows(self) -> list[list[str]]:
        model = self.list.model()
        assert isinstance(model, RowsModel)
        return [[c.text(r) for c in model.columns] for r in model.rows]

    def update_buttons(self) -> None:
        row: PactInfo | None = selected_row(self.list)
        has_draft = any(p.is_draft for p in self._rows)
        has_in_force = any(p.in_force for p in self._rows)
        self.new_button.setEnabled(not has_draft and not has_in_force)
        self.revise_button.setEnabled(has_in_force and not has_draft)
        self.edit_button.setEnabled(row is not None and row.is_draft)
        self.sign_button.setEnabled(row is not None and row.is_draft)
        self.print_button.setEnabled(row is not None)

    def _open_selected(self) -> None:
        row: PactInfo | None = selected_row(self.list)
        if row is not None and row.is_draft:
            self.edit_pact()
        elif row is not None:
            self.print_pact()

    def _saved(self, text: str) -> Callable[[object], None]:
        def after(info: object) -> None:
            self.load(select=info.id if isinstance(info, PactInfo) else None)
            self.message.show_info(text)
            self.changed.emit()
        return after

    # ------------------------------------------------------------------ actions

    def new_pact(self) -> PactDialog | None:
        try:
            dialog = PactDialog(self.ctx, self.worker, PactDialog.NEW, parent=self)
        except SportelloError as exc:
            self.refused(exc)
            return None
        show_dialog(dialog, self._saved(self.tr(
            "Bozza del patto creata: stamparla per la firma, poi «Segna come firmato».")))
        return dialog

    def edit_pact(self) -> PactDialog | None:
        row: PactInfo | None = selected_row(self.list)
        if row is None or not row.is_draft:
            return None
        dialog = PactDialog(self.ctx, self.worker, PactDialog.EDIT, row, self)
        show_dialog(dialog, self._saved(self.tr("Bozza del patto salvata.")))
        return dialog

    def revise_pact(self) -> PactDialog | None:
        current = next((p for p in self._rows if p.in_force), None)
        if current is None:
            return None
        try:
            dialog = PactDialog(self.ctx, self.worker, PactDialog.REVISE, current, self)
        except SportelloError as exc:
            self.refused(exc)
            return None
        show_dialog(dialog, self._saved(self.tr(
            "Nuova revisione in bozza; la revisione {n} resta in vigore finché questa non è "
            "firmata.").format(n=current.revision)))
        return dialog

    def sign_pact(self) -> SignPactDialog | None:
        row: PactInfo | None = selected_row(self.list)
        if row is None or not row.is_draft:
            return None
        dialog = SignPactDialog(self.ctx, row, self)
        show_dialog(dialog, self._saved(self.tr(
            "Patto firmato: la revisione {n} è ora in vigore.").format(n=row.revision)))
        return dialog

    def print_pact(self) -> LetterDialog | None:
        row: PactInfo | None = selected_row(self.list)
        if row is None:
            return None
        dialog = LetterDialog(self.ctx, self.worker, self, template="patto")
        dialog.pact_combo.setCurrentIndex(max(0, dialog.pact_combo.findData(row.id)))
        dialog.issued.connect(lambda letter: (self.message.show_info(self.tr(
            "Patto emesso: protocollo {protocol}.").format(protocol=letter.protocol)),
            self.changed.emit()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
