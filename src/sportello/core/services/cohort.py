"""Work on a cohort at once: a team leader's actions on many files, and the caseloads.

A cohort is a list of files: a vertenza's workers, the worker list's filter, or a hand-made
selection. Each action runs in ONE transaction: every file is checked first and the first
file that cannot take the change refuses the whole action, naming the person and why;
nothing is written then. Every changed record is written through the ORM, so the audit
hook logs one row per file (old -> new), and one summary row says who did what to how many.
Only a team leader (responsabile) or an administrator may act on a cohort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sportello.core import audit, permissions
from sportello.core.codes import pathway_kind_label
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    Appointment,
    AppointmentStatus,
    ClosingReason,
    EmploymentSituation,
    FileStatus,
    Operator,
    PactStatus,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Role,
    ServicePact,
    Worker,
)
from sportello.core.services.pathways import CLOSING_FOR_OUTCOME, OPEN, close_pathway_in

BENEFITS = {"cigs": "CIGS", "naspi": "NASpI"}
_CHUNK = 500


@dataclass(frozen=True)
class CohortResult:
    action: str
    files: int  # files in the cohort
    changed: int  # files whose records changed (the others already had the value)
    detail: str  # Italian, for the clerk


def require_leader(ctx: Context, what: str) -> None:
    permissions.require(ctx.actor, Role.RESPONSABILE, what)


def _ids(worker_ids: Sequence[int]) -> list[int]:
    ids = list(dict.fromkeys(worker_ids))
    if not ids:
        raise ValidationError("Nessun fascicolo selezionato.", "workers")
    return ids


def _load(session: Session, ids: list[int]) -> list[Worker]:
    found: dict[int, Worker] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        found.update((w.id, w) for w in session.scalars(select(Worker).where(Worker.id.in_(chunk))))
    absent = [i for i in ids if i not in found]
    if absent:
        raise NotFound(f"Fascicolo non trovato (id {', '.join(map(str, absent[:10]))}): "
                       "nessuna modifica fatta.")
    return [found[i] for i in ids]


def _name(w: Worker) -> str:
    return f"{w.surname} {w.name} ({w.codice_fiscale})"


def _summary(session: Session, action: str, ids: list[int], changed: int, detail: str,
             changes: dict[str, object]) -> CohortResult:
    audit.record(session, f"cohort_{action}", entity="worker",
                 changes={"workers": len(ids), "changed": changed, **changes},
                 detail=f"{detail}: {changed} fascicoli modificati su {len(ids)}")
    return CohortResult(action, len(ids), changed, detail)


def reassign(ctx: Context, worker_ids: Sequence[int], operator_id: int) -> CohortResult:
    """Give every file of the cohort to one operator (active, of this office)."""
    require_leader(ctx, "riassegnare un gruppo di fascicoli")
    ids = _ids(worker_ids)
    with ctx.write() as s:
        operator = s.get(Operator, operator_id)
        if operator is None or not operator.active:
            raise NotFound("Operatore inesistente o disattivato: nessuna modifica fatta.")
        people = _load(s, ids)
        changed = 0
        for w in people:
            if w.assigned_operator_id != operator_id:
                w.assigned_operator_id = operator_id
                changed += 1
        s.flush()
        return _summary(s, "reassign", ids, changed, f"Fascicoli assegnati a {operator.full_name}",
                        {"operator_id": operator_id})


def set_benefit_end(ctx: Context, worker_ids: Sequence[int], benefit: str,
                    end_on: dt.date) -> CohortResult:
    """Set the end of the CIGS or NASpI of every file (e.g. the CIGS extended to 31/12/2026).

    Refused for all when one file has no current employment situation, or when the new end
    comes before the benefit's start."""
    require_leader(ctx, "cambiare la fine della CIGS o della NASpI di un gruppo di fascicoli")
    if benefit not in BENEFITS:
        raise ValidationError(f"Ammortizzatore sconosciuto: {benefit} (cigs o naspi).", "benefit")
    label = BENEFITS[benefit]
    ids = _ids(worker_ids)
    with ctx.write() as s:
        people = _load(s, ids)
        current: dict[int, EmploymentSituation] = {}
        for i in range(0, len(ids), _CHUNK):
            for e in s.scalars(select(EmploymentSituation).where(
                    EmploymentSituation.worker_id.in_(ids[i:i + _CHUNK]),
                    EmploymentSituation.is_current.is_(True))
                    .order_by(EmploymentSituation.id.desc())):
                current.setdefault(e.worker_id, e)
        changed = 0
        for w in people:
            e = current.get(w.id)
            if e is None:
                raise ValidationError(
                    f"{_name(w)} non ha una situazione occupazionale registrata: impossibile "
                    f"fissare la fine della {label}. Nessun fascicolo è stato modificato.",
                    "workers")
            start = e.cigs_start if benefit == "cigs" else e.naspi_start
            if start is not None and end_on < start:
                raise ValidationError(
                    f"{_name(w)}: la {label} inizia il {start:%d/%m/%Y}, dopo il "
                    f"{end_on:%d/%m/%Y}. Nessun fascicolo è stato modificato.", "end_on")
            column = "cigs_end" if benefit == "cigs" else "naspi_end"
            if getattr(e, column) != end_on:
                setattr(e, column, end_on)
                changed += 1
        s.flush()
        return _summary(s, f"{benefit}_end", ids, changed,
                        f"Fine della {label} fissata al {end_on:%d/%m/%Y}",
                        {"end_on": end_on.isoformat()})


