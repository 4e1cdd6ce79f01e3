"""The audit log: append-only at the ORM level, filtered queries with paging, xlsx export, CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from sportello.cli import main
from sportello.core import codice_fiscale as cf
from sportello.core.exchange.xlsx import rows_of
from sportello.core.models import AuditLog
from sportello.core import audit
from sportello.core.services import audit_log, operators, workers
from sportello.core.audit import AuditTampering
from sportello.core.services.audit_log import AuditFilter

PASSWORD = "sportello2026"


def _worker(ctx, surname: str, name: str, day: int, notes: str | None = None) -> int:  # type: ignore[no-untyped-def]
    code = cf.encode(surname, name, "M", dt.date(1975, 6, day), "L219")
    return workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname=surname, name=name,
                                                  notes=notes), allow_similar=True)


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = _worker(ctx, "Gallo", "Piero", 3)
    with ctx.read() as s:
        before = [(r.id, r.action, r.detail) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    refused = pytest.raises(AuditTampering, match="non si può modificare né cancellare")
    with refused, ctx.write() as s:
        row = s.scalars(select(AuditLog).where(AuditLog.worker_id == wid)).first()
        row.detail = "ritoccato"
    with pytest.raises(AuditTampering), ctx.write() as s:
        s.delete(s.scalars(select(AuditLog)).first())
    with pytest.raises(AuditTampering), ctx.write() as s:
        s.execute(update(AuditLog).values(detail="x"))
    with pytest.raises(AuditTampering), ctx.write() as s:
        s.execute(delete(AuditLog))
    with pytest.raises(AuditTampering), ctx.write() as s:
        s.execute(delete(AuditLog.__table__))
    with ctx.read() as s:
        after = [(r.id, r.action, r.detail) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert after == before
    # appending is what the log is for
    with ctx.write() as s:
        audit.record(s, "letter", worker_id=wid, detail="convocazione")
    assert audit_log.query(ctx, AuditFilter(action="letter")).total == 1


def test_the_database_itself_refuses_changes_that_skip_the_orm(ctx) -> None:  # type: ignore[no-untyped-def]
    """bulk_update_mappings skips the ORM events; raw SQL skips the program altogether."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    wid = _worker(ctx, "Gallo", "Piero", 3)
    with ctx.read() as s:
        before = [(r.id, r.action, r.detail) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]
        first = before[0][0]
    with pytest.raises(DBAPIError, match="registro attività"), ctx.write() as s:
        s.bulk_update_mappings(AuditLog, [{"id": first, "detail": "ritoccato"}])  # type: ignore[arg-type]
    with ctx.engine.connect() as conn:
        for statement in ("UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(DBAPIError, match="registro attività"):
                conn.execute(text(statement))
            conn.rollback()
        # the permit table is empty outside a merge or an anonymisation
        assert conn.execute(text("SELECT count(*) FROM audit_rewrite")).scalar() == 0
    with ctx.read() as s:
        after = [(r.id, r.action, r.detail) for r in s.scalars(select(AuditLog).order_by(AuditLog.id))]
    assert after == before
    # a merge rewrites the dropped file's rows through the permit, and leaves none behind
    other = _worker(ctx, "Gallo", "Pietro", 4)
    with ctx.read() as s:
        history = list(s.scalars(select(AuditLog.id).where(AuditLog.worker_id == other)))
    assert history
    workers.merge(ctx, wid, other)
    with ctx.read() as s:
        moved = s.scalars(select(AuditLog.worker_id).where(AuditLog.id.in_(history))).all()
    assert set(moved) == {wid}
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM audit_rewrite")).scalar() == 0


def test_query_filters_and_pages(ctx) -> None:  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, operators.OperatorData(
        username="m.conti", full_name="Marco Conti", password=PASSWORD, role="responsabile"))
    marco = operators.authenticate(ctx, "m.conti", PASSWORD)
    as_marco = ctx.acting_as(marco)
    a = _worker(ctx, "Gallo", "Piero", 3)
    b = _worker(as_marco, "Serra", "Dario", 4)
    for _ in range(5):
        workers.get(as_marco, a)
    workers.get(ctx, b)
    page = audit_log.query(ctx, AuditFilter(operator_username="m.conti", action="open"), limit=2)
    assert page.total == 5 and len(page.rows) == 2
    assert page.rows[0].id > page.rows[1].id  # newest first
    assert {r.operator_name for r in page.rows} == {"Marco Conti"}
    rest = audit_log.query(ctx, AuditFilter(operator_username="m.conti", action="open"), offset=4,
                           limit=2)
    assert len(rest.rows) == 1
    code_b = cf.encode("Serra", "Dario", "M", dt.date(1975, 6, 4), "L219")
    about_b = audit_log.query(ctx, AuditFilter(worker_cf=code_b.lower()))
    assert {r.worker_id for r in about_b.rows} == {b}
    assert {r.action for r in about_b.rows} == {"create", "open"}
    assert about_b.rows[0].worker_name == "Serra Dario"
    assert audit_log.query(ctx, AuditFilter(operator_id=info.id, action="login")).total == 1
    today = dt.date.today()
    everything = audit_log.query(ctx).total  # each consultation leaves one trace, after counting
    assert audit_log.query(ctx, AuditFilter(since=today, until=today)).total == everything + 1
    views = audit_log.query(ctx, AuditFilter(action="audit_view"))
    assert views.total >= 5 and views.rows[0].operator_name == ctx.actor.full_name
    assert "operatore m.conti, azione open" in views.rows[-1].detail
    audit_log.query(ctx, AuditFilter(action="audit_view"), offset=1)  # a later page: no trace
    assert audit_log.query(ctx, AuditFilter(action="audit_view")).total == views.total + 1
    assert audit_log.query(ctx, AuditFilter(until=today - dt.timedelta(days=1))).total == 0
    assert "open" in audit_log.actions(ctx)
    with pytest.raises(Exception, match="inesistente"):
        audit_log.query(ctx, AuditFilter(operator_username="nessuno"))


