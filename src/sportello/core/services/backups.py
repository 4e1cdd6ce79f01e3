"""Backups of the SQLite database: written, verified, rotated; restore; the start-up check.

Where: one folder per database file, ``<data folder>/backups/<name>-<hash of its path>/``;
each copy ``sportello-AAAAMMGG-HHMMSS-<kind>.db`` has a manifest next to it
(``.db.json``: source, kind, time, schema revision, row counts, verification).
Copies made before a migration stay where ``db.upgrade_to_head`` puts them (the
backups folder itself) and are listed too.

How a copy is made: SQLite's online backup API, from a read-only connection that holds
one read transaction, so the row counts taken first and the copied pages are the same
snapshot even while other counters keep writing. The copy is then opened on its own and
verified (``PRAGMA integrity_check``, the same row counts, a schema revision); a copy
that fails is deleted and the failure reported.

When:
- ``auto_backup`` on closing (and whenever the GUI likes, e.g. at start): only if
  something changed since the newest copy. "Changed" means the *fingerprint* differs:
  the schema revision and the highest ``audit_log`` id. Every write is audited in the
  same transaction (bulk writers record a summary row), so a new audit row is a change;
  rows written by a manual backup itself are left out. Automatic copies are rotated:
  the newest of each of the last 7 days, 4 weeks and 12 months are kept, so however
  often the program closes there is at most one automatic copy per day;
- ``before_import`` (called by the import) and ``restore`` (a safety copy of the current
  state) take event copies; the last 10 of each kind are kept;
- ``create_backup`` on request (``sportello backup``), never rotated away;
- before every migration: ``db.upgrade_to_head``.

The documents of the files are in the database (``document_chunk``), so every copy carries
them; ``restore`` refuses a copy in which a document does not match its SHA-256.

PostgreSQL: backups are the server's job (pg_dump); every function here says so plainly
(``NotSqlite``) instead of pretending.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sportello.core import db, paths
from sportello.core.context import Actor, Context
from sportello.core.errors import SportelloError
from sportello.core.models import Operator, Role
from sportello.core import audit, permissions
from sportello.core.services import documents, maintenance, passwords

Clock = Callable[[], dt.datetime]  # local naive time: file names and rotation are local days

PREFIX = "sportello-"
AUTO = "automatica"
MANUAL = "manuale"
PRE_RESTORE = "pre-ripristino"
PRE_IMPORT = "pre-importazione"
PRE_MIGRATION = "pre-migrazione"
EVENT_KINDS = (PRE_RESTORE, PRE_IMPORT)
KIND_LABELS = {
    AUTO: "automatica", MANUAL: "manuale", PRE_RESTORE: "prima di un ripristino",
    PRE_IMPORT: "prima di un'importazione", PRE_MIGRATION: "prima di un aggiornamento",
}
# Tables a Sportello database always has.
REQUIRED_TABLES = {"alembic_version", "office", "operator", "worker", "audit_log"}
POSTGRES_MESSAGE = (
    "Con PostgreSQL le copie di sicurezza sono compito del server: l'amministratore del "
    "server le pianifica con pg_dump (es. «pg_dump -Fc -f sportello.dump») e le ripristina "
    "con pg_restore. Sportello copia e ripristina solo i database SQLite."
)


class NotSqlite(SportelloError):
    def __init__(self) -> None:
        super().__init__(POSTGRES_MESSAGE)


class BackupFailed(SportelloError):
    pass


class RestoreRefused(SportelloError):
    """The file offered for a restore is not usable; the current database is untouched."""


def _local_now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    events: int = 10  # per event kind


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    created_at: dt.datetime  # local time
    size: int
    schema: str | None = None
    audit_max_id: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    verified: bool = False
    source: str | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def fingerprint(self) -> tuple[str | None, int | None]:
        return (self.schema, self.audit_max_id)


@dataclass(frozen=True)
class FileCheck:
    ok: bool
    problem: str | None
    schema: str | None = None
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StartupCheck:
    """What the GUI needs before opening a database for writing."""

    ok: bool
    problem: str | None
    database: Path | None
    latest_good: BackupInfo | None = None
    postgres: bool = False


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    safety: BackupInfo
    schema_before: str | None
    schema_after: str | None


# --------------------------------------------------------------------------- low level (sqlite3)


def _connect_ro(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=db.BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None)
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND (sql IS NULL OR sql NOT LIKE 'CREATE VIRTUAL%') ORDER BY name").fetchall()
    return [r[0] for r in rows]


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(conn)}


def _schema_of(conn: sqlite3.Connection) -> str | None:
    if "alembic_version" not in _tables(conn):
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def _audit_max(conn: sqlite3.Connection) -> int | None:
    if "audit_log" not in _tables(conn):
        return None
    return conn.execute("SELECT max(id) FROM audit_log WHERE action <> 'backup'").fetchone()[0]


def _path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a database, judged without opening it."""
    if not path.exists():
        return f"il file {path} non esiste."
    if not path.is_file():
        return f"{path} non è un file."
    if path.stat().st_size == 0:
        return f"il file {path.name} non è un database SQLite."
    return None


