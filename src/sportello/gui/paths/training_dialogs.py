"""Dialogs of the Formazione area: providers, courses, lessons, funds and vouchers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from sportello.core import regions
from sportello.core.context import Context
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.services import training, vouchers
from sportello.core.services.training import (
    CourseForm,
    CourseRow,
    FundForm,
    FundRow,
    ProviderForm,
    ProviderRow,
)
from sportello.core.services.vouchers import VoucherRow
from sportello.gui.kit.forms import (
    FormDialog,
    Job,
    MessageBar,
    fill_combo,
    label,
    muted_label,
    read_field,
    select_data,
)
from sportello.gui.kit.inputs import (
    OptionalDateEdit,
    date_edit,
    euro_text,
    fmt_number,
    format_euro,
    parse_date,
    parse_decimal,
    parse_euro,
    pydate,
)
from sportello.gui.shared.labels import COURSE_STATUSES, FUND_KINDS, VOUCHER_STATUSES
from sportello.gui.shared.worker_picker import WorkerPicker



def _create_or_update(ctx: Context, row: Any, form: Any, create: Callable[..., int],
                      update: Callable[..., object]) -> Job:
    """The job of a dialog that creates a record or edits ``row``: the record's id."""
    if row is None:
        return partial(create, ctx, form)
    row_id, version = row.id, row.version

    def job() -> int:
        update(ctx, row_id, version, form)
        return row_id
    return job


CERTIFICATE_TYPES = (
    "Attestato di frequenza",
    "Attestato di frequenza con verifica finale",
    "Attestato di qualifica",
    "Certificazione delle competenze",
    "Open badge",
)


class ProviderDialog(FormDialog):
    def __init__(
        self, ctx: Context, row: ProviderRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Modifica ente") if row else self.tr("Nuovo ente di formazione"), parent
        )
        self.ctx = ctx
        self.row = row
        self.setMinimumWidth(480)
        form = row.form if row else ProviderForm()
        self.edits: dict[str, QLineEdit] = {}
        for key, text in (
            ("name", self.tr("Denominazione")),
            ("cf_piva", self.tr("Partita IVA o codice fiscale")),
            ("address", self.tr("Indirizzo")),
            ("comune", self.tr("Comune")),
            ("provincia", self.tr("Provincia")),
            ("accreditation_code", self.tr("Codice di accreditamento")),
            ("accredited_until", self.tr("Accreditato fino al")),
            ("contact_name", self.tr("Referente")),
            ("phone", self.tr("Telefono")),
            ("email", self.tr("Email")),
        ):
            value = getattr(form, key)
            if key == "accredited_until":
                edit = OptionalDateEdit()
                edit.setDate(value)
            else:
                edit = QLineEdit(value or "")
            edit.setObjectName(f"provider_{key}")
            self.edits[key] = edit
            self.add_field(key, text, edit)
        self.finish(self.tr("Salva ente"))

    def job(self) -> Job:
        values = {key: edit.text().strip() or None for key, edit in self.edits.items()}
        values["accredited_until"] = read_field(
            "accredited_until", parse_date, self.edits["accredited_until"].text()
        )
        values["name"] = values["name"] or ""
        form = ProviderForm(**values)  # type: ignore[arg-type]
        return _create_or_update(self.ctx, self.row, form,
                                 training.create_provider, training.update_provider)


