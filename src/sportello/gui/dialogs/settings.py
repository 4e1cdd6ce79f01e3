"""Impostazioni: the office's letterhead, opening hours, configurable lists and thresholds.

Every change goes through its service, which checks the role (the office's details and
the voucher approval threshold are an administrator's, the opening hours and the funding
programmes a responsabile's); a refusal is
shown as the service words it. The dialog is modeless-safe: each tab reads on opening.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.services import agenda, business, setup, vouchers
from sportello.core.services.business import ProgrammeRow
from sportello.gui import ops
from sportello.gui.kit.forms import MessageBar, TabsDialog, muted_label
from sportello.gui.kit.inputs import InvalidInput, euro_text, format_euro, parse_euro
from sportello.gui.kit.tables import Column, RowsModel, make_table, select_id, selected_row



def _write(tab: QWidget, job: Callable[[], object], text: str, *busy: QWidget,
           reload_on_refusal: bool = False) -> None:
    """Save a tab's values on the runner's write lane: then the tab reads them back and says
    ``text``; a refusal is shown in its message line (and the saved value back, if asked)."""

    def saved(_result: object) -> None:
        tab.load()  # type: ignore[attr-defined]
        tab.message.show_info(text)  # type: ignore[attr-defined]

    def refused(exc: BaseException) -> None:
        tab.message.show_error(ops.message_for(exc))  # type: ignore[attr-defined]
        if reload_on_refusal:
            tab.load()  # type: ignore[attr-defined]

    ops.write(tab, job, done=saved, failed=refused, busy=busy)

class OfficeSettings(QWidget):
    """The office's details as the letters print them: letterhead, contacts, signatory, logo."""

    FIELDS = (
        ("name", QT_TRANSLATE_NOOP("OfficeSettings", "Nome dell'ufficio")),
        ("code", QT_TRANSLATE_NOOP("OfficeSettings", "Codice")),
        ("address", QT_TRANSLATE_NOOP("OfficeSettings", "Indirizzo")),
        ("cap", QT_TRANSLATE_NOOP("OfficeSettings", "CAP")),
        ("comune", QT_TRANSLATE_NOOP("OfficeSettings", "Comune")),
        ("provincia", QT_TRANSLATE_NOOP("OfficeSettings", "Provincia (sigla)")),
        ("phone", QT_TRANSLATE_NOOP("OfficeSettings", "Telefono")),
        ("email", QT_TRANSLATE_NOOP("OfficeSettings", "E-mail")),
        ("pec", QT_TRANSLATE_NOOP("OfficeSettings", "PEC")),
        ("signatory_name", QT_TRANSLATE_NOOP("OfficeSettings", "Firmatario delle lettere")),
        ("signatory_role", QT_TRANSLATE_NOOP("OfficeSettings", "Ruolo del firmatario")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.detail: setup.OfficeDetail | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Intestazione, recapiti e firma che compaiono sulle lettere. Solo un amministratore "
            "li modifica.")))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, text in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"office_{key}")
            self.edits[key] = edit
            form.addRow(self.tr(text), edit)
        self.edits["signatory_role"].setPlaceholderText(self.tr("es. Responsabile del Centro"))
        logo_row = QHBoxLayout()
        self.logo_label = QLabel()
        self.logo_label.setObjectName("officeLogo")
        self.logo_label.setFixedHeight(48)
        self.logo_button = QPushButton(self.tr("Scegli logo…"))
        self.logo_button.setObjectName("officeLogoChoose")
        self.logo_button.clicked.connect(self.choose_logo)
        self.no_logo_button = QPushButton(self.tr("Togli logo"))
        self.no_logo_button.setObjectName("officeLogoRemove")
        self.no_logo_button.clicked.connect(lambda: self.set_logo(None))
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.no_logo_button)
        form.addRow(self.tr("Logo"), logo_row)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Salva i dati dell'ufficio"))
        self.save_button.setObjectName("officeSave")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.message = MessageBar("officeMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        self.detail = setup.office(self.ctx)
        for key, edit in self.edits.items():
            edit.setText(getattr(self.detail.data, key) or "")
        self.logo_label.setText(self.tr("Logo presente") if self.detail.has_logo
                                else self.tr("Nessun logo: l'intestazione è solo testo"))
        self.no_logo_button.setEnabled(self.detail.has_logo)

    def save(self) -> None:
        assert self.detail is not None
        values = {key: edit.text() for key, edit in self.edits.items()}
        data = setup.OfficeData(kind=self.detail.data.kind, **values)
        _write(self, partial(setup.update_office, self.ctx, data,
                             expected_version=self.detail.version),
               self.tr("Dati dell'ufficio salvati: le prossime lettere li useranno."),
               self.save_button)

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Logo dell'ufficio"), "", self.tr("Immagini (*.png *.jpg *.jpeg)"))
        if path:
            try:
                image = Path(path).read_bytes()
            except OSError as exc:
                self.message.show_error(self.tr("Impossibile leggere «{path}»: {error}").format(
                    path=path, error=exc.strerror))
                return
            self.set_logo(image)

    def set_logo(self, image: bytes | None) -> None:
        _write(self, partial(setup.set_logo, self.ctx, image),
               self.tr("Logo salvato.") if image else self.tr("Logo tolto."),
               self.logo_button, self.no_logo_button)


class OfficeHoursSettings(QWidget):
    """When the office receives (per weekday, one or more intervals) and how long one
    appointment lasts: bookings, free slots and convocations follow them."""

    DAYS = (
        ("mon", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Lunedì")),
        ("tue", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Martedì")),
        ("wed", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Mercoledì")),
        ("thu", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Giovedì")),
        ("fri", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Venerdì")),
        ("sat", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Sabato")),
        ("sun", QT_TRANSLATE_NOOP("OfficeHoursSettings", "Domenica")),
    )

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.version: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Gli orari in cui l'ufficio riceve, per giorno: uno o più intervalli separati da "
            "virgola (es. 09:00-12:30, 14:30-16:30); vuoto se chiuso. Le prenotazioni, i posti "
            "liberi e le convocazioni li rispettano. Li modifica un responsabile.")))
        form = QFormLayout()
        self.day_edits: dict[str, QLineEdit] = {}
        for key, text in self.DAYS:
            edit = QLineEdit()
            edit.setObjectName(f"hours_{key}")
            edit.setPlaceholderText(self.tr("chiuso"))
            edit.returnPressed.connect(lambda: self.save())
            self.day_edits[key] = edit
            form.addRow(self.tr(text), edit)
        self.slot_spin = QSpinBox()
        self.slot_spin.setObjectName("slotMinutes")
        self.slot_spin.setRange(*agenda.SLOT_MINUTES_RANGE)
        self.slot_spin.setSingleStep(5)
        self.slot_spin.setSuffix(self.tr(" minuti"))
        form.addRow(self.tr("Durata di un appuntamento"), self.slot_spin)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Salva l'orario"))
        self.save_button.setObjectName("hoursSave")
        self.save_button.clicked.connect(lambda: self.save())
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.message = MessageBar("hoursMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        hours = agenda.office_hours(self.ctx)
        self.version = setup.office(self.ctx).version
        for key, edit in self.day_edits.items():
            edit.setText(hours.text(key))
        self.slot_spin.setValue(hours.slot_minutes)

    def save(self) -> None:
        opening = {key: edit.text() for key, edit in self.day_edits.items()}
        _write(self, partial(setup.set_office_hours, self.ctx, opening, self.slot_spin.value(),
                             expected_version=self.version),
               self.tr("Orario salvato: le prossime prenotazioni lo rispetteranno."),
               self.save_button)


class VoucherSettings(QWidget):
    """The amount above which only a responsabile approves a voucher."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "Un operatore approva i voucher fino a questo importo; oltre, serve un "
            "responsabile. Solo un amministratore cambia la soglia.")))
        form = QFormLayout()
        row = QHBoxLayout()
        self.threshold_edit = QLineEdit()
        self.threshold_edit.setObjectName("approvalThreshold")
        self.threshold_edit.setMaximumWidth(160)
        self.threshold_edit.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Salva soglia"))
        self.save_button.setObjectName("approvalThresholdSave")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.threshold_edit)
        row.addWidget(self.save_button)
        row.addStretch(1)
        form.addRow(self.tr("Soglia di approvazione (€)"), row)
        layout.addLayout(form)
        self.message = MessageBar("voucherSettingsMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        self.threshold_edit.setText(euro_text(vouchers.approval_threshold(self.ctx)))

    def save(self) -> None:
        try:
            cents = parse_euro(self.threshold_edit.text())
            if cents is None:
                raise InvalidInput(self.tr("Indicare la soglia, ad esempio 1.500,00."))
        except InvalidInput as exc:
            self.message.show_error(str(exc))
            self.load()
            return
        _write(self, partial(vouchers.set_approval_threshold, self.ctx, cents),
               self.tr("Soglia salvata: {amount}.").format(amount=format_euro(cents)),
               self.save_button, reload_on_refusal=True)


class ProgrammeSettings(QWidget):
    """The configurable list of funding programmes for self-employment projects."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(self.tr(
            "I programmi tra cui scegliere nelle richieste di finanziamento dei progetti "
            "d'impresa. Un programma ritirato non si propone più; le richieste già fatte lo "
            "conservano.")))
        self.model = RowsModel([
            Column(self.tr("Programma"), lambda p: p.name, tooltip=lambda p: p.description),
            Column(self.tr("Descrizione"), lambda p: p.description or ""),
            Column(self.tr("Stato"), lambda p: self.tr("Attivo") if p.active else self.tr("Ritirato"),
                   colour=lambda p: None if p.active else "#6b7280"),
            Column(self.tr("Richieste"), lambda p: str(p.requests), align_right=True),
        ], self)
        self.table = make_table(self.model, "programmeTable", (220, 260, 80), stretch=1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.toggle_button = QPushButton(self.tr("Ritira"))
        self.toggle_button.setObjectName("programmeToggle")
        self.toggle_button.clicked.connect(self.toggle)
        row.addStretch(1)
        row.addWidget(self.toggle_button)
        layout.addLayout(row)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("programmeName")
        self.name_edit.setPlaceholderText(self.tr("es. Microcredito regionale"))
        self.description_edit = QLineEdit()
        self.description_edit.setObjectName("programmeDescription")
        self.add_button = QPushButton(self.tr("Aggiungi programma"))
        self.add_button.setObjectName("programmeAdd")
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        form.addRow(self.tr("Nuovo programma"), self.name_edit)
        form.addRow(self.tr("Descrizione"), self.description_edit)
        form.addRow("", self.add_button)
        layout.addLayout(form)
        self.message = MessageBar("programmeMessage")
        layout.addWidget(self.message)
        self.load()

    def load(self, select: int | None = None) -> None:
        self.model.set_rows(business.list_programmes(self.ctx))
        select_id(self.table, select)
        self._selected()

    def names(self) -> list[str]:
        return [p.name for p in self.model.rows]

    def _selected(self) -> None:
        row: ProgrammeRow | None = selected_row(self.table)
        self.toggle_button.setEnabled(row is not None)
        self.toggle_button.setText(self.tr("Riattiva") if row is not None and not row.active
                                   else self.tr("Ritira"))

    def add(self) -> None:
        name = self.name_edit.text().strip()

        def added(programme_id: int) -> None:
            self.name_edit.clear()
            self.description_edit.clear()
            self.load(select=programme_id)
            self.message.show_info(self.tr("Programma «{name}» aggiunto.").format(name=name))

        ops.write(self, partial(business.add_programme, self.ctx, self.name_edit.text(),
                                self.description_edit.text()),
                  done=added, failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.add_button,))

    def toggle(self) -> None:
        row: ProgrammeRow | None = selected_row(self.table)
        if row is None:
            return
        text = self.tr("Programma «{name}» riattivato.") if not row.active else self.tr(
            "Programma «{name}» ritirato: non sarà più proposto.")

        def toggled(_result: object) -> None:
            self.load(select=row.id)
            self.message.show_info(text.format(name=row.name))

        ops.write(self, partial(business.set_programme_active, self.ctx, row.id, not row.active),
                  done=toggled, failed=lambda exc: self.message.show_error(ops.message_for(exc)),
                  busy=(self.toggle_button,))


class SettingsDialog(TabsDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__("settingsDialog", parent)
        self.setWindowTitle(self.tr("Impostazioni"))
        self.resize(720, 520)
        self.office_tab = OfficeSettings(ctx)
        self.hours_tab = OfficeHoursSettings(ctx)
        self.voucher_tab = VoucherSettings(ctx)
        self.programme_tab = ProgrammeSettings(ctx)
        self.tabs.addTab(self.office_tab, self.tr("&Ufficio e lettere"))
        self.tabs.addTab(self.hours_tab, self.tr("&Orari e appuntamenti"))
        self.tabs.addTab(self.voucher_tab, self.tr("&Voucher"))
        self.tabs.addTab(self.programme_tab, self.tr("&Programmi di finanziamento"))
