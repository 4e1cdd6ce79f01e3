"""Documents in the file and the incoming protocol: the rules, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from document_files import EXPECTED, big_pdf, damaged_pdf, disguised_executable, write
from sportello.core.codice_fiscale import encode
from sportello.core.context import Actor
from sportello.core.errors import NotFound, PermissionDenied, ValidationError
from sportello.core.exchange.xlsx import rows_of
from sportello.core.models import (
    AuditLog,
    Document,
    DocumentChunk,
    Operator,
    ProtocolCounter,
    Role,
    Worker,
)
from sportello.core.services import documents, pacts, pathways, protocol
from sportello.core.services.pacts import PactForm

TODAY = dt.date.today()


def _worker(ctx, surname: str = "Gori", name: str = "Ettore") -> int:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        w = Worker(codice_fiscale=encode(surname, name, "M", dt.date(1971, 4, 2), "A479"),
                   surname=surname, name=name, sex="M", birth_date=dt.date(1971, 4, 2),
                   birth_place="Asti", birth_province="AT", residence_address="Via Roma 1",
                   residence_cap="14100", residence_comune="Asti", residence_province="AT")
        s.add(w)
        s.flush()
        return w.id


@pytest.fixture
def worker_id(ctx) -> int:  # type: ignore[no-untyped-def]
    return _worker(ctx)


def _state(ctx) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return (s.scalar(select(func.count(Document.id))),
                s.scalar(select(func.count()).select_from(DocumentChunk)),
                s.scalar(select(func.count(AuditLog.id))))


def _actor(ctx, role: str, username: str) -> Actor:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        op = Operator(office_id=ctx.actor.office_id, username=username,
                      full_name=username.capitalize(), role=role)
        s.add(op)
        s.flush()
        return Actor(op.id, username, op.full_name, role, ctx.actor.office_id)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_type_is_attached_by_content_and_comes_back_identical(
        ctx, worker_id, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    source = write(tmp_path, name)
    info = documents.attach(ctx, worker_id, source, "altro", note="portato allo sportello")
    assert (info.extension, info.original_name, info.size) == (
        EXPECTED[name], name, source.stat().st_size)
    assert info.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert info.uploaded_by == "Anna Amministratrice"
    copy = documents.save_copy(ctx, info.id, tmp_path / "copia" / info.file_name)
    assert copy.read_bytes() == source.read_bytes()
    assert documents.content(ctx, info.id) == source.read_bytes()
    with ctx.read() as s:
        actions = list(s.scalars(select(AuditLog.action).where(AuditLog.entity == "document",
                                                               AuditLog.entity_id == info.id)))
    assert {"attach_document", "save_document", "view_document"} <= set(actions)


def test_a_large_document_is_stored_in_pieces(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = big_pdf(tmp_path / "grande.pdf", 2.5)
    info = documents.attach(ctx, worker_id, big, "inps")
    with ctx.read() as s:
        pieces = s.scalar(select(func.count()).select_from(DocumentChunk)
                          .where(DocumentChunk.document_id == info.id))
    assert pieces == 3 and info.size == big.stat().st_size
    assert documents.save_copy(ctx, info.id, tmp_path / "x.pdf").read_bytes() == big.read_bytes()


def test_bad_files_are_refused_with_a_message_and_nothing_written(
        ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _state(ctx)
    exe = disguised_executable(tmp_path)
    with pytest.raises(ValidationError, match="«fattura.pdf» è un programma eseguibile"):
        documents.attach(ctx, worker_id, exe, "altro")
    empty = tmp_path / "vuoto.pdf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match=r"«vuoto.pdf» è vuoto \(0 byte\)"):
        documents.attach(ctx, worker_id, empty, "cv")
    with pytest.raises(ValidationError, match="«rotto.pdf» sembra un PDF ma è danneggiato"):
        documents.attach(ctx, worker_id, damaged_pdf(tmp_path), "patto")
    text = tmp_path / "appunti.pdf"
    text.write_text("solo testo, non un PDF\n")
    with pytest.raises(ValidationError, match="«appunti.pdf»: tipo di file non riconosciuto"):
        documents.attach(ctx, worker_id, text, "altro")
    with pytest.raises(ValidationError, match="Tipo di documento sconosciuto: «passaporto»"):
        documents.attach(ctx, worker_id, write(tmp_path, "foto.png"), "passaporto")
    assert _state(ctx) == before
    documents.set_max_mb(ctx, 1)
    big = tmp_path / "enorme.png"
    big.write_bytes(write(tmp_path, "foto.png").read_bytes() + b"\0" * 2_000_000)
    with pytest.raises(ValidationError, match=r"«enorme.png» è di 1,9\d MB: il limite per un "
                                              r"documento è 1 MB"):
        documents.attach(ctx, worker_id, big, "altro")
    assert _state(ctx)[:2] == before[:2]


def test_the_limit_is_25_mb_by_default_and_set_by_an_administrator(ctx) -> None:  # type: ignore[no-untyped-def]
    assert documents.max_bytes(ctx) == 25 * 1_048_576
    clerk = ctx.acting_as(_actor(ctx, Role.OPERATORE, "mrossi"))
    with pytest.raises(PermissionDenied):
        documents.set_max_mb(clerk, 50)
    documents.set_max_mb(ctx, 50)
    assert documents.max_bytes(clerk) == 50 * 1_048_576


def test_the_same_document_twice_in_a_file_is_recognised(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = documents.attach(ctx, worker_id, write(tmp_path, "carta-identita.jpg"), "identita")
    again = tmp_path / "doppione.jpg"
    again.write_bytes((tmp_path / "carta-identita.jpg").read_bytes())
    with pytest.raises(ValidationError, match=rf"«doppione.jpg» è già nel fascicolo: è identico "
                                              rf"a «carta-identita.jpg» \(documento n. {first.id}"):
        documents.attach(ctx, worker_id, again, "identita")
    other = _worker(ctx, "Bianchi", "Carla")
    assert documents.attach(ctx, other, again, "identita").sha256 == first.sha256


def test_the_signed_scan_signs_the_draft_pact(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pathways.open_pathway(ctx, worker_id, "gol2", start_on=TODAY)
    draft = pacts.new_draft(ctx, worker_id, PactForm("ricerca attiva", "gol2",
                                                     TODAY + dt.timedelta(days=60)))
    info = documents.attach(ctx, worker_id, write(tmp_path, "scansione.pdf"), "altro",
                            owner_kind="service_pact", owner_id=draft.id)
    assert info.kind == "patto" and info.signed_pact == (
        f"revisione 1 firmata il {TODAY:%d/%m/%Y}")
    signed = pacts.get(ctx, draft.id)
    assert (signed.status, signed.signed_on) == ("firmato", TODAY)
    with ctx.read() as s:
        row = s.execute(select(AuditLog.operator_id, AuditLog.detail)
                        .where(AuditLog.action == "sign_pact")).one()
    assert row[0] == ctx.actor.id and "scansione firmata «scansione.pdf»" in row[1]
    assert [d.id for d in documents.list_documents(ctx, worker_id, owner_kind="service_pact",
                                                   owner_id=draft.id)] == [info.id]


def test_a_scan_that_cannot_sign_leaves_pact_and_file_as_they_were(
        ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    draft = pacts.new_draft(ctx, worker_id, PactForm(None, None, TODAY + dt.timedelta(days=60)))
    before = _state(ctx)
    with pytest.raises(ValidationError, match="Impegni del lavoratore"):
        documents.attach(ctx, worker_id, write(tmp_path, "scansione.pdf"), "patto",
                         owner_kind="service_pact", owner_id=draft.id)
    assert _state(ctx) == before and pacts.get(ctx, draft.id).status == "bozza"


def test_owners_must_exist_and_belong_to_the_file(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = _worker(ctx, "Bianchi", "Carla")
    path = pathways.open_pathway(ctx, other, "gol1", start_on=TODAY)
    path_id = path if isinstance(path, int) else path.id
    scan = write(tmp_path, "scansione.pdf")
    with pytest.raises(ValidationError, match=f"percorso n. {path_id} non è di questo fascicolo"):
        documents.attach(ctx, worker_id, scan, "attestato", owner_kind="pathway",
                         owner_id=path_id)
    with pytest.raises(NotFound, match="Voucher non trovato"):
        documents.attach(ctx, worker_id, scan, "attestato", owner_kind="voucher", owner_id=999)
    info = documents.attach(ctx, other, scan, "attestato", owner_kind="pathway",
                            owner_id=path_id)
    assert (info.owner_kind, info.owner_id) == ("pathway", path_id)
    with pytest.raises(ValidationError, match="Indicare il fascicolo"):
        documents.attach(ctx, None, scan, "altro")
    with pytest.raises(ValidationError, match="non è di questo fascicolo"):  # a file's record
        documents.attach(ctx, None, scan, "altro", owner_kind="pathway", owner_id=path_id)


def test_deleting_is_for_team_leaders_and_soft(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    info = documents.attach(ctx, worker_id, write(tmp_path, "cv.odt"), "cv")
    clerk = ctx.acting_as(_actor(ctx, Role.OPERATORE, "mrossi"))
    with pytest.raises(PermissionDenied, match="responsabile"):
        documents.delete_document(clerk, info.id)
    lead = ctx.acting_as(_actor(ctx, Role.RESPONSABILE, "lverdi"))
    documents.delete_document(lead, info.id, "caricato per errore")
    assert documents.list_documents(ctx, worker_id) == []
    assert [d.id for d in documents.list_documents(ctx, worker_id, include_deleted=True)] == [
        info.id]
    with pytest.raises(ValidationError, match="eliminato"):
        documents.content(ctx, info.id)
    # deleted, so the same CV can come in again
    documents.attach(ctx, worker_id, tmp_path / "cv.odt", "cv")


def test_incoming_protocol_shares_the_letters_counter(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        first = protocol.next_protocol(s, ctx.actor.office_id, TODAY.year)
    info = documents.register_incoming(
        ctx, sender="INPS sede di Asti", subject="Comunicazione NASpI", channel="pec",
        worker_id=worker_id, file=write(tmp_path, "scansione.pdf"), kind="inps")
    assert info.protocol == f"{first + 1}/{TODAY.year}" and info.kind == "inps"
    bare = documents.register_incoming(ctx, sender="Ente di formazione Alfa",
                                       subject="Foglio presenze di novembre", channel="mano")
    assert bare.protocol == f"{first + 2}/{TODAY.year}" and not bare.has_content
    with ctx.read() as s:
        assert s.get(ProtocolCounter, (ctx.actor.office_id, TODAY.year)).last_number == first + 2
    before = _state(ctx)
    with pytest.raises(ValidationError, match="Mittente: obbligatorio"):
        documents.register_incoming(ctx, sender=" ", subject="x")
    with pytest.raises(ValidationError, match="Data di ricezione"):
        documents.register_incoming(ctx, sender="A", subject="B",
                                    received_on=TODAY + dt.timedelta(days=1))
    assert _state(ctx) == before
    from sportello.core.models import Letter

    with ctx.write() as s:  # the letter that took the first number
        s.add(Letter(office_id=ctx.actor.office_id, protocol_year=TODAY.year,
                     protocol_number=first, template="convocazione", subject="Convocazione",
                     worker_id=worker_id, sha256="0" * 64))
    out = tmp_path / "registro.xlsx"
    assert documents.export_register(ctx, out, since=TODAY, until=TODAY) == 3
    rows = list(rows_of(out))
    assert rows[0][:5] == ("Protocollo", "Direzione", "Data", "Mittente / destinatario", "Oggetto")
    assert [(r[0], r[1], r[3]) for r in rows[1:]] == [
        (f"{first}/{TODAY.year}", "uscita", "Gori Ettore"),
        (f"{first + 1}/{TODAY.year}", "entrata", "INPS sede di Asti"),
        (f"{first + 2}/{TODAY.year}", "entrata", "Ente di formazione Alfa")]
    assert documents.register(ctx, since=TODAY + dt.timedelta(days=1)) == []
    assert len(documents.register(ctx, until=TODAY - dt.timedelta(days=1))) == 0


_PROTOCOLLER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import documents, setup

    db, go, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    ctx = bootstrap(db)
    ctx = ctx.acting_as(setup.default_actor(ctx))
    while not go.exists():
        time.sleep(0.01)
    for i in range(n):
        info = documents.register_incoming(ctx, sender="Posta", subject=f"lettera {i}")
        print(info.protocol, flush=True)
    ctx.close()
""")


