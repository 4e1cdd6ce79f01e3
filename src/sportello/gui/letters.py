"""Letters in the GUI: one worker's letter, a letter for a selection, calling a cohort in.

Every rule is ``services.letters``': which data a template needs (a letter that lacks
some is refused before printing, with the list), the protocol number, the archive. These
windows choose the template and what the letter is about, show the draft (ANTEPRIMA, no
number used) and the issued letter in ``PdfPreviewDialog``, from which it is printed or
saved. A call-in shows its plan (who gets which slot) before anything is booked. Batches
and call-ins run off the GUI thread with progress and cancel; a cancelled batch books
nothing and uses no number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import agenda, letters, pathways, vouchers, worker_file
from sportello.core.services.letters import Refs, TemplateInfo
from sportello.core.services.pathways import PathwayFilter
from sportello.core.services.vouchers import VoucherFilter
from sportello.core.services.worker_file import LetterRow
from sportello.gui import changes, ops
from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog
from sportello.gui.kit.forms import ERROR_COLOUR, MessageBar, label, muted_label
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, format_date, format_datetime
from sportello.gui.kit.tables import Column, selected_row, shown_texts
from sportello.gui.shared.labels import (
    DELIVERY_CHANNELS,
    DELIVERY_STATUSES,
    PATHWAY_KINDS,
    PATHWAY_STATUSES,
    VOUCHER_STATUSES,
)
from sportello.gui.shared.path_page import PathPage
from sportello.gui.tasks import Task, progress_dialog

SETTINGS_FOLDER = "letters/each_folder"


def show_pdf(parent: QWidget, pdf: bytes, title: str, file_name: str) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(pdf, title, file_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def delivery_combo(owner: QWidget, name: str, *, batch: bool) -> QComboBox:
    """How the letters reach people: the template's default, a channel, or (batches and
    single letters alike) "automatica": post, else e-mail, else by hand."""
    combo = QComboBox(owner)
    combo.setObjectName(name)
    combo.addItem(owner.tr("Quella del modello (predefinita)"), None)
    combo.addItem(owner.tr("Posta (serve l'indirizzo completo)"), "posta")
    combo.addItem(owner.tr("Consegna a mano (con ricevuta)"), "mano")
    combo.addItem(owner.tr("E-mail (bozza .eml da inviare)"), "email")
    combo.addItem(owner.tr("PEC (bozza .eml da inviare)"), "pec")
    combo.addItem(owner.tr("Automatica: posta, altrimenti e-mail, altrimenti a mano"), "auto")
    combo.setToolTip(owner.tr(
        "Automatica: per posta a chi ha l'indirizzo completo, altrimenti per e-mail, "
        "altrimenti a mano" if batch else "Solo la posta richiede indirizzo e CAP"))
    return combo


def delivery_text(owner: QWidget, batch: letters.BatchResult) -> str:
    """" Consegna: 12 per posta, 3 per e-mail (bozze in …)." for a batch's message."""
    if not batch.letters:
        return ""
    text = " " + owner.tr("Consegna: {summary}.").format(summary=batch.channel_summary)
    if batch.by_email:
        text += " " + owner.tr("Bozze e-mail in {folder}.").format(folder=str(letters.outbox()))
    return text


def _missing_text(missing: list[letters.MissingField]) -> str:
    return "\n".join(f"• {m.label}" for m in missing)


# --------------------------------------------------------------------------- one worker


