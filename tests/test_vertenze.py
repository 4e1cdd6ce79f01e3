"""The vertenza managed in the program (issue 15, part 1): data, sites, parties, tavolo
meetings and cohort exits; team leaders edit, operators read; every change audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from sportello.core import codice_fiscale as cf
from sportello.core.context import Actor
from sportello.core.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from sportello.core.models import (
    AuditLog,
    EmploymentSituation,
    FileStatus,
    Role,
    TavoloMeeting,
    Vertenza,
    Worker,
)
from sportello.core.services import operators, vertenze

PASSWORD = "sportello2026"
PIVA = "01114601006"  # a partita IVA with a valid check digit


def _as(ctx, role: str):  # type: ignore[no-untyped-def]
    info = operators.create_operator(ctx, operators.OperatorData(
        username=f"op.{role}", full_name=f"Op {role}", password=PASSWORD, role=role))
    return ctx.acting_as(Actor(info.id, info.username, info.full_name, info.role, info.office_id))


def _people(ctx, vertenza_id: int | None, names: list[str], status: str = FileStatus.APERTO,
            born: int = 1970) -> list[int]:  # type: ignore[no-untyped-def]
    ids = []
    with ctx.write() as s:
        for i, name in enumerate(names):
            code = cf.encode(name, "Maria", "F", dt.date(born, 1, 1 + i), "A479")
            w = Worker(codice_fiscale=code, surname=name, name="Maria", status=status)
            s.add(w)
            s.flush()
            s.add(EmploymentSituation(worker_id=w.id, vertenza_id=vertenza_id, is_current=True))
            ids.append(w.id)
    return ids


@pytest.fixture
def paycare(ctx):  # type: ignore[no-untyped-def]
    vid = vertenze.create_vertenza(
        ctx, code="kon-pc", title="Konecta Paycare", company_name="Konecta Paycare S.r.l.",
        company_cf=PIVA, company_piva=PIVA, safety_net="cigs_cessazione",
        opened_on=dt.date(2025, 11, 20), cigs_from=dt.date(2026, 1, 1),
        cigs_to=dt.date(2026, 12, 31), workers_expected=53)
    return vid


def test_create_and_read_back_with_sites_parties_meetings(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    vertenze.add_site(ctx, paycare, comune="Monteriggioni", provincia="si", workers_count=31)
    vertenze.add_site(ctx, paycare, comune="Sesto Fiorentino", provincia="FI",
                      address="Via Pistoiese 12", workers_count=22)
    vertenze.add_party(ctx, paycare, kind="regione", name="Regione Toscana",
                       contact="Unità di crisi")
    vertenze.add_party(ctx, paycare, kind="sindacato", name="SLC CGIL")
    vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 2, 10), place="Firenze, Regione",
                         minutes="Verbale", next_meeting_on=dt.date(2026, 5, 12))
    vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 5, 12), online=True,
                         decisions="Piano formativo")
    d = vertenze.get_vertenza(ctx, paycare)
    assert (d.code, d.status, d.company_piva, d.safety_net) == ("KON-PC", "aperta", PIVA,
                                                                "cigs_cessazione")
    assert (d.cigs_from, d.cigs_to) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert [(s.comune, s.provincia, s.workers_count) for s in d.sites] == [
        ("Monteriggioni", "SI", 31), ("Sesto Fiorentino", "FI", 22)]
    assert [p.kind for p in d.parties] == ["regione", "sindacato"]
    assert [m.held_on for m in d.meetings] == [dt.date(2026, 5, 12), dt.date(2026, 2, 10)]
    assert vertenze.vertenza_id(ctx, "Kon-Pc") == paycare


def test_previous_meeting(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    assert vertenze.previous_meeting(ctx, paycare, dt.date(2026, 12, 1)) is None
    for day in (dt.date(2026, 2, 10), dt.date(2026, 5, 12), dt.date(2026, 9, 15)):
        vertenze.add_meeting(ctx, paycare, held_on=day, place="Firenze")
    other = vertenze.create_vertenza(ctx, code="X", title="Altra", company_name="Altra S.p.A.")
    vertenze.add_meeting(ctx, other, held_on=dt.date(2026, 11, 1), place="Asti")
    assert vertenze.previous_meeting(ctx, paycare, dt.date(2026, 12, 1)) == dt.date(2026, 9, 15)
    assert vertenze.previous_meeting(ctx, paycare, dt.date(2026, 9, 15)) == dt.date(2026, 5, 12)
    assert vertenze.previous_meeting(ctx, paycare, dt.date(2026, 2, 10)) is None


def test_bad_input_is_named_and_nothing_is_written(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    cases = [
        (dict(code="KON-PC", title="Doppia", company_name="X"), "code", "Esiste già"),
        (dict(code="A B", title="T", company_name="X"), "code", "senza spazi"),
        (dict(code="N1", title="", company_name="X"), "title", "obbligatorio"),
        (dict(code="N1", title="T", company_name="X", company_piva="01114601007"),
         "company_piva", "controllo"),
        (dict(code="N1", title="T", company_name="X", company_cf="123"), "company_cf", "11 cifre"),
        (dict(code="N1", title="T", company_name="X", safety_net="cassa"), "safety_net", "cassa"),
        (dict(code="N1", title="T", company_name="X", cigs_from=dt.date(2026, 5, 1),
              cigs_to=dt.date(2026, 4, 1)), "cigs_to", "precede"),
        (dict(code="N1", title="T", company_name="X", opened_on=dt.date(2026, 5, 1),
              agreement_on=dt.date(2026, 4, 1)), "agreement_on", "precede"),
    ]
    for values, field, message in cases:
        with pytest.raises(ValidationError, match=message) as raised:
            vertenze.create_vertenza(ctx, **values)
        assert raised.value.field == field
    with pytest.raises(ValidationError, match="Prossimo incontro") as raised:
        vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 5, 1), place="Firenze",
                             next_meeting_on=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError, match="luogo"):
        vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 5, 1))
    with pytest.raises(ValidationError, match="Provincia"):
        vertenze.add_site(ctx, paycare, comune="Siena", provincia="Siena")
    with pytest.raises(ValidationError, match="Tipo di parte"):
        vertenze.add_party(ctx, paycare, kind="banca", name="X")
    with ctx.read() as s:
        assert s.scalar(select(func.count(Vertenza.id))) == 1
        assert s.scalar(select(func.count(TavoloMeeting.id))) == 0


def test_closing_date_closes_and_version_guards(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    version = vertenze.get_vertenza(ctx, paycare).version
    vertenze.update_vertenza(ctx, paycare, expected_version=version, closed_on=dt.date(2026, 12, 31),
                             notes="Chiusa con accordo")
    d = vertenze.get_vertenza(ctx, paycare)
    assert (d.status, d.notes) == ("chiusa", "Chiusa con accordo") and d.version == version + 1
    with pytest.raises(ConflictError):
        vertenze.update_vertenza(ctx, paycare, expected_version=version, title="Vecchia")
    vertenze.update_vertenza(ctx, paycare, closed_on=None)
    assert vertenze.get_vertenza(ctx, paycare).status == "aperta"


def test_an_operator_reads_but_cannot_edit(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    clerk = _as(ctx, Role.OPERATORE)
    leader = _as(ctx, Role.RESPONSABILE)
    assert not vertenze.can_edit(clerk) and vertenze.can_edit(leader)
    (wid,) = _people(ctx, paycare, ["Rossi"])
    attempts = [
        lambda c: vertenze.create_vertenza(c, code="N", title="N", company_name="N"),
        lambda c: vertenze.update_vertenza(c, paycare, title="Cambiato"),
        lambda c: vertenze.add_site(c, paycare, comune="Siena"),
        lambda c: vertenze.add_party(c, paycare, kind="rsu", name="RSU"),
        lambda c: vertenze.add_meeting(c, paycare, held_on=dt.date(2026, 3, 1), place="Siena"),
        lambda c: vertenze.set_cohort_exit(c, wid, "pensione", dt.date(2026, 3, 1)),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="responsabile"):
            attempt(clerk)
    assert [v.code for v in vertenze.list_vertenze(clerk)] == ["KON-PC"]  # reading is for all
    assert vertenze.get_vertenza(clerk, paycare).title == "Konecta Paycare"
    for attempt in attempts:
        attempt(leader)
    assert vertenze.get_vertenza(clerk, paycare).title == "Cambiato"


def test_figures_and_cohort_exits(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 12, 6)
    ids = _people(ctx, paycare, ["Rossi", "Bianchi", "Verdi", "Neri"])
    closed = _people(ctx, paycare, ["Gialli"], status=FileStatus.CHIUSO)
    _people(ctx, None, ["Fuori"], born=1980)  # no vertenza: in no cohort
    vertenze.set_cohort_exit(ctx, ids[0], "assunto_altrove", dt.date(2026, 6, 1), "Amazon",
                             today=today)
    vertenze.set_cohort_exit(ctx, closed[0], "pensione", dt.date(2026, 7, 1), today=today)
    vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 10, 1), place="Firenze",
                         next_meeting_on=dt.date(2027, 1, 15))
    (row,) = vertenze.list_vertenze(ctx, today=today)
    assert (row.workers, row.open_files, row.exits, row.to_place) == (5, 4, 2, 3)
    assert (row.last_meeting, row.next_meeting) == (dt.date(2026, 10, 1), dt.date(2027, 1, 15))
    cohort = {c.surname: c for c in vertenze.cohort(ctx, paycare)}
    assert set(cohort) == {"Rossi", "Bianchi", "Verdi", "Neri", "Gialli"}
    assert (cohort["Rossi"].cohort_exit, cohort["Rossi"].cohort_exit_note) == ("assunto_altrove",
                                                                               "Amazon")
    with pytest.raises(ValidationError, match="futuro"):
        vertenze.set_cohort_exit(ctx, ids[1], "pensione", dt.date(2026, 12, 7), today=today)
    with pytest.raises(ValidationError, match="data"):
        vertenze.set_cohort_exit(ctx, ids[1], "pensione", None, today=today)
    with pytest.raises(ValidationError, match="sconosciuta"):
        vertenze.set_cohort_exit(ctx, ids[1], "licenziato", today, today=today)
    outsider = _people(ctx, None, ["Esterni"], born=1981)[0]
    with pytest.raises(ValidationError, match="nessuna vertenza"):
        vertenze.set_cohort_exit(ctx, outsider, "pensione", today, today=today)
    vertenze.set_cohort_exit(ctx, ids[0], None, today=today)  # back in the count
    assert vertenze.list_vertenze(ctx, today=today)[0].exits == 1
    assert vertenze.figures(ctx, paycare, today=today) == vertenze.list_vertenze(ctx, today)[0]
    assert [c.surname for c in vertenze.cohort(ctx, paycare, limit=2)] == ["Bianchi", "Gialli"]


def test_every_change_is_audited(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    (wid,) = _people(ctx, paycare, ["Rossi"])
    vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 3, 1), place="Siena")
    vertenze.update_vertenza(ctx, paycare, safety_net="naspi")
    vertenze.set_cohort_exit(ctx, wid, "trasferimento", dt.date(2026, 3, 2))
    with ctx.read() as s:
        logged = {(a.entity, a.action): a for a in s.scalars(select(AuditLog))}
    assert ("vertenza", "create") in logged and ("tavolo_meeting", "create") in logged
    assert logged[("vertenza", "update")].changes["safety_net"] == ["cigs_cessazione", "naspi"]
    change = logged[("worker", "update")]
    assert change.worker_id == wid and change.changes["cohort_exit"] == [None, "trasferimento"]
    assert all(a.operator_id == ctx.actor.id for a in logged.values()
               if a.entity in ("vertenza", "tavolo_meeting"))


def test_anonymisation_keeps_the_exit_and_drops_its_note(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import pathways, privacy

    today = dt.date.today()
    (wid,) = _people(ctx, paycare, ["Rossi"])
    long_ago = today - dt.timedelta(days=6 * 365)
    vertenze.set_cohort_exit(ctx, wid, "assunto_altrove", long_ago, "Assunta da Rossi Trasporti")
    pathways.close_file(ctx, wid, "ricollocato", on=long_ago)
    collected = privacy.collect(ctx, wid)  # the access request shows the exit and its note
    (registry,) = [sec for sec in collected.sections if sec.title == "Anagrafica"]
    assert registry.rows[0]["cohort_exit_note"] == "Assunta da Rossi Trasporti"
    assert privacy.LABELS["cohort_exit"] == "Uscita dalla coorte"
    assert privacy.anonymise(ctx, today=today).anonymised == 1
    with ctx.read() as s:
        w = s.get(Worker, wid)
        assert (w.cohort_exit, w.cohort_exit_on, w.cohort_exit_note) == (
            "assunto_altrove", long_ago, None)
    assert vertenze.list_vertenze(ctx)[0].exits == 1  # the figures stay


def test_sites_parties_and_meetings_are_changed_and_removed(ctx, paycare: int) -> None:  # type: ignore[no-untyped-def]
    site = vertenze.add_site(ctx, paycare, comune="Monteriggioni", provincia="SI")
    party = vertenze.add_party(ctx, paycare, kind="sindacato", name="SLC CGIL")
    meeting = vertenze.add_meeting(ctx, paycare, held_on=dt.date(2026, 2, 10), place="Siena")
    vertenze.update_site(ctx, site, comune="Monteriggioni", provincia="SI", workers_count=31)
    vertenze.update_party(ctx, party, kind="sindacato", name="SLC CGIL Toscana", contact="Firenze")
    vertenze.update_meeting(ctx, meeting, held_on=dt.date(2026, 2, 11), online=True,
                            minutes="Verbale")
    d = vertenze.get_vertenza(ctx, paycare)
    assert (d.sites[0].workers_count, d.parties[0].name, d.parties[0].contact) == (
        31, "SLC CGIL Toscana", "Firenze")
    assert (d.meetings[0].held_on, d.meetings[0].place, d.meetings[0].online,
            d.meetings[0].minutes) == (dt.date(2026, 2, 11), None, True, "Verbale")
    clerk = _as(ctx, Role.OPERATORE)
    for attempt in (lambda c: vertenze.remove_site(c, site),
                    lambda c: vertenze.update_party(c, party, kind="rsu", name="RSU"),
                    lambda c: vertenze.remove_meeting(c, meeting)):
        with pytest.raises(PermissionDenied):
            attempt(clerk)
    vertenze.remove_site(ctx, site)
    vertenze.remove_party(ctx, party)
    vertenze.remove_meeting(ctx, meeting)
    d = vertenze.get_vertenza(ctx, paycare)
    assert d.sites == d.parties == d.meetings == ()
    with pytest.raises(NotFound, match="Incontro non trovato"):
        vertenze.remove_meeting(ctx, meeting)
