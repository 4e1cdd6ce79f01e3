"""Job reinsertion: employers, job offers, matching, applications and hires.

A hire closes the worker's open reinsertion pathways (GOL 1 and GOL 5) with the outcome
"ricollocato", in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    Application,
    ApplicationStatus,
    ApplicationStatusChange,
    ContractType,
    Employer,
    EmploymentSituation,
    FileStatus,
    Hire,
    JobOffer,
    JobOfferStatus,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    Worker,
)
from sportello.core.text import fold
from sportello.core.services.pathways import OPEN, close_pathway_in

A = ApplicationStatus
APPLICATION_FLOW: dict[str, set[str]] = {
    A.PROPOSTA: {A.INVIATA, A.RITIRATA, A.NON_SELEZIONATO},
    A.INVIATA: {A.COLLOQUIO, A.NON_SELEZIONATO, A.RITIRATA},
    A.COLLOQUIO: {A.ASSUNTO, A.NON_SELEZIONATO, A.RITIRATA},
    A.ASSUNTO: set(),
    A.NON_SELEZIONATO: set(),
    A.RITIRATA: set(),
}
REINSERTION_KINDS = (PathwayKind.GOL1_REINSERIMENTO, PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA)


@dataclass(frozen=True)
class Candidate:
    worker_id: int
    name: str
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class OfferMatch:
    offer_id: int
    role: str
    employer: str
    comune: str | None
    score: int
    reasons: tuple[str, ...]


def _words(text: str | None) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", fold(text or "")) if len(w) >= 3}


def add_employer(ctx: Context, *, name: str, cf_piva: str | None = None, comune: str | None = None,
                 provincia: str | None = None, **extra: str | None) -> int:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Il nome dell'azienda è obbligatorio.", "name")
    piva = re.sub(r"\s+", "", cf_piva or "").upper() or None
    if piva and not (len(piva) == 11 and piva.isdigit() or len(piva) == 16):
        raise ValidationError("Partita IVA (11 cifre) o codice fiscale (16 caratteri) non valido.",
                              "cf_piva")
    with ctx.write() as s:
        if piva and s.scalar(select(Employer.id).where(Employer.cf_piva == piva)):
            raise ValidationError("Esiste già un'azienda con questa partita IVA.", "cf_piva")
        e = Employer(name=name, cf_piva=piva, comune=comune,
                     provincia=(provincia or "").upper() or None, **extra)
        s.add(e)
        s.flush()
        return e.id


def add_offer(ctx: Context, *, employer_id: int, role: str, contract_type: str,
              comune: str | None = None, provincia: str | None = None,
              qualifica_code: str | None = None, weekly_hours: float | None = None,
              openings: int = 1, closing_on: dt.date | None = None,
              requirements: str | None = None, skills: str | None = None,
              today: dt.date | None = None) -> int:
    if contract_type not in set(ContractType):
        raise ValidationError(f"Tipo di contratto sconosciuto: {contract_type}.", "contract_type")
    if not (role or "").strip():
        raise ValidationError("Indicare la mansione.", "role")
    if openings < 1:
        raise ValidationError("Almeno un posto.", "openings")
    today = today or dt.date.today()
    if closing_on and closing_on < today:
        raise ValidationError("La data di chiusura è già passata.", "closing_on")
    with ctx.write() as s:
        if s.get(Employer, employer_id) is None:
            raise NotFound("Azienda non trovata.")
        offer = JobOffer(employer_id=employer_id, role=role.strip(), contract_type=contract_type,
                         comune=comune, provincia=(provincia or "").upper() or None,
                         qualifica_code=qualifica_code, weekly_hours=weekly_hours,
                         openings=openings, closing_on=closing_on, requirements=requirements,
                         skills=skills, published_on=today, status=JobOfferStatus.APERTA,
                         operator_id=ctx.actor.id if ctx.actor else None)
        s.add(offer)
        s.flush()
        return offer.id


def _score(offer: JobOffer, worker: Worker, situation: EmploymentSituation | None) -> tuple[int, list[str]]:
    score, reasons = 0, []
    if offer.qualifica_code and situation and situation.qualifica_code == offer.qualifica_code:
        score += 40
        reasons.append("stessa qualifica")
    if offer.comune and worker.residence_comune and fold(offer.comune) == fold(worker.residence_comune):
        score += 30
        reasons.append("stesso comune")
    elif offer.provincia and worker.residence_province == offer.provincia:
        score += 15
        reasons.append("stessa provincia")
    common = _words(offer.skills) & (_words(worker.skills) | _words(situation.qualifica if situation else None))
    if common:
        score += min(30, 10 * len(common))
        reasons.append("competenze: " + ", ".join(sorted(common)[:4]))
    if offer.weekly_hours and situation and situation.orario == "P" and offer.weekly_hours <= 30:
        score += 5
        reasons.append("orario compatibile")
    return score, reasons


def candidates_for_offer(ctx: Context, offer_id: int, limit: int = 50) -> list[Candidate]:
    """Open files ranked by qualifica, place and skills (workers already hired excluded)."""
    with ctx.read() as s:
        offer = s.get(JobOffer, offer_id)
        if offer is None:
            raise NotFound("Offerta non trovata.")
        conditions = [Worker.status == FileStatus.APERTO]
        if offer.provincia:
            conditions.append((Worker.residence_province == offer.provincia)
                              | (EmploymentSituation.qualifica_code == offer.qualifica_code))
        rows = s.execute(
            select(Worker, EmploymentSituation)
            .outerjoin(EmploymentSituation, (EmploymentSituation.worker_id == Worker.id)
                       & EmploymentSituation.is_current.is_(True))
            .where(*conditions, ~Worker.id.in_(select(Hire.worker_id)))
            .limit(5000)
        ).all()
        ranked = []
        for worker, situation in rows:
            score, reasons = _score(offer, worker, situation)
            if score:
                ranked.append(Candidate(worker.id, f"{worker.surname} {worker.name}", score,
                                        tuple(reasons)))
    ranked.sort(key=lambda c: (-c.score, c.name))
    return ranked[:limit]


def offers_for_worker(ctx: Context, worker_id: int, today: dt.date | None = None) -> list[OfferMatch]:
    today = today or dt.date.today()
    with ctx.read() as s:
        worker = s.get(Worker, worker_id)
        if worker is None:
            raise NotFound("Fascicolo non trovato.")
        situation = s.scalars(select(EmploymentSituation).where(
            EmploymentSituation.worker_id == worker_id,
            EmploymentSituation.is_current.is_(True))).first()
        rows = s.execute(
            select(JobOffer, Employer.name).join(Employer, Employer.id == JobOffer.employer_id)
            .where(JobOffer.status == JobOfferStatus.APERTA,
                   (JobOffer.closing_on.is_(None)) | (JobOffer.closing_on >= today))
        ).all()
        found = []
        for offer, employer in rows:
            score, reasons = _score(offer, worker, situation)
            if score:
                found.append(OfferMatch(offer.id, offer.role, employer, offer.comune, score,
                                        tuple(reasons)))
    found.sort(key=lambda m: (-m.score, m.role))
    return found


def _history(session, application: Application, status: str, note: str | None) -> None:  # type: ignore[no-untyped-def]
    session.add(ApplicationStatusChange(application_id=application.id, status=status, note=note,
                                        operator_id=session.info.get("actor_id")))


def propose(ctx: Context, worker_id: int, offer_id: int, note: str | None = None) -> int:
    with ctx.write() as s:
        offer = s.get(JobOffer, offer_id)
        if offer is None or s.get(Worker, worker_id) is None:
            raise NotFound("Lavoratore o offerta non trovati.")
        if offer.status != JobOfferStatus.APERTA:
            raise ValidationError("L'offerta non è più aperta.", "offer")
        if s.scalar(select(Application.id).where(Application.worker_id == worker_id,
                                                 Application.job_offer_id == offer_id)):
            raise ValidationError("Il lavoratore è già candidato a questa offerta.", "offer")
        app = Application(worker_id=worker_id, job_offer_id=offer_id, status=A.PROPOSTA,
                          applied_on=dt.date.today(), notes=note)
        s.add(app)
        s.flush()
        _history(s, app, A.PROPOSTA, note)
        return app.id


def advance(ctx: Context, application_id: int, status: str, note: str | None = None) -> None:
    """Move an application on (inviata, colloquio, non selezionato, ritirata). Hires: ``hire``."""
    if status == A.ASSUNTO:
        raise ValidationError("Per l'assunzione usare «Registra assunzione».", "status")
    with ctx.write() as s:
        app = s.get(Application, application_id)
        if app is None:
            raise NotFound("Candidatura non trovata.")
        if status not in APPLICATION_FLOW[A(app.status)]:
            raise ValidationError(f"Da «{app.status}» non si passa a «{status}».", "status")
        app.status = status
        _history(s, app, status, note)


def hire(ctx: Context, *, worker_id: int, employer_id: int, hired_on: dt.date, contract_type: str,
         weekly_hours: float | None = None, end_on: dt.date | None = None,
         application_id: int | None = None, qualifica: str | None = None) -> int:
    """Record a hire; open reinsertion pathways close with outcome "ricollocato"."""
    with ctx.write() as s:
        return hire_in(s, worker_id=worker_id, employer_id=employer_id, hired_on=hired_on,
                       contract_type=contract_type, weekly_hours=weekly_hours, end_on=end_on,
                       application_id=application_id, qualifica=qualifica).id


def hire_in(s, *, worker_id: int, employer_id: int, hired_on: dt.date,  # type: ignore[no-untyped-def]
            contract_type: str, weekly_hours: float | None = None, end_on: dt.date | None = None,
            application_id: int | None = None, qualifica: str | None = None) -> Hire:
    """``hire`` inside an open transaction (a list of hires records many in one): the hire,
    and the worker's open reinsertion pathways closed with outcome "ricollocato"."""
    if contract_type not in set(ContractType):
        raise ValidationError(f"Tipo di contratto sconosciuto: {contract_type}.", "contract_type")
    if end_on and end_on < hired_on:
        raise ValidationError("La fine del contratto precede l'assunzione.", "end_on")
    if s.get(Worker, worker_id) is None or s.get(Employer, employer_id) is None:
        raise NotFound("Lavoratore o azienda non trovati.")
    offer_id = None
    if application_id is not None:
        app = s.get(Application, application_id)
        if app is None or app.worker_id != worker_id:
            raise ValidationError("La candidatura non è di questo lavoratore.", "application")
        if app.status in (A.ASSUNTO, A.NON_SELEZIONATO, A.RITIRATA):
            raise ValidationError(f"La candidatura è già chiusa ({app.status}).", "application")
        app.status = A.ASSUNTO  # from any open step: people are hired after one interview
        _history(s, app, A.ASSUNTO, None)
        offer_id = app.job_offer_id
    paths = list(s.scalars(select(Pathway).where(
        Pathway.worker_id == worker_id, Pathway.kind.in_(REINSERTION_KINDS),
        Pathway.status.in_(OPEN))))
    for p in paths:
        close_pathway_in(s, p, PathwayOutcome.RICOLLOCATO, max(hired_on, p.start_on or hired_on))
    h = Hire(worker_id=worker_id, employer_id=employer_id, job_offer_id=offer_id,
             application_id=application_id, pathway_id=paths[0].id if paths else None,
             hired_on=hired_on, end_on=end_on, contract_type=contract_type,
             weekly_hours=weekly_hours, qualifica=qualifica)
    s.add(h)
    s.flush()
    if offer_id is not None:
        offer = s.get(JobOffer, offer_id)
        hires = s.scalar(select(func.count(Hire.id)).where(Hire.job_offer_id == offer_id))
        if offer is not None and hires >= offer.openings:
            offer.status = JobOfferStatus.COPERTA
    return h


