"""Vouchers: life cycle, budget and seats never exceeded (also under concurrent approval)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import func, select

from sportello.core.context import Actor
from sportello.core.errors import PermissionDenied, ValidationError
from sportello.core.models import (
    Course, CourseSession, Fund, Operator, Role, TrainingProvider, Voucher, VoucherStatusChange,
    Worker,
)
from sportello.core.services import vouchers
from sportello.core.services.vouchers import BudgetExceeded, NoSeatsLeft


def _setup(ctx, workers: int, budget_cents: int, seats: int, cost_cents: int = 1_000_00):  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        provider = TrainingProvider(name="Astiss", cf_piva="01234567890")
        fund = Fund(name="Fondo Nuove Competenze", kind="fnc", budget_cents=budget_cents)
        s.add_all([provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, title="Strumenti di intelligenza artificiale",
                        hours=40, seats=seats, cost_cents=cost_cents, min_attendance_pct=70,
                        ends_on=dt.date(2027, 3, 31))
        s.add(course)
        people = [Worker(codice_fiscale=f"RSSMRA80A01A{i:03d}X", surname="Rossi", name=f"Mario{i}")
                  for i in range(workers)]
        s.add_all(people)
        s.flush()
        return fund.id, course.id, [w.id for w in people]


def _actor(ctx, role: Role) -> Actor:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        op = Operator(office_id=ctx.actor.office_id, username=f"u_{role}", full_name=f"Op {role}",
                      role=role)
        s.add(op)
    return Actor(op.id, op.username, op.full_name, role, op.office_id)


def test_life_cycle_moves_money_between_committed_and_spent(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 5)
    v = vouchers.request(ctx, worker_id=wid, course_id=course_id, fund_id=fund_id,
                         today=dt.date(2026, 11, 20))
    assert v.status == "richiesto" and v.amount_cents == 1_000_00 and v.code.startswith("V-")
    v = vouchers.approve(ctx, v.id)
    f = vouchers.fund(ctx, fund_id)
    assert (f.committed_cents, f.spent_cents, f.remaining_cents) == (1_000_00, 0, 9_000_00)
    with ctx.write() as s:
        lesson = CourseSession(course_id=course_id, starts_at=dt.datetime(2026, 12, 1, 9), hours=30)
        s.add(lesson)
    v = vouchers.record_attendance(ctx, lesson.id, v.id, 30)
    assert v.status == "in_corso" and v.attendance_pct == 75.0
    v = vouchers.change_status(ctx, v.id, "concluso", today=dt.date(2027, 3, 31))
    assert v.certificate_eligible
    v = vouchers.change_status(ctx, v.id, "rendicontato", spent_cents=800_00)
    f = vouchers.fund(ctx, fund_id)
    assert (f.committed_cents, f.spent_cents, f.remaining_cents) == (0, 800_00, 9_200_00)
    with ctx.read() as s:
        history = s.scalars(select(VoucherStatusChange.status).where(
            VoucherStatusChange.voucher_id == v.id).order_by(VoucherStatusChange.id)).all()
    assert history == ["richiesto", "approvato", "in_corso", "concluso", "rendicontato"]


def test_illegal_transition_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 5)
    v = vouchers.request(ctx, worker_id=wid, course_id=course_id, fund_id=fund_id)
    with pytest.raises(ValidationError, match="richiesto non può diventare concluso"):
        vouchers.change_status(ctx, v.id, "concluso")


def test_revoked_voucher_returns_amount_and_seat(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 1)
    v = vouchers.approve(ctx, vouchers.request(ctx, worker_id=wid, course_id=course_id,
                                               fund_id=fund_id).id)
    vouchers.change_status(ctx, v.id, "revocato")
    assert vouchers.fund(ctx, fund_id).committed_cents == 0
    with ctx.read() as s:
        assert s.get(Course, course_id).seats_taken == 0


def test_budget_is_never_overspent(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, wids = _setup(ctx, 3, 2_500_00, 10)
    ids = [vouchers.request(ctx, worker_id=w, course_id=course_id, fund_id=fund_id).id for w in wids]
    vouchers.approve(ctx, ids[0])
    vouchers.approve(ctx, ids[1])
    with pytest.raises(BudgetExceeded, match="restano € 500,00"):
        vouchers.approve(ctx, ids[2])
    assert vouchers.get(ctx, ids[2]).status == "richiesto"
    assert vouchers.fund(ctx, fund_id).committed_cents == 2_000_00


def test_seats_are_never_exceeded(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, wids = _setup(ctx, 2, 100_000_00, 1)
    ids = [vouchers.request(ctx, worker_id=w, course_id=course_id, fund_id=fund_id).id for w in wids]
    vouchers.approve(ctx, ids[0])
    with pytest.raises(NoSeatsLeft):
        vouchers.approve(ctx, ids[1])
    assert vouchers.fund(ctx, fund_id).committed_cents == 1_000_00  # the failed one rolled back


def test_only_a_responsabile_approves_above_the_threshold(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, wids = _setup(ctx, 2, 100_000_00, 5, cost_cents=2_000_00)
    clerk = ctx.acting_as(_actor(ctx, Role.OPERATORE))
    boss = ctx.acting_as(_actor(ctx, Role.RESPONSABILE))
    v = vouchers.request(clerk, worker_id=wids[0], course_id=course_id, fund_id=fund_id)
    with pytest.raises(PermissionDenied, match="€ 1.500,00"):
        vouchers.approve(clerk, v.id)
    assert vouchers.fund(ctx, fund_id).committed_cents == 0
    assert vouchers.approve(boss, v.id).status == "approvato"
    with pytest.raises(PermissionDenied):
        vouchers.set_approval_threshold(boss, 5_000_00)
    vouchers.set_approval_threshold(ctx, 5_000_00)  # the administrator raises it
    v2 = vouchers.request(clerk, worker_id=wids[1], course_id=course_id, fund_id=fund_id)
    assert vouchers.approve(clerk, v2.id).status == "approvato"


def test_concurrent_approvals_never_overspend(ctx) -> None:  # type: ignore[no-untyped-def]
    """Eight counters approve at once; the fund has room for exactly three vouchers."""
    fund_id, course_id, wids = _setup(ctx, 8, 3_000_00, 100)
    ids = [vouchers.request(ctx, worker_id=w, course_id=course_id, fund_id=fund_id).id for w in wids]
    barrier = threading.Barrier(len(ids))
    results: list[str] = []
    lock = threading.Lock()

    def approve(voucher_id: int) -> None:
        barrier.wait()
        try:
            vouchers.approve(ctx, voucher_id)
            outcome = "ok"
        except BudgetExceeded:
            outcome = "budget"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=approve, args=(i,)) for i in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["budget"] * 5 + ["ok"] * 3
    f = vouchers.fund(ctx, fund_id)
    assert f.committed_cents == 3_000_00 and f.remaining_cents == 0
    with ctx.read() as s:
        approved = s.scalar(select(func.count(Voucher.id)).where(Voucher.status == "approvato"))
        assert approved == 3
        assert s.get(Course, course_id).seats_taken == 3


def _held(ctx, course_id: int, day: dt.datetime, hours: float = 4) -> int:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        lesson = CourseSession(course_id=course_id, starts_at=day, hours=hours)
        s.add(lesson)
        s.flush()
        return lesson.id


def test_attendance_only_for_lessons_held_and_covered_by_the_voucher(ctx) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, major 5: no attendance for a lesson of 15/03/2027 on 6/12/2026, nor for a
    lesson before the voucher was requested; the voucher stays "approvato" until a valid one."""
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 5)
    v = vouchers.request(ctx, worker_id=wid, course_id=course_id, fund_id=fund_id,
                         today=dt.date(2026, 11, 10))
    v = vouchers.approve(ctx, v.id, today=dt.date(2026, 11, 12))
    future = _held(ctx, course_id, dt.datetime(2027, 3, 15, 9))
    before = _held(ctx, course_id, dt.datetime(2026, 11, 3, 9))
    held = _held(ctx, course_id, dt.datetime(2026, 12, 4, 9))
    today = dt.date(2026, 12, 6)
    with pytest.raises(ValidationError, match=r"lezione del 15/03/2027 non si è ancora svolta"):
        vouchers.record_attendance(ctx, future, v.id, 4, today=today)
    with pytest.raises(ValidationError, match=r"lezione del 03/11/2026 precede la richiesta del "
                                              r"voucher .* \(10/11/2026\)"):
        vouchers.record_attendance(ctx, before, v.id, 4, today=today)
    assert vouchers.get(ctx, v.id).status == "approvato"  # not moved on by a refused record
    assert vouchers.get(ctx, v.id).hours_attended == 0
    v = vouchers.record_attendance(ctx, held, v.id, 4, today=today)
    assert (v.status, v.hours_attended) == ("in_corso", 4)
    # on the day of the lesson it is accepted (the lesson has taken place or is taking place)
    v = vouchers.record_attendance(ctx, future, v.id, 3, today=dt.date(2027, 3, 15))
    assert v.hours_attended == 7


