"""Patto di servizio personalizzato: the revisions of a worker's pact and their life.

This module is the only writer of ``service_pact`` (the demo generator aside). Rules:
- a revision is drawn up as a draft (``bozza``): commitments, GOL pathway, review date,
  notes; a worker has at most one draft at a time, and only a draft can be edited;
- a draft is signed on a date neither in the future nor before the draft was drawn up
  (nor before the signing of the revision in force); the signed revision is the one in
  force (``firmato``) and the one it replaces becomes ``sostituito``;
- revising starts a new draft that copies the revision in force (``supersedes_id``); the
  old one stays in force until the new one is signed;
- a draft or the revision in force can be closed (``chiuso``): nothing is in force then.
Defaults for a new draft: the pathway of the worker's open pathway (the latest one), a
review in ``REVIEW_DAYS`` days, the acting operator as the one who drew it up.
Every write needs an operator, is audited (the ORM hook, plus a named row for signing,
revising and closing) and checks the version the clerk saw (``records.update_record``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    FileStatus,
    Operator,
    PactStatus,
    Pathway,
    PathwayKind,
    PathwayStatus,
    Role,
    ServicePact,
    Worker,
)
from sportello.core import audit, permissions
from sportello.core.services.records import update_record

REVIEW_DAYS = 90  # the usual review of a pact, from the day it is drawn up
MAX_REVIEW_DAYS = 730  # a review later than this is a typo in the year
COMMITMENTS_MAX = 4000
NOTES_MAX = 2000
_OPEN_PATHWAYS = (PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO, PathwayStatus.SOSPESO)


@dataclass
class PactForm:
    """What the clerk writes in a revision (one commitment a line)."""

    commitments: str | None = None
    gol_path: str | None = None
    review_on: dt.date | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PactInfo:
    id: int
    worker_id: int
    revision: int
    status: str
    signed_on: dt.date | None
    gol_path: str | None
    commitments: str | None
    review_on: dt.date | None
    notes: str | None
    supersedes_id: int | None
    operator_id: int | None
    operator_name: str | None
    drafted_on: dt.date
    version: int

    @property
    def is_draft(self) -> bool:
        return self.status == PactStatus.BOZZA

    @property
    def in_force(self) -> bool:
        return self.status == PactStatus.FIRMATO

    @property
    def form(self) -> PactForm:
        return PactForm(self.commitments, self.gol_path, self.review_on, self.notes)


def _local_date(stamp: dt.datetime | None) -> dt.date:
    """The local day of a naive UTC timestamp."""
    if stamp is None:
        return dt.date.today()
    return stamp.replace(tzinfo=dt.UTC).astimezone().date()


def _info(session: Session, p: ServicePact) -> PactInfo:
    operator = session.get(Operator, p.operator_id) if p.operator_id else None
    return PactInfo(p.id, p.worker_id, p.revision, p.status, p.signed_on, p.gol_path,
                    p.commitments, p.review_on, p.notes, p.supersedes_id, p.operator_id,
                    operator.full_name if operator else None, _local_date(p.created_at),
                    p.version)


def _clean(form: PactForm, today: dt.date) -> dict[str, object]:
    """The form's values as stored, or a ValidationError naming the field."""
    commitments = (form.commitments or "").strip() or None
    notes = (form.notes or "").strip() or None
    if commitments and len(commitments) > COMMITMENTS_MAX:
        raise ValidationError(
            f"Impegni del lavoratore: al massimo {COMMITMENTS_MAX} caratteri "
            f"(ora {len(commitments)}).", "commitments")
    if notes and len(notes) > NOTES_MAX:
        raise ValidationError(
            f"Note: al massimo {NOTES_MAX} caratteri (ora {len(notes)}).", "notes")
    if form.gol_path is not None and form.gol_path not in set(PathwayKind):
        raise ValidationError(f"Percorso GOL sconosciuto: «{form.gol_path}».", "gol_path")
    if form.review_on is not None:
        if form.review_on < today:
            raise ValidationError(
                "Data di verifica: non può essere nel passato "
                f"({form.review_on:%d/%m/%Y}).", "review_on")
        if form.review_on > today + dt.timedelta(days=MAX_REVIEW_DAYS):
            raise ValidationError(
                f"Data di verifica: il {form.review_on:%d/%m/%Y} è oltre due anni da oggi; "
                "controllare l'anno.", "review_on")
    return {"commitments": commitments, "gol_path": form.gol_path, "review_on": form.review_on,
            "notes": notes}


def _worker(session: Session, worker_id: int) -> Worker:
    worker = session.get(Worker, worker_id)
    if worker is None:
        raise NotFound("Fascicolo non trovato.")
    return worker


