"""Self-employment through the Sportello Unico: business projects, SCIA at the SUAP, funding.

A project moves through its stages in order (a stage may be skipped forwards, never
backwards). Opening the business needs a legal form, an ATECO 2025 code from the list
shipped in ``resources/ateco`` (ISTAT, see its source.json), and a valid partita IVA.
Like a hire (``placements.hire``), opening the business ends the person's open
self-employment and reinsertion paths (GOL 1, GOL 5) with outcome "autoimpiego", in the
same transaction; a person who had no self-employment path gets one, already concluded.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from sportello.core import paths
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    BusinessProject,
    BusinessStage,
    BusinessStageEvent,
    FundingProgramme,
    FundingRequest,
    FundingStatus,
    LegalForm,
    Operator,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Role,
    SuapFiling,
    SuapOutcome,
    Worker,
)
from sportello.core.search import search_worker_ids
from sportello.core.text import fold
from sportello.core import permissions
from sportello.core.services.pathways import OPEN, close_pathway_in

STAGES = list(BusinessStage)
STAGE_LABELS = {
    BusinessStage.PRE_ACCOGLIENZA: "Pre-accoglienza",
    BusinessStage.ACCOMPAGNAMENTO_EX_ANTE: "Accompagnamento ex ante",
    BusinessStage.BUSINESS_PLAN_VALIDATO: "Business plan validato",
    BusinessStage.AVVIO_IMPRESA: "Avvio impresa",
    BusinessStage.TUTORAGGIO_EX_POST: "Tutoraggio ex post",
}
FUNDING_FLOW = {
    FundingStatus.BOZZA: {FundingStatus.PRESENTATA},
    FundingStatus.PRESENTATA: {FundingStatus.AMMESSA, FundingStatus.RESPINTA},
    FundingStatus.AMMESSA: {FundingStatus.EROGATA},
    FundingStatus.RESPINTA: set(),
    FundingStatus.EROGATA: set(),
}


@dataclass(frozen=True)
class AtecoEntry:
    code: str
    level: str
    title: str


@cache
def ateco_2025() -> dict[str, AtecoEntry]:
    """The shipped ATECO 2025 list, code -> entry (loaded once, on first use)."""
    with paths.resource("ateco", "ateco-2025.csv").open(encoding="utf-8", newline="") as fh:
        return {row["codice"]: AtecoEntry(row["codice"], row["livello"], row["titolo"])
                for row in csv.DictReader(fh)}


def check_ateco(code: str) -> AtecoEntry:
    """A business's activity code: an ATECO 2025 code at class level or finer (e.g. 56.10.11)."""
    clean = (code or "").strip().replace(" ", "")
    entry = ateco_2025().get(clean)
    if entry is None:
        raise ValidationError(f"Il codice ATECO «{code}» non esiste nella classificazione ATECO "
                              "2025.", "ateco_code")
    if entry.level not in ("class", "category", "subcategory"):
        raise ValidationError(f"«{clean}» ({entry.title}) è una voce generale: indicare il codice "
                              "dell'attività (almeno 4 cifre, es. 56.10).", "ateco_code")
    return entry


def check_partita_iva(value: str) -> str:
    """Italian VAT number: 11 digits with the Luhn-style check digit."""
    digits = (value or "").strip().replace(" ", "")
    if digits.upper().startswith("IT"):
        digits = digits[2:]
    if len(digits) != 11 or not digits.isdigit():
        raise ValidationError("La partita IVA ha 11 cifre.", "vat_number")
    total = 0
    for i, ch in enumerate(digits[:10]):
        n = int(ch)
        if i % 2:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    if (10 - total % 10) % 10 != int(digits[10]):
        raise ValidationError("La partita IVA non è valida (cifra di controllo errata).",
                              "vat_number")
    return digits


def _now() -> dt.datetime:
    """Meetings are logged in local time, as the clerk reads and types them."""
    return dt.datetime.now().replace(microsecond=0)