def test_incoming_protocol_numbers_are_atomic_under_two_processes(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = ctx.engine.url.render_as_string(hide_password=False)
    go = tmp_path / "via"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", _PROTOCOLLER, url, str(go), "25"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    time.sleep(1.5)
    go.touch()
    outputs = [p.communicate(timeout=180) for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    numbers = sorted(int(line.split("/")[0]) for out, _e in outputs for line in out.split())
    assert numbers == list(range(1, 51))
    with ctx.read() as s:
        stored = sorted(s.scalars(select(Document.protocol_number)))
    assert stored == list(range(1, 51))


def test_stored_hashes_are_verified(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    info = documents.attach(ctx, worker_id, write(tmp_path, "foto.png"), "altro")
    with ctx.read() as s:
        assert documents.verify_hashes(s) == []
    with ctx.write() as s:
        s.execute(DocumentChunk.__table__.update().where(DocumentChunk.document_id == info.id)
                  .values(data=b"\x89PNG altered"))
    with ctx.read() as s:
        assert documents.verify_hashes(s) == [f"documento n. {info.id} (foto.png)"]
    with pytest.raises(ValidationError, match="SHA-256"):
        documents.save_copy(ctx, info.id, tmp_path / "copia.png")
    assert not (tmp_path / "copia.png").exists()


# --------------------------------------------------------------------------- privacy


def test_the_access_request_carries_the_documents(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from sportello.core.services import privacy

    scan = documents.attach(ctx, worker_id, write(tmp_path, "carta-identita.jpg"), "identita")
    cv = documents.attach(ctx, worker_id, write(tmp_path, "cv.docx"), "cv")
    documents.delete_document(ctx, cv.id, "doppio")  # still held until anonymisation
    other = _worker(ctx, "Bianchi", "Carla")
    documents.attach(ctx, other, write(tmp_path, "foto.png"), "altro")
    result = privacy.access_request(ctx, worker_id, tmp_path / "accesso")
    assert result.documents_folder is not None
    assert sorted(p.name for p in result.documents_folder.iterdir()) == [
        f"{scan.id:05d}-carta-identita.jpg", f"{cv.id:05d}-cv.docx"]
    assert (result.documents_folder / f"{scan.id:05d}-carta-identita.jpg").read_bytes() == (
        tmp_path / "carta-identita.jpg").read_bytes()
    assert result.counts["Documenti"] == 2
    text = " ".join("".join(p.extract_text() for p in PdfReader(result.pdf).pages).split())
    assert "Documenti (2)" in text and f"{scan.id:05d}-carta-identita.jpg" in text
    assert "foto.png" not in text


def test_anonymisation_removes_the_documents(ctx, worker_id, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import privacy

    documents.attach(ctx, worker_id, write(tmp_path, "carta-identita.jpg"), "identita")
    incoming = documents.register_incoming(ctx, sender="Ettore Gori", subject="Domanda di Gori",
                                           worker_id=worker_id, file=write(tmp_path, "cv.odt"))
    kept = documents.attach(ctx, _worker(ctx, "Bianchi", "Carla"),
                            write(tmp_path, "foto.png"), "altro")
    with ctx.write() as s:
        w = s.get(Worker, worker_id)
        w.status, w.closed_on, w.closing_reason = "chiuso", TODAY - dt.timedelta(days=6 * 365), \
            "ricollocato"
    assert privacy.anonymise(ctx).anonymised == 1
    with ctx.read() as s:
        left = s.execute(select(Document.id, Document.worker_id, Document.sender,
                                Document.original_name, Document.protocol_number)).all()
        pieces = set(s.scalars(select(DocumentChunk.document_id)))
        details = " ".join(d or "" for d in s.scalars(select(AuditLog.detail)))
    assert sorted(left) == sorted([(incoming.id, None, "(anonimizzato)", None, 1),
                                   (kept.id, kept.worker_id, None, "foto.png", None)])
    assert pieces == {kept.id}
    assert "carta-identita.jpg" not in details and "Domanda di Gori" not in details


# --------------------------------------------------------------------------- backups


def test_backups_carry_the_documents_and_restore_checks_them(sqlite_url: str,
                                                             tmp_path: Path) -> None:
    import sqlite3

    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import backups, setup

    ctx = bootstrap(sqlite_url)
    ctx = ctx.acting_as(setup.initialise(
        ctx, setup.OfficeData(code="CPI-AT", name="CPI di Asti"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234")))
    try:
        info = documents.attach(ctx, _worker(ctx), write(tmp_path, "scansione.pdf"), "patto")
        copy = backups.create_backup(ctx, tmp_path / "copia.db").path
        damaged = tmp_path / "alterata.db"
        damaged.write_bytes(copy.read_bytes())
        with sqlite3.connect(damaged) as conn:
            conn.execute("UPDATE document_chunk SET data = ? WHERE document_id = ?",
                         (b"%PDF-1.4 altered", info.id))
        conn.close()
        documents.delete_document(ctx, info.id)
        with pytest.raises(backups.RestoreRefused,
                           match=rf"alterata.db ha documenti che non corrispondono .* documento "
                                 rf"n. {info.id} \(scansione.pdf\)"):
            backups.restore(ctx, damaged)
        assert documents.list_documents(ctx, info.worker_id) == []  # untouched
        backups.restore(ctx, copy)
        back = documents.list_documents(ctx, info.worker_id)
        assert [d.sha256 for d in back] == [info.sha256]
        assert documents.content(ctx, info.id) == (tmp_path / "scansione.pdf").read_bytes()
    finally:
        ctx.close()


# --------------------------------------------------------------------------- deadlines


def test_scadenze_list_patti_printed_and_not_returned_signed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.models import Letter, ServicePact
    from sportello.core.services import deadlines

    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    late, recent = _worker(ctx), _worker(ctx, "Bianchi", "Carla")
    with ctx.write() as s:
        for wid, days in ((late, 20), (recent, 5)):
            s.add(ServicePact(worker_id=wid, status="bozza", commitments="ricerca attiva",
                              created_at=now - dt.timedelta(days=30)))
            s.add(Letter(office_id=ctx.actor.office_id, protocol_year=TODAY.year,
                         protocol_number=wid, template="patto", worker_id=wid, sha256="0" * 64,
                         issued_at=now - dt.timedelta(days=days)))
    rows = [d for d in deadlines.upcoming(ctx, 30) if d.kind == "firma"]
    assert [(d.worker_name, d.due_on) for d in rows] == [
        ("Gori Ettore", (now - dt.timedelta(days=20)).date() + dt.timedelta(days=15))]
    assert rows[0].label == "Patto stampato e non restituito firmato"
    assert "non ancora restituito firmato" in rows[0].detail
    draft = pacts.revisions(ctx, late)[0]
    with ctx.write() as s:  # drawn up 30 days ago: signing it today is fine
        s.get(ServicePact, draft.id).created_at = now - dt.timedelta(days=30)
    documents.attach(ctx, late, write(tmp_path, "scansione.pdf"), "patto",
                     owner_kind="service_pact", owner_id=draft.id)
    assert [d for d in deadlines.upcoming(ctx, 30) if d.kind == "firma"] == []
