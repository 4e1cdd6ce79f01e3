"""The vertenza as something the office manages: its data, sites, parties, the tavolo's
meetings, and how each worker of the cohort left the "to place" count.

Team leaders (*responsabile*) and up edit; operators read. Every write is one
transaction, audited by the ORM hook (``core.audit``) as the acting operator. A
vertenza's cohort is the workers whose current employment situation names it.

Rules kept here, for the window and the command line alike:
- code, title and company are required; the code is unique; the company's codice fiscale
  is 11 digits (with the partita IVA's check digit) or 16 characters, the partita IVA 11
  digits with a valid check digit;
- dates keep their order: agreement, CIGS and closing not before the opening, CIGS "to"
  not before "from"; a closing date makes the vertenza *chiusa*, none *aperta*;
- a meeting's next meeting comes after it; a cohort exit is dated, not in the future,
  and only for a worker of a vertenza.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sportello.core import permissions
from sportello.core.codes import (
    COHORT_EXITS,
    PARTY_KINDS,
    SAFETY_NETS,
    CohortExit,
    FileStatus,
    PartyKind,
    Role,
    VertenzaSafetyNet,
    VertenzaStatus,
)
from sportello.core.context import Context
from sportello.core.errors import ConflictError, NotFound, ValidationError
from sportello.core.models import (
    EmploymentSituation,
    TavoloMeeting,
    Vertenza,
    VertenzaParty,
    VertenzaSite,
    Worker,
)
from sportello.core.rules import fields as rules
from sportello.core.services.business import check_partita_iva

EDIT_ROLE = Role.RESPONSABILE


def can_edit(ctx: Context) -> bool:
    """Whether the acting operator may change vertenze (the window shows it read-only else)."""
    return permissions.has_role(ctx.actor, EDIT_ROLE)


def _require_edit(ctx: Context, what: str) -> None:
    permissions.require(ctx.actor, EDIT_ROLE, what)


# --------------------------------------------------------------------------- plain rows


@dataclass(frozen=True)
class VertenzaSummary:
    """One vertenza in the list, with its figures."""

    id: int
    code: str
    title: str
    company_name: str
    status: str
    safety_net: str | None
    workers: int  # the cohort: workers whose current situation names this vertenza
    open_files: int  # of whom with an open file
    exits: int  # of whom out of the "to place" count (cohort_exit)
    last_meeting: dt.date | None
    next_meeting: dt.date | None

    @property
    def to_place(self) -> int:
        return self.workers - self.exits


@dataclass(frozen=True)
class SiteRow:
    id: int
    comune: str
    provincia: str | None
    address: str | None
    workers_count: int | None


@dataclass(frozen=True)
class PartyRow:
    id: int
    kind: str
    name: str
    contact: str | None


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: dt.date
    place: str | None
    online: bool
    attendees: str | None
    decisions: str | None
    minutes: str | None
    documents: str | None
    next_meeting_on: dt.date | None


@dataclass(frozen=True)
class CohortRow:
    worker_id: int
    surname: str
    name: str
    codice_fiscale: str
    file_status: str
    cohort_exit: str | None
    cohort_exit_on: dt.date | None
    cohort_exit_note: str | None


@dataclass(frozen=True)
class VertenzaDetail:
    id: int
    version: int
    code: str
    title: str
    company_name: str
    company_cf: str | None
    company_piva: str | None
    region: str | None
    status: str
    safety_net: str | None
    opened_on: dt.date | None
    agreement_on: dt.date | None
    cigs_from: dt.date | None
    cigs_to: dt.date | None
    closed_on: dt.date | None
    workers_expected: int | None
    notes: str | None
    sites: tuple[SiteRow, ...]
    parties: tuple[PartyRow, ...]
    meetings: tuple[MeetingRow, ...]  # newest first


# --------------------------------------------------------------------------- validation

# What the editor changes, with the Italian name used in messages.
VERTENZA_FIELDS: dict[str, str] = {
    "code": "Codice", "title": "Titolo", "company_name": "Azienda",
    "company_cf": "Codice fiscale dell'azienda", "company_piva": "Partita IVA",
    "region": "Regione", "safety_net": "Ammortizzatore in vigore", "opened_on": "Apertura",
    "agreement_on": "Accordo firmato", "cigs_from": "CIGS dal", "cigs_to": "CIGS al",
    "closed_on": "Chiusura", "workers_expected": "Lavoratori previsti", "notes": "Note",
}
_LIMITS = {"code": 40, "title": 200, "company_name": 200, "region": 60}
_DATES = ("opened_on", "agreement_on", "cigs_from", "cigs_to", "closed_on")
_TEXT_LIMIT = rules.MULTILINE_LIMIT


def _text(label: str, field: str, value: object, limit: int = rules.LINE_LIMIT,
          required: bool = False, multiline: bool = False) -> str | None:
    try:
        found = rules.lines(value, limit) if multiline else rules.line(value, limit)
    except rules.RuleError as exc:
        raise ValidationError(f"{label}: {exc}.", field) from None
    if required and not found:
        raise ValidationError(f"{label}: campo obbligatorio.", field)
    return found


def _company_cf(value: object) -> str | None:
    found = re.sub(r"\s+", "", str(value or "")).upper() or None
    if found is None:
        return None
    if found.isdigit() and len(found) == 11:
        try:
            return check_partita_iva(found)
        except ValidationError:
            raise ValidationError(f"Codice fiscale dell'azienda «{found}»: cifra di controllo "
                                  "errata.", "company_cf") from None
    if len(found) == 16 and found.isalnum():
        return found
    raise ValidationError(f"Codice fiscale dell'azienda «{found[:20]}»: servono 11 cifre "
                          "(società) o 16 caratteri (persona).", "company_cf")


def _piva(value: object) -> str | None:
    raw = re.sub(r"\s+", "", str(value or ""))
    if not raw:
        return None
    try:
        return check_partita_iva(raw)
    except ValidationError as exc:
        raise ValidationError(f"Partita IVA «{raw[:20]}»: {str(exc)[0].lower()}{str(exc)[1:]}",
                              "company_piva") from None


def _check_values(values: dict[str, Any]) -> dict[str, Any]:
    """The editor's values, cleaned; a ValidationError names the first wrong field."""
    unknown = set(values) - set(VERTENZA_FIELDS)
    if unknown:
        raise ValidationError(f"Campi sconosciuti: {', '.join(sorted(unknown))}.")
    out: dict[str, Any] = {}
    for key, value in values.items():
        label = VERTENZA_FIELDS[key]
        if key in ("code", "title", "company_name"):
            text = _text(label, key, value, _LIMITS[key], required=True)
            out[key] = text.upper() if key == "code" and text else text
            if key == "code" and text and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text):
                raise ValidationError(f"{label} «{text}»: solo lettere, cifre, punto, trattino "
                                      "e trattino basso, senza spazi.", key)
        elif key == "region":
            out[key] = _text(label, key, value, _LIMITS[key])
        elif key == "notes":
            out[key] = _text(label, key, value, _TEXT_LIMIT, multiline=True)
        elif key == "company_cf":
            out[key] = _company_cf(value)
        elif key == "company_piva":
            out[key] = _piva(value)
        elif key == "safety_net":
            if value in (None, ""):
                out[key] = None
            elif str(value) not in set(VertenzaSafetyNet):
                raise ValidationError(f"{label}: «{value}» non è tra "
                                      f"{', '.join(VertenzaSafetyNet)}.", key)
            else:
                out[key] = str(value)
        elif key == "workers_expected":
            if value is not None and (not isinstance(value, int) or value < 0 or value > 1_000_000):
                raise ValidationError(f"{label}: un numero intero da 0 a 1.000.000.", key)
            out[key] = value
        else:  # dates
            if value is not None and not isinstance(value, dt.date):
                raise ValidationError(f"{label}: data non valida.", key)
            out[key] = value
    return out


