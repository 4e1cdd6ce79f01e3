"""Appointments: booking rules, free slots, outcomes, day and week views.

Rules, once for GUI, CLI and batch convocations:
- an operator is never double-booked (bookings for one operator are serialised by
  locking the operator row, so two counters on PostgreSQL cannot both take a slot);
- weekends and Italian public holidays (``holidays``) are refused unless confirmed;
- free slots respect the office's opening hours, holidays and existing bookings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from sportello.core.bootstrap import Context
from sportello.core.errors import ConflictError, NotFound, ValidationError
from sportello.core.models import (
    Appointment,
    AppointmentOutcome,
    AppointmentStatus,
    Office,
    OfficeKind,
    Operator,
    Worker,
)

DEFAULT_SLOT_MINUTES = 30
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Typical CPI front-office hours; an office overrides them in Office.preferences["opening"].
DEFAULT_OPENING: dict[str, list[tuple[str, str]]] = {
    "mon": [("09:00", "12:30")],
    "tue": [("09:00", "12:30"), ("14:30", "16:30")],
    "wed": [("09:00", "12:30")],
    "thu": [("09:00", "12:30"), ("14:30", "16:30")],
    "fri": [("09:00", "12:30")],
}
WEEKDAY_NAMES_IT = ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica")


class DayClosed(ValidationError):
    """The day is a weekend or a public holiday; booking needs explicit confirmation."""


class SlotTaken(ConflictError):
    pass


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    operator_id: int
    operator_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    purpose: str | None
    status: str
    outcome: str | None
    version: int
    service: str = "cpi"  # OfficeKind: "cpi" or "sportello_unico"

    @property
    def at_sportello_unico(self) -> bool:
        return self.service == OfficeKind.SPORTELLO_UNICO


@dataclass(frozen=True)
class Slot:
    operator_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


@cache
def _italian_holidays(year: int) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.country_holidays("IT", years=year, language="it_IT"))


def holiday_name(day: dt.date) -> str | None:
    """The Italian public holiday on ``day`` (Italian name), or None."""
    return _italian_holidays(day.year).get(day)


def closed_reason(day: dt.date) -> str | None:
    """Why nobody should be booked on ``day``: weekend or holiday (Italian), else None."""
    name = holiday_name(day)
    if name:
        return f"{day.strftime('%d/%m/%Y')} è festivo ({name})"
    if day.weekday() >= 5:
        return f"{day.strftime('%d/%m/%Y')} è {WEEKDAY_NAMES_IT[day.weekday()]}"
    return None


def _parse_hhmm(value: str) -> dt.time:
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


def opening_hours(office: Office | None, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    prefs = (office.preferences or {}) if office else {}
    opening = prefs.get("opening") or DEFAULT_OPENING
    spans = opening.get(WEEKDAY_KEYS[day.weekday()], [])
    return [(_parse_hhmm(a), _parse_hhmm(b)) for a, b in spans]


def _lock_operator(session: Session, operator_id: int) -> Operator:
    """Serialise bookings of one operator (row lock on PostgreSQL; SQLite writers are serial)."""
    op = session.scalars(
        select(Operator).where(Operator.id == operator_id).with_for_update()
    ).one_or_none()
    if op is None or not op.active:
        raise NotFound("Operatore inesistente o disattivato.")
    return op


def _overlapping(session: Session, operator_id: int, starts_at: dt.datetime,
                 ends_at: dt.datetime, exclude_id: int | None = None) -> Appointment | None:
    query = select(Appointment).where(
        Appointment.operator_id == operator_id,
        Appointment.status == AppointmentStatus.PRENOTATO,
        Appointment.starts_at < ends_at,
        Appointment.ends_at > starts_at,
    )
    if exclude_id is not None:
        query = query.where(Appointment.id != exclude_id)
    return session.scalars(query.limit(1)).first()


def book_in_session(
    session: Session,
    *,
    worker_id: int,
    operator_id: int,
    starts_at: dt.datetime,
    minutes: int = DEFAULT_SLOT_MINUTES,
    purpose: str | None = None,
    location: str | None = None,
    confirm_closed_day: bool = False,
    service: str = OfficeKind.CPI,
) -> Appointment:
    """Book inside an open write transaction (used by batch convocations too).

    ``service``: an appointment at the CPI's counter or at the Sportello Unico.
    """
    if service not in set(OfficeKind):
        raise ValidationError(f"Servizio sconosciuto: {service}.", "service")
    if minutes <= 0 or minutes > 8 * 60:
        raise ValidationError("La durata dell'appuntamento deve essere tra 1 e 480 minuti.",
                              "minutes")
    reason = closed_reason(starts_at.date())
    if reason and not confirm_closed_day:
        raise DayClosed(f"{reason[0].upper()}{reason[1:]}: confermare per prenotare comunque.",
                        "starts_at")
    if session.get(Worker, worker_id) is None:
        raise NotFound("Fascicolo del lavoratore non trovato.")
    operator = _lock_operator(session, operator_id)
    ends_at = starts_at + dt.timedelta(minutes=minutes)
    clash = _overlapping(session, operator_id, starts_at, ends_at)
    if clash is not None:
        raise SlotTaken(
            f"{operator.full_name} ha già un appuntamento dalle {clash.starts_at:%H:%M} alle "
            f"{clash.ends_at:%H:%M} del {clash.starts_at:%d/%m/%Y}."
        )
    appointment = Appointment(
        worker_id=worker_id, operator_id=operator_id, office_id=operator.office_id,
        starts_at=starts_at, ends_at=ends_at, purpose=purpose, location=location,
        status=AppointmentStatus.PRENOTATO, service=service,
    )
    session.add(appointment)
    session.flush()
    return appointment


def book(ctx: Context, **kwargs: object) -> AppointmentRow:
    """Book one appointment (see ``book_in_session`` for the arguments)."""
    with ctx.write() as s:
        appointment = book_in_session(s, **kwargs)  # type: ignore[arg-type]
        return _rows(s, [appointment.id])[0]


def record_outcome(ctx: Context, appointment_id: int, outcome: str, note: str | None = None,
                   expected_version: int | None = None) -> AppointmentRow:
    if outcome not in set(AppointmentOutcome):
        raise ValidationError(f"Esito non valido: {outcome}.", "outcome")
    with ctx.write() as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            raise NotFound("Appuntamento non trovato.")
        if expected_version is not None and appointment.version != expected_version:
            raise ConflictError("L'appuntamento è stato modificato da qualcun altro: riaprirlo.")
        if appointment.status == AppointmentStatus.ANNULLATO:
            raise ValidationError("L'appuntamento è annullato: non si può registrare l'esito.")
        if appointment.starts_at.date() > dt.date.today():
            raise ValidationError("Non si registra l'esito di un appuntamento futuro.", "outcome")
        appointment.outcome = outcome
        appointment.outcome_note = note
        s.flush()
        return _rows(s, [appointment.id])[0]


def cancel(ctx: Context, appointment_id: int, note: str | None = None) -> None:
    with ctx.write() as s:
        appointment = s.get(Appointment, appointment_id)
        if appointment is None:
            raise NotFound("Appuntamento non trovato.")
        appointment.status = AppointmentStatus.ANNULLATO
        if note:
            appointment.outcome_note = note


def free_slots(
    ctx: Context,
    operator_ids: Sequence[int],
    days: Iterable[dt.date],
    minutes: int = DEFAULT_SLOT_MINUTES,
) -> list[Slot]:
    """Free slots of the operators on working days, in time order (earliest first)."""
    days = sorted(d for d in days if closed_reason(d) is None)
    if not days or not operator_ids:
        return []
    step = dt.timedelta(minutes=minutes)
    first = dt.datetime.combine(days[0], dt.time.min)
    last = dt.datetime.combine(days[-1], dt.time.max)
    with ctx.read() as s:
        operators = {op.id: op for op in s.scalars(select(Operator).where(Operator.id.in_(operator_ids)))}
        offices = {o.id: o for o in s.scalars(select(Office))}
        busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {i: [] for i in operator_ids}
        for a in s.scalars(
            select(Appointment).where(
                Appointment.operator_id.in_(operator_ids),
                Appointment.status == AppointmentStatus.PRENOTATO,
                Appointment.starts_at < last, Appointment.ends_at > first,
            )
        ):
            busy[a.operator_id].append((a.starts_at, a.ends_at))
    slots: list[Slot] = []
    for day in days:
        for op_id in operator_ids:
            op = operators.get(op_id)
            if op is None or not op.active:
                continue
            for open_at, close_at in opening_hours(offices.get(op.office_id), day):
                start = dt.datetime.combine(day, open_at)
                end_of_span = dt.datetime.combine(day, close_at)
                while start + step <= end_of_span:
                    end = start + step
                    if not any(b0 < end and b1 > start for b0, b1 in busy[op_id]):
                        slots.append(Slot(op_id, start, end))
                    start = end
    slots.sort(key=lambda slot: (slot.starts_at, operator_ids.index(slot.operator_id)))
    return slots


def _rows(session: Session, ids: Sequence[int]) -> list[AppointmentRow]:
    if not ids:
        return []
    query = (
        select(Appointment, Worker.surname, Worker.name, Worker.codice_fiscale, Operator.full_name)
        .join(Worker, Worker.id == Appointment.worker_id)
        .join(Operator, Operator.id == Appointment.operator_id)
        .where(Appointment.id.in_(ids))
        .order_by(Appointment.starts_at)
    )
    return [_row(a, sn, n, cf, op) for a, sn, n, cf, op in session.execute(query)]


def _row(a: Appointment, surname: str, name: str, cf: str, operator_name: str) -> AppointmentRow:
    return AppointmentRow(
        a.id, a.worker_id, f"{surname} {name}", cf, a.operator_id, operator_name,
        a.starts_at, a.ends_at, a.purpose, a.status, a.outcome, a.version, a.service,
    )


def appointments_between(
    ctx: Context,
    start: dt.date,
    end: dt.date,
    *,
    operator_id: int | None = None,
    office_id: int | None = None,
    worker_id: int | None = None,
    include_cancelled: bool = False,
) -> list[AppointmentRow]:
    """Day view (start == end) or week view of one operator, one office or one worker."""
    lo = dt.datetime.combine(start, dt.time.min)
    hi = dt.datetime.combine(end, dt.time.max)
    conditions = [Appointment.starts_at >= lo, Appointment.starts_at <= hi]
    if operator_id is not None:
        conditions.append(Appointment.operator_id == operator_id)
    if office_id is not None:
        conditions.append(Appointment.office_id == office_id)
    if worker_id is not None:
        conditions.append(Appointment.worker_id == worker_id)
    if not include_cancelled:
        conditions.append(Appointment.status == AppointmentStatus.PRENOTATO)
    query = (
        select(Appointment, Worker.surname, Worker.name, Worker.codice_fiscale, Operator.full_name)
        .join(Worker, Worker.id == Appointment.worker_id)
        .join(Operator, Operator.id == Appointment.operator_id)
        .where(and_(*conditions))
        .order_by(Appointment.starts_at, Operator.full_name)
    )
    with ctx.read() as s:
        return [_row(a, sn, n, cf, op) for a, sn, n, cf, op in s.execute(query)]


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)
