"""The three paths: pathways and file closing, job reinsertion, self-employment."""

from __future__ import annotations

import datetime as dt

import pytest

from sportello.core import codice_fiscale as cf
from sportello.core.errors import ValidationError
from sportello.core.models import FundingProgramme, Pathway, Worker
from sportello.core.services import business, pathways, placements, workers

D = dt.date


@pytest.fixture
def worker_id(ctx) -> int:  # type: ignore[no-untyped-def]
    code = cf.encode("Rossi", "Mario", "M", D(1980, 1, 1), "A479")
    return workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname="Rossi", name="Mario",
                                                  residence_comune="Asti", residence_province="AT",
                                                  skills="contabilità, Excel, gestione documentale"))


def _path_rows(ctx, worker_id):  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {p.kind: (p.status, p.outcome) for p in s.query(Pathway).filter_by(worker_id=worker_id)}


def test_closing_the_file_closes_every_open_pathway_with_the_outcome(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    pathways.open_pathway(ctx, worker_id, "gol2", start_on=D(2026, 3, 1))
    pathways.open_pathway(ctx, worker_id, "autoimpiego", start_on=D(2026, 4, 1))
    with pytest.raises(ValidationError, match="già su un percorso"):
        pathways.open_pathway(ctx, worker_id, "gol2")
    closed = pathways.close_file(ctx, worker_id, "formato", on=D(2026, 10, 1))
    assert len(closed) == 2
    assert _path_rows(ctx, worker_id) == {"gol2": ("concluso", "formato"),
                                          "autoimpiego": ("concluso", "formato")}
    with ctx.read() as s:
        w = s.get(Worker, worker_id)
        assert (w.status, w.closed_on, w.closing_reason) == ("chiuso", D(2026, 10, 1), "altro")
    with pytest.raises(ValidationError, match="chiuso"):
        pathways.open_pathway(ctx, worker_id, "gol1")


def test_a_hire_closes_the_reinsertion_path_as_ricollocato(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    pathways.open_pathway(ctx, worker_id, "gol1", start_on=D(2026, 2, 1))
    pathways.open_pathway(ctx, worker_id, "gol3", start_on=D(2026, 2, 1))
    emp = placements.add_employer(ctx, name="Logistica Astigiana srl", cf_piva="01234567897",
                                  comune="Asti", provincia="AT")
    offer = placements.add_offer(ctx, employer_id=emp, role="Impiegato amministrativo",
                                 contract_type="tempo_indeterminato", comune="Asti", provincia="AT",
                                 skills="contabilità Excel", today=D(2026, 5, 1))
    ranked = placements.candidates_for_offer(ctx, offer)
    assert ranked[0].worker_id == worker_id and "stesso comune" in ranked[0].reasons
    assert placements.offers_for_worker(ctx, worker_id, today=D(2026, 5, 2))[0].offer_id == offer
    app = placements.propose(ctx, worker_id, offer)
    placements.advance(ctx, app, "inviata")
    with pytest.raises(ValidationError):
        placements.advance(ctx, app, "proposta")
    placements.hire(ctx, worker_id=worker_id, employer_id=emp, hired_on=D(2026, 6, 1),
                    contract_type="tempo_indeterminato", application_id=app)
    rows = _path_rows(ctx, worker_id)
    assert rows["gol1"] == ("concluso", "ricollocato")
    assert rows["gol3"] == ("attivo", None)  # training goes on; only reinsertion closes
    assert placements.offers_for_worker(ctx, worker_id, today=D(2026, 6, 2)) == []  # offer covered


def test_business_needs_valid_ateco_and_partita_iva(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    pathways.open_pathway(ctx, worker_id, "autoimpiego", start_on=D(2026, 1, 10))
    pid = business.start_project(ctx, worker_id, "Bar-caffetteria in centro")
    with pytest.raises(ValidationError, match="business plan"):
        business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="56.30",
                               vat_number="01234567897", vat_opened_on=D(2026, 6, 1))
    business.advance_stage(ctx, pid, "accompagnamento_ex_ante")
    business.advance_stage(ctx, pid, "business_plan_validato")
    with pytest.raises(ValidationError, match="già in"):
        business.advance_stage(ctx, pid, "pre_accoglienza")
    with pytest.raises(ValidationError) as bad_ateco:
        business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="99.99.99",
                               vat_number="01234567897", vat_opened_on=D(2026, 6, 1))
    assert bad_ateco.value.field == "ateco_code"
    with pytest.raises(ValidationError, match="voce generale"):
        business.check_ateco("56")
    with pytest.raises(ValidationError) as bad_vat:
        business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="56.30",
                               vat_number="01234567890", vat_opened_on=D(2026, 6, 1))
    assert bad_vat.value.field == "vat_number"
    business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="56.30",
                           vat_number="01234567897", vat_opened_on=D(2026, 6, 1), comune="Asti")
    assert _path_rows(ctx, worker_id)["autoimpiego"] == ("concluso", "autoimpiego")
    filing = business.file_scia(ctx, pid, filed_on=D(2026, 6, 3), comune="Asti")
    business.scia_outcome(ctx, filing, "efficace", D(2026, 6, 3))
    with ctx.write() as s:
        prog = FundingProgramme(name="Mettersi in proprio")
        s.add(prog)
    req = business.request_funding(ctx, pid, prog.id, 20_000_00)
    with pytest.raises(ValidationError):
        business.decide_funding(ctx, req, "ammessa", granted_cents=25_000_00)
    business.decide_funding(ctx, req, "ammessa", granted_cents=15_000_00)
    business.decide_funding(ctx, req, "erogata")


