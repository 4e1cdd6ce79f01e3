"""Audit log: every ORM create, update and delete is written in the same transaction.

``install(factory)`` hooks the session factory once (composition root). The acting
operator travels in ``session.info["actor_id"]`` (set by ``Context.write``). Bulk
writes done with Core statements (demo data, large imports) bypass the hook and
must call ``record`` with a summary themselves.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

from sportello.core.models import AuditLog, Base, utcnow

# Columns that change on every save and say nothing to a reader.
_SKIP = {"version", "updated_at", "created_at", "search_text", "password_hash", "pdf", "logo"}
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


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)


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
