"""worker search: search_text backfill, SQLite FTS5 trigram table, PostgreSQL pg_trgm index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 10:00:00

SQLite: ``worker_fts`` is an FTS5 external-content table over ``worker.search_text``
(``tokenize='trigram'``: any substring of three characters or more is indexed), kept
in sync by three triggers on ``worker``. FTS5 trigram needs SQLite 3.34 with FTS5
compiled in; without it nothing is created and the search falls back to LIKE.

PostgreSQL: the ``pg_trgm`` extension and a GIN trigram index on ``worker.search_text``,
which serves ``ILIKE '%word%'``. If the extension is not installed on the server or the
database user may not create it, the index is skipped (search still works, by scanning)
and a warning is logged; running this migration again later (downgrade to 0001, then
upgrade) creates it.

Downgrade drops the index and the FTS table with its triggers; it drops pg_trgm too
unless other objects use it or the extension belongs to another role (then it stays).

Note for later migrations: a ``batch_alter_table('worker')`` on SQLite rebuilds the table
and drops its triggers: create the three triggers again afterwards and 'rebuild' the
FTS table (the statements are in ``SQLITE_FTS`` below; copy them, do not import).
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

from sportello.core.text import worker_search_text

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

FTS_TABLE = "worker_fts"
TRGM_INDEX = "ix_worker_search_text_trgm"
BATCH = 2000

SQLITE_FTS = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        search_text, content='worker', content_rowid='id', tokenize='trigram')""",
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON worker BEGIN
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON worker BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE ON worker
    WHEN new.search_text IS NOT old.search_text OR new.id <> old.id BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text)
        VALUES ('delete', old.id, old.search_text);
        INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    # Index the rows already there.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]


def _backfill_search_text(conn: sa.Connection) -> None:
    """Compute search_text for every existing worker (derived data: no version bump)."""
    worker = sa.table(
        "worker",
        *(sa.column(c) for c in ("id", "surname", "name", "codice_fiscale", "phone", "mobile",
                                 "email", "search_text")),
    )
    update = (
        sa.update(worker)
        .where(worker.c.id == sa.bindparam("b_id"))
        .values(search_text=sa.bindparam("b_text"))
    )
    last_id = 0
    while True:
        rows = conn.execute(
            sa.select(worker).where(worker.c.id > last_id).order_by(worker.c.id).limit(BATCH)
        ).mappings().all()
        if not rows:
            return
        changed = [
            {"b_id": row["id"], "b_text": text}
            for row in rows
            if (text := worker_search_text(row)) != row["search_text"]
        ]
        if changed:
            conn.execute(update, changed)
        last_id = rows[-1]["id"]


def _sqlite_has_fts5_trigram(conn: sa.Connection) -> bool:
    version = conn.exec_driver_sql("SELECT sqlite_version()").scalar() or "0"
    if tuple(int(p) for p in version.split(".")[:3]) < (3, 34, 0):
        return False
    return bool(conn.exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())


def _postgres_has_trgm(conn: sa.Connection) -> bool:
    """Create pg_trgm if possible; False (with a warning) when it cannot be had."""
    if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
        return True
    available = conn.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).first()
    if available:
        savepoint = conn.begin_nested()  # a failed statement must not abort the migration
        try:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError as exc:
            savepoint.rollback()
            log.warning("Estensione pg_trgm non creata (%s): ricerca senza indice trigram.",
                        exc.orig)
            return False
        savepoint.commit()
        return True
    log.warning("Estensione pg_trgm non installata sul server: ricerca senza indice trigram.")
    return False


def upgrade() -> None:
    conn = op.get_bind()
    _backfill_search_text(conn)
    if conn.dialect.name == "sqlite":
        if _sqlite_has_fts5_trigram(conn):
            for statement in SQLITE_FTS:
                conn.exec_driver_sql(statement)
        else:
            log.warning("SQLite senza FTS5 trigram (serve 3.34+): ricerca con LIKE.")
    elif conn.dialect.name == "postgresql":
        if _postgres_has_trgm(conn):
            conn.exec_driver_sql(
                f"CREATE INDEX {TRGM_INDEX} ON worker USING gin (search_text gin_trgm_ops)"
            )


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("ai", "ad", "au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{trigger}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")  # drops its shadow tables too
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {TRGM_INDEX}")
        # Drop the extension only when nothing else uses it (RESTRICT fails otherwise).
        if conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first():
            savepoint = conn.begin_nested()
            try:
                conn.exec_driver_sql("DROP EXTENSION pg_trgm RESTRICT")
            except sa.exc.DBAPIError:
                savepoint.rollback()
                log.info("Estensione pg_trgm lasciata: altri oggetti la usano.")
            else:
                savepoint.commit()