def employer_in(s, name: str, cf_piva: str | None) -> tuple[int, bool]:  # type: ignore[no-untyped-def]
    """(id, created) of the employer with this VAT number / codice fiscale, else with this
    name (case and accents ignored), else a new one; inside an open transaction."""
    if cf_piva:
        found = s.scalar(select(Employer.id).where(Employer.cf_piva == cf_piva))
        if found is not None:
            return found, False
    folded = fold(name)
    for employer_id, other in s.execute(select(Employer.id, Employer.name)):
        if fold(other) == folded:
            return employer_id, False
    e = Employer(name=name, cf_piva=cf_piva)
    s.add(e)
    s.flush()
    return e.id, True


# --------------------------------------------------------------------------- read side


@dataclass(frozen=True)
class EmployerRow:
    id: int
    name: str
    cf_piva: str | None
    comune: str | None
    provincia: str | None
    open_offers: int


@dataclass(frozen=True)
class OfferRow:
    id: int
    employer_id: int
    employer: str
    role: str
    contract_type: str
    comune: str | None
    provincia: str | None
    qualifica_code: str | None
    weekly_hours: float | None
    openings: int
    hires: int
    applications: int
    status: str
    published_on: dt.date | None
    closing_on: dt.date | None
    skills: str | None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    offer_id: int
    employer_id: int
    status: str
    applied_on: dt.date | None
    next_statuses: tuple[str, ...]  # what ``advance`` accepts from here (hire aside)
    role: str = ""  # the offer's, for lists across offers
    employer: str = ""

    @property
    def can_hire(self) -> bool:
        """Still open: a hire can be recorded from any open step."""
        return bool(APPLICATION_FLOW[A(self.status)])