def start_project(ctx: Context, worker_id: int, title: str, description: str | None = None,
                  pathway_id: int | None = None) -> int:
    if not (title or "").strip():
        raise ValidationError("Dare un titolo all'idea d'impresa.", "title")
    with ctx.write() as s:
        if s.get(Worker, worker_id) is None:
            raise NotFound("Fascicolo non trovato.")
        p = BusinessProject(worker_id=worker_id, title=title.strip(), description=description,
                            pathway_id=pathway_id, stage=BusinessStage.PRE_ACCOGLIENZA,
                            operator_id=ctx.actor.id if ctx.actor else None)
        s.add(p)
        s.flush()
        s.add(BusinessStageEvent(project_id=p.id, stage=p.stage, notes="Progetto avviato",
                                 at=_now(), operator_id=p.operator_id))
        return p.id


def add_meeting(ctx: Context, project_id: int, notes: str, at: dt.datetime | None = None) -> None:
    """A meeting or note at the project's current stage."""
    if not (notes or "").strip():
        raise ValidationError("Scrivere la nota dell'incontro.", "notes")
    with ctx.write() as s:
        p = s.get(BusinessProject, project_id)
        if p is None:
            raise NotFound("Progetto non trovato.")
        s.add(BusinessStageEvent(project_id=p.id, stage=p.stage, notes=notes.strip(),
                                 at=at or _now(),
                                 operator_id=ctx.actor.id if ctx.actor else None))


def advance_stage(ctx: Context, project_id: int, stage: str, notes: str | None = None) -> None:
    if stage not in set(BusinessStage):
        raise ValidationError(f"Fase sconosciuta: {stage}.", "stage")
    with ctx.write() as s:
        p = s.get(BusinessProject, project_id)
        if p is None:
            raise NotFound("Progetto non trovato.")
        if STAGES.index(BusinessStage(stage)) <= STAGES.index(BusinessStage(p.stage)):
            raise ValidationError(f"Il progetto è già in «{STAGE_LABELS[BusinessStage(p.stage)]}».",
                                  "stage")
        if BusinessStage(stage) in (BusinessStage.AVVIO_IMPRESA, BusinessStage.TUTORAGGIO_EX_POST) \
                and not p.opened_on:
            raise ValidationError("Registrare prima l'apertura dell'impresa (forma giuridica, ATECO, "
                                  "partita IVA).", "stage")
        p.stage = stage
        s.add(BusinessStageEvent(project_id=p.id, stage=stage, notes=notes, at=_now(),
                                 operator_id=ctx.actor.id if ctx.actor else None))


def open_business(ctx: Context, project_id: int, *, legal_form: str, ateco_code: str,
                  vat_number: str, vat_opened_on: dt.date, company_name: str | None = None,
                  comune: str | None = None) -> None:
    """The business is open: record it, move to "avvio impresa", close the self-employment
    path (recording one if the worker had none) and the reinsertion paths, outcome "autoimpiego"."""
    if legal_form not in set(LegalForm):
        raise ValidationError(f"Forma giuridica sconosciuta: {legal_form}.", "legal_form")
    entry = check_ateco(ateco_code)
    vat = check_partita_iva(vat_number)
    if vat_opened_on > dt.date.today():
        raise ValidationError("La data di apertura della partita IVA è nel futuro.", "vat_opened_on")
    with ctx.write() as s:
        p = s.get(BusinessProject, project_id)
        if p is None:
            raise NotFound("Progetto non trovato.")
        if STAGES.index(BusinessStage(p.stage)) < STAGES.index(BusinessStage.BUSINESS_PLAN_VALIDATO):
            raise ValidationError("Il business plan non è ancora validato.", "stage")
        p.legal_form, p.ateco_code, p.ateco_edition = legal_form, entry.code, "2025"
        p.vat_number, p.vat_opened_on, p.opened_on = vat, vat_opened_on, vat_opened_on
        p.company_name, p.comune = company_name, comune
        if p.stage == BusinessStage.BUSINESS_PLAN_VALIDATO:
            p.stage = BusinessStage.AVVIO_IMPRESA
            s.add(BusinessStageEvent(project_id=p.id, stage=p.stage, at=_now(),
                                     notes=f"Impresa avviata: {entry.code} {entry.title}",
                                     operator_id=ctx.actor.id if ctx.actor else None))
        _close_paths_on_opening(s, ctx, p, vat_opened_on)