def test_voucher_concluded_only_after_the_course_ends(ctx) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, major 6: "concluso" is refused before the course's end date (31/03/2027)."""
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 5)
    v = vouchers.approve(ctx, vouchers.request(ctx, worker_id=wid, course_id=course_id,
                                               fund_id=fund_id, today=dt.date(2026, 11, 1)).id)
    vouchers.change_status(ctx, v.id, "in_corso")
    with pytest.raises(ValidationError, match=r"non può essere concluso: il corso «Strumenti di "
                                              r"intelligenza artificiale» termina il 31/03/2027"):
        vouchers.change_status(ctx, v.id, "concluso", today=dt.date(2026, 12, 6))
    assert vouchers.get(ctx, v.id).status == "in_corso"
    v = vouchers.change_status(ctx, v.id, "concluso", today=dt.date(2027, 3, 31))
    assert v.status == "concluso"


def test_attendance_grid_saves_every_cell_in_one_transaction(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, (w1, w2) = _setup(ctx, 2, 10_000_00, 5)
    a, b = (vouchers.approve(ctx, vouchers.request(ctx, worker_id=w, course_id=course_id,
                                                   fund_id=fund_id, today=dt.date(2026, 11, 1)).id)
            for w in (w1, w2))
    l1 = _held(ctx, course_id, dt.datetime(2026, 11, 20, 9))
    l2 = _held(ctx, course_id, dt.datetime(2026, 11, 27, 9))
    l3 = _held(ctx, course_id, dt.datetime(2027, 1, 15, 9))
    today = dt.date(2026, 12, 6)
    # a future lesson in the grid refuses the whole save: nothing is written
    with pytest.raises(ValidationError, match=r"Rossi Mario1: La lezione del 15/01/2027 non si è "
                                              r"ancora svolta.*Nessuna presenza è stata salvata"):
        vouchers.record_attendance_grid(ctx, course_id, {(a.id, l1): True, (b.id, l3): True},
                                        today=today)
    assert vouchers.get(ctx, a.id).hours_attended == 0
    written = vouchers.record_attendance_grid(
        ctx, course_id, {(a.id, l1): True, (a.id, l2): True, (b.id, l1): False,
                         (b.id, l2): True}, today=today)
    assert written == 3  # b at l1: absent with nothing recorded, nothing to write
    assert (vouchers.get(ctx, a.id).hours_attended, vouchers.get(ctx, b.id).hours_attended) == (8, 4)
    assert vouchers.get(ctx, a.id).status == "in_corso"
    assert vouchers.record_attendance_grid(ctx, course_id, {(a.id, l1): True}, today=today) == 0
    assert vouchers.record_attendance_grid(ctx, course_id, {(a.id, l1): False}, today=today) == 1
    assert vouchers.get(ctx, a.id).hours_attended == 4
    from sportello.core.models import AuditLog
    with ctx.read() as s:
        assert s.scalar(select(func.count(AuditLog.id)).where(
            AuditLog.action == "attendance_grid")) == 2


def test_a_request_is_dated_today_or_earlier(ctx) -> None:  # type: ignore[no-untyped-def]
    fund_id, course_id, (wid,) = _setup(ctx, 1, 10_000_00, 5)
    with pytest.raises(ValidationError, match="richiesta non può essere nel futuro"):
        vouchers.request(ctx, worker_id=wid, course_id=course_id, fund_id=fund_id,
                         today=dt.date.today() + dt.timedelta(days=1))
    earlier = dt.date.today() - dt.timedelta(days=30)
    v = vouchers.request(ctx, worker_id=wid, course_id=course_id, fund_id=fund_id, today=earlier)
    assert vouchers.voucher_row(ctx, v.id).requested_on == earlier
