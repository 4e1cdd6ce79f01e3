"""Monitoring for the tavolo: figures counted in SQL against counts made here in Python.

The expected figures are computed from the raw rows with plain Python loops (``_expected``),
a second implementation of the definitions in ``services.monitoring``'s docstrings; they
must agree at today and at a past date, for one vertenza and for every file, on SQLite
and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sportello import demo
from sportello.core import codice_fiscale as cf
from sportello.core.errors import ValidationError
from sportello.core.models import (
    Appointment,
    AuditLog,
    BusinessProject,
    Course,
    EmploymentSituation,
    ExchangeRecord,
    Fund,
    Hire,
    Pathway,
    ServicePact,
    Vertenza,
    Voucher,
    VoucherStatusChange,
    Worker,
    WorkerStatusChange,
)
from sportello.core.services import monitoring, pathways, workers

TODAY = dt.date.today()
PAST = TODAY - dt.timedelta(days=75)


@pytest.fixture
def filled(ctx):  # type: ignore[no-untyped-def]
    demo.generate(ctx, workers=160, seed=11)
    return ctx


# --------------------------------------------------------------------------- independent counts


def _midnight_after(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def _expected(ctx, at: dt.date, vertenza: str | None) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Every figure of a breakdown part, counted row by row in Python."""
    end = _midnight_after(at)
    with ctx.read() as s:
        vid = s.scalar(select(Vertenza.id).where(Vertenza.code == vertenza)) if vertenza else None
        members = set(s.scalars(select(EmploymentSituation.worker_id)
                                .where(EmploymentSituation.vertenza_id == vid))) if vid else None
        people = s.execute(select(Worker.id, Worker.created_at)).all()
        history = s.execute(select(WorkerStatusChange.worker_id, WorkerStatusChange.status,
                                   WorkerStatusChange.changed_on, WorkerStatusChange.id)).all()
        appts = s.execute(select(Appointment.worker_id, Appointment.status, Appointment.starts_at,
                                 Appointment.outcome)).all()
        pacts = s.execute(select(ServicePact.worker_id, ServicePact.signed_on)).all()
        exits = s.execute(select(Worker.id, Worker.cohort_exit, Worker.cohort_exit_on)).all()
        missed = s.execute(select(Appointment.worker_id, Appointment.status,
                                  Appointment.starts_at, Appointment.reminded_at)
                           .where(Appointment.outcome == "assente")).all()
        paths = [(wid, kind, start or (created.date() if created < end else None), stop, outcome)
                 for wid, kind, start, created, stop, outcome in s.execute(select(
                     Pathway.worker_id, Pathway.kind, Pathway.start_on, Pathway.created_at,
                     Pathway.end_on, Pathway.outcome))]
        vouchers = s.execute(select(Voucher.id, Voucher.worker_id, Voucher.requested_on,
                                    Voucher.certificate_issued_on, Course.certificate_type)
                             .join(Course, Course.id == Voucher.course_id)).all()
        v_history = s.execute(select(VoucherStatusChange.voucher_id, VoucherStatusChange.status,
                                     VoucherStatusChange.changed_at, VoucherStatusChange.id)).all()
        hires = s.execute(select(Hire.worker_id, Hire.hired_on, Hire.end_on, Hire.contract_type,
                                 Hire.job_offer_id)).all()
        businesses = s.execute(select(BusinessProject.worker_id, BusinessProject.opened_on,
                                      BusinessProject.legal_form)).all()
        benefits = s.execute(select(EmploymentSituation.worker_id, EmploymentSituation.cigs_end,
                                    EmploymentSituation.naspi_end)
                             .where(EmploymentSituation.is_current.is_(True))).all()

    def mine(worker_id: int) -> bool:
        return members is None or worker_id in members

    got: Counter[str] = Counter()
    status: dict[int, str] = {}
    last: dict[int, tuple[dt.date, int]] = {}
    for wid, st, on, hid in history:
        if on <= at and (wid not in last or (on, hid) > last[wid]):
            last[wid] = (on, hid)
            status[wid] = st
    files = {wid: status.get(wid, "aperto") for wid, created in people
             if created < end and mine(wid)}
    for st in files.values():
        got[f"fascicoli.{st}"] += 1

    rank = {"presente": 3, "assente": 2, "giustificato": 1}
    best: dict[int, int] = {}
    for wid, st, starts, outcome in appts:
        if st != "annullato" and starts < end and mine(wid):
            best[wid] = max(best.get(wid, 0), rank.get(outcome or "", 0))
    names = {3: "presente", 2: "assente", 1: "giustificato", 0: "senza_esito"}
    for r in best.values():
        got[f"convocati.{names[r]}"] += 1

    signed = {wid for wid, on in pacts if on is not None and on <= at}
    for wid in files:
        got["patto.con_patto" if wid in signed else "patto.senza_patto"] += 1

    def open_at(start: dt.date | None, stop: dt.date | None) -> bool:
        return start is not None and start <= at and (stop is None or stop > at)

    on_path = {wid for wid, _k, start, stop, _o in paths if open_at(start, stop)}
    for wid, st in files.items():
        if st != "chiuso":
            got["percorso.con_percorso" if wid in on_path else "percorso.senza_percorso"] += 1
    for wid, kind, start, stop, outcome in paths:
        if not mine(wid):
            continue
        if open_at(start, stop):
            got[f"percorsi_in_corso.{kind}"] += 1
        if stop is not None and stop <= at:
            got[f"percorsi_conclusi.{outcome or 'nessun_esito'}"] += 1

    v_state: dict[int, tuple[dt.datetime, int, str]] = {}
    for vid_, st, when, hid in v_history:
        if when < end and (vid_ not in v_state or (when, hid) > v_state[vid_][:2]):
            v_state[vid_] = (when, hid, st)
    training: dict[int, int] = {}
    for vid_, wid, requested, certificate, kind in vouchers:
        if not mine(wid):
            continue
        if certificate is not None and certificate <= at:
            k = (kind or "").lower()
            qualification = k.startswith("qualific") or k.startswith("certificazione")
            got["attestati.qualifica" if qualification else "attestati.attestato"] += 1
        if requested > at:
            continue
        st = v_state[vid_][2] if vid_ in v_state else "richiesto"
        got[f"voucher.{st}"] += 1
        r = (4 if st == "in_corso" else 3 if certificate is not None and certificate <= at
             else 2 if st in ("richiesto", "approvato") else 1)
        training[wid] = max(training.get(wid, 0), r)
    labels = {4: "in_formazione", 3: "formato", 2: "in_attesa", 1: "altro"}
    for r in training.values():
        got[f"formazione.{labels[r]}"] += 1

    employed: dict[int, bool] = {}
    for wid, hired, stop, contract, offer in hires:
        if not mine(wid) or hired > at:
            continue
        got[f"assunzioni.{contract}"] += 1
        got["assunzioni_canale.offerta_cpi" if offer else "assunzioni_canale.autonomia"] += 1
        if stop is None or stop > at:
            stable = contract in ("tempo_indeterminato", "apprendistato")
            employed[wid] = employed.get(wid, False) or stable
    for stable in employed.values():
        got["occupati.stabile" if stable else "occupati.a_termine"] += 1

    for wid, opened, form in businesses:
        if mine(wid) and opened is not None and opened <= at:
            got[f"imprese.{form or 'non_indicata'}"] += 1

    for wid, state, starts, reminded in missed:
        if mine(wid) and state != "annullato" and starts < end:
            got["mancati." + ("con_promemoria" if reminded else "senza_promemoria")] += 1

    for wid, how, on in exits:
        if mine(wid) and how is not None and (on is None or on <= at):
            got[f"coorte.{how}"] += 1

    soonest: dict[int, dt.date] = {}
    for wid, cigs_end, naspi_end in benefits:
        for stop in (cigs_end, naspi_end):
            if stop is not None and at < stop <= at + dt.timedelta(days=90):
                soonest[wid] = min(soonest.get(wid, stop), stop)
    for wid, stop in soonest.items():
        if files.get(wid, "chiuso") != "chiuso" and wid not in on_path:
            days = (stop - at).days
            got["ammortizzatori." + ("entro_30" if days <= 30 else "entro_60" if days <= 60
                                     else "entro_90")] += 1
    return dict(got)