# Pathways an opened business ends, like a hire ends them (``placements.hire``): the
# self-employment path and the reinsertion paths (GOL 1, GOL 5), all with outcome "autoimpiego".
CLOSED_BY_OPENING = (PathwayKind.AUTOIMPIEGO, PathwayKind.GOL1_REINSERIMENTO,
                     PathwayKind.GOL5_RICOLLOCAZIONE_COLLETTIVA)


def _close_paths_on_opening(s: Session, ctx: Context, p: BusinessProject, on: dt.date) -> None:
    """Close the worker's open self-employment and reinsertion paths with outcome
    "autoimpiego"; with no self-employment path open, one is recorded, already concluded."""
    paths = list(s.scalars(select(Pathway).where(
        Pathway.worker_id == p.worker_id, Pathway.kind.in_(CLOSED_BY_OPENING),
        Pathway.status.in_(OPEN))))
    for path in paths:
        close_pathway_in(s, path, PathwayOutcome.AUTOIMPIEGO, max(on, path.start_on or on))
    own = [path for path in paths if path.kind == PathwayKind.AUTOIMPIEGO]
    if not own:
        started = p.created_at.date() if p.created_at else on
        path = Pathway(worker_id=p.worker_id, kind=PathwayKind.AUTOIMPIEGO,
                       status=PathwayStatus.CONCLUSO, outcome=PathwayOutcome.AUTOIMPIEGO,
                       start_on=min(started, on), end_on=on,
                       operator_id=ctx.actor.id if ctx.actor else None,
                       notes=f"Registrato all'apertura dell'impresa ({p.title}).")
        s.add(path)
        s.flush()
        own = [path]
    if p.pathway_id is None:
        p.pathway_id = own[0].id


def file_scia(ctx: Context, project_id: int, *, filed_on: dt.date, comune: str,
              practice_number: str | None = None) -> int:
    if not (comune or "").strip():
        raise ValidationError("Indicare il comune del SUAP.", "comune")
    with ctx.write() as s:
        if s.get(BusinessProject, project_id) is None:
            raise NotFound("Progetto non trovato.")
        f = SuapFiling(project_id=project_id, kind="SCIA", filed_on=filed_on, comune=comune.strip(),
                       practice_number=practice_number, outcome=SuapOutcome.IN_ATTESA)
        s.add(f)
        s.flush()
        return f.id


def scia_outcome(ctx: Context, filing_id: int, outcome: str, on: dt.date) -> None:
    if outcome not in set(SuapOutcome):
        raise ValidationError(f"Esito sconosciuto: {outcome}.", "outcome")
    with ctx.write() as s:
        f = s.get(SuapFiling, filing_id)
        if f is None:
            raise NotFound("Pratica SUAP non trovata.")
        if on < f.filed_on:
            raise ValidationError("L'esito precede la presentazione.", "outcome_on")
        f.outcome, f.outcome_on = outcome, on


def request_funding(ctx: Context, project_id: int, programme_id: int, requested_cents: int,
                    requested_on: dt.date | None = None, notes: str | None = None) -> int:
    if requested_cents <= 0:
        raise ValidationError("L'importo richiesto deve essere maggiore di zero.", "requested_cents")
    with ctx.write() as s:
        programme = s.get(FundingProgramme, programme_id)
        if s.get(BusinessProject, project_id) is None:
            raise NotFound("Progetto non trovato.")
        if programme is None or not programme.active:
            raise ValidationError("Programma di finanziamento non attivo.", "programme")
        r = FundingRequest(project_id=project_id, programme_id=programme_id,
                           requested_cents=requested_cents, status=FundingStatus.PRESENTATA,
                           requested_on=requested_on or dt.date.today(), notes=notes)
        s.add(r)
        s.flush()
        return r.id


