"""Database check: is the file sound, is the schema current, do the business rules hold?

``check`` never raises for a broken database: every problem becomes a KO item with an
Italian explanation, so ``sportello check`` and the GUI can show it and exit/continue.
It works on a database that was never migrated (the context is made with
``migrate=False``), on a file that is not a database at all, and on a damaged one.

- SQLite: ``PRAGMA integrity_check`` (pages, indexes, constraints) and
  ``PRAGMA foreign_key_check``;
- PostgreSQL: the server keeps pages sound; foreign keys are checked with one query per
  foreign key of the metadata (rows whose parent is missing, e.g. after a restore made
  with triggers disabled);
- both: schema revision against the migrations' head; funds never over budget; courses
  never over their seats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, ForeignKeyConstraint, inspect, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from sportello.core import db
from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.models import Base

MAX_LISTED = 5  # problems spelled out per item; the rest are counted


@dataclass(frozen=True)
class CheckItem:
    name: str
    ok: bool
    detail: str


@dataclass
class CheckReport:
    items: list[CheckItem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.items) and all(item.ok for item in self.items)

    def add(self, name: str, ok: bool, detail: str) -> None:
        self.items.append(CheckItem(name, ok, detail))


def _reason(exc: BaseException) -> str:
    """The database's own words for an error, without SQLAlchemy's wrapping."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


def _listed(problems: list[str]) -> str:
    shown = "; ".join(problems[:MAX_LISTED])
    more = len(problems) - MAX_LISTED
    return f"{shown}; e altri {more}" if more > 0 else shown


# --------------------------------------------------------------------------- opening


def _sqlite_path_problem(path: Path) -> str | None:
    """Why a path cannot be opened as a database, judged without opening it."""
    if not path.exists():
        return f"il file {path} non esiste."
    if path.is_dir():
        return f"{path} è una cartella, non un file di database."
    return None


def _sqlite_header_problem(path: Path) -> str | None:
    """Why a file SQLite refused is not a SQLite database at all (None: it is one, damaged)."""
    if path.stat().st_size == 0:
        return None
    try:
        if db.has_sqlite_header(path):
            return None
    except OSError as exc:
        return f"il file {path} non si può leggere ({exc.strerror or exc})."
    return (
        f"il file {path} non è un database SQLite (intestazione non riconosciuta): "
        "forse è un altro tipo di file o è stato sovrascritto."
    )


def _open(ctx: Context, report: CheckReport) -> bool:
    engine = ctx.engine
    path = db.sqlite_path(engine)
    if path is not None:
        problem = _sqlite_path_problem(path)
        if problem:
            report.add("Apertura del database", False, problem[0].upper() + problem[1:])
            return False
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar()
            if path is not None:
                # reads the schema pages: a damaged first page or schema fails here
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except (DBAPIError, SQLAlchemyError, OSError) as exc:
        problem = _sqlite_header_problem(path) if path is not None else None
        if problem:
            report.add("Apertura del database", False, problem[0].upper() + problem[1:])
            return False
        what = "il file è danneggiato o non è un database SQLite" if path is not None else \
            "connessione al server non riuscita"
        report.add("Apertura del database", False, f"Impossibile aprire il database: {what} "
                   f"({_reason(exc)}).")
        return False
    where = str(path) if path is not None else ctx.url
    report.add("Apertura del database", True, f"aperto ({where}).")
    return True


# --------------------------------------------------------------------------- integrity


def _sqlite_integrity(engine: Engine, report: CheckReport) -> None:
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").all()]
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add("Integrità del file", False,
                   f"Il controllo non si è potuto completare: file danneggiato ({_reason(exc)}).")
        return
    if rows == ["ok"]:
        report.add("Integrità del file", True, "nessun errore (PRAGMA integrity_check).")
    else:
        report.add("Integrità del file", False,
                   f"{len(rows)} problemi nelle pagine o negli indici: {_listed(rows)}. "
                   "Ripristinare l'ultima copia di sicurezza.")


def _sqlite_foreign_keys(engine: Engine, report: CheckReport) -> None:
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add("Riferimenti tra tabelle", False,
                   f"Il controllo non si è potuto completare ({_reason(exc)}).")
        return
    if not rows:
        report.add("Riferimenti tra tabelle", True, "nessun riferimento orfano.")
        return
    by_pair: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fkid in rows:
        by_pair[(table, parent)] = by_pair.get((table, parent), 0) + 1
    problems = [f"{n} righe di {t} senza la riga di {p}" for (t, p), n in sorted(by_pair.items())]
    report.add("Riferimenti tra tabelle", False, f"{len(rows)} riferimenti orfani: {_listed(problems)}.")


