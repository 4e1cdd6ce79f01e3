"""Pathways back to work, and closing a worker's file with its outcome.

A worker can be on several pathways at once. Closing the file asks for the outcome and
closes every open pathway with it, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    ClosingReason,
    EmploymentSituation,
    FileStatus,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Vertenza,
    Worker,
)
from sportello.core.codes import pathway_kind_label
from sportello.core.search import search_worker_ids
from sportello.core import audit
from sportello.core.services import file_status

OPEN = (PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO, PathwayStatus.SOSPESO)
# The file's closing reason that follows from an outcome.
CLOSING_FOR_OUTCOME = {
    PathwayOutcome.RICOLLOCATO: ClosingReason.RICOLLOCATO,
    PathwayOutcome.AUTOIMPIEGO: ClosingReason.AUTOIMPIEGO,
    PathwayOutcome.RITIRATO: ClosingReason.RINUNCIA,
}


@dataclass(frozen=True)
class PathwayInfo:
    id: int
    worker_id: int
    kind: str
    status: str
    start_on: dt.date | None
    end_on: dt.date | None
    outcome: str | None
    version: int

    @property
    def label(self) -> str:
        return pathway_kind_label(self.kind)


def _info(p: Pathway) -> PathwayInfo:
    return PathwayInfo(p.id, p.worker_id, p.kind, p.status, p.start_on, p.end_on, p.outcome,
                       p.version)


def open_pathway(ctx: Context, worker_id: int, kind: str, *, start_on: dt.date | None = None,
                 pact_id: int | None = None, notes: str | None = None,
                 status: str = PathwayStatus.ATTIVO) -> PathwayInfo:
    if kind not in set(PathwayKind):
        raise ValidationError(f"Percorso sconosciuto: {kind}.", "kind")
    if status not in (PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO):
        raise ValidationError("Un percorso nuovo è proposto o attivo.", "status")
    with ctx.write() as s:
        worker = s.get(Worker, worker_id)
        if worker is None:
            raise NotFound("Fascicolo non trovato.")
        if worker.status == FileStatus.CHIUSO:
            raise ValidationError("Il fascicolo è chiuso: riaprirlo prima di avviare un percorso.")
        same_open = s.scalars(select(Pathway.id).where(
            Pathway.worker_id == worker_id, Pathway.kind == kind, Pathway.status.in_(OPEN))).first()
        if same_open is not None:
            raise ValidationError(
                f"Il lavoratore è già su un percorso «{pathway_kind_label(kind)}» aperto.",
                "kind")
        p = Pathway(worker_id=worker_id, kind=kind, status=status, pact_id=pact_id, notes=notes,
                    start_on=start_on or dt.date.today(),
                    operator_id=ctx.actor.id if ctx.actor else None)
        s.add(p)
        s.flush()
        return _info(p)


def close_pathway_in(session, pathway: Pathway, outcome: str, on: dt.date,  # type: ignore[no-untyped-def]
                     interrupted: bool = False) -> None:
    """Close one open pathway inside an open transaction (hires and file closing use it)."""
    if outcome not in set(PathwayOutcome):
        raise ValidationError(f"Esito sconosciuto: {outcome}.", "outcome")
    if pathway.status not in OPEN:
        raise ValidationError("Il percorso è già chiuso.", "status")
    if pathway.start_on and on < pathway.start_on:
        raise ValidationError("La data di chiusura precede l'avvio del percorso.", "end_on")
    pathway.status = PathwayStatus.INTERROTTO if interrupted else PathwayStatus.CONCLUSO
    pathway.outcome = outcome
    pathway.end_on = on


def close_pathway(ctx: Context, pathway_id: int, outcome: str, *, on: dt.date | None = None,
                  interrupted: bool = False) -> PathwayInfo:
    with ctx.write() as s:
        p = s.get(Pathway, pathway_id)
        if p is None:
            raise NotFound("Percorso non trovato.")
        close_pathway_in(s, p, outcome, on or dt.date.today(), interrupted)
        s.flush()
        return _info(p)


def set_suspended(ctx: Context, pathway_id: int, suspended: bool) -> PathwayInfo:
    with ctx.write() as s:
        p = s.get(Pathway, pathway_id)
        if p is None:
            raise NotFound("Percorso non trovato.")
        if p.status not in OPEN:
            raise ValidationError("Il percorso è chiuso.", "status")
        p.status = PathwayStatus.SOSPESO if suspended else PathwayStatus.ATTIVO
        s.flush()
        return _info(p)


def close_file(ctx: Context, worker_id: int, outcome: str, *, on: dt.date | None = None,
               reason: str | None = None) -> list[PathwayInfo]:
    """Close the worker's file: every open pathway is closed with ``outcome``."""
    if outcome not in set(PathwayOutcome):
        raise ValidationError("Indicare l'esito con cui chiudere il fascicolo.", "outcome")
    on = on or dt.date.today()
    closing = reason or CLOSING_FOR_OUTCOME.get(PathwayOutcome(outcome), ClosingReason.ALTRO)
    if closing not in set(ClosingReason):
        raise ValidationError(f"Motivo di chiusura sconosciuto: {closing}.", "reason")
    with ctx.write() as s:
        worker = s.get(Worker, worker_id)
        if worker is None:
            raise NotFound("Fascicolo non trovato.")
        if worker.status == FileStatus.CHIUSO:
            raise ValidationError("Il fascicolo è già chiuso.")
        open_paths = list(s.scalars(select(Pathway).where(Pathway.worker_id == worker_id,
                                                          Pathway.status.in_(OPEN))))
        for p in open_paths:
            close_pathway_in(s, p, outcome, max(on, p.start_on or on))
        file_status.record(s, worker, FileStatus.CHIUSO, on, closing)
        worker.closed_on = on
        worker.closing_reason = closing
        audit.record(s, "close_file", entity="worker", entity_id=worker_id, worker_id=worker_id,
                     detail=f"esito {outcome}; percorsi chiusi: {len(open_paths)}")
        s.flush()
        return [_info(p) for p in open_paths]


