"""What the tabs of a worker's file show and edit, besides the anagrafica.

Employment situation (vertenza, former employer, CIGS/NASpI, DID, profiling) and the
diary are edited here; pacts, pathways, appointments, letters and vouchers are listed
here as plain rows (their rules live in their own services).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    DiaryEntry,
    DiaryKind,
    DidStatus,
    SafetyNet,
    EmploymentSituation,
    Letter,
    Operator,
    ServicePact,
    Vertenza,
    Worker,
    WorkerLanguage,
)
from sportello.core.services import agenda
from sportello.core.services.records import update_record


@dataclass
class EmploymentForm:
    vertenza_id: int | None = None
    former_employer: str | None = None
    former_employer_cf: str | None = None
    qualifica: str | None = None
    qualifica_code: str | None = None
    orario: str | None = None
    weekly_hours: float | None = None
    hired_on: dt.date | None = None
    exit_on: dt.date | None = None
    safety_net: str | None = None  # codes.SafetyNet
    cigs_start: dt.date | None = None
    cigs_end: dt.date | None = None
    naspi_start: dt.date | None = None
    naspi_end: dt.date | None = None
    did_on: dt.date | None = None
    did_channel: str | None = None
    did_status: str | None = None
    profiling_index: float | None = None
    profiling_on: dt.date | None = None
    profiling_notes: str | None = None


EMPLOYMENT_FIELDS = tuple(f.name for f in dataclasses.fields(EmploymentForm))
QUALIFICA_CODES = {"O": "Operaio", "I": "Impiegato", "Q": "Quadro", "M": "Dirigente",
                   "A": "Apprendista"}


@dataclass(frozen=True)
class Employment:
    id: int | None
    version: int | None
    form: EmploymentForm
    vertenza_title: str | None
    # how the worker left the vertenza's "to place" count (services.vertenze), if they did
    cohort_exit: str | None = None
    cohort_exit_on: dt.date | None = None


@dataclass(frozen=True)
class DiaryRow:
    id: int
    at: dt.datetime
    kind: str
    subject: str | None
    body: str | None
    operator_name: str | None


@dataclass(frozen=True)
class PactRow:
    id: int
    revision: int
    status: str
    signed_on: dt.date | None
    gol_path: str | None
    review_on: dt.date | None
    commitments: str | None


@dataclass(frozen=True)
class LetterRow:
    id: int
    protocol: str
    template: str
    subject: str | None
    issued_at: dt.datetime
    delivery: str | None = None  # posta, mano, email, pec (None: on paper, before channels)
    delivery_status: str | None = None  # e-mail and PEC: predisposta, inviata


def _check_dates(form: EmploymentForm) -> None:
    pairs = (("cigs_start", "cigs_end", "CIGS"), ("naspi_start", "naspi_end", "NASpI"),
             ("hired_on", "exit_on", "rapporto di lavoro"))
    for start, end, label in pairs:
        a, b = getattr(form, start), getattr(form, end)
        if a and b and b < a:
            raise ValidationError(f"{label}: la data di fine precede quella di inizio.", end)
    if form.profiling_index is not None and not 0 <= form.profiling_index <= 1:
        raise ValidationError("L'indice di profilazione va da 0 a 1 (es. 0,62).", "profiling_index")
    if form.qualifica_code and form.qualifica_code.upper() not in QUALIFICA_CODES:
        raise ValidationError("Qualifica: usare O, I, Q, M o A.", "qualifica_code")
    if form.orario and form.orario.upper() not in ("F", "P"):
        raise ValidationError("Orario: F (tempo pieno) o P (tempo parziale).", "orario")
    if form.safety_net and form.safety_net not in set(SafetyNet):
        raise ValidationError("Ammortizzatore non valido: CIGS, CIGS per cessazione, NASpI o "
                              "nessuno.", "safety_net")
    if form.did_status and form.did_status not in set(DidStatus):
        raise ValidationError("Stato DID non valido.", "did_status")
    if form.weekly_hours is not None and not 0 < form.weekly_hours <= 60:
        raise ValidationError("Ore settimanali tra 1 e 60.", "weekly_hours")


def employment(ctx: Context, worker_id: int) -> Employment:
    """The current employment situation (an empty form when there is none yet)."""
    with ctx.read() as s:
        row = s.scalars(
            select(EmploymentSituation)
            .where(EmploymentSituation.worker_id == worker_id, EmploymentSituation.is_current.is_(True))
            .order_by(EmploymentSituation.id.desc()).limit(1)
        ).first()
        if row is None:
            return Employment(None, None, EmploymentForm(), None)
        title = s.get(Vertenza, row.vertenza_id).title if row.vertenza_id else None
        form = EmploymentForm(**{k: getattr(row, k) for k in EMPLOYMENT_FIELDS})
        exit_code, exit_on = s.execute(select(Worker.cohort_exit, Worker.cohort_exit_on)
                                       .where(Worker.id == worker_id)).one()
        return Employment(row.id, row.version, form, title, exit_code, exit_on)


def save_employment(ctx: Context, worker_id: int, form: EmploymentForm,
                    expected_version: int | None = None) -> Employment:
    _check_dates(form)
    values = dataclasses.asdict(form)
    for key in ("qualifica_code", "orario"):
        if values[key]:
            values[key] = values[key].upper()
    with ctx.write() as s:
        if s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        current_id = s.scalar(
            select(EmploymentSituation.id)
            .where(EmploymentSituation.worker_id == worker_id, EmploymentSituation.is_current.is_(True))
            .order_by(EmploymentSituation.id.desc()).limit(1)
        )
        if current_id is None:
            s.add(EmploymentSituation(worker_id=worker_id, is_current=True, **values))
        else:
            update_record(s, EmploymentSituation, current_id, expected_version or 0, values)
    return employment(ctx, worker_id)


def extra_values(ctx: Context, worker_id: int) -> list[tuple[str, str]]:
    """(column, value) of the extra columns kept from imported lists, as they came."""
    with ctx.read() as s:
        found = s.scalar(select(Worker.extra_values).where(Worker.id == worker_id))
    return [(str(k), str(v)) for k, v in (found or {}).items()]


def diary(ctx: Context, worker_id: int) -> list[DiaryRow]:
    with ctx.read() as s:
        query = (
            select(DiaryEntry, Operator.full_name)
            .outerjoin(Operator, Operator.id == DiaryEntry.operator_id)
            .where(DiaryEntry.worker_id == worker_id)
            .order_by(DiaryEntry.at.desc(), DiaryEntry.id.desc())
        )
        return [DiaryRow(d.id, d.at, d.kind, d.subject, d.body, name) for d, name in s.execute(query)]


def add_diary(ctx: Context, worker_id: int, kind: str, subject: str | None, body: str | None,
              at: dt.datetime | None = None) -> DiaryRow:
    if kind not in set(DiaryKind):
        raise ValidationError("Tipo di annotazione non valido.", "kind")
    subject = (subject or "").strip() or None
    body = (body or "").strip() or None
    if not subject and not body:
        raise ValidationError("Scrivere almeno l'oggetto o il testo dell'annotazione.", "body")
    with ctx.write() as s:
        if s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        entry = DiaryEntry(worker_id=worker_id, kind=kind, subject=subject, body=body,
                           at=at or dt.datetime.now().replace(microsecond=0),
                           operator_id=ctx.actor.id if ctx.actor else None)
        s.add(entry)
        s.flush()
        name = ctx.actor.full_name if ctx.actor else None
        return DiaryRow(entry.id, entry.at, entry.kind, entry.subject, entry.body, name)


def pacts(ctx: Context, worker_id: int) -> list[PactRow]:
    with ctx.read() as s:
        query = select(ServicePact).where(ServicePact.worker_id == worker_id).order_by(
            ServicePact.revision.desc())
        return [PactRow(p.id, p.revision, p.status, p.signed_on, p.gol_path, p.review_on,
                        p.commitments) for p in s.scalars(query)]


def letters(ctx: Context, worker_id: int) -> list[LetterRow]:
    with ctx.read() as s:
        query = select(Letter).where(Letter.worker_id == worker_id).order_by(Letter.issued_at.desc())
        return [LetterRow(x.id, f"{x.protocol_number}/{x.protocol_year}", x.template, x.subject,
                          x.issued_at, x.delivery, x.delivery_status) for x in s.scalars(query)]


def appointments(ctx: Context, worker_id: int) -> list[agenda.AppointmentRow]:
    """Past and future appointments of the worker, cancelled ones included."""
    return agenda.appointments_between(
        ctx, dt.date(1900, 1, 1), dt.date(2999, 12, 31), worker_id=worker_id,
        include_cancelled=True)


def languages(ctx: Context, worker_id: int) -> list[tuple[str, str | None]]:
    """(language, level) of the languages recorded in a worker's file, by language."""
    with ctx.read() as s:
        query = (
            select(WorkerLanguage.language, WorkerLanguage.level)
            .where(WorkerLanguage.worker_id == worker_id)
            .order_by(WorkerLanguage.language)
        )
        return [(language, level) for language, level in s.execute(query)]


def vertenze(ctx: Context) -> list[tuple[int, str]]:
    """(id, title) of every vertenza, for filters and forms."""
    with ctx.read() as s:
        return [(i, t) for i, t in s.execute(select(Vertenza.id, Vertenza.title).order_by(Vertenza.title))]


def operators(ctx: Context) -> list[tuple[int, str]]:
    with ctx.read() as s:
        return [(i, n) for i, n in s.execute(
            select(Operator.id, Operator.full_name).where(Operator.active.is_(True))
            .order_by(Operator.full_name))]