def _check_dates(v: Vertenza) -> None:
    opened = v.opened_on
    for key in ("agreement_on", "cigs_from", "closed_on"):
        day = getattr(v, key)
        if opened and day and day < opened:
            raise ValidationError(f"{VERTENZA_FIELDS[key]} ({day:%d/%m/%Y}) precede l'apertura "
                                  f"della vertenza ({opened:%d/%m/%Y}).", key)
    if v.cigs_from and v.cigs_to and v.cigs_to < v.cigs_from:
        raise ValidationError(f"CIGS al ({v.cigs_to:%d/%m/%Y}) precede CIGS dal "
                              f"({v.cigs_from:%d/%m/%Y}).", "cigs_to")


# --------------------------------------------------------------------------- vertenza


def create_vertenza(ctx: Context, **values: Any) -> int:
    """A new vertenza (code, title and company required); its id."""
    _require_edit(ctx, "creare una vertenza")
    for key in ("code", "title", "company_name"):
        values.setdefault(key, None)
    clean = _check_values(values)
    with ctx.write() as s:
        if s.scalar(select(Vertenza.id).where(Vertenza.code == clean["code"])):
            raise ValidationError(f"Esiste già una vertenza con codice «{clean['code']}».", "code")
        v = Vertenza(**clean)
        v.status = VertenzaStatus.CHIUSA if v.closed_on else VertenzaStatus.APERTA
        _check_dates(v)
        s.add(v)
        s.flush()
        return v.id


