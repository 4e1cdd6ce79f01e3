"""Operators: login, slow-down and lockout (injectable clock), passwords, roles in services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.errors import PermissionDenied, ValidationError
from sportello.core.models import AuditLog, Operator, Role
from sportello.core.services import audit_log, operators, workers
from sportello.core.services.operators import (
    AccountInactive,
    AccountLocked,
    OperatorData,
    SecurityPolicy,
    WrongCredentials,
)

T0 = dt.datetime(2026, 11, 24, 9, 0, 0)
PASSWORD = "sportello2026"
ROLES = [Role.OPERATORE, Role.RESPONSABILE, Role.AMMINISTRATORE]


class Clock:
    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += dt.timedelta(**kw)


def _operator(ctx, role: str = Role.OPERATORE, username: str | None = None):  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, OperatorData(
        username=username or f"op.{role}", full_name=f"Giulia {role.capitalize()}",
        password=PASSWORD, role=role))
    return info


def _as(ctx, role: str):  # type: ignore[no-untyped-def]
    if role == Role.AMMINISTRATORE:
        return ctx
    info = _operator(ctx, role)
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


def _audit_actions(ctx, operator_id: int | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        q = select(AuditLog.action).where(AuditLog.action.in_(
            ["login", "logout", "login_failed", "login_refused", "unlock", "password_change",
             "password_reset"])).order_by(AuditLog.id)
        if operator_id is not None:
            q = q.where(AuditLog.entity_id == operator_id)
        return list(s.scalars(q))


def _worker_form(surname: str, name: str, day: int) -> workers.WorkerForm:
    code = cf.encode(surname, name, "F", dt.date(1980, 3, day), "A479")
    return workers.WorkerForm(codice_fiscale=code, surname=surname, name=name)


# --------------------------------------------------------------------------- login


def test_login_returns_the_actor_and_is_audited(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    clock = Clock()
    actor = operators.authenticate(ctx, "  OP.Operatore ", PASSWORD, clock=clock)
    assert (actor.id, actor.username, actor.role) == (info.id, "op.operatore", "operatore")
    assert operators.must_change_password(ctx, actor)  # first password is temporary
    assert operators.get_operator(ctx, info.id).last_login_at == T0
    operators.logout(ctx.acting_as(actor))
    assert _audit_actions(ctx, info.id) == ["login", "logout"]
    with ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.action.in_(["login", "logout"]))).all()
    assert {r.operator_id for r in rows} == {info.id}


def test_wrong_password_and_unknown_user_say_the_same(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    with pytest.raises(WrongCredentials) as wrong_pw:
        operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=Clock())
    with pytest.raises(WrongCredentials) as unknown:
        operators.authenticate(ctx, "nessuno", PASSWORD, clock=Clock())
    assert str(wrong_pw.value) == str(unknown.value) == "Nome utente o password errati."
    assert _audit_actions(ctx) == ["login_failed", "login_failed"]
    with ctx.read() as s:
        failed = s.scalars(select(AuditLog).where(AuditLog.action == "login_failed")
                           .order_by(AuditLog.id)).all()
    assert failed[0].entity_id == info.id and failed[0].changes == {"failed_logins": [0, 1]}
    assert failed[1].entity_id is None and "nessuno" in failed[1].detail


def test_each_failure_slows_the_next_attempt_down(ctx) -> None:  # type: ignore[no-untyped-def]
    _operator(ctx)
    clock = Clock()
    for failures, wait in ((1, 1), (2, 2), (3, 4)):
        with pytest.raises(WrongCredentials):
            operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=clock)
        # even the right password is refused until the delay is over, and not counted
        clock.advance(seconds=wait - 0.5)
        with pytest.raises(AccountLocked, match="attendere 1 secondo") as info:
            operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock)
        assert not info.value.long_lock
        clock.advance(seconds=0.6)
        op = next(o for o in operators.list_operators(ctx) if o.username == "op.operatore")
        assert op.failed_logins == failures
    actor = operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock)
    op = operators.get_operator(ctx, actor.id)
    assert op.failed_logins == 0 and op.locked_until is None


def test_lockout_after_max_failures_then_expires(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    operators.set_policy(ctx, SecurityPolicy(idle_lock_minutes=5, max_failures=3, lock_minutes=15,
                                             delay_seconds=0, max_delay_seconds=0))
    clock = Clock()
    for _ in range(3):
        with pytest.raises(WrongCredentials):
            operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=clock)
        clock.advance(seconds=1)
    clock.advance(minutes=5)
    with pytest.raises(AccountLocked) as locked:
        operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock)
    until = operators.local_time(T0 + dt.timedelta(seconds=2, minutes=15))
    assert locked.value.long_lock and f"bloccato fino alle {until:%H:%M}" in str(locked.value)
    assert operators.get_operator(ctx, info.id).is_locked(clock())
    clock.advance(minutes=10)
    # after the lock a wrong password starts counting again from one, no instant relock
    with pytest.raises(WrongCredentials):
        operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=clock)
    assert operators.get_operator(ctx, info.id).failed_logins == 1
    clock.advance(seconds=1)
    assert operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock).id == info.id
    assert _audit_actions(ctx, info.id) == ["login_failed"] * 3 + ["login_refused",
                                                                     "login_failed", "login"]
    assert operators.idle_lock_minutes(ctx) == 5


def test_admin_unlocks_a_locked_account(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    operators.set_policy(ctx, SecurityPolicy(max_failures=1, lock_minutes=60))
    clock = Clock()
    with pytest.raises(WrongCredentials):
        operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=clock)
    with pytest.raises(AccountLocked):
        operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock)
    operators.unlock(ctx, info.id)
    assert operators.authenticate(ctx, "op.operatore", PASSWORD, clock=clock).id == info.id


def test_inactive_account_is_told_only_with_the_right_password(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    operators.update_operator(ctx, info.id, info.version, active=False)
    with pytest.raises(WrongCredentials):
        operators.authenticate(ctx, "op.operatore", "sbagliata1", clock=Clock())
    with pytest.raises(AccountInactive, match="disattivato"):
        operators.authenticate(ctx, "op.operatore", PASSWORD, clock=Clock(T0 + dt.timedelta(minutes=1)))


def test_unlock_screen_checks_the_same_operator(ctx) -> None:  # type: ignore[no-untyped-def]
    actor = operators.authenticate(ctx, "admin", "prova1234", clock=Clock())
    session = ctx.acting_as(actor)
    with pytest.raises(WrongCredentials):
        operators.unlock_screen(session, "sbagliata1", clock=Clock(T0 + dt.timedelta(minutes=1)))
    assert operators.unlock_screen(session, "prova1234",
                                   clock=Clock(T0 + dt.timedelta(minutes=2))).id == actor.id
    assert _audit_actions(ctx, actor.id) == ["login", "login_failed", "unlock"]


# --------------------------------------------------------------------------- passwords


def test_change_and_reset_password(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx)
    actor = operators.authenticate(ctx, "op.operatore", PASSWORD, clock=Clock())
    me = ctx.acting_as(actor)
    with pytest.raises(ValidationError, match="attuale non è corretta"):
        operators.change_password(me, "sbagliata1", "nuova2026x")
    with pytest.raises(ValidationError, match="almeno 8"):
        operators.change_password(me, PASSWORD, "corta1")
    operators.change_password(me, PASSWORD, "nuova2026x")
    assert not operators.must_change_password(me)
    with pytest.raises(WrongCredentials):
        operators.authenticate(ctx, "op.operatore", PASSWORD, clock=Clock(T0 + dt.timedelta(hours=1)))
    operators.authenticate(ctx, "op.operatore", "nuova2026x", clock=Clock(T0 + dt.timedelta(hours=2)))
    # the administrator resets it: temporary password, to be changed, lock lifted
    fresh = operators.get_operator(ctx, info.id)
    after = operators.reset_password(ctx, info.id, "temporanea1")
    assert after.must_change_password and after.failed_logins == 0 and after.version > fresh.version
    actor = operators.authenticate(ctx, "op.operatore", "temporanea1",
                                   clock=Clock(T0 + dt.timedelta(hours=3)))
    assert operators.must_change_password(ctx, actor)
    with ctx.read() as s:
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "operator",
                                                AuditLog.entity_id == info.id)).all()
    assert not any("password_hash" in (r.changes or {}) for r in rows)  # hashes never audited


# --------------------------------------------------------------------------- administration


def test_create_and_update_operators(ctx) -> None:  # type: ignore[no-untyped-def]
    info = _operator(ctx, Role.RESPONSABILE, "l.bianchi")
    with pytest.raises(ValidationError, match="già usato"):
        _operator(ctx, Role.OPERATORE, "L.Bianchi")
    with pytest.raises(ValidationError, match="Ruolo non valido"):
        _operator(ctx, "capo", "c.verdi")
    updated = operators.update_operator(ctx, info.id, info.version, role=Role.OPERATORE,
                                        full_name="Luca  Bianchi")
    assert (updated.role, updated.full_name) == ("operatore", "Luca Bianchi")
    with pytest.raises(Exception, match="Qualcun altro"):
        operators.update_operator(ctx, info.id, info.version, active=False)
    names = [o.username for o in operators.list_operators(ctx)]
    assert set(names) == {"admin", "l.bianchi"}


def test_last_administrator_cannot_be_removed(ctx) -> None:  # type: ignore[no-untyped-def]
    admin = operators.get_operator(ctx, ctx.actor.id)
    with pytest.raises(ValidationError, match="almeno un amministratore"):
        operators.update_operator(ctx, admin.id, admin.version, role=Role.OPERATORE)
    with pytest.raises(ValidationError, match="almeno un amministratore"):
        operators.update_operator(ctx, admin.id, admin.version, active=False)
    _operator(ctx, Role.AMMINISTRATORE, "secondo.admin")
    assert operators.update_operator(ctx, admin.id, admin.version, active=False).active is False


def test_policy_is_validated(ctx) -> None:  # type: ignore[no-untyped-def]
    assert operators.get_policy(ctx) == SecurityPolicy()
    with pytest.raises(ValidationError):
        operators.set_policy(ctx, SecurityPolicy(max_failures=0))
    operators.set_idle_lock_minutes(ctx, 0)
    assert operators.get_policy(ctx).idle_lock_minutes == 0


# --------------------------------------------------------------------------- permissions

ADMIN_ONLY = {
    "create_operator": lambda c, t: operators.create_operator(
        c, OperatorData(username="nuovo.op", full_name="Nuovo Op", password=PASSWORD)),
    "update_operator": lambda c, t: operators.update_operator(c, t.id, t.version, full_name="X Y"),
    "reset_password": lambda c, t: operators.reset_password(c, t.id, "temporanea1"),
    "unlock": lambda c, t: operators.unlock(c, t.id),
    "set_policy": lambda c, t: operators.set_policy(c, SecurityPolicy(idle_lock_minutes=3)),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("call", sorted(ADMIN_ONLY))
def test_only_an_administrator_manages_operators(ctx, role, call) -> None:  # type: ignore[no-untyped-def]
    target = _operator(ctx, Role.OPERATORE, "bersaglio")
    target = operators.get_operator(ctx, target.id)
    acting = _as(ctx, role)
    if role == Role.AMMINISTRATORE:
        ADMIN_ONLY[call](acting, target)
    else:
        with pytest.raises(PermissionDenied, match="amministratore"):
            ADMIN_ONLY[call](acting, target)


@pytest.mark.parametrize("role", ROLES)
def test_only_a_responsabile_reads_the_audit(ctx, role, tmp_path) -> None:  # type: ignore[no-untyped-def]
    acting = _as(ctx, role)
    if role == Role.OPERATORE:
        with pytest.raises(PermissionDenied, match="responsabile"):
            audit_log.query(acting)
        with pytest.raises(PermissionDenied, match="responsabile"):
            audit_log.export_xlsx(acting, None, tmp_path / "a.xlsx")
    else:
        assert audit_log.query(acting).total > 0
        assert audit_log.export_xlsx(acting, None, tmp_path / "a.xlsx").rows > 0


@pytest.mark.parametrize("role", ROLES)
def test_only_a_responsabile_merges_files(ctx, role) -> None:  # type: ignore[no-untyped-def]
    keep = workers.create(ctx, _worker_form("Ferrero", "Chiara", 5))
    drop = workers.create(ctx, _worker_form("Ferrero", "Chiara", 6), allow_similar=True)
    acting = _as(ctx, role)
    if role == Role.OPERATORE:
        with pytest.raises(PermissionDenied, match="responsabile"):
            workers.merge(acting, keep, drop)
    else:
        assert workers.merge(acting, keep, drop).id == keep


def test_no_actor_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    nobody = ctx.acting_as(None)
    with pytest.raises(PermissionDenied, match="operatore riconosciuto"):
        operators.list_operators(nobody)
    with pytest.raises(PermissionDenied):
        operators.change_password(nobody, PASSWORD, "nuova2026x")
    # the login dialog reads the policy before anyone is logged in
    assert operators.get_policy(nobody).max_failures == 5


def test_operator_rows_are_plain_data(ctx) -> None:  # type: ignore[no-untyped-def]
    rows = operators.list_operators(ctx)
    assert rows and all(isinstance(r, operators.OperatorInfo) for r in rows)
    assert rows[0].role_label == "amministratore"
    with ctx.read() as s:
        assert s.scalar(select(Operator.must_change_password).where(Operator.username == "admin")) \
            is False