def test_opening_a_business_records_the_autoimpiego_outcome(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    """Issue 11, major 7: with only a proposed GOL 1 path, opening the business closes it as
    a hire does (outcome "autoimpiego") and records the self-employment path, concluded."""
    pathways.open_pathway(ctx, worker_id, "gol1", start_on=D(2026, 2, 1), status="proposto")
    pathways.open_pathway(ctx, worker_id, "gol3", start_on=D(2026, 2, 1))
    pid = business.start_project(ctx, worker_id, "Laboratorio di pasticceria")
    business.advance_stage(ctx, pid, "business_plan_validato")
    business.open_business(ctx, pid, legal_form="ditta_individuale", ateco_code="10.71.20",
                           vat_number="01234567897", vat_opened_on=D(2026, 11, 30))
    assert _path_rows(ctx, worker_id) == {"gol1": ("concluso", "autoimpiego"),
                                          "gol3": ("attivo", None),  # training goes on
                                          "autoimpiego": ("concluso", "autoimpiego")}
    listed = pathways.list_pathways(ctx, pathways.PathwayFilter(worker_id=worker_id))
    own = next(p for p in listed if p.kind == "autoimpiego")
    assert (own.end_on, own.outcome) == (D(2026, 11, 30), "autoimpiego")
    assert business.project(ctx, pid).stage == "avvio_impresa"
    with ctx.read() as s:
        from sportello.core.models import BusinessProject
        assert s.get(BusinessProject, pid).pathway_id == own.id


def test_funding_programmes_are_a_responsabiles_list(ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.errors import PermissionDenied
    from sportello.core.models import Operator, Role
    from sportello.core.services import setup

    with ctx.write() as s:
        for username, role in (("op", Role.OPERATORE), ("resp", Role.RESPONSABILE)):
            s.add(Operator(office_id=ctx.actor.office_id, username=username,
                           full_name=username.title(), role=role))
    operator = ctx.acting_as(setup.default_actor(ctx, "op"))
    responsabile = ctx.acting_as(setup.default_actor(ctx, "resp"))
    with pytest.raises(PermissionDenied, match="Solo un responsabile"):
        business.add_programme(operator, "Microcredito")
    micro = business.add_programme(responsabile, " Microcredito ", "Ente nazionale")
    business.add_programme(responsabile, "Mettersi in proprio")
    with pytest.raises(ValidationError, match="Esiste già"):
        business.add_programme(responsabile, "MICROCREDITO")
    with pytest.raises(PermissionDenied):
        business.set_programme_active(operator, micro, False)
    business.set_programme_active(responsabile, micro, False)
    assert [name for _id, name in business.programmes(ctx)] == ["Mettersi in proprio"]
    listed = {p.name: (p.active, p.description) for p in business.list_programmes(ctx)}
    assert listed == {"Microcredito": (False, "Ente nazionale"), "Mettersi in proprio": (True, None)}