def _header_problem(path: Path) -> str | None:
    """After SQLite refused the file: is it no database at all? (see ``db.has_sqlite_header``)"""
    try:
        if db.has_sqlite_header(path):
            return None
    except OSError as exc:
        return f"il file {path} non si può leggere ({exc.strerror or exc})."
    return f"il file {path.name} non è un database SQLite."


def check_file(path: Path, *, quick: bool = False) -> FileCheck:
    """Is ``path`` a sound SQLite database? (integrity_check, or quick_check if ``quick``)."""
    problem = _path_problem(path)
    if problem:
        return FileCheck(False, problem[0].upper() + problem[1:])
    try:
        conn = _connect_ro(path)
        try:
            pragma = "quick_check" if quick else "integrity_check"
            result = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
            if result != ["ok"]:
                shown = "; ".join(result[:3])
                return FileCheck(False, f"Il file {path.name} è danneggiato ({shown}).")
            return FileCheck(True, None, _schema_of(conn), _counts(conn))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        problem = _header_problem(path)
        if problem:
            return FileCheck(False, problem[0].upper() + problem[1:])
        return FileCheck(False, f"Il file {path.name} è danneggiato o illeggibile ({exc}).")


def _snapshot_copy(source: Path, target: Path) -> tuple[dict[str, int], str | None, int | None]:
    """Online backup of ``source`` into ``target`` from one read snapshot; its row counts."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.part")
    if tmp.exists():
        tmp.unlink()
    src = _connect_ro(source)
    try:
        src.execute("BEGIN")
        counts = _counts(src)
        schema = _schema_of(src)
        audit_max = _audit_max(src)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        src.execute("COMMIT")
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    finally:
        src.close()
    os.replace(tmp, target)
    if os.name == "posix":
        target.chmod(0o600)
    return counts, schema, audit_max


# --------------------------------------------------------------------------- folder and manifests


def _source_path(ctx_or_path: Context | Path) -> Path:
    if isinstance(ctx_or_path, Path):
        return ctx_or_path
    path = db.sqlite_path(ctx_or_path.engine)
    if path is None:
        if db.is_sqlite(ctx_or_path.engine):
            raise SportelloError("Un database in memoria non ha copie di sicurezza.")
        raise NotSqlite()
    return path


def backup_folder(ctx_or_path: Context | Path) -> Path:
    """The folder of this database's copies (created on demand)."""
    source = _source_path(ctx_or_path).resolve()
    digest = hashlib.sha1(str(source).encode("utf-8")).hexdigest()[:8]
    folder = paths.backups_dir() / f"{source.stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    return folder


def _manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _write_manifest(info: BackupInfo) -> None:
    data = asdict(info)
    data["path"] = info.path.name
    data["created_at"] = info.created_at.isoformat()
    _manifest_path(info.path).write_text(json.dumps(data, ensure_ascii=False, indent=1),
                                         encoding="utf-8")