def _parts(figures: monitoring.Figures) -> dict[str, int]:
    return {p.key: p.value for b in figures.breakdowns for p in b.parts
            if not b.key.startswith(monitoring.FUND_PREFIX)}


# --------------------------------------------------------------------------- the figures


@pytest.mark.parametrize("vertenza", ["KON-AT", None])
def test_figures_match_counts_made_independently_today_and_in_the_past(filled, vertenza) -> None:  # type: ignore[no-untyped-def]
    for at in (TODAY, PAST):
        figures = monitoring.figures(filled, at=at, vertenza=vertenza)
        assert figures.at == at and figures.vertenza == vertenza
        found = {k: v for k, v in _parts(figures).items() if v}
        assert found == _expected(filled, at, vertenza), at
    # the demo has something in most figures, and the past differs from today
    now = monitoring.figures(filled, vertenza=vertenza)
    before = monitoring.figures(filled, at=PAST, vertenza=vertenza)
    assert sum(1 for v in _parts(now).values() if v) >= 30
    assert now.value("fascicoli") > before.value("fascicoli") > 0
    assert now.value("assunzioni") >= before.value("assunzioni")


def test_every_breakdown_adds_up_to_its_total(filled) -> None:  # type: ignore[no-untyped-def]
    for vertenza in ("KON-AT", "KON-PC", None):
        for at in (TODAY, PAST, TODAY - dt.timedelta(days=400)):
            figures = monitoring.figures(filled, at=at, vertenza=vertenza)
            assert len(figures.breakdowns) >= len(monitoring.BREAKDOWNS) + 1  # and the funds
            for b in figures.breakdowns:
                assert b.parts_sum == b.total, (vertenza, at, b.key)
    keys = [p.key for b in figures.breakdowns for p in b.parts] + [
        b.key for b in figures.breakdowns]
    assert len(keys) == len(set(keys))  # stable, unique keys


