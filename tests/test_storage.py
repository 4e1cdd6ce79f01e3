"""Storage: pragmas, URL selection, optimistic locking, audit in the same transaction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm.exc import StaleDataError

from sportello.core import db
from sportello.core.models import AuditLog, Vertenza, Worker


def test_resolve_url_plain_path_env_and_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.setenv("SPORTELLO_DB", str(tmp_path / "env.db"))
    assert db.resolve_url(None).endswith("env.db")
    monkeypatch.delenv("SPORTELLO_DB")
    assert db.resolve_url(None) == f"sqlite:///{db.default_db_path()}"
    assert db.resolve_url("postgresql://u@h/x").startswith("postgresql+psycopg://")


def test_sqlite_connections_have_wal_foreign_keys_and_busy_timeout(ctx) -> None:  # type: ignore[no-untyped-def]
    if not db.is_sqlite(ctx.engine):
        pytest.skip("solo SQLite")
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.BUSY_TIMEOUT_MS


def test_foreign_keys_enforced(ctx) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with ctx.write() as s:
            s.execute(
                text(
                    "INSERT INTO employment_situation (worker_id, is_current, version, created_at,"
                    " updated_at) VALUES (424242, true, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                )
            )


def test_stale_edit_is_refused_not_overwritten(ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services.records import RecordConflict, update_record

    with ctx.write() as s:
        v = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia")
        s.add(v)
    opened_version = v.version  # both windows opened the record at this version
    with ctx.write() as s:
        update_record(s, Vertenza, v.id, opened_version, {"notes": "tavolo del 12 novembre"})
    with pytest.raises(RecordConflict) as info:
        with ctx.write() as s:
            update_record(s, Vertenza, v.id, opened_version, {"notes": "altra finestra"})
    assert info.value.theirs == {"notes": "tavolo del 12 novembre"}
    assert info.value.mine == {"notes": "altra finestra"}
    assert "versione 2" in str(info.value)
    with ctx.read() as s:
        assert s.get(Vertenza, v.id).notes == "tavolo del 12 novembre"


def test_concurrent_orm_update_raises_stale_data(db_url, ctx) -> None:  # type: ignore[no-untyped-def]
    """Two transactions open on the same row: the later UPDATE finds the version moved."""
    if db.is_sqlite(ctx.engine):
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE; covered above")
    with ctx.write() as s:
        v = Vertenza(code="KON-PC", title="Konecta Paycare", company_name="Konecta Paycare")
        s.add(v)
    first, second = ctx.sessions(), ctx.sessions()
    a, b = first.get(Vertenza, v.id), second.get(Vertenza, v.id)
    a.notes = "prima"
    first.commit()
    b.notes = "seconda"
    with pytest.raises(StaleDataError):
        second.commit()
    second.rollback()
    first.close()
    second.close()


def test_every_write_is_audited_with_old_and_new_values(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = Worker(codice_fiscale="RSSMRA80A01A479X", surname="Rossi", name="Mario")
        s.add(w)
    with ctx.write() as s:
        s.get(Worker, w.id).surname = "Rossi Bianchi"
    with ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "worker")).all()
    assert [r.action for r in rows] == ["create", "update"]
    assert rows[0].entity_id == w.id and rows[0].operator_id == ctx.actor.id
    assert rows[1].changes == {"surname": ["Rossi", "Rossi Bianchi"]}
    assert rows[1].worker_id == w.id


def test_failed_write_leaves_no_audit_row(ctx) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import IntegrityError

    with ctx.read() as s:
        before = s.scalar(select(text("count(*)")).select_from(AuditLog))
    with pytest.raises(IntegrityError):
        with ctx.write() as s:
            s.add(Worker(codice_fiscale="TOOSHORT", surname="X", name="Y"))
    with ctx.read() as s:
        assert s.scalar(select(text("count(*)")).select_from(AuditLog)) == before


def test_online_backup_is_a_consistent_copy(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not db.is_sqlite(ctx.engine):
        pytest.skip("solo SQLite")
    with ctx.write() as s:
        s.add(Vertenza(code="KON-IV", title="Konecta Ivrea", company_name="Konecta Italia"))
    out = db.sqlite_online_backup(ctx.engine, tmp_path / "copy.db")
    con = sqlite3.connect(out)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT code FROM vertenza").fetchall() == [("KON-IV",)]
    con.close()


def test_two_saves_at_once_give_the_conflict_not_an_internal_error(db_url, ctx) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL: both saves pass the version check, the later UPDATE waits for the first
    to commit and then matches no row. The clerk must get the conflict with both versions."""
    import threading

    from sportello.core.services import workers
    from sportello.core.services.records import RecordConflict

    if db.is_sqlite(ctx.engine):
        pytest.skip("SQLite serialises writers at BEGIN IMMEDIATE: the version check sees the first")
    wid = workers.create(ctx, workers.WorkerForm(codice_fiscale="RSSMRA80A01A479L",
                                                 surname="Rossi", name="Mario"))
    opened = workers.get(ctx, wid)
    first = ctx.sessions()
    row = first.get(Worker, wid)
    row.notes = "salvato dal primo sportello"
    first.flush()  # holds the row lock, not committed yet
    outcome: list[BaseException | None] = []

    def second_save() -> None:
        form = workers.WorkerForm(**{**opened.form.values(), "notes": "salvato dal secondo"})
        try:
            workers.save(ctx, wid, opened.version, form)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test reports it
            outcome.append(exc)

    thread = threading.Thread(target=second_save)
    thread.start()
    thread.join(1.0)  # the second UPDATE is now waiting for the first transaction
    first.commit()
    first.close()
    thread.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], RecordConflict), outcome
    assert outcome[0].theirs["notes"] == "salvato dal primo sportello"
    assert "notes" in str(outcome[0])
    with ctx.read() as s:
        assert s.get(Worker, wid).notes == "salvato dal primo sportello"


def test_the_database_named_to_the_clerk_never_shows_a_password() -> None:
    from sportello.core.services import maintenance

    where, is_file = maintenance.describe_target("postgresql://sportello:segreta@db.ufficio/sportello")
    assert not is_file
    assert "segreta" not in where and "db.ufficio/sportello" in where
    where, is_file = maintenance.describe_target("postgresql://sportello:segreta@[db.ufficio")
    assert "segreta" not in where
    where, is_file = maintenance.describe_target("/tmp/ufficio/sportello.db")
    assert is_file and where.endswith("sportello.db")
