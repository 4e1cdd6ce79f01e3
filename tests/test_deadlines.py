"""Deadlines panel: benefits ending, pact reviews, vouchers, appointments, consent."""

from __future__ import annotations

import datetime as dt

from sportello.core.models import (
    Appointment, Course, EmploymentSituation, Fund, ServicePact, TrainingProvider, Voucher, Worker,
)
from sportello.core.services import deadlines

TODAY = dt.date(2026, 11, 24)


def test_panel_lists_what_is_due_and_not_what_is_far(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        soon = Worker(codice_fiscale="RSSMRA80A01A479X", surname="Rossi", name="Mario",
                      privacy_consent=True)
        far = Worker(codice_fiscale="BNCLRA82C41L219K", surname="Bianchi", name="Laura",
                     privacy_consent=True)
        closed = Worker(codice_fiscale="VRDGPP70A01L219Z", surname="Verdi", name="Giuseppe",
                        status="chiuso", privacy_consent=False)
        noconsent = Worker(codice_fiscale="NREPLA75B02A479Q", surname="Neri", name="Paola")
        s.add_all([soon, far, closed, noconsent])
        s.flush()
        s.add_all([
            EmploymentSituation(worker_id=soon.id, cigs_start=dt.date(2026, 1, 1),
                                cigs_end=TODAY + dt.timedelta(days=10)),
            EmploymentSituation(worker_id=far.id, naspi_start=dt.date(2026, 1, 1),
                                naspi_end=TODAY + dt.timedelta(days=200)),
            EmploymentSituation(worker_id=closed.id, naspi_start=dt.date(2026, 1, 1),
                                naspi_end=TODAY + dt.timedelta(days=5)),
            ServicePact(worker_id=soon.id, status="firmato", signed_on=dt.date(2026, 5, 1),
                        review_on=TODAY - dt.timedelta(days=2)),
            Appointment(worker_id=far.id, operator_id=ctx.actor.id,
                        starts_at=dt.datetime(2026, 11, 20, 9), ends_at=dt.datetime(2026, 11, 20, 9, 30)),
            Appointment(worker_id=soon.id, operator_id=ctx.actor.id, outcome="assente",
                        starts_at=dt.datetime(2026, 11, 19, 9), ends_at=dt.datetime(2026, 11, 19, 9, 30)),
        ])
        provider = TrainingProvider(name="Astiss")
        fund = Fund(name="GOL Piemonte", kind="gol", budget_cents=10_000_00)
        s.add_all([provider, fund])
        s.flush()
        course = Course(provider_id=provider.id, title="Gestione documentale", hours=40, seats=10,
                        cost_cents=900_00)
        s.add(course)
        s.flush()
        s.add(Voucher(worker_id=far.id, course_id=course.id, fund_id=fund.id, code="V-1",
                      amount_cents=900_00, status="approvato", requested_on=TODAY,
                      expires_on=TODAY + dt.timedelta(days=20)))
    rows = deadlines.upcoming(ctx, 30, today=TODAY)
    got = {(d.kind, d.worker_name) for d in rows}
    assert got == {
        ("cigs", "Rossi Mario"), ("patto", "Rossi Mario"), ("assente", "Rossi Mario"),
        ("esito", "Bianchi Laura"), ("voucher", "Bianchi Laura"), ("consenso", "Neri Paola"),
    }
    assert rows[0].kind == "assente"  # oldest overdue first; files without a date last
    assert rows[-1].kind == "consenso"
    assert "scaduta" in next(d.detail for d in rows if d.kind == "patto")
    only_far = deadlines.upcoming(ctx, 30, today=TODAY, worker_id=far.id)
    assert {d.kind for d in only_far} == {"esito", "voucher"}


def test_each_kind_has_its_own_cap(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        people = [Worker(codice_fiscale=f"RSSMRA80A01A{i:03d}X", surname="Rossi", name=f"M{i}",
                         privacy_consent=True) for i in range(6)]
        s.add_all(people)
        s.flush()
        for w in people[:5]:  # five overdue reviews, long ago
            s.add(ServicePact(worker_id=w.id, status="firmato", review_on=dt.date(2025, 1, 1)))
        s.add(EmploymentSituation(worker_id=people[5].id, naspi_start=dt.date(2026, 1, 1),
                                  naspi_end=TODAY + dt.timedelta(days=3)))
    rows = deadlines.upcoming(ctx, 30, today=TODAY, limit=3)
    kinds = [d.kind for d in rows]
    assert kinds.count("patto") == 3 and "naspi" in kinds