def _read_info(path: Path) -> BackupInfo | None:
    manifest = _manifest_path(path)
    stat = path.stat()
    if manifest.exists():
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
            return BackupInfo(path, data["kind"], dt.datetime.fromisoformat(data["created_at"]),
                              stat.st_size, data.get("schema"), data.get("audit_max_id"),
                              data.get("counts") or {}, bool(data.get("verified")),
                              data.get("source"))
        except (ValueError, KeyError, TypeError):
            pass
    kind = PRE_MIGRATION if path.name.startswith(PRE_MIGRATION) else "sconosciuta"
    created = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupInfo(path, kind, created, stat.st_size)


def _infos(folder: Path) -> list[BackupInfo]:
    found = []
    for path in folder.glob(f"{PREFIX}*.db"):
        if path.stat().st_size == 0:
            continue  # a name reserved by a copy still being written
        info = _read_info(path)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def _backups_of(source: Path) -> list[BackupInfo]:
    """Copies of ``source`` newest first, those made before migrations included."""
    found = _infos(backup_folder(source))
    for path in paths.backups_dir().glob(f"{PRE_MIGRATION}-*.db"):
        found.append(_read_info(path))  # type: ignore[arg-type]
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def list_backups(ctx: Context) -> list[BackupInfo]:
    """This database's copies, newest first."""
    permissions.require(ctx.actor, Role.OPERATORE, "vedere le copie di sicurezza")
    return _backups_of(_source_path(ctx))


# --------------------------------------------------------------------------- writing


def _write(source: Path, target: Path, kind: str, now: dt.datetime) -> BackupInfo:
    """Copy, verify, write the manifest; a copy failing verification is removed."""
    try:
        try:
            counts, schema, audit_max = _snapshot_copy(source, target)
        except BaseException:
            if target.exists() and target.stat().st_size == 0:
                target.unlink()  # the name reserved by ``_target``
            raise
    except sqlite3.DatabaseError as exc:
        raise BackupFailed(f"Copia di sicurezza non riuscita: il database non si può leggere "
                           f"({exc}).") from exc
    except OSError as exc:
        raise BackupFailed(f"Copia di sicurezza non riuscita: {exc.strerror or exc} "
                           f"({target.parent}).") from exc
    check = check_file(target)
    problem = check.problem
    if check.ok and check.counts != counts:
        diff = sorted(t for t in set(counts) | set(check.counts)
                      if counts.get(t) != check.counts.get(t))
        problem = f"righe diverse dall'originale nelle tabelle {', '.join(diff[:5])}"
    if check.ok and check.schema != schema:
        problem = "versione dello schema diversa dall'originale"
    if problem:
        target.unlink(missing_ok=True)
        raise BackupFailed(f"La copia di sicurezza non ha superato la verifica ({problem}); è "
                           "stata eliminata. Il database non è stato toccato.")
    info = BackupInfo(target, kind, now, target.stat().st_size, schema, audit_max, counts,
                      True, str(source))
    if target.name.startswith(PREFIX):
        _write_manifest(info)
    return info


def _target(folder: Path, kind: str, now: dt.datetime) -> Path:
    """A new file name in ``folder``, reserved by creating it (two programs copying in the
    same second each get their own name; the copy then replaces the empty placeholder)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{PREFIX}{now:%Y%m%d-%H%M%S}-{kind}"
    target = folder / f"{base}.db"
    n = 2
    while True:
        try:
            os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return target
        except FileExistsError:
            target = folder / f"{base}-{n}.db"
            n += 1


def _take(ctx: Context, kind: str, now: dt.datetime | None) -> BackupInfo:
    source = _source_path(ctx)
    now = now or _local_now()
    return _write(source, _target(backup_folder(source), kind, now), kind, now)


def create_backup(ctx: Context, out: Path | str | None = None, *,
                  now: dt.datetime | None = None) -> BackupInfo:
    """A copy on request: into ``out`` if given, else into the backups folder (kept)."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "fare una copia di sicurezza manuale")
    source = _source_path(ctx)
    now = now or _local_now()
    if out is None:
        info = _write(source, _target(backup_folder(source), MANUAL, now), MANUAL, now)
    else:
        target = Path(out).expanduser().resolve()
        if target == source.resolve():
            raise SportelloError("La copia non può sovrascrivere il database stesso.")
        if target.is_dir():
            target = target / f"{PREFIX}{now:%Y%m%d-%H%M%S}-{MANUAL}.db"
        info = _write(source, target, MANUAL, now)
    with ctx.write() as s:
        audit.record(s, "backup", detail=f"copia di sicurezza manuale: {info.path}")
    return info