def test_update_rows_show_old_and_new_values(ctx) -> None:  # type: ignore[no-untyped-def]
    wid = _worker(ctx, "Gallo", "Piero", 3)
    detail = workers.get(ctx, wid)
    form = detail.form
    form.mobile = "347 123 4567"
    workers.save(ctx, wid, detail.version, form)
    row = audit_log.query(ctx, AuditFilter(worker_id=wid, action="update")).rows[0]
    assert row.changes["mobile"] == [None, "347 123 4567"]
    assert "mobile: — → 347 123 4567" in row.changes_text()


def test_export_is_safe_and_audited(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wid = _worker(ctx, "Gallo", "Piero", 3)
    with ctx.write() as s:
        audit.record(s, "letter", worker_id=wid, detail="=HYPERLINK(\"http://x\")")
    out = tmp_path / "registro.xlsx"
    result = audit_log.export_xlsx(ctx, AuditFilter(worker_id=wid), out)
    rows = list(rows_of(out))
    assert rows[0][0] == "N." and len(rows) == result.rows + 1 == 3
    letter = rows[-1]
    assert letter[4] == "lettera" and letter[10] == "=HYPERLINK(\"http://x\")"
    from openpyxl import load_workbook

    wb = load_workbook(out)
    cell = wb.active.cell(row=3, column=11)
    assert cell.data_type == "s"  # text, never a formula
    assert audit_log.query(ctx, AuditFilter(action="export")).rows[0].detail.startswith(
        "registro attività: 2 righe")
    with pytest.raises(Exception, match=".xlsx"):
        audit_log.export_xlsx(ctx, None, tmp_path / "registro.csv")


def test_cli_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "a.db"
    monkeypatch.setenv("SPORTELLO_PASSWORD", PASSWORD)
    assert main(["--db", str(db), "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    # A clerk's session: the failed login below slows down new logins, not the session
    assert main(["--db", str(db), "login"]) == 0
    monkeypatch.delenv("SPORTELLO_OPERATOR")
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    ctx = bootstrap(str(db))
    try:
        ctx = ctx.acting_as(setup.default_actor(ctx))
        wid = _worker(ctx, "Gallo", "Piero", 3)
        workers.get(ctx, wid)
        with pytest.raises(operators.WrongCredentials):
            operators.authenticate(ctx, "admin", "sbagliata1")
    finally:
        ctx.close()
    capsys.readouterr()
    code = cf.encode("Gallo", "Piero", "M", dt.date(1975, 6, 3), "L219")
    assert main(["--db", str(db), "audit", "--worker", code]) == 0
    out = capsys.readouterr().out
    assert "creazione" in out and "apertura fascicolo" in out and "2 righe mostrate su 2" in out
    assert main(["--db", str(db), "audit", "--action", "login_failed", "--since",
                 dt.date.today().strftime("%d/%m/%Y")]) == 0
    assert "accesso fallito" in capsys.readouterr().out
    xlsx = tmp_path / "audit.xlsx"
    assert main(["--db", str(db), "audit", "--operator-name", "admin", "--out", str(xlsx)]) == 0
    assert "Esportate" in capsys.readouterr().out and xlsx.exists()
    assert main(["--db", str(db), "audit", "--operator-name", "chi"]) == 1
    assert "inesistente" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        main(["--db", str(db), "audit", "--since", "31/31/2026"])
    assert bad.value.code == 2