def _orphan_queries(existing: set[str]) -> list[tuple[str, str, str]]:
    """(child table, parent table, COUNT query) for every foreign key of the metadata."""
    queries = []
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        for fk in table.constraints:
            if not isinstance(fk, ForeignKeyConstraint):
                continue
            parent = fk.referred_table
            if parent.name not in existing:
                continue
            cols = [c.name for c in fk.columns]
            refs = [e.column.name for e in fk.elements]
            not_null = " AND ".join(f'c."{c}" IS NOT NULL' for c in cols)
            join = " AND ".join(f'p."{r}" = c."{c}"' for c, r in zip(cols, refs))
            sql = (
                f'SELECT count(*) FROM "{table.name}" c WHERE {not_null} AND NOT EXISTS '
                f'(SELECT 1 FROM "{parent.name}" p WHERE {join})'
            )
            queries.append((table.name, parent.name, sql))
    return queries


def _generic_foreign_keys(engine: Engine, report: CheckReport) -> None:
    try:
        existing = set(inspect(engine).get_table_names())
        problems = []
        total = 0
        with engine.connect() as conn:
            for child, parent, sql in _orphan_queries(existing):
                count = conn.execute(text(sql)).scalar() or 0
                if count:
                    total += count
                    problems.append(f"{count} righe di {child} senza la riga di {parent}")
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add("Riferimenti tra tabelle", False,
                   f"Il controllo non si è potuto completare ({_reason(exc)}).")
        return
    if problems:
        report.add("Riferimenti tra tabelle", False, f"{total} riferimenti orfani: {_listed(problems)}.")
    else:
        report.add("Riferimenti tra tabelle", True, "nessun riferimento orfano.")


# --------------------------------------------------------------------------- schema


def _schema(engine: Engine, report: CheckReport) -> bool:
    """True when the schema is exactly at the head revision."""
    name = "Versione dello schema"
    try:
        head = db.head_revision(engine)
    except Exception as exc:  # migrations missing from the installation
        report.add(name, False, f"Migrazioni del programma non leggibili: {exc}")
        return False
    try:
        current = db.current_revision(engine)
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add(name, False, f"Revisione dello schema non leggibile ({_reason(exc)}).")
        return False
    if current == head:
        report.add(name, True, f"aggiornato (revisione {head}).")
        return True
    if current is None:
        report.add(name, False,
                   "Il database non è inizializzato (nessuna revisione dello schema): "
                   "eseguire 'sportello init' o aprire il programma per crearlo.")
        return False
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db.alembic_config(engine))
    try:
        script.get_revision(current)
        known = True
    except Exception:  # unknown id: alembic raises several kinds
        known = False
    if known:
        report.add(name, False,
                   f"Schema alla revisione {current}, l'ultima è {head}: eseguire 'sportello init' "
                   "o aprire il programma per aggiornarlo (si fa prima una copia di sicurezza).")
    else:
        report.add(name, False,
                   f"Il database è stato scritto da una versione più recente di Sportello "
                   f"(revisione {current}, questo programma arriva alla {head}): aggiornare il "
                   "programma.")
    return False


def schema_differences(engine: Engine) -> list[str]:
    """What the database lacks of the program's models: missing tables and columns.

    A file stamped at the head revision may still have lost a table (a hand-made copy,
    a tool that dropped it): the stamp alone does not prove the schema. Extra tables and
    columns are not reported (an office may add views or tables of its own).
    """
    found = inspect(engine)
    existing = set(found.get_table_names())
    problems = []
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            problems.append(f"manca la tabella {table.name}")
            continue
        columns = {c["name"] for c in found.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in columns]
        if missing:
            problems.append(f"alla tabella {table.name} mancano le colonne {', '.join(missing)}")
    return problems


def _tables(engine: Engine, report: CheckReport) -> None:
    name = "Tabelle e colonne"
    try:
        problems = schema_differences(engine)
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add(name, False, f"Tabelle non leggibili ({_reason(exc)}).")
        return
    if problems:
        report.add(name, False, f"Lo schema non corrisponde al programma: {_listed(problems)}.")
    else:
        report.add(name, True, f"tutte le {len(Base.metadata.tables)} tabelle del programma ci sono.")


# --------------------------------------------------------------------------- business rules