def _revisions(session: Session, worker_id: int) -> list[ServicePact]:
    return list(session.scalars(select(ServicePact).where(ServicePact.worker_id == worker_id)
                                .order_by(ServicePact.revision.desc())))


def _in_force(rows: list[ServicePact]) -> ServicePact | None:
    return next((p for p in rows if p.status == PactStatus.FIRMATO), None)


def _draft(rows: list[ServicePact]) -> ServicePact | None:
    return next((p for p in rows if p.status == PactStatus.BOZZA), None)


def _open_pathway_kind(session: Session, worker_id: int) -> str | None:
    return session.scalar(
        select(Pathway.kind).where(Pathway.worker_id == worker_id,
                                   Pathway.status.in_(_OPEN_PATHWAYS))
        .order_by(Pathway.start_on.desc().nulls_last(), Pathway.id.desc()).limit(1))


def _pact(session: Session, pact_id: int) -> ServicePact:
    pact = session.get(ServicePact, pact_id)
    if pact is None:
        raise NotFound("Patto di servizio non trovato.")
    return pact


def _writable(session: Session, ctx: Context, worker_id: int, what: str) -> Worker:
    permissions.require(ctx.actor, Role.OPERATORE, what)
    worker = _worker(session, worker_id)
    if worker.status == FileStatus.CHIUSO:
        raise ValidationError("Il fascicolo è chiuso: riaprirlo prima di modificare il patto.")
    return worker


# --------------------------------------------------------------------------- read side


def revisions(ctx: Context, worker_id: int) -> list[PactInfo]:
    """Every revision of the worker's pact, newest first."""
    with ctx.read() as s:
        _worker(s, worker_id)
        return [_info(s, p) for p in _revisions(s, worker_id)]


def get(ctx: Context, pact_id: int) -> PactInfo:
    with ctx.read() as s:
        return _info(s, _pact(s, pact_id))


def in_force(ctx: Context, worker_id: int) -> PactInfo | None:
    """The signed revision in force, if any."""
    with ctx.read() as s:
        found = _in_force(_revisions(s, worker_id))
        return _info(s, found) if found is not None else None


def defaults(ctx: Context, worker_id: int, *, today: dt.date | None = None) -> PactForm:
    """What a new revision starts from: the one in force (when revising), the pathway of
    the open pathway, a review in ``REVIEW_DAYS`` days unless the one in force is later."""
    today = today or dt.date.today()
    review = today + dt.timedelta(days=REVIEW_DAYS)
    with ctx.read() as s:
        _worker(s, worker_id)
        current = _in_force(_revisions(s, worker_id))
        kind = _open_pathway_kind(s, worker_id)
        if current is None:
            return PactForm(None, kind, review, None)
        return PactForm(current.commitments, kind or current.gol_path,
                        current.review_on if current.review_on and current.review_on > today
                        else review, current.notes)


# --------------------------------------------------------------------------- writes


def _refuse_second_draft(draft: ServicePact | None) -> None:
    """One draft at a time: a second would leave two versions to sign."""
    if draft is not None:
        raise ValidationError(
            f"C'è già una bozza del patto (revisione {draft.revision}): modificarla o "
            "segnarla come firmata.", "status")


def new_draft(ctx: Context, worker_id: int, form: PactForm | None = None, *,
              today: dt.date | None = None) -> PactInfo:
    """Draw up the first revision (or a new one after the pact was closed) as a draft."""
    today = today or dt.date.today()
    form = form or defaults(ctx, worker_id, today=today)
    values = _clean(form, today)
    with ctx.write() as s:
        _writable(s, ctx, worker_id, "redigere un patto di servizio")
        rows = _revisions(s, worker_id)
        draft, current = _draft(rows), _in_force(rows)
        _refuse_second_draft(draft)
        if current is not None:
            raise ValidationError(
                f"Il patto revisione {current.revision} è in vigore: usare «Revisiona» per "
                "prepararne una nuova versione.", "status")
        pact = ServicePact(worker_id=worker_id, revision=(rows[0].revision + 1) if rows else 1,
                           status=PactStatus.BOZZA, operator_id=ctx.actor.id if ctx.actor else None,
                           **values)
        s.add(pact)
        s.flush()
        return _info(s, pact)


def revise(ctx: Context, worker_id: int, form: PactForm | None = None, *,
           today: dt.date | None = None) -> PactInfo:
    """A new draft revision copying the one in force (``form`` changes it); the one in
    force stays so until the new one is signed."""
    today = today or dt.date.today()
    form = form or defaults(ctx, worker_id, today=today)
    values = _clean(form, today)
    with ctx.write() as s:
        _writable(s, ctx, worker_id, "revisionare un patto di servizio")
        rows = _revisions(s, worker_id)
        draft, current = _draft(rows), _in_force(rows)
        _refuse_second_draft(draft)
        if current is None:
            raise ValidationError(
                "Nessun patto firmato in vigore da revisionare: redigere un nuovo patto.",
                "status")
        pact = ServicePact(worker_id=worker_id, revision=rows[0].revision + 1,
                           status=PactStatus.BOZZA, supersedes_id=current.id,
                           operator_id=ctx.actor.id if ctx.actor else None, **values)
        s.add(pact)
        s.flush()
        audit.record(s, "revise_pact", entity="service_pact", entity_id=pact.id,
                     worker_id=worker_id,
                     detail=f"revisione {pact.revision} del patto revisione {current.revision}")
        return _info(s, pact)