def fingerprint(ctx: Context) -> tuple[str | None, int | None]:
    """(schema revision, highest audit id) of the live database: equal means unchanged."""
    conn = _connect_ro(_source_path(ctx))
    try:
        return _schema_of(conn), _audit_max(conn)
    finally:
        conn.close()


def something_changed(ctx: Context) -> bool:
    source = _source_path(ctx)
    newest = next((b for b in _infos(backup_folder(source)) if b.verified), None)
    return newest is None or newest.fingerprint != fingerprint(ctx)


def auto_backup(ctx: Context, *, now: dt.datetime | None = None,
                rotation: Rotation = Rotation()) -> BackupInfo | None:
    """On closing: a verified copy if something changed, then rotation. None: not needed.

    Needs no role (it runs for whoever closes the program). On PostgreSQL it does
    nothing and returns None (the server's backups apply), nor on a database found damaged
    while the program ran (``db.refuse_writes``): its copy would only push good copies out.
    """
    if not db.is_sqlite(ctx.engine) or db.sqlite_path(ctx.engine) is None:
        return None
    if db.writes_refused(ctx.sessions):
        return None
    if not something_changed(ctx):
        return None
    now = now or _local_now()
    info = _take(ctx, AUTO, now)
    rotate(backup_folder(_source_path(ctx)), rotation)
    return info


def before_import(ctx: Context, *, now: dt.datetime | None = None) -> BackupInfo | None:
    """A safety copy before an import writes anything (None on PostgreSQL)."""
    if not db.is_sqlite(ctx.engine) or db.sqlite_path(ctx.engine) is None:
        return None
    info = _take(ctx, PRE_IMPORT, now)
    rotate(backup_folder(_source_path(ctx)), Rotation())
    return info


