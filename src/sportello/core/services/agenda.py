"""Appointments: booking rules, free slots, outcomes, day and week views.

Rules, once for GUI, CLI and batch convocations:
- an operator is never double-booked (bookings for one operator are serialised by
  locking the operator row, so two counters on PostgreSQL cannot both take a slot);
- an appointment lies inside one of the office's opening intervals for its weekday
  (``OfficeHours``, set in Impostazioni; ``DEFAULT_OPENING`` until then) and does not start
  in the past (``OutsideHours``, ``InThePast``): no 03:00 or 2020 bookings; "now" is
  ``clock()`` (one hook for tests);
- days the office is closed (Italian public holidays from ``holidays``, weekdays without
  opening hours, weekends by default) are refused unless confirmed (``DayClosed``); a
  confirmed extraordinary opening still lies between the office's earliest opening and
  latest closing of the week;
- free slots are of the office's slot length, inside its opening hours, after now, on open
  days, around existing bookings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sportello.core.context import Context
from sportello.core.errors import ConflictError, NotFound, ValidationError
from sportello.core.models import (
    Appointment,
    AppointmentMode,
    AppointmentOutcome,
    AppointmentStatus,
    FileStatus,
    Office,
    OfficeKind,
    Operator,
    Worker,
)
from sportello.core import phones
from sportello.core.rules import fields

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


def clock() -> dt.datetime:
    """Now, for every rule of this module (and the call-in's); a test may replace it."""
    return dt.datetime.now()


class DayClosed(ValidationError):
    """The day is a weekend or a public holiday; booking needs explicit confirmation."""


class OutsideHours(ValidationError):
    """The appointment does not lie inside the office's opening hours."""


class InThePast(ValidationError):
    """The appointment would start before now."""


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
    mode: str = "presenza"  # AppointmentMode: in person, video or phone (the virtual desk)
    remote_link: str | None = None
    reminded_at: dt.datetime | None = None

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


def closed_reason(day: dt.date, hours: OfficeHours | None = None) -> str | None:
    """Why nobody should be booked on ``day`` (Italian), else None: a public holiday, or a
    weekday without opening hours (``hours``; without them, Saturday and Sunday)."""
    name = holiday_name(day)
    if name:
        return f"{day.strftime('%d/%m/%Y')} è festivo ({name})"
    weekday = WEEKDAY_NAMES_IT[day.weekday()]
    if hours is None:
        if day.weekday() >= 5:
            return f"{day.strftime('%d/%m/%Y')} è {weekday}"
        return None
    if not hours.spans(day):
        if day.weekday() >= 5:
            return f"{day.strftime('%d/%m/%Y')} è {weekday}"
        return f"{day.strftime('%d/%m/%Y')} è {weekday}, giorno di chiusura dell'ufficio"
    return None


# --------------------------------------------------------------------------- opening hours

SLOT_MINUTES_RANGE = (5, 240)
_SPAN = re.compile(r"^\s*(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*$")


@dataclass(frozen=True)
class OfficeHours:
    """When the office receives: per weekday key ("mon".."sun") its intervals ("09:00",
    "12:30") in time order, and the length of one appointment slot in minutes."""

    opening: dict[str, tuple[tuple[str, str], ...]]
    slot_minutes: int = DEFAULT_SLOT_MINUTES

    def spans(self, day: dt.date) -> list[tuple[dt.time, dt.time]]:
        return [(_parse_hhmm(a), _parse_hhmm(b))
                for a, b in self.opening.get(WEEKDAY_KEYS[day.weekday()], ())]

    def widest(self) -> tuple[dt.time, dt.time] | None:
        """The earliest opening and the latest closing of the week (None: never open)."""
        all_spans = [(_parse_hhmm(a), _parse_hhmm(b)) for spans in self.opening.values()
                     for a, b in spans]
        if not all_spans:
            return None
        return min(a for a, _ in all_spans), max(b for _, b in all_spans)

    def text(self, key: str) -> str:
        """One weekday's intervals as typed in Impostazioni: "09:00-12:30, 14:30-16:30"."""
        return ", ".join(f"{a}-{b}" for a, b in self.opening.get(key, ()))

    def day_text(self, day: dt.date) -> str:
        spans = self.opening.get(WEEKDAY_KEYS[day.weekday()], ())
        return ", ".join(f"{a}–{b}" for a, b in spans) or "chiuso"

    def as_preferences(self) -> dict[str, object]:
        return {"opening": {k: [list(span) for span in v] for k, v in self.opening.items() if v},
                "slot_minutes": self.slot_minutes}


def _parse_hhmm(value: str) -> dt.time:
    hours, minutes = value.split(":")
    return dt.time(int(hours), int(minutes))


def parse_spans(text: str, weekday_key: str = "") -> tuple[tuple[str, str], ...]:
    """"9-12.30, 14:30-16:30" -> (("09:00", "12:30"), ("14:30", "16:30")); empty: closed.

    Refused (``ValidationError``, Italian) unless each interval is a valid time range, the
    intervals are in order and do not overlap."""
    where = (f" di {WEEKDAY_NAMES_IT[WEEKDAY_KEYS.index(weekday_key)]}"
             if weekday_key in WEEKDAY_KEYS else "")
    spans: list[tuple[dt.time, dt.time]] = []
    for part in (p for p in re.split(r"[,;]", text or "") if p.strip()):
        match = _SPAN.match(part)
        try:
            if match is None:
                raise ValueError(part)
            h1, m1, h2, m2 = match.groups()
            start = dt.time(int(h1), int(m1 or 0))
            end = dt.time(int(h2), int(m2 or 0))
        except ValueError:
            raise ValidationError(
                f"Orario{where} non valido: «{part.strip()}». Scrivere gli intervalli come "
                "09:00-12:30, 14:30-16:30.", weekday_key or "opening") from None
        if end <= start:
            raise ValidationError(f"Orario{where}: «{part.strip()}» finisce prima di "
                                  "cominciare.", weekday_key or "opening")
        if spans and start < spans[-1][1]:
            raise ValidationError(f"Orario{where}: gli intervalli vanno scritti in ordine e "
                                  "non devono sovrapporsi.", weekday_key or "opening")
        spans.append((start, end))
    return tuple((f"{a:%H:%M}", f"{b:%H:%M}") for a, b in spans)


def make_hours(opening: dict[str, str | Sequence[Sequence[str]]], slot_minutes: int) -> OfficeHours:
    """Checked opening hours from typed text or (start, end) pairs per weekday key."""
    unknown = set(opening) - set(WEEKDAY_KEYS)
    if unknown:
        raise ValidationError(f"Giorno della settimana sconosciuto: {', '.join(sorted(unknown))}.",
                              "opening")
    low, high = SLOT_MINUTES_RANGE
    if not isinstance(slot_minutes, int) or not low <= slot_minutes <= high:
        raise ValidationError(f"La durata di un appuntamento deve essere tra {low} e {high} "
                              "minuti.", "slot_minutes")
    checked: dict[str, tuple[tuple[str, str], ...]] = {}
    for key in WEEKDAY_KEYS:
        value = opening.get(key, "")
        text = value if isinstance(value, str) else ", ".join(f"{a}-{b}" for a, b in value)
        spans = parse_spans(text, key)
        for a, b in spans:
            length = (dt.datetime.combine(dt.date.min, _parse_hhmm(b))
                      - dt.datetime.combine(dt.date.min, _parse_hhmm(a)))
            if length < dt.timedelta(minutes=slot_minutes):
                raise ValidationError(
                    f"Orario di {WEEKDAY_NAMES_IT[WEEKDAY_KEYS.index(key)]}: l'intervallo "
                    f"{a}-{b} è più corto di un appuntamento ({slot_minutes} minuti).", key)
        if spans:
            checked[key] = spans
    if not checked:
        raise ValidationError("Indicare almeno un giorno di apertura.", "opening")
    return OfficeHours(checked, slot_minutes)


DEFAULT_HOURS = OfficeHours({k: tuple((a, b) for a, b in v) for k, v in DEFAULT_OPENING.items()},
                            DEFAULT_SLOT_MINUTES)


def hours_of(office: Office | None) -> OfficeHours:
    """The office's opening hours and slot length (the defaults where it has none)."""
    prefs = (office.preferences or {}) if office else {}
    opening = prefs.get("opening")
    slot = prefs.get("slot_minutes") or DEFAULT_SLOT_MINUTES
    if not opening:
        return OfficeHours(DEFAULT_HOURS.opening, int(slot))
    return OfficeHours({k: tuple((str(a), str(b)) for a, b in v) for k, v in opening.items()
                        if v}, int(slot))


def opening_hours(office: Office | None, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    return hours_of(office).spans(day)


def _actor_office(session: Session, ctx: Context) -> Office | None:
    office_id = ctx.actor.office_id if ctx.actor else session.scalar(select(func.min(Office.id)))
    return session.get(Office, office_id) if office_id is not None else None


def office_hours(ctx: Context) -> OfficeHours:
    """The acting operator's office's opening hours and slot length."""
    with ctx.read() as s:
        return hours_of(_actor_office(s, ctx))


def check_bookable(hours: OfficeHours, starts_at: dt.datetime, ends_at: dt.datetime, *,
                   now: dt.datetime, confirm_closed_day: bool = False) -> None:
    """The one rule of when an appointment may be: in the future, inside opening hours, on
    an open day (a closed day only when confirmed, and then inside the office's day)."""
    if starts_at < now:
        raise InThePast(
            f"Non si prenota nel passato: {starts_at:%d/%m/%Y} alle {starts_at:%H:%M} è già "
            "trascorso.", "starts_at")
    day = starts_at.date()
    reason = closed_reason(day, hours)
    if reason:
        if not confirm_closed_day:
            raise DayClosed(f"{reason[0].upper()}{reason[1:]}: confermare per prenotare "
                            "comunque.", "starts_at")
        widest = hours.widest()
        spans = [widest] if widest else []
        when = "nell'orario dell'ufficio"
    else:
        spans = hours.spans(day)
        when = f"il {WEEKDAY_NAMES_IT[day.weekday()]} l'ufficio riceve {hours.day_text(day)}"
    inside = ends_at.date() == day and any(
        dt.datetime.combine(day, a) <= starts_at and ends_at <= dt.datetime.combine(day, b)
        for a, b in spans)
    if not inside:
        raise OutsideHours(
            f"L'appuntamento del {day:%d/%m/%Y} dalle {starts_at:%H:%M} alle {ends_at:%H:%M} "
            f"è fuori dall'orario di apertura: {when}.", "starts_at")


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


def _text(key: str, label: str, value: str | None, limit: int) -> str | None:
    try:
        return fields.line(value, limit)
    except fields.RuleError as exc:
        raise ValidationError(f"{label}: {exc}.", key) from None


def book_in_session(
    session: Session,
    *,
    worker_id: int,
    operator_id: int,
    starts_at: dt.datetime,
    minutes: int | None = None,
    purpose: str | None = None,
    location: str | None = None,
    confirm_closed_day: bool = False,
    now: dt.datetime | None = None,
    service: str = OfficeKind.CPI,
    mode: str = AppointmentMode.PRESENZA,
    remote_link: str | None = None,
) -> Appointment:
    """Book inside an open write transaction (used by batch convocations too).

    ``minutes`` defaults to the office's slot length; ``check_bookable`` decides whether
    ``starts_at`` may be booked (``now`` defaults to the clock). ``service``: an
    appointment at the CPI's counter or at the Sportello Unico.
    """
    if service not in set(OfficeKind):
        raise ValidationError(f"Servizio sconosciuto: {service}.", "service")
    if minutes is not None and (minutes <= 0 or minutes > 8 * 60):
        raise ValidationError("La durata dell'appuntamento deve essere tra 1 e 480 minuti.",
                              "minutes")
    worker = session.get(Worker, worker_id)
    if worker is None:
        raise NotFound("Fascicolo del lavoratore non trovato.")
    if worker.status == FileStatus.CHIUSO:
        raise ValidationError(f"Il fascicolo di {worker.surname} {worker.name} è chiuso: "
                              "riaprirlo prima di fissare un appuntamento.", "worker")
    purpose = _text("purpose", "Motivo", purpose, 300)
    location = _text("location", "Luogo", location, 200)
    remote_link = remote_details(worker, mode, remote_link)
    operator = _lock_operator(session, operator_id)
    hours = hours_of(session.get(Office, operator.office_id))
    ends_at = starts_at + dt.timedelta(minutes=minutes or hours.slot_minutes)
    check_bookable(hours, starts_at, ends_at, now=now or clock(),
                   confirm_closed_day=confirm_closed_day)
    clash = _overlapping(session, operator_id, starts_at, ends_at)
    if clash is not None:
        raise SlotTaken(
            f"{operator.full_name} ha già un appuntamento dalle {clash.starts_at:%H:%M} alle "
            f"{clash.ends_at:%H:%M} del {clash.starts_at:%d/%m/%Y}."
        )
    appointment = Appointment(
        worker_id=worker_id, operator_id=operator_id, office_id=operator.office_id,
        starts_at=starts_at, ends_at=ends_at, purpose=purpose, location=location,
        status=AppointmentStatus.PRENOTATO, service=service, mode=mode, remote_link=remote_link,
    )
    session.add(appointment)
    session.flush()
    return appointment


def remote_details(worker: Worker, mode: str, link: str | None) -> str | None:
    """The link or number of a remote appointment, checked; None for one in person.

    A video appointment needs its link (http/https); a phone appointment a valid number,
    the one given or else the person's own (mobile first), formatted by libphonenumber.
    """
    if mode not in set(AppointmentMode):
        raise ValidationError(f"Modalità dell'appuntamento sconosciuta: {mode} (ammesse: "
                              f"{', '.join(AppointmentMode)}).", "mode")
    link = _text("remote_link", "Collegamento", link, 300)
    if mode == AppointmentMode.PRESENZA:
        return None
    if mode == AppointmentMode.VIDEO:
        if not link or not re.match(r"https?://\S+$", link):
            raise ValidationError("Un appuntamento in videochiamata ha bisogno del link del "
                                  "collegamento (che inizia con https://).", "remote_link")
        return link
    if link:
        number = phones.parse(link)
        if number is None:
            raise ValidationError(f"«{link}» non è un numero di telefono valido per "
                                  "l'appuntamento telefonico.", "remote_link")
        return number.display
    number = phones.best(worker.mobile, worker.phone)
    if number is None:
        raise ValidationError(
            f"{worker.surname} {worker.name} non ha un numero di telefono valido nel fascicolo: "
            "indicare il numero da chiamare per l'appuntamento telefonico.", "remote_link")
    return number.display


def book(ctx: Context, **kwargs: object) -> AppointmentRow:
    """Book one appointment (see ``book_in_session`` for the arguments)."""
    with ctx.write() as s:
        appointment = book_in_session(s, **kwargs)  # type: ignore[arg-type]
        return appointment_rows(s, [appointment.id])[0]


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
        if appointment.starts_at.date() > clock().date():
            raise ValidationError("Non si registra l'esito di un appuntamento futuro.", "outcome")
        appointment.outcome = outcome
        appointment.outcome_note = note
        s.flush()
        return appointment_rows(s, [appointment.id])[0]


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
    minutes: int | None = None,
    *,
    now: dt.datetime | None = None,
) -> list[Slot]:
    """Free slots of the operators, in time order (earliest first): on the days their
    office is open, inside its opening hours, of its slot length (or ``minutes``), not
    before ``now`` (default: the clock), around the appointments already booked."""
    days = sorted(d for d in days if holiday_name(d) is None)
    if not days or not operator_ids:
        return []
    moment = now or clock()
    first = dt.datetime.combine(days[0], dt.time.min)
    last = dt.datetime.combine(days[-1], dt.time.max)
    with ctx.read() as s:
        operators = {op.id: op for op in s.scalars(select(Operator).where(Operator.id.in_(operator_ids)))}
        hours = {o.id: hours_of(o) for o in s.scalars(select(Office))}
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
            office_hours_ = hours.get(op.office_id, DEFAULT_HOURS)
            step = dt.timedelta(minutes=minutes or office_hours_.slot_minutes)
            for open_at, close_at in office_hours_.spans(day):
                start = dt.datetime.combine(day, open_at)
                end_of_span = dt.datetime.combine(day, close_at)
                while start + step <= end_of_span:
                    end = start + step
                    if start >= moment and not any(b0 < end and b1 > start
                                                   for b0, b1 in busy[op_id]):
                        slots.append(Slot(op_id, start, end))
                    start = end
    slots.sort(key=lambda slot: (slot.starts_at, operator_ids.index(slot.operator_id)))
    return slots


def next_free_slot(ctx: Context, operator_id: int, *, minutes: int | None = None,
                   now: dt.datetime | None = None, horizon_days: int = 60) -> Slot | None:
    """The operator's first free slot from now on (within ``horizon_days``), or None."""
    moment = now or clock()
    days = [moment.date() + dt.timedelta(days=i) for i in range(horizon_days)]
    found = free_slots(ctx, [operator_id], days, minutes, now=moment)
    return found[0] if found else None


def appointment_rows(session: Session, ids: Sequence[int]) -> list[AppointmentRow]:
    """The appointments ``ids`` as rows, in time order (inside the caller's session)."""
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
        a.mode or AppointmentMode.PRESENZA, a.remote_link, a.reminded_at,
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