def decide_funding(ctx: Context, request_id: int, status: str, *, granted_cents: int | None = None,
                   on: dt.date | None = None) -> None:
    with ctx.write() as s:
        r = s.get(FundingRequest, request_id)
        if r is None:
            raise NotFound("Richiesta di finanziamento non trovata.")
        if status not in FUNDING_FLOW[FundingStatus(r.status)]:
            raise ValidationError(f"Da «{r.status}» non si passa a «{status}».", "status")
        if status == FundingStatus.AMMESSA:
            if granted_cents is None or not 0 < granted_cents <= r.requested_cents:
                raise ValidationError("L'importo concesso va da € 0,01 all'importo richiesto.",
                                      "granted_cents")
            r.granted_cents = granted_cents
        r.status = status
        r.decided_on = on or dt.date.today()


def programmes(ctx: Context) -> list[tuple[int, str]]:
    """The active funding programmes, for choosing one in a request."""
    return [(p.id, p.name) for p in list_programmes(ctx) if p.active]


@dataclass(frozen=True)
class ProgrammeRow:
    id: int
    name: str
    description: str | None
    active: bool
    requests: int  # funding requests made under it


def list_programmes(ctx: Context) -> list[ProgrammeRow]:
    """Every funding programme, retired ones included, by name."""
    used = (select(func.count(FundingRequest.id))
            .where(FundingRequest.programme_id == FundingProgramme.id)
            .correlate(FundingProgramme).scalar_subquery())
    with ctx.read() as s:
        rows = s.execute(select(FundingProgramme.id, FundingProgramme.name,
                                FundingProgramme.description, FundingProgramme.active, used)
                         .order_by(FundingProgramme.name))
        return [ProgrammeRow(*r) for r in rows]


def add_programme(ctx: Context, name: str, description: str | None = None) -> int:
    """A new programme in the configurable list (a responsabile's choice)."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "aggiungere programmi di finanziamento")
    name = (name or "").strip()
    if not name:
        raise ValidationError("Indicare il nome del programma.", "name")
    with ctx.write() as s:
        if s.scalar(select(FundingProgramme.id).where(func.lower(FundingProgramme.name)
                                                      == name.lower())):
            raise ValidationError("Esiste già un programma con questo nome.", "name")
        p = FundingProgramme(name=name, description=(description or "").strip() or None)
        s.add(p)
        s.flush()
        return p.id


def set_programme_active(ctx: Context, programme_id: int, active: bool) -> None:
    """Retire a programme (no new requests; the old ones keep it) or bring it back."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "modificare i programmi di finanziamento")
    with ctx.write() as s:
        p = s.get(FundingProgramme, programme_id)
        if p is None:
            raise NotFound("Programma non trovato.")
        p.active = active


# --------------------------------------------------------------------------- read side

USABLE_LEVELS = ("class", "category", "subcategory")


def search_ateco(text: str, limit: int = 30) -> list[AtecoEntry]:
    """ATECO 2025 activity codes (class level or finer) matching what is typed.

    Digits search the code ("56.1" -> 56.10, 56.10.1...); words search the title, all of
    them, case- and accent-insensitive. Code matches come first, in code order; then title
    matches, whole words before word beginnings before word parts ("bar" finds the bars
    of 56.30.01 before the "barbabietole" of 01.13.2), shorter (more general) titles first.
    """
    raw = (text or "").strip()
    if not raw:
        return []
    entries = _usable_ateco()
    code = raw.replace(" ", "")
    by_code = [e for e, _ in entries if e.code.startswith(code)] if code[0].isdigit() else []
    # Italian singular and plural differ in the last vowel: "ristorante" finds "ristoranti".
    words = [w[:-1] if len(w) >= 5 and w[-1] in "aeio" else w for w in fold(raw).split()]
    seen = {e.code for e in by_code}
    scored = []
    for entry, folded in entries:
        if entry.code in seen or not all(w in folded for w in words):
            continue
        title_words = folded.split()
        score = sum(2 if any(t == w or t[:-1] == w for t in title_words)
                    else 1 if any(t.startswith(w) for t in title_words) else 0 for w in words)
        scored.append((-score, len(entry.title), entry.code, entry))
    scored.sort(key=lambda item: item[:3])
    return (by_code + [item[3] for item in scored])[:limit]