def rotate(folder: Path, rotation: Rotation = Rotation()) -> list[Path]:
    """Delete automatic copies beyond 7 daily / 4 weekly / 12 monthly, and old event copies."""
    infos = _infos(folder)
    keep: set[Path] = set()
    autos = [b for b in infos if b.kind == AUTO]  # newest first
    for size, key in ((rotation.daily, lambda d: d.date()),
                      (rotation.weekly, lambda d: tuple(d.isocalendar()[:2])),
                      (rotation.monthly, lambda d: (d.year, d.month))):
        seen: set[object] = set()
        for b in autos:
            k = key(b.created_at)
            if k in seen:
                continue
            seen.add(k)
            if len(seen) > size:
                break
            keep.add(b.path)
    for kind in EVENT_KINDS:
        keep.update(b.path for b in [b for b in infos if b.kind == kind][:rotation.events])
    removed = []
    for b in infos:
        if (b.kind == AUTO or b.kind in EVENT_KINDS) and b.path not in keep:
            b.path.unlink(missing_ok=True)
            _manifest_path(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


# --------------------------------------------------------------------------- start-up check


def startup_check(database: str | None = None) -> StartupCheck:
    """Before opening for writing: does the SQLite file pass ``PRAGMA quick_check``?

    When it does not, ``latest_good`` is the newest copy that passes it (or None), so the
    GUI can offer to restore it. A missing file is fine (it will be created); PostgreSQL
    is the server's business.
    """
    url = db.resolve_url(database)
    if not db.is_sqlite(url):
        return StartupCheck(True, None, None, postgres=True)
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    if not name or name == ":memory:":
        return StartupCheck(True, None, None)
    path = Path(name)
    if not path.exists() or path.stat().st_size == 0:
        return StartupCheck(True, None, path)
    check = check_file(path, quick=True)
    if check.ok:
        return StartupCheck(True, None, path)
    latest = latest_good_backup(path)
    return StartupCheck(False, f"{check.problem} Il database non viene aperto in scrittura.",
                        path, latest)


def latest_good_backup(source: Path) -> BackupInfo | None:
    for info in _backups_of(source):
        if check_file(info.path, quick=True).ok:
            return info
    return None


# --------------------------------------------------------------------------- restore


def inspect_candidate(path: Path | str) -> FileCheck:
    """Refuse (``RestoreRefused``) a file that is not a sound Sportello database of a
    schema this program knows; return its check otherwise. Reads only."""
    path = Path(path).expanduser()
    check = check_file(path)
    if not check.ok:
        raise RestoreRefused(f"{check.problem} Il database attuale non è stato toccato.")
    missing = REQUIRED_TABLES - set(check.counts)
    if missing or check.schema is None:
        raise RestoreRefused(
            f"Il file {path.name} non è un database di Sportello (mancano le tabelle "
            f"{', '.join(sorted(missing)) or 'alembic_version'}). Il database attuale non è "
            "stato toccato.")
    if check.schema != db.SCHEMA_HEAD and not _known_revision(check.schema):
        raise RestoreRefused(
            f"Il file {path.name} è stato scritto da una versione più recente di Sportello "
            f"(revisione schema {check.schema}): aggiornare il programma prima di "
            "ripristinarlo. Il database attuale non è stato toccato.")
    return check


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(db.alembic_config()).get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - unknown id: alembic raises several kinds
        return False


def _safety_copy(source: Path, now: dt.datetime) -> BackupInfo:
    """The current state before a restore; a raw file copy if SQLite cannot read it."""
    folder = backup_folder(source)
    try:
        return _write(source, _target(folder, PRE_RESTORE, now), PRE_RESTORE, now)
    except BackupFailed:
        target = _target(folder, PRE_RESTORE + "-grezza", now)
        shutil.copy2(source, target)
        wal = source.with_name(source.name + "-wal")
        if wal.exists():
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        info = BackupInfo(target, PRE_RESTORE, now, target.stat().st_size, source=str(source))
        _write_manifest(info)
        return info


def _copy_into(candidate: Path, live: Path) -> None:
    """Overwrite the live database with the candidate, through SQLite (WAL-safe)."""
    src = _connect_ro(candidate)
    try:
        dst = sqlite3.connect(live, timeout=db.BUSY_TIMEOUT_MS / 1000)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _replace_file(candidate: Path, live: Path) -> None:
    """Last resort for a live file SQLite cannot even open: swap the files."""
    tmp = live.with_name(live.name + ".ripristino")
    shutil.copyfile(candidate, tmp)
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(tmp, live)


def _staged(candidate: Path, live: Path, now: dt.datetime) -> tuple[Path, str | None]:
    """The candidate copied beside the live file, upgraded to head and verified there.

    Nothing live is touched: a copy whose schema upgrade fails, or that lacks a table or
    a column of the program's models after the upgrade, is refused and the staged file
    deleted. Returns the staged file and the schema revision it ends at.
    """
    staged = live.with_name(f".{live.name}.ripristino-{now:%Y%m%d-%H%M%S}-{os.getpid()}")
    try:
        _snapshot_copy(candidate, staged)
        engine = db.make_engine(f"sqlite:///{staged}")
        try:
            try:
                after = db.upgrade_to_head(engine, backup=False).after
            except Exception as exc:  # noqa: BLE001 - any migration failure refuses the copy
                raise RestoreRefused(
                    f"La copia {candidate.name} non si può aggiornare alla versione attuale "
                    f"dello schema ({str(exc).splitlines()[0][:200]}). Il database attuale non "
                    "è stato toccato.") from exc
            missing = maintenance.schema_differences(engine)
            if not missing:
                with Session(engine) as session:
                    damaged = documents.verify_hashes(session)
                if damaged:
                    raise RestoreRefused(
                        f"La copia {candidate.name} ha documenti che non corrispondono alla "
                        f"loro impronta SHA-256: {'; '.join(damaged[:5])}. Il database attuale "
                        "non è stato toccato.")
        finally:
            engine.dispose()
        plain = sqlite3.connect(staged)  # one file again: the pages are copied from it alone
        try:
            plain.execute("PRAGMA journal_mode=DELETE")
        finally:
            plain.close()
        if missing:
            raise RestoreRefused(
                f"La copia {candidate.name} non è completa: {'; '.join(missing[:5])}. Il "
                "database attuale non è stato toccato.")
        check = check_file(staged, quick=True)
        if not check.ok:
            raise RestoreRefused(f"{check.problem} Il database attuale non è stato toccato.")
        return staged, after
    except BaseException:
        _remove_with_journal(staged)
        raise


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def restore(ctx: Context, file: Path | str, *, now: dt.datetime | None = None) -> RestoreResult:
    """Replace the database with a copy (administrators only).

    The file is checked first, then copied beside the live database, upgraded there to
    the current schema and compared with the program's tables: any refusal leaves the
    live database untouched, so ``restore`` can always be run again. Only then is a
    safety copy of the current state taken and the staged pages written into the live
    file. The restore is audited in the restored database.
    """
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "ripristinare una copia di sicurezza")
    live = _source_path(ctx).resolve()
    candidate = Path(file).expanduser().resolve()
    if candidate == live:
        raise RestoreRefused("Il file scelto è il database in uso: scegliere una copia.")
    check = inspect_candidate(candidate)
    now = now or _local_now()
    staged, schema_after = _staged(candidate, live, now)
    try:
        safety = _safety_copy(live, now)
        ctx.engine.dispose()
        try:
            _copy_into(staged, live)
        except sqlite3.DatabaseError:
            if check_file(live, quick=True).ok:
                raise
            _replace_file(staged, live)
    finally:
        _remove_with_journal(staged)
    after = check_file(live, quick=True)
    if not after.ok:
        raise BackupFailed(f"Il ripristino non è riuscito ({after.problem}). La copia dello "
                           f"stato precedente è in {safety.path}.")
    with ctx.write() as s:
        actor = ctx.actor
        known = actor is not None and s.scalar(
            select(Operator.id).where(Operator.id == actor.id,
                                      Operator.username == actor.username)) is not None
        s.info["actor_id"] = actor.id if known else None  # type: ignore[union-attr]
        who = "" if known else f" da {actor.username} (non presente nella copia)"  # type: ignore[union-attr]
        audit.record(s, "restore", detail=f"ripristinata la copia {candidate.name}{who}; stato "
                     f"precedente salvato in {safety.path.name}")
    return RestoreResult(candidate, safety, check.schema, schema_after)


def actor_from_file(path: Path | str, username: str, password: str) -> Actor | None:
    """The active administrator ``username`` of a database file if ``password`` is theirs.

    Read-only: for restoring over a damaged database, whose own operators cannot be read
    (the copy's administrators, with the passwords they had then, vouch for the restore).
    """
    conn = _connect_ro(Path(path))
    try:
        row = conn.execute(
            "SELECT id, username, full_name, role, office_id, password_hash FROM operator "
            "WHERE active = 1 AND role = 'amministratore' AND username = ?",
            ((username or "").strip().lower(),)).fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    if row is None:
        passwords.verify_password(passwords.hash_password("-"), password or "")  # same time
        return None
    if not passwords.verify_password(row[5], password or ""):
        return None
    return Actor(*row[:5])
