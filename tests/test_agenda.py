"""Agenda rules: opening hours, holidays and weekends, never in the past, no double booking
(also concurrently), free slots of the office's length."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from sportello.core.models import Operator, Role, Worker
from sportello.core.services import agenda

IMMACOLATA = dt.date(2026, 12, 8)  # Tuesday, public holiday
MONDAY = dt.date(2026, 12, 7)
NOW = dt.datetime(2026, 11, 24, 12, 0)  # the clock of these tests: before every booking


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
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 8, 9, 0), now=NOW)
    with pytest.raises(agenda.DayClosed, match="sabato"):
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 12, 9, 0), now=NOW)
    row = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 8, 9, 0),
                      confirm_closed_day=True, now=NOW)
    assert row.starts_at == dt.datetime(2026, 12, 8, 9, 0)
    assert agenda.holiday_name(IMMACOLATA) == "Immacolata Concezione"


def test_operator_is_never_double_booked(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, w2, op1, op2 = people
    agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 0), now=NOW)
    with pytest.raises(agenda.SlotTaken, match="09:00"):
        agenda.book(ctx, worker_id=w2, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 15), now=NOW)
    # Another operator at the same time is fine, and so is the next slot.
    agenda.book(ctx, worker_id=w2, operator_id=op2, starts_at=dt.datetime(2026, 12, 7, 9, 0), now=NOW)
    agenda.book(ctx, worker_id=w2, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 30), now=NOW)
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
                        starts_at=dt.datetime(2026, 12, 9, 10, 0), now=NOW)
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
    agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 9, 0), now=NOW)
    slots = agenda.free_slots(ctx, [op1, op2], [MONDAY, IMMACOLATA, dt.date(2026, 12, 12)],
                              now=NOW)
    assert {s.starts_at.date() for s in slots} == {MONDAY}  # holiday and Saturday skipped
    assert not any(s.operator_id == op1 and s.starts_at.hour == 9 and s.starts_at.minute == 0
                   for s in slots)
    assert any(s.operator_id == op2 and s.starts_at == dt.datetime(2026, 12, 7, 9, 0) for s in slots)
    # Monday opening 09:00-12:30 in 30-minute slots: 7 per operator, one taken.
    assert len(slots) == 7 + 6
    assert slots == sorted(slots, key=lambda s: s.starts_at)


def test_outcome_recorded_and_future_outcome_refused(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, _w2, op1, _op2 = people
    past = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2025, 3, 3, 9, 0),
                       now=dt.datetime(2025, 3, 1, 12, 0))  # booked before it happened
    row = agenda.record_outcome(ctx, past.id, "assente")
    assert row.outcome == "assente"
    future = agenda.book(ctx, worker_id=w1, operator_id=op1,
                         starts_at=dt.datetime(2030, 3, 4, 9, 0), now=NOW)
    with pytest.raises(agenda.ValidationError):
        agenda.record_outcome(ctx, future.id, "presente")
    with pytest.raises(agenda.ValidationError):
        agenda.record_outcome(ctx, past.id, "boh")


# --------------------------------------------------------------------------- opening hours


def test_outside_opening_hours_at_night_or_in_the_past_is_refused(ctx, people) -> None:  # type: ignore[no-untyped-def]
    w1, _w2, op1, _op2 = people
    refused = [
        (dt.datetime(2026, 12, 7, 3, 0), agenda.OutsideHours,
         "L'appuntamento del 07/12/2026 dalle 03:00 alle 03:30 è fuori dall'orario di apertura: "
         "il lunedì l'ufficio riceve 09:00–12:30."),
        (dt.datetime(2026, 12, 7, 12, 15), agenda.OutsideHours, "dalle 12:15 alle 12:45"),
        (dt.datetime(2026, 12, 7, 15, 0), agenda.OutsideHours, "lunedì"),  # no Monday afternoon
        (dt.datetime(2020, 3, 2, 9, 0), agenda.InThePast,
         "Non si prenota nel passato: 02/03/2020 alle 09:00 è già trascorso."),
        (dt.datetime(2026, 11, 24, 11, 30), agenda.InThePast, "24/11/2026 alle 11:30"),
    ]
    for starts_at, error, message in refused:
        with pytest.raises(error) as caught:
            agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=starts_at, now=NOW)
        assert message in str(caught.value)
    # a confirmed extraordinary opening still keeps the office's day: never at night
    with pytest.raises(agenda.OutsideHours, match="nell'orario dell'ufficio"):
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 12, 3, 0),
                    confirm_closed_day=True, now=NOW)
    # the last slot of the morning, a Tuesday afternoon and a longer interview that fits
    for starts_at, minutes in ((dt.datetime(2026, 12, 7, 12, 0), None),
                               (dt.datetime(2026, 12, 10, 14, 30), None),
                               (dt.datetime(2026, 12, 9, 9, 0), 60)):
        row = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=starts_at,
                          minutes=minutes, now=NOW)
        assert row.ends_at == starts_at + dt.timedelta(minutes=minutes or 30)
    assert len(agenda.appointments_between(ctx, MONDAY, dt.date(2026, 12, 11))) == 3


def test_office_hours_and_slot_length_rule_bookings_and_free_slots(ctx, people) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.context import Actor
    from sportello.core.errors import PermissionDenied
    from sportello.core.services import setup

    w1, _w2, op1, op2 = people
    assert agenda.office_hours(ctx).text("tue") == "09:00-12:30, 14:30-16:30"  # the default
    assert agenda.office_hours(ctx).slot_minutes == 30
    # an operator may not change them; nonsense is refused with a message
    with ctx.read() as s:
        clerk = s.get(Operator, op2)
        assert clerk is not None
        clerk_actor = Actor(clerk.id, clerk.username, clerk.full_name, clerk.role,
                            clerk.office_id)
    with pytest.raises(PermissionDenied, match="orario di apertura"):
        setup.set_office_hours(ctx.acting_as(clerk_actor), {"mon": "9-13"}, 30)
    for opening, slot, message in (
            ({"mon": "9-25"}, 30, "Orario di lunedì non valido: «9-25»"),
            ({"mon": "13-9"}, 30, "finisce prima di cominciare"),
            ({"mon": "9-12, 11-13"}, 30, "non devono sovrapporsi"),
            ({"mon": "9-9.20"}, 30, "più corto di un appuntamento"),
            ({}, 30, "almeno un giorno di apertura"),
            ({"mon": "9-12"}, 2, "tra 5 e 240 minuti")):
        with pytest.raises(agenda.ValidationError, match=message):
            setup.set_office_hours(ctx, opening, slot)

    # Monday and Friday mornings only, 45-minute interviews
    hours = setup.set_office_hours(ctx, {"mon": "8.30-12", "fri": "9:00-11:15"}, 45)
    assert hours.text("mon") == "08:30-12:00" and hours.text("wed") == ""
    assert agenda.office_hours(ctx) == hours
    from sportello.core.services import audit_log

    [change] = [r for r in audit_log.query(ctx).rows if r.entity == "office" and r.action == "update"]
    assert change.changes["preferences"][1]["slot_minutes"] == 45  # audited
    slots = agenda.free_slots(ctx, [op1], [MONDAY + dt.timedelta(days=i) for i in range(5)],
                              now=NOW)
    assert [f"{s.starts_at:%a %H:%M}-{s.ends_at:%H:%M}" for s in slots] == [
        "Mon 08:30-09:15", "Mon 09:15-10:00", "Mon 10:00-10:45", "Mon 10:45-11:30",
        "Fri 09:00-09:45", "Fri 09:45-10:30", "Fri 10:30-11:15"]
    with pytest.raises(agenda.DayClosed,
                       match="09/12/2026 è mercoledì, giorno di chiusura dell'ufficio"):
        agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 9, 9, 0),
                    now=NOW)
    row = agenda.book(ctx, worker_id=w1, operator_id=op1, starts_at=dt.datetime(2026, 12, 7, 8, 30),
                      now=NOW)
    assert row.ends_at == dt.datetime(2026, 12, 7, 9, 15)  # the office's slot length
    assert agenda.next_free_slot(ctx, op1, now=dt.datetime(2026, 12, 5, 18, 0)) == agenda.Slot(
        op1, dt.datetime(2026, 12, 7, 9, 15), dt.datetime(2026, 12, 7, 10, 0))


def test_free_slots_never_start_in_the_past(ctx, people) -> None:  # type: ignore[no-untyped-def]
    _w1, _w2, op1, _op2 = people
    slots = agenda.free_slots(ctx, [op1], [MONDAY], now=dt.datetime(2026, 12, 7, 10, 40))
    assert [f"{s.starts_at:%H:%M}" for s in slots] == ["11:00", "11:30", "12:00"]
    # Sunday evening: the next free slot is Monday's first (the 8th is a holiday)
    assert agenda.next_free_slot(ctx, op1, now=dt.datetime(2026, 12, 6, 20, 0)).starts_at == \
        dt.datetime(2026, 12, 7, 9, 0)
