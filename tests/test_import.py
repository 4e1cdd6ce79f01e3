"""Excel import: formats, header and mapping, values, upsert, conflicts, undo, report, CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from fixtures.import_sheets import HEADERS, PEOPLE, code_of, worker_rows, write, write_xls
from openpyxl import load_workbook
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core import codice_fiscale as cf
from sportello.core.errors import SportelloError, ValidationError
from sportello.core.exchange import profiles, values
from sportello.core.exchange.sheet_reader import UnreadableFile
from sportello.core.models import (
    AuditLog,
    EmploymentSituation,
    ExchangeRecord,
    ImportChange,
    Vertenza,
    Worker,
)
from sportello.core.services import export, imports, profile_store, workers

REGION = Path("/work/shared/region-samples")
REGION_SAMPLE = REGION / "Anagrafica_lavoratore.xls"
TITLE = [["Regione Piemonte - Tavolo Konecta Asti"], ["Elenco lavoratori in CIGS"], []]


def _workers(ctx) -> dict[str, Worker]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {w.codice_fiscale: w for w in s.scalars(select(Worker))}


def _count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _sheet(tmp_path: Path, rows, name: str = "lista.xlsx", above=TITLE) -> Path:  # type: ignore[no-untyped-def]
    return write(tmp_path / name, [HEADERS, *rows], above=above)


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize("fmt", ["xlsx", "xlsm", "xls", "ods"])
def test_every_format_imports_the_same_data(ctx, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, worker_rows(), f"lista.{fmt}")
    found = imports.inspect_file(ctx, path)
    assert found.best_sheet == "Lavoratori"
    sheet = found.sheets[0]
    assert sheet.header_row == 4  # three title rows above it
    mapped = {c.header: c.field for c in sheet.settings.columns}
    assert mapped["Codice fiscale"] == "codice_fiscale" and mapped["Cellulare"] == "mobile"
    assert sheet.preview and sheet.preview[0][0] == code_of(PEOPLE[0])
    result = imports.import_file(ctx, path, vertenza=imports.VertenzaChoice(
        "KON-AT", title="Konecta Asti", company_name="Konecta", create=True))
    assert (result.inserted, result.updated, result.errors) == (len(PEOPLE), 0, 0)
    got = _workers(ctx)
    for p in PEOPLE:
        w = got[code_of(p)]
        assert (w.surname, w.name, w.birth_date, w.sex) == (p[0], p[1], p[3], p[2])
        assert w.residence_comune == p[5] and w.residence_cap == p[6] and w.mobile == p[7]
    assert got[code_of(PEOPLE[4])].residence_cap == "00184"  # leading zero kept
    assert got[code_of(PEOPLE[3])].birth_place == "Serbia"  # from the CF
    with ctx.read() as s:
        es = s.scalars(select(EmploymentSituation)).all()
        assert len(es) == len(PEOPLE)
        assert {e.qualifica_code for e in es} == {"O", "I"} and {e.orario for e in es} == {"F", "P"}
        assert all(e.cigs_start == dt.date(2024, 1, 8) and e.is_current for e in es)
        assert s.scalar(select(Vertenza.company_name)) == "Konecta"


def test_region_sample_as_it_is(ctx, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    if not REGION_SAMPLE.exists():
        pytest.skip("campioni della Regione non disponibili")
    found = imports.inspect_file(ctx, REGION_SAMPLE)
    assert found.format == "xls" and found.best_sheet == "ANAGRAFICHE"
    assert found.profile == "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
    sheet = found.sheets[0]
    assert sheet.header_row == 1 and len(sheet.settings.columns) == 21
    assert {c.header for c in sheet.settings.columns if c.field is None} == {
        "Giornate CIG", "Totale Ore CIG"}
    with pytest.raises(UnreadableFile, match="non contiene righe di dati"):
        imports.analyse(ctx, REGION_SAMPLE)
    db = tmp_path / "r.db"
    assert main(["--db", str(db), "init", "--office-code", "CPI-BO", "--office-name", "CPI Bologna",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    assert main(["--db", str(db), "import", str(REGION_SAMPLE)]) == 1
    assert "non contiene righe di dati" in capsys.readouterr().err


def test_region_layout_filled_with_codes(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Region's own 21 columns, codes as in Codifiche.xls (Belfiore, 000, O/I, F/P)."""
    profile = profile_store.load_profile(ctx, "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore")
    headers = [c.header for c in profile.columns]
    p = PEOPLE[0]
    row = [code_of(p), p[0].upper(), p[1].upper(), "M", "A479", "03/04/1980", 0, "A479",
           "Via Roma 1", "L219", "Corso Francia 2", 3471234567.0, 141234567.0,
           dt.date(2005, 3, 1), "I", "P", 24, "08/01/2024", "30/06/2025", 120, 720]
    path = write_xls(tmp_path / "er.xls", [headers, row], title="ANAGRAFICHE")
    result = imports.import_file(ctx, path, profile=profile.name,
                                 vertenza=imports.VertenzaChoice("ER-1", create=True))
    assert result.inserted == 1
    w = _workers(ctx)[code_of(p)]
    assert (w.surname, w.birth_place, w.birth_place_code, w.citizenship) == (
        "ROSSI", "Asti", "A479", "Italiana")
    assert (w.residence_comune, w.residence_province, w.domicile_comune) == ("Asti", "AT", "Torino")
    assert w.mobile == "3471234567" and w.phone == "0141234567"  # landline: 0 restored
    with ctx.read() as s:
        es = s.scalars(select(EmploymentSituation)).one()
    assert (es.qualifica_code, es.qualifica, es.orario, es.weekly_hours) == ("I", "Impiegato", "P", 24)
    assert (es.hired_on, es.cigs_start, es.cigs_end) == (
        dt.date(2005, 3, 1), dt.date(2024, 1, 8), dt.date(2025, 6, 30))
    # the profile can fill the same layout back (exporter side)
    col = next(c for c in profile.columns if c.field == "qualifica")
    assert profile.export_value(col, "Impiegato") == "I"
    col = next(c for c in profile.columns if c.field == "birth_place")
    assert profile.export_value(col, "Torino") == "L219"


