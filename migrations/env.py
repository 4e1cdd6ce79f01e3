"""Alembic environment: batch mode on SQLite, foreign keys off while tables are copied."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from sportello.core.db import make_engine
from sportello.core.models import Base
from sportello.core.search import include_name

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=False,
        # The FTS table and the trigram index are built by migration 0002, not by models.
        include_name=include_name,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # Alembic's own command line: the same engine setup (pragmas, BEGIN handling) as the app.
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
        if conn.in_transaction():
            conn.commit()
    engine.dispose()


def _sqlite_pragma(connection, statement: str) -> None:  # type: ignore[no-untyped-def]
    """Send a PRAGMA straight to the driver, outside any transaction.

    ``PRAGMA foreign_keys`` is a no-op inside a transaction, and a statement sent through
    SQLAlchemy would first autobegin one.
    """
    connection.connection.driver_connection.execute(statement)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    if connection.dialect.name != "sqlite":
        _configure(connection)
        with context.begin_transaction():  # one transaction for all steps (transactional DDL)
            context.run_migrations()
        return
    # SQLite: foreign keys off while batch mode copies tables (a DROP TABLE with them on
    # would cascade-delete child rows), all steps in one transaction (BEGIN EXCLUSIVE when
    # the caller asks for it), foreign keys checked before the commit.
    if connection.in_transaction():
        connection.commit()
    _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():  # alembic sees an external transaction and uses it
            _configure(connection)
            with context.begin_transaction():
                context.run_migrations()
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise RuntimeError(f"Migrazione: vincoli di chiave esterna violati: {problems[:5]}")
    finally:
        _sqlite_pragma(connection, "PRAGMA foreign_keys=ON")


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
