"""Pathways back to work, and closing a worker's file with its outcome.

A worker can be on several pathways at once. Closing the file asks for the outcome and
closes every open pathway with it, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from sportello.core.bootstrap import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    ClosingReason,
    FileStatus,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Worker,
)
from sportello.core.services import audit

OPEN = (PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO, PathwayStatus.SOSPESO)
KIND_LABELS = {
    PathwayKind.GOL1_REINSERIMENTO: "GOL 1 — reinserimento lavorativo",
    PathwayKind.GOL2_AGGIORNAMENTO: "GOL 2 — aggiornamento (upskilling)",
    PathwayKind.GOL3_RIQUALIFICAZIONE: "GOL 3 — riqualificazione (reskilling)",
    PathwayKind.GOL4_LAVORO_INCLUSIONE: "GOL 4 — lavoro e inclusione",
    PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA: "GOL 5 — ricollocazione collettiva",
    PathwayKind.AUTOIMPIEGO: "Autoimprenditorialità (Sportello Unico)",
}
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
        return KIND_LABELS[PathwayKind(self.kind)]


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
                f"Il lavoratore è già su un percorso «{KIND_LABELS[PathwayKind(kind)]}» aperto.",
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
        worker.status = FileStatus.CHIUSO
        worker.closed_on = on
        worker.closing_reason = closing
        audit.record(s, "close_file", entity="worker", entity_id=worker_id, worker_id=worker_id,
                     detail=f"esito {outcome}; percorsi chiusi: {len(open_paths)}")
        s.flush()
        return [_info(p) for p in open_paths]
