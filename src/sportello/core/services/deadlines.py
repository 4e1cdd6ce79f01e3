"""The deadlines panel: what needs the counter's attention soon (read side, plain rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from sportello.core.context import Context
from sportello.core.models import (
    Appointment,
    AppointmentStatus,
    EmploymentSituation,
    FileStatus,
    Letter,
    PactStatus,
    ServicePact,
    Voucher,
    VoucherStatus,
    Worker,
)

KIND_LABELS = {
    "cigs": "CIGS in scadenza",
    "naspi": "NASpI in scadenza",
    "patto": "Revisione del patto di servizio",
    "voucher": "Voucher in scadenza",
    "esito": "Appuntamento senza esito",
    "assente": "Appuntamento mancato",
    "consenso": "Consenso privacy mancante",
    "firma": "Patto stampato e non restituito firmato",
}
# A patto printed for signature and not back signed after this many days is listed.
PACT_RETURN_DAYS = 15


@dataclass(frozen=True)
class Deadline:
    kind: str  # key of KIND_LABELS
    due_on: dt.date | None
    worker_id: int
    worker_name: str
    codice_fiscale: str
    detail: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _name(surname: str, name: str) -> str:
    return f"{surname} {name}"


def upcoming(
    ctx: Context,
    within_days: int = 30,
    *,
    today: dt.date | None = None,
    operator_id: int | None = None,
    worker_id: int | None = None,
    limit: int = 500,
    pact_return_days: int = PACT_RETURN_DAYS,
) -> list[Deadline]:
    """Deadlines due within ``within_days`` (and overdue ones), soonest first.

    ``limit`` caps each kind separately, so that hundreds of overdue pact reviews never
    hide an ending NASpI.
    """
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=within_days)
    open_file = Worker.status != FileStatus.CHIUSO
    scope = [open_file]
    if operator_id is not None:
        scope.append(Worker.assigned_operator_id == operator_id)
    if worker_id is not None:
        scope.append(Worker.id == worker_id)
    people = (Worker.id, Worker.surname, Worker.name, Worker.codice_fiscale)
    out: list[Deadline] = []
    with ctx.read() as s:
        for column, kind in ((EmploymentSituation.cigs_end, "cigs"),
                             (EmploymentSituation.naspi_end, "naspi")):
            query = (
                select(*people, column)
                .join(EmploymentSituation, EmploymentSituation.worker_id == Worker.id)
                .where(*scope, EmploymentSituation.is_current.is_(True),
                       column >= today, column <= horizon)
                .order_by(column).limit(limit)
            )
            for wid, sn, n, cf, due in s.execute(query):
                out.append(Deadline(kind, due, wid, _name(sn, n), cf,
                                    f"termina il {due:%d/%m/%Y}"))
        query = (
            select(*people, ServicePact.review_on)
            .join(ServicePact, ServicePact.worker_id == Worker.id)
            .where(*scope, ServicePact.status == PactStatus.FIRMATO,
                   ServicePact.review_on <= horizon)
            .order_by(ServicePact.review_on).limit(limit)
        )
        for wid, sn, n, cf, due in s.execute(query):
            late = " (scaduta)" if due < today else ""
            out.append(Deadline("patto", due, wid, _name(sn, n), cf,
                                f"revisione prevista il {due:%d/%m/%Y}{late}"))
        query = (
            select(*people, Voucher.expires_on, Voucher.code)
            .join(Voucher, Voucher.worker_id == Worker.id)
            .where(*scope,
                   Voucher.status.in_([VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO]),
                   Voucher.expires_on >= today, Voucher.expires_on <= horizon)
            .order_by(Voucher.expires_on).limit(limit)
        )
        for wid, sn, n, cf, due, code in s.execute(query):
            out.append(Deadline("voucher", due, wid, _name(sn, n), cf,
                                f"voucher {code or ''} scade il {due:%d/%m/%Y}".replace("  ", " ")))
        past = dt.datetime.combine(today, dt.time.min)
        query = (
            select(*people, Appointment.starts_at, Appointment.outcome)
            .join(Appointment, Appointment.worker_id == Worker.id)
            .where(*scope, Appointment.status == AppointmentStatus.PRENOTATO,
                   Appointment.starts_at < past,
                   Appointment.starts_at >= past - dt.timedelta(days=within_days),
                   and_(Appointment.outcome.is_(None) | (Appointment.outcome == "assente")))
            .order_by(Appointment.starts_at).limit(limit)
        )
        for wid, sn, n, cf, at, outcome in s.execute(query):
            kind = "esito" if outcome is None else "assente"
            detail = (f"appuntamento del {at:%d/%m/%Y %H:%M} senza esito" if outcome is None
                      else f"non si è presentato il {at:%d/%m/%Y %H:%M}")
            out.append(Deadline(kind, at.date(), wid, _name(sn, n), cf, detail))
        # a draft pact whose letter was printed (after the draft was drawn up) more than
        # ``pact_return_days`` ago and never came back signed (the scan signs it)
        printed = func.max(Letter.issued_at)
        query = (
            select(*people, printed)
            .join(ServicePact, ServicePact.worker_id == Worker.id)
            .join(Letter, and_(Letter.worker_id == Worker.id, Letter.template == "patto",
                               Letter.issued_at >= ServicePact.created_at))
            .where(*scope, ServicePact.status == PactStatus.BOZZA)
            .group_by(*people)
            .having(printed <= dt.datetime.combine(
                today - dt.timedelta(days=pact_return_days), dt.time.max))
            .order_by(printed).limit(limit)
        )
        for wid, sn, n, cf, at in s.execute(query):
            since = at.date() + dt.timedelta(days=pact_return_days)
            out.append(Deadline("firma", since, wid, _name(sn, n), cf,
                                f"patto stampato il {at:%d/%m/%Y}, non ancora restituito "
                                "firmato"))
        query = (
            select(*people).where(*scope, Worker.privacy_consent.is_(False))
            .order_by(Worker.surname, Worker.name).limit(limit)
        )
        for wid, sn, n, cf in s.execute(query):
            out.append(Deadline("consenso", None, wid, _name(sn, n), cf,
                                "manca il consenso al trattamento dei dati"))
    out.sort(key=lambda d: (d.due_on is None, d.due_on or dt.date.max, d.worker_name))
    return out
