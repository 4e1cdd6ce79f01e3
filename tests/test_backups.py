"""Backups: written and verified, rotated over simulated days, restore with a safety copy,
refusals that leave the database byte-identical, the start-up check on a damaged file, and
two processes saving the same file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core import codice_fiscale as cf
from sportello.core import db, paths
from sportello.core.bootstrap import bootstrap
from sportello.core.context import Actor, Context
from sportello.core.errors import PermissionDenied
from sportello.core.models import AuditLog, Role, Worker
from sportello.core import audit
from sportello.core.services import backups, operators, setup, workers

PASSWORD = "sportello2026"
DAY0 = dt.datetime(2026, 1, 5, 18, 30)  # a Monday


@pytest.fixture
def sctx(sqlite_url: str):  # type: ignore[no-untyped-def]
    """A SQLite database with an office and its administrator (acting as them)."""
    context = bootstrap(sqlite_url)
    actor = setup.initialise(
        context, setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"))
    context = context.acting_as(actor)
    yield context
    context.close()


def _worker(ctx: Context, surname: str = "Gallo", name: str = "Piero", day: int = 3) -> int:
    code = cf.encode(surname, name, "M", dt.date(1975, 6, day), "L219")
    return workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname=surname, name=name),
                          allow_similar=True)


def _count(ctx: Context) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count(Worker.id))) or 0


def _as(ctx: Context, role: str) -> Context:
    if role == Role.AMMINISTRATORE:
        return ctx
    info = operators.create_operator(ctx, operators.OperatorData(
        username=f"op.{role}", full_name=f"Op {role}", password=PASSWORD, role=role))
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- writing


def test_manual_backup_is_verified_and_has_a_manifest(sctx: Context, tmp_path: Path) -> None:
    _worker(sctx)
    info = backups.create_backup(sctx)
    assert info.verified and info.kind == "manuale" and info.path.parent == backups.backup_folder(sctx)
    assert info.path.parent.parent == paths.backups_dir()
    assert info.counts["worker"] == 1 and info.counts["operator"] == 1
    manifest = json.loads(info.path.with_name(info.path.name + ".json").read_text())
    assert manifest["verified"] and manifest["schema"] == db.SCHEMA_HEAD
    assert backups.check_file(info.path).ok
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    if os.name == "posix":
        assert info.path.stat().st_mode & 0o777 == 0o600
    out = backups.create_backup(sctx, tmp_path / "mia-copia.db")
    assert out.path == tmp_path / "mia-copia.db" and out.verified
    assert [b.path for b in backups.list_backups(sctx)] == [info.path]
    with sctx.read() as s:
        assert s.scalar(select(func.count(AuditLog.id)).where(AuditLog.action == "backup")) == 2


@pytest.mark.parametrize("role", [Role.OPERATORE, Role.RESPONSABILE, Role.AMMINISTRATORE])
def test_roles_for_backup_and_restore(sctx: Context, role: str) -> None:
    copy = backups.create_backup(sctx)
    acting = _as(sctx, role)
    if role == Role.OPERATORE:
        with pytest.raises(PermissionDenied, match="responsabile"):
            backups.create_backup(acting)
    else:
        assert backups.create_backup(acting).verified
    if role != Role.AMMINISTRATORE:
        with pytest.raises(PermissionDenied, match="amministratore"):
            backups.restore(acting, copy.path)
    else:
        assert backups.restore(acting, copy.path).safety.verified
    assert backups.list_backups(acting)


def test_automatic_backup_only_when_something_changed(sctx: Context) -> None:
    first = backups.auto_backup(sctx, now=DAY0)
    assert first is not None and first.kind == "automatica"
    assert backups.auto_backup(sctx, now=DAY0 + dt.timedelta(hours=1)) is None  # nothing new
    backups.create_backup(sctx, now=DAY0 + dt.timedelta(hours=2))  # its audit row is no change
    assert backups.auto_backup(sctx, now=DAY0 + dt.timedelta(hours=3)) is None
    _worker(sctx)
    second = backups.auto_backup(sctx, now=DAY0 + dt.timedelta(hours=4))
    assert second is not None and second.counts["worker"] == 1
    # several closes on one day leave one automatic copy for that day: the newest
    autos = [b for b in backups.list_backups(sctx) if b.kind == "automatica"]
    assert [b.path for b in autos] == [second.path]


def test_rotation_keeps_7_daily_4_weekly_12_monthly(sctx: Context) -> None:
    day = DAY0
    for i in range(400):
        with sctx.write() as s:
            audit.record(s, "letter", detail=f"giorno {i}")
        assert backups.auto_backup(sctx, now=day) is not None
        day += dt.timedelta(days=1)
    last = day - dt.timedelta(days=1)
    autos = [b for b in backups.list_backups(sctx) if b.kind == "automatica"]
    dates = sorted(b.created_at.date() for b in autos)
    # the newest of each of the last 7 days
    assert dates[-7:] == [(last - dt.timedelta(days=n)).date() for n in range(6, -1, -1)]
    # one per ISO week for the last 4 weeks, one per month for the last 12
    weeks = {tuple(d.isocalendar()[:2]) for d in dates}
    months = {(d.year, d.month) for d in dates}
    last_weeks = {tuple((last - dt.timedelta(weeks=n)).isocalendar()[:2]) for n in range(4)}
    assert last_weeks <= weeks
    assert len(months) == 12 and (last.year, last.month) in months
    assert len(autos) <= 7 + 4 + 12
    assert all(b.verified for b in autos)
    files = sorted(p.name for p in backups.backup_folder(sctx).iterdir())
    assert len(files) == 2 * len(autos)  # each copy with its manifest, nothing else


# --------------------------------------------------------------------------- restore


def test_restore_brings_the_copy_back_with_a_safety_copy(sctx: Context) -> None:
    _worker(sctx)
    copy = backups.create_backup(sctx)
    _worker(sctx, "Serra", "Dario", 4)
    assert _count(sctx) == 2
    result = backups.restore(sctx, copy.path)
    assert _count(sctx) == 1
    assert result.safety.kind == "pre-ripristino" and result.safety.verified
    assert result.safety.counts["worker"] == 2  # the state before the restore is kept
    with sctx.read() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.action == "restore")).one()
    assert row.operator_id == sctx.actor.id and copy.path.name in row.detail
    from sportello.core.services import maintenance

    assert maintenance.check(sctx).ok


def _not_sportello(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE ricette (nome TEXT)")
    conn.commit()
    conn.close()
    return path


def _newer(sctx: Context, path: Path) -> Path:
    backups.create_backup(sctx, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_futura'")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("bad, words", [
    ("text", "non è un database SQLite"),
    ("other", "non è un database di Sportello"),
    ("newer", "versione più recente"),
    ("missing", "non esiste"),
])
def test_bad_file_is_refused_and_the_database_is_untouched(sctx: Context, tmp_path: Path,
                                                           bad: str, words: str) -> None:
    _worker(sctx)
    candidate = tmp_path / f"{bad}.db"
    if bad == "text":
        candidate.write_text("nome;cognome\nMario;Rossi\n")
    elif bad == "other":
        _not_sportello(candidate)
    elif bad == "newer":
        _newer(sctx, candidate)
    live = db.sqlite_path(sctx.engine)
    sctx.engine.dispose()  # checkpoint: the whole state is in the main file
    before = _digest(live)
    listed = backups.list_backups(sctx)
    with pytest.raises(backups.RestoreRefused, match=words) as refused:
        backups.restore(sctx, candidate)
    assert "non è stato toccato" in str(refused.value)
    assert _digest(live) == before
    assert backups.list_backups(sctx) == listed  # not even a safety copy was needed
    assert _count(sctx) == 1


def test_older_schema_copy_is_upgraded_after_restore(sctx: Context, tmp_path: Path) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    old = db.make_engine(f"sqlite:///{tmp_path / 'vecchia.db'}")  # a copy from the last release
    cfg = db.alembic_config(old)
    previous = ScriptDirectory.from_config(cfg).get_revision(db.head_revision(old)).down_revision
    with old.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, previous)
        if conn.in_transaction():
            conn.commit()
    old.dispose()
    result = backups.restore(sctx, tmp_path / "vecchia.db")
    assert (result.schema_before, result.schema_after) == (previous, db.SCHEMA_HEAD)
    assert db.current_revision(sctx.engine) == db.SCHEMA_HEAD
    with sctx.read() as s:  # the restoring administrator is not in that copy: named instead
        row = s.scalars(select(AuditLog).where(AuditLog.action == "restore")).one()
    assert row.operator_id is None and "admin (non presente nella copia)" in row.detail


# --------------------------------------------------------------------------- start-up check


def _corrupt(path: Path) -> None:
    """Scribble over the middle of the file (the table and index pages, not the header)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 3)
        handle.write(os.urandom(size // 3))


def test_startup_check_finds_damage_and_the_latest_good_copy(
        sqlite_url: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = bootstrap(sqlite_url)
    actor = setup.initialise(
        ctx, setup.OfficeData(code="CPI-AT", name="CPI Asti"),
        setup.AdminData(username="admin", full_name="Anna Admin", password="prova1234"))
    ctx = ctx.acting_as(actor)
    for day in range(1, 29):
        _worker(ctx, "Gallo", f"Piero{chr(64 + day)}", day)
    older = backups.auto_backup(ctx, now=DAY0)
    _worker(ctx, "Serra", "Dario", 4)
    newest = backups.auto_backup(ctx, now=DAY0 + dt.timedelta(days=1))
    live = db.sqlite_path(ctx.engine)
    ctx.close()
    assert backups.startup_check(str(live)).ok
    _corrupt(newest.path)  # a damaged copy is skipped when looking for a good one
    _corrupt(live)
    start = backups.startup_check(str(live))
    assert not start.ok and "non viene aperto in scrittura" in start.problem
    assert start.latest_good is not None and start.latest_good.path == older.path
    # the command line restores over the damaged file, the copy saying who is administrator:
    # only with that administrator's password in the copy
    damaged = live.read_bytes()
    capsys.readouterr()
    monkeypatch.setenv("SPORTELLO_PASSWORD", "indovina1")
    assert main(["--db", str(live), "restore", str(older.path)]) == 1
    assert "nulla è stato ripristinato" in capsys.readouterr().err
    assert live.read_bytes() == damaged
    monkeypatch.setenv("SPORTELLO_PASSWORD", "prova1234")
    assert main(["--db", str(live), "restore", str(older.path)]) == 0
    out, err = capsys.readouterr()
    assert "Attenzione" in err and "Ripristinata la copia" in out
    assert backups.startup_check(str(live)).ok
    assert main(["--db", str(live), "check"]) == 0
    ctx = bootstrap(str(live))
    try:
        assert _count(ctx) == 28
    finally:
        ctx.close()


def test_startup_check_on_new_files_and_postgresql(tmp_path: Path) -> None:
    assert backups.startup_check(str(tmp_path / "nuovo.db")).ok
    pg = backups.startup_check("postgresql://sportello@server.local/sportello")
    assert pg.ok and pg.postgres


def test_postgresql_says_backups_are_the_servers_job() -> None:
    from sqlalchemy.orm import sessionmaker

    engine = db.make_engine("postgresql+psycopg://sportello@127.0.0.1:1/sportello")
    ctx = Context(engine, sessionmaker(engine), Actor(1, "admin", "Anna", "amministratore", 1))
    assert backups.auto_backup(ctx) is None and backups.before_import(ctx) is None
    for call in (backups.create_backup, backups.list_backups):
        with pytest.raises(backups.NotSqlite, match="pg_dump"):
            call(ctx)
    with pytest.raises(backups.NotSqlite, match="pg_dump"):
        backups.restore(ctx, "copia.db")
    engine.dispose()


# --------------------------------------------------------------------------- command line


def test_cli_backup_backups_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ufficio.db"
    monkeypatch.setenv("SPORTELLO_PASSWORD", PASSWORD)
    assert main(["--db", str(path), "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "backup"]) == 0
    out = capsys.readouterr().out
    assert "scritta e verificata" in out
    assert main(["--db", str(path), "backup", str(tmp_path / "fuori.db")]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "backups"]) == 0
    out = capsys.readouterr().out
    assert "manuale" in out and "verificata" in out and "1 copia di sicurezza." in out
    text = tmp_path / "lista.xlsx"
    text.write_text("non un database")
    before = _digest(path)
    assert main(["--db", str(path), "restore", str(text)]) == 1
    assert "non è un database SQLite" in capsys.readouterr().err
    assert _digest(path) == before
    assert main(["--db", str(path), "restore", str(tmp_path / "fuori.db")]) == 0
    assert "Lo stato precedente è salvato" in capsys.readouterr().out
    ctx = bootstrap(str(path))
    ctx = ctx.acting_as(setup.default_actor(ctx))
    operators.create_operator(ctx, operators.OperatorData(
        username="m.neri", full_name="Mario Neri", password=PASSWORD))
    ctx.close()
    monkeypatch.setenv("SPORTELLO_NEW_PASSWORD", PASSWORD + "n")  # the first change, forced
    assert main(["--db", str(path), "--operator", "m.neri", "password"]) == 0
    monkeypatch.setenv("SPORTELLO_PASSWORD", PASSWORD + "n")
    assert main(["--db", str(path), "--operator", "m.neri", "restore",
                 str(tmp_path / "fuori.db")]) == 1
    assert "Solo un amministratore" in capsys.readouterr().err
    for command in (["restore", "x.db"], ["backup"], ["backups"]):
        assert main(["--db", "postgresql://sportello@127.0.0.1:1/sportello", *command]) == 1
        assert "pg_dump" in capsys.readouterr().err


# --------------------------------------------------------------------------- two processes

_SAVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup, workers
    from sportello.core.services.records import RecordConflict

    db, worker_id, version, phone, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], Path(sys.argv[5])
    ctx = bootstrap(db)
    ctx = ctx.acting_as(setup.default_actor(ctx))
    detail = workers.get(ctx, worker_id, audit_open=False)
    form = detail.form
    form.mobile = phone
    while not go.exists():
        time.sleep(0.01)
    try:
        workers.save(ctx, worker_id, version, form)
        print("SALVATO")
    except RecordConflict as exc:
        print("CONFLITTO", exc)
    ctx.close()
""")


def test_two_processes_save_the_same_file(sctx: Context, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    wid = _worker(sctx)
    version = workers.get(sctx, wid, audit_open=False).version
    live = str(db.sqlite_path(sctx.engine))
    sctx.engine.dispose()
    go = tmp_path / "via"
    env = dict(os.environ)
    procs = [
        subprocess.Popen([sys.executable, "-c", _SAVER, live, str(wid), str(version), phone, str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for phone in ("3471111111", "3472222222")
    ]
    import time

    time.sleep(1.5)  # both have loaded the file at the same version
    go.touch()
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    lines = sorted(out.strip().splitlines()[-1] for out, _err in outputs)
    assert lines[0].startswith("CONFLITTO") and "Qualcun altro ha salvato" in lines[0]
    assert lines[1] == "SALVATO"
    detail = workers.get(sctx, wid, audit_open=False)
    assert detail.version == version + 1 and detail.form.mobile in ("3471111111", "3472222222")
    capsys.readouterr()
    assert main(["--db", live, "check"]) == 0
    assert "Database integro." in capsys.readouterr().out


# --------------------------------------------------------------------------- restore: staged


def _stamped_back(sctx: Context, path: Path) -> str:
    """A head copy stamped one revision back: upgrading it re-creates what exists, and fails."""
    from alembic.script import ScriptDirectory

    backups.create_backup(sctx, path)
    script = ScriptDirectory.from_config(db.alembic_config(sctx.engine))
    previous = script.get_revision(db.SCHEMA_HEAD).down_revision
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (previous,))
    conn.commit()
    conn.close()
    return str(previous)


def test_a_copy_whose_upgrade_fails_is_refused_before_touching_anything(
        sctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _worker(sctx)
    good = backups.create_backup(sctx, tmp_path / "buona.db")
    _worker(sctx, "Serra", "Dario", 4)
    _stamped_back(sctx, tmp_path / "rotta.db")
    live = db.sqlite_path(sctx.engine)
    sctx.engine.dispose()
    before = _digest(live)
    listed = backups.list_backups(sctx)
    with pytest.raises(backups.RestoreRefused, match="non si può aggiornare") as refused:
        backups.restore(sctx, tmp_path / "rotta.db")
    assert "non è stato toccato" in str(refused.value)
    assert _digest(live) == before and backups.list_backups(sctx) == listed
    assert not [p for p in live.parent.iterdir() if "ripristino" in p.name]  # staged file gone
    # the program still opens, and restore still works (from the command line too)
    capsys.readouterr()
    assert main(["--db", str(live), "check"]) == 0
    assert main(["--db", str(live), "restore", str(tmp_path / "rotta.db")]) == 1
    assert main(["--db", str(live), "restore", str(good.path)]) == 0
    assert _count(sctx) == 1


def test_a_copy_without_a_table_is_refused_and_check_names_the_table(
        sctx: Context, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _worker(sctx)
    partial = backups.create_backup(sctx, tmp_path / "parziale.db").path
    conn = sqlite3.connect(partial)
    conn.execute("DROP TABLE letter")
    conn.commit()
    conn.close()
    live = db.sqlite_path(sctx.engine)
    sctx.engine.dispose()
    before = _digest(live)
    with pytest.raises(backups.RestoreRefused, match="manca la tabella letter"):
        backups.restore(sctx, partial)
    assert _digest(live) == before
    capsys.readouterr()
    assert main(["--db", str(partial), "check"]) == 1
    out = capsys.readouterr().out
    assert "manca la tabella letter" in out and "Database integro" not in out


def test_two_safety_copies_in_the_same_second_get_their_own_files(sctx: Context) -> None:
    import threading

    for day in range(1, 29):
        _worker(sctx, "Gallo", f"Piero{chr(64 + day)}", day)
    for round_ in range(4):
        now = DAY0 + dt.timedelta(minutes=round_)
        start = threading.Barrier(2)
        made: list[object] = []

        def copy() -> None:
            start.wait()
            try:
                made.append(backups.before_import(sctx, now=now))
            except Exception as exc:  # noqa: BLE001 - the test reports it
                made.append(exc)

        threads = [threading.Thread(target=copy) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert all(isinstance(m, backups.BackupInfo) for m in made), made
        first, second = made
        assert first.path != second.path  # type: ignore[attr-defined]
        assert first.verified and second.verified  # type: ignore[attr-defined]
    names = [b.path.name for b in backups.list_backups(sctx)]
    assert len(names) == len(set(names)) == 8
    assert not list(backups.backup_folder(sctx).glob("*.part"))
