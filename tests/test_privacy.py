"""Privacy: the access request (xlsx + PDF) and anonymisation (aggregates kept, persons gone)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core import codice_fiscale as cf
from sportello.core import db
from sportello.core.context import Actor
from sportello.core.errors import PermissionDenied, ValidationError
from sportello.core.models import (
    AuditLog,
    DiaryEntry,
    EmploymentSituation,
    Letter,
    Pathway,
    Role,
    ServicePact,
    Vertenza,
    Worker,
)
from sportello.core.services import audit_log, deadlines, operators, pathways, privacy, workers

PASSWORD = "sportello2026"
TODAY = dt.date(2026, 11, 24)
CF_A = cf.encode("Bertolino", "Ludovica", "F", dt.date(1979, 4, 12), "A479")
CF_B = cf.encode("Quaglia", "Ettore", "M", dt.date(1984, 9, 30), "L219")
SECRET = "colloquio riservato: {name} teme il trasferimento"


def _person(ctx, code: str, surname: str, name: str, closed_days_ago: int | None,  # type: ignore[no-untyped-def]
            vertenza_id: int) -> int:
    wid = workers.create(ctx, workers.WorkerForm(
        codice_fiscale=code, surname=surname, name=name, email=f"{name.lower()}@example.it",
        mobile="347 555 1212", residence_address="Via Roma 1", residence_comune="Asti",
        residence_province="AT", notes=f"Nota su {name}", privacy_consent=True,
        privacy_notice_version="2025-1"), allow_similar=True)
    with ctx.write() as s:
        s.add_all([
            EmploymentSituation(worker_id=wid, vertenza_id=vertenza_id, cigs_start=dt.date(2025, 1, 1),
                                profiling_notes=f"{surname} molto motivata"),
            Pathway(worker_id=wid, kind="gol1", status="attivo", start_on=dt.date(2025, 2, 1),
                    notes=f"Percorso di {name}"),
            Pathway(worker_id=wid, kind="gol3", status="attivo", start_on=dt.date(2025, 2, 1)),
            DiaryEntry(worker_id=wid, kind="colloquio", subject=f"Colloquio {surname}",
                       body=SECRET.format(name=name)),
            ServicePact(worker_id=wid, status="firmato", signed_on=dt.date(2025, 2, 1),
                        commitments=f"{name} si impegna"),
            Letter(office_id=ctx.actor.office_id, protocol_year=2025,
                   protocol_number=wid, template="convocazione", subject=f"Convocazione {surname}",
                   worker_id=wid, pdf=b"%PDF-1.4 " + surname.encode(), sha256="0" * 64),
        ])
    workers.get(ctx, wid)  # an opening, audited
    detail = workers.get(ctx, wid, audit_open=False)
    form = detail.form
    form.phone = "0141 123456"
    workers.save(ctx, wid, detail.version, form)  # an update with old -> new values
    if closed_days_ago is not None:
        pathways.close_file(ctx, wid, "ricollocato", on=TODAY - dt.timedelta(days=closed_days_ago))
    return wid


@pytest.fixture
def people(ctx):  # type: ignore[no-untyped-def]
    with ctx.write() as s:
        v = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia S.p.A.")
        s.add(v)
        s.flush()
        vid = v.id
    old = _person(ctx, CF_A, "Bertolino", "Ludovica", 6 * 365, vid)
    recent = _person(ctx, CF_B, "Quaglia", "Ettore", 30, vid)
    return old, recent


def _aggregates(ctx) -> dict[str, object]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {
            "paths": sorted(s.execute(select(Pathway.kind, Pathway.status, Pathway.outcome,
                                             func.count()).group_by(Pathway.kind, Pathway.status,
                                                                    Pathway.outcome)).all()),
            "vertenza": sorted(s.execute(select(EmploymentSituation.vertenza_id, func.count())
                                         .group_by(EmploymentSituation.vertenza_id)).all()),
            "status": sorted(s.execute(select(Worker.status, Worker.closing_reason, Worker.sex,
                                              func.count()).group_by(
                Worker.status, Worker.closing_reason, Worker.sex)).all()),
            "diary": s.scalar(select(func.count(DiaryEntry.id))),
            "letters": s.scalar(select(func.count(Letter.id))),
        }


# --------------------------------------------------------------------------- access request


def test_access_request_exports_everything_about_one_person(ctx, people, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old, _recent = people
    result = privacy.access_request(ctx, CF_A.lower(), tmp_path / "accesso", today=TODAY)
    assert result.xlsx.name == f"accesso-{CF_A}-20261124.xlsx" and result.pdf.exists()
    from openpyxl import load_workbook

    wb = load_workbook(result.xlsx, read_only=True)
    sheets = wb.sheetnames
    assert sheets[:6] == ["Anagrafica", "Lingue", "Situazione lavorativa", "Patti di servizio",
                          "Percorsi", "Diario"]
    assert "Registro accessi e modifiche" in sheets and "Lettere" in sheets
    anagrafica = list(wb["Anagrafica"].iter_rows(values_only=True))
    header, row = anagrafica[0], anagrafica[1]
    values = dict(zip(header, row))
    assert values["Codice fiscale"] == CF_A and values["Cognome"] == "Bertolino"
    assert values["Cellulare"] == "347 555 1212" and values["Consenso al trattamento"] == "sì"
    assert values["Operatore di riferimento"] == "Anna Amministratrice"
    diary = list(wb["Diario"].iter_rows(values_only=True))
    assert diary[1][list(diary[0]).index("Testo")] == SECRET.format(name="Ludovica")
    situation = list(wb["Situazione lavorativa"].iter_rows(values_only=True))
    assert situation[1][list(situation[0]).index("Vertenza")] == "Konecta Asti"
    log = list(wb["Registro accessi e modifiche"].iter_rows(values_only=True))
    actions = [r[list(log[0]).index("Azione")] for r in log[1:]]
    assert "apertura fascicolo" in actions and "modifica" in actions
    everything = " ".join(str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)
                          for c in r if c is not None)
    assert "Quaglia" not in everything and CF_B not in everything  # only this person
    assert result.counts["Percorsi"] == 2 and result.counts["Lettere"] == 1
    wb.close()
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(result.pdf).pages)
    assert "Bertolino Ludovica" in text and CF_A in text and "Konecta Asti" in text
    assert "teme il trasferimento" in text
    assert audit_log.query(ctx, audit_log.AuditFilter(action="access_request")).rows[0].worker_id == old


@pytest.mark.parametrize("role", [Role.OPERATORE, Role.RESPONSABILE, Role.AMMINISTRATORE])
def test_roles_for_privacy(ctx, people, role, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    acting = ctx
    if role != Role.AMMINISTRATORE:
        info = operators.create_operator(ctx, operators.OperatorData(
            username=f"op.{role}", full_name=f"Op {role}", password=PASSWORD, role=role))
        acting = ctx.acting_as(Actor(info.id, info.username, info.full_name, role, info.office_id))
    if role == Role.OPERATORE:
        with pytest.raises(PermissionDenied, match="responsabile"):
            privacy.access_request(acting, CF_A, tmp_path)
    else:
        assert privacy.access_request(acting, CF_A, tmp_path).xlsx.exists()
    if role != Role.AMMINISTRATORE:
        with pytest.raises(PermissionDenied, match="amministratore"):
            privacy.anonymise(acting, dry_run=True, today=TODAY)
        with pytest.raises(PermissionDenied, match="amministratore"):
            privacy.set_retention_days(acting, 365)
    else:
        assert privacy.anonymise(acting, dry_run=True, today=TODAY).candidates


# --------------------------------------------------------------------------- anonymisation


def test_anonymisation_keeps_aggregates_and_removes_personal_data(ctx, people) -> None:  # type: ignore[no-untyped-def]
    old, recent = people
    before = _aggregates(ctx)
    dry = privacy.anonymise(ctx, dry_run=True, today=TODAY)
    assert [c.worker_id for c in dry.candidates] == [old] and dry.anonymised == 0
    assert workers.get(ctx, old, audit_open=False).form.surname == "Bertolino"  # dry run wrote nothing
    result = privacy.anonymise(ctx, today=TODAY)
    assert result.anonymised == 1
    assert _aggregates(ctx) == before
    detail = workers.get(ctx, old, audit_open=False)
    f = detail.form
    assert (f.surname, f.name, f.codice_fiscale) == ("Anonimizzato", f"n. {old}", f"ANON{old:012d}")
    assert f.email is f.mobile is f.phone is f.notes is f.birth_date is f.residence_address is None
    assert (f.sex, f.residence_province, f.privacy_consent) == ("F", "AT", True)
    with ctx.read() as s:
        w = s.get(Worker, old)
        assert w.anonymised_at is not None and w.closing_reason == "ricollocato"
        assert (w.sort_surname, w.sort_name, w.sort_comune, w.sort_phone) == (
            f"anonimizzato n. {old}", f"n. {old} anonimizzato", None, None)  # the list's keys too
        diary = s.scalars(select(DiaryEntry).where(DiaryEntry.worker_id == old)).one()
        assert diary.body is None and diary.subject is None and diary.kind == "colloquio"
        letter = s.scalars(select(Letter).where(Letter.worker_id == old)).one()
        assert letter.pdf is None and letter.protocol_number == old
        rows = s.scalars(select(AuditLog).where(AuditLog.worker_id == old)).all()
        assert {"create", "open", "update", "close_file", "anonymise"} <= {r.action for r in rows}
        update_row = next(r for r in rows if r.action == "update" and r.entity == "worker"
                          and "phone" in (r.changes or {}))
        assert update_row.changes["phone"] == [None, "***"]  # which field changed, not the value
        # the other person is untouched
        other = s.get(Worker, recent)
        assert other.surname == "Quaglia" and other.anonymised_at is None
    # nothing personal left anywhere in the database file, index included
    needles = ["Bertolino", "bertolino", "Ludovica", "ludovica", CF_A, "Ludovica teme"]
    path = db.sqlite_path(ctx.engine)
    if path is not None:
        conn = sqlite3.connect(path)
        try:
            tables = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'worker_fts%'")]
            for table in tables:
                for row in conn.execute(f'SELECT * FROM "{table}"'):
                    for cell in row:
                        if isinstance(cell, (str, bytes)):
                            text = cell if isinstance(cell, str) else cell.decode("latin-1")
                            assert not any(n in text for n in needles), (table, text[:200])
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name='worker_fts'").fetchone():
                assert conn.execute(
                    "SELECT count(*) FROM worker_fts WHERE worker_fts MATCH '\"bertolino\"'"
                ).fetchone()[0] == 0
        finally:
            conn.close()
    assert workers.list_ids(ctx, workers.ListFilter(text="bertolino")) == []
    # an anonymised file is not edited nor reopened, and not listed as missing consent
    with pytest.raises(ValidationError, match="anonimizzato"):
        workers.save(ctx, old, detail.version, detail.form)
    with pytest.raises(ValidationError, match="anonimizzato"):
        workers.set_status(ctx, old, "aperto")
    assert privacy.anonymise(ctx, today=TODAY).anonymised == 0  # already done


def test_retention_setting_and_files_without_consent(ctx, people) -> None:  # type: ignore[no-untyped-def]
    old, recent = people
    assert privacy.retention_days(ctx) == privacy.DEFAULT_RETENTION_DAYS
    privacy.set_retention_days(ctx, 30)
    assert [c.worker_id for c in privacy.anonymise(ctx, dry_run=True, today=TODAY).candidates] \
        == [old, recent]
    assert [c.worker_id for c in privacy.anonymise(ctx, older_than_days=365 * 7, dry_run=True,
                                                   today=TODAY).candidates] == []
    with pytest.raises(ValidationError):
        privacy.set_retention_days(ctx, 5)
    # an open file without consent is flagged in the deadlines panel
    code = cf.encode("Senza", "Consenso", "M", dt.date(1990, 1, 1), "L219")
    wid = workers.create(ctx, workers.WorkerForm(codice_fiscale=code, surname="Senza",
                                                 name="Consenso"))
    flagged = [d.worker_id for d in deadlines.upcoming(ctx) if d.kind == "consenso"]
    assert flagged == [wid]  # closed files (and anonymised ones) are not listed


def test_cli_access_request_and_anonymise(ctx, people, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          capsys: pytest.CaptureFixture[str]) -> None:
    if db.sqlite_path(ctx.engine) is None:
        pytest.skip("la riga di comando si prova su SQLite")
    path = str(db.sqlite_path(ctx.engine))
    assert main(["--db", path, "access-request", CF_B, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Richiesta di accesso" in out and ".xlsx" in out and ".pdf" in out
    assert main(["--db", path, "anonymise", "--older-than-days", "365", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Bertolino" in out and "Prova: 1 fascicoli" in out and "Nulla è stato modificato" in out
    assert main(["--db", path, "anonymise", "--older-than-days", "365"]) == 0
    assert "Anonimizzati 1 fascicoli" in capsys.readouterr().out
    assert main(["--db", path, "access-request", CF_A, "--out", str(tmp_path)]) == 1
    assert "Nessun fascicolo" in capsys.readouterr().err
    assert main(["--db", path, "check"]) == 0


# --------------------------------------------------------------------------- every place


def _everything_as_text(ctx) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(table, cell) for every text or binary cell of every table, on either backend."""
    from sqlalchemy import inspect, text

    found = []
    with ctx.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            if table.startswith("worker_fts"):
                continue
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for cell in row:
                    if isinstance(cell, (bytes, memoryview)):
                        found.append((table, bytes(cell).decode("latin-1")))
                    elif cell is not None and not isinstance(cell, (int, float)):
                        found.append((table, str(cell)))
    return found