def test_synonyms_and_normalised_headers() -> None:
    for header, wanted in [("C.F.", "codice_fiscale"), ("CF", "codice_fiscale"),
                           ("Cod. fiscale", "codice_fiscale"), ("Data nascita", "birth_date"),
                           ("DATA DI NASCITA:", "birth_date"), ("Cellulare", "mobile"),
                           ("Telefono", "phone"), ("Comune Residenza", "residence_comune"),
                           ("e-mail", "email"), ("Nazionalità", "citizenship")]:
        assert profiles.match_header(header)[0] == wanted, header
    assert profiles.match_header("Giornate CIG")[0] is None


def test_values() -> None:
    assert values.date(dt.datetime(1980, 4, 3, 0, 0)) == dt.date(1980, 4, 3)
    assert values.date(29314) == dt.date(1980, 4, 3)  # Excel serial
    assert values.date("03/04/1980") == dt.date(1980, 4, 3)  # day first
    assert values.date("3-4-80") == dt.date(1980, 4, 3)
    assert values.date("1980-04-03") == dt.date(1980, 4, 3)
    for bad in ("31/02/1980", "ieri", True):
        with pytest.raises(values.CellError):
            values.date(bad)
    assert values.phone(3471234567.0) == ("3471234567", None)
    assert values.phone("347 123 4567")[0] == "347 123 4567"
    assert values.cap(184) == "00184" and values.cap("00184") == "00184"
    assert values.codice_fiscale(" rss mra80d03 a479y ") == code_of(PEOPLE[0])
    assert values.text("  Niccolò   D'Agostino ") == "Niccolò D'Agostino"
    with pytest.raises(values.CellError, match="controllo"):
        values.text("Ros\x07si")
    assert values.code(0, {"000": "Italiana"}, "cittadinanza") == ("000", "Italiana")


