"""The office's protocol register: one counter per office and year, both directions.

Outgoing letters (``services.letters``) and incoming documents (``services.documents``)
take their numbers here, from the same ``protocol_counter`` row: one register, as a
public office keeps it, with no number used twice in either direction.

``next_protocol`` is one statement, ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``:
the counter row is created or incremented and read back under the row lock PostgreSQL
takes for the upsert (SQLite writers are serial). Two counters on a shared server never
get the same number, and a rolled-back transaction gives its numbers back.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sportello.core.errors import SportelloError
from sportello.core.models import ProtocolCounter


def next_protocol(session: Session, office_id: int, year: int, count: int = 1) -> int:
    """Take ``count`` consecutive protocol numbers atomically; returns the first."""
    if count < 1:
        raise ValueError("count must be positive")
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise SportelloError(f"Database non supportato per il protocollo: {dialect}.")
    table = ProtocolCounter.__table__
    stmt = insert(table).values(office_id=office_id, year=year, last_number=count)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.office_id, table.c.year],
        set_={"last_number": table.c.last_number + count},
    ).returning(table.c.last_number)
    last = int(session.execute(stmt).scalar_one())
    return last - count + 1
