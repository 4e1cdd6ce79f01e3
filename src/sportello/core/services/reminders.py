"""Reminders the day before: the call sheet, e-mail drafts, the SMS list, the "reminded" mark.

People keep appointments they are reminded of. For a day (tomorrow by default) this lists
the booked appointments with the person's phone (checked by libphonenumber, mobile first)
and e-mail, and writes them as a call sheet (PDF or xlsx), as one ``.eml`` reminder per
person with an e-mail (sent from the office's mail client: no network in Sportello), and as
a CSV for the SMS gateways (``numero,messaggio``: E.164 numbers, UTF-8, one SMS each, mobile
numbers only). ``mark_reminded`` records the reminder on the appointments (audited);
``no_show_counts`` gives the monitoring its figures: missed appointments of people reminded
and not reminded.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import and_, case, exists, func, select

from sportello.core import paths, permissions, phones
from sportello.core.codes import AppointmentMode
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.letters import italian
from sportello.core.models import (
    Appointment,
    AppointmentOutcome,
    AppointmentStatus,
    EmploymentSituation,
    Office,
    Operator,
    Role,
    Worker,
)
from sportello.core.services.agenda import clock

_HOW = {AppointmentMode.PRESENZA: "in presenza", AppointmentMode.VIDEO: "videochiamata",
        AppointmentMode.TELEFONO: "telefono"}


@dataclass(frozen=True)
class Reminder:
    appointment_id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    starts_at: dt.datetime
    operator_name: str
    mode: str
    remote_link: str | None
    place: str | None
    phone: phones.Phone | None  # the number to call or text (mobile first), if valid
    phone_note: str | None  # the number as typed when it is not valid, for the clerk
    email: str | None
    reminded_at: dt.datetime | None

    @property
    def how(self) -> str:
        return _HOW.get(self.mode, self.mode)


@dataclass(frozen=True)
class OfficeContacts:
    name: str
    email: str | None
    phone: str | None
    address: str | None


def _office(ctx: Context) -> OfficeContacts:
    actor = permissions.require(ctx.actor, Role.OPERATORE, "preparare i promemoria")
    with ctx.read() as s:
        office = s.get(Office, actor.office_id)
        if office is None:
            raise NotFound("Ufficio dell'operatore non trovato: completare le impostazioni.")
        place = ", ".join(x for x in (office.address, office.comune) if x) or None
        return OfficeContacts(office.name, office.email, office.phone, place)


def for_day(ctx: Context, day: dt.date | None = None) -> list[Reminder]:
    """The booked appointments of ``day`` (tomorrow by default) of the actor's office."""
    actor = permissions.require(ctx.actor, Role.OPERATORE, "preparare i promemoria")
    day = day or clock().date() + dt.timedelta(days=1)
    lo = dt.datetime.combine(day, dt.time.min)
    hi = lo + dt.timedelta(days=1)
    office = _office(ctx)
    query = (
        select(Appointment, Worker, Operator.full_name)
        .join(Worker, Worker.id == Appointment.worker_id)
        .join(Operator, Operator.id == Appointment.operator_id)
        .where(Appointment.status == AppointmentStatus.PRENOTATO,
               Appointment.starts_at >= lo, Appointment.starts_at < hi,
               (Appointment.office_id == actor.office_id) | Appointment.office_id.is_(None))
        .order_by(Appointment.starts_at, Worker.surname, Worker.name)
    )
    out = []
    with ctx.read() as s:
        for a, w, operator in s.execute(query):
            number = phones.best(w.mobile, w.phone)
            typed = w.mobile or w.phone
            out.append(Reminder(
                a.id, w.id, f"{w.surname} {w.name}", w.codice_fiscale, a.starts_at, operator,
                a.mode or AppointmentMode.PRESENZA, a.remote_link, a.location or office.address,
                number, None if number else (f"numero non valido: {typed}" if typed
                                             else "nessun numero"),
                w.email, a.reminded_at))
    return out


def message(r: Reminder, office: OfficeContacts, *, short: bool = False) -> str:
    """The reminder's text (``short``: one SMS, at most 160 characters when it can be)."""
    when = f"{italian.long_date_weekday(r.starts_at.date())} alle {italian.clock(r.starts_at)}"
    if r.mode == AppointmentMode.VIDEO:
        where = f"in videochiamata: {r.remote_link}"
    elif r.mode == AppointmentMode.TELEFONO:
        where = f"per telefono: La chiameremo al {r.remote_link}"
    else:
        where = f"presso {r.place}" if r.place else "presso l'ufficio"
    if short:
        text = f"{office.name}: promemoria appuntamento {when}, {where}."
        if office.phone and len(text) + len(office.phone) + 18 <= 160:
            text += f" Per disdire: {office.phone}"
        return text
    contact = " o ".join(x for x in (office.phone, office.email) if x)
    lines = [f"Gentile {r.worker_name},", "",
             f"Le ricordiamo il Suo appuntamento con {r.operator_name} {when}, {where}.", ""]
    if contact:
        lines += [f"In caso di impedimento La preghiamo di avvisarci al più presto: {contact}.",
                  ""]
    lines += ["Cordiali saluti.", office.name]
    return "\n".join(lines) + "\n"


