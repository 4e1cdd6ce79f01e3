"""Engine and session factory, database URL selection, migrations at start.

Nothing is created at import time: the composition root (``bootstrap.py``) calls
``open_database`` once and passes the result around.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sportello.core import paths
from sportello.core.errors import ConflictError, SportelloError

DEFAULT_DB_NAME = "sportello.db"
# The newest migration. Checked against Alembic's own head by a test; lets a start on a
# database already at head skip importing Alembic (a quarter of a second).
SCHEMA_HEAD = "0014"
ENV_DB = "SPORTELLO_DB"
BUSY_TIMEOUT_MS = 15_000


class StaleWrite(ConflictError):
    def __init__(self) -> None:
        super().__init__("Qualcun altro ha salvato gli stessi dati nello stesso momento: le "
                         "vostre modifiche non sono state salvate. Riaprire la scheda e riprovare.")


class SchemaTooNew(SportelloError):
    """The database was written by a newer Sportello."""


def default_db_path() -> Path:
    return paths.user_data_dir() / DEFAULT_DB_NAME


def resolve_url(db: str | None = None) -> str:
    """``--db`` value, else $SPORTELLO_DB, else the SQLite file in the user data folder.

    A plain path means a SQLite file; anything with ``://`` is a SQLAlchemy URL.
    """
    value = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        url = make_url(value)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names (None for in-memory databases and other backends)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_sqlite_file(url: str) -> bool:
    """Create the empty SQLite file of ``url``, readable by its owner only; False if it exists.

    SQLite gives its -wal and -shm files the permissions of the database file, so the
    whole database stays private to the user who created it (shared office PCs).
    """
    path = sqlite_file(url)
    if path is None or path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    return True


def is_sqlite(engine_or_url: Engine | str) -> bool:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else make_url(engine_or_url)
    return url.get_backend_name() == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    """The file behind a SQLite engine (None for in-memory or other backends)."""
    if not is_sqlite(engine):
        return None
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    return Path(database)


def _install_sqlite_pragmas(engine: Engine) -> None:
    """Foreign keys, WAL and a busy timeout on every connection; we own BEGIN.

    pysqlite's own transaction handling is turned off (isolation_level=None) so that
    SQLAlchemy's BEGIN really starts the transaction, and writers can ask for
    ``BEGIN IMMEDIATE`` (execution option ``sqlite_begin``) to take the write lock
    up front instead of failing on a lock upgrade.
    """
    in_memory = sqlite_path(engine) is None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: object) -> Engine:
    url = resolve_url(url) if "://" not in url else url
    if is_sqlite(url):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        _install_sqlite_pragmas(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# --------------------------------------------------------------------------- files

SQLITE_MAGIC = b"SQLite format 3\x00"


def has_sqlite_header(path: Path) -> bool:
    """Does the file start as a SQLite database? (OSError if it cannot be read.)

    Ask only after SQLite has refused the file: opening and closing it from Python drops
    the POSIX locks that this process's own SQLite connections hold on it (SQLite's "How
    To Corrupt Your Database Files"), so a database in use is never read this way.
    """
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


# --------------------------------------------------------------------------- backups


def sqlite_online_backup(engine: Engine, target: Path) -> Path:
    """Copy a live SQLite database with SQLite's backup API (consistent under WAL)."""
    source_path = sqlite_path(engine)
    if source_path is None:
        raise SportelloError("La copia di sicurezza è possibile solo per un file SQLite.")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    if tmp.exists():
        tmp.unlink()
    src = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, target)
    if os.name == "posix":
        target.chmod(0o600)
    return target


# --------------------------------------------------------------------------- migrations


def alembic_config(engine: Engine | None = None):  # type: ignore[no-untyped-def]
    """Alembic's configuration for the shipped migrations (and ``engine``'s URL if given)."""
    from alembic.config import Config

    cfg = Config(stdout=sys.stdout)  # its default is the sys.stdout alembic was imported with
    cfg.set_main_option("script_location", str(paths.shipped_dir("migrations")))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision(engine: Engine) -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config(engine)).get_heads()
    if len(heads) != 1:
        raise SportelloError(f"Le migrazioni hanno {len(heads)} teste: installazione non valida.")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_to_head(engine: Engine, backup: bool = True) -> UpgradeResult:
    """Bring the schema to head; copy the SQLite file first when something will change.

    A database stamped with a revision this program does not know was written by a
    newer version: it is refused, untouched.
    """
    before = current_revision(engine)
    if before == SCHEMA_HEAD:
        return UpgradeResult(before, SCHEMA_HEAD, None)
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    head = head_revision(engine)
    if before == head:
        return UpgradeResult(before, head, None)
    if before is not None:
        try:
            script.get_revision(before)
        except Exception as exc:  # alembic raises several kinds for an unknown id
            raise SchemaTooNew(
                "Il database è stato creato da una versione più recente di Sportello "
                f"(revisione schema {before}). Aggiornare il programma; il database non è "
                "stato modificato."
            ) from exc
    backup_path = None
    source = sqlite_path(engine)
    if backup and source is not None and source.exists() and source.stat().st_size > 0:
        has_tables = bool(inspect(engine).get_table_names())
        if has_tables:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_path = sqlite_online_backup(
                engine, paths.backups_dir() / f"pre-migrazione-{before or 'vuoto'}-{stamp}.db"
            )
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="EXCLUSIVE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.in_transaction():
            conn.commit()
    engine.dispose()  # pooled connections may hold the old schema in cache
    return UpgradeResult(before, head, backup_path)


READ_ONLY = "sportello_read_only"  # session info: why this database must not be written


def refuse_writes(factory: sessionmaker[Session], reason: str) -> None:
    """From now on every write session of ``factory`` is refused with ``reason``: the
    database was found damaged while the program runs; reading it stays possible."""
    info = dict(factory.kw.get("info") or {})
    info[READ_ONLY] = reason
    factory.configure(info=info)


def writes_refused(factory: sessionmaker[Session]) -> str | None:
    """Why ``factory`` refuses to write (``refuse_writes``), or None."""
    return (factory.kw.get("info") or {}).get(READ_ONLY)


@contextmanager
def write_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction for one use case; on SQLite the write lock is taken at BEGIN."""
    refused = writes_refused(factory)
    if refused:
        raise SportelloError(refused)
    session = factory()
    if is_sqlite(session.get_bind()):  # type: ignore[arg-type]
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
    try:
        yield session
        session.commit()
    except StaleDataError as exc:
        # Another transaction saved the same record between our read and our write
        # (PostgreSQL lets both read; the later UPDATE then finds the version moved).
        session.rollback()
        raise StaleWrite() from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def read_session(factory: sessionmaker[Session]) -> Iterator[Session]:
    session = factory()
    try:
        yield session
    finally:
        session.close()  # ends the read transaction; loaded objects stay readable