@cache
def _usable_ateco() -> tuple[tuple[AtecoEntry, str], ...]:
    """The codes a business may use, each with its folded "code title" for searching
    (punctuation as spaces, so that "caffè," is the word "caffe")."""
    return tuple((e, " ".join(re.split(r"[^a-z0-9.]+", fold(f"{e.code} {e.title}"))))
                 for e in ateco_2025().values()
                 if e.level in USABLE_LEVELS)


@dataclass(frozen=True)
class ProjectRow:
    id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    title: str
    stage: str
    company_name: str | None
    ateco_code: str | None
    opened_on: dt.date | None
    last_event_at: dt.datetime | None


@dataclass
class ProjectFilter:
    stage: str | None = None
    text: str = ""  # words of the worker's name or CF
    opened: bool | None = None  # True: business opened; False: not yet
    worker_id: int | None = None


@dataclass(frozen=True)
class StageEventRow:
    id: int
    at: dt.datetime
    stage: str
    notes: str | None
    operator_name: str | None


@dataclass(frozen=True)
class FilingRow:
    id: int
    kind: str
    filed_on: dt.date
    comune: str
    practice_number: str | None
    outcome: str
    outcome_on: dt.date | None


@dataclass(frozen=True)
class FundingRow:
    id: int
    programme: str
    requested_cents: int
    granted_cents: int | None
    status: str
    requested_on: dt.date | None
    decided_on: dt.date | None
    notes: str | None
    next_statuses: tuple[str, ...]


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    worker_id: int
    worker_name: str
    codice_fiscale: str
    title: str
    description: str | None
    stage: str
    legal_form: str | None
    ateco_code: str | None
    ateco_title: str | None
    company_name: str | None
    vat_number: str | None
    vat_opened_on: dt.date | None
    comune: str | None
    opened_on: dt.date | None
    version: int
    events: tuple[StageEventRow, ...]
    filings: tuple[FilingRow, ...]
    funding: tuple[FundingRow, ...]

    @property
    def next_stages(self) -> tuple[str, ...]:
        """Stages ``advance_stage`` may move to (the last two need the business opened)."""
        later = STAGES[STAGES.index(BusinessStage(self.stage)) + 1:]
        if not self.opened_on:
            later = [s for s in later
                     if s not in (BusinessStage.AVVIO_IMPRESA, BusinessStage.TUTORAGGIO_EX_POST)]
        return tuple(s.value for s in later)

    @property
    def can_open_business(self) -> bool:
        return STAGES.index(BusinessStage(self.stage)) >= STAGES.index(
            BusinessStage.BUSINESS_PLAN_VALIDATO)


def _project_where(session: Session, flt: ProjectFilter, stmt: Select,  # type: ignore[type-arg]
                   with_stage: bool = True) -> Select:  # type: ignore[type-arg]
    if with_stage and flt.stage:
        stmt = stmt.where(BusinessProject.stage == flt.stage)
    if flt.worker_id is not None:
        stmt = stmt.where(BusinessProject.worker_id == flt.worker_id)
    if flt.opened is True:
        stmt = stmt.where(BusinessProject.opened_on.is_not(None))
    elif flt.opened is False:
        stmt = stmt.where(BusinessProject.opened_on.is_(None))
    if flt.text.strip():
        stmt = stmt.where(BusinessProject.worker_id.in_(
            search_worker_ids(session, flt.text).order_by(None)))
    return stmt