def test_the_status_today_from_the_history_is_the_files_status(filled) -> None:  # type: ignore[no-untyped-def]
    with filled.read() as s:
        by_status = dict(s.execute(select(Worker.status, func.count()).group_by(Worker.status)).all())
    figures = monitoring.figures(filled)
    assert {st: figures.value(f"fascicoli.{st}") for st in by_status} == by_status


def test_funds_today_are_the_funds_committed_and_spent(filled) -> None:  # type: ignore[no-untyped-def]
    figures = monitoring.figures(filled)
    with filled.read() as s:
        funds = s.execute(select(Fund.id, Fund.budget_cents, Fund.committed_cents,
                                 Fund.spent_cents)).all()
    assert funds
    for fund_id, budget, committed, spent in funds:
        key = f"{monitoring.FUND_PREFIX}{fund_id}"
        assert figures.value(key) == budget
        assert figures.value(f"{key}.impegnato") == committed
        assert figures.value(f"{key}.speso") == spent
        assert figures.value(f"{key}.residuo") == budget - committed - spent
    # one vertenza: its own money, the others', what is left: still the budget
    one = monitoring.figures(filled, vertenza="KON-AT")
    for fund_id, budget, *_ in funds:
        b = next(b for b in one.breakdowns if b.key == f"{monitoring.FUND_PREFIX}{fund_id}")
        assert b.total == budget == b.parts_sum


def test_people_behind_a_figure_are_the_ones_counted(filled) -> None:  # type: ignore[no-untyped-def]
    figures = monitoring.figures(filled, at=PAST, vertenza="KON-AT")
    checked = 0
    for b in figures.breakdowns:
        if b.unit != monitoring.PERSONE:
            continue
        for p in b.parts:
            people = monitoring.people(filled, p.key, "KON-AT", PAST)
            assert len(people) == p.value, p.key
            checked += bool(people)
        everyone = monitoring.people(filled, b.key, "KON-AT", PAST)
        assert len(everyone) == b.total
    assert checked >= 10
    # a pathway figure counts pathways; its people are who is on them
    gol1 = monitoring.people(filled, "percorsi_in_corso.gol1", "KON-AT", PAST)
    with filled.read() as s:
        on_gol1 = set(s.scalars(select(Pathway.worker_id).where(
            Pathway.kind == "gol1",
            func.coalesce(Pathway.start_on, func.date(Pathway.created_at)) <= PAST,
            (Pathway.end_on.is_(None)) | (Pathway.end_on > PAST),
            Pathway.worker_id.in_(select(EmploymentSituation.worker_id).join(Vertenza).where(
                Vertenza.code == "KON-AT")))))
    assert {p.worker_id for p in gol1} == on_gol1
    with pytest.raises(ValidationError, match="sconosciuta"):
        monitoring.people(filled, "percorsi_in_corso.gol9")