def _business(engine: Engine, report: CheckReport) -> None:
    try:
        existing = set(inspect(engine).get_table_names())
    except (DBAPIError, SQLAlchemyError) as exc:
        report.add("Regole dei dati", False, f"Tabelle non leggibili ({_reason(exc)}).")
        return
    if "fund" in existing:
        try:
            with engine.connect() as conn:
                rows = conn.execute(text(
                    "SELECT name, budget_cents, committed_cents, spent_cents FROM fund "
                    "WHERE committed_cents + spent_cents > budget_cents OR committed_cents < 0 "
                    "OR spent_cents < 0 OR budget_cents < 0 ORDER BY name"
                )).all()
            if rows:
                problems = [
                    f"{name}: budget {_euro(budget)}, impegnato {_euro(committed)}, "
                    f"speso {_euro(spent)}" for name, budget, committed, spent in rows
                ]
                report.add("Fondi entro il budget", False,
                           f"{len(rows)} fondi oltre il budget: {_listed(problems)}.")
            else:
                report.add("Fondi entro il budget", True, "nessun fondo oltre il budget.")
        except (DBAPIError, SQLAlchemyError) as exc:
            report.add("Fondi entro il budget", False, f"Controllo non riuscito ({_reason(exc)}).")
    if "course" in existing:
        try:
            with engine.connect() as conn:
                rows = conn.execute(text(
                    "SELECT coalesce(code, title), seats, seats_taken FROM course "
                    "WHERE seats_taken > seats OR seats_taken < 0 OR seats < 0 ORDER BY 1"
                )).all()
            if rows:
                problems = [f"{code}: {taken} iscritti su {seats} posti" for code, seats, taken in rows]
                report.add("Posti dei corsi", False,
                           f"{len(rows)} corsi oltre i posti: {_listed(problems)}.")
            else:
                report.add("Posti dei corsi", True, "nessun corso oltre i posti disponibili.")
        except (DBAPIError, SQLAlchemyError) as exc:
            report.add("Posti dei corsi", False, f"Controllo non riuscito ({_reason(exc)}).")


def _euro(cents: int) -> str:
    value = f"{cents / 100:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{value} €"


# --------------------------------------------------------------------------- entry point


def check(ctx: Context) -> CheckReport:
    """Check the database behind ``ctx``; never raises for a broken or foreign file."""
    report = CheckReport()
    engine = ctx.engine
    if not _open(ctx, report):
        return report
    sqlite = db.is_sqlite(engine)
    if sqlite:
        _sqlite_integrity(engine, report)
        if not report.items[-1].ok and "non si è potuto" in report.items[-1].detail:
            return report  # unreadable pages: the other checks would only repeat it
    at_head = _schema(engine, report)
    if at_head:
        _tables(engine, report)
    if sqlite:
        _sqlite_foreign_keys(engine, report)
    else:
        _generic_foreign_keys(engine, report)
    if at_head or _has_business_tables(engine):
        _business(engine, report)
    return report


def _has_business_tables(engine: Engine) -> bool:
    try:
        names = set(inspect(engine).get_table_names())
    except (DBAPIError, SQLAlchemyError):
        return False
    return "fund" in names or "course" in names


# --------------------------------------------------------------------------- the database as a whole


def describe_target(target: str | None) -> tuple[str, bool]:
    """The database ``target`` names (a path or URL, None: the default), as the clerk may read
    it: a file path, or a URL without its password; and whether it is a file."""
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db.resolve_url(target))
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:", True
        return url.render_as_string(hide_password=True), False
    except Exception:  # noqa: BLE001 - an unparsable URL: what was given, minus any credentials
        return (target or "").rsplit("@", 1)[-1], False


def needs_upgrade(target: str | None) -> bool:
    """Whether opening ``target`` will upgrade an existing SQLite file (so write to it): its
    schema revision, read without opening it for writing, is not this program's."""
    import sqlite3

    try:
        path = db.sqlite_file(db.resolve_url(target))
        if path is None or not path.exists() or path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except Exception:  # noqa: BLE001 - unreadable or not stamped: check it before writing
        return True
    return found is None or found[0] != db.SCHEMA_HEAD


def location(ctx: Context) -> str:
    """The SQLite file, or the server URL without its password."""
    path = db.sqlite_path(ctx.engine)
    return str(path) if path is not None else ctx.url


def refuse_writes(ctx: Context, reason: str) -> None:
    """From now on every write through ``ctx`` is refused with ``reason`` (the database was
    found damaged while the program runs); reading stays possible."""
    db.refuse_writes(ctx.sessions, reason)


def is_expected_failure(exc: BaseException) -> bool:
    """A failure to open or restore a database that the clerk is told in words (a refusal,
    a database or server error, a file system error), not a defect to report with a trace."""
    return isinstance(exc, (SportelloError, SQLAlchemyError, OSError))