def list_projects(ctx: Context, flt: ProjectFilter, *, offset: int = 0,
                  limit: int = 200) -> list[ProjectRow]:
    """A page of business projects, most recently active first."""
    last = (select(func.max(BusinessStageEvent.at))
            .where(BusinessStageEvent.project_id == BusinessProject.id)
            .correlate(BusinessProject).scalar_subquery())
    with ctx.read() as s:
        stmt = (
            select(BusinessProject.id, BusinessProject.worker_id, Worker.surname, Worker.name,
                   Worker.codice_fiscale, BusinessProject.title, BusinessProject.stage,
                   BusinessProject.company_name, BusinessProject.ateco_code,
                   BusinessProject.opened_on, last.label("last_at"))
            .join(Worker, Worker.id == BusinessProject.worker_id)
        )
        stmt = _project_where(s, flt, stmt).order_by(
            func.coalesce(last, BusinessProject.created_at).desc(), BusinessProject.id.desc())
        rows = s.execute(stmt.offset(max(0, offset)).limit(max(0, limit))).all()
        return [ProjectRow(r[0], r[1], f"{r[2]} {r[3]}", r[4], r[5], r[6], r[7], r[8], r[9],
                           r[10]) for r in rows]


def count_by_stage(ctx: Context, flt: ProjectFilter) -> dict[str, int]:
    with ctx.read() as s:
        stmt = select(BusinessProject.stage, func.count(BusinessProject.id))
        stmt = _project_where(s, flt, stmt, with_stage=False).group_by(BusinessProject.stage)
        counts = {stage.value: 0 for stage in BusinessStage}
        counts.update({stage: n for stage, n in s.execute(stmt)})
        return counts


def _funding_next(status: str) -> tuple[str, ...]:
    """What ``decide_funding`` accepts from ``status``, in the life-cycle order."""
    return tuple(st.value for st in FundingStatus if st in FUNDING_FLOW[FundingStatus(status)])


def project(ctx: Context, project_id: int) -> ProjectDetail:
    """A project with its stage history, SCIA filings and funding requests."""
    with ctx.read() as s:
        p = s.get(BusinessProject, project_id)
        if p is None:
            raise NotFound("Progetto non trovato.")
        worker = s.get(Worker, p.worker_id)
        assert worker is not None
        events = tuple(StageEventRow(*r) for r in s.execute(
            select(BusinessStageEvent.id, BusinessStageEvent.at, BusinessStageEvent.stage,
                   BusinessStageEvent.notes, Operator.full_name)
            .outerjoin(Operator, Operator.id == BusinessStageEvent.operator_id)
            .where(BusinessStageEvent.project_id == project_id)
            .order_by(BusinessStageEvent.at, BusinessStageEvent.id)))
        filings = tuple(
            FilingRow(f.id, f.kind, f.filed_on, f.comune, f.practice_number, f.outcome,
                      f.outcome_on)
            for f in s.scalars(select(SuapFiling).where(SuapFiling.project_id == project_id)
                               .order_by(SuapFiling.filed_on, SuapFiling.id)))
        funding = tuple(
            FundingRow(r.id, name, r.requested_cents, r.granted_cents, r.status, r.requested_on,
                       r.decided_on, r.notes, _funding_next(r.status))
            for r, name in s.execute(
                select(FundingRequest, FundingProgramme.name)
                .join(FundingProgramme, FundingProgramme.id == FundingRequest.programme_id)
                .where(FundingRequest.project_id == project_id)
                .order_by(FundingRequest.requested_on, FundingRequest.id)))
        entry = ateco_2025().get(p.ateco_code or "")
        return ProjectDetail(p.id, p.worker_id, f"{worker.surname} {worker.name}",
                             worker.codice_fiscale, p.title, p.description, p.stage, p.legal_form,
                             p.ateco_code, entry.title if entry else None, p.company_name,
                             p.vat_number, p.vat_opened_on, p.comune, p.opened_on, p.version,
                             events, filings, funding)
