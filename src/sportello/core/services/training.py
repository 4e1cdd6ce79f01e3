"""The training catalogue: accredited providers, their courses and lessons, and the funds.

What vouchers do with a course (seats) and a fund (committed, spent) is the business of
``vouchers``; here the catalogue is created, edited and listed, and an edit can never
leave a record contradicting what vouchers already hold: a course keeps at least the
seats already taken and the hours already scheduled, a fund at least the budget already
committed and spent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import regions
from sportello.core.context import Context
from sportello.core.errors import NotFound, ValidationError
from sportello.core.models import (
    Attendance,
    Course,
    CourseSession,
    CourseStatus,
    Fund,
    FundKind,
    Role,
    TrainingProvider,
    Voucher,
    Worker,
)
from sportello.core.text import fold
from sportello.core import permissions
from sportello.core.services.business import check_partita_iva
from sportello.core.services.records import update_record
from sportello.core.services.vouchers import euro, fund_refusal, worker_region

MAX_SESSION_HOURS = 12.0


# --------------------------------------------------------------------------- providers


@dataclass
class ProviderForm:
    name: str = ""
    cf_piva: str | None = None
    address: str | None = None
    comune: str | None = None
    provincia: str | None = None
    accreditation_code: str | None = None
    accredited_until: dt.date | None = None
    contact_name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class ProviderRow:
    id: int
    version: int
    form: ProviderForm
    courses: int

    @property
    def name(self) -> str:
        return self.form.name


def _text(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


def _clean_provider(form: ProviderForm) -> ProviderForm:
    values = {k: _text(v) if isinstance(v, str) else v for k, v in dataclasses.asdict(form).items()}
    if not values["name"]:
        raise ValidationError("Il nome dell'ente è obbligatorio.", "name")
    code = (values["cf_piva"] or "").replace(" ", "").upper()
    if code:
        if len(code) == 16:
            try:
                code = cf.decode(code).code
            except cf.InvalidCodiceFiscale as exc:
                raise ValidationError(str(exc), "cf_piva") from exc
        else:
            try:
                code = check_partita_iva(code)
            except ValidationError as exc:
                raise ValidationError(str(exc), "cf_piva") from exc
    values["cf_piva"] = code or None
    prov = (values["provincia"] or "").upper()
    if prov and (len(prov) != 2 or not prov.isalpha()):
        raise ValidationError("Provincia: indicare la sigla di 2 lettere.", "provincia")
    values["provincia"] = prov or None
    email = (values["email"] or "").lower()
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValidationError("L'indirizzo email non è valido.", "email")
    values["email"] = email or None
    return ProviderForm(**values)


def _check_provider_unique(session: Session, form: ProviderForm, exclude: int | None) -> None:
    if form.cf_piva:
        stmt = select(TrainingProvider.id).where(TrainingProvider.cf_piva == form.cf_piva)
        if exclude is not None:
            stmt = stmt.where(TrainingProvider.id != exclude)
        if session.scalar(stmt):
            raise ValidationError("Esiste già un ente con questa partita IVA o codice fiscale.",
                                  "cf_piva")


def create_provider(ctx: Context, form: ProviderForm) -> int:
    clean = _clean_provider(form)
    with ctx.write() as s:
        _check_provider_unique(s, clean, None)
        provider = TrainingProvider(**dataclasses.asdict(clean))
        s.add(provider)
        s.flush()
        return provider.id


def update_provider(ctx: Context, provider_id: int, expected_version: int,
                    form: ProviderForm) -> None:
    clean = _clean_provider(form)
    with ctx.write() as s:
        _check_provider_unique(s, clean, provider_id)
        current = s.get(TrainingProvider, provider_id)
        if current is None:
            raise NotFound("Ente di formazione non trovato.")
        changed = {k: v for k, v in dataclasses.asdict(clean).items() if getattr(current, k) != v}
        update_record(s, TrainingProvider, provider_id, expected_version, changed)


def list_providers(ctx: Context) -> list[ProviderRow]:
    courses = (select(func.count(Course.id)).where(Course.provider_id == TrainingProvider.id)
               .correlate(TrainingProvider).scalar_subquery())
    fields = [f.name for f in dataclasses.fields(ProviderForm)]
    with ctx.read() as s:
        return [ProviderRow(p.id, p.version, ProviderForm(**{k: getattr(p, k) for k in fields}), n)
                for p, n in s.execute(select(TrainingProvider, courses)
                                      .order_by(TrainingProvider.name, TrainingProvider.id))]


# --------------------------------------------------------------------------- courses


@dataclass
class CourseForm:
    provider_id: int | None = None
    title: str = ""
    code: str | None = None
    area: str | None = None
    hours: float = 0.0
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    seats: int = 0
    cost_cents: int = 0
    certificate_type: str | None = None
    min_attendance_pct: int = 70
    location: str | None = None
    status: str = CourseStatus.PROGRAMMATO


COURSE_FIELDS = tuple(f.name for f in dataclasses.fields(CourseForm))


@dataclass(frozen=True)
class CourseRow:
    id: int
    version: int
    form: CourseForm
    provider_name: str
    seats_taken: int
    sessions: int
    scheduled_hours: float

    @property
    def title(self) -> str:
        return self.form.title

    @property
    def seats_free(self) -> int:
        return max(0, self.form.seats - self.seats_taken)


@dataclass(frozen=True)
class SessionRow:
    id: int
    course_id: int
    starts_at: dt.datetime
    hours: float
    topic: str | None
    recorded: int  # attendance rows recorded for this lesson


def _clean_course(form: CourseForm) -> CourseForm:
    values = dataclasses.asdict(form)
    for key in ("title", "code", "area", "certificate_type", "location"):
        values[key] = _text(values[key])
    if values["provider_id"] is None:
        raise ValidationError("Scegliere l'ente di formazione.", "provider_id")
    if not values["title"]:
        raise ValidationError("Il titolo del corso è obbligatorio.", "title")
    if not values["hours"] or values["hours"] <= 0:
        raise ValidationError("Le ore del corso devono essere più di zero.", "hours")
    if values["seats"] is None or values["seats"] < 0:
        raise ValidationError("I posti non possono essere negativi.", "seats")
    if values["cost_cents"] is None or values["cost_cents"] < 0:
        raise ValidationError("Il costo non può essere negativo.", "cost_cents")
    pct = values["min_attendance_pct"]
    if pct is None or not 0 <= pct <= 100:
        raise ValidationError("La frequenza minima è una percentuale tra 0 e 100.",
                              "min_attendance_pct")
    if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
        raise ValidationError("La fine del corso precede l'inizio.", "ends_on")
    if values["status"] not in set(CourseStatus):
        raise ValidationError(f"Stato del corso sconosciuto: {values['status']}.", "status")
    return CourseForm(**values)


def _check_course(session: Session, form: CourseForm, course_id: int | None) -> None:
    if session.get(TrainingProvider, form.provider_id) is None:
        raise ValidationError("Ente di formazione non trovato.", "provider_id")
    if form.code:
        stmt = select(Course.id).where(Course.code == form.code)
        if course_id is not None:
            stmt = stmt.where(Course.id != course_id)
        if session.scalar(stmt):
            raise ValidationError("Esiste già un corso con questo codice.", "code")


def create_course(ctx: Context, form: CourseForm) -> int:
    clean = _clean_course(form)
    with ctx.write() as s:
        _check_course(s, clean, None)
        course = Course(**dataclasses.asdict(clean), seats_taken=0)
        s.add(course)
        s.flush()
        return course.id


def update_course(ctx: Context, course_id: int, expected_version: int, form: CourseForm) -> None:
    """Save an edited course; seats and hours cannot drop below what is already used."""
    clean = _clean_course(form)
    with ctx.write() as s:
        _check_course(s, clean, course_id)
        current = s.get(Course, course_id)
        if current is None:
            raise NotFound("Corso non trovato.")
        if clean.seats < current.seats_taken:
            raise ValidationError(f"{current.seats_taken} posti sono già assegnati da voucher "
                                  "approvati: i posti non possono essere meno.", "seats")
        scheduled = s.scalar(select(func.coalesce(func.sum(CourseSession.hours), 0.0))
                             .where(CourseSession.course_id == course_id)) or 0.0
        if clean.hours < scheduled:
            raise ValidationError(f"Le lezioni in calendario sommano già {scheduled:g} ore: le ore "
                                  "del corso non possono essere meno.", "hours")
        changed = {k: v for k, v in dataclasses.asdict(clean).items() if getattr(current, k) != v}
        update_record(s, Course, course_id, expected_version, changed)


def _course_rows(session: Session, stmt) -> list[CourseRow]:  # type: ignore[no-untyped-def]
    sessions = (select(func.count(CourseSession.id)).where(CourseSession.course_id == Course.id)
                .correlate(Course).scalar_subquery())
    hours = (select(func.coalesce(func.sum(CourseSession.hours), 0.0))
             .where(CourseSession.course_id == Course.id).correlate(Course).scalar_subquery())
    query = stmt.add_columns(TrainingProvider.name, sessions, hours).join(
        TrainingProvider, TrainingProvider.id == Course.provider_id)
    return [CourseRow(c.id, c.version, CourseForm(**{k: getattr(c, k) for k in COURSE_FIELDS}),
                      name, c.seats_taken, n, float(h))
            for c, name, n, h in session.execute(query)]


def list_courses(ctx: Context, *, provider_id: int | None = None, status: str | None = None,
                 text: str = "", open_only: bool = False, limit: int = 500) -> list[CourseRow]:
    """Courses by start date, newest first. ``open_only``: programmed or in progress."""
    stmt = select(Course)
    if provider_id is not None:
        stmt = stmt.where(Course.provider_id == provider_id)
    if status:
        stmt = stmt.where(Course.status == status)
    if open_only:
        stmt = stmt.where(Course.status.in_([CourseStatus.PROGRAMMATO, CourseStatus.IN_CORSO]))
    with ctx.read() as s:
        rows = _course_rows(s, stmt.order_by(Course.starts_on.desc(), Course.id.desc()))
    words = fold(text).split()
    if words:
        rows = [r for r in rows if all(w in fold(f"{r.form.code} {r.title} {r.form.area} "
                                                 f"{r.provider_name}") for w in words)]
    return rows[:limit]


def get_course(ctx: Context, course_id: int) -> CourseRow:
    with ctx.read() as s:
        rows = _course_rows(s, select(Course).where(Course.id == course_id))
    if not rows:
        raise NotFound("Corso non trovato.")
    return rows[0]


def add_session(ctx: Context, course_id: int, starts_at: dt.datetime, hours: float,
                topic: str | None = None) -> int:
    """A lesson of the course: within its dates, and within its total hours."""
    if not hours or hours <= 0:
        raise ValidationError("Le ore della lezione devono essere più di zero.", "hours")
    if hours > MAX_SESSION_HOURS:
        raise ValidationError(f"Una lezione dura al massimo {MAX_SESSION_HOURS:g} ore.", "hours")
    with ctx.write() as s:
        course = s.get(Course, course_id)
        if course is None:
            raise NotFound("Corso non trovato.")
        if course.status == CourseStatus.ANNULLATO:
            raise ValidationError("Il corso è annullato.", "course")
        day = starts_at.date()
        starts, ends = course.starts_on, course.ends_on
        if (starts and day < starts) or (ends and day > ends):
            period = " – ".join(d.strftime("%d/%m/%Y") for d in (starts, ends) if d)
            raise ValidationError(f"La lezione cade fuori dalle date del corso ({period}).",
                                  "starts_at")
        if s.scalar(select(CourseSession.id).where(CourseSession.course_id == course_id,
                                                   CourseSession.starts_at == starts_at)):
            raise ValidationError("C'è già una lezione del corso a quest'ora.", "starts_at")
        scheduled = s.scalar(select(func.coalesce(func.sum(CourseSession.hours), 0.0))
                             .where(CourseSession.course_id == course_id)) or 0.0
        if scheduled + hours > course.hours + 1e-9:
            raise ValidationError(
                f"Il corso dura {course.hours:g} ore e ne ha già {scheduled:g} in calendario: "
                f"restano {max(0.0, course.hours - scheduled):g} ore.", "hours")
        lesson = CourseSession(course_id=course_id, starts_at=starts_at.replace(microsecond=0),
                               hours=hours, topic=_text(topic))
        s.add(lesson)
        s.flush()
        return lesson.id


def list_sessions(ctx: Context, course_id: int) -> list[SessionRow]:
    recorded = (select(func.count(Attendance.id)).where(Attendance.session_id == CourseSession.id)
                .correlate(CourseSession).scalar_subquery())
    with ctx.read() as s:
        return [SessionRow(i, course_id, at, h, topic, n) for i, at, h, topic, n in s.execute(
            select(CourseSession.id, CourseSession.starts_at, CourseSession.hours,
                   CourseSession.topic, recorded)
            .where(CourseSession.course_id == course_id)
            .order_by(CourseSession.starts_at, CourseSession.id))]


# --------------------------------------------------------------------------- funds


@dataclass
class FundForm:
    name: str = ""
    kind: str = FundKind.FONDO_NUOVE_COMPETENZE
    year: int | None = None
    budget_cents: int = 0
    active: bool = True
    notes: str | None = None
    region: str | None = None  # a regional fund's Region; None: valid everywhere


@dataclass(frozen=True)
class FundRow:
    id: int
    version: int
    form: FundForm
    committed_cents: int
    spent_cents: int
    vouchers: int

    @property
    def name(self) -> str:
        return self.form.name

    @property
    def budget_cents(self) -> int:
        return self.form.budget_cents

    @property
    def remaining_cents(self) -> int:
        return self.form.budget_cents - self.committed_cents - self.spent_cents

    @property
    def used_fraction(self) -> float:
        """Committed and spent over budget, 0..1 (1 for an empty budget)."""
        if self.form.budget_cents <= 0:
            return 1.0
        return min(1.0, (self.committed_cents + self.spent_cents) / self.form.budget_cents)


def _clean_fund(form: FundForm) -> FundForm:
    values = dataclasses.asdict(form)
    values["name"] = _text(values["name"])
    values["notes"] = (values["notes"] or "").strip() or None
    if not values["name"]:
        raise ValidationError("Il nome del fondo è obbligatorio.", "name")
    if values["kind"] not in set(FundKind):
        raise ValidationError(f"Tipo di fondo sconosciuto: {values['kind']}.", "kind")
    if values["year"] is not None and not 2000 <= values["year"] <= 2100:
        raise ValidationError("Anno non valido.", "year")
    if values["budget_cents"] is None or values["budget_cents"] < 0:
        raise ValidationError("Il budget non può essere negativo.", "budget_cents")
    if values["region"]:
        region = regions.canonical(values["region"])
        if region is None:
            raise ValidationError(f"Regione sconosciuta: {values['region']}.", "region")
        if values["kind"] != FundKind.REGIONALE:
            raise ValidationError("Solo un fondo regionale è limitato a una Regione: i fondi "
                                  "nazionali valgono ovunque.", "region")
        values["region"] = region
    else:
        values["region"] = None
    return FundForm(**values)


def _check_fund_name(session: Session, name: str, exclude: int | None) -> None:
    stmt = select(Fund.id).where(Fund.name == name)
    if exclude is not None:
        stmt = stmt.where(Fund.id != exclude)
    if session.scalar(stmt):
        raise ValidationError("Esiste già un fondo con questo nome.", "name")


def create_fund(ctx: Context, form: FundForm) -> int:
    """A new fund (team leaders and up: a fund's budget is what caps the vouchers)."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "creare un fondo")
    clean = _clean_fund(form)
    with ctx.write() as s:
        _check_fund_name(s, clean.name, None)
        fund = Fund(**dataclasses.asdict(clean), committed_cents=0, spent_cents=0)
        s.add(fund)
        s.flush()
        return fund.id


def update_fund(ctx: Context, fund_id: int, expected_version: int, form: FundForm) -> None:
    """Edit a fund (team leaders and up); the budget cannot drop below what is already
    committed and spent."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "modificare un fondo o il suo budget")
    clean = _clean_fund(form)
    with ctx.write() as s:
        _check_fund_name(s, clean.name, fund_id)
        current = s.get(Fund, fund_id)
        if current is None:
            raise NotFound("Fondo non trovato.")
        used = current.committed_cents + current.spent_cents
        if clean.budget_cents < used:
            raise ValidationError(f"Sul fondo sono già impegnati o spesi {euro(used)}: il budget "
                                  "non può essere inferiore.", "budget_cents")
        changed = {k: v for k, v in dataclasses.asdict(clean).items() if getattr(current, k) != v}
        update_record(s, Fund, fund_id, expected_version, changed)


def list_funds(ctx: Context, *, active_only: bool = False,
               worker_id: int | None = None) -> list[FundRow]:
    """Funds, active first. ``worker_id``: only those that can pay for that worker (a
    regional fund of another Region is left out; see ``vouchers.fund_refusal``)."""
    count = (select(func.count(Voucher.id)).where(Voucher.fund_id == Fund.id)
             .correlate(Fund).scalar_subquery())
    stmt = select(Fund, count)
    if active_only:
        stmt = stmt.where(Fund.active.is_(True))
    fields = [f.name for f in dataclasses.fields(FundForm)]
    with ctx.read() as s:
        region = None
        if worker_id is not None:
            worker = s.get(Worker, worker_id)
            if worker is None:
                raise NotFound("Fascicolo non trovato.")
            region = worker_region(s, worker, ctx.actor.office_id if ctx.actor else None)
        return [FundRow(f.id, f.version, FundForm(**{k: getattr(f, k) for k in fields}),
                        f.committed_cents, f.spent_cents, n)
                for f, n in s.execute(stmt.order_by(Fund.active.desc(), Fund.name))
                if worker_id is None or fund_refusal(f, region) is None]
