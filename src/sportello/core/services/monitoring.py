"""Monitoring for the tavolo: the figures of a vertenza (or of every file) at a date.

Every figure is a part of a **breakdown** (``Breakdown``: a total and its parts) and has a
stable key, ``"<breakdown>"`` for the total and ``"<breakdown>.<part>"`` for a part
(``"percorsi_in_corso.gol1"``). A breakdown is one entry of ``BREAKDOWNS``: a title, its
unit, its parts, and ``rows(at, scope)``, a SELECT of one row per counted thing with the
columns ``worker_id`` and ``cat`` (the part it falls in). The figures are counted from it in
SQL with one ``GROUP BY`` per breakdown; ``people`` lists the files behind a key from the
same SELECT, so a figure and its list never disagree. The total counts every row, the
parts only their own category: a row that fell in no declared part would show as a total
larger than its parts (the tests check that they add up).

A figure at a past date comes from what the database dates: the file's status from its
history (``WorkerStatusChange``, migration 0012), a file existing from its creation, the
pathways from their start and end dates, the vouchers' states from their status history,
hires, pacts, certificates and businesses from their dates, appointments from their time.
Not dated, and so read as they are today: which vertenza a file belongs to, an appointment's
cancellation, a fund's budget and the CIGS/NASpI end dates.

"Since" (the previous tavolo) is the same figures at another date: ``compare``. A figure
that accumulates (hires, certificates, pacts signed, businesses opened) differs between the
two dates by what happened in the period.

**Cached until the data change.** Counting every file takes about 1 s of CPU per date on
100,000 files, so ``figures`` (and through it ``compare``) and ``trends`` keep their last
results (``_CACHE_SIZE``), keyed by the database's URL, the function and its arguments, and
given back only while the *data stamp* (``_data_stamp``) is the one read before they were
counted. Every write is audited in its own transaction (``core.audit``), so the highest
``audit_log`` id moves with every commit, in this process or any other on the same
database; on PostgreSQL, whose ids may commit out of order, the transactions still running
are part of the stamp too. The results are frozen dataclasses of tuples, shared safely
between threads. ``warm`` counts at start-up what the Monitoraggio area shows first;
``forget`` empties the cache.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)

from sportello.core import audit
from sportello.core.codes import COHORT_EXITS, PATHWAY_KINDS
from sportello.core.context import Context
from sportello.core.errors import ValidationError
from sportello.core.models import (
    Appointment,
    AppointmentStatus,
    AuditLog,
    BusinessProject,
    ContractType,
    Course,
    EmploymentSituation,
    ExchangeKind,
    ExchangeRecord,
    FileStatus,
    Fund,
    Hire,
    LegalForm,
    Office,
    Pathway,
    PathwayOutcome,
    ServicePact,
    TavoloMeeting,
    Vertenza,
    Voucher,
    VoucherStatus,
    VoucherStatusChange,
    Worker,
    WorkerStatusChange,
)
from sportello.core.paths import output_file, write_atomically

PERSONE = "persone"
BENEFIT_WINDOWS = (30, 60, 90)  # CIGS/NASpI ending within these many days
TREND_MONTHS = 12


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    value: int
    people: bool = True  # a list of people is behind it


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    unit: str  # persone, percorsi, voucher, assunzioni, attestati, imprese, euro
    total: int
    parts: tuple[Part, ...]
    money: bool = False  # values in euro cents

    @property
    def parts_sum(self) -> int:
        return sum(p.value for p in self.parts)


@dataclass(frozen=True)
class Figures:
    at: dt.date
    vertenza: str | None  # the code, None for every file
    scope_label: str
    breakdowns: tuple[Breakdown, ...]

    def find(self, key: str) -> tuple[Breakdown, Part | None]:
        """The breakdown of ``key`` and its part (None: the breakdown's total)."""
        for b in self.breakdowns:
            if b.key == key:
                return b, None
            for p in b.parts:
                if p.key == key:
                    return b, p
        raise KeyError(key)

    def value(self, key: str) -> int:
        """The figure of ``key`` (a breakdown's total or one of its parts)."""
        b, p = self.find(key)
        return b.total if p is None else p.value

    def label(self, key: str) -> str:
        b, p = self.find(key)
        return b.title if p is None else f"{b.title}: {p.label}"


@dataclass(frozen=True)
class Person:
    worker_id: int
    codice_fiscale: str
    surname: str
    name: str
    status: str  # the file's status today


@dataclass(frozen=True)
class Comparison:
    since: Figures
    at: Figures

    def rows(self) -> list[tuple[Breakdown, Part | None, int, int]]:
        """(breakdown, part or None for its total, value at ``since``, value at ``at``)."""
        out: list[tuple[Breakdown, Part | None, int, int]] = []
        for b_at, b_since in zip(self.at.breakdowns, self.since.breakdowns, strict=True):
            out.append((b_at, None, b_since.total, b_at.total))
            for p_at, p_since in zip(b_at.parts, b_since.parts, strict=True):
                out.append((b_at, p_at, p_since.value, p_at.value))
        return out


@dataclass(frozen=True)
class Trends:
    months: tuple[dt.date, ...]  # the last day of each month (the last point: ``at``)
    # key -> label, values (read-only: a cached Trends is shared by every caller)
    series: Mapping[str, tuple[str, tuple[int, ...]]] = field(
        default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class VertenzaChoice:
    code: str
    title: str


# --------------------------------------------------------------------------- building blocks

Scope = int | None  # a vertenza's id, None for every file


def _next_midnight(at: dt.date) -> dt.datetime:
    return dt.datetime.combine(at + dt.timedelta(days=1), dt.time())


def _in_scope(worker_col: ColumnElement[int], scope: Scope) -> ColumnElement[bool]:
    if scope is None:
        return true()
    return worker_col.in_(select(EmploymentSituation.worker_id)
                          .where(EmploymentSituation.vertenza_id == scope))


def _files_at(at: dt.date, scope: Scope) -> Select:
    """(worker_id, status): every file created by ``at``, with its status that day.

    The history holds every change, so a file with no change after ``at`` was then in the
    status it has now; only the few changed since are looked up in their history (the
    latest row on or before ``at``, else open). At today nothing is looked up: 100,000
    files are one scan instead of a window over the history (750 -> 40 ms on SQLite).
    """
    return (select(Worker.id.label("worker_id"), _status_at(at).label("status"))
            .where(Worker.created_at < _next_midnight(at), _in_scope(Worker.id, scope)))


def _status_at(at: dt.date) -> ColumnElement[str]:
    """The status of the file (``Worker`` in the query) at the end of day ``at``."""
    h = WorkerStatusChange
    then = (select(h.status).where(h.worker_id == Worker.id, h.changed_on <= at)
            .order_by(h.changed_on.desc(), h.id.desc()).limit(1).scalar_subquery())
    changed_since = select(h.worker_id).where(h.changed_on > at)
    return case((Worker.id.in_(changed_since), func.coalesce(then, FileStatus.APERTO.value)),
                else_=Worker.status)


def _has(worker_col: ColumnElement[int], scope: Scope, owner: ColumnElement[int],
         *conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The file has a row (``owner`` is the row's worker) meeting ``conditions``: for every
    file one list built once and probed (one pass over the table), for one vertenza a look-up
    per file through the index on the worker (its files only: 106 -> 10 ms)."""
    if scope is None:
        return worker_col.in_(select(owner).where(*conditions))
    return select(owner).where(owner == worker_col, *conditions).exists()


def _open_files_at(at: dt.date, scope: Scope) -> Select:
    files = _files_at(at, scope).subquery()
    return select(files.c.worker_id).where(files.c.status != FileStatus.CHIUSO.value)


def _pathway_open_at(at: dt.date) -> ColumnElement[bool]:
    """Started by ``at`` (a proposed pathway without a start date: since it was recorded)
    and not ended by then."""
    # one expression, not an OR: SQLite then reads the covering index ix_pathway_monitoring
    # instead of looking every pathway up by its start (1.2 s -> 0.1 s on 100,000 files)
    started = func.coalesce(Pathway.start_on, func.date(Pathway.created_at)) <= at
    return and_(started, or_(Pathway.end_on.is_(None), Pathway.end_on > at))


def _voucher_states_at(at: dt.date, scope: Scope) -> Select:
    """(voucher_id, worker_id, fund_id, amount, spent, certificate_on, course_id, state):
    every voucher requested by ``at``, in its state that day: its status now, unless its
    history (which the vouchers service writes with every change) changed after ``at``."""
    h = VoucherStatusChange
    end = _next_midnight(at)
    then = (select(h.status).where(h.voucher_id == Voucher.id, h.changed_at < end)
            .order_by(h.changed_at.desc(), h.id.desc()).limit(1).scalar_subquery())
    changed_since = select(h.voucher_id).where(h.changed_at >= end)
    state = case((Voucher.id.in_(changed_since), func.coalesce(then, VoucherStatus.RICHIESTO.value)),
                 else_=Voucher.status)
    return (select(Voucher.id.label("voucher_id"), Voucher.worker_id.label("worker_id"),
                   Voucher.fund_id, Voucher.amount_cents, Voucher.spent_cents,
                   Voucher.certificate_issued_on, Voucher.course_id, state.label("state"))
            .where(Voucher.requested_on <= at, _in_scope(Voucher.worker_id, scope)))


def _per_person(rows_from: Select, worker_col: ColumnElement[int],
                order: list[tuple[ColumnElement[bool], str]], other: str) -> Select:
    """One row per person, in the first category of ``order`` any of their rows meets
    (``other`` when none does): the rank of the best row is grouped by worker, in SQL."""
    n = len(order)
    rank = func.max(case(*((cond, n - i) for i, (cond, _cat) in enumerate(order)), else_=0))
    grouped = (rows_from.with_only_columns(worker_col.label("worker_id"), rank.label("r"))
               .group_by(worker_col).subquery())
    category = case(*((grouped.c.r == n - i, literal(cat)) for i, (_c, cat) in enumerate(order)),
                    else_=literal(other))
    return select(grouped.c.worker_id, category.label("cat"))


# --------------------------------------------------------------------------- the breakdowns


def _missed(at: dt.date, scope: Scope) -> Select:
    """(worker_id, reminded or not) of every appointment missed by ``at`` (``assente``):
    whether the day-before reminder (``reminders``) was recorded on it."""
    a = Appointment
    return select(a.worker_id.label("worker_id"), case(
        (a.reminded_at.is_not(None), literal("con_promemoria")),
        else_=literal("senza_promemoria")).label("cat")).where(
        a.outcome == "assente", a.status != AppointmentStatus.ANNULLATO.value,
        a.starts_at < _next_midnight(at), _in_scope(a.worker_id, scope))


def _cohort_exits(at: dt.date, scope: Scope) -> Select:
    """(worker_id, how they left the cohort's "to place" count) of the exits dated by ``at``
    (an exit recorded without a date counts at any date)."""
    return select(Worker.id.label("worker_id"), Worker.cohort_exit.label("cat")).where(
        Worker.cohort_exit.is_not(None),
        or_(Worker.cohort_exit_on.is_(None), Worker.cohort_exit_on <= at),
        _in_scope(Worker.id, scope))


def _files(at: dt.date, scope: Scope) -> Select:
    files = _files_at(at, scope).subquery()
    return select(files.c.worker_id, files.c.status.label("cat"))


def _convocations(at: dt.date, scope: Scope) -> Select:
    a = Appointment
    base = select(a.worker_id).where(
        a.status != AppointmentStatus.ANNULLATO.value, a.starts_at < _next_midnight(at),
        _in_scope(a.worker_id, scope))
    return _per_person(base, a.worker_id, [
        (a.outcome == "presente", "presente"), (a.outcome == "assente", "assente"),
        (a.outcome == "giustificato", "giustificato")], "senza_esito")


def _pacts(at: dt.date, scope: Scope) -> Select:
    files = _files_at(at, scope).subquery()
    signed = _has(files.c.worker_id, scope, ServicePact.worker_id,
                  ServicePact.signed_on.is_not(None), ServicePact.signed_on <= at)
    return select(files.c.worker_id, case((signed, literal("con_patto")),
                                          else_=literal("senza_patto")).label("cat"))


def _pathways_open(at: dt.date, scope: Scope) -> Select:
    return select(Pathway.worker_id, Pathway.kind.label("cat")).where(
        _pathway_open_at(at), _in_scope(Pathway.worker_id, scope))


def _pathways_closed(at: dt.date, scope: Scope) -> Select:
    return select(Pathway.worker_id, func.coalesce(Pathway.outcome, PathwayOutcome.NESSUN_ESITO.value)
                  .label("cat")).where(Pathway.end_on.is_not(None), Pathway.end_on <= at,
                                       _in_scope(Pathway.worker_id, scope))


def _open_on_path(at: dt.date, scope: Scope) -> Select:
    open_files = _open_files_at(at, scope).subquery()
    on_path = _has(open_files.c.worker_id, scope, Pathway.worker_id, _pathway_open_at(at))
    return select(open_files.c.worker_id, case(
        (on_path, literal("con_percorso")), else_=literal("senza_percorso")).label("cat"))


def _training(at: dt.date, scope: Scope) -> Select:
    v = _voucher_states_at(at, scope).subquery()
    base = select(v.c.worker_id)
    return _per_person(base, v.c.worker_id, [
        (v.c.state == VoucherStatus.IN_CORSO.value, "in_formazione"),
        (v.c.certificate_issued_on.is_not(None) & (v.c.certificate_issued_on <= at), "formato"),
        (v.c.state.in_([VoucherStatus.RICHIESTO.value, VoucherStatus.APPROVATO.value]),
         "in_attesa")], "altro")


def _certificates(at: dt.date, scope: Scope) -> Select:
    kind = func.lower(func.coalesce(Course.certificate_type, ""))
    return (select(Voucher.worker_id, case(
        (or_(kind.like("qualific%"), kind.like("certificazione%")), literal("qualifica")),
        else_=literal("attestato")).label("cat"))
        .join(Course, Course.id == Voucher.course_id)
        .where(Voucher.certificate_issued_on.is_not(None), Voucher.certificate_issued_on <= at,
               _in_scope(Voucher.worker_id, scope)))


def _vouchers(at: dt.date, scope: Scope) -> Select:
    v = _voucher_states_at(at, scope).subquery()
    return select(v.c.worker_id, v.c.state.label("cat"))


def _hires(at: dt.date, scope: Scope) -> Select:
    return select(Hire.worker_id, Hire.contract_type.label("cat")).where(
        Hire.hired_on <= at, _in_scope(Hire.worker_id, scope))


def _hire_channel(at: dt.date, scope: Scope) -> Select:
    return select(Hire.worker_id, case((Hire.job_offer_id.is_not(None), literal("offerta_cpi")),
                                       else_=literal("autonomia")).label("cat")).where(
        Hire.hired_on <= at, _in_scope(Hire.worker_id, scope))


STABLE = (ContractType.INDETERMINATO.value, ContractType.APPRENDISTATO.value)


def _employed(at: dt.date, scope: Scope) -> Select:
    base = select(Hire.worker_id).where(
        Hire.hired_on <= at, or_(Hire.end_on.is_(None), Hire.end_on > at),
        _in_scope(Hire.worker_id, scope))
    return _per_person(base, Hire.worker_id, [(Hire.contract_type.in_(STABLE), "stabile")],
                       "a_termine")


def _businesses(at: dt.date, scope: Scope) -> Select:
    return select(BusinessProject.worker_id,
                  func.coalesce(BusinessProject.legal_form, "non_indicata").label("cat")).where(
        BusinessProject.opened_on.is_not(None), BusinessProject.opened_on <= at,
        _in_scope(BusinessProject.worker_id, scope))


def _benefits_ending(at: dt.date, scope: Scope) -> Select:
    es = EmploymentSituation
    last = at + dt.timedelta(days=BENEFIT_WINDOWS[-1])
    ends = union_all(
        select(es.worker_id, es.cigs_end.label("ends")).where(
            es.is_current.is_(True), es.cigs_end > at, es.cigs_end <= last,
            _in_scope(es.worker_id, scope)),
        select(es.worker_id, es.naspi_end.label("ends")).where(
            es.is_current.is_(True), es.naspi_end > at, es.naspi_end <= last,
            _in_scope(es.worker_id, scope))).subquery()
    first = select(ends.c.worker_id, func.min(ends.c.ends).label("ends")) \
        .group_by(ends.c.worker_id).subquery()
    # the few people whose benefit ends soon are checked one by one (their file, their
    # pathways), not every file and pathway: 180 -> 5 ms on 100,000 files
    on_path = select(Pathway.id).where(Pathway.worker_id == first.c.worker_id,
                                       _pathway_open_at(at)).exists()
    windows = [(first.c.ends <= at + dt.timedelta(days=d), literal(f"entro_{d}"))
               for d in BENEFIT_WINDOWS[:-1]]
    return (select(first.c.worker_id,
                   case(*windows, else_=literal(f"entro_{BENEFIT_WINDOWS[-1]}")).label("cat"))
            .join(Worker, Worker.id == first.c.worker_id)
            .where(Worker.created_at < _next_midnight(at),
                   _status_at(at) != FileStatus.CHIUSO.value, ~on_path))


@dataclass(frozen=True)
class Spec:
    """One breakdown: how to find its rows, and the parts they fall in."""

    key: str
    title: str
    unit: str
    parts: tuple[tuple[str, str], ...]
    rows: Callable[[dt.date, Scope], Select]


_CONTRACTS = {
    "tempo_indeterminato": "Tempo indeterminato", "tempo_determinato": "Tempo determinato",
    "apprendistato": "Apprendistato", "somministrazione": "Somministrazione",
    "collaborazione": "Collaborazione", "tirocinio": "Tirocinio",
}
_LEGAL_FORMS = {
    "ditta_individuale": "Ditta individuale", "snc": "S.n.c.", "sas": "S.a.s.", "srl": "S.r.l.",
    "srls": "S.r.l.s.", "cooperativa": "Cooperativa", "lavoro_autonomo": "Lavoro autonomo",
    "non_indicata": "Forma non indicata",
}
_VOUCHER_STATES = {
    "richiesto": "Richiesti", "approvato": "Approvati", "in_corso": "In corso",
    "concluso": "Conclusi", "rendicontato": "Rendicontati", "ritirato": "Ritirati",
    "revocato": "Revocati",
}
_OUTCOMES = {
    "ricollocato": "Ricollocati", "autoimpiego": "Autoimpiego", "formato": "Formati",
    "nessun_esito": "Senza esito", "ritirato": "Ritirati",
}

# The dashboard, in order. A new figure is one more entry.
BREAKDOWNS: tuple[Spec, ...] = (
    Spec("fascicoli", "Fascicoli per stato", PERSONE,
         (("aperto", "Aperti"), ("sospeso", "Sospesi"), ("chiuso", "Chiusi")), _files),
    Spec("convocati", "Convocati (appuntamento fissato entro la data)", PERSONE,
         (("presente", "Si sono presentati"), ("assente", "Assenti"),
          ("giustificato", "Assenti giustificati"), ("senza_esito", "Esito non registrato")),
         _convocations),
    Spec("mancati", "Appuntamenti mancati, con e senza promemoria", "appuntamenti",
         (("con_promemoria", "Ricordati il giorno prima"),
          ("senza_promemoria", "Senza promemoria")), _missed),
    Spec("patto", "Patto di servizio", PERSONE,
         (("con_patto", "Con patto firmato"), ("senza_patto", "Senza patto")), _pacts),
    Spec("percorso", "Fascicoli aperti e percorsi", PERSONE,
         (("con_percorso", "Su un percorso"), ("senza_percorso", "Senza percorso")),
         _open_on_path),
    Spec("percorsi_in_corso", "Percorsi in corso per tipo", "percorsi",
         tuple((k, v) for k, v in PATHWAY_KINDS.items()), _pathways_open),
    Spec("percorsi_conclusi", "Percorsi conclusi per esito", "percorsi",
         tuple((o.value, _OUTCOMES[o.value]) for o in PathwayOutcome), _pathways_closed),
    Spec("formazione", "Formazione (persone con voucher)", PERSONE,
         (("in_formazione", "In formazione"), ("formato", "Con attestato"),
          ("in_attesa", "In attesa di iniziare"), ("altro", "Ritirati, revocati o senza attestato")),
         _training),
    Spec("attestati", "Attestati rilasciati", "attestati",
         (("qualifica", "Qualifiche e certificazioni di competenze"),
          ("attestato", "Attestati di frequenza e altri")), _certificates),
    Spec("voucher", "Voucher per stato", "voucher",
         tuple((s.value, _VOUCHER_STATES[s.value]) for s in VoucherStatus), _vouchers),
    Spec("occupati", "Occupati alla data", PERSONE,
         (("stabile", "Tempo indeterminato o apprendistato"), ("a_termine", "A termine")),
         _employed),
    Spec("assunzioni", "Assunzioni per contratto", "assunzioni",
         tuple((c.value, _CONTRACTS[c.value]) for c in ContractType), _hires),
    Spec("assunzioni_canale", "Assunzioni per canale", "assunzioni",
         (("offerta_cpi", "Su un'offerta del Centro per l'Impiego"),
          ("autonomia", "Trovate dalla persona")), _hire_channel),
    Spec("imprese", "Imprese avviate", "imprese",
         tuple((f.value, _LEGAL_FORMS[f.value]) for f in LegalForm)
         + (("non_indicata", _LEGAL_FORMS["non_indicata"]),), _businesses),
    Spec("coorte", "Usciti dalla coorte da ricollocare", PERSONE,
         tuple(COHORT_EXITS.items()), _cohort_exits),
    Spec("ammortizzatori", "CIGS o NASpI in scadenza senza percorso", PERSONE,
         tuple((f"entro_{d}", f"Entro {d} giorni" if i == 0 else
                f"Tra {BENEFIT_WINDOWS[i - 1] + 1} e {d} giorni")
               for i, d in enumerate(BENEFIT_WINDOWS)), _benefits_ending),
)
SPECS = {spec.key: spec for spec in BREAKDOWNS}
FUND_PREFIX = "fondo_"
# The series drawn month by month: key -> (figure key, label).
TREND_SERIES = {
    "in_formazione": ("formazione.in_formazione", "In formazione"),
    "occupati": ("occupati", "Occupati"),
    "senza_percorso": ("percorso.senza_percorso", "Senza percorso"),
}


# --------------------------------------------------------------------------- counting


def _count(session, spec: Spec, at: dt.date, scope: Scope) -> Breakdown:  # type: ignore[no-untyped-def]
    rows = spec.rows(at, scope).subquery()
    counts = dict(session.execute(select(rows.c.cat, func.count()).group_by(rows.c.cat)).all())
    parts = tuple(Part(f"{spec.key}.{code}", label, int(counts.get(code, 0)))
                  for code, label in spec.parts)
    return Breakdown(spec.key, spec.title, spec.unit, int(sum(counts.values())), parts)


_COMMITTED = (VoucherStatus.APPROVATO.value, VoucherStatus.IN_CORSO.value,
              VoucherStatus.CONCLUSO.value)


def _fund_rows(at: dt.date, scope: Scope) -> Select:
    """(worker_id, fund_id, cat, amount): the vouchers that hold a fund's money at ``at``:
    committed (approved, running, ended) or spent (reported), of the scope or of others."""
    v = _voucher_states_at(at, None).subquery()
    mine = v.c.worker_id.in_(select(EmploymentSituation.worker_id)
                             .where(EmploymentSituation.vertenza_id == scope)) \
        if scope is not None else true()
    cat = case((and_(mine, v.c.state.in_(_COMMITTED)), literal("impegnato")),
               (and_(mine, v.c.state == VoucherStatus.RENDICONTATO.value), literal("speso")),
               else_=literal("altri"))
    amount = case((v.c.state == VoucherStatus.RENDICONTATO.value,
                   func.coalesce(v.c.spent_cents, v.c.amount_cents)), else_=v.c.amount_cents)
    return select(v.c.worker_id, v.c.fund_id, cat.label("cat"), amount.label("amount")).where(
        v.c.state.in_((*_COMMITTED, VoucherStatus.RENDICONTATO.value)))


def _funds(session, at: dt.date, scope: Scope) -> list[Breakdown]:  # type: ignore[no-untyped-def]
    """Each fund's budget as committed, spent (by the scope's people), used by others and
    remaining, at ``at``; the budget is today's (its changes are not dated)."""
    rows = _fund_rows(at, scope).subquery()
    sums: dict[tuple[int, str], int] = {
        (fund_id, cat): int(total) for fund_id, cat, total in session.execute(
            select(rows.c.fund_id, rows.c.cat, func.sum(rows.c.amount))
            .group_by(rows.c.fund_id, rows.c.cat))}
    used = {fund_id for fund_id, _cat in sums}
    out = []
    for fund_id, name, budget, active in session.execute(
            select(Fund.id, Fund.name, Fund.budget_cents, Fund.active).order_by(Fund.name)):
        if not active and fund_id not in used:
            continue
        key = f"{FUND_PREFIX}{fund_id}"
        mine = [sums.get((fund_id, c), 0) for c in ("impegnato", "speso", "altri")]
        parts = [Part(f"{key}.impegnato", "Impegnato", mine[0]),
                 Part(f"{key}.speso", "Speso (rendicontato)", mine[1])]
        if scope is not None:
            parts.append(Part(f"{key}.altri", "Impegnato o speso per altre vertenze", mine[2],
                              people=False))
        parts.append(Part(f"{key}.residuo", "Disponibile", budget - sum(mine), people=False))
        out.append(Breakdown(key, f"Fondo «{name}»", "euro", int(budget), tuple(parts),
                             money=True))
    return out


def _scope(session, vertenza: str | None) -> tuple[Scope, str | None, str]:  # type: ignore[no-untyped-def]
    if not vertenza:
        return None, None, "Tutti i fascicoli"
    found = session.execute(select(Vertenza.id, Vertenza.code, Vertenza.title).where(
        or_(Vertenza.code == vertenza, Vertenza.title == vertenza))).first()
    if found is None:
        raise ValidationError(f"Vertenza «{vertenza}» non trovata (indicare il codice, es. "
                              "KON-AT).", "vertenza")
    return found.id, found.code, f"{found.code} – {found.title}"


def _check_date(at: dt.date | None, name: str = "at") -> dt.date:
    today = dt.date.today()
    at = at or today
    if at > today:
        raise ValidationError(f"La data {at:%d/%m/%Y} è nel futuro: le cifre si contano fino a "
                              "oggi.", name)
    return at


# --------------------------------------------------------------------------- the cache

_CACHE_SIZE = 16
_cache: OrderedDict[tuple[Hashable, ...], tuple[Hashable, Any]] = OrderedDict()
_cache_lock = threading.Lock()
_T = TypeVar("_T")


def _data_stamp(ctx: Context) -> Hashable:
    """A value that changes with every committed write to the database: the highest
    ``audit_log`` id (its primary key: one index probe). PostgreSQL hands out ids before the
    transactions commit, so a smaller id may commit after a larger one: there the ids of the
    transactions still running (``pg_current_snapshot``'s list, without ``xmax``, which
    moves with any write on the server) are part of the stamp, and one of them ending
    changes it."""
    top = select(func.max(AuditLog.id))
    with ctx.read() as s:
        if ctx.engine.dialect.name != "postgresql":
            return s.scalar(top)
        last, snapshot = s.execute(top.add_columns(
            cast(func.pg_current_snapshot(), String))).one()
    return last, snapshot.rsplit(":", 1)[-1]


def _remembered(ctx: Context, key: tuple[Hashable, ...], count: Callable[[], _T]) -> _T:
    """``count()``'s result, or the one kept for ``key`` on this database if nothing was
    written since. The stamp is read before counting: a write made meanwhile is in the
    figures or not, and in both cases changes the stamp, so the next call counts again."""
    stamp = _data_stamp(ctx)
    full = (ctx.url, *key)
    with _cache_lock:
        kept = _cache.get(full)
        if kept is not None and kept[0] == stamp:
            _cache.move_to_end(full)
            return kept[1]  # type: ignore[no-any-return]
    found = count()
    with _cache_lock:
        _cache[full] = (stamp, found)
        _cache.move_to_end(full)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found


def forget() -> None:
    """Empty the cache (the next figures are counted from the database)."""
    with _cache_lock:
        _cache.clear()


def warm(ctx: Context) -> None:
    """Count what the Monitoraggio area shows first (every file, today, against
    ``default_since``), so that opening it reads the cache (called by the program at
    start-up, in the background). Must ask exactly what ``gui.areas.monitoring`` asks."""
    at = dt.date.today()
    compare(ctx, since=min(default_since(ctx, at=at), at), at=at)


# --------------------------------------------------------------------------- the figures


def figures(ctx: Context, *, at: dt.date | None = None, vertenza: str | None = None) -> Figures:
    """Every figure of ``vertenza`` (its code; None: every file) at the end of day ``at``."""
    at = _check_date(at)
    vertenza = vertenza or None

    def count() -> Figures:
        with ctx.read() as s:
            scope, code, label = _scope(s, vertenza)
            found = [_count(s, spec, at, scope) for spec in BREAKDOWNS]
            found.extend(_funds(s, at, scope))
        return Figures(at, code, label, tuple(found))

    return _remembered(ctx, ("figures", at, vertenza), count)


def compare(ctx: Context, *, since: dt.date, at: dt.date | None = None,
            vertenza: str | None = None) -> Comparison:
    """The figures at ``since`` (the previous tavolo) and at ``at``, side by side (each
    date's figures from the cache when nothing was written since they were counted)."""
    at, checked = _dates(at, since)
    since = checked or since
    # the two dates on two connections at once: the database works while Python waits
    # (sqlite3 and psycopg let go of the interpreter while a statement runs)
    with ThreadPoolExecutor(1, thread_name_prefix="sportello-monitoring") as pool:
        before = pool.submit(figures, ctx, at=since, vertenza=vertenza)
        now = figures(ctx, at=at, vertenza=vertenza)
        return Comparison(before.result(), now)


DEFAULT_SINCE_DAYS = 30


def default_since(ctx: Context, *, at: dt.date | None = None,
                  vertenza: str | None = None) -> dt.date:
    """The date the dashboard compares with first: the previous meeting of the tavolo
    (before ``at``) of ``vertenza``, or of any vertenza when all are shown; without one,
    ``DEFAULT_SINCE_DAYS`` before ``at``."""
    at = at or dt.date.today()
    query = select(func.max(TavoloMeeting.held_on)).where(TavoloMeeting.held_on < at)
    if vertenza:
        query = query.join(Vertenza, Vertenza.id == TavoloMeeting.vertenza_id).where(
            Vertenza.code == vertenza)
    with ctx.read() as s:
        held = s.scalar(query)
    return held if held is not None else at - dt.timedelta(days=DEFAULT_SINCE_DAYS)


def _month_ends(at: dt.date, months: int) -> list[dt.date]:
    ends = [at]
    day = at.replace(day=1) - dt.timedelta(days=1)
    while len(ends) < months:
        ends.append(day)
        day = day.replace(day=1) - dt.timedelta(days=1)
    return ends[::-1]


def trends(ctx: Context, *, at: dt.date | None = None, vertenza: str | None = None,
           months: int = TREND_MONTHS) -> Trends:
    """``TREND_SERIES`` at the end of each of the last ``months`` months (the last: ``at``),
    counted by the same breakdowns as the dashboard."""
    at = _check_date(at)
    vertenza = vertenza or None
    ends = _month_ends(at, months)

    def count() -> Trends:
        series: dict[str, tuple[str, tuple[int, ...]]] = {}
        with ctx.read() as s:
            scope, _code, _label = _scope(s, vertenza)
            for name, (key, label) in TREND_SERIES.items():
                spec_key, _, part = key.partition(".")
                spec = SPECS[spec_key]
                values = []
                for day in ends:
                    rows = spec.rows(day, scope).subquery()
                    stmt = select(func.count()).select_from(rows)
                    if part:
                        stmt = stmt.where(rows.c.cat == part)
                    values.append(int(s.scalar(stmt) or 0))
                series[name] = (label, tuple(values))
        return Trends(tuple(ends), MappingProxyType(series))

    return _remembered(ctx, ("trends", at, vertenza, months), count)


def people(ctx: Context, key: str, vertenza: str | None = None,
           at: dt.date | None = None) -> list[Person]:
    """The files behind the figure ``key`` (as in ``Figures``) at ``at``, by surname."""
    at = _check_date(at)
    spec_key, _, part = key.partition(".")
    with ctx.read() as s:
        scope, _code, _label = _scope(s, vertenza)
        if spec_key.startswith(FUND_PREFIX):
            fund_id = spec_key.removeprefix(FUND_PREFIX)
            if not fund_id.isdigit() or part not in ("", "impegnato", "speso"):
                return []
            rows = _fund_rows(at, scope).subquery()
            ids = select(rows.c.worker_id).where(rows.c.fund_id == int(fund_id))
            ids = ids.where(rows.c.cat == part) if part else ids.where(rows.c.cat != "altri")
        else:
            spec = SPECS.get(spec_key)
            if spec is None or (part and part not in dict(spec.parts)):
                raise ValidationError(f"Cifra sconosciuta: {key}.", "key")
            rows = spec.rows(at, scope).subquery()
            ids = select(rows.c.worker_id)
            if part:
                ids = ids.where(rows.c.cat == part)
        found = s.execute(
            select(Worker.id, Worker.codice_fiscale, Worker.surname, Worker.name, Worker.status)
            .where(Worker.id.in_(ids)).order_by(Worker.sort_surname, Worker.id)).all()
    return [Person(*row) for row in found]


def vertenze(ctx: Context) -> list[VertenzaChoice]:
    """The vertenze to choose from, by code."""
    with ctx.read() as s:
        return [VertenzaChoice(code, title) for code, title in
                s.execute(select(Vertenza.code, Vertenza.title).order_by(Vertenza.code))]


# --------------------------------------------------------------------------- for the meeting

# The breakdowns drawn as bar charts in the workbook and the report.
CHARTS = ("fascicoli", "convocati", "percorsi_in_corso", "formazione", "occupati",
          "assunzioni", "ammortizzatori")


@dataclass(frozen=True)
class Written:
    path: Path
    figures: int
    people_sheets: int = 0


def _dates(at: dt.date | None, since: dt.date | None) -> tuple[dt.date, dt.date | None]:
    at = _check_date(at)
    if since is not None:
        since = _check_date(since, "since")
        if since > at:
            raise ValidationError(f"La data di confronto ({since:%d/%m/%Y}) segue la data "
                                  f"delle cifre ({at:%d/%m/%Y}).", "since")
    return at, since


def _both(ctx: Context, at: dt.date, since: dt.date | None,
          vertenza: str | None) -> tuple[Figures, Figures | None]:
    if since is None:
        return figures(ctx, at=at, vertenza=vertenza), None
    both = compare(ctx, since=since, at=at, vertenza=vertenza)
    return both.at, both.since


def _pairs(now: Figures, before: Figures | None) -> list[tuple[str, bool, int | None, int, bool, str]]:
    """(label, is a total, value at since, value at at, money, key) for every figure."""
    out = []
    for b in now.breakdowns:
        out.append((b.title, True, before.value(b.key) if before else None, b.total, b.money,
                    b.key))
        for p in b.parts:
            out.append((p.label, False, before.value(p.key) if before else None, p.value,
                        b.money, p.key))
    return out


def _people_by_part(session, at: dt.date, scope: Scope,  # type: ignore[no-untyped-def]
                    now: Figures) -> dict[str, list[tuple[str, str, str, str]]]:
    """Every part's people at once: one query per breakdown, grouped here by part key."""
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    # (the sort keys are selected too: PostgreSQL orders a DISTINCT only by what it selects)
    person = (Worker.sort_surname, Worker.id, Worker.codice_fiscale, Worker.surname,
              Worker.name, Worker.status)
    for spec in BREAKDOWNS:
        rows = spec.rows(at, scope).subquery()
        for cat, _sort, _id, *values in session.execute(
                select(rows.c.cat, *person).distinct().join(Worker, Worker.id == rows.c.worker_id)
                .order_by(rows.c.cat, Worker.sort_surname, Worker.id)):
            found.setdefault(f"{spec.key}.{cat}", []).append(tuple(values))
    funds = _fund_rows(at, scope).subquery()
    for fund_id, cat, _sort, _id, *values in session.execute(
            select(funds.c.fund_id, funds.c.cat, *person).distinct()
            .join(Worker, Worker.id == funds.c.worker_id).where(funds.c.cat != "altri")
            .order_by(funds.c.fund_id, funds.c.cat, Worker.sort_surname, Worker.id)):
        found.setdefault(f"{FUND_PREFIX}{fund_id}.{cat}", []).append(tuple(values))
    known = {p.key for b in now.breakdowns for p in b.parts if p.people}
    return {k: v for k, v in found.items() if k in known}


def _chart_rows(now: Figures, before: Figures | None) -> list[tuple[Breakdown, tuple[int, ...] | None]]:
    out = []
    for b in now.breakdowns:
        if b.key in CHARTS:
            out.append((b, tuple(before.value(p.key) for p in b.parts) if before else None))
    return out


def _record(ctx: Context, kind: str, out: Path, scope_code: str | None, detail: str) -> None:
    import hashlib

    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    with ctx.write() as s:
        scope_id = (s.scalar(select(Vertenza.id).where(Vertenza.code == scope_code))
                    if scope_code else None)
        s.add(ExchangeRecord(direction=ExchangeKind.EXPORT, kind=kind, file_name=out.name,
                             sha256=digest, operator_id=ctx.actor.id if ctx.actor else None,
                             vertenza_id=scope_id, rows_total=0))
        audit.record(s, "export", entity="exchange_record", detail=detail)


def _for_meeting(ctx: Context, out: Path | str, suffix: str, vertenza: str | None,
                 at: dt.date | None, since: dt.date | None,
                 ) -> tuple[Path, dt.date, dt.date | None, Figures, Figures | None, Trends]:
    """The file checked before any work, then the figures at both dates and the trend."""
    out = Path(out)
    if out.suffix.lower() != suffix:
        raise ValidationError(f"Il file di destinazione deve avere estensione {suffix}.", "out")
    output_file(out)  # a folder in the way is said before the figures are counted
    at, since = _dates(at, since)
    now, before = _both(ctx, at, since, vertenza)
    return out, at, since, now, before, trends(ctx, at=at, vertenza=vertenza)


def export_workbook(ctx: Context, out: Path | str, *, vertenza: str | None = None,
                    at: dt.date | None = None, since: dt.date | None = None) -> Written:
    """The workbook for the tavolo (``exchange.monitoring_book``): the summary with the
    comparison, native charts, the trend, and one sheet of people per figure."""
    from sportello.core.exchange import monitoring_book as mb

    out, at, since, now, before, trend = _for_meeting(ctx, out, ".xlsx", vertenza, at, since)
    with ctx.read() as s:
        scope, _code, _label = _scope(s, vertenza)
        people_of = _people_by_part(s, at, scope, now)
    pairs = _pairs(now, before)
    names = mb.sheet_names([key for *_rest, key in pairs if key in people_of])
    book = mb.Book(
        title="Monitoraggio per il tavolo di crisi", scope=now.scope_label, at=at, since=since,
        figures=tuple(mb.BookFigure(label, total, was, value, money, names.get(key))
                      for label, total, was, value, money, key in pairs),
        charts=tuple(mb.BookChart(f"{b.title} al {at:%d/%m/%Y}", b.unit,
                                  tuple(p.label for p in b.parts), tuple(p.value for p in b.parts))
                     for b, _was in _chart_rows(now, before)),
        months=trend.months,
        series=tuple(trend.series.values()),
        people=tuple(mb.PeopleSheet(names[key], f"{now.label(key)} – al {at:%d/%m/%Y}",
                                    tuple(people_of[key])) for key in names),
    )
    mb.write(out, book)
    _record(ctx, "monitoring", out, now.vertenza,
            f"monitoraggio ({now.scope_label}, al {at:%d/%m/%Y}) in {out.name}")
    return Written(out, len(pairs), len(names))


def report_pdf(ctx: Context, out: Path | str, *, vertenza: str | None = None,
               at: dt.date | None = None, since: dt.date | None = None) -> Written:
    """The printable report on the office's letterhead (``letters.monitoring_report``)."""
    from sportello.core.letters import monitoring_report as mr
    from sportello.core.services.letters import office_letterhead

    out, at, since, now, before, trend = _for_meeting(ctx, out, ".pdf", vertenza, at, since)
    head = office_letterhead(ctx)
    with ctx.read() as s:
        place = s.scalar(select(Office.comune).where(Office.id == ctx.actor.office_id)) \
            if ctx.actor else None
    pairs = _pairs(now, before)
    report = mr.Report(
        head=head, place=place, made_on=dt.date.today(), scope=now.scope_label, at=at,
        since=since,
        rows=tuple(mr.ReportRow(label, total, was, value, money)
                   for label, total, was, value, money, _key in pairs),
        charts=tuple(mr.ReportChart(b.title, tuple(p.label for p in b.parts), was,
                                    tuple(p.value for p in b.parts))
                     for b, was in _chart_rows(now, before)),
        months=trend.months, series=tuple(trend.series.values()))
    write_atomically(out, mr.render(report))
    _record(ctx, "monitoring-pdf", out, now.vertenza,
            f"rapporto di monitoraggio ({now.scope_label}, al {at:%d/%m/%Y}) in {out.name}")
    return Written(out, len(pairs))