class CourseDialog(FormDialog):
    def __init__(
        self,
        ctx: Context,
        row: CourseRow | None = None,
        provider_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Modifica corso") if row else self.tr("Nuovo corso"), parent)
        self.ctx = ctx
        self.row = row
        self.setMinimumWidth(540)
        form = row.form if row else CourseForm(provider_id=provider_id)
        self.provider_combo = QComboBox()
        self.provider_combo.setObjectName("courseProvider")
        for provider in training.list_providers(ctx):
            self.provider_combo.addItem(provider.name, provider.id)
        if form.provider_id is not None:
            select_data(self.provider_combo, form.provider_id)
        self.add_field("provider_id", self.tr("Ente"), self.provider_combo)
        self.title_edit = QLineEdit(form.title)
        self.title_edit.setObjectName("courseTitle")
        self.add_field("title", self.tr("Titolo"), self.title_edit)
        self.code_edit = QLineEdit(form.code or "")
        self.code_edit.setObjectName("courseCode")
        self.code_edit.setPlaceholderText(self.tr("facoltativo, es. ASTISS-2027-0012"))
        self.add_field("code", self.tr("Codice"), self.code_edit)
        self.area_edit = QLineEdit(form.area or "")
        self.area_edit.setObjectName("courseArea")
        self.area_edit.setPlaceholderText(self.tr("es. Digitale, Amministrazione, Lingue"))
        self.add_field("area", self.tr("Area"), self.area_edit)
        self.hours_edit = QLineEdit(fmt_number(form.hours) if form.hours else "")
        self.hours_edit.setObjectName("courseHours")
        self.add_field("hours", self.tr("Ore"), self.hours_edit)
        self.starts_edit = OptionalDateEdit()
        self.starts_edit.setDate(form.starts_on)
        self.starts_edit.setObjectName("courseStarts")
        self.add_field("starts_on", self.tr("Inizio"), self.starts_edit)
        self.ends_edit = OptionalDateEdit()
        self.ends_edit.setDate(form.ends_on)
        self.ends_edit.setObjectName("courseEnds")
        self.add_field("ends_on", self.tr("Fine"), self.ends_edit)
        self.seats_spin = QSpinBox()
        self.seats_spin.setObjectName("courseSeats")
        self.seats_spin.setRange(0, 9999)
        self.seats_spin.setValue(form.seats)
        self.add_field("seats", self.tr("Posti"), self.seats_spin)
        self.cost_edit = QLineEdit(euro_text(form.cost_cents) if row else "")
        self.cost_edit.setObjectName("courseCost")
        self.cost_edit.setPlaceholderText(self.tr("€ per partecipante, es. 1.250,00"))
        self.add_field("cost_cents", self.tr("Costo"), self.cost_edit)
        self.certificate_combo = QComboBox()
        self.certificate_combo.setObjectName("courseCertificate")
        self.certificate_combo.setEditable(True)
        self.certificate_combo.addItems(CERTIFICATE_TYPES)
        self.certificate_combo.setCurrentText(form.certificate_type or CERTIFICATE_TYPES[0])
        self.add_field("certificate_type", self.tr("Attestato"), self.certificate_combo)
        self.attendance_spin = QSpinBox()
        self.attendance_spin.setObjectName("courseMinAttendance")
        self.attendance_spin.setRange(0, 100)
        self.attendance_spin.setSuffix(" %")
        self.attendance_spin.setValue(form.min_attendance_pct)
        self.add_field("min_attendance_pct", self.tr("Frequenza minima"), self.attendance_spin)
        self.location_edit = QLineEdit(form.location or "")
        self.location_edit.setObjectName("courseLocation")
        self.add_field("location", self.tr("Sede"), self.location_edit)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("courseStatus")
        fill_combo(self.status_combo, COURSE_STATUSES)
        select_data(self.status_combo, form.status)
        self.add_field("status", self.tr("Stato"), self.status_combo)
        if row is not None and row.seats_taken:
            self.form.addRow(
                muted_label(self.tr("Posti già assegnati: {n}.").format(n=row.seats_taken))
            )
        self.finish(self.tr("Salva corso"))

    def job(self) -> Job:
        cost = read_field("cost_cents", parse_euro, self.cost_edit.text())
        form = CourseForm(
            provider_id=self.provider_combo.currentData(),
            title=self.title_edit.text(),
            code=self.code_edit.text().strip() or None,
            area=self.area_edit.text().strip() or None,
            hours=read_field("hours", parse_decimal, self.hours_edit.text()) or 0.0,
            starts_on=read_field("starts_on", parse_date, self.starts_edit.text()),
            ends_on=read_field("ends_on", parse_date, self.ends_edit.text()),
            seats=self.seats_spin.value(),
            cost_cents=0 if cost is None else cost,
            certificate_type=self.certificate_combo.currentText().strip() or None,
            min_attendance_pct=self.attendance_spin.value(),
            location=self.location_edit.text().strip() or None,
            status=self.status_combo.currentData(),
        )
        return _create_or_update(self.ctx, self.row, form,
                                 training.create_course, training.update_course)


class SessionDialog(FormDialog):
    """A lesson of a course: day, start time, hours and topic."""

    def __init__(self, ctx: Context, course: CourseRow, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Aggiungi lezione"), parent)
        self.ctx = ctx
        self.course = course
        self.setMinimumWidth(460)
        about = QLabel(
            self.tr("{title}: {scheduled} ore in calendario su {hours}").format(
                title=course.title,
                scheduled=fmt_number(course.scheduled_hours),
                hours=fmt_number(course.form.hours),
            )
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.date_edit = date_edit(
            course.form.starts_on
            if course.form.starts_on and course.form.starts_on > dt.date.today()
            else None
        )
        self.date_edit.setObjectName("sessionDate")
        self.add_field("starts_at", self.tr("Giorno"), self.date_edit)
        self.time_edit = QTimeEdit(QTime(9, 0))
        self.time_edit.setObjectName("sessionTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.add_field("time", self.tr("Ora di inizio"), self.time_edit)
        left = max(0.0, course.form.hours - course.scheduled_hours)
        self.hours_edit = QLineEdit(fmt_number(min(4.0, left) or 4.0))
        self.hours_edit.setObjectName("sessionHours")
        self.add_field("hours", self.tr("Ore"), self.hours_edit)
        self.topic_edit = QLineEdit()
        self.topic_edit.setObjectName("sessionTopic")
        self.add_field("topic", self.tr("Argomento"), self.topic_edit)
        self.finish(self.tr("Aggiungi lezione"))

    def job(self) -> Job:
        time = self.time_edit.time()
        starts = dt.datetime.combine(
            pydate(self.date_edit.date()), dt.time(time.hour(), time.minute())
        )
        hours = read_field("hours", parse_decimal, self.hours_edit.text()) or 0.0
        return partial(training.add_session, self.ctx, self.course.id, starts, hours,
                       self.topic_edit.text())


class FundDialog(FormDialog):
    def __init__(
        self, ctx: Context, row: FundRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Modifica fondo") if row else self.tr("Nuovo fondo"), parent)
        self.ctx = ctx
        self.row = row
        self.setMinimumWidth(460)
        form = row.form if row else FundForm(year=dt.date.today().year)
        self.name_edit = QLineEdit(form.name)
        self.name_edit.setObjectName("fundName")
        self.add_field("name", self.tr("Nome"), self.name_edit)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("fundKind")
        fill_combo(self.kind_combo, FUND_KINDS)
        select_data(self.kind_combo, form.kind)
        self.add_field("kind", self.tr("Tipo"), self.kind_combo)
        self.region_combo = QComboBox()
        self.region_combo.setObjectName("fundRegion")
        self.region_combo.addItem(self.tr("Tutte (fondo nazionale)"), None)
        for region in regions.REGIONS:
            self.region_combo.addItem(region, region)
        select_data(self.region_combo, form.region)
        self.region_combo.setToolTip(self.tr(
            "Un fondo regionale paga solo i voucher di chi è della sua Regione"))
        self.add_field("region", self.tr("Regione"), self.region_combo)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()
        self.year_edit = QLineEdit(str(form.year) if form.year else "")
        self.year_edit.setObjectName("fundYear")
        self.year_edit.setMaximumWidth(80)
        self.add_field("year", self.tr("Anno"), self.year_edit)
        self.budget_edit = QLineEdit(euro_text(form.budget_cents) if row else "")
        self.budget_edit.setObjectName("fundBudget")
        self.budget_edit.setPlaceholderText(self.tr("es. 250.000,00"))
        self.add_field("budget_cents", self.tr("Budget (€)"), self.budget_edit)
        if row is not None:
            self.form.addRow(
                muted_label(
                    self.tr("Impegnato {committed}, speso {spent}.").format(
                        committed=format_euro(row.committed_cents),
                        spent=format_euro(row.spent_cents),
                    )
                )
            )
        self.active_check = QCheckBox(self.tr("Attivo: accetta nuovi voucher"))
        self.active_check.setObjectName("fundActive")
        self.active_check.setChecked(form.active)
        self.add_field("active", "", self.active_check)
        self.notes_edit = QPlainTextEdit(form.notes or "")
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.add_field("notes", self.tr("Note"), self.notes_edit)
        self.finish(self.tr("Salva fondo"))

    def _kind_changed(self) -> None:
        """Only a regional fund belongs to a Region."""
        regional = self.kind_combo.currentData() == "regionale"
        self.region_combo.setEnabled(regional)
        if not regional:
            self.region_combo.setCurrentIndex(0)

    def job(self) -> Job:
        year_text = self.year_edit.text().strip()
        if year_text and not year_text.isdigit():
            raise ValidationError(self.tr("Anno non valido."), "year")
        budget = read_field("budget_cents", parse_euro, self.budget_edit.text())
        form = FundForm(
            name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            year=int(year_text) if year_text else None,
            budget_cents=0 if budget is None else budget,
            active=self.active_check.isChecked(),
            notes=self.notes_edit.toPlainText(),
            region=self.region_combo.currentData() if self.region_combo.isEnabled() else None,
        )
        return _create_or_update(self.ctx, self.row, form,
                                 training.create_fund, training.update_fund)


class VoucherRequestDialog(FormDialog):
    """Ask for a voucher for a worker on a course, paid by a fund."""

    def __init__(
        self,
        ctx: Context,
        course_id: int | None = None,
        fund_id: int | None = None,
        parent: QWidget | None = None,
        worker: tuple[int, str] | None = None,
    ) -> None:
        super().__init__(self.tr("Richiedi voucher"), parent)
        self.ctx = ctx
        self.setMinimumWidth(560)
        self.picker = WorkerPicker(ctx)
        if worker is not None:
            self.picker.set_worker(*worker)
        self.add_field("worker", self.tr("Lavoratore"), self.picker)
        self.courses = {c.id: c for c in training.list_courses(ctx, open_only=True)}
        self.course_combo = QComboBox()
        self.course_combo.setObjectName("voucherCourse")
        for course in self.courses.values():
            self.course_combo.addItem(
                self.tr("{title} — {provider} ({free} posti liberi)").format(
                    title=course.title, provider=course.provider_name, free=course.seats_free
                ),
                course.id,
            )
        if course_id is not None:
            select_data(self.course_combo, course_id)
        self.add_field("course", self.tr("Corso"), self.course_combo, aliases=("course_id",))
        self.fund_combo = QComboBox()
        self.fund_combo.setObjectName("voucherFund")
        self._fill_funds(fund_id)
        self.add_field("fund", self.tr("Fondo"), self.fund_combo, aliases=("fund_id",))
        self.picker.changed.connect(lambda _w: self._fill_funds(self.fund_combo.currentData()))
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("voucherAmount")
        self.add_field(
            "amount", self.tr("Importo (€)"), self.amount_edit, aliases=("amount_cents",)
        )
        self.requested_edit = date_edit()
        self.requested_edit.setObjectName("voucherRequestedOn")
        self.requested_edit.setToolTip(self.tr(
            "Il giorno della richiesta (anche se registrata dopo): le presenze contano da lì"))
        self.add_field("requested_on", self.tr("Richiesto il"), self.requested_edit)
        self.form.addRow(
            muted_label(
                self.tr(
                    "L'importo proposto è il costo del corso. Il voucher impegna il fondo solo "
                    "all'approvazione."
                )
            )
        )
        self.finish(self.tr("Richiedi voucher"))
        self.course_combo.currentIndexChanged.connect(lambda _i: self._course_changed())
        self._course_changed()

    def _fill_funds(self, fund_id: int | None) -> None:
        """The active funds that can pay for the chosen worker (all, before one is chosen)."""
        self.fund_combo.clear()
        for fund in training.list_funds(self.ctx, active_only=True,
                                        worker_id=self.picker.worker_id):
            self.fund_combo.addItem(
                self.tr("{name} — restano {remaining}").format(
                    name=fund.name, remaining=format_euro(fund.remaining_cents)
                ),
                fund.id,
            )
        if fund_id is not None:
            select_data(self.fund_combo, fund_id)

    def _course_changed(self) -> None:
        course = self.courses.get(self.course_combo.currentData())
        self.amount_edit.setText(euro_text(course.form.cost_cents) if course else "")

    def job(self) -> Job:
        if self.picker.worker_id is None:
            raise ValidationError(self.tr("Scegliere il lavoratore."), "worker")
        if self.course_combo.currentData() is None:
            raise ValidationError(self.tr("Nessun corso programmato o in corso."), "course")
        if self.fund_combo.currentData() is None:
            raise ValidationError(self.tr("Nessun fondo attivo."), "fund")
        return partial(
            vouchers.request,
            self.ctx,
            worker_id=self.picker.worker_id,
            course_id=self.course_combo.currentData(),
            fund_id=self.fund_combo.currentData(),
            amount_cents=read_field("amount", parse_euro, self.amount_edit.text()),
            today=pydate(self.requested_edit.date()),
        )


class VoucherStatusDialog(FormDialog):
    """Move a voucher on (in corso, concluso, ritirato, revocato, rendicontato)."""

    def __init__(
        self,
        ctx: Context,
        row: VoucherRow,
        target: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Cambia stato del voucher"), parent)
        self.ctx = ctx
        self.row = row
        self.setMinimumWidth(480)
        about = QLabel(
            self.tr("{code} — {worker}, {course}: {status}, {amount}").format(
                code=row.code or "",
                worker=row.worker_name,
                course=row.course_title,
                status=label(VOUCHER_STATUSES, row.status).lower(),
                amount=format_euro(row.amount_cents),
            )
        )
        about.setWordWrap(True)
        self.form.addRow(about)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("voucherTarget")
        fill_combo(
            self.status_combo,
            VOUCHER_STATUSES,
            values=[s for s in row.next_statuses if s != "approvato"],
        )
        if target is not None:
            select_data(self.status_combo, target)
        self.add_field("status", self.tr("Nuovo stato"), self.status_combo)
        self.spent_edit = QLineEdit(euro_text(row.amount_cents))
        self.spent_edit.setObjectName("voucherSpent")
        self.add_field("spent_cents", self.tr("Spesa rendicontata (€)"), self.spent_edit)
        self.spent_hint = muted_label(
            self.tr(
                "La spesa passa da impegnata a spesa sul fondo; la parte non spesa torna "
                "disponibile."
            )
        )
        self.form.addRow(self.spent_hint)
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("voucherNote")
        self.add_field("note", self.tr("Nota"), self.note_edit)
        self.finish(self.tr("Cambia stato"))
        self.status_combo.currentIndexChanged.connect(lambda _i: self._target_changed())
        self._target_changed()

    def _target_changed(self) -> None:
        reporting = self.status_combo.currentData() == "rendicontato"
        self.form.setRowVisible(self.spent_edit.parentWidget(), reporting)
        self.spent_hint.setVisible(reporting)

    def job(self) -> Job:
        target = self.status_combo.currentData()
        if target is None:
            raise ValidationError(self.tr("Da questo stato il voucher non può cambiare."), "status")
        spent = None
        if target == "rendicontato":
            spent = read_field("spent_cents", parse_euro, self.spent_edit.text())
        return partial(
            vouchers.change_status,
            self.ctx,
            self.row.id,
            target,
            expected_version=self.row.version,
            note=self.note_edit.text().strip() or None,
            spent_cents=spent,
        )


def confirm_approval(parent: QWidget, ctx: Context, row: VoucherRow, message: MessageBar) -> bool:
    """Ask before an approval commits money: amount, fund, and what the fund keeps after."""
    try:
        fund = vouchers.fund(ctx, row.fund_id)
    except SportelloError as exc:
        message.show_error(str(exc))
        return False
    tr = parent.tr
    box = QMessageBox(QMessageBox.Icon.Question, tr("Approva voucher"),
                      tr("Approvare il voucher {code} di {worker}?").format(
                          code=row.code or "", worker=row.worker_name),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("approveConfirm")
    box.setInformativeText(tr(
        "Si impegnano {amount} sul fondo «{fund}» per il corso «{course}».\n"
        "Oggi il fondo ha {remaining} disponibili: dopo l'approvazione ne resteranno "
        "{after}.").format(
        amount=format_euro(row.amount_cents), fund=fund.name, course=row.course_title,
        remaining=format_euro(fund.remaining_cents),
        after=format_euro(fund.remaining_cents - row.amount_cents)))
    yes = box.addButton(tr("&Approva e impegna {amount}").format(
        amount=format_euro(row.amount_cents)), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(tr("Annulla"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
