"""Vertenze area: the company crises the office works for, managed as a whole.

The list shows every vertenza with its figures (workers, open files, who left the cohort's
"to place" count, the last and the next meeting of the tavolo), counted in SQL off the UI
thread. A vertenza opens in its editor (``VertenzaDialog``), in tabs: *Dati* (company,
CF/P.IVA, dates, CIGS, safety net, notes), *Sedi*, *Parti* (who sits at the tavolo),
*Tavolo* (the meetings, with attendees, decisions and minutes) and *Coorte* (the workers
with how each left the count; a double click opens the file).

Team leaders and up edit; an operator sees the same editor read-only, and the service
refuses them anyway (``services.vertenze``). Every read and every write goes through
``gui.ops``; a refusal is shown next to the field it names, and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.services import vertenze
from sportello.core.services.vertenze import (
    CohortRow,
    MeetingRow,
    PartyRow,
    SiteRow,
    VertenzaDetail,
    VertenzaSummary,
)
from sportello.gui import changes, ops
from sportello.gui.areas.base import Area
from sportello.gui.kit.forms import (
    FieldInput,
    FormDialog,
    MessageBar,
    close_buttons,
    error_label,
    fill_combo,
    label,
    muted_label,
    read_field,
    select_data,
    show_dialog,
    with_buttons,
)
from sportello.gui.kit.screen_fit import resize_within_screen
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, format_date
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row
from sportello.gui.shared.labels import COHORT_EXITS, PARTY_KINDS, SAFETY_NETS
from sportello.gui.shared.navigation import open_worker_file
from sportello.gui.worker_file.labels import label as code_label
from sportello.core.codes import FileStatus

CHANGES = (changes.VERTENZE,)
COHORT_CHANGES = (changes.VERTENZE, changes.WORKERS)  # a cohort exit is written on the file


def _lines(text: str | None) -> str:
    return " ".join((text or "").split())


def _whole(text: str, field: str, what: str) -> int | None:
    """A whole number typed in a field ("" is none); ``what`` says why not, with {text}."""
    clean = text.strip().replace(".", "")
    if not clean:
        return None
    if not clean.isdigit():
        raise FieldInput(what.format(text=clean), field)
    return int(clean)


class _WriteDialog(FormDialog):
    """A FormDialog whose OK runs the service on the write lane (``gui.ops``): the dialog
    stays open, OK disabled, until the answer; a refusal shows next to its field."""

    CHANGES = CHANGES

    def job(self) -> Callable[[], object]:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            job = self.job()
        except InvalidInput as exc:
            self.show_error(str(exc), getattr(exc, "field", None))
            return
        ops.write(self, job, done=self._written, failed=self._refused, changes=self.CHANGES,
                  busy=[self.ok_button()])

    def _written(self, value: object) -> None:
        self.result_value = value
        QDialog.accept(self)
        self.saved.emit(value)

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_error(str(exc), exc.field)
        else:
            self.show_error(ops.message_for(exc))


def _text_edit(name: str, lines: int = 4) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().height() * lines)
    return edit


def _line(name: str, text: str | None = None) -> QLineEdit:
    edit = QLineEdit(text or "")
    edit.setObjectName(name)
    return edit


def _date(name: str, value: dt.date | None = None) -> OptionalDateEdit:
    edit = OptionalDateEdit()
    edit.setObjectName(name)
    edit.setDate(value)
    return edit


def _read_date(edit: OptionalDateEdit, field: str) -> dt.date | None:
    return read_field(field, lambda _t: edit.date(), edit.text())


# --------------------------------------------------------------------------- small dialogs


class SiteDialog(_WriteDialog):
    def __init__(self, ctx: Context, vertenza_id: int, site: SiteRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sede della vertenza"), parent)
        self.ctx, self.vertenza_id, self.site = ctx, vertenza_id, site
        self.comune_edit = _line("siteComune", site.comune if site else "")
        self.add_field("comune", self.tr("Comune"), self.comune_edit)
        self.provincia_edit = _line("siteProvincia", site.provincia if site else "")
        self.provincia_edit.setMaxLength(4)
        self.add_field("provincia", self.tr("Provincia (sigla)"), self.provincia_edit)
        self.address_edit = _line("siteAddress", site.address if site else "")
        self.add_field("address", self.tr("Indirizzo"), self.address_edit)
        count = site.workers_count if site and site.workers_count is not None else None
        self.workers_edit = _line("siteWorkers", "" if count is None else str(count))
        self.add_field("workers_count", self.tr("Lavoratori della sede"), self.workers_edit)
        self.finish(self.tr("Salva sede"))

    def job(self) -> Callable[[], object]:
        values = dict(
            comune=self.comune_edit.text(), provincia=self.provincia_edit.text() or None,
            address=self.address_edit.text() or None,
            workers_count=_whole(self.workers_edit.text(), "workers_count",
                                 self.tr("«{text}» non è un numero intero.")))
        ctx, site, vid = self.ctx, self.site, self.vertenza_id
        if site is None:
            return lambda: vertenze.add_site(ctx, vid, **values)
        return lambda: vertenze.update_site(ctx, site.id, **values)


class PartyDialog(_WriteDialog):
    def __init__(self, ctx: Context, vertenza_id: int, party: PartyRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Parte al tavolo"), parent)
        self.ctx, self.vertenza_id, self.party = ctx, vertenza_id, party
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("partyKind")
        fill_combo(self.kind_combo, PARTY_KINDS)
        if party is not None:
            select_data(self.kind_combo, party.kind)
        self.add_field("kind", self.tr("Tipo"), self.kind_combo)
        self.name_edit = _line("partyName", party.name if party else "")
        self.add_field("name", self.tr("Nome"), self.name_edit)
        self.contact_edit = _line("partyContact", party.contact if party else "")
        self.add_field("contact", self.tr("Referente e recapito"), self.contact_edit)
        self.finish(self.tr("Salva parte"))

    def job(self) -> Callable[[], object]:
        values = dict(kind=self.kind_combo.currentData(), name=self.name_edit.text(),
                      contact=self.contact_edit.text() or None)
        ctx, party, vid = self.ctx, self.party, self.vertenza_id
        if party is None:
            return lambda: vertenze.add_party(ctx, vid, **values)
        return lambda: vertenze.update_party(ctx, party.id, **values)


class MeetingDialog(_WriteDialog):
    """A meeting of the tavolo: date, place or online, who came, decisions, minutes."""

    def __init__(self, ctx: Context, vertenza_id: int, meeting: MeetingRow | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Incontro del tavolo"), parent)
        self.ctx, self.vertenza_id, self.meeting = ctx, vertenza_id, meeting
        self.setMinimumWidth(520)
        m = meeting
        self.held_edit = _date("meetingDate", m.held_on if m else dt.date.today())
        self.add_field("held_on", self.tr("Data"), self.held_edit)
        place_row = QHBoxLayout()
        self.place_edit = _line("meetingPlace", m.place if m else "")
        self.online_check = QCheckBox(self.tr("Online"))
        self.online_check.setObjectName("meetingOnline")
        self.online_check.setChecked(bool(m and m.online))
        place_row.addWidget(self.place_edit, 1)
        place_row.addWidget(self.online_check)
        self.add_field("place", self.tr("Luogo"), place_row)
        self.attendees_edit = _text_edit("meetingAttendees", 2)
        self.add_field("attendees", self.tr("Presenti"), self.attendees_edit)
        self.decisions_edit = _text_edit("meetingDecisions", 2)
        self.add_field("decisions", self.tr("Decisioni"), self.decisions_edit)
        self.minutes_edit = _text_edit("meetingMinutes", 3)
        self.add_field("minutes", self.tr("Verbale"), self.minutes_edit)
        self.documents_edit = _text_edit("meetingDocuments", 1)
        self.add_field("documents", self.tr("Documenti prodotti"), self.documents_edit)
        self.next_edit = _date("meetingNext", m.next_meeting_on if m else None)
        self.add_field("next_meeting_on", self.tr("Prossimo incontro"), self.next_edit)
        if m is not None:
            for edit, text in ((self.attendees_edit, m.attendees),
                               (self.decisions_edit, m.decisions),
                               (self.minutes_edit, m.minutes), (self.documents_edit, m.documents)):
                edit.setPlainText(text or "")
        self.finish(self.tr("Salva incontro"))

    def job(self) -> Callable[[], object]:
        values = dict(
            held_on=_read_date(self.held_edit, "held_on"), place=self.place_edit.text() or None,
            online=self.online_check.isChecked(),
            attendees=self.attendees_edit.toPlainText() or None,
            decisions=self.decisions_edit.toPlainText() or None,
            minutes=self.minutes_edit.toPlainText() or None,
            documents=self.documents_edit.toPlainText() or None,
            next_meeting_on=_read_date(self.next_edit, "next_meeting_on"))
        if values["held_on"] is None:
            raise FieldInput(self.tr("Indicare la data dell'incontro."), "held_on")
        ctx, meeting, vid = self.ctx, self.meeting, self.vertenza_id
        if meeting is None:
            return lambda: vertenze.add_meeting(ctx, vid, **values)
        return lambda: vertenze.update_meeting(ctx, meeting.id, **values)


class CohortExitDialog(_WriteDialog):
    """How a worker left the cohort's "to place" count (or back in it)."""

    CHANGES = COHORT_CHANGES

    def __init__(self, ctx: Context, row: CohortRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Uscita dalla coorte"), parent)
        self.ctx, self.row = ctx, row
        self.form.addRow(QLabel(f"{row.surname} {row.name} ({row.codice_fiscale})"))
        self.exit_combo = QComboBox()
        self.exit_combo.setObjectName("cohortExit")
        fill_combo(self.exit_combo, COHORT_EXITS, first=self.tr("Nessuna: da ricollocare"))
        select_data(self.exit_combo, row.cohort_exit)
        self.add_field("cohort_exit", self.tr("Uscita"), self.exit_combo)
        self.on_edit = _date("cohortExitOn", row.cohort_exit_on or dt.date.today())
        self.add_field("cohort_exit_on", self.tr("Data"), self.on_edit)
        self.note_edit = _text_edit("cohortExitNote", 2)
        self.note_edit.setPlainText(row.cohort_exit_note or "")
        self.add_field("cohort_exit_note", self.tr("Nota"), self.note_edit)
        self.finish(self.tr("Salva"))

    def job(self) -> Callable[[], object]:
        exit_code = self.exit_combo.currentData()
        on = _read_date(self.on_edit, "cohort_exit_on")
        note = self.note_edit.toPlainText() or None
        ctx, worker_id = self.ctx, self.row.worker_id
        return lambda: vertenze.set_cohort_exit(ctx, worker_id, exit_code, on, note)


# --------------------------------------------------------------------------- the editor


class VertenzaDialog(QDialog):
    """One vertenza in tabs; ``vertenza_id`` None: a new one (only *Dati* until saved)."""

    def __init__(self, ctx: Context, vertenza_id: int | None, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vertenzaDialog")
        self.ctx, self.vertenza_id, self.editable = ctx, vertenza_id, editable
        self.detail: VertenzaDetail | None = None
        self.setWindowTitle(self.tr("Nuova vertenza") if vertenza_id is None
                            else self.tr("Vertenza"))
        resize_within_screen(self, 860, 560)
        layout = QVBoxLayout(self)
        self.readonly_note = muted_label(self.tr(
            "Sola lettura: le vertenze le modifica un responsabile."))
        self.readonly_note.setObjectName("vertenzaReadOnly")
        layout.addWidget(self.readonly_note)
        self.readonly_note.setVisible(not editable)  # in the layout first: never a window
        self.tabs = QTabWidget()
        self.tabs.setObjectName("vertenzaTabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._data_tab(), self.tr("Dati"))
        self.tabs.addTab(self._sites_tab(), self.tr("Sedi"))
        self.tabs.addTab(self._parties_tab(), self.tr("Parti"))
        self.tabs.addTab(self._meetings_tab(), self.tr("Tavolo"))
        self.tabs.addTab(self._cohort_tab(), self.tr("Coorte"))
        self.message = MessageBar("vertenzaMessage")
        layout.addWidget(self.message)
        layout.addWidget(close_buttons(self))
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, vertenza_id is not None)
        self._set_editable()
        changes.hub().changed.connect(self._data_changed)
        if vertenza_id is not None:
            self.reload()

    # ------------------------------------------------------------------ tabs

    def _data_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.data_fields: dict[str, QWidget] = {}

        def add(key: str, text: str, widget: QWidget) -> None:
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            error = error_label(f"error_{key}")
            column.addWidget(error)
            self.errors[key] = error
            self.data_fields[key] = widget
            form.addRow(text, holder)

        self.code_edit = _line("vertenzaCode")
        self.code_edit.setMaxLength(40)
        self.title_edit = _line("vertenzaTitle")
        self.company_edit = _line("vertenzaCompany")
        self.cf_edit = _line("vertenzaCompanyCf")
        self.cf_edit.setMaxLength(20)
        self.piva_edit = _line("vertenzaCompanyPiva")
        self.piva_edit.setMaxLength(16)
        self.region_edit = _line("vertenzaRegion")
        self.net_combo = QComboBox()
        self.net_combo.setObjectName("vertenzaSafetyNet")
        fill_combo(self.net_combo, SAFETY_NETS, first=self.tr("Non indicato"))
        self.dates = {key: _date(name) for key, name in (
            ("opened_on", "vertenzaOpened"), ("agreement_on", "vertenzaAgreement"),
            ("cigs_from", "vertenzaCigsFrom"), ("cigs_to", "vertenzaCigsTo"),
            ("closed_on", "vertenzaClosed"))}
        self.expected_edit = _line("vertenzaExpected")
        self.notes_edit = _text_edit("vertenzaNotes", 3)
        for key, text, widget in (
                ("code", self.tr("Codice"), self.code_edit),
                ("title", self.tr("Titolo"), self.title_edit),
                ("company_name", self.tr("Azienda"), self.company_edit),
                ("company_cf", self.tr("Codice fiscale dell'azienda"), self.cf_edit),
                ("company_piva", self.tr("Partita IVA"), self.piva_edit),
                ("region", self.tr("Regione"), self.region_edit),
                ("safety_net", self.tr("Ammortizzatore in vigore"), self.net_combo),
                ("opened_on", self.tr("Apertura"), self.dates["opened_on"]),
                ("agreement_on", self.tr("Accordo firmato"), self.dates["agreement_on"]),
                ("cigs_from", self.tr("CIGS dal"), self.dates["cigs_from"]),
                ("cigs_to", self.tr("CIGS al"), self.dates["cigs_to"]),
                ("closed_on", self.tr("Chiusura"), self.dates["closed_on"]),
                ("workers_expected", self.tr("Lavoratori previsti"), self.expected_edit),
                ("notes", self.tr("Note"), self.notes_edit)):
            add(key, text, widget)
        self.general_error = error_label("vertenzaError")
        form.addRow(self.general_error)
        self.save_button = QPushButton(self.tr("Salva dati"))
        self.save_button.setObjectName("vertenzaSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        form.addRow("", self.save_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    @staticmethod
    def _list_tab(table: QWidget, *buttons: QPushButton, below: QWidget | None = None) -> QWidget:
        if below is None:
            return with_buttons(table, *buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(table)
        split.addWidget(below)
        split.setChildrenCollapsible(False)
        return with_buttons(split, *buttons)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda: slot())
        return button

    def _sites_tab(self) -> QWidget:
        self.site_model = RowsModel([
            Column(self.tr("Comune"), lambda s: s.comune),
            Column(self.tr("Prov."), lambda s: s.provincia or ""),
            Column(self.tr("Indirizzo"), lambda s: s.address or ""),
            Column(self.tr("Lavoratori"), lambda s: "" if s.workers_count is None
                   else str(s.workers_count), align_right=True),
        ], self)
        self.site_table = make_table(self.site_model, "siteTable", (200, 60, 300))
        self.site_table.doubleClicked.connect(lambda _i: self.edit_site())
        self.site_buttons = [
            self._button(self.tr("Aggiungi sede…"), "siteAdd", self.add_site),
            self._button(self.tr("Modifica…"), "siteEdit", self.edit_site),
            self._button(self.tr("Rimuovi"), "siteRemove", self.remove_site)]
        return self._list_tab(self.site_table, *self.site_buttons)

    def _parties_tab(self) -> QWidget:
        self.party_model = RowsModel([
            Column(self.tr("Tipo"), lambda p: label(PARTY_KINDS, p.kind)),
            Column(self.tr("Nome"), lambda p: p.name),
            Column(self.tr("Referente e recapito"), lambda p: p.contact or ""),
        ], self)
        self.party_table = make_table(self.party_model, "partyTable", (120, 280))
        self.party_table.doubleClicked.connect(lambda _i: self.edit_party())
        self.party_buttons = [
            self._button(self.tr("Aggiungi parte…"), "partyAdd", self.add_party),
            self._button(self.tr("Modifica…"), "partyEdit", self.edit_party),
            self._button(self.tr("Rimuovi"), "partyRemove", self.remove_party)]
        return self._list_tab(self.party_table, *self.party_buttons)

    def _meetings_tab(self) -> QWidget:
        self.meeting_model = RowsModel([
            Column(self.tr("Data"), lambda m: format_date(m.held_on)),
            Column(self.tr("Luogo"), lambda m: self._where(m)),
            Column(self.tr("Decisioni"), lambda m: _lines(m.decisions),
                   tooltip=lambda m: m.decisions),
            Column(self.tr("Prossimo"), lambda m: format_date(m.next_meeting_on)),
        ], self)
        self.meeting_table = make_table(self.meeting_model, "meetingTable", (90, 200, 320))
        self.meeting_table.doubleClicked.connect(lambda _i: self.edit_meeting())
        self.meeting_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_meeting())
        self.meeting_text = QPlainTextEdit()
        self.meeting_text.setObjectName("meetingText")
        self.meeting_text.setReadOnly(True)
        self.meeting_buttons = [
            self._button(self.tr("Registra incontro…"), "meetingAdd", self.add_meeting),
            self._button(self.tr("Modifica…"), "meetingEdit", self.edit_meeting),
            self._button(self.tr("Elimina"), "meetingRemove", self.remove_meeting)]
        return self._list_tab(self.meeting_table, *self.meeting_buttons, below=self.meeting_text)

    def _cohort_tab(self) -> QWidget:
        self.cohort_model = RowsModel([
            Column(self.tr("Lavoratore"), lambda c: f"{c.surname} {c.name}"),
            Column(self.tr("Codice fiscale"), lambda c: c.codice_fiscale),
            Column(self.tr("Fascicolo"), lambda c: code_label(FileStatus, c.file_status)),
            Column(self.tr("Uscita dalla coorte"), lambda c: label(COHORT_EXITS, c.cohort_exit)
                   or self.tr("da ricollocare")),
            Column(self.tr("Dal"), lambda c: format_date(c.cohort_exit_on)),
            Column(self.tr("Nota"), lambda c: _lines(c.cohort_exit_note),
                   tooltip=lambda c: c.cohort_exit_note),
        ], self, id_of=lambda c: c.worker_id)
        self.cohort_table = make_table(self.cohort_model, "cohortTable",
                                       (190, 150, 70, 190, 80))
        self.cohort_table.doubleClicked.connect(lambda _i: self.open_file())
        self.cohort_count = muted_label()
        self.cohort_count.setObjectName("cohortCount")
        self.open_button = self._button(self.tr("Apri fascicolo"), "cohortOpenFile", self.open_file)
        self.exit_button = self._button(self.tr("Registra uscita…"), "cohortExitButton",
                                        self.cohort_exit)
        page = self._list_tab(self.cohort_table, self.open_button, self.exit_button)
        page.layout().insertWidget(0, self.cohort_count)  # type: ignore[union-attr]
        return page

    def _set_editable(self) -> None:
        editing = self.editable
        for widget in self.data_fields.values():
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(not editing)
            else:
                widget.setEnabled(editing)
        self.save_button.setVisible(editing)
        for button in (*self.site_buttons, *self.party_buttons, *self.meeting_buttons,
                       self.exit_button):
            button.setVisible(editing)

    # ------------------------------------------------------------------ reading

    def _data_changed(self, _kinds: object, source: object) -> None:
        if self.vertenza_id is not None and not changes.comes_from(self, source):
            self.reload()

    def reload(self) -> None:
        ctx, vid = self.ctx, self.vertenza_id
        if vid is None:
            return

        def job() -> tuple[VertenzaDetail, list[CohortRow], VertenzaSummary]:
            return (vertenze.get_vertenza(ctx, vid), vertenze.cohort(ctx, vid),
                    vertenze.figures(ctx, vid))

        ops.read(self, job, done=self._show, key=(self, "reload"),
                 failed=lambda exc: self.message.show_error(ops.message_for(exc)))

    def _show(self, data: tuple[VertenzaDetail, list[CohortRow], VertenzaSummary]) -> None:
        d, cohort, counts = data
        self.detail = d
        self.setWindowTitle(self.tr("Vertenza {code} – {title}").format(code=d.code,
                                                                        title=d.title))
        for edit, value in ((self.code_edit, d.code), (self.title_edit, d.title),
                            (self.company_edit, d.company_name), (self.cf_edit, d.company_cf),
                            (self.piva_edit, d.company_piva), (self.region_edit, d.region)):
            edit.setText(value or "")
        select_data(self.net_combo, d.safety_net)
        for key, edit in self.dates.items():
            edit.setDate(getattr(d, key))
        self.expected_edit.setText("" if d.workers_expected is None else str(d.workers_expected))
        self.notes_edit.setPlainText(d.notes or "")
        for table, model, rows in ((self.site_table, self.site_model, d.sites),
                                   (self.party_table, self.party_model, d.parties),
                                   (self.meeting_table, self.meeting_model, d.meetings),
                                   (self.cohort_table, self.cohort_model, cohort)):
            keep = getattr(selected_row(table), "id", None)
            if model is self.cohort_model:
                keep = getattr(selected_row(table), "worker_id", None)
            model.set_rows(rows)
            if not select_id(table, keep) and rows:
                table.selectRow(0)
        text = self.tr("{workers} lavoratori: {exits} usciti dalla coorte, {left} da "
                       "ricollocare.").format(workers=counts.workers, exits=counts.exits,
                                              left=counts.to_place)
        if len(cohort) < counts.workers:
            text += " " + self.tr("Elencati i primi {n}, per cognome.").format(n=len(cohort))
        self.cohort_count.setText(text)
        self._show_meeting()

    def _where(self, m: MeetingRow) -> str:
        if m.online and m.place:
            return self.tr("{place} e online").format(place=m.place)
        return self.tr("online") if m.online else (m.place or "")

    def _show_meeting(self) -> None:
        m = selected_row(self.meeting_table)
        if m is None:
            self.meeting_text.setPlainText("")
            return
        parts = [self.tr("Incontro del {day}, {where}").format(day=format_date(m.held_on),
                                                             where=self._where(m))]
        for title, text in ((self.tr("Presenti"), m.attendees),
                            (self.tr("Decisioni"), m.decisions),
                            (self.tr("Verbale"), m.minutes),
                            (self.tr("Documenti prodotti"), m.documents)):
            if text:
                parts.append(f"{title}:\n{text}")
        if m.next_meeting_on:
            parts.append(self.tr("Prossimo incontro: {day}").format(
                day=format_date(m.next_meeting_on)))
        self.meeting_text.setPlainText("\n\n".join(parts))

    # ------------------------------------------------------------------ Dati

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "code": self.code_edit.text(), "title": self.title_edit.text(),
            "company_name": self.company_edit.text(), "company_cf": self.cf_edit.text() or None,
            "company_piva": self.piva_edit.text() or None,
            "region": self.region_edit.text() or None,
            "safety_net": self.net_combo.currentData(),
            "notes": self.notes_edit.toPlainText() or None,
            "workers_expected": _whole(self.expected_edit.text(), "workers_expected",
                                       self.tr("«{text}» non è un numero intero.")),
        }
        for key, edit in self.dates.items():
            values[key] = _read_date(edit, key)
        return values

    def _clear_errors(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear()
            error.setVisible(False)

    def _show_error(self, message: str, field: str | None) -> None:
        target = self.errors.get(field or "", self.general_error)
        target.setText(message)
        target.setVisible(True)
        self.tabs.setCurrentIndex(0)
        widget = self.data_fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        """Salva dati: create or update on the write lane; a refusal under its field."""
        self._clear_errors()
        self.message.clear_message()
        try:
            values = self._values()
        except InvalidInput as exc:
            self._show_error(str(exc), getattr(exc, "field", None))
            return
        ctx, vid = self.ctx, self.vertenza_id
        version = self.detail.version if self.detail is not None else None

        def job() -> int:
            if vid is None:
                return vertenze.create_vertenza(ctx, **values)
            vertenze.update_vertenza(ctx, vid, expected_version=version, **values)
            return vid

        def refused(exc: BaseException) -> None:
            if isinstance(exc, SportelloError):
                self._show_error(str(exc), getattr(exc, "field", None))
            else:
                self._show_error(ops.message_for(exc), None)

        ops.write(self, job, done=self._saved, failed=refused, changes=CHANGES,
                  busy=[self.save_button])

    def _saved(self, vertenza_id: int) -> None:
        created = self.vertenza_id is None
        self.vertenza_id = vertenza_id
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, True)
        self.message.show_info(self.tr("Vertenza creata.") if created
                               else self.tr("Dati della vertenza salvati."))
        self.reload()

    # ------------------------------------------------------------------ lists

    def _open(self, dialog: QDialog) -> QDialog:
        return show_dialog(dialog, lambda _v: self.reload())

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(
            self, self.windowTitle(), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _remove(self, job: Callable[[], object], question: str, done_text: str) -> None:
        if not self.confirm(question):
            return

        def done(_value: object) -> None:
            self.message.show_info(done_text)
            self.reload()

        ops.write(self, job, done=done, changes=CHANGES,
                  failed=lambda exc: self.message.show_error(ops.message_for(exc)))

    def add_site(self) -> QDialog | None:
        if self.vertenza_id is None:
            return None
        return self._open(SiteDialog(self.ctx, self.vertenza_id, None, self))

    def edit_site(self) -> QDialog | None:
        site = selected_row(self.site_table)
        if site is None or self.vertenza_id is None or not self.editable:
            return None
        return self._open(SiteDialog(self.ctx, self.vertenza_id, site, self))

    def remove_site(self) -> None:
        site = selected_row(self.site_table)
        if site is not None:
            ctx = self.ctx
            self._remove(lambda: vertenze.remove_site(ctx, site.id),
                         self.tr("Togliere la sede di {comune}?").format(comune=site.comune),
                         self.tr("Sede {comune} tolta.").format(comune=site.comune))

    def add_party(self) -> QDialog | None:
        if self.vertenza_id is None:
            return None
        return self._open(PartyDialog(self.ctx, self.vertenza_id, None, self))

    def edit_party(self) -> QDialog | None:
        party = selected_row(self.party_table)
        if party is None or self.vertenza_id is None or not self.editable:
            return None
        return self._open(PartyDialog(self.ctx, self.vertenza_id, party, self))

    def remove_party(self) -> None:
        party = selected_row(self.party_table)
        if party is not None:
            ctx = self.ctx
            self._remove(lambda: vertenze.remove_party(ctx, party.id),
                         self.tr("Togliere {name} dal tavolo?").format(name=party.name),
                         self.tr("Parte {name} tolta.").format(name=party.name))

    def add_meeting(self) -> QDialog | None:
        if self.vertenza_id is None:
            return None
        return self._open(MeetingDialog(self.ctx, self.vertenza_id, None, self))

    def edit_meeting(self) -> QDialog | None:
        meeting = selected_row(self.meeting_table)
        if meeting is None or self.vertenza_id is None or not self.editable:
            return None
        return self._open(MeetingDialog(self.ctx, self.vertenza_id, meeting, self))

    def remove_meeting(self) -> None:
        meeting = selected_row(self.meeting_table)
        if meeting is not None:
            ctx = self.ctx
            day = format_date(meeting.held_on)
            self._remove(lambda: vertenze.remove_meeting(ctx, meeting.id),
                         self.tr("Cancellare l'incontro del {day} con il suo verbale?").format(
                             day=day),
                         self.tr("Incontro del {day} cancellato.").format(day=day))

    def cohort_exit(self) -> QDialog | None:
        row = selected_row(self.cohort_table)
        if row is None:
            return None
        dialog = CohortExitDialog(self.ctx, row, self)
        return show_dialog(dialog, lambda _v: self.reload())

    def open_file(self) -> None:
        row = selected_row(self.cohort_table)
        if row is not None:
            open_worker_file(self.ctx, row.worker_id, self.parentWidget() or self)


# --------------------------------------------------------------------------- the area


def _closed_grey(v: VertenzaSummary) -> str | None:
    return "#6b7280" if v.status != "aperta" else None


class VertenzeArea(Area):
    ICON = "tavolo"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self.editable = vertenze.can_edit(ctx)
        changes.hub().changed.connect(self._data_changed)
        layout = self.build_heading(
            self.tr("Vertenze"),
            self.tr("Le crisi aziendali seguite dall'ufficio: azienda, sedi, parti e incontri "
                    "del tavolo, e come ogni lavoratore è uscito dalla coorte da ricollocare."),
        )
        row = QHBoxLayout()
        self.count_label = muted_label()
        self.count_label.setObjectName("vertenzaCount")
        self.new_button = QPushButton(self.tr("Nuova vertenza…"))
        self.new_button.setObjectName("vertenzaNew")
        self.new_button.clicked.connect(lambda: self.new_vertenza())
        if not self.editable:  # (showing a button with no parent yet would open it as a window)
            self.new_button.hide()
        self.open_button = QPushButton(self.tr("Apri…") if self.editable
                                       else self.tr("Consulta…"))
        self.open_button.setObjectName("vertenzaOpen")
        self.open_button.clicked.connect(lambda: self.open_vertenza())
        row.addWidget(self.count_label, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.model = RowsModel([
            Column(self.tr("Codice"), lambda v: v.code, colour=_closed_grey),
            Column(self.tr("Vertenza"), lambda v: v.title if v.status == "aperta"
                   else self.tr("{title} (chiusa)").format(title=v.title),
                   tooltip=lambda v: v.company_name, colour=_closed_grey),
            Column(self.tr("Lavoratori"), lambda v: str(v.workers), align_right=True),
            Column(self.tr("Aperti"), lambda v: str(v.open_files), align_right=True),
            Column(self.tr("Usciti"), lambda v: str(v.exits), align_right=True),
            Column(self.tr("Da ricollocare"), lambda v: str(v.to_place), align_right=True),
            Column(self.tr("Ultimo tavolo"), lambda v: format_date(v.last_meeting)),
            Column(self.tr("Prossimo"), lambda v: format_date(v.next_meeting)),
        ], self)
        self.table = make_table(self.model, "vertenzaTable",
                                (66, 230, 76, 54, 54, 100, 92, 80))
        # The title takes the width left; on a narrow screen it keeps 230 px and the
        # figures scroll (a stretched title would shrink to nothing first).
        self.table.horizontalHeader().setStretchLastSection(False)
        # Enter, Return and a double click: the view's own "activated" (a Return shortcut of
        # the window would only act while the main window is the active one)
        self.table.activated.connect(lambda _i: self.open_vertenza())
        layout.addWidget(self.table, 1)
        self.message = MessageBar("vertenzaAreaMessage")
        layout.addWidget(self.message)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_title()
        if not self._loaded:
            self.after_paint(self.reload)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        others = sum(self.table.columnWidth(c) for c in range(self.model.columnCount()) if c != 1)
        self.table.setColumnWidth(1, max(230, self.table.viewport().width() - others))

    def _data_changed(self, _kinds: object, _source: object) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def reload(self) -> None:
        self._loaded = True
        ctx = self.ctx
        ops.read(self, lambda: vertenze.list_vertenze(ctx), done=self._show,
                 key=(self, "reload"),
                 failed=lambda exc: self.message.show_error(ops.message_for(exc)))

    def _show(self, rows: list[VertenzaSummary]) -> None:
        keep = getattr(selected_row(self.table), "id", None)
        self.model.set_rows(rows)
        if not select_id(self.table, keep) and rows:
            self.table.selectRow(0)
        opened = sum(1 for r in rows if r.status == "aperta")
        self.count_label.setText(self.tr("{n} vertenze, {open} aperte; {workers} lavoratori, "
                                         "{left} da ricollocare.").format(
            n=len(rows), open=opened, workers=sum(r.workers for r in rows),
            left=sum(r.to_place for r in rows)))

    def selected(self) -> VertenzaSummary | None:
        return selected_row(self.table)

    def open_vertenza(self) -> VertenzaDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        dialog = VertenzaDialog(self.ctx, chosen.id, self.editable, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def new_vertenza(self) -> VertenzaDialog | None:
        if not self.editable:
            return None
        dialog = VertenzaDialog(self.ctx, None, True, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