def update_vertenza(ctx: Context, vertenza_id: int, *, expected_version: int | None = None,
                    **values: Any) -> None:
    """Change the given fields; ``expected_version`` (what the editor read) guards against
    overwriting someone else's save."""
    _require_edit(ctx, "modificare una vertenza")
    clean = _check_values(values)
    with ctx.write() as s:
        v = _vertenza(s, vertenza_id)
        if expected_version is not None and v.version != expected_version:
            raise ConflictError("Un altro operatore ha modificato questa vertenza nel frattempo: "
                                "riaprirla per vedere le modifiche.")
        if "code" in clean and clean["code"] != v.code and s.scalar(
                select(Vertenza.id).where(Vertenza.code == clean["code"])):
            raise ValidationError(f"Esiste già una vertenza con codice «{clean['code']}».", "code")
        for key, value in clean.items():
            if getattr(v, key) != value:
                setattr(v, key, value)
        status = VertenzaStatus.CHIUSA if v.closed_on else VertenzaStatus.APERTA
        if v.status != status:
            v.status = status
        _check_dates(v)


def _vertenza(s: Session, vertenza_id: int) -> Vertenza:
    v = s.get(Vertenza, vertenza_id)
    if v is None:
        raise NotFound("Vertenza non trovata.")
    return v


def vertenza_id(ctx: Context, code: str) -> int:
    """The id of the vertenza with this code (any case)."""
    with ctx.read() as s:
        found = s.scalar(select(Vertenza.id).where(
            func.upper(Vertenza.code) == (code or "").strip().upper()))
    if found is None:
        raise NotFound(f"Nessuna vertenza con codice «{code}».")
    return found


# --------------------------------------------------------------------------- sites, parties, meetings


def _site_values(comune: object, provincia: object, address: object,
                 workers_count: object) -> dict[str, Any]:
    try:
        prov = rules.province(provincia)
    except rules.RuleError as exc:
        raise ValidationError(f"Provincia: {exc}.", "provincia") from None
    if workers_count is not None and (not isinstance(workers_count, int) or workers_count < 0):
        raise ValidationError("Lavoratori della sede: un numero intero da 0 in su.", "workers_count")
    return {"comune": _text("Comune della sede", "comune", comune, 100, required=True),
            "provincia": prov, "address": _text("Indirizzo della sede", "address", address),
            "workers_count": workers_count}


def _party_values(kind: object, name: object, contact: object) -> dict[str, Any]:
    if str(kind or "") not in set(PartyKind):
        raise ValidationError(f"Tipo di parte «{kind}» sconosciuto: uno tra "
                              f"{', '.join(PartyKind)}.", "kind")
    return {"kind": str(kind), "name": _text("Nome della parte", "name", name, required=True),
            "contact": _text("Recapito della parte", "contact", contact)}


def _meeting_values(held_on: object, place: object, online: object, attendees: object,
                    decisions: object, minutes: object, documents: object,
                    next_meeting_on: object) -> dict[str, Any]:
    if not isinstance(held_on, dt.date):
        raise ValidationError("Data dell'incontro: obbligatoria.", "held_on")
    if next_meeting_on is not None:
        if not isinstance(next_meeting_on, dt.date):
            raise ValidationError("Prossimo incontro: data non valida.", "next_meeting_on")
        if next_meeting_on <= held_on:
            raise ValidationError(f"Prossimo incontro ({next_meeting_on:%d/%m/%Y}): deve venire "
                                  f"dopo l'incontro del {held_on:%d/%m/%Y}.", "next_meeting_on")
    place_text = _text("Luogo", "place", place)
    if not place_text and not online:
        raise ValidationError("Indicare il luogo dell'incontro, oppure che si è tenuto online.",
                              "place")
    return {
        "held_on": held_on, "place": place_text, "online": bool(online),
        "attendees": _text("Presenti", "attendees", attendees, _TEXT_LIMIT, multiline=True),
        "decisions": _text("Decisioni", "decisions", decisions, _TEXT_LIMIT, multiline=True),
        "minutes": _text("Verbale", "minutes", minutes, 4 * _TEXT_LIMIT, multiline=True),
        "documents": _text("Documenti", "documents", documents, _TEXT_LIMIT, multiline=True),
        "next_meeting_on": next_meeting_on,
    }


