"""The training catalogue and the funds: create, edit, list, and the checks that guard them.

Also the read side the path areas list from (pathways, vouchers, register, projects, offers).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sportello.core import codice_fiscale as cf
from sportello.core.errors import ValidationError
from sportello.core.models import Course, Fund
from sportello.core.services import business, pathways, placements, training, vouchers, workers
from sportello.core.services.records import RecordConflict

D = dt.date
PIVA = "01234567897"  # a partita IVA with the right check digit


def _worker(ctx, surname: str = "Rossi", name: str = "Mario", day: int = 1) -> int:  # type: ignore[no-untyped-def]
    code = cf.encode(surname, name, "M", D(1980, 1, day), "A479")
    return workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname=surname, name=name,
                                                  residence_comune="Asti", residence_province="AT"),
                          allow_similar=True)


def _catalogue(ctx, *, hours: float = 8, seats: int = 5, cost: int = 1_000_00,  # type: ignore[no-untyped-def]
               budget: int = 10_000_00) -> tuple[int, int, int]:
    provider = training.create_provider(ctx, training.ProviderForm(name="Astiss", cf_piva=PIVA))
    course = training.create_course(ctx, training.CourseForm(
        provider_id=provider, title="Processi digitali", hours=hours, seats=seats, cost_cents=cost,
        starts_on=D(2027, 3, 1), ends_on=D(2027, 3, 31), min_attendance_pct=75))
    fund = training.create_fund(ctx, training.FundForm(name="FNC 2027", kind="fnc", year=2027,
                                                       budget_cents=budget))
    return provider, course, fund


# --------------------------------------------------------------------------- providers


def test_provider_create_edit_list_and_checks(ctx) -> None:  # type: ignore[no-untyped-def]
    pid = training.create_provider(ctx, training.ProviderForm(
        name="  Politecnico   di Torino ", cf_piva=" 0123456789 7", provincia="to",
        email="Formazione@PoliTo.it", accredited_until=D(2028, 12, 31)))
    (row,) = training.list_providers(ctx)
    assert (row.id, row.name, row.form.cf_piva, row.form.provincia, row.form.email) == (
        pid, "Politecnico di Torino", PIVA, "TO", "formazione@polito.it")
    assert row.courses == 0 and row.form.accredited_until == D(2028, 12, 31)

    for form, field in ((training.ProviderForm(name=""), "name"),
                        (training.ProviderForm(name="X", cf_piva="01234567890"), "cf_piva"),
                        (training.ProviderForm(name="X", cf_piva="RSSMRA80A01A479X"), "cf_piva"),
                        (training.ProviderForm(name="X", provincia="Torino"), "provincia"),
                        (training.ProviderForm(name="X", email="nope@"), "email"),
                        (training.ProviderForm(name="Doppio", cf_piva=PIVA), "cf_piva")):
        with pytest.raises(ValidationError) as refused:
            training.create_provider(ctx, form)
        assert refused.value.field == field, form
    assert len(training.list_providers(ctx)) == 1

    person = cf.encode("Bianchi", "Anna", "F", D(1970, 5, 5), "L219")  # a sole trader's CF
    training.update_provider(ctx, pid, row.version, dataclasses.replace(row.form, cf_piva=person,
                                                                        comune="Torino"))
    (edited,) = training.list_providers(ctx)
    assert (edited.form.cf_piva, edited.form.comune, edited.version) == (person, "Torino", 2)
    with pytest.raises(RecordConflict):  # the version read before the edit is stale
        training.update_provider(ctx, pid, row.version, row.form)


# --------------------------------------------------------------------------- courses


def test_course_validation_names_the_field(ctx) -> None:  # type: ignore[no-untyped-def]
    provider = training.create_provider(ctx, training.ProviderForm(name="Astiss"))
    good = training.CourseForm(provider_id=provider, title="Excel avanzato", hours=24, seats=12,
                               cost_cents=450_00, starts_on=D(2027, 1, 10), ends_on=D(2027, 2, 10))
    cases = {
        "provider_id": dataclasses.replace(good, provider_id=None),
        "title": dataclasses.replace(good, title="   "),
        "hours": dataclasses.replace(good, hours=0),
        "seats": dataclasses.replace(good, seats=-1),
        "cost_cents": dataclasses.replace(good, cost_cents=-5),
        "min_attendance_pct": dataclasses.replace(good, min_attendance_pct=101),
        "ends_on": dataclasses.replace(good, ends_on=D(2027, 1, 1)),
        "status": dataclasses.replace(good, status="forse"),
    }
    for field, form in cases.items():
        with pytest.raises(ValidationError) as refused:
            training.create_course(ctx, form)
        assert refused.value.field == field
    with pytest.raises(ValidationError) as missing:
        training.create_course(ctx, dataclasses.replace(good, provider_id=provider + 99))
    assert missing.value.field == "provider_id"
    assert training.list_courses(ctx) == []

    cid = training.create_course(ctx, dataclasses.replace(good, code="AST-1", area=" Digitale "))
    with pytest.raises(ValidationError) as duplicate:
        training.create_course(ctx, dataclasses.replace(good, code="AST-1"))
    assert duplicate.value.field == "code"
    row = training.get_course(ctx, cid)
    assert (row.provider_name, row.form.area, row.seats_taken, row.sessions, row.seats_free) == (
        "Astiss", "Digitale", 0, 0, 12)


def test_course_edit_keeps_taken_seats_and_scheduled_hours(ctx) -> None:  # type: ignore[no-untyped-def]
    _provider, course, fund = _catalogue(ctx, hours=8, seats=3)
    training.add_session(ctx, course, dt.datetime(2027, 3, 2, 9), 4)
    training.add_session(ctx, course, dt.datetime(2027, 3, 3, 9), 4)
    for i in range(2):
        v = vouchers.request(ctx, worker_id=_worker(ctx, "Rossi", f"Mario{'x' * i}", day=i + 1),
                             course_id=course, fund_id=fund)
        vouchers.approve(ctx, v.id)
    row = training.get_course(ctx, course)
    assert (row.seats_taken, row.sessions, row.scheduled_hours) == (2, 2, 8.0)
    with pytest.raises(ValidationError) as seats:
        training.update_course(ctx, course, row.version, dataclasses.replace(row.form, seats=1))
    assert seats.value.field == "seats" and "2 posti" in str(seats.value)
    with pytest.raises(ValidationError) as hours:
        training.update_course(ctx, course, row.version, dataclasses.replace(row.form, hours=6))
    assert hours.value.field == "hours"
    training.update_course(ctx, course, row.version,
                           dataclasses.replace(row.form, seats=2, hours=12, title="Processi 2.0"))
    with ctx.read() as s:
        saved = s.get(Course, course)
        assert (saved.seats, saved.hours, saved.title, saved.seats_taken) == (2, 12, "Processi 2.0", 2)


def test_sessions_stay_within_the_course_dates_and_hours(ctx) -> None:  # type: ignore[no-untyped-def]
    _provider, course, _fund = _catalogue(ctx, hours=8)
    first = training.add_session(ctx, course, dt.datetime(2027, 3, 2, 9, 0, 0, 123), 4, " Avvio ")
    refusals = {
        "starts_at": (dt.datetime(2027, 4, 2, 9), 4),  # after the course ends
        "hours": (dt.datetime(2027, 3, 4, 9), 0),
    }
    for field, (when, hours) in refusals.items():
        with pytest.raises(ValidationError) as refused:
            training.add_session(ctx, course, when, hours)
        assert refused.value.field == field
    with pytest.raises(ValidationError, match="già una lezione"):
        training.add_session(ctx, course, dt.datetime(2027, 3, 2, 9), 2)
    with pytest.raises(ValidationError, match="restano 4 ore"):
        training.add_session(ctx, course, dt.datetime(2027, 3, 3, 9), 6)
    with pytest.raises(ValidationError, match="al massimo"):
        training.add_session(ctx, course, dt.datetime(2027, 3, 3, 9), 13)
    training.add_session(ctx, course, dt.datetime(2027, 3, 3, 9), 4)
    sessions = training.list_sessions(ctx, course)
    assert [(s.id == first, s.starts_at, s.hours, s.topic) for s in sessions] == [
        (True, dt.datetime(2027, 3, 2, 9), 4, "Avvio"), (False, dt.datetime(2027, 3, 3, 9), 4, None)]


def test_course_list_filters(ctx) -> None:  # type: ignore[no-untyped-def]
    provider, course, _fund = _catalogue(ctx)
    other = training.create_provider(ctx, training.ProviderForm(name="Arno Formazione"))
    training.create_course(ctx, training.CourseForm(provider_id=other, title="Inglese B1", hours=40,
                                                    seats=10, cost_cents=0, status="annullato",
                                                    area="Lingue"))
    assert [c.id for c in training.list_courses(ctx, provider_id=provider)] == [course]
    assert [c.title for c in training.list_courses(ctx, text="ingl arno")] == ["Inglese B1"]
    assert [c.id for c in training.list_courses(ctx, open_only=True)] == [course]
    assert len(training.list_courses(ctx, status="annullato")) == 1


# --------------------------------------------------------------------------- funds


def test_fund_create_edit_and_budget_floor(ctx) -> None:  # type: ignore[no-untyped-def]
    _provider, course, fund = _catalogue(ctx, budget=2_500_00)
    for form, field in ((training.FundForm(name=""), "name"),
                        (training.FundForm(name="X", kind="altro"), "kind"),
                        (training.FundForm(name="X", year=1890), "year"),
                        (training.FundForm(name="X", budget_cents=-1), "budget_cents"),
                        (training.FundForm(name="FNC 2027"), "name")):
        with pytest.raises(ValidationError) as refused:
            training.create_fund(ctx, form)
        assert refused.value.field == field
    v = vouchers.request(ctx, worker_id=_worker(ctx), course_id=course, fund_id=fund)
    vouchers.approve(ctx, v.id)
    (row,) = training.list_funds(ctx)
    assert (row.committed_cents, row.remaining_cents, row.vouchers) == (1_000_00, 1_500_00, 1)
    assert row.used_fraction == pytest.approx(0.4)
    with pytest.raises(ValidationError) as floor:
        training.update_fund(ctx, fund, row.version, dataclasses.replace(row.form, budget_cents=999_99))
    assert floor.value.field == "budget_cents" and "€ 1.000,00" in str(floor.value)
    training.update_fund(ctx, fund, row.version,
                         dataclasses.replace(row.form, budget_cents=1_000_00, active=False))
    with ctx.read() as s:
        saved = s.get(Fund, fund)
        assert (saved.budget_cents, saved.active) == (1_000_00, False)
    assert training.list_funds(ctx, active_only=True) == []
    assert training.list_funds(ctx)[0].remaining_cents == 0


# --------------------------------------------------------------------------- read side


def test_voucher_list_counts_and_register(ctx) -> None:  # type: ignore[no-untyped-def]
    _provider, course, fund = _catalogue(ctx, hours=8)
    lesson = training.add_session(ctx, course, dt.datetime(2027, 3, 2, 9), 4)
    rossi, verdi = _worker(ctx), _worker(ctx, "Verdi", "Luca", 2)
    a = vouchers.approve(ctx, vouchers.request(ctx, worker_id=rossi, course_id=course,
                                               fund_id=fund).id)
    b = vouchers.request(ctx, worker_id=verdi, course_id=course, fund_id=fund)
    listed = vouchers.list_vouchers(ctx, vouchers.VoucherFilter())
    assert {v.id for v in listed} == {a.id, b.id}
    assert vouchers.list_vouchers(ctx, vouchers.VoucherFilter(text="verdi"))[0].id == b.id
    assert [v.id for v in vouchers.list_vouchers(ctx, vouchers.VoucherFilter(status="approvato"))] == [a.id]
    assert len(vouchers.list_vouchers(ctx, vouchers.VoucherFilter(), offset=1, limit=5)) == 1
    counts = vouchers.count_by_status(ctx, vouchers.VoucherFilter(status="approvato"))
    assert (counts["approvato"], counts["richiesto"], counts["concluso"]) == (1, 1, 0)
    assert vouchers.voucher_row(ctx, b.id).next_statuses == ("approvato", "ritirato", "revocato")

    (line,) = vouchers.register(ctx, lesson)  # the requested voucher has no seat yet
    assert (line.voucher_id, line.session_hours, line.editable, line.minimum_reached) == (
        a.id, None, True, False)
    vouchers.record_attendance(ctx, lesson, a.id, 4, today=D(2027, 3, 2))
    training.add_session(ctx, course, dt.datetime(2027, 3, 3, 9), 4)
    lesson2 = training.list_sessions(ctx, course)[1].id
    vouchers.record_attendance(ctx, lesson2, a.id, 2, today=D(2027, 3, 3))
    (line,) = vouchers.register(ctx, lesson)
    assert (line.session_hours, line.hours_attended, line.attendance_pct) == (4, 6, 75.0)
    assert line.minimum_reached and not line.certificate_eligible  # still in progress
    vouchers.change_status(ctx, a.id, "concluso", today=D(2027, 3, 31))
    (line,) = vouchers.register(ctx, lesson)
    assert line.certificate_eligible and not line.editable
    assert vouchers.get(ctx, a.id).certificate_eligible  # the same rule as the voucher's


def test_pathway_list_filters_and_counts(ctx) -> None:  # type: ignore[no-untyped-def]
    rossi, verdi = _worker(ctx), _worker(ctx, "Verdi", "Luca", 2)
    p1 = pathways.open_pathway(ctx, rossi, "gol1", start_on=D(2026, 1, 5))
    pathways.open_pathway(ctx, rossi, "gol3", start_on=D(2026, 2, 5))
    p3 = pathways.open_pathway(ctx, verdi, "gol1", start_on=D(2026, 3, 5))
    pathways.close_pathway(ctx, p3.id, "nessun_esito", on=D(2026, 4, 1))
    everything = pathways.list_pathways(ctx, pathways.PathwayFilter())
    assert [r.start_on for r in everything] == [D(2026, 3, 5), D(2026, 2, 5), D(2026, 1, 5)]
    gol1_open = pathways.list_pathways(ctx, pathways.PathwayFilter(kind="gol1",
                                                                   status=pathways.OPEN_STATUSES))
    assert [r.id for r in gol1_open] == [p1.id]
    assert [r.worker_name for r in pathways.list_pathways(ctx, pathways.PathwayFilter(text="verd"))] \
        == ["Verdi Luca"]
    assert len(pathways.list_pathways(ctx, pathways.PathwayFilter(), offset=2, limit=10)) == 1
    counts = pathways.count_by_status(ctx, pathways.PathwayFilter(kind="gol1", status="attivo"))
    assert (counts["attivo"], counts["concluso"]) == (1, 1)  # the status filter is not counted
    assert [p.kind for p in pathways.open_pathways_of(ctx, rossi)] == ["gol1", "gol3"]
    assert pathways.get_pathway(ctx, p3.id).outcome == "nessun_esito"


def test_offers_and_applications_read_side(ctx) -> None:  # type: ignore[no-untyped-def]
    rossi = _worker(ctx)
    emp = placements.add_employer(ctx, name="Logistica Astigiana", cf_piva=PIVA, comune="Asti")
    offer = placements.add_offer(ctx, employer_id=emp, role="Magazziniere",
                                 contract_type="tempo_determinato", openings=2)
    (employer,) = placements.list_employers(ctx)
    assert (employer.name, employer.open_offers) == ("Logistica Astigiana", 1)
    app = placements.propose(ctx, rossi, offer)
    (row,) = placements.list_offers(ctx, status="aperta")
    assert (row.employer, row.applications, row.hires, row.openings) == ("Logistica Astigiana", 1, 0, 2)
    (application,) = placements.offer_applications(ctx, offer)
    assert application.id == app and application.can_hire
    assert application.next_statuses == ("inviata", "non_selezionato", "ritirata")
    placements.advance(ctx, app, "ritirata")
    (application,) = placements.offer_applications(ctx, offer)
    assert application.next_statuses == () and not application.can_hire


def test_ateco_search_and_project_detail(ctx) -> None:  # type: ignore[no-untyped-def]
    codes = [e.code for e in business.search_ateco("56.3")]
    assert codes[0].startswith("56.3") and all(c.startswith("56.3") for c in codes)
    assert business.search_ateco("bar")[0].code == "56.30.01"  # the bars before barbabietole
    assert [e.code for e in business.search_ateco("BAR caffè")] == ["56.30.01"]
    assert business.search_ateco("ristorante")[0].code == "56.11"  # plural titles found too
    assert all(e.level in business.USABLE_LEVELS for e in business.search_ateco("commercio", 200))
    assert business.search_ateco("") == [] and business.search_ateco("zzzqq") == []

    rossi = _worker(ctx)
    pid = business.start_project(ctx, rossi, "Bar in centro")
    detail = business.project(ctx, pid)
    assert detail.next_stages == ("accompagnamento_ex_ante", "business_plan_validato")
    assert not detail.can_open_business and len(detail.events) == 1
    business.advance_stage(ctx, pid, "business_plan_validato")
    business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="56.30",
                           vat_number=PIVA, vat_opened_on=D(2026, 6, 1))
    detail = business.project(ctx, pid)
    assert (detail.stage, detail.ateco_title is not None, detail.next_stages) == (
        "avvio_impresa", True, ("tutoraggio_ex_post",))
    (row,) = business.list_projects(ctx, business.ProjectFilter(stage="avvio_impresa"))
    assert (row.id, row.ateco_code) == (pid, "56.30")
    assert business.list_projects(ctx, business.ProjectFilter(opened=False)) == []
    counts = business.count_by_stage(ctx, business.ProjectFilter(stage="pre_accoglienza"))
    assert counts["avvio_impresa"] == 1 and sum(counts.values()) == 1


def test_regional_funds_pay_only_for_workers_of_their_region(ctx) -> None:  # type: ignore[no-untyped-def]
    """Issue 11 friction: a Toscana fund is not offered (nor accepted) for a worker of Asti;
    national funds are valid everywhere."""
    _provider, course, fnc = _catalogue(ctx)
    toscana = training.create_fund(ctx, training.FundForm(
        name="Regione Toscana – Voucher formativi", kind="regionale", budget_cents=5_000_00,
        region="toscana"))
    piemonte = training.create_fund(ctx, training.FundForm(
        name="Regione Piemonte – Buono formazione", kind="regionale", budget_cents=5_000_00,
        region="Piemonte"))
    gol = training.create_fund(ctx, training.FundForm(name="GOL – Formazione", kind="gol",
                                                      budget_cents=5_000_00))
    with pytest.raises(ValidationError, match="Solo un fondo regionale") as national:
        training.create_fund(ctx, training.FundForm(name="GOL Toscana", kind="gol",
                                                    budget_cents=1, region="Toscana"))
    assert national.value.field == "region"
    with pytest.raises(ValidationError, match="Regione sconosciuta"):
        training.create_fund(ctx, training.FundForm(name="X", kind="regionale", budget_cents=1,
                                                    region="Padania"))
    assert {f.name: f.form.region for f in training.list_funds(ctx)}[
        "Regione Toscana – Voucher formativi"] == "Toscana"

    rossi = _worker(ctx)  # lives in Asti (AT): Piemonte
    offered = {f.id for f in training.list_funds(ctx, active_only=True, worker_id=rossi)}
    assert offered == {fnc, piemonte, gol}
    with pytest.raises(ValidationError, match=r"«Regione Toscana – Voucher formativi» è della "
                                              r"Regione Toscana: non paga voucher per chi è "
                                              r"della Regione Piemonte") as refused:
        vouchers.request(ctx, worker_id=rossi, course_id=course, fund_id=toscana)
    assert refused.value.field == "fund"
    assert vouchers.request(ctx, worker_id=rossi, course_id=course, fund_id=piemonte).status == \
        "richiesto"

    code = cf.encode("Neri", "Ada", "F", D(1985, 2, 3), "D612")
    neri = workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname="Neri",
                                                  name="Ada", residence_province="FI"))
    assert {f.id for f in training.list_funds(ctx, worker_id=neri)} == {fnc, toscana, gol}