# --------------------------------------------------------------------------- read side

OPEN_STATUSES = "aperti"  # a ``PathwayFilter.status`` meaning proposto, attivo or sospeso


@dataclass(frozen=True)
class PathwayRow:
    """One line of the pathways list (across workers)."""

    id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    kind: str
    status: str
    start_on: dt.date | None
    end_on: dt.date | None
    outcome: str | None
    vertenza: str | None
    file_status: str
    version: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


@dataclass
class PathwayFilter:
    kind: str | None = None
    status: str | None = None  # a PathwayStatus, OPEN_STATUSES, or None for all
    vertenza_id: int | None = None
    text: str = ""  # words of the worker's name, CF, phone...
    worker_id: int | None = None


def _where(session: Session, flt: PathwayFilter, stmt: Select, with_status: bool = True) -> Select:  # type: ignore[type-arg]
    if flt.kind:
        stmt = stmt.where(Pathway.kind == flt.kind)
    if with_status and flt.status == OPEN_STATUSES:
        stmt = stmt.where(Pathway.status.in_(OPEN))
    elif with_status and flt.status:
        stmt = stmt.where(Pathway.status == flt.status)
    if flt.worker_id is not None:
        stmt = stmt.where(Pathway.worker_id == flt.worker_id)
    if flt.vertenza_id is not None:
        stmt = stmt.where(exists().where(EmploymentSituation.worker_id == Pathway.worker_id,
                                         EmploymentSituation.vertenza_id == flt.vertenza_id))
    if flt.text.strip():
        ids = search_worker_ids(session, flt.text).order_by(None)
        stmt = stmt.where(Pathway.worker_id.in_(ids))
    return stmt


def list_pathways(ctx: Context, flt: PathwayFilter, *, offset: int = 0,
                  limit: int = 200) -> list[PathwayRow]:
    """A page of pathways, newest start first (paged in SQL: lists of 100,000 stay cheap)."""
    vertenza = (
        select(Vertenza.title)
        .join(EmploymentSituation, EmploymentSituation.vertenza_id == Vertenza.id)
        .where(EmploymentSituation.worker_id == Pathway.worker_id,
               EmploymentSituation.is_current.is_(True))
        .order_by(EmploymentSituation.id.desc()).limit(1).correlate(Pathway).scalar_subquery()
    )
    with ctx.read() as s:
        # The page's ids first (filter, sort and cut on the pathway table alone), then
        # their details: the vertenza lookup runs for 200 rows, not for every match.
        page = (_where(s, flt, select(Pathway.id))
                .order_by(Pathway.start_on.desc(), Pathway.id.desc())
                .offset(max(0, offset)).limit(max(0, limit)))
        ids = list(s.scalars(page))
        if not ids:
            return []
        stmt = (
            select(Pathway.id, Pathway.worker_id, Worker.surname, Worker.name,
                   Worker.codice_fiscale, Pathway.kind, Pathway.status, Pathway.start_on,
                   Pathway.end_on, Pathway.outcome, vertenza, Worker.status, Pathway.version)
            .join(Worker, Worker.id == Pathway.worker_id)
            .where(Pathway.id.in_(ids))
        )
        by_id = {r[0]: PathwayRow(r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], r[7], r[8],
                                  r[9], r[10], r[11], r[12]) for r in s.execute(stmt)}
        return [by_id[i] for i in ids]


def count_by_status(ctx: Context, flt: PathwayFilter) -> dict[str, int]:
    """How many pathways match the filter (its status aside), per status."""
    with ctx.read() as s:
        stmt = select(Pathway.status, func.count(Pathway.id))
        stmt = _where(s, flt, stmt, with_status=False).group_by(Pathway.status)
        counts = {status.value: 0 for status in PathwayStatus}
        counts.update({status: n for status, n in s.execute(stmt)})
        return counts


def get_pathway(ctx: Context, pathway_id: int) -> PathwayRow:
    with ctx.read() as s:
        worker_id = s.scalar(select(Pathway.worker_id).where(Pathway.id == pathway_id))
    if worker_id is not None:
        for row in list_pathways(ctx, PathwayFilter(worker_id=worker_id), limit=1000):
            if row.id == pathway_id:
                return row
    raise NotFound("Percorso non trovato.")


def open_pathways_of(ctx: Context, worker_id: int) -> list[PathwayInfo]:
    """The worker's open pathways (what closing the file would close)."""
    with ctx.read() as s:
        return [_info(p) for p in s.scalars(
            select(Pathway).where(Pathway.worker_id == worker_id, Pathway.status.in_(OPEN))
            .order_by(Pathway.start_on, Pathway.id))]