def list_employers(ctx: Context, limit: int = 500) -> list[EmployerRow]:
    open_offers = (
        select(func.count(JobOffer.id))
        .where(JobOffer.employer_id == Employer.id, JobOffer.status == JobOfferStatus.APERTA)
        .correlate(Employer).scalar_subquery()
    )
    with ctx.read() as s:
        rows = s.execute(
            select(Employer.id, Employer.name, Employer.cf_piva, Employer.comune,
                   Employer.provincia, open_offers)
            .order_by(Employer.name, Employer.id).limit(limit))
        return [EmployerRow(*r) for r in rows]


def list_offers(ctx: Context, *, status: str | None = None, employer_id: int | None = None,
                offer_id: int | None = None, limit: int = 500) -> list[OfferRow]:
    """Job offers, newest first, with how many applications and hires each has."""
    hires = (select(Hire.job_offer_id.label("offer_id"), func.count(Hire.id).label("n"))
             .where(Hire.job_offer_id.is_not(None)).group_by(Hire.job_offer_id).subquery())
    applications = (select(Application.job_offer_id.label("offer_id"),
                           func.count(Application.id).label("n"))
                    .group_by(Application.job_offer_id).subquery())
    stmt = (
        select(JobOffer.id, JobOffer.employer_id, Employer.name, JobOffer.role,
               JobOffer.contract_type, JobOffer.comune, JobOffer.provincia, JobOffer.qualifica_code,
               JobOffer.weekly_hours, JobOffer.openings, func.coalesce(hires.c.n, 0),
               func.coalesce(applications.c.n, 0), JobOffer.status, JobOffer.published_on,
               JobOffer.closing_on, JobOffer.skills)
        .join(Employer, Employer.id == JobOffer.employer_id)
        .outerjoin(hires, hires.c.offer_id == JobOffer.id)
        .outerjoin(applications, applications.c.offer_id == JobOffer.id)
    )
    if status:
        stmt = stmt.where(JobOffer.status == status)
    if employer_id is not None:
        stmt = stmt.where(JobOffer.employer_id == employer_id)
    if offer_id is not None:
        stmt = stmt.where(JobOffer.id == offer_id)
    stmt = stmt.order_by(JobOffer.published_on.desc(), JobOffer.id.desc()).limit(limit)
    with ctx.read() as s:
        return [OfferRow(*r) for r in s.execute(stmt)]