def test_value_rules_agree_with_the_worker_form() -> None:
    """The import applies the same rules as ``workers.normalise_form`` (one rule, two speeds)."""
    code = code_of(PEOPLE[0])
    cases = [("residence_cap", "1234", values.cap), ("residence_cap", "12345", values.cap),
             ("email", "a@b", values.email), ("email", "mario@example.it", values.email),
             ("mobile", "123", lambda v: values.phone(v)[0]),
             ("mobile", "3471234567", lambda v: values.phone(v)[0]),
             ("residence_province", "ATX", values.province), ("residence_province", "at", values.province)]
    for key, raw, convert in cases:
        form = workers.WorkerForm(codice_fiscale=code, surname="Rossi", name="Mario", **{key: raw})
        try:
            workers.normalise_form(form)
            form_ok = True
        except ValidationError:
            form_ok = False
        try:
            convert(raw)
            import_ok = True
        except values.CellError:
            import_ok = False
        assert form_ok == import_ok, (key, raw)


# --------------------------------------------------------------------------- errors


def test_errors_refuse_everything_with_row_and_column(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = worker_rows()
    rows[1][3] = "31/02/1975"
    rows[3][0] = "RSSMRA80D03A479X"  # wrong check character
    path = _sheet(tmp_path, rows)
    analysis = imports.analyse(ctx, path)
    assert [(e.row, e.column) for e in analysis.errors] == [(6, "D"), (8, "A")]
    assert "31/02/1975" in analysis.errors[0].text() and "Riga 6, colonna D" in analysis.errors[0].text()
    before = _count(ctx, AuditLog)
    with pytest.raises(imports.ImportRefused) as refused:
        imports.apply(ctx, analysis)
    assert len(refused.value.errors) == 2
    assert _count(ctx, Worker) == 0 and _count(ctx, ExchangeRecord) == 0
    assert _count(ctx, AuditLog) == before
    result = imports.apply(ctx, analysis, valid_only=True)
    assert (result.inserted, result.errors) == (len(PEOPLE) - 2, 2)
    with ctx.read() as s:
        ex = s.get(ExchangeRecord, result.exchange_id)
        assert ex.rows_error == 2 and len(ex.report["errors"]) == 2


def test_mismatch_with_cf_is_a_warning_and_missing_names_an_error(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = worker_rows()
    rows[0][2] = "Marco"  # the CF says Mario
    rows[1][1] = None  # no surname for a new file
    analysis = imports.analyse(ctx, _sheet(tmp_path, rows))
    assert any(w.row == 5 and w.column == "C" and "nome" in w.message.lower()
               for w in analysis.warnings)
    assert [(e.row, "cognome" in e.message) for e in analysis.errors] == [(6, True)]


def test_repeated_rows_are_merged(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = worker_rows()
    again = list(rows[0])
    again[6] = "3470000000"
    rows.append(again)
    analysis = imports.analyse(ctx, _sheet(tmp_path, rows))
    assert analysis.duplicates_merged == 1 and analysis.to_insert == len(PEOPLE)
    assert any("stesso codice fiscale" in w.message for w in analysis.warnings)
    imports.apply(ctx, analysis)
    assert _workers(ctx)[code_of(PEOPLE[0])].mobile == "3470000000"


# --------------------------------------------------------------------------- upsert


def test_same_sheet_twice_changes_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, worker_rows())
    imports.import_file(ctx, path, vertenza=imports.VertenzaChoice("V1", create=True))
    snapshot = {k: (w.version, w.updated_at) for k, w in _workers(ctx).items()}
    changes = _count(ctx, ImportChange)
    second = imports.import_file(ctx, path, vertenza=imports.VertenzaChoice("V1"))
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, len(PEOPLE))
    assert {k: (w.version, w.updated_at) for k, w in _workers(ctx).items()} == snapshot
    assert _count(ctx, ImportChange) == changes
    assert second.analysis.already_imported
    assert _count(ctx, EmploymentSituation) == len(PEOPLE)


def test_a_reimport_that_changes_nothing_takes_no_safety_copy(sqlite_url: str, tmp_path: Path) -> None:
    """A safety copy is the whole database (3 s at 100,000 files): only when data changes."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import backups, setup

    ctx = bootstrap(sqlite_url)
    try:
        ctx = ctx.acting_as(setup.initialise(
            ctx, setup.OfficeData(code="CPI-AT", name="CPI Asti"),
            setup.AdminData(username="admin", full_name="Anna Admin", password="prova1234")))
        path = _sheet(tmp_path, worker_rows())
        imports.import_file(ctx, path, vertenza=imports.VertenzaChoice("V1", create=True))
        copies = [b for b in backups.list_backups(ctx) if b.kind == backups.PRE_IMPORT]
        assert len(copies) == 1
        second = imports.import_file(ctx, path, vertenza=imports.VertenzaChoice("V1"))
        assert (second.inserted, second.updated) == (0, 0) and second.exchange_id is not None
        assert [b for b in backups.list_backups(ctx) if b.kind == backups.PRE_IMPORT] == copies
        changed = worker_rows()
        changed[0][6] = "3330001111"  # a new mobile: data changes, a copy is taken
        imports.import_file(ctx, _sheet(tmp_path, changed, "nuova.xlsx"),
                            vertenza=imports.VertenzaChoice("V1"), overwrite_conflicts=True)
        assert len([b for b in backups.list_backups(ctx) if b.kind == backups.PRE_IMPORT]) == 2
    finally:
        ctx.close()


def test_update_only_carried_fields_and_conflicts(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = code_of(PEOPLE[0])
    imports.import_file(ctx, _sheet(tmp_path, worker_rows()))
    wid = _workers(ctx)[code].id
    # a clerk adds an email and changes the mobile
    detail = workers.get(ctx, wid, audit_open=False)
    form = detail.form
    form.email, form.mobile = "mario.rossi@example.it", "3479999999"
    workers.save(ctx, wid, detail.version, form)
    # the Region's next sheet: new CAP, the old mobile (unchanged there), no email column
    rows = worker_rows()
    rows[0][5] = "14100"
    rows[0][4] = "Asti"
    rows[0][5] = "14030"
    second = imports.import_file(ctx, _sheet(tmp_path, rows, "v2.xlsx"))
    w = _workers(ctx)[code]
    assert w.residence_cap == "14030"  # came from the import, nobody touched it: updated
    assert w.mobile == "3479999999" and w.email == "mario.rossi@example.it"  # local kept
    assert second.conflicts == 0 and second.updated == 1
    # the sheet now contradicts the local mobile: a conflict, not an overwrite
    rows[0][6] = "3471111111"
    third = imports.analyse(ctx, _sheet(tmp_path, rows, "v3.xlsx"))
    assert [(c.field, c.local_value, c.sheet_value) for c in third.conflicts] == [
        ("mobile", "3479999999", "3471111111")]
    assert "modificato in Sportello" in third.conflicts[0].text()
    imports.apply(ctx, third)
    assert _workers(ctx)[code].mobile == "3479999999"
    forced = imports.import_file(ctx, _sheet(tmp_path, rows, "v4.xlsx"), overwrite_conflicts=True)
    assert forced.updated == 1 and _workers(ctx)[code].mobile == "3471111111"
    with ctx.read() as s:
        rows_ = s.scalars(select(AuditLog).where(AuditLog.action == "import_update")).all()
        assert rows_ and all(r.worker_id == wid for r in rows_)


def test_files_typed_by_hand_are_not_overwritten(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = PEOPLE[0]
    wid = workers.create(ctx, workers.WorkerForm(codice_fiscale=code_of(p), surname=p[0],
                                                 name=p[1], mobile="3400000000"))
    analysis = imports.analyse(ctx, _sheet(tmp_path, worker_rows()))
    assert [c.field for c in analysis.conflicts] == ["mobile"] and analysis.conflicts[0].worker_id == wid
    imports.apply(ctx, analysis)
    w = _workers(ctx)[code_of(p)]
    assert w.mobile == "3400000000" and w.residence_comune == "Asti"  # empty field filled


# --------------------------------------------------------------------------- undo, report


def test_undo_takes_the_whole_import_back(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = imports.import_file(ctx, _sheet(tmp_path, worker_rows()[:3]))
    rows = worker_rows()
    rows[0][5] = "14030"
    second = imports.import_file(ctx, _sheet(tmp_path, rows, "b.xlsx"),
                                 vertenza=imports.VertenzaChoice("NEW", create=True))
    assert second.inserted == len(PEOPLE) - 3
    with pytest.raises(ValidationError, match="successive"):
        imports.undo(ctx, first.exchange_id)
    done = imports.undo(ctx, second.exchange_id)
    assert done.deleted == len(PEOPLE) - 3
    got = _workers(ctx)
    assert len(got) == 3 and got[code_of(PEOPLE[0])].residence_cap == "14100"
    assert _count(ctx, Vertenza) == 0
    with ctx.read() as s:  # the first import's situations are current again
        assert [e.is_current for e in s.scalars(select(EmploymentSituation))] == [True] * 3
    with pytest.raises(ValidationError, match="già stata annullata"):
        imports.undo(ctx, second.exchange_id)
    # a file edited after the import blocks the undo
    wid = got[code_of(PEOPLE[1])].id
    detail = workers.get(ctx, wid, audit_open=False)
    detail.form.email = "lucia@example.it"
    workers.save(ctx, wid, detail.version, detail.form)
    with pytest.raises(SportelloError, match="modificati"):
        imports.undo(ctx, first.exchange_id)
    assert len(_workers(ctx)) == 3


def test_error_report(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = worker_rows()
    rows[2][5] = "123"
    rows[0][2] = "Marco"
    out = tmp_path / "rapporto.xlsx"
    with pytest.raises(imports.ImportRefused):
        imports.import_file(ctx, _sheet(tmp_path, rows), report=out)
    ws = load_workbook(out).active
    assert ws.cell(4, 11).value == "Esito importazione"
    assert ws.cell(1, 1).value == TITLE[0][0]  # same row numbers as the original
    assert ws.cell(7, 6).fill.fgColor.rgb.endswith("FFC7CE") and ws.cell(7, 6).comment
    assert "colonna F" in ws.cell(7, 11).value and "ERRORE" in ws.cell(7, 11).value
    assert ws.cell(5, 3).fill.fgColor.rgb.endswith("FFEB9C")
    assert ws.cell(6, 11).value == "OK"
    assert ws.cell(5, 1).value == code_of(PEOPLE[0])


def test_progress_can_cancel(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, worker_rows())
    with pytest.raises(imports.ImportCancelled):
        imports.analyse(ctx, path, progress=lambda done, total: done < 1 and total == 0)
    assert _count(ctx, Worker) == 0


# --------------------------------------------------------------------------- profiles, round trip


def test_profiles_are_data(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _sheet(tmp_path, worker_rows())
    settings = imports.inspect_file(ctx, path).sheets[0].settings
    col = next(c for c in settings.columns if c.header == "Cellulare")
    settings = settings.with_field(col.index, "phone")
    profile_store.save_profile(ctx, settings, "Piemonte Konecta")
    names = [p.name for p in profile_store.list_profiles(ctx)]
    assert names[0] == "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore" and "Piemonte Konecta" in names
    loaded = profile_store.load_profile(ctx, "Piemonte Konecta")
    assert [c.header for c in loaded.columns] == HEADERS and loaded.header_row == 4
    assert next(c for c in loaded.columns if c.header == "Cellulare").field == "phone"
    imports.import_file(ctx, path, profile="Piemonte Konecta")
    assert _workers(ctx)[code_of(PEOPLE[0])].phone == PEOPLE[0][7]
    with pytest.raises(ValidationError):
        profiles.profile_from_json({"name": "x", "columns": [{"header": "A", "field": "nope"}]})


def test_round_trip_from_our_export(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    imports.import_file(ctx, _sheet(tmp_path, worker_rows()),
                        vertenza=imports.VertenzaChoice("KON-AT", create=True))
    out = tmp_path / "export.xlsx"
    export.export(ctx, "workers", out)
    other = bootstrap(f"sqlite:///{tmp_path / 'other.db'}")
    actor = setup.initialise(other, setup.OfficeData(code="CPI-TO", name="CPI Torino"),
                             setup.AdminData(username="admin2", full_name="Bruno Bianchi", password="prova1234"))
    other = other.acting_as(actor)
    try:
        result = imports.import_file(other, out)
        assert result.inserted == len(PEOPLE) and result.errors == 0
        keys = ("codice_fiscale", "surname", "name", "sex", "birth_date", "birth_place",
                "residence_comune", "residence_cap", "mobile", "status")
        mine = {k: tuple(getattr(w, f) for f in keys) for k, w in _workers(ctx).items()}
        theirs = {k: tuple(getattr(w, f) for f in keys) for k, w in _workers(other).items()}
        assert mine == theirs
    finally:
        other.close()


# --------------------------------------------------------------------------- CLI


def test_cli_import_dry_run_refusal_and_undo(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.db")
    monkeypatch.setenv("SPORTELLO_PASSWORD", "prova1234")
    assert main(["--db", db, "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    rows = worker_rows()
    rows[2][3] = "ieri"
    bad = _sheet(tmp_path, rows, "bad.xlsx")
    assert main(["--db", db, "import", str(bad), "--report", str(tmp_path / "r.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "Riga 7, colonna D (Data di nascita)" in err and "nessun dato scritto" in err
    assert (tmp_path / "r.xlsx").exists()
    assert main(["--db", db, "import", str(bad), "--valid-only", "--dry-run"]) == 0
    assert "Prova (nessun dato scritto)" in capsys.readouterr().out
    assert main(["--db", db, "import", str(bad), "--valid-only", "--vertenza", "KON-AT",
                 "--create-vertenza", "--company", "Konecta"]) == 0
    out = capsys.readouterr().out
    assert "Importazione n. 1 completata: 5 nuovi fascicoli" in out
    assert main(["--db", db, "import", "--undo", "1"]) == 0
    assert "annullata: 5 fascicoli eliminati" in capsys.readouterr().out
    assert main(["--db", db, "import-profiles"]) == 0
    assert "Emilia-Romagna" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "--undo" in capsys.readouterr().out
    missing = tmp_path / "nope.xlsx"
    assert main(["--db", db, "import", str(missing)]) == 1
    assert "non esiste" in capsys.readouterr().err


def test_copy_of_region_sample_keeps_working(tmp_path: Path) -> None:
    if not REGION_SAMPLE.exists():
        pytest.skip("campioni della Regione non disponibili")
    copy = tmp_path / "copia.xls"
    shutil.copy(REGION_SAMPLE, copy)
    assert cf.is_valid(code_of(PEOPLE[0]))
    assert imports.inspect_file(None, copy).sheets[0].header_row == 1


def test_an_import_takes_a_safety_copy_first_and_a_dry_run_does_not(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core import db
    from sportello.core.services import backups

    path = _sheet(tmp_path, worker_rows())
    imports.import_file(ctx, path, dry_run=True)
    if not db.is_sqlite(ctx.engine):
        assert imports.import_file(ctx, path).inserted == len(PEOPLE)  # the server's backups
        return
    assert [b for b in backups.list_backups(ctx) if b.kind == backups.PRE_IMPORT] == []
    imports.import_file(ctx, path)
    (copy,) = [b for b in backups.list_backups(ctx) if b.kind == backups.PRE_IMPORT]
    assert copy.verified
    with db.make_engine(f"sqlite:///{copy.path}").connect() as conn:  # the state before
        assert conn.exec_driver_sql("SELECT count(*) FROM worker").scalar() == 0


def test_our_export_fills_the_region_layout_and_it_imports_back(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Export in the Region's 21 columns with its codes; a new database imports it back."""
    name = "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
    profile = profile_store.load_profile(ctx, name)
    headers = [c.header for c in profile.columns]
    p = PEOPLE[0]
    row = [code_of(p), p[0], p[1], "M", "A479", "03/04/1980", 0, "A479", "Via Roma 1", "L219",
           "Corso Francia 2", 3471234567.0, None, dt.date(2005, 3, 1), "I", "P", 24,
           "08/01/2024", "30/06/2025", None, None]
    source = write_xls(tmp_path / "er.xls", [headers, row], title="ANAGRAFICHE")
    imports.import_file(ctx, source, profile=name,
                        vertenza=imports.VertenzaChoice("ER-1", create=True))

    out = export.export(ctx, "workers", tmp_path / "regione.xlsx", profile=name).path
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == "ANAGRAFICHE"
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == headers
    written = dict(zip(headers, values[1], strict=True))
    assert (written["Comune Nascita"], written["Comune Residenza"], written["Comune Domicilio"]) \
        == ("A479", "A479", "L219")  # comuni as Belfiore codes
    assert (written["Cittadinanza"], written["Qualifica"], written["Orario"]) == ("000", "I", "P")
    assert written["Data Nascita"] == dt.datetime(1980, 4, 3)  # a real date
    assert written["Cellulare"] == "3471234567"  # text, not a number

    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    fresh = bootstrap(f"sqlite:///{tmp_path / 'nuovo.db'}")
    try:
        actor = setup.initialise(fresh, setup.OfficeData(code="CPI-ER", name="CPI Bologna"),
                                 setup.AdminData(username="admin", full_name="Anna Admin",
                                                 password="prova1234"))
        fresh = fresh.acting_as(actor)
        again = imports.import_file(fresh, out, profile=name)
        assert again.inserted == 1 and not again.analysis.errors
        before, after = _workers(ctx)[code_of(p)], _workers(fresh)[code_of(p)]
        for attr in ("surname", "name", "sex", "birth_date", "birth_place_code", "citizenship",
                     "residence_comune", "domicile_comune", "mobile"):
            assert getattr(after, attr) == getattr(before, attr), attr
    finally:
        fresh.close()


def test_blank_template_has_drop_down_lists_and_imports_as_typed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.utils import get_column_letter

    path = export.blank_template(ctx, tmp_path / "modello.xlsx")
    wb = load_workbook(path)
    ws, codes = wb["Lavoratori"], wb["Codifiche"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Codice fiscale", "Cognome", "Nome"] and ws.freeze_panes == "A2"
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in ws.data_validations.dataValidation}

    def choices(header: str) -> list[object]:
        ref = lists[f"{get_column_letter(headers.index(header) + 1)}2"]
        return [row[0].value for row in codes[ref.split("!")[1].replace("$", "")]]

    assert choices("Sesso") == ["M", "F"]
    assert choices("Qualifica") == ["O", "I", "Q", "M", "A"]
    assert choices("Orario") == ["F", "P"]
    # a clerk fills one row with the drop-downs' values: it imports without mapping
    p = PEOPLE[1]
    values = {"Codice fiscale": code_of(p), "Cognome": p[0], "Nome": p[1], "Sesso": "F",
              "Data di nascita": p[3], "Qualifica": "I"}
    for column, header in enumerate(headers, start=1):
        if header in values:
            ws.cell(row=2, column=column, value=values[header])
    wb.save(path)
    result = imports.import_file(ctx, path)
    assert result.inserted == 1
    assert _workers(ctx)[code_of(p)].name == p[1]


def test_imported_files_are_found_by_the_search_and_gone_after_undo(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from sportello.core import search

    def found(word: str) -> set[int]:
        with ctx.read() as s:
            return set(s.scalars(search.search_worker_ids(s, word)))

    def index_is_sound() -> None:
        if ctx.engine.dialect.name == "sqlite":
            with ctx.write() as s:  # FTS5 compares its index with the worker rows
                s.execute(text("INSERT INTO worker_fts(worker_fts, rank) "
                               "VALUES ('integrity-check', 1)"))
                trigger = s.execute(text("SELECT count(*) FROM sqlite_master WHERE "
                                         "type = 'trigger' AND name = 'worker_fts_ai'"))
                assert trigger.scalar() == 1  # put back for the files typed by hand

    done = imports.import_file(ctx, _sheet(tmp_path, worker_rows()))
    assert done.inserted == len(PEOPLE)
    index_is_sound()
    agostino = _workers(ctx)[code_of(PEOPLE[2])].id
    assert found("agost") == {agostino} and found(code_of(PEOPLE[2])[:9]) == {agostino}
    assert len(found("nicc")) == 1
    # a file typed afterwards is indexed by the trigger again
    wid = workers.create(ctx, workers.WorkerForm(
        codice_fiscale=code_of(("Zanetti", "Ugo", "M", dt.date(1970, 5, 5), "A479")),
        surname="Zanetti", name="Ugo"))
    assert found("zanet") == {wid}
    imports.undo(ctx, done.exchange_id)
    assert found("agost") == set() and found("zanet") == {wid}
    index_is_sound()