class LetterDialog(QDialog):
    """A letter for the worker of the open file: template, what it is about, draft, issue."""

    issued = Signal(object)  # the IssuedLetter

    def __init__(self, ctx: Context, worker: tuple[int, str], parent: QWidget | None = None,
                 template: str | None = None) -> None:
        super().__init__(parent)
        # what this writes is shown everywhere (gui.changes)
        self.issued.connect(lambda _letter: changes.announce(changes.LETTERS, source=self))
        self.setObjectName("letterDialog")
        self.setWindowTitle(self.tr("Nuova lettera — {worker}").format(worker=worker[1]))
        self.setMinimumWidth(620)
        self.ctx = ctx
        self.worker_id, self.worker_name = worker
        self.result_letter: letters.IssuedLetter | None = None
        self.templates: dict[str, TemplateInfo] = {t.name: t for t in letters.templates()}

        form = QFormLayout()
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("letterTemplate")
        for info in self.templates.values():
            self.template_combo.addItem(info.title, info.name)
        form.addRow(self.tr("&Modello"), self.template_combo)
        self.appointment_combo = self._combo("letterAppointment", self._appointments())
        self.pathway_combo = self._combo("letterPathway", self._pathways())
        self.pact_combo = self._combo("letterPact", self._pacts())
        self.voucher_combo = self._combo("letterVoucher", self._vouchers())
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("letterSubject")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("letterText")
        self.text_edit.setPlaceholderText(self.tr(
            "Il testo della lettera; una riga vuota separa i paragrafi."))
        self.rows: dict[str, list[QWidget]] = {
            "appointment": [self.appointment_combo],
            "pathway": [self.pathway_combo],
            "pact": [self.pact_combo],
            "voucher": [self.voucher_combo],
            "text": [self.subject_edit, self.text_edit],
        }
        form.addRow(self.tr("&Appuntamento"), self.appointment_combo)
        form.addRow(self.tr("&Percorso"), self.pathway_combo)
        form.addRow(self.tr("Patto di &servizio"), self.pact_combo)
        form.addRow(self.tr("&Voucher"), self.voucher_combo)
        form.addRow(self.tr("&Oggetto"), self.subject_edit)
        form.addRow(self.tr("&Testo"), self.text_edit)
        self.delivery_combo = delivery_combo(self, "letterDelivery", batch=False)
        form.addRow(self.tr("&Consegna"), self.delivery_combo)
        self.delivery_combo.currentIndexChanged.connect(lambda _i: self.refresh_missing())
        self.form = form
        self.missing_label = QLabel()
        self.missing_label.setObjectName("letterMissing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message = MessageBar("letterMessage")

        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(
            self.tr("&Anteprima"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("letterPreview")
        self.preview_button.setToolTip(self.tr("La lettera come sarà stampata, senza numero di "
                                               "protocollo"))
        self.issue_button = self.buttons.addButton(
            self.tr("&Emetti e stampa…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("letterIssue")
        self.issue_button.setToolTip(self.tr("Assegna il protocollo, archivia la lettera nel "
                                             "fascicolo e la apre per stampa"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Annulla"))
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(self.issue)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.template_combo.currentIndexChanged.connect(lambda _i: self._template_changed())
        for combo in (self.appointment_combo, self.pathway_combo, self.pact_combo,
                      self.voucher_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_missing())
        self.subject_edit.textChanged.connect(lambda _t: self.refresh_missing())
        self.text_edit.textChanged.connect(self.refresh_missing)
        if template is not None:
            self.template_combo.setCurrentIndex(max(0, self.template_combo.findData(template)))
        self._template_changed()

    # ------------------------------------------------------------------ choices

    def _combo(self, name: str, items: list[tuple[int, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("Quello più recente (predefinito)"), None)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _appointments(self, service: str | None = None) -> list[tuple[int, str]]:
        """Booked appointments, next first; only those of ``service`` when given."""
        found = sorted(worker_file.appointments(self.ctx, self.worker_id),
                       key=lambda a: a.starts_at)
        return [(a.id, f"{format_datetime(a.starts_at)} — {a.operator_name}"
                       f" ({a.purpose or a.status})"
                       + (self.tr(" · Sportello Unico") if a.at_sportello_unico else ""))
                for a in found if a.status == "prenotato"
                and (service is None or a.service == service)]

    def _fill_appointments(self) -> None:
        """The letter's appointments: the Sportello Unico ones for its invitation."""
        service = letters.APPOINTMENT_SERVICE.get(self.template)
        combo = self.appointment_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Il prossimo allo Sportello Unico (predefinito)") if service
                      else self.tr("Il prossimo prenotato (predefinito)"), None)
        for value, text in self._appointments(service):
            combo.addItem(text, value)
        combo.blockSignals(False)

    def _pathways(self) -> list[tuple[int, str]]:
        found = pathways.list_pathways(self.ctx, PathwayFilter(worker_id=self.worker_id))
        return [(p.id, f"{label(PATHWAY_KINDS, p.kind)} — {label(PATHWAY_STATUSES, p.status)}"
                       f", {format_date(p.start_on)}") for p in found]

    def _pacts(self) -> list[tuple[int, str]]:
        return [(p.id, self.tr("Revisione {n} — {status}").format(n=p.revision, status=p.status))
                for p in worker_file.pacts(self.ctx, self.worker_id)]

    def _vouchers(self) -> list[tuple[int, str]]:
        found = vouchers.list_vouchers(self.ctx, VoucherFilter(worker_id=self.worker_id))
        return [(v.id, f"{v.code or ''} — {v.course_title} ({label(VOUCHER_STATUSES, v.status)})")
                for v in found]

    @property
    def template(self) -> str:
        return str(self.template_combo.currentData())

    @property
    def delivery(self) -> str | None:
        data = self.delivery_combo.currentData()
        return str(data) if data else None

    def refs(self) -> Refs:
        return Refs(appointment_id=self.appointment_combo.currentData(),
                    pathway_id=self.pathway_combo.currentData(),
                    pact_id=self.pact_combo.currentData(),
                    voucher_id=self.voucher_combo.currentData(),
                    subject=self.subject_edit.text().strip() or None,
                    text=self.text_edit.toPlainText().strip() or None)

    def _template_changed(self) -> None:
        needs = self.templates[self.template].needs
        self._fill_appointments()
        for need, widgets in self.rows.items():
            for widget in widgets:
                self.form.setRowVisible(widget, need in needs)
        self.message.clear_message()
        self.refresh_missing()

    def refresh_missing(self) -> list[letters.MissingField]:
        """Say now what the letter lacks, so nothing is found missing at the printer."""
        try:
            missing = letters.missing_fields(self.ctx, self.template, self.worker_id, self.refs(),
                                             delivery=self.delivery)
        except SportelloError as exc:
            self.missing_label.setText(str(exc))
            self.missing_label.setVisible(True)
            self.issue_button.setEnabled(False)
            self.preview_button.setEnabled(False)
            return []
        self.missing_label.setText(
            self.tr("Non si può stampare: mancano\n{list}").format(list=_missing_text(missing)))
        self.missing_label.setVisible(bool(missing))
        self.issue_button.setEnabled(not missing)
        self.preview_button.setEnabled(not missing)
        return missing

    # ------------------------------------------------------------------ actions

    def preview(self) -> PdfPreviewDialog | None:
        try:
            pdf = letters.preview(self.ctx, self.template, self.worker_id, self.refs(),
                                  delivery=self.delivery)
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return None
        info = self.templates[self.template]
        return show_pdf(self, pdf, self.tr("Anteprima — {title}").format(title=info.title),
                        f"anteprima-{self.template}.pdf")

    def issue(self) -> letters.IssuedLetter | None:
        try:
            letter = letters.issue(self.ctx, self.template, self.worker_id, self.refs(),
                                   delivery=self.delivery)
            drafts = letters.write_eml([letter], letters.outbox()) if letter.email_to else []
        except (SportelloError, OSError) as exc:
            self.message.show_error(str(exc))
            self.refresh_missing()
            return None
        self.result_letter = letter
        self.eml_files = drafts
        self.issued.emit(letter)
        self.accept()
        parent = self.parentWidget() or self
        show_pdf(parent, letter.pdf, self.tr("Lettera prot. {protocol}").format(
            protocol=letter.protocol), letter.file_name)
        return letter


def template_titles() -> dict[str, str]:
    """Template name -> title, for the Lettere tab's list. It reads (and, the first time,
    parses) the template files: call it in a job, not on the UI thread."""
    return {t.name: t.title for t in letters.templates()}


class LettersPage(PathPage):
    """The file's Lettere tab: the archive of issued letters, a new one, a reprint."""

    def __init__(self, ctx: Context, worker: Callable[[], tuple[int, str] | None],
                 titles: dict[str, str]) -> None:
        """``titles``: template name -> title (``template_titles``, read off the UI thread)."""
        super().__init__(ctx, worker)
        self.setObjectName("fileLetters")
        self.new_button = self.button(
            "fileLetterNew", self.tr("Nuova lettera…"),
            self.tr("Convocazione, patto, voucher, invito, attestato, esito o lettera libera"),
            self.new_letter)
        self.reprint_button = self.button(
            "fileLetterReprint", self.tr("Apri / ristampa"),
            self.tr("Apre la lettera archiviata, identica all'originale, per stamparla o "
                    "salvarla"), self.reprint)
        self.sent_button = self.button(
            "fileLetterSent", self.tr("Segna come inviata"),
            self.tr("La lettera per e-mail o PEC è partita dalla casella dell'ufficio"),
            self.mark_sent)
        self.buttons.addStretch(1)
        self.list = self.table([
            Column(self.tr("Protocollo"), lambda r: r.protocol),
            Column(self.tr("Modello"), lambda r: self._template_title(r.template)),
            Column(self.tr("Oggetto"), lambda r: r.subject or ""),
            Column(self.tr("Emessa il"), lambda r: format_datetime(r.issued_at)),
            Column(self.tr("Consegna"), self._delivery_text),
        ], "fileLetterTable", [100, 200, 300, 120])
        self.list.doubleClicked.connect(lambda _index: self.reprint())
        self.layout_.addWidget(self.list, 1)
        self.empty = muted_label(self.tr("Nessuna lettera per questo fascicolo."))
        self.layout_.addWidget(self.empty)
        self._titles = titles
        self.update_buttons()

    def _template_title(self, name: str) -> str:
        return self._titles.get(name, name)

    def load(self) -> None:
        rows = worker_file.letters(self.ctx, self.worker[0])
        model = self.list.model()
        model.set_rows(rows)  # type: ignore[attr-defined]
        self.empty.setVisible(not rows)
        self.loaded = True
        self.update_buttons()

    def rows(self) -> list[list[str]]:
        return shown_texts(self.list)

    def _delivery_text(self, row: LetterRow) -> str:
        text = label(DELIVERY_CHANNELS, row.delivery or "posta")
        if row.delivery_status:
            text += f" · {label(DELIVERY_STATUSES, row.delivery_status)}"
        return text

    def update_buttons(self) -> None:
        row = selected_row(self.list)
        self.reprint_button.setEnabled(row is not None)
        self.sent_button.setEnabled(row is not None and row.delivery_status == "predisposta")

    def mark_sent(self) -> None:
        row = selected_row(self.list)
        if row is None:
            return
        ctx = self.ctx
        ops.write(self, lambda: letters.mark_sent(ctx, [row.id]),
                  done=lambda _n: self._sent(row.protocol), changes=(changes.LETTERS,),
                  busy=[self.sent_button])

    def _sent(self, protocol: str) -> None:
        self.done(self.tr("Lettera prot. {protocol} segnata come inviata.").format(
            protocol=protocol))

    def new_letter(self, template: str | None = None) -> LetterDialog:
        dialog = LetterDialog(self.ctx, self.worker, self, template=template)
        dialog.issued.connect(lambda letter: self.done(self._issued_text(letter)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _issued_text(self, letter: letters.IssuedLetter) -> str:
        text = self.tr("Lettera emessa: protocollo {protocol}.").format(protocol=letter.protocol)
        if letter.email_to:
            text += " " + self.tr("Bozza e-mail per {to} in {folder}: inviarla dalla posta "
                                  "dell'ufficio, poi «Segna come inviata».").format(
                to=letter.email_to, folder=str(letters.outbox()))
        return text

    def reprint(self) -> PdfPreviewDialog | None:
        row = selected_row(self.list)
        if row is None:
            return None
        try:
            pdf = letters.reprint(self.ctx, row.id)
            info = letters.info(self.ctx, row.id)
        except SportelloError as exc:
            self.refused(exc)
            return None
        return show_pdf(self, pdf, self.tr("Lettera prot. {protocol}").format(
            protocol=info.protocol), info.file_name)


# --------------------------------------------------------------------------- selections


class SelectionForm(QObject):
    """Who the letters are for: a vertenza's workers, by file status, optionally only those
    without a booked appointment. Says how many there are as the choice changes. Its rows
    go into the dialog's form, so that every label lines up."""

    changed = Signal()

    def __init__(self, ctx: Context, without_appointment: bool, form: QFormLayout,
                 parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vertenza_combo = QComboBox()
        self.vertenza_combo.setObjectName("selectionVertenza")
        self.vertenza_combo.addItem(self.tr("Tutte le vertenze"), None)
        for vid, title in worker_file.vertenze(ctx):
            self.vertenza_combo.addItem(title, vid)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("selectionStatus")
        for value, text in ((None, self.tr("Tutti")), ("aperto", self.tr("Aperti")),
                            ("sospeso", self.tr("Sospesi")), ("chiuso", self.tr("Chiusi"))):
            self.status_combo.addItem(text, value)
        self.status_combo.setCurrentIndex(1)
        self.without_check = QCheckBox(self.tr("Solo chi è senza appuntamento"))
        self.without_check.setObjectName("selectionWithout")
        self.without_check.setToolTip(self.tr(
            "Esclude chi ha un appuntamento futuro e chi si è già presentato a un colloquio; "
            "chi era assente va convocato di nuovo."))
        self.without_check.setChecked(without_appointment)
        self.count_label = muted_label()
        self.count_label.setObjectName("selectionCount")
        form.addRow(self.tr("&Vertenza"), self.vertenza_combo)
        form.addRow(self.tr("&Fascicoli"), self.status_combo)
        form.addRow("", self.without_check)
        form.addRow("", self.count_label)
        self.vertenza_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.without_check.toggled.connect(lambda _c: self.refresh())
        self.worker_ids: list[int] = []
        self.refresh()

    def refresh(self) -> None:
        """Choose again the workers the filters select (after a call-in, too)."""
        try:
            self.worker_ids = letters.select_workers(
                self.ctx, vertenza=self.vertenza_combo.currentData(),
                status=self.status_combo.currentData(),
                without_appointment=self.without_check.isChecked())
        except SportelloError as exc:
            self.worker_ids = []
            self.count_label.setText(str(exc))
        else:
            n = len(self.worker_ids)
            self.count_label.setText(self.tr("Nessun lavoratore scelto.") if n == 0 else
                                     self.tr("1 lavoratore scelto.") if n == 1 else
                                     self.tr("{n} lavoratori scelti.").format(n=n))
        self.changed.emit()


class _TaskDialog(QDialog):
    """A form whose OK runs a service call in a ``Task`` with progress and cancel."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.layout_ = QVBoxLayout(self)
        self.message = MessageBar("letterBatchMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.task: Task | None = None
        self.outcome: Any = None
        # address labels for the letters of the last batch that go by post
        self.labels_button = self.buttons.addButton(self.tr("Etichette per la posta…"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.labels_button.setObjectName("batchLabels")
        self.labels_button.setToolTip(self.tr(
            "Un foglio A4 di etichette 3×8 (70×37 mm) con l'indirizzo di chi riceve la lettera "
            "per posta, per le buste senza finestra"))
        self.labels_button.setVisible(False)
        self.labels_button.clicked.connect(lambda: self.print_labels())
        self.posted: list[int] = []

    def show_labels_for(self, batch: letters.BatchResult) -> None:
        self.posted = [x.worker_id for x in batch.letters if x.delivery == "posta"]
        self.labels_button.setVisible(bool(self.posted))

    def print_labels(self) -> None:
        ctx, ids = self.ctx, list(self.posted)  # type: ignore[attr-defined]
        ops.read(self, lambda: letters.address_labels(ctx, ids, "3x8"),
                 done=lambda pdf: show_pdf(self, pdf, self.tr("Etichette — {n}").format(
                     n=len(ids)), "etichette.pdf"),
                 failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                 busy=[self.labels_button])

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.buttons)

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def job(self) -> Callable[[Callable[[int, int], bool]], Any]:  # pragma: no cover
        raise NotImplementedError

    def progress_text(self) -> str:  # pragma: no cover
        raise NotImplementedError

    def succeeded(self, outcome: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def start(self) -> Task | None:
        self.message.clear_message()
        try:
            job = self.job()
        except SportelloError as exc:
            self.message.show_error(str(exc))
            return None
        task = Task(job, self)
        self.task = task
        progress = progress_dialog(self, task, self.windowTitle(), self.progress_text())
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.finished.connect(lambda: setattr(self, "task", None))
        self.ok_button().setEnabled(False)
        task.start()
        progress.show()
        return task

    def _succeeded(self, outcome: Any) -> None:
        self.ok_button().setEnabled(True)
        self.outcome = outcome
        changes.announce(changes.LETTERS, changes.APPOINTMENTS, source=self)  # call-in books
        self.succeeded(outcome)

    def _failed(self, message: str) -> None:
        self.ok_button().setEnabled(True)
        self.message.show_error(message)

    def reject(self) -> None:
        if self.task is not None:  # still working: Annulla goes through the progress dialog
            self.task.cancel()
            self.task.wait()
        super().reject()


class BatchLettersDialog(_TaskDialog):
    """One letter per chosen worker, consecutive protocol numbers, one PDF to print."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lettere per una selezione"), parent)
        self.setObjectName("batchLettersDialog")
        self.ctx = ctx
        more = QFormLayout()
        self.selection = SelectionForm(ctx, False, more, self)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("batchTemplate")
        for info in letters.templates():
            self.template_combo.addItem(info.title, info.name)
        more.addRow(self.tr("&Modello"), self.template_combo)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("batchSubject")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("batchText")
        self.text_edit.setMaximumHeight(self.fontMetrics().height() * 6)
        more.addRow(self.tr("&Oggetto"), self.subject_edit)
        more.addRow(self.tr("&Testo"), self.text_edit)
        self.delivery_combo = delivery_combo(self, "batchDelivery", batch=True)
        more.addRow(self.tr("&Consegna"), self.delivery_combo)
        self.more = more
        self.layout_.addLayout(more)
        self.skip_check = QCheckBox(self.tr(
            "Salta chi non ha i dati necessari (elencati alla fine) invece di fermarsi"))
        self.skip_check.setObjectName("batchSkip")
        self.layout_.addWidget(self.skip_check)
        folder_row = QHBoxLayout()
        self.each_check = QCheckBox(self.tr("Salva anche un PDF per lavoratore in:"))
        self.each_check.setObjectName("batchEach")
        self.folder_edit = QLineEdit(str(QSettings().value(SETTINGS_FOLDER,
                                                           str(Path.home() / "Lettere"))))
        self.folder_edit.setObjectName("batchFolder")
        browse = QPushButton(self.tr("Sfoglia…"))
        browse.clicked.connect(self._browse)
        folder_row.addWidget(self.each_check)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.layout_.addLayout(folder_row)
        self.ok_button().setText(self.tr("Emetti le lettere"))
        self.finish_layout()
        self.template_combo.currentIndexChanged.connect(lambda _i: self._template_changed())
        self.selection.changed.connect(self._update_ok)
        self._template_changed()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Cartella delle lettere"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _template_changed(self) -> None:
        free = self.template_combo.currentData() == "generica"
        self.more.setRowVisible(self.subject_edit, free)
        self.more.setRowVisible(self.text_edit, free)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button().setEnabled(bool(self.selection.worker_ids))

    def progress_text(self) -> str:
        return self.tr("Preparazione di {n} lettere…").format(n=len(self.selection.worker_ids))

    def job(self) -> Callable[[Callable[[int, int], bool]], Any]:
        ctx, template = self.ctx, str(self.template_combo.currentData())
        ids = list(self.selection.worker_ids)
        subject = self.subject_edit.text().strip() or None
        text = self.text_edit.toPlainText().strip() or None
        skip = self.skip_check.isChecked()
        delivery = self.delivery_combo.currentData()
        folder = self.folder_edit.text().strip() if self.each_check.isChecked() else None
        if folder:
            QSettings().setValue(SETTINGS_FOLDER, folder)

        def run(progress: Callable[[int, int], bool]) -> Any:
            result = letters.issue_batch(ctx, template, ids, subject=subject, text=text,
                                         skip_incomplete=skip, progress=progress,
                                         delivery=delivery)
            files = result.write_files(folder) if folder and not result.cancelled else []
            if not result.cancelled:
                result.write_eml(letters.outbox())
            return result, files

        return run

    def succeeded(self, outcome: Any) -> None:
        result, files = outcome
        if result.cancelled:
            self.message.show_info(self.tr("Annullato: nessuna lettera emessa, nessun numero "
                                           "di protocollo usato."))
            return
        text = self.tr("{n} lettere emesse, protocolli da {first} a {last}.").format(
            n=len(result.letters), first=result.first_protocol, last=result.last_protocol)
        if files:
            text += " " + self.tr("Un PDF per lavoratore in {folder}.").format(
                folder=Path(files[0]).parent)
        if result.skipped:
            text += " " + self.tr("Saltati per dati mancanti: {n}.").format(n=len(result.skipped))
        text += delivery_text(self, result)
        self.message.show_info(text)
        self.show_labels_for(result)
        if result.pdf:
            show_pdf(self, result.pdf, self.tr("Lettere — {n}").format(n=len(result.letters)),
                     f"lettere-{result.template}.pdf")


class CallInDialog(_TaskDialog):
    """Book a selection into the free slots of the chosen operators, print the convocations.

    Two steps: the choice (who, with whom, from when) and the plan (who gets which slot,
    from ``letters.plan_call_in``, nothing written yet); only the plan confirmed by the
    clerk is booked and protocolled (``letters.book_call_in``)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Convoca i lavoratori"), parent)
        self.setObjectName("callInDialog")
        self.ctx = ctx
        self.plan: list[letters.PlannedBooking] = []
        self.hours = agenda.office_hours(ctx)
        self.pages = QStackedWidget()
        self.choice_page = QWidget()
        choice = QVBoxLayout(self.choice_page)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(muted_label(self.tr(
            "Ogni lavoratore scelto riceve un appuntamento nei posti liberi degli operatori "
            "indicati (orari d'apertura, festivi e appuntamenti già presi rispettati) e la "
            "lettera di convocazione. Prima si vede il piano; nulla è prenotato finché non "
            "lo si conferma.")))
        form = QFormLayout()
        self.selection = SelectionForm(ctx, True, form, self)
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("callInTemplate")
        for info in letters.templates():
            if "appointment" in info.needs:
                self.template_combo.addItem(info.title, info.name)
        form.addRow(self.tr("&Modello"), self.template_combo)
        self.operator_list = QListWidget()
        self.operator_list.setObjectName("callInOperators")
        self.operator_list.setMaximumHeight(self.fontMetrics().height() * 7)
        for oid, name in worker_file.operators(ctx):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, oid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ctx.actor and oid == ctx.actor.id
                               else Qt.CheckState.Unchecked)
            self.operator_list.addItem(item)
        form.addRow(self.tr("&Operatori"), self.operator_list)
        self.from_edit = OptionalDateEdit()
        self.from_edit.setObjectName("callInFrom")
        self.from_edit.setDate(dt.date.today() + dt.timedelta(days=1))
        form.addRow(self.tr("&Dal giorno"), self.from_edit)
        self.days_spin = QSpinBox()
        self.days_spin.setObjectName("callInDays")
        self.days_spin.setRange(1, 60)
        self.days_spin.setValue(14)
        self.days_spin.setSuffix(self.tr(" giorni"))
        form.addRow(self.tr("&Per"), self.days_spin)
        self.slot_label = muted_label(self.tr(
            "Colloqui di {minutes} minuti negli orari d'apertura dell'ufficio "
            "(File → Impostazioni → Orari e appuntamenti).").format(
                minutes=self.hours.slot_minutes))
        self.slot_label.setObjectName("callInSlot")
        form.addRow(self.tr("Durata"), self.slot_label)
        self.delivery_combo = delivery_combo(self, "callInDelivery", batch=True)
        form.addRow(self.tr("&Consegna"), self.delivery_combo)
        choice.addLayout(form)
        self.pages.addWidget(self.choice_page)

        self.plan_page = QWidget()
        planned = QVBoxLayout(self.plan_page)
        planned.setContentsMargins(0, 0, 0, 0)
        self.plan_label = QLabel()
        self.plan_label.setObjectName("callInPlanSummary")
        self.plan_label.setWordWrap(True)
        planned.addWidget(self.plan_label)
        self.plan_table = QTableWidget(0, 4)
        self.plan_table.setObjectName("callInPlan")
        self.plan_table.setHorizontalHeaderLabels([
            self.tr("Lavoratore"), self.tr("Giorno"), self.tr("Ora"), self.tr("Operatore")])
        self.plan_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        planned.addWidget(self.plan_table, 1)
        self.pages.addWidget(self.plan_page)
        self.layout_.addWidget(self.pages, 1)

        self.back_button = self.buttons.addButton(self.tr("‹ &Indietro"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.back_button.setObjectName("callInBack")
        self.back_button.clicked.connect(lambda: self.show_choice())
        self.ok_button().setObjectName("callInOk")
        self.finish_layout()
        self.selection.changed.connect(self._update_ok)
        self.show_choice()

    def operator_ids(self) -> list[int]:
        return [int(self.operator_list.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.operator_list.count())
                if self.operator_list.item(i).checkState() == Qt.CheckState.Checked]

    def check_operator(self, name: str) -> None:
        for i in range(self.operator_list.count()):
            item = self.operator_list.item(i)
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked)

    def _update_ok(self) -> None:
        self.ok_button().setEnabled(bool(self.selection.worker_ids)
                                    if self.pages.currentWidget() is self.choice_page
                                    else bool(self.plan))

    # ------------------------------------------------------------------ the two steps

    def show_choice(self) -> None:
        self.pages.setCurrentWidget(self.choice_page)
        self.plan = []
        self.back_button.setVisible(False)
        self.ok_button().setText(self.tr("&Avanti: piano delle convocazioni ›"))
        self._update_ok()

    def show_plan(self) -> bool:
        """Ask the service who would get which slot; nothing is written."""
        self.message.clear_message()
        operators = self.operator_ids()
        if not operators:
            self.message.show_error(self.tr("Scegliere almeno un operatore per i colloqui."))
            return False
        try:
            first = self.from_edit.date()
            if first is None:
                raise InvalidInput(self.tr("Scrivere il primo giorno delle convocazioni."))
            plan = letters.plan_call_in(
                self.ctx, list(self.selection.worker_ids), operators,
                letters.days_from(first, self.days_spin.value()))
        except (InvalidInput, SportelloError) as exc:
            self.message.show_error(str(exc))
            return False
        self.plan = plan
        self.plan_table.setRowCount(len(plan))
        for row, booking in enumerate(plan):
            day = booking.starts_at.date()
            weekday = agenda.WEEKDAY_NAMES_IT[day.weekday()][:3]
            texts = (booking.worker_name, f"{weekday} {format_date(day)}",
                     f"{booking.starts_at:%H:%M}–{booking.ends_at:%H:%M}",
                     booking.operator_name)
            for column, text in enumerate(texts):
                self.plan_table.setItem(row, column, QTableWidgetItem(text))
        self.plan_table.resizeColumnsToContents()
        self.plan_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.plan_label.setText(self.tr(
            "{n} appuntamenti dal {first} al {last}. Controllare chi riceve quale posto: "
            "«Prenota e stampa» li prenota tutti ed emette le convocazioni.").format(
            n=len(plan), first=format_date(plan[0].starts_at),
            last=format_date(plan[-1].starts_at)))
        self.pages.setCurrentWidget(self.plan_page)
        self.back_button.setVisible(True)
        self.ok_button().setText(self.tr("&Prenota e stampa"))
        self._update_ok()
        return True

    def plan_rows(self) -> list[list[str]]:
        return [[self.plan_table.item(r, c).text() for c in range(self.plan_table.columnCount())]
                for r in range(self.plan_table.rowCount())]

    def start(self) -> Task | None:
        if self.pages.currentWidget() is self.choice_page:
            self.show_plan()
            return None
        return super().start()

    def progress_text(self) -> str:
        return self.tr("Prenotazione e convocazione di {n} lavoratori…").format(
            n=len(self.plan))

    def job(self) -> Callable[[Callable[[int, int], bool]], Any]:
        ctx = self.ctx
        plan = list(self.plan)
        template = str(self.template_combo.currentData())
        delivery = self.delivery_combo.currentData()
        if not plan:
            raise SportelloError(self.tr("Nessun piano da confermare."))

        def run(progress: Callable[[int, int], bool]) -> Any:
            result = letters.book_call_in(ctx, plan, template=template, progress=progress,
                                          delivery=delivery)
            if not result.batch.cancelled:
                result.batch.write_eml(letters.outbox())
            return result

        return run

    def succeeded(self, outcome: Any) -> None:
        batch = outcome.batch
        if batch.cancelled:
            self.message.show_info(self.tr("Annullato: nessun appuntamento prenotato, nessuna "
                                           "lettera emessa."))
            return
        first, last = outcome.appointments[0].starts_at, outcome.appointments[-1].starts_at
        self.selection.refresh()  # those called in now have an appointment
        self.show_choice()
        self.message.show_info(self.tr(
            "{n} lavoratori convocati dal {first} al {last}; protocolli da {p1} a {p2}.").format(
            n=len(outcome.appointments), first=format_date(first), last=format_date(last),
            p1=batch.first_protocol, p2=batch.last_protocol) + delivery_text(self, batch))
        self.show_labels_for(batch)
        if batch.pdf:
            show_pdf(self, batch.pdf, self.tr("Convocazioni — {n}").format(
                n=len(batch.letters)), "convocazioni.pdf")
