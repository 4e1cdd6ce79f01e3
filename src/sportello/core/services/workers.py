"""Worker files (fascicoli): create, read, update, find, duplicates and merge.

The GUI and the CLI pass plain values (``WorkerForm``) and get plain rows back.
A codice fiscale is validated and decoded here, once: birth date, sex and birthplace
are filled from it, and a contradiction with what was typed is refused naming the field.
An empty CAP is filled from its comune when the comune has exactly one (``core.postcodes``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, or_, select, update
from sqlalchemy.orm import Session

from sportello.core import codice_fiscale as cf
from sportello.core import postcodes
from sportello.core.context import Context
from sportello.core.errors import NotFound, SportelloError, ValidationError
from sportello.core.rules import fields
from sportello.core.models import (
    WORKER_CHILDREN,
    Application,
    AuditLog,
    Document,
    EmploymentSituation,
    FileStatus,
    ImportChange,
    Letter,
    Operator,
    Pathway,
    PathwayStatus,
    Role,
    ServicePact,
    Sex,
    Vertenza,
    Worker,
    WorkerLanguage,
)
from sportello.core.search import search_worker_ids
from sportello.core.text import fold
from sportello.core import audit, permissions
from sportello.core.services.records import update_record
from sportello.core.services import file_status


# --------------------------------------------------------------------------- plain data


@dataclass
class WorkerForm:
    """The editable fields of a worker's file, as typed in a form or read from a sheet."""

    codice_fiscale: str = ""
    surname: str = ""
    name: str = ""
    sex: str | None = None
    birth_date: dt.date | None = None
    birth_place: str | None = None
    birth_place_code: str | None = None
    birth_province: str | None = None
    citizenship: str | None = None
    residence_address: str | None = None
    residence_comune: str | None = None
    residence_cap: str | None = None
    residence_province: str | None = None
    domicile_address: str | None = None
    domicile_comune: str | None = None
    domicile_cap: str | None = None
    domicile_province: str | None = None
    phone: str | None = None
    mobile: str | None = None
    email: str | None = None
    education_level: str | None = None
    education_title: str | None = None
    driving_licence: str | None = None
    has_car: bool | None = None
    skills: str | None = None
    privacy_consent: bool = False
    privacy_consent_on: dt.date | None = None
    privacy_notice_version: str | None = None
    assigned_operator_id: int | None = None
    notes: str | None = None

    def values(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


FORM_FIELDS = tuple(f.name for f in dataclasses.fields(WorkerForm))

FIELD_LABELS = {
    "codice_fiscale": "Codice fiscale", "surname": "Cognome", "name": "Nome", "sex": "Sesso",
    "birth_date": "Data di nascita", "birth_place": "Luogo di nascita",
    "birth_place_code": "Codice catastale", "email": "Email", "phone": "Telefono",
    "mobile": "Cellulare", "residence_cap": "CAP di residenza", "domicile_cap": "CAP di domicilio",
    "residence_province": "Provincia di residenza", "domicile_province": "Provincia di domicilio",
    "privacy_consent_on": "Data del consenso",
}


@dataclass(frozen=True)
class WorkerRow:
    """One line of the worker list."""

    id: int
    surname: str
    name: str
    codice_fiscale: str
    birth_date: dt.date | None
    residence_comune: str | None
    phone: str | None
    status: str
    operator_name: str | None


@dataclass(frozen=True)
class WorkerDetail:
    id: int
    version: int
    form: WorkerForm
    status: str
    closed_on: dt.date | None
    closing_reason: str | None
    office_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    operator_name: str | None
    vertenza: str | None


@dataclass(frozen=True)
class SimilarPerson:
    id: int
    surname: str
    name: str
    codice_fiscale: str
    birth_date: dt.date | None
    reason: str


class ExistingFile(SportelloError):
    """The codice fiscale already has a file: open that one."""

    def __init__(self, worker_id: int, who: str) -> None:
        super().__init__(f"Esiste già il fascicolo di {who} con questo codice fiscale.")
        self.worker_id = worker_id


class SimilarPeopleFound(SportelloError):
    def __init__(self, candidates: list[SimilarPerson]) -> None:
        names = "; ".join(f"{c.surname} {c.name} ({c.codice_fiscale})" for c in candidates[:5])
        super().__init__(f"Esistono persone simili: {names}. Verificare prima di creare un nuovo "
                         "fascicolo.")
        self.candidates = candidates


@dataclass
class ListFilter:
    text: str = ""
    vertenza_id: int | None = None
    pathway_kind: str | None = None
    without_pathway: bool = False  # no open pathway (proposto, attivo, sospeso) of any kind
    status: str | None = None
    operator_id: int | None = None
    deadline_days: int | None = None
    today: dt.date | None = None
    # DOCUMENT_FILTERS: no live identity document; a patto printed and not returned signed
    documents: str | None = None


WITHOUT_ID_DOCUMENT = "senza_identita"
PACT_NOT_RETURNED = "patto_non_restituito"
DOCUMENT_FILTERS = {WITHOUT_ID_DOCUMENT: "Senza documento d'identità",
                    PACT_NOT_RETURNED: "Patto stampato, non restituito firmato"}


OPEN_PATHWAY = (PathwayStatus.PROPOSTO, PathwayStatus.ATTIVO, PathwayStatus.SOSPESO)

@dataclass(frozen=True)
class SortKey:
    column: ColumnElement[Any]
    may_be_empty: bool = False  # empty (NULL) values go last, in both directions


# One order on SQLite and PostgreSQL, the one a clerk expects. Text sorts on its folded
# form (text.worker_sort_keys: case, accents and apostrophes ignored, "Ștefănescu" next
# to "Stefani", imported "ROSSI" among the R), compared code point by code point on both
# engines (the keys are in the "C" collation on PostgreSQL). Empty values come last in
# both directions, and the worker's id breaks ties. Every order is one index read forwards
# or backwards (models.Worker, search.SORT_DESC_INDEXES), also with the tie-break: without
# it PostgreSQL sorted the whole table (issue 12: p95 182 ms against 43 ms on SQLite).
# The codice fiscale (A-Z, 0-9) and the status codes (lower-case a-z) sort alike in any
# collation, so they keep the server's.
SORT_COLUMNS = {
    "surname": SortKey(Worker.sort_surname),
    "name": SortKey(Worker.sort_name),
    "codice_fiscale": SortKey(Worker.codice_fiscale),
    "birth_date": SortKey(Worker.birth_date, may_be_empty=True),
    "residence_comune": SortKey(Worker.sort_comune, may_be_empty=True),
    "phone": SortKey(Worker.sort_phone, may_be_empty=True),  # what the list shows
    "status": SortKey(Worker.status),
    "updated_at": SortKey(Worker.updated_at),
}


# --------------------------------------------------------------------------- validation


def _checked(key: str, rule: Callable[[object], object], value: object) -> object:
    """``rule(value)``, a refusal naming the field."""
    try:
        return rule(value)
    except fields.RuleError as exc:
        raise ValidationError(f"{FIELD_LABELS.get(key, key)}: {exc}.", key) from None


def details_from_cf(code: str) -> dict[str, object]:
    """What a valid codice fiscale says about the person (for filling a form)."""
    decoded = cf.decode(code)
    return {
        "codice_fiscale": decoded.code,
        "sex": decoded.sex,
        "birth_date": decoded.birth_date,
        "birth_place": decoded.birthplace,
        "birth_place_code": decoded.belfiore,
        "birth_province": decoded.province,
    }


def normalise_form(form: WorkerForm) -> WorkerForm:
    """Trim, upper-case the CF and the provinces, fill birth data from the CF, then check."""
    values = form.values()
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = _checked(key, lambda v, k=key: fields.field_text(k, v), value)
    code = cf.normalise(values["codice_fiscale"] or "")  # type: ignore[arg-type]
    if not code:
        raise ValidationError("Il codice fiscale è obbligatorio.", "codice_fiscale")
    try:
        from_cf = details_from_cf(code)
    except cf.InvalidCodiceFiscale as exc:
        raise ValidationError(str(exc), "codice_fiscale") from exc
    values["codice_fiscale"] = from_cf["codice_fiscale"]
    if not values["surname"]:
        raise ValidationError("Il cognome è obbligatorio.", "surname")
    if not values["name"]:
        raise ValidationError("Il nome è obbligatorio.", "name")
    checks = (
        ("surname", {"surname": values["surname"]}),
        ("name", {"name": values["name"]}),
        ("sex", {"sex": values["sex"]}),
        ("birth_date", {"birth_date": values["birth_date"]}),
        ("birth_place_code", {"belfiore": values["birth_place_code"]}),
    )
    for key, given in checks:
        if values[key]:
            problems = cf.mismatches(code, **given)  # type: ignore[arg-type]
            if problems:
                raise ValidationError(problems[0], key)
    for key in ("sex", "birth_date", "birth_place", "birth_place_code", "birth_province"):
        if not values[key]:
            values[key] = from_cf[key]
    if values["sex"] not in (Sex.M, Sex.F):
        raise ValidationError("Il sesso deve essere M o F.", "sex")
    for key in ("residence_cap", "domicile_cap"):
        values[key] = _checked(key, fields.cap, values[key])
    for key in ("residence_province", "domicile_province"):
        values[key] = _checked(key, fields.province, values[key])
    postcodes.fill_caps(values)  # a comune with one CAP needs no typing
    values["email"] = _checked("email", fields.email, values["email"])
    for key in ("phone", "mobile"):
        values[key] = _checked(key, fields.phone, values[key])
    birth = values["birth_date"]
    if isinstance(birth, dt.date):
        try:
            fields.birth_date(birth)
        except fields.RuleError as exc:
            raise ValidationError(f"{exc}.", "birth_date") from None
    if values["privacy_consent"] and not values["privacy_consent_on"]:
        values["privacy_consent_on"] = dt.date.today()
    return WorkerForm(**values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- duplicates


def _similar_in(session: Session, form: WorkerForm, exclude_id: int | None = None) -> list[SimilarPerson]:
    """People whose name is close and whose birth date is the same or close."""
    target = fold(f"{form.surname} {form.name}")
    target_rev = fold(f"{form.name} {form.surname}")
    conditions = []  # candidates: born within a month, or sharing the surname
    if form.birth_date:
        month = dt.timedelta(days=31)
        conditions.append(Worker.birth_date.between(form.birth_date - month,
                                                    form.birth_date + month))
    surname_word = fold(form.surname).split()
    if surname_word and len(surname_word[0]) >= 3:
        conditions.append(Worker.id.in_(search_worker_ids(session, surname_word[0])))
    if not conditions:
        return []
    query = select(Worker).where(or_(*conditions))
    if exclude_id is not None:
        query = query.where(Worker.id != exclude_id)
    found: list[SimilarPerson] = []
    for w in session.scalars(query.limit(2000)):
        if w.codice_fiscale == form.codice_fiscale:
            continue
        name = fold(f"{w.surname} {w.name}")
        ratio = max(difflib.SequenceMatcher(None, target, name).ratio(),
                    difflib.SequenceMatcher(None, target_rev, name).ratio())
        if ratio < 0.8:
            continue
        if form.birth_date and w.birth_date:
            gap = abs((form.birth_date - w.birth_date).days)
            swapped = (form.birth_date.day, form.birth_date.month) == (w.birth_date.month,
                                                                       w.birth_date.day)
            if gap > 31 and not swapped and form.birth_date.year != w.birth_date.year:
                continue
            why = "stessa data di nascita" if gap == 0 else "data di nascita vicina"
        else:
            why = "stesso nome"
        found.append(SimilarPerson(w.id, w.surname, w.name, w.codice_fiscale, w.birth_date,
                                   f"nome simile, {why}"))
    return found[:20]


def find_similar(ctx: Context, form: WorkerForm) -> list[SimilarPerson]:
    with ctx.read() as s:
        return _similar_in(s, form)


def find_by_cf(ctx: Context, code: str) -> int | None:
    with ctx.read() as s:
        return s.scalar(select(Worker.id).where(Worker.codice_fiscale == cf.normalise(code)))


# --------------------------------------------------------------------------- create / read / update


def create(ctx: Context, form: WorkerForm, *, allow_similar: bool = False) -> int:
    """A new file. The CF already present -> ExistingFile; similar people -> SimilarPeopleFound."""
    clean = normalise_form(form)
    with ctx.write() as s:
        existing = s.scalars(select(Worker).where(Worker.codice_fiscale == clean.codice_fiscale)).first()
        if existing is not None:
            raise ExistingFile(existing.id, f"{existing.surname} {existing.name}")
        if not allow_similar:
            candidates = _similar_in(s, clean)
            if candidates:
                raise SimilarPeopleFound(candidates)
        worker = Worker(**clean.values())
        if ctx.actor is not None:
            worker.office_id = ctx.actor.office_id
            if worker.assigned_operator_id is None:
                worker.assigned_operator_id = ctx.actor.id
        s.add(worker)
        s.flush()
        return worker.id


def get(ctx: Context, worker_id: int, *, audit_open: bool = True) -> WorkerDetail:
    """The file; opening it is recorded in the audit log (who looked at whose data)."""
    with ctx.write() if audit_open else ctx.read() as s:
        w = s.get(Worker, worker_id)
        if w is None:
            raise NotFound("Fascicolo non trovato.")
        operator_name = None
        if w.assigned_operator_id:
            operator_name = s.scalar(select(Operator.full_name).where(Operator.id == w.assigned_operator_id))
        vertenza = s.scalar(
            select(Vertenza.title)
            .join(EmploymentSituation, EmploymentSituation.vertenza_id == Vertenza.id)
            .where(EmploymentSituation.worker_id == w.id, EmploymentSituation.is_current.is_(True))
            .limit(1)
        )
        if audit_open:
            audit.record(s, "open", entity="worker", entity_id=w.id, worker_id=w.id)
        form = WorkerForm(**{key: getattr(w, key) for key in FORM_FIELDS})
        return WorkerDetail(w.id, w.version, form, w.status, w.closed_on, w.closing_reason,
                            w.office_id, w.created_at, w.updated_at, operator_name, vertenza)


def save(ctx: Context, worker_id: int, expected_version: int, form: WorkerForm) -> WorkerDetail:
    """Save an edited file; refused (RecordConflict) if someone saved it meanwhile."""
    with ctx.read() as s:
        if s.scalar(select(Worker.anonymised_at).where(Worker.id == worker_id)) is not None:
            raise ValidationError("Il fascicolo è stato anonimizzato: non si può più modificare.")
    clean = normalise_form(form)
    with ctx.write() as s:
        other = s.scalar(select(Worker.id).where(Worker.codice_fiscale == clean.codice_fiscale,
                                                 Worker.id != worker_id))
        if other is not None:
            raise ValidationError("Questo codice fiscale appartiene a un altro fascicolo.",
                                  "codice_fiscale")
        current = s.get(Worker, worker_id)
        if current is None:
            raise NotFound("Fascicolo non trovato.")
        changed = {k: v for k, v in clean.values().items() if getattr(current, k) != v}
        update_record(s, Worker, worker_id, expected_version, changed)
    return get(ctx, worker_id, audit_open=False)


# --------------------------------------------------------------------------- list


def _filtered(flt: ListFilter, session: Session) -> Select[tuple[int]]:
    stmt = search_worker_ids(session, flt.text) if flt.text.strip() else select(Worker.id)
    if flt.status:
        stmt = stmt.where(Worker.status == flt.status)
    if flt.operator_id is not None:
        stmt = stmt.where(Worker.assigned_operator_id == flt.operator_id)
    if flt.vertenza_id is not None:
        stmt = stmt.where(exists().where(EmploymentSituation.worker_id == Worker.id,
                                         EmploymentSituation.vertenza_id == flt.vertenza_id))
    if flt.pathway_kind:
        stmt = stmt.where(exists().where(
            Pathway.worker_id == Worker.id, Pathway.kind == flt.pathway_kind,
            Pathway.status.in_(OPEN_PATHWAY)))
    if flt.without_pathway:
        stmt = stmt.where(~exists().where(Pathway.worker_id == Worker.id,
                                          Pathway.status.in_(OPEN_PATHWAY)))
    if flt.documents == WITHOUT_ID_DOCUMENT:
        stmt = stmt.where(~exists().where(Document.worker_id == Worker.id,
                                          Document.kind == "identita",
                                          Document.deleted_at.is_(None)))
    elif flt.documents == PACT_NOT_RETURNED:
        stmt = stmt.where(exists().where(
            ServicePact.worker_id == Worker.id, ServicePact.status == "bozza",
            exists().where(Letter.worker_id == Worker.id, Letter.template == "patto",
                           Letter.issued_at >= ServicePact.created_at)))
    elif flt.documents is not None:
        raise ValidationError(f"Filtro dei documenti non previsto: {flt.documents}.")
    if flt.deadline_days is not None:
        today = flt.today or dt.date.today()
        horizon = today + dt.timedelta(days=flt.deadline_days)
        benefit_ending = exists().where(
            EmploymentSituation.worker_id == Worker.id, EmploymentSituation.is_current.is_(True),
            or_(EmploymentSituation.cigs_end.between(today, horizon),
                EmploymentSituation.naspi_end.between(today, horizon)))
        review_due = exists().where(ServicePact.worker_id == Worker.id,
                                    ServicePact.status == "firmato",
                                    ServicePact.review_on <= horizon)
        stmt = stmt.where(or_(benefit_ending, review_due))
    return stmt


def list_statement(session: Session, flt: ListFilter, sort: str = "surname",
                   descending: bool = False) -> Select[tuple[int]]:
    """The query behind ``list_ids``: ids of the matching files in display order."""
    key = SORT_COLUMNS.get(sort)
    if key is None:
        raise ValidationError(f"Ordinamento non previsto: {sort}.")
    first = key.column.desc() if descending else key.column.asc()
    if key.may_be_empty:
        # Said explicitly: by default SQLite puts NULL first going up, PostgreSQL last.
        first = first.nulls_last()
    tie = Worker.id.desc() if descending else Worker.id.asc()
    return _filtered(flt, session).order_by(None).order_by(first, tie)


def list_ids(ctx: Context, flt: ListFilter, sort: str = "surname", descending: bool = False) -> list[int]:
    """Ids of the matching files in display order: search, filter and sort run in SQL."""
    with ctx.read() as s:
        return _scalar_ints(s, list_statement(s, flt, sort, descending))


def _scalar_ints(session: Session, stmt: Select[tuple[int]]) -> list[int]:
    """One integer column straight from the driver: for 100,000 ids the ORM result
    machinery costs twice the query itself."""
    conn = session.connection()
    # render_postcompile: an IN (...) list becomes plain parameters (no "__[POSTCOMPILE")
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params: object = compiled.params
    if compiled.positiontup is not None:  # qmark style (SQLite)
        params = [compiled.params[name] for name in compiled.positiontup]
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def rows(ctx: Context, ids: Sequence[int]) -> list[WorkerRow]:
    """Row contents for a page of ids, in the same order (loaded lazily by the table)."""
    if not ids:
        return []
    query = (
        select(Worker.id, Worker.surname, Worker.name, Worker.codice_fiscale, Worker.birth_date,
               Worker.residence_comune, func.coalesce(func.nullif(Worker.mobile, ""), Worker.phone),
               Worker.status,
               Operator.full_name)
        .outerjoin(Operator, Operator.id == Worker.assigned_operator_id)
        .where(Worker.id.in_(list(ids)))
    )
    with ctx.read() as s:
        by_id = {r[0]: WorkerRow(*r) for r in s.execute(query)}
    return [by_id[i] for i in ids if i in by_id]


# --------------------------------------------------------------------------- merge


def merge(ctx: Context, keep_id: int, drop_id: int) -> WorkerDetail:
    """Merge two files of the same person: all history moves to ``keep``; nothing is lost.

    Empty fields of ``keep`` are filled from ``drop``; the dropped file's values are kept in
    the audit log row of the merge.
    """
    permissions.require(ctx.actor, Role.RESPONSABILE, "unire due fascicoli")
    if keep_id == drop_id:
        raise ValidationError("Scegliere due fascicoli diversi.")
    with ctx.write() as s:
        keep, drop = s.get(Worker, keep_id), s.get(Worker, drop_id)
        if keep is None or drop is None:
            raise NotFound("Fascicolo non trovato.")
        snapshot = {k: audit.plain_value(getattr(drop, k)) for k in FORM_FIELDS}
        filled = {}
        for key in FORM_FIELDS:
            if key == "codice_fiscale":
                continue
            if getattr(keep, key) in (None, "", False) and getattr(drop, key) not in (None, "", False):
                filled[key] = getattr(drop, key)
        moved: dict[str, int] = {}
        for model, column in WORKER_CHILDREN:
            if model is WorkerLanguage:
                have = set(s.scalars(select(WorkerLanguage.language).where(column == keep_id)))
                for lang in s.scalars(select(WorkerLanguage).where(column == drop_id)):
                    if lang.language in have:
                        s.delete(lang)
                    else:
                        lang.worker_id = keep_id
                continue
            if model is Application:
                offers = set(s.scalars(select(Application.job_offer_id).where(column == keep_id)))
                for app in s.scalars(select(Application).where(column == drop_id)):
                    if app.job_offer_id in offers:
                        app.notes = ((app.notes or "") + " [candidatura doppia da fascicolo unito]").strip()
                    else:
                        app.worker_id = keep_id
                continue
            values: dict[str, object] = {column.key: keep_id}
            if model is ServicePact:  # parked on negative revisions, renumbered below
                values["revision"] = -100_000 - ServicePact.revision
            result = s.execute(update(model).where(column == drop_id).values(values))
            if result.rowcount:
                moved[model.__tablename__] = result.rowcount
        # Both files may have a revision 1: renumber the pacts in date order (two passes
        # keep the (worker, revision) unique constraint satisfied in between).
        pacts = list(s.scalars(select(ServicePact).where(ServicePact.worker_id == keep_id)
                               .order_by(ServicePact.signed_on, ServicePact.id)))
        for i, pact in enumerate(pacts, start=1):
            pact.revision = -i
        s.flush()
        for i, pact in enumerate(pacts, start=1):
            pact.revision = i
        s.flush()
        # Duplicated applications still on the dropped file are removed with it.
        for app in s.scalars(select(Application).where(Application.worker_id == drop_id)):
            s.delete(app)
        s.execute(update(ImportChange).where(ImportChange.entity == "worker",
                                             ImportChange.entity_id == drop_id)
                  .values(entity_id=keep_id))
        s.flush()
        s.expire(drop)
        s.delete(drop)
        for key, value in filled.items():
            setattr(keep, key, value)
        s.flush()
        with audit.rewriting(s, "merge"):  # the dropped file's history (its deletion too) follows it
            s.execute(update(AuditLog).where(AuditLog.worker_id == drop_id)
                      .values(worker_id=keep_id))
        audit.record(s, "merge", entity="worker", entity_id=keep_id, worker_id=keep_id,
                     changes={"unito_id": drop_id, "unito": snapshot, "spostati": moved,
                              "campi_completati": sorted(filled)},
                     detail=f"Fascicolo {drop_id} ({snapshot['codice_fiscale']}) unito in {keep_id}")
    return get(ctx, keep_id, audit_open=False)


def set_status(ctx: Context, worker_id: int, status: str, reason: str | None = None) -> None:
    """Suspend or reopen a file. Closing goes through pathways.close_file (outcome asked)."""
    if status not in (FileStatus.APERTO, FileStatus.SOSPESO):
        raise ValidationError("Per chiudere il fascicolo indicare l'esito.", "status")
    with ctx.write() as s:
        w = s.get(Worker, worker_id)
        if w is None:
            raise NotFound("Fascicolo non trovato.")
        if w.anonymised_at is not None:
            raise ValidationError("Il fascicolo è stato anonimizzato: non si può riaprire.")
        file_status.record(s, w, status, dt.date.today())
        if status == FileStatus.APERTO:
            w.closed_on, w.closing_reason = None, None
        if reason:
            w.notes = ((w.notes or "") + f"\n{dt.date.today():%d/%m/%Y}: {reason}").strip()

