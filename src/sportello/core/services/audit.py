"""Audit log: every ORM create, update and delete is written in the same transaction.

``install(factory)`` hooks the session factory once (composition root). The acting
operator travels in ``session.info["actor_id"]`` (set by ``Context.write``). Bulk
writes done with Core statements (demo data, large imports) bypass the hook and
must call ``record`` with a summary themselves.

The log is append-only at the ORM level: a flush that would update or delete an
``AuditLog`` object, and an ORM-enabled ``update()``/``delete()`` statement on it, are
refused (``AuditTampering``). Two services legitimately rewrite rows and say so with
``rewriting(session, reason)``: merging two files re-points the dropped file's rows, and
anonymisation scrubs personal values. (A database trigger refusing UPDATE/DELETE would
also stop raw SQL; it needs a migration and is left for one.)

The read side (``query``, ``export_xlsx``) serves the audit viewer and ``sportello audit``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from sportello.core.errors import PermissionDenied
from sportello.core.models import AuditLog, AuditRewrite, Base, utcnow

# Columns that change on every save and say nothing to a reader.
_SKIP = {"version", "updated_at", "created_at", "search_text", "sort_surname", "sort_name",
         "sort_comune", "sort_phone", "password_hash", "pdf", "logo"}
# Append-only tables whose rows are their own record.
_NOT_AUDITED = {"audit_log", "import_change", "protocol_counter"}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def _worker_id_of(obj: Base) -> int | None:
    if obj.__tablename__ == "worker":
        return getattr(obj, "id", None)
    return getattr(obj, "worker_id", None)


def _column_changes(obj: Base, created: bool, deleted: bool) -> dict[str, Any]:
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP:
            continue
        if created or deleted:
            value = getattr(obj, key)
            if value is not None:
                changes[key] = [None, _plain(value)] if created else [_plain(value), None]
        else:
            hist = state.attrs[key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[key] = [_plain(old), _plain(new)]
    return changes


def _before_flush(session: Session, _ctx: object, _instances: object) -> None:
    actor_id = session.info.get("actor_id")
    pending: list[tuple[str, Base, dict[str, Any]]] = []
    for obj in list(session.new):
        if isinstance(obj, Base) and obj.__tablename__ not in _NOT_AUDITED:
            pending.append(("create", obj, {}))
    for obj in list(session.dirty):
        if (
            isinstance(obj, Base)
            and obj.__tablename__ not in _NOT_AUDITED
            and session.is_modified(obj, include_collections=False)
        ):
            changes = _column_changes(obj, created=False, deleted=False)
            if changes:
                session.add(
                    AuditLog(
                        at=utcnow(), operator_id=actor_id, action="update",
                        entity=obj.__tablename__, entity_id=obj.id,
                        worker_id=_worker_id_of(obj), changes=changes,
                    )
                )
    for obj in list(session.deleted):
        if isinstance(obj, Base) and obj.__tablename__ not in _NOT_AUDITED:
            session.add(
                AuditLog(
                    at=utcnow(), operator_id=actor_id, action="delete",
                    entity=obj.__tablename__, entity_id=getattr(obj, "id", None),
                    worker_id=_worker_id_of(obj),
                    changes=_column_changes(obj, created=False, deleted=True),
                )
            )
    # New rows get their ids at flush: audit them after it, still in the same transaction.
    session.info.setdefault("_audit_new", []).extend(o for _a, o, _c in pending)


def _after_flush(session: Session, _ctx: object) -> None:
    created = session.info.pop("_audit_new", [])
    if not created:
        return
    actor_id = session.info.get("actor_id")
    rows = []
    for obj in created:
        rows.append(
            {
                "at": utcnow(), "operator_id": actor_id, "action": "create",
                "entity": obj.__tablename__, "entity_id": getattr(obj, "id", None),
                "worker_id": _worker_id_of(obj),
                "changes": _column_changes(obj, created=True, deleted=False),
                "detail": None,
            }
        )
    session.execute(AuditLog.__table__.insert(), rows)


class AuditTampering(PermissionDenied):
    def __init__(self) -> None:
        super().__init__("Il registro delle attività non si può modificare né cancellare.")


_REWRITE_KEY = "_audit_rewrite"


@contextmanager
def rewriting(session: Session, reason: str) -> Iterator[None]:
    """Allow this session to rewrite audit rows for ``reason`` (merge, anonymisation).

    Two locks open together: the ORM guard below, and the database's own triggers
    (migration 0007), which let UPDATE/DELETE of ``audit_log`` through only while the
    transaction holds a row of ``audit_rewrite``. That row is removed on the way out,
    so it is never committed.
    """
    previous = session.info.get(_REWRITE_KEY)
    session.info[_REWRITE_KEY] = reason
    permit = None
    if previous is None:
        permit = session.execute(insert(AuditRewrite).values(reason=reason[:30])
                                 .returning(AuditRewrite.id)).scalar_one()
    try:
        yield
    finally:
        if previous is None:
            session.info.pop(_REWRITE_KEY, None)
        else:
            session.info[_REWRITE_KEY] = previous
    if permit is not None:  # after an error the transaction rolls back, permit included
        session.execute(delete(AuditRewrite).where(AuditRewrite.id == permit))


def _guard_flush(session: Session, _ctx: object, _instances: object) -> None:
    if session.info.get(_REWRITE_KEY):
        return
    for obj in session.deleted:
        if isinstance(obj, AuditLog):
            raise AuditTampering()
    for obj in session.dirty:
        if isinstance(obj, AuditLog) and session.is_modified(obj, include_collections=False):
            raise AuditTampering()


def _guard_execute(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete) or state.session.info.get(_REWRITE_KEY):
        return
    table = getattr(state.statement, "table", None)
    if getattr(table, "name", None) == AuditLog.__tablename__ or any(
        m.class_ is AuditLog for m in state.all_mappers
    ):
        raise AuditTampering()


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _guard_flush)
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _guard_execute)


def record(
    session: Session,
    action: str,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    worker_id: int | None = None,
    changes: dict[str, Any] | None = None,
    detail: str | None = None,
) -> None:
    """An explicit audit row (logins, file openings, imports, exports, letters...)."""
    session.add(
        AuditLog(
            at=utcnow(), operator_id=session.info.get("actor_id"), action=action,
            entity=entity, entity_id=entity_id, worker_id=worker_id,
            changes=changes, detail=detail,
        )
    )


def record_many(session: Session, action: str, rows: list[dict[str, Any]]) -> None:
    """Explicit audit rows in one statement (a batch: one row per person concerned).

    Each row may give ``entity``, ``entity_id``, ``worker_id``, ``changes``, ``detail``.
    """
    if not rows:
        return
    at, actor_id = utcnow(), session.info.get("actor_id")
    session.execute(AuditLog.__table__.insert(), [
        {"at": at, "operator_id": actor_id, "action": action, "entity": r.get("entity"),
         "entity_id": r.get("entity_id"), "worker_id": r.get("worker_id"),
         "changes": r.get("changes"), "detail": r.get("detail")} for r in rows])


# --------------------------------------------------------------------------- read side

# What each action means, for the viewer and the export.
ACTION_LABELS = {
    "create": "creazione", "update": "modifica", "delete": "cancellazione",
    "open": "apertura fascicolo", "merge": "unione fascicoli", "close_file": "chiusura fascicolo",
    "login": "accesso", "logout": "uscita", "unlock": "sblocco schermo",
    "login_failed": "accesso fallito", "login_refused": "accesso rifiutato",
    "password_change": "cambio password", "password_reset": "password reimpostata",
    "import": "importazione", "export": "esportazione", "letter": "lettera",
    "backup": "copia di sicurezza", "restore": "ripristino",
    "access_request": "richiesta di accesso ai dati", "anonymise": "anonimizzazione",
    "fund_commit": "impegno sul fondo", "attendance_grid": "registro presenze",
    "audit_view": "consultazione del registro", "letter_preview": "anteprima lettera",
}


@dataclass
class AuditFilter:
    """Dates are local calendar days, both ends included."""

    since: dt.date | None = None
    until: dt.date | None = None
    operator_id: int | None = None
    operator_username: str | None = None
    worker_id: int | None = None
    worker_cf: str | None = None
    action: str | None = None
    entity: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # naive UTC, as stored
    operator_id: int | None
    operator_username: str | None
    operator_name: str | None
    action: str
    entity: str | None
    entity_id: int | None
    worker_id: int | None
    worker_name: str | None
    worker_cf: str | None
    changes: dict[str, Any] | None
    detail: str | None

    @property
    def at_local(self) -> dt.datetime:
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def changes_text(self) -> str:
        """``campo: vecchio → nuovo`` per changed field, one per line."""
        if not self.changes:
            return ""
        lines = []
        for key, value in self.changes.items():
            if isinstance(value, list) and len(value) == 2:
                old, new = value
                lines.append(f"{key}: {_shown(old)} → {_shown(new)}")
            else:
                lines.append(f"{key}: {_shown(value)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    offset: int
    limit: int


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _utc_bound(day: dt.date, end: bool) -> dt.datetime:
    local = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time.min)
    return local.astimezone().astimezone(dt.UTC).replace(tzinfo=None)


def _where(session: Session, flt: AuditFilter):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from sportello.core import codice_fiscale as cf
    from sportello.core.errors import ValidationError
    from sportello.core.models import Operator, Worker

    conds = []
    if flt.since and flt.until and flt.since > flt.until:
        raise ValidationError("La data iniziale è dopo quella finale.", "since")
    if flt.since:
        conds.append(AuditLog.at >= _utc_bound(flt.since, end=False))
    if flt.until:
        conds.append(AuditLog.at < _utc_bound(flt.until, end=True))
    if flt.operator_id is not None:
        conds.append(AuditLog.operator_id == flt.operator_id)
    if flt.operator_username:
        name = flt.operator_username.strip().lower()
        op_id = session.scalar(select(Operator.id).where(Operator.username == name))
        if op_id is None:
            raise ValidationError(f"Operatore «{name}» inesistente.", "operator_username")
        conds.append(AuditLog.operator_id == op_id)
    if flt.worker_id is not None:
        conds.append(AuditLog.worker_id == flt.worker_id)
    if flt.worker_cf:
        code = cf.normalise(flt.worker_cf)
        wid = session.scalar(select(Worker.id).where(Worker.codice_fiscale == code))
        if wid is None:
            raise ValidationError(f"Nessun fascicolo con codice fiscale {code}.", "worker_cf")
        conds.append(AuditLog.worker_id == wid)
    if flt.action:
        conds.append(AuditLog.action == flt.action.strip())
    if flt.entity:
        conds.append(AuditLog.entity == flt.entity.strip())
    return conds


def _select_rows():  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from sportello.core.models import Operator, Worker

    return (
        select(AuditLog.id, AuditLog.at, AuditLog.operator_id, Operator.username,
               Operator.full_name, AuditLog.action, AuditLog.entity, AuditLog.entity_id,
               AuditLog.worker_id, Worker.surname, Worker.name, Worker.codice_fiscale,
               AuditLog.changes, AuditLog.detail)
        .outerjoin(Operator, Operator.id == AuditLog.operator_id)
        .outerjoin(Worker, Worker.id == AuditLog.worker_id)
    )


def _row(r) -> AuditRow:  # type: ignore[no-untyped-def]
    worker_name = f"{r[9]} {r[10]}".strip() if r[9] is not None else None
    return AuditRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], worker_name, r[11],
                    r[12], r[13])


def _require_viewer(ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.models import Role
    from sportello.core.services import permissions

    permissions.require(ctx.actor, Role.RESPONSABILE, "consultare il registro delle attività")


def query(ctx, flt: AuditFilter | None = None, *, offset: int = 0,  # type: ignore[no-untyped-def]
          limit: int = 200) -> AuditPage:
    """One page of audit rows, newest first, with the total for the pager."""
    from sqlalchemy import func, select

    _require_viewer(ctx)
    flt = flt or AuditFilter()
    limit = max(1, min(int(limit), 5000))
    offset = max(0, int(offset))
    with ctx.read() as s:
        conds = _where(s, flt)
        total = s.scalar(select(func.count(AuditLog.id)).where(*conds)) or 0
        stmt = _select_rows().where(*conds).order_by(AuditLog.id.desc()).offset(offset).limit(limit)
        rows = [_row(r) for r in s.execute(stmt)]
    if offset == 0:  # a consultation leaves a trace; scrolling through its pages does not
        with ctx.write() as s:
            record(s, "audit_view", detail=f"consultazione del registro: {_described(flt)} "
                   f"({total} righe)")
    return AuditPage(rows, total, offset, limit)


def _described(flt: AuditFilter) -> str:
    """The filter in words, for the trace a consultation leaves."""
    parts = [f"{name} {value}" for name, value in (
        ("operatore", flt.operator_username or flt.operator_id), ("fascicolo", flt.worker_id),
        ("codice fiscale", flt.worker_cf), ("azione", flt.action), ("oggetto", flt.entity),
        ("dal", flt.since), ("al", flt.until))
        if value not in (None, "")]
    return ", ".join(parts) or "senza filtri"


def actions(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    """The actions present in the log (for the viewer's filter)."""
    from sqlalchemy import select

    _require_viewer(ctx)
    with ctx.read() as s:
        return sorted(s.scalars(select(AuditLog.action).distinct()))


@dataclass(frozen=True)
class AuditExport:
    path: Any
    rows: int


AUDIT_COLUMNS = (
    ("N.", 8), ("Data e ora", 18), ("Operatore", 22), ("Utente", 14), ("Azione", 20),
    ("Oggetto", 18), ("Id oggetto", 10), ("Fascicolo", 24), ("Codice fiscale", 18),
    ("Modifiche (vecchio → nuovo)", 60), ("Dettaglio", 40),
)


def export_xlsx(ctx, flt: AuditFilter | None, out,  # type: ignore[no-untyped-def]
                *, progress=None) -> AuditExport:
    """The filtered log to ``out`` (.xlsx); no cell is ever a formula; the export is audited."""
    from pathlib import Path

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from sportello.core.errors import SportelloError, ValidationError
    from sportello.core.exchange.export import looks_like_formula, save_atomically, sheet_text, text_cell

    _require_viewer(ctx)
    flt = flt or AuditFilter()
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il file di destinazione deve avere estensione .xlsx.", "out")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Registro attività")
    for i, (_h, width) in enumerate(AUDIT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title, _w in AUDIT_COLUMNS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    with ctx.read() as s:
        conds = _where(s, flt)
        stmt = _select_rows().where(*conds).order_by(AuditLog.id)
        for r in s.execute(stmt).yield_per(2000):
            row = _row(r)
            when = WriteOnlyCell(ws, value=row.at_local)
            when.number_format = "DD/MM/YYYY HH:MM:SS"
            values: list[object] = [
                row.id, when, row.operator_name, row.operator_username, row.action_label,
                row.entity, row.entity_id, row.worker_name, row.worker_cf,
                row.changes_text() or None, row.detail,
            ]
            cells: list[object] = []
            for value in values:
                value = sheet_text(value)
                if isinstance(value, str) and looks_like_formula(value):
                    cells.append(text_cell(ws, value))
                elif isinstance(value, str) and "\n" in value:
                    cell = WriteOnlyCell(ws, value=value)
                    cell.alignment = wrap
                    cells.append(cell)
                else:
                    cells.append(value)
            ws.append(cells)
            count += 1
            if progress and count % 2000 == 0 and not progress(count):
                raise SportelloError("Esportazione annullata: nessun file scritto.")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(AUDIT_COLUMNS))}{count + 1}"
    save_atomically(wb, out)
    with ctx.write() as s:
        record(s, "export", entity="audit_log",
               detail=f"registro attività: {count} righe in {out.name}")
    return AuditExport(out, count)