_CHILDREN: dict[str, tuple[type[Any], str, Callable[..., dict[str, Any]]]] = {
    "site": (VertenzaSite, "Sede", _site_values),
    "party": (VertenzaParty, "Parte", _party_values),
    "meeting": (TavoloMeeting, "Incontro", _meeting_values),
}


def _add_child(ctx: Context, kind: str, vertenza_id: int, what: str,
               values: dict[str, Any]) -> int:
    _require_edit(ctx, what)
    model, _label, check = _CHILDREN[kind]
    clean = check(**values)
    with ctx.write() as s:
        _vertenza(s, vertenza_id)
        row = model(vertenza_id=vertenza_id, **clean)
        s.add(row)
        s.flush()
        return int(row.id)


def _child_row(s: Session, kind: str, row_id: int) -> Any:
    model, label, _check = _CHILDREN[kind]
    row = s.get(model, row_id)
    if row is None:
        raise NotFound(f"{label} non trovata." if kind != "meeting" else f"{label} non trovato.")
    return row


def _update_child(ctx: Context, kind: str, row_id: int, what: str,
                  values: dict[str, Any]) -> None:
    _require_edit(ctx, what)
    clean = _CHILDREN[kind][2](**values)
    with ctx.write() as s:
        row = _child_row(s, kind, row_id)
        for key, value in clean.items():
            if getattr(row, key) != value:
                setattr(row, key, value)


def _remove_child(ctx: Context, kind: str, row_id: int, what: str) -> None:
    _require_edit(ctx, what)
    with ctx.write() as s:
        s.delete(_child_row(s, kind, row_id))


def add_site(ctx: Context, vertenza_id: int, *, comune: str, provincia: str | None = None,
             address: str | None = None, workers_count: int | None = None) -> int:
    return _add_child(ctx, "site", vertenza_id, "aggiungere una sede alla vertenza",
                      dict(comune=comune, provincia=provincia, address=address,
                           workers_count=workers_count))


def update_site(ctx: Context, site_id: int, *, comune: str, provincia: str | None = None,
                address: str | None = None, workers_count: int | None = None) -> None:
    _update_child(ctx, "site", site_id, "modificare una sede della vertenza",
                  dict(comune=comune, provincia=provincia, address=address,
                       workers_count=workers_count))


def remove_site(ctx: Context, site_id: int) -> None:
    _remove_child(ctx, "site", site_id, "togliere una sede dalla vertenza")


def add_party(ctx: Context, vertenza_id: int, *, kind: str, name: str,
              contact: str | None = None) -> int:
    return _add_child(ctx, "party", vertenza_id, "aggiungere una parte al tavolo",
                      dict(kind=kind, name=name, contact=contact))


def update_party(ctx: Context, party_id: int, *, kind: str, name: str,
                 contact: str | None = None) -> None:
    _update_child(ctx, "party", party_id, "modificare una parte del tavolo",
                  dict(kind=kind, name=name, contact=contact))


def remove_party(ctx: Context, party_id: int) -> None:
    _remove_child(ctx, "party", party_id, "togliere una parte dal tavolo")


def add_meeting(ctx: Context, vertenza_id: int, *, held_on: dt.date, place: str | None = None,
                online: bool = False, attendees: str | None = None, decisions: str | None = None,
                minutes: str | None = None, documents: str | None = None,
                next_meeting_on: dt.date | None = None) -> int:
    """Record a meeting of the tavolo."""
    return _add_child(ctx, "meeting", vertenza_id, "registrare un incontro del tavolo",
                      dict(held_on=held_on, place=place, online=online, attendees=attendees,
                           decisions=decisions, minutes=minutes, documents=documents,
                           next_meeting_on=next_meeting_on))


