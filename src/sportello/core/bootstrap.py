"""Composition root: one call wires the database, migrations and the audit hook."""

from __future__ import annotations

from sportello.core import audit, db
from sportello.core.context import Context


def bootstrap(database: str | None = None, *, migrate: bool = True, backup: bool = True) -> Context:
    """Open (and by default upgrade) the database named by --db / $SPORTELLO_DB / default."""
    url = db.resolve_url(database)
    if migrate:
        db.create_sqlite_file(url)  # a new file is the owner's only
    engine = db.make_engine(url)
    result = db.upgrade_to_head(engine, backup=backup) if migrate else None
    sessions = db.make_session_factory(engine)
    audit.install(sessions)
    return Context(engine, sessions, None, result)
