"""Optimistic locking for edits made in a window and saved later.

A window loads a record with its ``version`` in one short session, the clerk edits,
and the save runs in a new session that first checks the version is unchanged. A
newer save by someone else is refused with both versions shown, never overwritten.
(Within one transaction the ORM's version_id_col catches the remaining race.)
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from sportello.core.errors import ConflictError, NotFound
from sportello.core.models import Base

M = TypeVar("M", bound=Base)


class RecordConflict(ConflictError):
    def __init__(self, entity: str, record_id: int, mine: dict[str, Any], theirs: dict[str, Any],
                 their_version: int) -> None:
        fields = ", ".join(sorted(k for k in mine if mine[k] != theirs.get(k))) or "nessuno"
        super().__init__(
            "Qualcun altro ha salvato questa scheda dopo che l'avete aperta "
            f"(ora è alla versione {their_version}). Le vostre modifiche non sono state salvate. "
            f"Campi in conflitto: {fields}."
        )
        self.entity = entity
        self.record_id = record_id
        self.mine = mine
        self.theirs = theirs
        self.their_version = their_version


def update_record(
    session: Session, model: type[M], record_id: int, expected_version: int, values: dict[str, Any]
) -> M:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFound(f"Scheda {model.__tablename__} n. {record_id} non trovata.")
    current = obj.version  # type: ignore[attr-defined]
    if current != expected_version:
        theirs = {key: getattr(obj, key) for key in values}
        raise RecordConflict(model.__tablename__, record_id, dict(values), theirs, current)
    for key, value in values.items():
        setattr(obj, key, value)
    try:
        session.flush()
    except StaleDataError:
        # Saved by someone else after our version check (PostgreSQL: the later UPDATE
        # waits for the first to commit, then matches no row). Read what they saved.
        session.rollback()
        fresh = session.get(model, record_id, populate_existing=True)
        if fresh is None:
            raise NotFound(f"Scheda {model.__tablename__} n. {record_id} non trovata.") from None
        theirs = {key: getattr(fresh, key) for key in values}
        raise RecordConflict(model.__tablename__, record_id, dict(values), theirs,
                             getattr(fresh, "version")) from None
    return obj
