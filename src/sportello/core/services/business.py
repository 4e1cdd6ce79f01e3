"""Self-employment through the Sportello Unico: business projects, SCIA at the SUAP, funding.

A project moves through its stages in order (a stage may be skipped forwards, never
backwards). Opening the business needs a legal form, an ATECO 2025 code from the list
shipped in ``resources/ateco`` (ISTAT, see its source.json), and a valid partita IVA.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from sportello.core import paths
from sportello.core.bootstrap import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    BusinessProject,
    BusinessStage,
    BusinessStageEvent,
    FundingProgramme,
    FundingRequest,
    FundingStatus,
    LegalForm,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    SuapFiling,
    SuapOutcome,
    Worker,
)
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
                                 operator_id=p.operator_id))
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
                                 at=at or dt.datetime.now().replace(microsecond=0),
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
        s.add(BusinessStageEvent(project_id=p.id, stage=stage, notes=notes,
                                 operator_id=ctx.actor.id if ctx.actor else None))


def open_business(ctx: Context, project_id: int, *, legal_form: str, ateco_code: str,
                  vat_number: str, vat_opened_on: dt.date, company_name: str | None = None,
                  comune: str | None = None) -> None:
    """The business is open: record it, move to "avvio impresa", close the self-employment path."""
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
            s.add(BusinessStageEvent(project_id=p.id, stage=p.stage,
                                     notes=f"Impresa avviata: {entry.code} {entry.title}",
                                     operator_id=ctx.actor.id if ctx.actor else None))
        for path in s.scalars(select(Pathway).where(
                Pathway.worker_id == p.worker_id, Pathway.kind == PathwayKind.AUTOIMPIEGO,
                Pathway.status.in_(OPEN))):
            close_pathway_in(s, path, PathwayOutcome.AUTOIMPIEGO, max(vat_opened_on, path.start_on or vat_opened_on))


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
    with ctx.read() as s:
        return [(i, n) for i, n in s.execute(select(FundingProgramme.id, FundingProgramme.name)
                                             .where(FundingProgramme.active.is_(True))
                                             .order_by(FundingProgramme.name))]


def add_programme(ctx: Context, name: str, description: str | None = None) -> int:
    if not (name or "").strip():
        raise ValidationError("Indicare il nome del programma.", "name")
    with ctx.write() as s:
        if s.scalar(select(FundingProgramme.id).where(FundingProgramme.name == name.strip())):
            raise ValidationError("Esiste già un programma con questo nome.", "name")
        p = FundingProgramme(name=name.strip(), description=description)
        s.add(p)
        s.flush()
        return p.id