def update_meeting(ctx: Context, meeting_id: int, *, held_on: dt.date, place: str | None = None,
                   online: bool = False, attendees: str | None = None,
                   decisions: str | None = None, minutes: str | None = None,
                   documents: str | None = None, next_meeting_on: dt.date | None = None) -> None:
    _update_child(ctx, "meeting", meeting_id, "modificare un incontro del tavolo",
                  dict(held_on=held_on, place=place, online=online, attendees=attendees,
                       decisions=decisions, minutes=minutes, documents=documents,
                       next_meeting_on=next_meeting_on))


def remove_meeting(ctx: Context, meeting_id: int) -> None:
    _remove_child(ctx, "meeting", meeting_id, "cancellare un incontro del tavolo")


def previous_meeting(ctx: Context, vertenza_id: int, before: dt.date) -> dt.date | None:
    """The date of the latest meeting of the vertenza's tavolo held before ``before``."""
    with ctx.read() as s:
        return s.scalar(select(func.max(TavoloMeeting.held_on)).where(
            TavoloMeeting.vertenza_id == vertenza_id, TavoloMeeting.held_on < before))


# --------------------------------------------------------------------------- cohort


def _cohort_member(vertenza_id: Any) -> Any:
    """Condition on Worker: their current situation names the vertenza."""
    return Worker.id.in_(select(EmploymentSituation.worker_id).where(
        EmploymentSituation.vertenza_id == vertenza_id,
        EmploymentSituation.is_current.is_(True)))


def set_cohort_exit(ctx: Context, worker_id: int, exit: str | None, on: dt.date | None = None,
                    note: str | None = None, today: dt.date | None = None) -> None:
    """Record how (and when) a worker left the cohort's "to place" count; ``exit`` None
    puts them back in it."""
    _require_edit(ctx, "registrare l'uscita di un lavoratore dalla coorte")
    today = today or dt.date.today()
    if exit is not None and exit not in set(CohortExit):
        raise ValidationError(f"Uscita dalla coorte «{exit}» sconosciuta: una tra "
                              f"{', '.join(CohortExit)}.", "cohort_exit")
    if exit is not None:
        if on is None:
            raise ValidationError("Uscita dalla coorte: indicare la data.", "cohort_exit_on")
        if on > today:
            raise ValidationError(f"Uscita dalla coorte: la data {on:%d/%m/%Y} è nel futuro.",
                                  "cohort_exit_on")
    clean_note = _text("Nota sull'uscita", "cohort_exit_note", note, _TEXT_LIMIT, multiline=True)
    with ctx.write() as s:
        worker = s.get(Worker, worker_id)
        if worker is None:
            raise NotFound("Fascicolo non trovato.")
        in_vertenza = s.scalar(select(EmploymentSituation.id).where(
            EmploymentSituation.worker_id == worker_id, EmploymentSituation.is_current.is_(True),
            EmploymentSituation.vertenza_id.is_not(None)).limit(1))
        if exit is not None and in_vertenza is None:
            raise ValidationError(f"{worker.surname} {worker.name} non fa parte di nessuna "
                                  "vertenza.", "cohort_exit")
        new = (exit, on if exit else None, clean_note if exit else None)
        if (worker.cohort_exit, worker.cohort_exit_on, worker.cohort_exit_note) != new:
            worker.cohort_exit, worker.cohort_exit_on, worker.cohort_exit_note = new


COHORT_LIMIT = 5000


def cohort(ctx: Context, vertenza_id: int, limit: int = COHORT_LIMIT) -> list[CohortRow]:
    """The vertenza's workers, by surname and name, with their cohort exit (the first
    ``limit``: ``figures`` counts them all)."""
    with ctx.read() as s:
        _vertenza(s, vertenza_id)
        rows = s.execute(
            select(Worker.id, Worker.surname, Worker.name, Worker.codice_fiscale, Worker.status,
                   Worker.cohort_exit, Worker.cohort_exit_on, Worker.cohort_exit_note)
            .where(_cohort_member(vertenza_id))
            .order_by(Worker.sort_surname, Worker.id).limit(limit)).all()
    return [CohortRow(*row) for row in rows]


# --------------------------------------------------------------------------- read side


def list_vertenze(ctx: Context, today: dt.date | None = None) -> list[VertenzaSummary]:
    """Every vertenza with its figures (counted in SQL), open ones first, by title."""
    return _summaries(ctx, today or dt.date.today())


def figures(ctx: Context, vertenza_id: int, today: dt.date | None = None) -> VertenzaSummary:
    """One vertenza's figures, as the list shows them."""
    found = _summaries(ctx, today or dt.date.today(), vertenza_id)
    if not found:
        raise NotFound("Vertenza non trovata.")
    return found[0]


