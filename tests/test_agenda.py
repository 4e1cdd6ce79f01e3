"""Agenda rules: holidays and weekends, no double booking (also concurrently), free slots."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from sportello.core.models import Operator, Role, Worker
from sportello.core.services import agenda

IMMACOLATA = dt.date(2026, 12, 8)  # Tuesday, public holiday
MONDAY = dt.date(2026, 12, 7)


@pytest.fixture
def people(ctx):  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w1 = Worker(codice_fiscale="RSSMRA80A01A479X", surname="Rossi", name="Mario")
        w2 = Worker(codice_fiscale="BNCLRA82C41L219K", surname="Bianchi", name="Laura")
        op2 = Operator(office_id=ctx.actor.office_id, username="gverdi", full_name="Giulia Verdi",
                       role=Role.OPERATORE)
        s.add_all([w1, w2, op2])
    return w1.id, w2.id, ctx.actor.id, op2.id


def test_holiday_and_weekend_refused_unless_confirmed(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, _w2, op1, _op2 = people
    with pytest.raises(agenda.DayClosed, match="festivo"):
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 8, 9, 0))
    with pytest.raises(agenda.DayClosed, match="sabato"):
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 5, 9, 0))
    row = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 8, 9, 0),
                      confirm_closed_day=True)
    assert row.starts_at == dt.datetime(2026, 12, 8, 9, 0)
    assert agenda.holiday_name(IMMACOLATA) == "Immacolata Concezione"


def test_operator_is_never_double_booked(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, w2, op1, op2 = people
    agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 0))
    with pytest.raises(agenda.SlotTaken, match="09:00"):
        agenda.book(ctx, worker_id=w2, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 15))
    # Another operator at the same time is fine, and so is the next slot.
    agenda.book(ctx, worker_id=w2, operator_id=op2, starts_at=dt.datetime(2026, 12, 7, 9, 0))
    agenda.book(ctx, worker_id=w2, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 30))
    day = agenda.appointments_between(ctx, MONDAY, MONDAY, operator_id=op1)
    assert [(a.starts_at.time(), a.worker_name) for a in day] == [
        (dt.time(9, 0), "Rossi Mario"), (dt.time(9, 30), "Bianchi Laura")]


def test_concurrent_bookings_of_one_slot_only_one_wins(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, w2, op1, _op2 = people
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(worker_id: int) -> None:
        barrier.wait()
        try:
            agenda.book(ctx, worker_id=worker_id, operator_id=op1,
                        starts_at=dt.datetime(2026, 12, 9, 10, 0))
            outcomes.append("ok")
        except agenda.SlotTaken:
            outcomes.append("taken")

    threads = [threading.Thread(target=attempt, args=(w,)) for w in (w1, w2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "taken"]
    day = dt.date(2026, 12, 9)
    assert len(agenda.appointments_between(ctx, day, day, operator_id=op1)) == 1


def test_free_slots_skip_holidays_bookings_and_closed_hours(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, _w2, op1, op2 = people
    agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 0))
    slots = agenda.free_slots(ctx, [op1, op2], [MONDAY, IMMACOLATA, dt.date(2026, 12, 12)])
    assert {s.starts_at.date() for s in slots} == {MONDAY}  # holiday and Saturday skipped
    assert not any(s.operator_id == op1 and s.starts_at.hour == 9 and s.starts_at.minute == 0
                   for s in slots)
    assert any(s.operator_id == op2 and s.starts_at == dt.datetime(2026, 12, 7, 9, 0) for s in slots)
    # Monday opening 09:00-12:30 in 30-minute slots: 7 per operator, one taken.
    assert len(slots) == 7 + 6
    assert slots == sorted(slots, key=lambda s: s.starts_at)


def test_outcome_recorded_and_future_outcome_refused(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, _w2, op1, _op2 = people
    past = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2025, 3, 3, 9, 0))
    row = agenda.record_outcome(ctx, past.id, "assente")
    assert row.outcome == "assente"
    future = agenda.book(ctx, worker_id=w1, operator_id=op1,
                         starts_at=dt.datetime(2030, 3, 4, 9, 0))
    with pytest.raises(agenda.ValidationError):
        agenda.record_outcome(ctx, future.id, "presente")
    with pytest.raises(agenda.ValidationError):
        agenda.record_outcome(ctx, past.id, "boh")
