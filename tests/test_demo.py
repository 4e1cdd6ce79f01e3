"""Demo data: complete, coherent, within every business rule, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import and_, func, select, text
from sqlalchemy.orm import aliased

from sportello.core import codice_fiscale as cf
from sportello.core import db
from sportello.core.bootstrap import bootstrap
from sportello.core.errors import SportelloError
from sportello.core.models import (
    Application,
    ApplicationStatus,
    Appointment,
    AppointmentStatus,
    AuditLog,
    Base,
    BusinessProject,
    BusinessStage,
    ContractType,
    Course,
    EmploymentSituation,
    Fund,
    JobOffer,
    Office,
    Operator,
    Pathway,
    PathwayKind,
    PathwayOutcome,
    PathwayStatus,
    Role,
    Vertenza,
    Voucher,
    VoucherStatus,
    Worker,
)
from sportello.core.search import search_worker_ids
from sportello.core.text import worker_search_text, worker_sort_keys
from sportello import demo
from sportello.core.services import agenda, maintenance, setup

N = 120


def _row_counts(context) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with context.read() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


@pytest.fixture
def filled(ctx):  # type: ignore[no-untyped-def]
    summary = demo.generate(ctx, workers=N, seed=7)
    return ctx, summary


def test_counts_and_summary(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, summary = filled
    counts = _row_counts(ctx)
    assert counts["worker"] == summary.workers == N
    for table in ("vertenza", "employment_situation", "service_pact", "pathway", "diary_entry",
                  "appointment", "employer", "job_offer", "application", "application_status_change",
                  "hire", "business_project", "business_stage_event", "suap_filing",
                  "funding_programme", "funding_request", "training_provider", "course",
                  "course_session", "fund", "voucher", "voucher_status_change", "attendance"):
        assert counts[table] > 0, table
        assert summary.counts[table] == counts[table], table
    assert not summary.office_created and not summary.admin_created  # the fixture's office
    lines = summary.lines()
    assert lines[0].startswith("Dati dimostrativi generati")
    assert any("lavoratori: 120" in line for line in lines)
    with ctx.read() as s:
        assert s.scalar(select(func.count(Operator.id)).where(Operator.role == Role.RESPONSABILE)) >= 2
        assert s.scalar(select(func.count(Operator.id)).where(Operator.role == Role.OPERATORE)) >= 5
        audit = s.scalars(select(AuditLog).where(AuditLog.action == "demo")).all()
        assert len(audit) == 1 and "120 lavoratori" in audit[0].detail
        assert audit[0].operator_id == ctx.actor.id
        codes = set(s.scalars(select(Vertenza.code)))
        assert {"KON-AT", "KON-IV", "KON-PC"} <= codes
        paycare = s.scalars(
            select(EmploymentSituation).join(Vertenza).where(Vertenza.code == "KON-PC")
        ).all()
        assert paycare and all(e.cigs_start and e.cigs_end for e in paycare)  # all in CIGS


def test_every_kind_status_and_outcome(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, _summary = filled
    with ctx.read() as s:
        pairs = {tuple(r) for r in s.execute(select(Pathway.kind, Pathway.status))}
        assert pairs == {(k.value, st.value) for k in PathwayKind for st in PathwayStatus}
        outcomes = set(s.scalars(select(Pathway.outcome).where(Pathway.outcome.is_not(None))))
        assert outcomes == {o.value for o in PathwayOutcome}
        assert set(s.scalars(select(Voucher.status))) == {v.value for v in VoucherStatus}
        assert set(s.scalars(select(BusinessProject.stage))) == {b.value for b in BusinessStage}
        assert set(s.scalars(select(JobOffer.contract_type))) == {c.value for c in ContractType}
        assert set(s.scalars(select(Application.status))) == {a.value for a in ApplicationStatus}
        # ATECO codes are real 2025 subcategories
        import ateco

        for code in s.scalars(select(BusinessProject.ateco_code).distinct()):
            assert ateco.validate(code, edition="2025"), code


def test_people_are_plausible(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, _summary = filled
    today = dt.date.today()
    with ctx.read() as s:
        workers = s.scalars(select(Worker)).all()
        codes = [w.codice_fiscale for w in workers]
        assert len(set(codes)) == len(codes)
        for w in workers:
            decoded = cf.decode(w.codice_fiscale)
            assert decoded.birth_date == w.birth_date
            assert decoded.sex == w.sex
            assert decoded.belfiore == w.birth_place_code
            assert (decoded.birthplace, decoded.province) == (w.birth_place, w.birth_province)
            assert w.search_text == worker_search_text(w)
            assert {k: getattr(w, k) for k in worker_sort_keys(w)} == worker_sort_keys(w)
            assert 20 <= (today - w.birth_date).days / 365.25 <= 66
        assert any(w.birth_place_code.startswith("Z") for w in workers)  # born abroad
        assert any(not w.privacy_consent for w in workers)
        assert all(w.privacy_consent_on for w in workers if w.privacy_consent)
        soon = today + dt.timedelta(days=30)
        ending = s.scalar(select(func.count(EmploymentSituation.id)).where(
            ((EmploymentSituation.cigs_end >= today) & (EmploymentSituation.cigs_end <= soon))
            | ((EmploymentSituation.naspi_end >= today) & (EmploymentSituation.naspi_end <= soon))
        ))
        assert ending > 0
        assert s.scalar(select(func.count(EmploymentSituation.id)).where(
            EmploymentSituation.profiling_index.is_not(None))) > 0
        # the search index was filled for every worker
        sample = workers[len(workers) // 2]
        found = s.scalars(search_worker_ids(s, f"{sample.surname} {sample.codice_fiscale}")).all()
        assert sample.id in found


def test_money_seats_and_agenda_rules(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, _summary = filled
    with ctx.read() as s:
        for fund in s.scalars(select(Fund)):
            assert fund.committed_cents + fund.spent_cents <= fund.budget_cents
            committed = s.scalar(select(func.coalesce(func.sum(Voucher.amount_cents), 0)).where(
                Voucher.fund_id == fund.id,
                Voucher.status.in_([VoucherStatus.APPROVATO, VoucherStatus.IN_CORSO,
                                    VoucherStatus.CONCLUSO])))
            spent = s.scalar(select(func.coalesce(func.sum(Voucher.spent_cents), 0)).where(
                Voucher.fund_id == fund.id, Voucher.status == VoucherStatus.RENDICONTATO))
            assert (fund.committed_cents, fund.spent_cents) == (committed, spent)
        for course in s.scalars(select(Course)):
            holding = s.scalar(select(func.count(Voucher.id)).where(
                Voucher.course_id == course.id,
                Voucher.status.not_in([VoucherStatus.RITIRATO, VoucherStatus.REVOCATO])))
            assert course.seats_taken == holding <= course.seats
        for voucher in s.scalars(select(Voucher)):
            assert len(voucher.history) >= 1 and voucher.history[-1].status == voucher.status

        other = aliased(Appointment)
        clashes = s.scalar(select(func.count()).select_from(Appointment).join(other, and_(
            other.operator_id == Appointment.operator_id, other.id != Appointment.id,
            other.starts_at < Appointment.ends_at, other.ends_at > Appointment.starts_at)))
        assert clashes == 0
        office = s.scalars(select(Office)).first()
        now = dt.datetime.now()
        appointments = s.scalars(select(Appointment)).all()
        assert any(a.starts_at > now for a in appointments)
        for a in appointments:
            assert agenda.closed_reason(a.starts_at.date()) is None
            spans = agenda.opening_hours(office, a.starts_at.date())
            assert any(start <= a.starts_at.time() and a.ends_at.time() <= end for start, end in spans)
            if a.starts_at > now or a.status == AppointmentStatus.ANNULLATO:
                assert a.outcome is None
            else:
                assert a.outcome is not None


def test_offers_and_business_stages_tell_a_consistent_story(filled) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.models import BusinessStageEvent, Hire, JobOffer

    ctx, _summary = filled
    today = dt.date.today()
    order = ["pre_accoglienza", "accompagnamento_ex_ante", "business_plan_validato",
             "avvio_impresa", "tutoraggio_ex_post"]
    with ctx.read() as s:
        hires = {offer_id: n for offer_id, n in s.execute(
            select(Hire.job_offer_id, func.count(Hire.id))
            .where(Hire.job_offer_id.is_not(None)).group_by(Hire.job_offer_id))}
        offers = s.scalars(select(JobOffer)).all()
        assert any(o.status == "aperta" for o in offers)
        for offer in offers:
            assert hires.get(offer.id, 0) <= offer.openings, f"offer {offer.id} over its posts"
            if offer.status == "aperta":
                assert offer.closing_on is None or offer.closing_on >= today, offer.id
                assert hires.get(offer.id, 0) < offer.openings, f"offer {offer.id} is full"
        events: dict[int, list[tuple[dt.datetime, str]]] = {}
        for e in s.scalars(select(BusinessStageEvent)):
            events.setdefault(e.project_id, []).append((e.at, e.stage))
        assert events
        for project_id, rows in events.items():
            by_time = [stage for _at, stage in sorted(rows)]
            assert by_time == sorted(by_time, key=order.index), f"project {project_id}: {by_time}"


def test_check_passes_and_ids_continue(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, _summary = filled
    report = maintenance.check(ctx)
    assert report.ok, [i for i in report.items if not i.ok]
    # ids were given by the generator: new rows must still get fresh ones (PostgreSQL serials)
    with ctx.write() as s:
        v = Vertenza(code="NEW-1", title="Nuova", company_name="Nuova S.r.l.")
        s.add(v)
        s.flush()
        assert v.id == s.scalar(select(func.max(Vertenza.id)))


def test_second_run_is_refused_and_changes_nothing(filled) -> None:  # type: ignore[no-untyped-def]
    ctx, _summary = filled
    before = _row_counts(ctx)
    with pytest.raises(SportelloError, match="contiene già"):
        demo.generate(ctx, workers=10)
    assert _row_counts(ctx) == before


def test_cancel_leaves_nothing(ctx, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    before = _row_counts(ctx)
    schema_before = _sqlite_schema(ctx)
    with pytest.raises(SportelloError, match="annullata"):
        demo.generate(ctx, workers=30, progress=lambda done, total: False)
    assert _row_counts(ctx) == before
    # cancelled half-way, after rows (and the index changes) were written
    monkeypatch.setattr(demo, "CHUNK", 10)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 20

    with pytest.raises(SportelloError, match="annullata"):
        demo.generate(ctx, workers=40, progress=progress)
    assert calls == [(0, 40), (10, 40), (20, 40)]
    assert _row_counts(ctx) == before
    assert _sqlite_schema(ctx) == schema_before  # dropped indexes and triggers are back
    summary = demo.generate(ctx, workers=25)  # and a full run still works afterwards
    assert summary.workers == 25 and maintenance.check(ctx).ok


def _sqlite_schema(context) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    if not db.is_sqlite(context.engine):
        return set()
    with context.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')"))
        return {(kind, name) for kind, name in rows}


def test_empty_database_gets_office_and_admin(db_url: str) -> None:
    context = bootstrap(db_url)
    try:
        summary = demo.generate(context, workers=15, seed=1)
        assert summary.office_created and summary.admin_created
        assert any("'admin'" in line and demo.DEMO_PASSWORD in line for line in summary.lines())
        with context.read() as s:
            office = s.scalars(select(Office)).one()
            assert office.code == "CPI-AT" and office.name == "Centro per l'Impiego di Asti"
            assert office.address and office.cap == "14100" and office.provincia == "AT"
            assert office.pec and office.signatory_name
        actor = setup.default_actor(context)
        assert actor is not None and actor.username == "admin"
        from sportello.core.services import passwords

        with context.read() as s:
            admin = s.get(Operator, actor.id)
            assert passwords.verify_password(admin.password_hash, demo.DEMO_PASSWORD)
        assert maintenance.check(context).ok
    finally:
        context.close()


def test_same_seed_same_people(sqlite_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = bootstrap(sqlite_url)
    second = bootstrap(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        demo.generate(first, workers=20, seed=99)
        demo.generate(second, workers=20, seed=99)
        query = select(Worker.codice_fiscale, Worker.surname, Worker.name).order_by(Worker.id)
        with first.read() as a, second.read() as b:
            assert a.execute(query).all() == b.execute(query).all()
    finally:
        first.close()
        second.close()


def test_bad_arguments(ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.errors import ValidationError

    with pytest.raises(ValidationError):
        demo.generate(ctx, workers=0)


def test_the_vertenze_tell_their_story(filled) -> None:  # type: ignore[no-untyped-def]
    """Konecta Paycare: in liquidation, CIGS for cessation of activity for 2026, two sites
    with 53 workers; every vertenza has its sites, and its data obeys the editor's rules."""
    from sportello.core.models import TavoloMeeting, VertenzaSite, Worker
    from sportello.core.services import vertenze

    ctx, _summary = filled
    with ctx.read() as s:
        paycare = s.scalars(select(Vertenza).where(Vertenza.code == "KON-PC")).one()
        assert paycare.company_name.endswith("in liquidazione")
        assert (paycare.safety_net, paycare.cigs_from, paycare.cigs_to, paycare.workers_expected
                ) == ("cigs_cessazione", dt.date(2026, 1, 1), dt.date(2026, 12, 31), 53)
        sites = s.execute(select(VertenzaSite.comune, VertenzaSite.provincia,
                                 VertenzaSite.workers_count)
                          .where(VertenzaSite.vertenza_id == paycare.id)).all()
        assert {(c, p) for c, p, _n in sites} == {("Monteriggioni", "SI"), ("Sesto Fiorentino", "FI")}
        assert sum(n for _c, _p, n in sites) == 53
        cigs = s.execute(select(EmploymentSituation.cigs_start, EmploymentSituation.cigs_end)
                         .where(EmploymentSituation.vertenza_id == paycare.id)).all()
        assert set(cigs) == {(dt.date(2026, 1, 1), dt.date(2026, 12, 31))}
        meetings = s.scalars(select(TavoloMeeting).where(
            TavoloMeeting.vertenza_id == paycare.id).order_by(TavoloMeeting.held_on)).all()
        assert meetings and all(m.minutes and m.held_on <= dt.date.today() for m in meetings)
        assert meetings[-1].next_meeting_on > dt.date.today()
        exits = dict(s.execute(select(Worker.cohort_exit, func.count()).where(
            Worker.cohort_exit.is_not(None)).group_by(Worker.cohort_exit)).all())
        assert sum(exits.values()) > 0
        # a retired or transferred worker of a vertenza left its count the day the file closed
        for w in s.scalars(select(Worker).where(Worker.cohort_exit.in_(["pensione"]))):
            assert w.closing_reason == "pensione" and w.cohort_exit_on == w.closed_on
        assert s.scalar(select(func.count(VertenzaSite.id))) >= s.scalar(
            select(func.count(Vertenza.id)))
        ids = list(s.scalars(select(Vertenza.id)))
    for vid in ids:  # the demo obeys the editor's rules: saving it as it is is accepted
        d = vertenze.get_vertenza(ctx, vid)
        vertenze.update_vertenza(ctx, vid, expected_version=d.version, notes=d.notes,
                                 opened_on=d.opened_on, company_cf=d.company_cf,
                                 company_piva=d.company_piva)
    figures = {r.code: r for r in vertenze.list_vertenze(ctx)}
    assert figures["KON-PC"].workers == round(N * 53 / 300)