def _summaries(ctx: Context, today: dt.date, vertenza_id: int | None = None
               ) -> list[VertenzaSummary]:
    """The figures in one statement. Distinct workers: a worker with two current
    situations naming the same vertenza (an anomaly) still counts once."""
    es, w = EmploymentSituation, Worker
    member = and_(es.is_current.is_(True), es.vertenza_id.is_not(None)
                  if vertenza_id is None else es.vertenza_id == vertenza_id)
    figures = (
        select(es.vertenza_id.label("vid"),
               func.count(func.distinct(w.id)).label("workers"),
               func.count(func.distinct(w.id)).filter(w.status == FileStatus.APERTO).label("open"),
               func.count(func.distinct(w.id)).filter(w.cohort_exit.is_not(None)).label("exits"))
        .join(w, w.id == es.worker_id).where(member).group_by(es.vertenza_id).subquery())
    last = (select(TavoloMeeting.vertenza_id.label("vid"),
                   func.max(TavoloMeeting.held_on).label("last"))
            .where(TavoloMeeting.held_on <= today).group_by(TavoloMeeting.vertenza_id).subquery())
    nxt = (select(TavoloMeeting.vertenza_id.label("vid"),
                  func.max(TavoloMeeting.next_meeting_on).label("next"))
           .group_by(TavoloMeeting.vertenza_id).subquery())
    stmt = (select(Vertenza.id, Vertenza.code, Vertenza.title, Vertenza.company_name,
                   Vertenza.status, Vertenza.safety_net,
                   func.coalesce(figures.c.workers, 0), func.coalesce(figures.c.open, 0),
                   func.coalesce(figures.c.exits, 0), last.c.last, nxt.c.next)
            .outerjoin(figures, figures.c.vid == Vertenza.id)
            .outerjoin(last, last.c.vid == Vertenza.id)
            .outerjoin(nxt, nxt.c.vid == Vertenza.id)
            .order_by(Vertenza.status, Vertenza.title, Vertenza.id))
    if vertenza_id is not None:
        stmt = stmt.where(Vertenza.id == vertenza_id)
    with ctx.read() as s:
        rows = s.execute(stmt).all()
    out = []
    for row in rows:
        next_meeting = row[10] if row[10] and row[10] >= today else None
        out.append(VertenzaSummary(*row[:10], next_meeting))
    return out


def get_vertenza(ctx: Context, vertenza_id: int) -> VertenzaDetail:
    with ctx.read() as s:
        v = _vertenza(s, vertenza_id)
        sites = tuple(SiteRow(r.id, r.comune, r.provincia, r.address, r.workers_count)
                      for r in s.scalars(select(VertenzaSite).where(
                          VertenzaSite.vertenza_id == vertenza_id).order_by(VertenzaSite.id)))
        order = list(PartyKind)  # Region first, then municipalities, company, unions...
        parties = tuple(sorted(
            (PartyRow(r.id, r.kind, r.name, r.contact) for r in s.scalars(
                select(VertenzaParty).where(VertenzaParty.vertenza_id == vertenza_id))),
            key=lambda p: (order.index(PartyKind(p.kind)), p.name.casefold(), p.id)))
        meetings = tuple(
            MeetingRow(r.id, r.held_on, r.place, r.online, r.attendees, r.decisions, r.minutes,
                       r.documents, r.next_meeting_on)
            for r in s.scalars(select(TavoloMeeting).where(
                TavoloMeeting.vertenza_id == vertenza_id)
                .order_by(TavoloMeeting.held_on.desc(), TavoloMeeting.id.desc())))
        return VertenzaDetail(
            id=v.id, version=v.version, code=v.code, title=v.title,
            company_name=v.company_name, company_cf=v.company_cf, company_piva=v.company_piva,
            region=v.region, status=v.status, safety_net=v.safety_net, opened_on=v.opened_on,
            agreement_on=v.agreement_on, cigs_from=v.cigs_from, cigs_to=v.cigs_to,
            closed_on=v.closed_on, workers_expected=v.workers_expected, notes=v.notes,
            sites=sites, parties=parties, meetings=meetings)


# Labels of the codes above, for the command line and the exports.
LABELS = {"safety_net": SAFETY_NETS, "party": PARTY_KINDS, "cohort_exit": COHORT_EXITS}
