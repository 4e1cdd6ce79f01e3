"""Training vouchers: the life of a voucher, and the fund and seats it draws on.

Money rule (the demo data follows it too):
- ``fund.committed_cents`` = amounts of vouchers approvato, in_corso and concluso;
- ``fund.spent_cents`` = what was reported (rendicontato);
- remaining = budget - committed - spent, never below zero (a CHECK in the schema).

Approval commits the amount and takes a seat with one conditional UPDATE each
(``... WHERE committed + spent + amount <= budget``): two counters approving at the same
moment on a shared PostgreSQL server can never overspend a fund or overfill a course.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from sportello.core import regions
from sportello.core.context import Context
from sportello.core.errors import ConflictError, NotFound, ValidationError
from sportello.core.models import (
    Attendance,
    Course,
    CourseSession,
    EmploymentSituation,
    Fund,
    FundKind,
    Office,
    Role,
    Setting,
    Vertenza,
    Voucher,
    VoucherStatus,
    VoucherStatusChange,
    Worker,
)
from sportello.core.search import search_worker_ids
from sportello.core import audit, permissions

S = VoucherStatus
APPROVAL_THRESHOLD_KEY = "voucher.soglia_approvazione_responsabile"
DEFAULT_APPROVAL_THRESHOLD_CENTS = 1_500_00

# Which status may follow which.
TRANSITIONS: dict[str, set[str]] = {
    S.RICHIESTO: {S.APPROVATO, S.REVOCATO, S.RITIRATO},
    S.APPROVATO: {S.IN_CORSO, S.RITIRATO, S.REVOCATO},
    S.IN_CORSO: {S.CONCLUSO, S.RITIRATO, S.REVOCATO},
    S.CONCLUSO: {S.RENDICONTATO},
    S.RITIRATO: {S.RENDICONTATO},
    S.REVOCATO: set(),
    S.RENDICONTATO: set(),
}
# Statuses whose amount is committed on the fund.
COMMITTED = {S.APPROVATO, S.IN_CORSO, S.CONCLUSO}
LABELS = {
    S.RICHIESTO: "richiesto", S.APPROVATO: "approvato", S.IN_CORSO: "in corso",
    S.CONCLUSO: "concluso", S.RITIRATO: "ritirato", S.REVOCATO: "revocato",
    S.RENDICONTATO: "rendicontato",
}


class BudgetExceeded(ConflictError):
    pass


class NoSeatsLeft(ConflictError):
    pass


@dataclass(frozen=True)
class VoucherInfo:
    id: int
    code: str | None
    worker_id: int
    course_id: int
    fund_id: int
    amount_cents: int
    status: str
    hours_attended: float
    course_hours: float
    attendance_pct: float
    min_attendance_pct: int
    certificate_eligible: bool
    version: int


@dataclass(frozen=True)
class FundInfo:
    id: int
    name: str
    kind: str
    budget_cents: int
    committed_cents: int
    spent_cents: int

    @property
    def remaining_cents(self) -> int:
        return self.budget_cents - self.committed_cents - self.spent_cents


def euro(cents: int) -> str:
    """€ 1.250,00 — the Italian way."""
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def approval_threshold_cents(session: Session) -> int:
    row = session.get(Setting, APPROVAL_THRESHOLD_KEY)
    if row is None or not row.value or "cents" not in row.value:
        return DEFAULT_APPROVAL_THRESHOLD_CENTS
    return int(row.value["cents"])


def approval_threshold(ctx: Context) -> int:
    """Vouchers above this amount (cents) need a responsabile's approval."""
    with ctx.read() as s:
        return approval_threshold_cents(s)


def set_approval_threshold(ctx: Context, cents: int) -> None:
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "cambiare la soglia di approvazione")
    if cents < 0:
        raise ValidationError("La soglia non può essere negativa.", "cents")
    with ctx.write() as s:
        row = s.get(Setting, APPROVAL_THRESHOLD_KEY)
        if row is None:
            s.add(Setting(key=APPROVAL_THRESHOLD_KEY, value={"cents": cents}))
        else:
            row.value = {"cents": cents}


def _pct(hours_attended: float, course_hours: float) -> float:
    return round(100.0 * hours_attended / course_hours, 1) if course_hours else 0.0