def test_closing_and_suspending_a_file_is_dated_history(ctx) -> None:  # type: ignore[no-untyped-def]
    ids = []
    for day, (surname, name) in enumerate((("Rossi", "Anna"), ("Bianchi", "Luca"),
                                            ("Verdi", "Sara")), start=1):
        code = cf.encode(surname, name, "F", dt.date(1980, 1, day), "A479")
        ids.append(workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname=surname,
                                                          name=name), allow_similar=True))
    closed_on = TODAY - dt.timedelta(days=10)
    path = pathways.open_pathway(ctx, ids[0], "gol1", start_on=TODAY - dt.timedelta(days=20))
    pathways.close_file(ctx, ids[0], "ricollocato", on=closed_on)
    workers.set_status(ctx, ids[1], "sospeso")
    with ctx.read() as s:
        rows = s.execute(select(WorkerStatusChange.worker_id, WorkerStatusChange.status,
                                WorkerStatusChange.changed_on, WorkerStatusChange.reason)
                         .order_by(WorkerStatusChange.id)).all()
    assert [tuple(r) for r in rows] == [(ids[0], "chiuso", closed_on, "ricollocato"),
                                        (ids[1], "sospeso", TODAY, None)]
    before = monitoring.figures(ctx, at=closed_on - dt.timedelta(days=1))
    assert before.value("fascicoli") == 0  # the files were created today
    now = monitoring.figures(ctx)
    assert (now.value("fascicoli.aperto"), now.value("fascicoli.sospeso"),
            now.value("fascicoli.chiuso")) == (1, 1, 1)
    assert now.value("percorsi_conclusi.ricollocato") == 1
    assert now.value("percorso.senza_percorso") == 2
    assert [p.worker_id for p in monitoring.people(ctx, "fascicoli.chiuso")] == [ids[0]]
    # reopening is dated too, and the same status twice writes nothing
    workers.set_status(ctx, ids[1], "aperto")
    workers.set_status(ctx, ids[1], "aperto")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkerStatusChange)) == 3
    assert path.kind == "gol1"


def test_comparison_and_trends(filled) -> None:  # type: ignore[no-untyped-def]
    comparison = monitoring.compare(filled, since=PAST, vertenza="KON-AT")
    rows = comparison.rows()
    assert len(rows) == sum(1 + len(b.parts) for b in comparison.at.breakdowns)
    for b, part, was, now in rows:
        key = part.key if part else b.key
        assert was == comparison.since.value(key) and now == comparison.at.value(key)
    trend = monitoring.trends(filled, vertenza="KON-AT")
    assert len(trend.months) == monitoring.TREND_MONTHS and trend.months[-1] == TODAY
    assert all(m2 > m1 for m1, m2 in zip(trend.months, trend.months[1:]))
    now = monitoring.figures(filled, vertenza="KON-AT")
    expected_last = {"in_formazione": now.value("formazione.in_formazione"),
                     "occupati": now.value("occupati"),
                     "senza_percorso": now.value("percorso.senza_percorso")}
    assert {k: values[-1] for k, (_label, values) in trend.series.items()} == expected_last
    month_end = trend.months[-4]
    then = monitoring.figures(filled, at=month_end, vertenza="KON-AT")
    assert trend.series["occupati"][1][-4] == then.value("occupati")


def test_dates_and_vertenza_are_checked(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="futuro"):
        monitoring.figures(filled, at=TODAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="segue"):
        monitoring.compare(filled, since=TODAY, at=PAST)
    with pytest.raises(ValidationError, match="non trovata"):
        monitoring.figures(filled, vertenza="NON-ESISTE")
    out = tmp_path / "uscita"
    out.mkdir()
    with pytest.raises(ValidationError, match="segue"):
        monitoring.export_workbook(filled, out / "m.xlsx", since=TODAY, at=PAST)
    with pytest.raises(ValidationError, match=r"\.pdf"):
        monitoring.report_pdf(filled, out / "m.txt")
    assert list(out.iterdir()) == []


# --------------------------------------------------------------------------- workbook and report


