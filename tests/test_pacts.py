"""The patto di servizio: drafting, signing, revising, closing, and its letter."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from sportello.core.context import Actor
from sportello.core.codice_fiscale import encode
from sportello.core.letters import italian
from sportello.core.errors import NotFound, PermissionDenied, ValidationError
from sportello.core.models import AuditLog, Office, Operator, Role, ServicePact, Worker
from sportello.core.services import letters, pacts, pathways, workers
from sportello.core.services.pacts import PactForm
from sportello.core.services.records import RecordConflict

TODAY = dt.date.today()


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def worker_id(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        office = s.get(Office, ctx.actor.office_id)
        office.address = "Corso Dante 12"
        w = Worker(codice_fiscale=encode("Gori", "Ettore", "M", dt.date(1971, 4, 2), "A479"),
                   surname="Gori", name="Ettore", sex="M", birth_date=dt.date(1971, 4, 2),
                   birth_place="Asti", birth_province="AT", residence_address="Via Roma 1",
                   residence_cap="14100", residence_comune="Asti", residence_province="AT")
        s.add(w)
        s.flush()
        return w.id


def _statuses(ctx, worker_id):  # type: ignore[no-untyped-def]
    return [(p.revision, p.status) for p in pacts.revisions(ctx, worker_id)]


def test_a_pact_is_drafted_signed_revised_and_replaced(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    pathways.open_pathway(ctx, worker_id, "gol2", start_on=TODAY)
    form = pacts.defaults(ctx, worker_id)
    assert (form.gol_path, form.review_on, form.commitments) == (
        "gol2", TODAY + dt.timedelta(days=90), None)
    draft = pacts.new_draft(ctx, worker_id, PactForm("corso di aggiornamento", "gol2",
                                                     TODAY + dt.timedelta(days=60)))
    assert (draft.revision, draft.status, draft.operator_name, draft.drafted_on) == (
        1, "bozza", "Anna Amministratrice", TODAY)
    edited = pacts.edit_draft(ctx, draft.id, draft.version,
                              PactForm("corso di aggiornamento\nricerca attiva", "gol2",
                                       TODAY + dt.timedelta(days=90), "  "))
    assert edited.commitments == "corso di aggiornamento\nricerca attiva" and edited.notes is None
    signed = pacts.sign(ctx, edited.id, edited.version)
    assert (signed.status, signed.signed_on) == ("firmato", TODAY)
    assert pacts.in_force(ctx, worker_id).id == signed.id

    # A new pathway: the revision copies the pact in force and names the new pathway.
    pathways.close_pathway(ctx, pathways.open_pathways_of(ctx, worker_id)[0].id, "formato")
    pathways.open_pathway(ctx, worker_id, "gol1", start_on=TODAY)
    revision = pacts.revise(ctx, worker_id)
    assert (revision.revision, revision.status, revision.supersedes_id, revision.gol_path,
            revision.commitments) == (2, "bozza", signed.id, "gol1", edited.commitments)
    assert _statuses(ctx, worker_id) == [(2, "bozza"), (1, "firmato")]  # still in force
    assert pacts.in_force(ctx, worker_id).revision == 1
    pacts.sign(ctx, revision.id, revision.version)
    assert _statuses(ctx, worker_id) == [(2, "firmato"), (1, "sostituito")]

    closed = pacts.close(ctx, pacts.in_force(ctx, worker_id).id, 2)
    assert closed.status == "chiuso" and pacts.in_force(ctx, worker_id) is None
    assert pacts.new_draft(ctx, worker_id).revision == 3  # after closing, a new pact
    with ctx.read() as s:
        actions = list(s.scalars(select(AuditLog.action).where(AuditLog.worker_id == worker_id)))
    assert {"sign_pact", "revise_pact", "close_pact"} <= set(actions)
    assert actions.count("create") >= 3 and "update" in actions


def test_pact_rules_name_the_field(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    def refused(field: str | None, match: str, call, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(ValidationError, match=match) as info:
            call(*args, **kwargs)
        assert info.value.field == field

    later = TODAY + dt.timedelta(days=30)
    refused("commitments", "Impegni del lavoratore: al massimo 4000", pacts.new_draft, ctx,
            worker_id, PactForm("x" * 4001, None, later))
    refused("notes", "Note: al massimo 2000", pacts.new_draft, ctx, worker_id,
            PactForm("a", None, later, "n" * 2001))
    refused("review_on", "Data di verifica: non può essere nel passato", pacts.new_draft, ctx,
            worker_id, PactForm("a", None, TODAY - dt.timedelta(days=1)))
    refused("review_on", "oltre due anni", pacts.new_draft, ctx, worker_id,
            PactForm("a", None, TODAY + dt.timedelta(days=800)))
    refused("gol_path", "Percorso GOL sconosciuto", pacts.new_draft, ctx, worker_id,
            PactForm("a", "gol9", later))
    refused("status", "Nessun patto firmato in vigore", pacts.revise, ctx, worker_id)

    draft = pacts.new_draft(ctx, worker_id, PactForm(None, "gol1", later))
    refused("status", "C'è già una bozza del patto \\(revisione 1\\)", pacts.new_draft, ctx,
            worker_id)
    refused("commitments", "scriverli prima di segnare", pacts.sign, ctx, draft.id,
            draft.version)
    draft = pacts.edit_draft(ctx, draft.id, draft.version, PactForm("a", "gol1", later))
    refused("signed_on", "nel futuro", pacts.sign, ctx, draft.id, draft.version,
            on=TODAY + dt.timedelta(days=1))
    refused("signed_on", "precede la bozza", pacts.sign, ctx, draft.id, draft.version,
            on=TODAY - dt.timedelta(days=1))
    with pytest.raises(RecordConflict):
        pacts.edit_draft(ctx, draft.id, draft.version - 1, PactForm("b", "gol1", later))
    with pytest.raises(RecordConflict):
        pacts.sign(ctx, draft.id, draft.version - 1)
    signed = pacts.sign(ctx, draft.id, draft.version)
    refused("status", "si modifica solo una bozza", pacts.edit_draft, ctx, signed.id,
            signed.version, PactForm("c", "gol1", later))
    refused("status", "si firma solo una bozza", pacts.sign, ctx, signed.id, signed.version)
    refused("status", "usare «Revisiona»", pacts.new_draft, ctx, worker_id)

    with pytest.raises(PermissionDenied):
        pacts.revise(ctx.acting_as(None), worker_id)
    with pytest.raises(NotFound):
        pacts.revisions(ctx, worker_id + 99)
    pathways.close_file(ctx, worker_id, "nessun_esito")
    refused(None, "fascicolo è chiuso", pacts.revise, ctx, worker_id)
    assert _statuses(ctx, worker_id) == [(1, "firmato")]


def test_signing_is_not_before_the_pact_in_force(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:  # an old pact, signed a year ago
        s.add(ServicePact(worker_id=worker_id, revision=1, status="firmato",
                          signed_on=TODAY - dt.timedelta(days=365), commitments="a",
                          gol_path="gol1", created_at=dt.datetime(2000, 1, 1)))
    revision = pacts.revise(ctx, worker_id)
    with ctx.write() as s:  # drawn up long ago, never signed
        s.get(ServicePact, revision.id).created_at = dt.datetime(2000, 1, 1)
    revision = pacts.get(ctx, revision.id)
    with pytest.raises(ValidationError, match="precede la firma della revisione 1") as info:
        pacts.sign(ctx, revision.id, revision.version, on=TODAY - dt.timedelta(days=400))
    assert info.value.field == "signed_on"
    on = TODAY - dt.timedelta(days=10)
    assert pacts.sign(ctx, revision.id, revision.version, on=on).signed_on == on


def test_the_patto_letter_prints_the_chosen_revision_with_its_drafter_and_date(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    first = pacts.new_draft(ctx, worker_id, PactForm("ricerca attiva del lavoro", "gol1",
                                                     TODAY + dt.timedelta(days=90)))
    # A draft prints (for signature), with today's date and the man's salutation.
    text = pdf_text(letters.preview(ctx, "patto", worker_id, letters.Refs(pact_id=first.id)))
    assert "e il Sig. Ettore Gori" in text and "e Sig." not in text
    assert "il Sig. Gori si impegna a" in text
    assert "Con la firma, il Sig. Gori dichiara di essere informato che" in text
    assert "GOL 1 – Reinserimento lavorativo" in text and "ricerca attiva del lavoro" in text
    assert f"sottoscritto. Asti, {italian.long_date(TODAY)}." in text

    signed_on = TODAY
    first = pacts.sign(ctx, first.id, first.version, on=signed_on)
    revision = pacts.revise(ctx, worker_id, PactForm("corso di riqualificazione", "gol3",
                                                     TODAY + dt.timedelta(days=60)))

    # Someone else prints them, months later: the drafter, and the signing date, stay.
    with ctx.write() as s:
        other = Operator(office_id=ctx.actor.office_id, username="gverdi",
                         full_name="Giulia Verdi", role=Role.OPERATORE)
        s.add(other)
        s.flush()
        giulia = Actor(other.id, "gverdi", "Giulia Verdi", Role.OPERATORE, ctx.actor.office_id)
    as_giulia = ctx.acting_as(giulia)
    later = TODAY + dt.timedelta(days=120)
    text = pdf_text(letters.preview(as_giulia, "patto", worker_id,
                                    letters.Refs(pact_id=first.id), today=later))
    assert f"sottoscritto. Asti, {italian.long_date(signed_on)}." in text
    assert "rappresentato dall'operatore Anna Amministratrice" in text
    assert "Giulia Verdi" not in text and "GOL 1 – Reinserimento lavorativo" in text
    # The revision chosen, not the one in force: its new pathway and commitments.
    text = pdf_text(letters.preview(as_giulia, "patto", worker_id,
                                    letters.Refs(pact_id=revision.id), today=later))
    assert "GOL 3 – Riqualificazione (reskilling)" in text and "corso di riqualificazione" in text
    assert "GOL 1" not in text
    assert "Revisione n. 2" in text
    assert f"sottoscritto. Asti, {italian.long_date(later)}." in text  # a draft: the day it is printed


def test_the_salutation_follows_the_sex(ctx, worker_id) -> None:  # type: ignore[no-untyped-def]
    code = encode("Bianchi", "Carla", "F", dt.date(1985, 3, 3), "A479")
    carla = workers.create(ctx, workers.WorkerForm(
        codice_fiscale=code, surname="Bianchi", name="Carla", sex="F",
        birth_date=dt.date(1985, 3, 3), birth_place="Asti", residence_address="Via Po 2",
        residence_cap="14100", residence_comune="Asti"))
    pact = pacts.new_draft(ctx, carla, PactForm("colloqui", "gol2", TODAY + dt.timedelta(days=9)))
    text = pdf_text(letters.preview(ctx, "patto", carla, letters.Refs(pact_id=pact.id)))
    assert "e la Sig.ra Carla Bianchi, nata ad Asti" in text
    assert "la Sig.ra Bianchi si impegna a" in text
    assert "Con la firma, la Sig.ra Bianchi dichiara di essere informata che" in text