def offer_row(ctx: Context, offer_id: int) -> OfferRow:
    found = list_offers(ctx, offer_id=offer_id, limit=1)
    if not found:
        raise NotFound("Offerta non trovata.")
    return found[0]


def _next_statuses(status: str) -> tuple[str, ...]:
    order = list(A)
    return tuple(sorted(APPLICATION_FLOW[A(status)] - {A.ASSUNTO}, key=order.index))


def worker_applications(ctx: Context, worker_id: int) -> list[ApplicationRow]:
    """One worker's applications, newest first, with the offer's role and employer."""
    with ctx.read() as s:
        rows = s.execute(
            select(Application.id, Application.worker_id, Worker.surname, Worker.name,
                   Worker.codice_fiscale, Application.job_offer_id, JobOffer.employer_id,
                   Application.status, Application.applied_on, JobOffer.role, Employer.name)
            .join(Worker, Worker.id == Application.worker_id)
            .join(JobOffer, JobOffer.id == Application.job_offer_id)
            .join(Employer, Employer.id == JobOffer.employer_id)
            .where(Application.worker_id == worker_id)
            .order_by(Application.applied_on.desc(), Application.id.desc()))
        return [ApplicationRow(r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], r[7], r[8],
                               _next_statuses(r[7]), r[9], r[10]) for r in rows]


@dataclass(frozen=True)
class HireRow:
    id: int
    employer: str
    hired_on: dt.date
    end_on: dt.date | None
    contract_type: str
    weekly_hours: float | None
    qualifica: str | None


def worker_hires(ctx: Context, worker_id: int) -> list[HireRow]:
    """One worker's hires, newest first."""
    with ctx.read() as s:
        rows = s.execute(
            select(Hire.id, Employer.name, Hire.hired_on, Hire.end_on, Hire.contract_type,
                   Hire.weekly_hours, Hire.qualifica)
            .join(Employer, Employer.id == Hire.employer_id)
            .where(Hire.worker_id == worker_id)
            .order_by(Hire.hired_on.desc(), Hire.id.desc()))
        return [HireRow(*r) for r in rows]


def offer_applications(ctx: Context, offer_id: int) -> list[ApplicationRow]:
    """The offer's applications, by worker name."""
    with ctx.read() as s:
        offer = s.get(JobOffer, offer_id)
        if offer is None:
            raise NotFound("Offerta non trovata.")
        rows = s.execute(
            select(Application.id, Application.worker_id, Worker.surname, Worker.name,
                   Worker.codice_fiscale, Application.status, Application.applied_on)
            .join(Worker, Worker.id == Application.worker_id)
            .where(Application.job_offer_id == offer_id)
            .order_by(Worker.surname, Worker.name, Application.id))
        found = [ApplicationRow(r[0], r[1], f"{r[2]} {r[3]}", r[4], offer_id, offer.employer_id,
                                r[5], r[6], _next_statuses(r[5])) for r in rows]
    return found