def certificate_earned(attendance_pct: float, min_attendance_pct: int, status: str) -> bool:
    """The certificate is earned with enough attendance on a course that is over."""
    return attendance_pct >= min_attendance_pct and status in (S.CONCLUSO, S.RENDICONTATO)


def _info(session: Session, v: Voucher) -> VoucherInfo:
    course = session.get(Course, v.course_id)
    assert course is not None
    pct = _pct(v.hours_attended, course.hours)
    eligible = certificate_earned(pct, course.min_attendance_pct, v.status)
    return VoucherInfo(v.id, v.code, v.worker_id, v.course_id, v.fund_id, v.amount_cents, v.status,
                       v.hours_attended, course.hours, pct, course.min_attendance_pct, eligible,
                       v.version)


def _history(session: Session, v: Voucher, status: str, note: str | None) -> None:
    session.add(VoucherStatusChange(voucher_id=v.id, status=status,
                                    operator_id=session.info.get("actor_id"), note=note))


def worker_region(session: Session, worker: Worker, office_id: int | None = None) -> str | None:
    """The worker's Region: of their province of residence, else of their current
    vertenza, else of the office (``office_id``); None when none of them tells."""
    found = regions.region_of_province(worker.residence_province)
    if found:
        return found
    vertenza = session.scalar(
        select(Vertenza.region).join(EmploymentSituation,
                                     EmploymentSituation.vertenza_id == Vertenza.id)
        .where(EmploymentSituation.worker_id == worker.id,
               EmploymentSituation.is_current.is_(True)).limit(1))
    if regions.canonical(vertenza):
        return regions.canonical(vertenza)
    office = session.get(Office, office_id) if office_id is not None else None
    return regions.region_of_province(office.provincia) if office is not None else None


def fund_refusal(fund: Fund, region: str | None) -> str | None:
    """Why ``fund`` cannot pay for a worker of ``region`` (None: it can). Only a regional
    fund with a Region is restricted; national funds are valid everywhere."""
    if fund.kind != FundKind.REGIONALE or not fund.region or region is None:
        return None
    if regions.canonical(fund.region) == region:
        return None
    return (f"Il fondo «{fund.name}» è della Regione {fund.region}: non paga voucher per chi "
            f"è della Regione {region}.")


def request(ctx: Context, *, worker_id: int, course_id: int, fund_id: int,
            amount_cents: int | None = None, pathway_id: int | None = None,
            today: dt.date | None = None) -> VoucherInfo:
    """A clerk asks for a voucher; the amount defaults to the course cost.

    ``today`` is the day of the request (a request made on paper may be recorded later,
    never ahead of time); attendance counts from that day on.
    """
    if today is not None and today > dt.date.today():
        raise ValidationError("La data della richiesta non può essere nel futuro.", "requested_on")
    today = today or dt.date.today()
    with ctx.write() as s:
        worker, course, fund = s.get(Worker, worker_id), s.get(Course, course_id), s.get(Fund, fund_id)
        if worker is None:
            raise NotFound("Fascicolo non trovato.")
        if course is None:
            raise NotFound("Corso non trovato.")
        if fund is None or not fund.active:
            raise NotFound("Fondo inesistente o non attivo.")
        refusal = fund_refusal(fund, worker_region(s, worker, ctx.actor.office_id
                                                   if ctx.actor else None))
        if refusal:
            raise ValidationError(refusal, "fund")
        amount = course.cost_cents if amount_cents is None else amount_cents
        if amount <= 0:
            raise ValidationError("L'importo del voucher deve essere maggiore di zero.", "amount")
        open_same = s.scalar(select(func.count(Voucher.id)).where(
            Voucher.worker_id == worker_id, Voucher.course_id == course_id,
            Voucher.status.in_([S.RICHIESTO, *COMMITTED])))
        if open_same:
            raise ValidationError("Il lavoratore ha già un voucher per questo corso.", "course")
        v = Voucher(worker_id=worker_id, course_id=course_id, fund_id=fund_id, pathway_id=pathway_id,
                    amount_cents=amount, status=S.RICHIESTO, requested_on=today,
                    expires_on=course.ends_on)
        s.add(v)
        s.flush()
        v.code = f"V-{today.year}-{v.id:06d}"
        _history(s, v, S.RICHIESTO, None)
        s.flush()
        return _info(s, v)