def call_sheet(ctx: Context, out: str | Path, day: dt.date | None = None) -> Path:
    """The call sheet of the day as .pdf or .xlsx (by the file's extension)."""
    rows = for_day(ctx, day)
    target = paths.output_file(out)
    when = day or (rows[0].starts_at.date() if rows else clock().date() + dt.timedelta(days=1))
    title = f"Promemoria appuntamenti di {italian.long_date_weekday(when)}"
    suffix = target.suffix.lower()
    if suffix == ".pdf":
        from sportello.core.letters import printouts

        lines = [printouts.CallLine(f"{r.starts_at:%H:%M}", r.worker_name,
                                    r.phone.display if r.phone else (r.phone_note or ""),
                                    r.email or "", r.how, r.operator_name) for r in rows]
        paths.write_atomically(target, printouts.call_sheet_pdf(title, lines))
    elif suffix == ".xlsx":
        from sportello.core.exchange.sheet_writer import Column, SheetWriter

        sheet = SheetWriter("Promemoria", (
            Column("Data e ora", "datetime", 17), Column("Cognome e nome", width=28),
            Column("Codice fiscale", width=19), Column("Telefono", width=18),
            Column("Cellulare (SMS)", "bool", 10), Column("Email", width=28),
            Column("Modalità", width=14), Column("Collegamento", width=30),
            Column("Operatore", width=22), Column("Già avvisato", "datetime", 17)))
        sheet.write([(r.starts_at, r.worker_name, r.codice_fiscale,
                      r.phone.display if r.phone else r.phone_note,
                      bool(r.phone and r.phone.mobile), r.email, r.how, r.remote_link,
                      r.operator_name, r.reminded_at) for r in rows])
        sheet.save(target)
    else:
        raise ValidationError("Il foglio delle chiamate si scrive come .pdf o .xlsx.", "out")
    return target


def sms_csv(ctx: Context, out: str | Path, day: dt.date | None = None) -> tuple[Path, int, int]:
    """The CSV for an SMS gateway: ``numero,messaggio``. Returns (file, written, skipped):
    people without a valid mobile number are left out (they are on the call sheet)."""
    office = _office(ctx)
    rows = for_day(ctx, day)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["numero", "messaggio"])
    written = 0
    for r in rows:
        if r.phone is not None and r.phone.mobile:
            writer.writerow([r.phone.e164, message(r, office, short=True)])
            written += 1
    target = paths.output_file(out)
    paths.write_atomically(target, buffer.getvalue().encode("utf-8"))
    return target, written, len(rows) - written


def eml_reminders(ctx: Context, folder: str | Path, day: dt.date | None = None) -> list[Path]:
    """One .eml reminder per person with an e-mail address, in ``folder``."""
    from sportello.core.letters import mail

    office = _office(ctx)
    target = paths.output_folder(folder)
    written = []
    for r in for_day(ctx, day):
        if not r.email:
            continue
        data = mail.draft(to=r.email, sender=office.email, text=message(r, office),
                          subject=f"Promemoria: appuntamento del {r.starts_at:%d/%m/%Y} "
                                  f"alle {r.starts_at:%H:%M}")
        path = target / f"promemoria_{r.starts_at:%Y%m%d_%H%M}_{r.appointment_id}.eml"
        paths.write_atomically(path, data)
        written.append(path)
    return written


def mark_reminded(ctx: Context, appointment_ids: Sequence[int], *,
                  when: dt.datetime | None = None) -> int:
    """Record the reminder on the appointments (audited, one row each); returns how many."""
    permissions.require(ctx.actor, Role.OPERATORE, "segnare i promemoria")
    ids = list(dict.fromkeys(appointment_ids))
    moment = when or clock()
    with ctx.write() as s:
        rows = list(s.scalars(select(Appointment).where(Appointment.id.in_(ids))))
        if len(rows) != len(ids):
            raise NotFound("Appuntamento non trovato: nessun promemoria segnato.")
        changed = 0
        for a in rows:
            if a.reminded_at is None:
                a.reminded_at = moment
                changed += 1
        return changed


@dataclass(frozen=True)
class NoShowCounts:
    reminded: int  # past appointments whose person was reminded
    reminded_missed: int  # ... and did not come (assente)
    not_reminded: int
    not_reminded_missed: int

    @staticmethod
    def _rate(missed: int, total: int) -> float | None:
        return missed / total if total else None

    @property
    def rate_reminded(self) -> float | None:
        return self._rate(self.reminded_missed, self.reminded)

    @property
    def rate_not_reminded(self) -> float | None:
        return self._rate(self.not_reminded_missed, self.not_reminded)


def no_show_counts(ctx: Context, *, since: dt.date | None = None, until: dt.date | None = None,
                   vertenza_id: int | None = None) -> NoShowCounts:
    """For the monitoring: past appointments with an outcome, split by reminded or not, and
    how many of each the person missed ("assente"; "giustificato" is not a no-show)."""
    permissions.require(ctx.actor, Role.OPERATORE, "consultare il monitoraggio")
    conditions = [Appointment.status == AppointmentStatus.PRENOTATO,
                  Appointment.outcome.is_not(None)]
    if since is not None:
        conditions.append(Appointment.starts_at >= dt.datetime.combine(since, dt.time.min))
    if until is not None:
        conditions.append(Appointment.starts_at
                          < dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    if vertenza_id is not None:
        conditions.append(exists().where(EmploymentSituation.worker_id == Appointment.worker_id,
                                         EmploymentSituation.vertenza_id == vertenza_id))
    reminded = Appointment.reminded_at.is_not(None)
    missed = Appointment.outcome == AppointmentOutcome.ASSENTE
    query = select(
        func.count().filter(reminded),
        func.coalesce(func.sum(case((and_(reminded, missed), 1), else_=0)), 0),
        func.count().filter(~reminded),
        func.coalesce(func.sum(case((and_(~reminded, missed), 1), else_=0)), 0),
    ).where(*conditions)
    with ctx.read() as s:
        a, b, c, d = s.execute(query).one()
    return NoShowCounts(int(a), int(b), int(c), int(d))