def test_workbook_has_the_summary_native_charts_and_the_people(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from openpyxl.chart import BarChart, LineChart

    out = tmp_path / "monitoraggio.xlsx"
    written = monitoring.export_workbook(filled, out, vertenza="KON-AT", since=PAST)
    assert written.path == out and out.exists()
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Riepilogo", "Grafici", "Andamento"]
    bars = wb["Grafici"]._charts
    assert len(bars) == len(monitoring.CHARTS) and all(isinstance(c, BarChart) for c in bars)
    lines = wb["Andamento"]._charts
    assert len(lines) == 1 and isinstance(lines[0], LineChart)
    assert len(lines[0].series) == len(monitoring.TREND_SERIES)

    now = monitoring.figures(filled, vertenza="KON-AT")
    before = monitoring.figures(filled, at=PAST, vertenza="KON-AT")
    summary = {row[0].strip(): row for row in wb["Riepilogo"].iter_rows(values_only=True)
               if row and isinstance(row[0], str)}
    total = summary["Fascicoli per stato"]
    assert total[1:4] == (before.value("fascicoli"), now.value("fascicoli"),
                          now.value("fascicoli") - before.value("fascicoli"))
    # the people sheet named beside a figure lists exactly its people
    row = summary["Senza percorso"]
    assert row[2] == now.value("percorso.senza_percorso") and row[4]
    sheet = wb[row[4]]
    codes = [r[0] for r in sheet.iter_rows(min_row=3, values_only=True)]
    people = monitoring.people(filled, "percorso.senza_percorso", "KON-AT")
    assert codes == [p.codice_fiscale for p in people]
    assert written.people_sheets == len(wb.sheetnames) - 3
    with filled.read() as s:
        assert s.scalar(select(ExchangeRecord.kind).where(
            ExchangeRecord.file_name == out.name)) == "monitoring"
        assert s.scalar(select(func.count()).select_from(AuditLog).where(
            AuditLog.action == "export", AuditLog.detail.like("%monitoraggio.xlsx%"))) == 1


def test_report_names_the_vertenza_the_dates_and_the_figures(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    out = tmp_path / "rapporto.pdf"
    monitoring.report_pdf(filled, out, vertenza="KON-AT", since=PAST)
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    flat = " ".join(text.split())
    with filled.read() as s:
        title = s.scalar(select(Vertenza.title).where(Vertenza.code == "KON-AT"))
    assert "KON-AT" in flat and title in flat
    assert f"{PAST:%d/%m/%Y}" in flat and f"{TODAY:%d/%m/%Y}" in flat
    assert "Centro per l'Impiego di Asti" in flat  # the letterhead
    now = monitoring.figures(filled, vertenza="KON-AT")
    before = monitoring.figures(filled, at=PAST, vertenza="KON-AT")
    for key, label in (("fascicoli", "Fascicoli per stato"),
                       ("percorsi_in_corso", "Percorsi in corso per tipo"),
                       ("assunzioni", "Assunzioni per contratto")):
        diff = now.value(key) - before.value(key)
        line = f"{label} {before.value(key)} {now.value(key)} {'+' if diff > 0 else ''}{diff}"
        assert line in flat, line
    assert "Andamento mese per mese" in flat


def test_the_comparison_date_is_the_previous_meeting_of_the_tavolo(ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import vertenze

    at = dt.date(2026, 11, 30)
    fallback = at - dt.timedelta(days=monitoring.DEFAULT_SINCE_DAYS)
    asti = vertenze.create_vertenza(ctx, code="KON-AT", title="Konecta Asti",
                                    company_name="Konecta Italia S.p.A.")
    ivrea = vertenze.create_vertenza(ctx, code="KON-IV", title="Konecta Ivrea",
                                     company_name="Konecta Italia S.p.A.")
    assert monitoring.default_since(ctx, at=at, vertenza="KON-AT") == fallback  # no meeting yet
    for vertenza_id, day in ((asti, dt.date(2026, 9, 15)), (asti, dt.date(2026, 10, 20)),
                             (asti, dt.date(2026, 12, 10)), (ivrea, dt.date(2026, 11, 3))):
        vertenze.add_meeting(ctx, vertenza_id, held_on=day, place="Regione Piemonte, Torino")
    assert monitoring.default_since(ctx, at=at, vertenza="KON-AT") == dt.date(2026, 10, 20)
    assert monitoring.default_since(ctx, at=at, vertenza="KON-IV") == dt.date(2026, 11, 3)
    assert monitoring.default_since(ctx, at=at) == dt.date(2026, 11, 3)  # all: the latest
    assert monitoring.default_since(ctx, at=dt.date(2026, 9, 15), vertenza="KON-AT") == (
        dt.date(2026, 9, 15) - dt.timedelta(days=monitoring.DEFAULT_SINCE_DAYS))


def test_missed_appointments_are_told_apart_by_the_reminder(filled) -> None:  # type: ignore[no-untyped-def]
    before = _parts(monitoring.figures(filled))
    with filled.write() as s:
        missed = s.scalars(select(Appointment).where(Appointment.outcome == "assente")
                           .order_by(Appointment.id).limit(2)).all()
        assert len(missed) == 2
        for appointment in missed:
            appointment.reminded_at = appointment.starts_at - dt.timedelta(days=1)
    after = _parts(monitoring.figures(filled))
    assert after["mancati.con_promemoria"] == before.get("mancati.con_promemoria", 0) + 2
    assert after["mancati.senza_promemoria"] == before["mancati.senza_promemoria"] - 2
    assert after == {**after, **_expected(filled, TODAY, None)}


# --------------------------------------------------------------------------- the cache


def _one_open_file_without_pathway(ctx) -> int:  # type: ignore[no-untyped-def]
    return next(p.worker_id for p in monitoring.people(ctx, "percorso.senza_percorso")
                if p.status == "aperto")


def test_figures_are_kept_until_something_is_written(filled) -> None:  # type: ignore[no-untyped-def]
    # kept: the same objects come back (a stamp may move between two calls on a PostgreSQL
    # server shared with other programs: one of a few tries gets the kept ones)
    assert any(monitoring.figures(filled) is monitoring.figures(filled) for _ in range(5))
    assert any(monitoring.compare(filled, since=PAST).at is monitoring.compare(
        filled, since=PAST).at for _ in range(5))
    assert any(monitoring.trends(filled) is monitoring.trends(filled) for _ in range(5))
    trend = monitoring.trends(filled)
    with pytest.raises(TypeError):
        trend.series["occupati"] = ("", ())  # type: ignore[index]  # shared: read-only
    before = monitoring.compare(filled, since=PAST)
    suspended, without = before.at.value("fascicoli.sospeso"), before.at.value(
        "percorso.senza_percorso")

    # a file suspended through its service: counted again at once
    wid = _one_open_file_without_pathway(filled)
    workers.set_status(filled, wid, "sospeso")
    now = monitoring.figures(filled)
    assert now.value("fascicoli.sospeso") == suspended + 1
    assert _parts(now) == {**_parts(now), **_expected(filled, TODAY, None)}
    assert monitoring.compare(filled, since=PAST).at.value("fascicoli.sospeso") == suspended + 1

    # a pathway opened: the figures and the trend's last month follow
    pathways.open_pathway(filled, wid, "gol1", start_on=TODAY)
    assert monitoring.figures(filled).value("percorso.senza_percorso") == without - 1
    assert monitoring.trends(filled).series["senza_percorso"][1][-1] == without - 1
    assert monitoring.compare(filled, since=PAST).since == before.since  # the past is the same


def test_another_context_on_the_same_database_sees_the_change(filled, db_url) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.bootstrap import bootstrap

    other = bootstrap(db_url, backup=False).acting_as(filled.actor)
    try:
        seen = monitoring.figures(other).value("fascicoli.sospeso")
        assert monitoring.figures(filled).value("fascicoli.sospeso") == seen
        workers.set_status(filled, _one_open_file_without_pathway(filled), "sospeso")
        assert monitoring.figures(other).value("fascicoli.sospeso") == seen + 1
        workers.set_status(other, _one_open_file_without_pathway(other), "sospeso")
        assert monitoring.figures(filled).value("fascicoli.sospeso") == seen + 2
        monitoring.forget()
        assert monitoring.figures(filled).value("fascicoli.sospeso") == seen + 2
    finally:
        other.close()


@pytest.mark.postgres
def test_a_write_committed_after_a_later_one_is_not_missed(pg_url) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL an audit id is taken before its transaction commits: a transaction
    holding a smaller id may commit after the figures were counted with a larger one."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    first = bootstrap(pg_url)
    first = first.acting_as(setup.initialise(
        first, setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice",
                        password="prova1234")))
    second = bootstrap(pg_url, backup=False).acting_as(first.actor)
    try:
        demo.generate(first, workers=40, seed=5)
        slow, quick = (p.worker_id for p in monitoring.people(first, "fascicoli.aperto")[:2])
        suspended = monitoring.figures(first).value("fascicoli.sospeso")
        with first.write() as s:  # the slow one: its audit row (a smaller id) is written...
            s.get(Worker, slow).status = "sospeso"
            s.flush()
            workers.set_status(second, quick, "sospeso")  # ...a later one commits first
            assert monitoring.figures(second).value("fascicoli.sospeso") == suspended + 1
        # the slow one committed now: the highest id is the same, the figures are not
        assert monitoring.figures(second).value("fascicoli.sospeso") == suspended + 2
    finally:
        second.close()
        first.close()