def start_pathway(ctx: Context, worker_ids: Sequence[int], kind: str, *,
                  start_on: dt.date | None = None) -> CohortResult:
    """Start the same pathway for every file; refused for all when one file is closed or is
    already on that pathway."""
    require_leader(ctx, "avviare un percorso per un gruppo di fascicoli")
    if kind not in set(PathwayKind):
        raise ValidationError(f"Percorso sconosciuto: {kind}.", "kind")
    ids = _ids(worker_ids)
    start = start_on or dt.date.today()
    with ctx.write() as s:
        people = _load(s, ids)
        already = {wid for chunk in (ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK))
                   for wid in s.scalars(select(Pathway.worker_id).where(
                       Pathway.worker_id.in_(chunk), Pathway.kind == kind,
                       Pathway.status.in_(OPEN)))}
        for w in people:
            if w.status == FileStatus.CHIUSO:
                raise ValidationError(f"Il fascicolo di {_name(w)} è chiuso: nessun percorso "
                                      "è stato avviato.", "workers")
            if w.id in already:
                raise ValidationError(
                    f"{_name(w)} è già su un percorso «{pathway_kind_label(kind)}» aperto: "
                    "nessun percorso è stato avviato.", "workers")
        actor = ctx.actor.id if ctx.actor else None
        for w in people:
            s.add(Pathway(worker_id=w.id, kind=kind, status=PathwayStatus.ATTIVO,
                          start_on=start, operator_id=actor))
        s.flush()
        return _summary(s, "pathway", ids, len(people),
                        f"Percorso «{pathway_kind_label(kind)}» avviato il {start:%d/%m/%Y}",
                        {"kind": kind, "start_on": start.isoformat()})


def close_files(ctx: Context, worker_ids: Sequence[int], outcome: str, *,
                on: dt.date | None = None) -> CohortResult:
    """Close every file with an outcome (their open pathways too); refused for all when one
    file is already closed."""
    require_leader(ctx, "chiudere un gruppo di fascicoli")
    if outcome not in set(PathwayOutcome):
        raise ValidationError(f"Esito sconosciuto: {outcome} (ammessi: "
                              f"{', '.join(PathwayOutcome)}).", "outcome")
    ids = _ids(worker_ids)
    day = on or dt.date.today()
    closing = CLOSING_FOR_OUTCOME.get(PathwayOutcome(outcome), ClosingReason.ALTRO)
    with ctx.write() as s:
        people = _load(s, ids)
        for w in people:
            if w.status == FileStatus.CHIUSO:
                raise ValidationError(f"Il fascicolo di {_name(w)} è già chiuso: nessun "
                                      "fascicolo è stato chiuso.", "workers")
        open_paths: list[Pathway] = []
        for i in range(0, len(ids), _CHUNK):
            open_paths += s.scalars(select(Pathway).where(
                Pathway.worker_id.in_(ids[i:i + _CHUNK]), Pathway.status.in_(OPEN)))
        for p in open_paths:
            close_pathway_in(s, p, outcome, max(day, p.start_on or day))
        for w in people:
            w.status = FileStatus.CHIUSO
            w.closed_on = day
            w.closing_reason = closing
        s.flush()
        return _summary(s, "close", ids, len(people),
                        f"Fascicoli chiusi con esito «{outcome}» il {day:%d/%m/%Y}",
                        {"outcome": outcome, "on": day.isoformat(), "pathways": len(open_paths)})


# --------------------------------------------------------------------------- caseload


@dataclass(frozen=True)
class Caseload:
    operator_id: int
    operator_name: str
    open_files: int
    appointments_this_week: int
    overdue: int  # open files with a pact review past due, past appointments without outcome


def caseload(ctx: Context, *, today: dt.date | None = None) -> list[Caseload]:
    """Each active operator's load: open files, appointments this week, overdue deadlines."""
    permissions.require(ctx.actor, Role.OPERATORE, "vedere i carichi di lavoro")
    day = today or dt.date.today()
    monday = day - dt.timedelta(days=day.weekday())
    week = (dt.datetime.combine(monday, dt.time.min),
            dt.datetime.combine(monday + dt.timedelta(days=7), dt.time.min))
    midnight = dt.datetime.combine(day, dt.time.min)
    open_file = Worker.status != FileStatus.CHIUSO
    with ctx.read() as s:
        ops = list(s.execute(select(Operator.id, Operator.full_name)
                             .where(Operator.active.is_(True)).order_by(Operator.full_name)))
        files = dict(s.execute(select(Worker.assigned_operator_id, func.count())
                               .where(open_file).group_by(Worker.assigned_operator_id)).all())
        appts = dict(s.execute(select(Appointment.operator_id, func.count()).where(
            Appointment.status == AppointmentStatus.PRENOTATO,
            Appointment.starts_at >= week[0], Appointment.starts_at < week[1])
            .group_by(Appointment.operator_id)).all())
        overdue: dict[int | None, int] = {}
        for query in (
            select(Worker.assigned_operator_id, func.count(func.distinct(Worker.id)))
            .join(ServicePact, ServicePact.worker_id == Worker.id)
            .where(open_file, ServicePact.status == PactStatus.FIRMATO,
                   ServicePact.review_on < day),
            select(Worker.assigned_operator_id, func.count(func.distinct(Appointment.id)))
            .join(Appointment, Appointment.worker_id == Worker.id)
            .where(open_file, and_(Appointment.status == AppointmentStatus.PRENOTATO,
                                   Appointment.starts_at < midnight,
                                   Appointment.outcome.is_(None))),
        ):
            for op_id, n in s.execute(query.group_by(Worker.assigned_operator_id)):
                overdue[op_id] = overdue.get(op_id, 0) + int(n)
    return [Caseload(op_id, name, int(files.get(op_id, 0)), int(appts.get(op_id, 0)),
                     overdue.get(op_id, 0)) for op_id, name in ops]
