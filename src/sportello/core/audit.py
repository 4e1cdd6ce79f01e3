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

The read side (``query``, ``export_xlsx``) is a service: ``services.audit_log``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from sportello.core.errors import PermissionDenied
from sportello.core.models import AuditLog, AuditRewrite, Base, utcnow

# Columns that change on every save and say nothing to a reader.
_SKIP = {"version", "updated_at", "created_at", "search_text", "sort_surname", "sort_name",
         "sort_comune", "sort_phone", "password_hash", "pdf", "logo", "data"}
# Append-only tables whose rows are their own record.
_NOT_AUDITED = {"audit_log", "import_change", "protocol_counter", "document_chunk"}


def plain_value(value: Any) -> Any:
    """A value as the log stores it: enums by value, dates in ISO form, bytes by size."""
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
                changes[key] = [None, plain_value(value)] if created else [plain_value(value), None]
        else:
            hist = state.attrs[key].history
            if hist.has_changes():
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if old != new:
                    changes[key] = [plain_value(old), plain_value(new)]
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