def _transition(session: Session, voucher_id: int, target: str, expected_version: int | None) -> Voucher:
    v = session.get(Voucher, voucher_id)
    if v is None:
        raise NotFound("Voucher non trovato.")
    if expected_version is not None and v.version != expected_version:
        raise ConflictError("Il voucher è stato modificato da qualcun altro: riaprirlo.")
    if target not in TRANSITIONS[S(v.status)]:
        raise ValidationError(
            f"Un voucher {LABELS[S(v.status)]} non può diventare {LABELS[S(target)]}.", "status")
    return v


def approve(ctx: Context, voucher_id: int, *, expected_version: int | None = None,
            today: dt.date | None = None, note: str | None = None) -> VoucherInfo:
    """Approve: commit the amount on the fund and take a seat, atomically, or refuse."""
    permissions.require(ctx.actor, Role.OPERATORE, "approvare un voucher")
    with ctx.write() as s:
        v = _transition(s, voucher_id, S.APPROVATO, expected_version)
        if v.amount_cents > approval_threshold_cents(s):
            permissions.require(
                ctx.actor, Role.RESPONSABILE,
                f"approvare un voucher oltre {euro(approval_threshold_cents(s))}")
        taken = s.execute(
            update(Fund)
            .where(Fund.id == v.fund_id, Fund.active.is_(True),
                   Fund.committed_cents + Fund.spent_cents + v.amount_cents <= Fund.budget_cents)
            .values(committed_cents=Fund.committed_cents + v.amount_cents,
                    version=Fund.version + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
        if taken != 1:
            fund = s.get(Fund, v.fund_id)
            s.refresh(fund)
            remaining = fund.budget_cents - fund.committed_cents - fund.spent_cents
            raise BudgetExceeded(
                f"Il fondo «{fund.name}» non ha capienza: restano {euro(remaining)}, "
                f"il voucher chiede {euro(v.amount_cents)}. Nulla è stato approvato.")
        seat = s.execute(
            update(Course)
            .where(Course.id == v.course_id, Course.seats_taken < Course.seats)
            .values(seats_taken=Course.seats_taken + 1, version=Course.version + 1)
            .execution_options(synchronize_session=False)
        ).rowcount
        if seat != 1:
            course = s.get(Course, v.course_id)
            raise NoSeatsLeft(f"Il corso «{course.title}» non ha più posti liberi "
                              f"({course.seats} su {course.seats}). Nulla è stato approvato.")
        audit.record(s, "fund_commit", entity="fund", entity_id=v.fund_id, worker_id=v.worker_id,
                     changes={"committed_cents": f"+{v.amount_cents}", "voucher": v.code})
        v.status = S.APPROVATO
        v.approved_on = today or dt.date.today()
        v.approved_by_id = ctx.actor.id if ctx.actor else None
        _history(s, v, S.APPROVATO, note)
        s.flush()
        return _info(s, v)


def _release(session: Session, v: Voucher, unspent_cents: int, free_seat: bool) -> None:
    """Give back to the fund what a voucher no longer needs (and the seat, if asked)."""
    if unspent_cents:
        audit.record(session, "fund_release", entity="fund", entity_id=v.fund_id,
                     worker_id=v.worker_id,
                     changes={"committed_cents": f"-{unspent_cents}", "voucher": v.code})
        session.execute(
            update(Fund).where(Fund.id == v.fund_id)
            .values(committed_cents=Fund.committed_cents - unspent_cents, version=Fund.version + 1)
            .execution_options(synchronize_session=False))
    if free_seat:
        session.execute(
            update(Course).where(Course.id == v.course_id, Course.seats_taken > 0)
            .values(seats_taken=Course.seats_taken - 1, version=Course.version + 1)
            .execution_options(synchronize_session=False))


def course_over(course: Course, today: dt.date) -> str | None:
    """Why the course is not over yet on ``today`` (None: it has ended)."""
    if course.ends_on is None:
        return f"il corso «{course.title}» non ha una data di fine"
    if course.ends_on > today:
        return f"il corso «{course.title}» termina il {course.ends_on:%d/%m/%Y}"
    return None


def change_status(ctx: Context, voucher_id: int, target: str, *, expected_version: int | None = None,
                  note: str | None = None, spent_cents: int | None = None,
                  today: dt.date | None = None) -> VoucherInfo:
    """in_corso, concluso, ritirato, revocato, rendicontato (approval goes through ``approve``).

    Withdrawn or revoked: the committed amount goes back to the fund (a withdrawn worker's
    voucher stays committed until reported: what was spent is reported, the rest returns).
    Reported: the spent part moves from committed to spent, the unspent part returns.
    Concluded: only once the course has ended (its end date is today or earlier).
    """
    if target == S.APPROVATO:
        return approve(ctx, voucher_id, expected_version=expected_version, note=note)
    if target == S.REVOCATO:
        permissions.require(ctx.actor, Role.RESPONSABILE, "revocare un voucher")
    with ctx.write() as s:
        v = _transition(s, voucher_id, target, expected_version)
        was_committed = v.status in COMMITTED
        if target == S.CONCLUSO:
            course = s.get(Course, v.course_id)
            assert course is not None
            why = course_over(course, today or dt.date.today())
            if why:
                raise ValidationError(f"Il voucher {v.code or ''} non può essere concluso: {why}.",
                                      "status")
        if target == S.REVOCATO and was_committed:
            _release(s, v, v.amount_cents, free_seat=True)
        elif target == S.RITIRATO and was_committed:
            _release(s, v, 0, free_seat=v.status == S.APPROVATO)
        elif target == S.RENDICONTATO:
            spent = v.amount_cents if spent_cents is None else spent_cents
            if not 0 <= spent <= v.amount_cents:
                raise ValidationError(
                    f"La spesa rendicontata deve essere tra € 0,00 e {euro(v.amount_cents)}.",
                    "spent_cents")
            s.execute(
                update(Fund).where(Fund.id == v.fund_id)
                .values(committed_cents=Fund.committed_cents - v.amount_cents,
                        spent_cents=Fund.spent_cents + spent, version=Fund.version + 1)
                .execution_options(synchronize_session=False))
            v.spent_cents = spent
        v.status = target
        _history(s, v, target, note)
        s.flush()
        return _info(s, v)


def _check_lesson(lesson: CourseSession, v: Voucher, today: dt.date) -> None:
    """Attendance is for a lesson of the voucher's course that took place while it was valid."""
    if lesson.course_id != v.course_id:
        raise ValidationError("La lezione non è del corso di questo voucher.", "session")
    if v.status not in (S.APPROVATO, S.IN_CORSO):
        raise ValidationError(f"Presenze non registrabili su un voucher {LABELS[S(v.status)]}.")
    day = lesson.starts_at.date()
    if day > today:
        raise ValidationError(
            f"La lezione del {day:%d/%m/%Y} non si è ancora svolta: le presenze si registrano "
            "dal giorno della lezione.", "session")
    if v.requested_on and day < v.requested_on:
        raise ValidationError(
            f"La lezione del {day:%d/%m/%Y} precede la richiesta del voucher {v.code or ''} "
            f"({v.requested_on:%d/%m/%Y}): il voucher non la copre.", "session")
    if v.expires_on and day > v.expires_on:
        raise ValidationError(
            f"La lezione del {day:%d/%m/%Y} è dopo la scadenza del voucher {v.code or ''} "
            f"({v.expires_on:%d/%m/%Y}).", "session")


def _record_in(s: Session, ctx: Context, lesson: CourseSession, v: Voucher, hours: float,
               present: bool | None, today: dt.date) -> None:
    _check_lesson(lesson, v, today)
    if not 0 <= hours <= lesson.hours:
        raise ValidationError(f"Ore presenti tra 0 e {lesson.hours:g}.", "hours")
    row = s.scalars(select(Attendance).where(Attendance.session_id == lesson.id,
                                             Attendance.voucher_id == v.id)).first()
    if row is None:
        row = Attendance(session_id=lesson.id, voucher_id=v.id)
        s.add(row)
    row.hours_attended = hours
    row.present = hours > 0 if present is None else present
    row.recorded_by_id = ctx.actor.id if ctx.actor else None
    s.flush()
    v.hours_attended = float(s.scalar(select(func.coalesce(func.sum(Attendance.hours_attended), 0))
                                      .where(Attendance.voucher_id == v.id)))
    if v.status == S.APPROVATO:
        v.status = S.IN_CORSO
        _history(s, v, S.IN_CORSO, "prima presenza registrata")


def record_attendance(ctx: Context, session_id: int, voucher_id: int, hours: float,
                      present: bool | None = None, *, today: dt.date | None = None) -> VoucherInfo:
    """Attendance of one worker at one lesson; the voucher's hours are recomputed.

    Only for a lesson that has taken place (dated today or earlier) and that the voucher
    covers (not before it was requested, not after it expires).
    """
    today = today or dt.date.today()
    with ctx.write() as s:
        lesson, v = s.get(CourseSession, session_id), s.get(Voucher, voucher_id)
        if lesson is None or v is None:
            raise NotFound("Lezione o voucher non trovati.")
        _record_in(s, ctx, lesson, v, hours, present, today)
        s.flush()
        return _info(s, v)


def record_attendance_grid(ctx: Context, course_id: int,
                           cells: dict[tuple[int, int], bool], *,
                           today: dt.date | None = None) -> int:
    """Save a whole register grid in one transaction: ``cells[(voucher_id, session_id)]``
    present or absent (present means the lesson's full hours). Cells whose value does not
    change are left alone; a refused cell refuses the whole grid. Returns the cells written.
    """
    today = today or dt.date.today()
    written = 0
    with ctx.write() as s:
        course = s.get(Course, course_id)
        if course is None:
            raise NotFound("Corso non trovato.")
        lessons = {le.id: le for le in s.scalars(
            select(CourseSession).where(CourseSession.course_id == course_id))}
        held = {(a.voucher_id, a.session_id): a.present for a in s.scalars(
            select(Attendance).join(CourseSession, CourseSession.id == Attendance.session_id)
            .where(CourseSession.course_id == course_id))}
        for (voucher_id, session_id), present in sorted(cells.items()):
            if held.get((voucher_id, session_id)) == present:
                continue
            if held.get((voucher_id, session_id)) is None and not present:
                continue  # nothing recorded and still absent: nothing to write
            lesson, v = lessons.get(session_id), s.get(Voucher, voucher_id)
            if lesson is None or v is None:
                raise NotFound("Lezione o voucher non trovati.")
            try:
                _record_in(s, ctx, lesson, v, lesson.hours if present else 0.0, present, today)
            except ValidationError as exc:
                worker = s.get(Worker, v.worker_id)
                who = f"{worker.surname} {worker.name}" if worker else (v.code or "")
                raise ValidationError(f"{who}: {exc} Nessuna presenza è stata salvata.",
                                      exc.field) from exc
            written += 1
        if written:
            audit.record(s, "attendance_grid", entity="course", entity_id=course_id,
                         changes={"celle": written})
        s.flush()
    return written


def get(ctx: Context, voucher_id: int) -> VoucherInfo:
    with ctx.read() as s:
        v = s.get(Voucher, voucher_id)
        if v is None:
            raise NotFound("Voucher non trovato.")
        return _info(s, v)


def fund(ctx: Context, fund_id: int) -> FundInfo:
    with ctx.read() as s:
        f = s.get(Fund, fund_id)
        if f is None:
            raise NotFound("Fondo non trovato.")
        return FundInfo(f.id, f.name, f.kind, f.budget_cents, f.committed_cents, f.spent_cents)


# --------------------------------------------------------------------------- read side


@dataclass(frozen=True)
class VoucherRow:
    """One line of the vouchers list."""

    id: int
    code: str | None
    worker_id: int
    worker_name: str
    codice_fiscale: str
    course_id: int
    course_title: str
    fund_id: int
    fund_name: str
    amount_cents: int
    spent_cents: int | None
    status: str
    requested_on: dt.date
    approved_on: dt.date | None
    hours_attended: float
    course_hours: float
    min_attendance_pct: int
    version: int

    @property
    def attendance_pct(self) -> float:
        return _pct(self.hours_attended, self.course_hours)

    @property
    def next_statuses(self) -> tuple[str, ...]:
        """What ``change_status``/``approve`` accept from here, in the life-cycle order."""
        return tuple(s.value for s in S if s in TRANSITIONS[S(self.status)])


@dataclass
class VoucherFilter:
    status: str | None = None
    fund_id: int | None = None
    course_id: int | None = None
    text: str = ""  # words of the worker's name or CF
    worker_id: int | None = None


def _voucher_where(session: Session, flt: VoucherFilter, stmt: Select,  # type: ignore[type-arg]
                   with_status: bool = True) -> Select:  # type: ignore[type-arg]
    if with_status and flt.status:
        stmt = stmt.where(Voucher.status == flt.status)
    if flt.fund_id is not None:
        stmt = stmt.where(Voucher.fund_id == flt.fund_id)
    if flt.course_id is not None:
        stmt = stmt.where(Voucher.course_id == flt.course_id)
    if flt.worker_id is not None:
        stmt = stmt.where(Voucher.worker_id == flt.worker_id)
    if flt.text.strip():
        ids = search_worker_ids(session, flt.text).order_by(None)
        stmt = stmt.where(Voucher.worker_id.in_(ids))
    return stmt


def _voucher_select() -> Select:  # type: ignore[type-arg]
    return (
        select(Voucher.id, Voucher.code, Voucher.worker_id, Worker.surname, Worker.name,
               Worker.codice_fiscale, Voucher.course_id, Course.title, Voucher.fund_id, Fund.name,
               Voucher.amount_cents, Voucher.spent_cents, Voucher.status, Voucher.requested_on,
               Voucher.approved_on, Voucher.hours_attended, Course.hours,
               Course.min_attendance_pct, Voucher.version)
        .join(Worker, Worker.id == Voucher.worker_id)
        .join(Course, Course.id == Voucher.course_id)
        .join(Fund, Fund.id == Voucher.fund_id)
    )


def _voucher_row(r) -> VoucherRow:  # type: ignore[no-untyped-def]
    return VoucherRow(r[0], r[1], r[2], f"{r[3]} {r[4]}", r[5], r[6], r[7], r[8], r[9], r[10],
                      r[11], r[12], r[13], r[14], r[15], r[16], r[17], r[18])


def list_vouchers(ctx: Context, flt: VoucherFilter, *, offset: int = 0,
                  limit: int = 200) -> list[VoucherRow]:
    """A page of vouchers, newest request first."""
    with ctx.read() as s:
        stmt = _voucher_where(s, flt, _voucher_select())
        stmt = stmt.order_by(Voucher.requested_on.desc(), Voucher.id.desc())
        page = stmt.offset(max(0, offset)).limit(max(0, limit))
        return [_voucher_row(r) for r in s.execute(page)]


def voucher_row(ctx: Context, voucher_id: int) -> VoucherRow:
    with ctx.read() as s:
        r = s.execute(_voucher_select().where(Voucher.id == voucher_id)).first()
        if r is None:
            raise NotFound("Voucher non trovato.")
        return _voucher_row(r)


def count_by_status(ctx: Context, flt: VoucherFilter) -> dict[str, int]:
    """How many vouchers match the filter (its status aside), per status."""
    with ctx.read() as s:
        stmt = _voucher_where(s, flt, select(Voucher.status, func.count(Voucher.id)),
                              with_status=False).group_by(Voucher.status)
        counts = {status.value: 0 for status in S}
        counts.update({status: n for status, n in s.execute(stmt)})
        return counts


class _Attendance:
    """Attendance figures of a register row (the fields come from the dataclass)."""

    hours_attended: float
    course_hours: float
    min_attendance_pct: int
    status: str

    @property
    def attendance_pct(self) -> float:
        return _pct(self.hours_attended, self.course_hours)

    @property
    def minimum_reached(self) -> bool:
        return self.attendance_pct >= self.min_attendance_pct

    @property
    def certificate_eligible(self) -> bool:
        return certificate_earned(self.attendance_pct, self.min_attendance_pct, self.status)


@dataclass(frozen=True)
class RegisterRow(_Attendance):
    """One worker (through their voucher) in the attendance register of one lesson."""

    voucher_id: int
    code: str | None
    worker_id: int
    worker_name: str
    status: str
    session_hours: float | None  # recorded at this lesson; None if not recorded yet
    hours_attended: float  # the whole course so far
    course_hours: float
    min_attendance_pct: int
    editable: bool  # attendance can be recorded (approved or in progress)



REGISTER_STATUSES = (S.APPROVATO, S.IN_CORSO, S.CONCLUSO, S.RITIRATO, S.RENDICONTATO)


def register(ctx: Context, session_id: int) -> list[RegisterRow]:
    """The attendance register of a lesson: every voucher on its course that got a seat."""
    with ctx.read() as s:
        lesson = s.get(CourseSession, session_id)
        if lesson is None:
            raise NotFound("Lezione non trovata.")
        course = s.get(Course, lesson.course_id)
        assert course is not None
        here = (select(Attendance.hours_attended)
                .where(Attendance.session_id == session_id, Attendance.voucher_id == Voucher.id)
                .correlate(Voucher).scalar_subquery())
        rows = s.execute(
            select(Voucher.id, Voucher.code, Voucher.worker_id, Worker.surname, Worker.name,
                   Voucher.status, here, Voucher.hours_attended)
            .join(Worker, Worker.id == Voucher.worker_id)
            .where(Voucher.course_id == course.id, Voucher.status.in_(REGISTER_STATUSES))
            .order_by(Worker.surname, Worker.name, Voucher.id))
        return [RegisterRow(r[0], r[1], r[2], f"{r[3]} {r[4]}", r[5], r[6], r[7], course.hours,
                            course.min_attendance_pct, r[5] in (S.APPROVATO, S.IN_CORSO))
                for r in rows]


@dataclass(frozen=True)
class GridLesson:
    id: int
    starts_at: dt.datetime
    hours: float
    topic: str | None


@dataclass(frozen=True)
class GridCell:
    """One worker at one lesson: what is recorded, and why it cannot be (None: it can)."""

    hours: float | None  # None: nothing recorded
    present: bool | None
    refusal: str | None


@dataclass(frozen=True)
class GridRow(_Attendance):
    voucher_id: int
    code: str | None
    worker_id: int
    worker_name: str
    status: str
    hours_attended: float
    course_hours: float
    min_attendance_pct: int
    cells: dict[int, GridCell]  # by lesson id



@dataclass(frozen=True)
class RegisterGrid:
    course_id: int
    lessons: list[GridLesson]
    rows: list[GridRow]


def register_grid(ctx: Context, course_id: int, *, today: dt.date | None = None) -> RegisterGrid:
    """The course's register: its vouchers with a seat (rows) by its lessons (columns).

    Each cell says whether attendance can be recorded there, with the reason of
    ``record_attendance`` when it cannot (a lesson still to come, before the request...).
    """
    today = today or dt.date.today()
    with ctx.read() as s:
        course = s.get(Course, course_id)
        if course is None:
            raise NotFound("Corso non trovato.")
        lessons = list(s.scalars(select(CourseSession).where(CourseSession.course_id == course_id)
                                 .order_by(CourseSession.starts_at, CourseSession.id)))
        pairs = s.execute(
            select(Voucher, Worker.surname, Worker.name)
            .join(Worker, Worker.id == Voucher.worker_id)
            .where(Voucher.course_id == course_id, Voucher.status.in_(REGISTER_STATUSES))
            .order_by(Worker.surname, Worker.name, Voucher.id)).all()
        held: dict[tuple[int, int], Attendance] = {
            (a.voucher_id, a.session_id): a for a in s.scalars(
                select(Attendance).join(CourseSession, CourseSession.id == Attendance.session_id)
                .where(CourseSession.course_id == course_id))}
        rows = []
        for v, surname, name in pairs:
            cells = {}
            for lesson in lessons:
                try:
                    _check_lesson(lesson, v, today)
                    refusal = None
                except ValidationError as exc:
                    refusal = str(exc)
                a = held.get((v.id, lesson.id))
                cells[lesson.id] = GridCell(a.hours_attended if a else None,
                                            a.present if a else None, refusal)
            rows.append(GridRow(v.id, v.code, v.worker_id, f"{surname} {name}", v.status,
                                v.hours_attended, course.hours, course.min_attendance_pct, cells))
        return RegisterGrid(course_id, [GridLesson(le.id, le.starts_at, le.hours, le.topic)
                                        for le in lessons], rows)
