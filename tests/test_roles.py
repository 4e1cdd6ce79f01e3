"""Who may do what, decided in the services (issue: hardening, point 3): funds and their
budgets are a team leader's; an operator undoes only their own imports; reading the
activity log and previewing a person's letter leave a trace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.import_sheets import HEADERS, worker_rows, write
from sqlalchemy import select

from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.errors import PermissionDenied
from sportello.core.models import AuditLog, FundKind, Office, Role
from sportello.core.services import audit_log, imports, letters, operators, training, workers

PASSWORD = "sportello2026"


def _as(ctx, role: str, username: str | None = None):  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, operators.OperatorData(
        username=username or f"op.{role}", full_name=f"Op {role}", password=PASSWORD, role=role))
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


def test_funds_and_budgets_are_a_team_leaders(ctx) -> None:  # type: ignore[no-untyped-def]
    form = training.FundForm(name="FNC 2026", kind=FundKind.FONDO_NUOVE_COMPETENZE, year=2026,
                             budget_cents=1_000_000)
    clerk = _as(ctx, Role.OPERATORE)
    with pytest.raises(PermissionDenied, match="responsabile"):
        training.create_fund(clerk, form)
    leader = _as(ctx, Role.RESPONSABILE)
    fund_id = training.create_fund(leader, form)
    (row,) = [f for f in training.list_funds(clerk) if f.id == fund_id]  # reading is for all
    raised = training.FundForm(**{**form.__dict__, "budget_cents": 99_000_000})
    with pytest.raises(PermissionDenied, match="budget"):
        training.update_fund(clerk, fund_id, row.version, raised)
    training.update_fund(leader, fund_id, row.version, raised)
    assert [f.budget_cents for f in training.list_funds(clerk) if f.id == fund_id] == [99_000_000]


def test_an_operator_undoes_only_their_own_import(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = worker_rows()
    first = write(tmp_path / "prima.xlsx", [HEADERS, *rows[:2]])
    second = write(tmp_path / "seconda.xlsx", [HEADERS, *rows[2:4]])
    by_admin = imports.import_file(ctx, first)
    clerk = _as(ctx, Role.OPERATORE)
    by_clerk = imports.import_file(clerk, second)
    with pytest.raises(PermissionDenied, match="altro operatore"):
        imports.undo(clerk, by_admin.exchange_id)
    imports.undo(clerk, by_clerk.exchange_id)
    imports.undo(_as(ctx, Role.RESPONSABILE), by_admin.exchange_id)


def test_reading_the_log_and_previewing_a_letter_leave_a_trace(ctx) -> None:  # type: ignore[no-untyped-def]
    code = cf.encode("Gallo", "Piero", "M", dt.date(1975, 6, 3), "L219")
    wid = workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname="Gallo", name="Piero",
                                                 residence_address="Via Roma 1",
                                                 residence_comune="Asti", residence_cap="14100",
                                                 residence_province="AT"))
    with ctx.write() as s:
        office = s.get(Office, ctx.actor.office_id)
        office.signatory_name, office.signatory_role = "Laura Bertolino", "La Responsabile"
    clerk = _as(ctx, Role.OPERATORE)
    letters.preview(clerk, "generica", wid, letters.Refs(subject="Prova", text="Testo"))
    audit_log.query(ctx, audit_log.AuditFilter(worker_id=wid))
    with ctx.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.operator_id, AuditLog.worker_id)
                         .where(AuditLog.action.in_(["letter_preview", "audit_view"]))).all()
    assert ("letter_preview", clerk.actor.id, wid) in rows
    assert ("audit_view", ctx.actor.id, None) in rows