def edit_draft(ctx: Context, pact_id: int, expected_version: int, form: PactForm, *,
               today: dt.date | None = None) -> PactInfo:
    values = _clean(form, today or dt.date.today())
    with ctx.write() as s:
        pact = _pact(s, pact_id)
        _writable(s, ctx, pact.worker_id, "modificare un patto di servizio")
        if pact.status != PactStatus.BOZZA:
            raise ValidationError(
                f"Il patto revisione {pact.revision} è «{pact.status}»: si modifica solo una "
                "bozza (per cambiarlo, revisionarlo).", "status")
        pact = update_record(s, ServicePact, pact_id, expected_version, values)
        return _info(s, pact)


def sign(ctx: Context, pact_id: int, expected_version: int, *, on: dt.date | None = None,
         today: dt.date | None = None) -> PactInfo:
    """Record that the draft was signed on ``on`` (default today): it is now in force."""
    with ctx.write() as s:
        return sign_in(s, ctx, _pact(s, pact_id), expected_version, on=on, today=today)


def sign_in(s: Session, ctx: Context, pact: ServicePact, expected_version: int, *,
            on: dt.date | None = None, today: dt.date | None = None,
            how: str = "") -> PactInfo:
    """``sign`` inside a unit of work already open (the signed scan attached to a draft
    signs it in the transaction that stores the scan); ``how`` ends the audit detail."""
    today = today or dt.date.today()
    on = on or today
    pact_id = pact.id
    _writable(s, ctx, pact.worker_id, "registrare la firma di un patto di servizio")
    if pact.status != PactStatus.BOZZA:
        raise ValidationError(
            f"Il patto revisione {pact.revision} è «{pact.status}»: si firma solo una bozza.",
            "status")
    if not (pact.commitments or "").strip():
        raise ValidationError(
            "Impegni del lavoratore: scriverli prima di segnare il patto come firmato.",
            "commitments")
    if on > today:
        raise ValidationError(
            f"Data di firma: il {on:%d/%m/%Y} è nel futuro.", "signed_on")
    drafted = _local_date(pact.created_at)
    if on < drafted:
        raise ValidationError(
            f"Data di firma: il {on:%d/%m/%Y} precede la bozza, redatta il "
            f"{drafted:%d/%m/%Y}.", "signed_on")
    replaced = [p for p in _revisions(s, pact.worker_id)
                if p.status == PactStatus.FIRMATO and p.id != pact.id]
    for old in replaced:
        if old.signed_on and on < old.signed_on:
            raise ValidationError(
                f"Data di firma: il {on:%d/%m/%Y} precede la firma della revisione "
                f"{old.revision} in vigore ({old.signed_on:%d/%m/%Y}).", "signed_on")
    pact = update_record(s, ServicePact, pact_id, expected_version,
                         {"status": PactStatus.FIRMATO, "signed_on": on})
    for old in replaced:
        old.status = PactStatus.SOSTITUITO
    s.flush()
    detail = f"revisione {pact.revision} firmata il {on:%d/%m/%Y}"
    if replaced:
        detail += "; sostituisce la revisione " + ", ".join(str(p.revision) for p in replaced)
    audit.record(s, "sign_pact", entity="service_pact", entity_id=pact.id,
                 worker_id=pact.worker_id, detail=detail + how)
    return _info(s, pact)


def close(ctx: Context, pact_id: int, expected_version: int) -> PactInfo:
    """Close a draft (abandoned) or the revision in force (nothing is in force then)."""
    with ctx.write() as s:
        pact = _pact(s, pact_id)
        permissions.require(ctx.actor, Role.OPERATORE, "chiudere un patto di servizio")
        if pact.status not in (PactStatus.BOZZA, PactStatus.FIRMATO):
            raise ValidationError(
                f"Il patto revisione {pact.revision} è già «{pact.status}».", "status")
        pact = update_record(s, ServicePact, pact_id, expected_version,
                             {"status": PactStatus.CHIUSO})
        audit.record(s, "close_pact", entity="service_pact", entity_id=pact.id,
                     worker_id=pact.worker_id, detail=f"revisione {pact.revision} chiusa")
        return _info(s, pact)