def test_anonymisation_reaches_merged_files_and_import_reports(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A person seeded into every kind of record, a duplicate file merged into theirs and an
    import whose report names their rows: after anonymisation none of their values is left,
    in any table, nor in the bytes of the SQLite file."""
    from fixtures.import_sheets import HEADERS, worker_rows, write

    from sportello.core.services import imports

    with ctx.write() as s:
        v = Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia S.p.A.")
        s.add(v)
        s.flush()
        vid = v.id
    wid = _person(ctx, CF_A, "Bertolino", "Ludovica", None, vid)
    detail = workers.get(ctx, wid, audit_open=False)
    form = detail.form
    form.email, form.mobile, form.phone = "ludo.b@example.it", "347 909 1001", "0141 909100"
    workers.save(ctx, wid, detail.version, form)
    # a duplicate file, another spelling and other contacts, merged into hers
    cf_dup = cf.encode("Bertolino", "Ludovica Maria", "F", dt.date(1979, 4, 12), "L219")
    dup = workers.create(ctx, workers.WorkerForm(
        codice_fiscale=cf_dup, surname="Bertolino", name="Ludovica Maria",
        email="vecchia.ludo@example.it", mobile="333 818 2002"), allow_similar=True)
    workers.merge(ctx, wid, dup)
    # an import from the Region: her row refused for a wrong date and a wrong e-mail
    sheet = write(tmp_path / "lista.xlsx", [HEADERS, [CF_A, "Bertolino", "Ludovica", "ieri",
                                                      "Asti", "14100", "ludo@@example.it",
                                                      "O", "F", dt.date(2024, 1, 8)],
                                               worker_rows()[0]])
    refused = imports.import_file(ctx, sheet, valid_only=True)
    with ctx.read() as s:
        from sportello.core.models import ExchangeRecord

        report = s.get(ExchangeRecord, refused.exchange_id).report
    assert report["errors"] and report["row_people"]
    access = privacy.collect(ctx, wid)  # the access request names those lines too
    (lines,) = [sec for sec in access.sections if sec.title == "Segnalazioni delle importazioni"]
    assert lines.rows and all("Riga" in r["riga"] for r in lines.rows)
    pathways.close_file(ctx, wid, "ricollocato", on=TODAY - dt.timedelta(days=6 * 365))

    assert privacy.anonymise(ctx, today=TODAY).anonymised == 1

    needles = [CF_A, cf_dup, "Bertolino", "bertolino", "BERTOLINO", "Ludovica", "LUDOVICA",
               "ludo.b@example.it", "vecchia.ludo@example.it", "ludo@@example.it",
               "347 909 1001", "3479091001", "333 818 2002", "3338182002", "0141 909100"]
    left = [(t, c[:120]) for t, c in _everything_as_text(ctx) if any(n in c for n in needles)]
    assert left == []
    path = db.sqlite_path(ctx.engine)
    if path is not None:  # the file itself, after closing: free pages and journal included
        ctx.engine.dispose()
        raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        assert [n for n in needles if n.encode() in raw] == []
