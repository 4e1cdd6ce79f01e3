"""Issue 14: real lists from any Region. A Piedmont-style list of a call-centre vertenza
(job titles under "Qualifica", columns Sportello has no field for, a formula never
computed, a totals row and a note under the list) and others of the same family, in
.xlsx, .xls and .ods, built here with fictitious people."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from fixtures.import_sheets import (
    PIEDMONT_FORMULA_ROW,
    PIEDMONT_JOBS,
    code_of,
    piedmont_people,
    piedmont_rows,
    write,
    write_piedmont,
    write_xlsx,
)
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core.exchange import profiles, values
from sportello.core.models import EmploymentSituation, ExchangeRecord, Worker
from sportello.core.services import imports

FORMATS = ["xlsx", "xls", "ods"]
LAST_WORKER = 132  # 128 workers from row 5
TOTALS_ROW, NOTE_ROW = 134, 135


def _situations(ctx) -> dict[str, EmploymentSituation]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {code: es for code, es in s.execute(
            select(Worker.codice_fiscale, EmploymentSituation)
            .join(EmploymentSituation, EmploymentSituation.worker_id == Worker.id))}


def _count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _column(analysis: imports.Analysis, letter: str) -> imports.ColumnMapping:
    return next(c for c in analysis.settings.columns if c.letter == letter)


# --------------------------------------------------------------------------- the Piedmont list


@pytest.mark.parametrize("fmt", FORMATS)
def test_piedmont_list_imports_every_valid_row(ctx, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    path = write_piedmont(tmp_path / f"piemonte.{fmt}")
    analysis = imports.analyse(ctx, path)
    assert analysis.settings.header_row == 4 and analysis.rows_total == 128
    # 1. "Qualifica" holds job titles: read as the qualifica's description, not as codes
    qualifica = _column(analysis, "K")
    assert qualifica.field == "job_title" and qualifica.codes is None
    assert "dei valori letti, 128 su 128 non sono codici" in qualifica.reason
    assert "testi liberi" in qualifica.reason
    assert any("K «Qualifica» -> Qualifica (descrizione)" in r for r in analysis.readings())
    # 2. the end of employment and the safety net (CIGS / NASpI written as text) come in
    assert _column(analysis, "L").field == "exit_on"
    net = _column(analysis, "M")
    assert (net.field, net.codes) == ("safety_net", "ammortizzatore")
    assert analysis.unused == []
    summary = "\n".join(analysis.summary())
    assert "Colonne non importate: nessuna" in summary
    # 3. the formula without a cached value is an error of its own row only (.xls has none)
    expected = [(PIEDMONT_FORMULA_ROW, "N")] if fmt != "xls" else []
    assert [(e.row, e.column) for e in analysis.errors] == expected
    if expected:
        assert "formula senza valore calcolato" in analysis.errors[0].message
    # 5. the totals row (its count is a formula with a cached value) and the note under it
    assert [(n.row, n.level) for n in analysis.skipped] == [(TOTALS_ROW, "nota"), (NOTE_ROW, "nota")]
    assert "totali" in analysis.skipped[0].message and "nota" in analysis.skipped[1].message

    if expected:  # all or nothing refuses; the valid rows go in
        with pytest.raises(imports.ImportRefused, match=f"Riga {PIEDMONT_FORMULA_ROW}"):
            imports.apply(ctx, analysis)
    result = imports.apply(ctx, analysis, valid_only=True)
    assert result.inserted == 128 - len(expected) and result.errors == len(expected)
    people = piedmont_people()
    rows = piedmont_rows()
    got = _situations(ctx)
    for i, (person, row) in enumerate(zip(people, rows, strict=True)):
        code = code_of(person)
        if 5 + i == PIEDMONT_FORMULA_ROW and expected:
            assert code not in got
            continue
        es = got[code]
        assert (es.qualifica, es.qualifica_code) == (PIEDMONT_JOBS[i % len(PIEDMONT_JOBS)], None)
        assert es.exit_on == row[11]
        assert es.safety_net == {"CIGS": "cigs", "NASpI": "naspi"}[row[12]]
    with ctx.read() as s:
        report = s.scalars(select(ExchangeRecord)).one().report
    assert report["unused_columns"] == []
    assert report["mapping"]["K"] == "job_title" and report["mapping"]["L"] == "exit_on"
    assert report["mapping"]["M"] == "safety_net"
    assert report["readings"] == analysis.readings()


def test_piedmont_list_from_the_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    capsys.readouterr()
    path = write_piedmont(tmp_path / "Elenco vertenza call center.xlsx")
    assert main(["--db", db, "import", str(path)]) == 1  # the formula's row: refused whole
    captured = capsys.readouterr()
    assert f"Riga {PIEDMONT_FORMULA_ROW}, colonna N (Note)" in captured.err
    assert main(["--db", db, "import", str(path), "--valid-only", "--vertenza", "CC-AT",
                 "--create-vertenza", "--company", "Call Center Asti"]) == 0
    out = capsys.readouterr().out
    assert "Importazione n. 1 completata: 127 nuovi fascicoli" in out
    assert "Lettura dai valori: K «Qualifica» -> Qualifica (descrizione)" in out
    assert "Colonne non importate: nessuna" in out
    assert f"Nota: la riga {TOTALS_ROW} è la riga dei totali" in out
    assert f"Nota: la riga {NOTE_ROW} è una nota" in out
    from sportello.core.bootstrap import bootstrap

    ctx = bootstrap(f"sqlite:///{db}")
    try:
        with ctx.read() as s:
            codes = set(s.scalars(select(Worker.codice_fiscale)))
        people = [code_of(p) for i, p in enumerate(piedmont_people())
                  if 5 + i != PIEDMONT_FORMULA_ROW]
        assert codes == set(people)
    finally:
        ctx.close()


# --------------------------------------------------------------------------- the same family

HEADERS = ["C.F. lavoratore", "COGNOME", "NOME", "Data di nascita", "Mansione", "Tipo orario",
           "Livello", "Data fine rapporto", None, "Giornate CIG"]


def _family_rows() -> list[list[object]]:
    rows = []
    for i, p in enumerate(piedmont_people(8)):
        rows.append([code_of(p), p[0], p[1], p[3], PIEDMONT_JOBS[i % len(PIEDMONT_JOBS)],
                     ("Tempo pieno", "Part time", "F", "P")[i % 4], f"{3 + i % 3}° livello",
                     dt.date(2024, 6, 30), f"nota {i}", 20 + i])
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("order", [tuple(range(10)), (9, 7, 4, 0, 8, 2, 1, 6, 3, 5)])
def test_other_spellings_any_order_and_extra_columns(ctx, tmp_path: Path, fmt: str,  # type: ignore[no-untyped-def]
                                                     order: tuple[int, ...]) -> None:
    table = [[row[k] for k in order] for row in [HEADERS, *_family_rows()]]
    analysis = imports.analyse(ctx, write(tmp_path / f"lista.{fmt}", table))
    by_header = {c.header: c for c in analysis.settings.columns}
    assert by_header["C.F. lavoratore"].field == "codice_fiscale"
    assert by_header["Mansione"].field == "job_title"
    assert by_header["Tipo orario"].field == "orario"
    assert "8 su 8 sono codici o descrizioni" in by_header["Tipo orario"].reason
    assert by_header["Data fine rapporto"].field == "exit_on"
    unused = {u.header: u.reason for u in analysis.unused}
    assert set(unused) == {"Livello", "Giornate CIG", ""}  # "" : values without a header
    assert "giornate" in unused["Giornate CIG"]
    assert "senza intestazione" in unused[""]
    assert not analysis.errors
    imports.apply(ctx, analysis)
    got = _situations(ctx)
    for i, p in enumerate(piedmont_people(8)):
        es = got[code_of(p)]
        assert es.orario == "FPFP"[i % 4] and es.qualifica == PIEDMONT_JOBS[i % len(PIEDMONT_JOBS)]
        assert es.exit_on == dt.date(2024, 6, 30)


@pytest.mark.parametrize("fmt", FORMATS)
def test_code_columns_written_as_codes_or_descriptions_are_decoded(ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   fmt: str) -> None:
    people = piedmont_people(6)
    qualifiche = ["Impiegato", "O", "operaia", "I", "Quadro", "A"]
    rows = [[code_of(p), p[0], p[1], q, (40, 36, 20, 40, 24, 30)[i]]
            for i, (p, q) in enumerate(zip(people, qualifiche, strict=True))]
    table = [["Codice fiscale", "Cognome", "Nome", "Qualifica", "Orario"], *rows]
    analysis = imports.analyse(ctx, write(tmp_path / f"codici.{fmt}", table))
    qualifica, orario = _column(analysis, "D"), _column(analysis, "E")
    assert qualifica.field == "qualifica" and qualifica.codes == "qualifica"
    assert "6 su 6 sono codici o descrizioni" in qualifica.reason
    # hours under "Orario" are weekly hours, not the F/P code
    assert orario.field == "weekly_hours" and "numeri" in orario.reason
    imports.apply(ctx, analysis)
    got = _situations(ctx)
    assert [(got[code_of(p)].qualifica_code, got[code_of(p)].qualifica) for p in people] == [
        ("I", "Impiegato"), ("O", "Operaio"), ("O", "Operaio"), ("I", "Impiegato"),
        ("Q", "Quadro"), ("A", "Apprendista")]
    assert [got[code_of(p)].weekly_hours for p in people] == [40, 36, 20, 40, 24, 30]
    assert all(got[code_of(p)].orario is None for p in people)


def test_a_description_column_of_codes_is_decoded_and_a_few_bad_codes_stay_errors(  # type: ignore[no-untyped-def]
        ctx, tmp_path: Path) -> None:
    people = piedmont_people(10)
    # "Mansione" holding only codes: decoded (code and description)
    table = [["Codice fiscale", "Cognome", "Nome", "Mansione"],
             *[[code_of(p), p[0], p[1], "OI"[i % 2]] for i, p in enumerate(people)]]
    analysis = imports.analyse(ctx, write_xlsx(tmp_path / "mansione.xlsx", table))
    assert _column(analysis, "D").field == "qualifica"
    assert "decodificati (codice e descrizione)" in _column(analysis, "D").reason
    # a coded "Qualifica" with one job title among nine codes: still codes, one row in error
    table = [["Codice fiscale", "Cognome", "Nome", "Qualifica"],
             *[[code_of(p), p[0], p[1], "Team leader" if i == 4 else "OI"[i % 2]]
               for i, p in enumerate(people)]]
    analysis = imports.analyse(ctx, write_xlsx(tmp_path / "qualifica.xlsx", table))
    col = _column(analysis, "D")
    assert col.field == "qualifica" and "9 su 10 sono codici" in col.reason
    assert [(e.row, e.column) for e in analysis.errors] == [(6, "D")]
    assert "Team leader" in analysis.errors[0].message


def test_a_coded_qualifica_and_a_job_title_side_by_side(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    people = piedmont_people(3)
    table = [["Codice fiscale", "Cognome", "Nome", "Mansione", "Qualifica"],
             [code_of(people[0]), people[0][0], people[0][1], "Team leader", "I"],
             [code_of(people[1]), people[1][0], people[1][1], None, "O"],
             [code_of(people[2]), people[2][0], people[2][1], "Back office", None]]
    imports.import_file(ctx, write_xlsx(tmp_path / "due.xlsx", table))
    got = _situations(ctx)
    assert [(got[code_of(p)].qualifica_code, got[code_of(p)].qualifica) for p in people] == [
        ("I", "Team leader"), ("O", "Operaio"), (None, "Back office")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("totals", [[120, "Totale lavoratori"], ["Totale lavoratori: 6"],
                                    ["N. lavoratori", 6], [None, "TOTALE", None, "6"],
                                    ["Tot.", 6, None, None, 6]])
def test_totals_and_notes_above_and_under_the_list(ctx, tmp_path: Path, fmt: str,  # type: ignore[no-untyped-def]
                                                  totals: list[object]) -> None:
    people = piedmont_people(6)
    rows: list[list[object]] = [["Codice fiscale", "Cognome", "Nome", "Sesso"],
                                ["Dati aggiornati al 31/03/2025"]]
    rows += [[code_of(p), p[0], p[1], p[2]] for p in people[:3]]
    rows += [["Sede di Canelli"]]  # a sentence inside the list: not a note, an error row
    rows += [[code_of(p), p[0], p[1], p[2]] for p in people[3:]]
    rows += [[], totals, ["Elaborazione: ufficio vertenze del CPI"]]
    analysis = imports.analyse(ctx, write(tmp_path / f"totali.{fmt}", rows))
    assert [n.row for n in analysis.skipped] == [2, 11, 12]
    assert "nota («Dati aggiornati" in analysis.skipped[0].message
    assert "riga dei totali" in analysis.skipped[1].message
    assert "nota («Elaborazione" in analysis.skipped[2].message
    assert {e.row for e in analysis.errors} == {6}
    assert analysis.to_insert == 6


# --------------------------------------------------------------------------- cells, not sheets

CELL = re.compile(r'<c r="(?P<ref>[A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)', re.S)


def _patch_xlsx(path: Path, cells: dict[str, str]) -> Path:
    """Replace cells of the first sheet with raw XML (what a faulty program writes)."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    name = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    xml = CELL.sub(lambda m: cells.get(m.group("ref"), m.group(0)), parts[name].decode())
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, data in parts.items():
            z.writestr(member, data)
    return path


def _people_table(count: int = 8) -> list[list[object]]:
    return [["Codice fiscale", "Cognome", "Nome", "Data di nascita", "Data cessazione"],
            *[[code_of(p), p[0], p[1], p[3], dt.date(2024, 10, 31)]
              for p in piedmont_people(count)]]


def test_xlsx_cells_that_cannot_be_read_are_errors_of_their_rows(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "celle.xlsx", _people_table())
    _patch_xlsx(path, {
        "B2": '<c r="B2" t="e"><v>#N/A</v></c>',  # an error value: read as empty by calamine
        "D3": '<c r="D3" s="1" t="n"><v>abc</v></c>',  # letters in a number: refused the sheet
        "C4": '<c r="C4" t="s"><v>9999</v></c>',  # a shared string that does not exist
        "D5": '<c r="D5" s="1" t="b"><v>7</v></c>',  # a boolean that is not one
        "E6": '<c r="E6" s="1"><f>TODAY()</f><v></v></c>',  # a formula never computed
        "E7": '<c r="E7" s="1" t="n"><v>300000</v></c>',  # a date in the year 2721
        "E8": '<c r="E8" s="1" t="n"><v>-5</v></c>',  # a negative date: read as a time of day
    })
    analysis = imports.analyse(ctx, path)
    found = {(e.row, e.column): e.message for e in analysis.errors}
    assert set(found) == {(2, "B"), (3, "D"), (4, "C"), (5, "D"), (6, "E"), (7, "E"), (8, "E")}
    assert "errore di calcolo (#N/A)" in found[(2, "B")]
    assert "«abc» non è valido" in found[(3, "D")] and "«9999» non è valido" in found[(4, "C")]
    assert "«7» non è valido" in found[(5, "D")]
    assert "formula senza valore" in found[(6, "E")]
    assert "/2721 è fuori dall'intervallo ammesso" in found[(7, "E")]
    assert "solo un'ora" in found[(8, "E")]
    result = imports.apply(ctx, analysis, valid_only=True)
    assert result.inserted == 1 and result.errors == 7  # row 9, the only sound one


def _ods(path: Path, content: bytes) -> Path:
    """An ODS package around a hand-written content.xml."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                   zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", b'<?xml version="1.0" encoding="UTF-8"?>'
                   b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                   b'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-'
                   b'type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry'
                   b' manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   b"</manifest:manifest>")
        z.writestr("content.xml", content)
    return path


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>x</text:p></table:table-cell>')
    return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>")


def test_ods_cells_that_cannot_be_read_are_errors_of_their_rows(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As LibreOffice writes it: repeated empty cells and rows before the bad ones."""
    table = _people_table(6)
    rows = ["".join(_ods_cell(v) for v in r) for r in table]
    bad = {
        1: '<table:table-cell office:value-type="float" office:value="abc"><text:p>abc'
           "</text:p></table:table-cell>",  # letters in a number: calamine refuses the file
        2: '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0"'
           ' calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>',
        3: '<table:table-cell table:formula="of:=TODAY()"/>',  # never computed
        4: '<table:table-cell office:value-type="date" office:date-value="2024-02-30">'
           "<text:p>30/02/2024</text:p></table:table-cell>",  # no such day
    }
    for r, cell in bad.items():  # column D of Excel rows 3-6 (a blank row 2)
        values_ = table[r]
        rows[r] = (_ods_cell(values_[0]) + '<table:table-cell table:number-columns-repeated="2"/>'
                   + cell + _ods_cell(values_[4]))
    body = (f"<table:table-row>{rows[0]}</table:table-row>"
            '<table:table-row table:number-rows-repeated="1"><table:table-cell/></table:table-row>'
            + "".join(f"<table:table-row>{r}</table:table-row>" for r in rows[1:]))
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
               'office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Elenco">{body}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")
    analysis = imports.analyse(ctx, _ods(tmp_path / "celle.ods", content.encode()))
    found = {(e.row, e.column): e.message for e in analysis.errors}
    # rows 3-6 (a blank row 2 under the header); names and codes lost on those rows too
    assert {(r, c) for r, c in found if c == "D"} == {(3, "D"), (4, "D"), (5, "D"), (6, "D")}
    assert "«abc» non è valido" in found[(3, "D")]
    assert "errore di calcolo (#DIV/0!)" in found[(4, "D")]
    assert "formula senza valore" in found[(5, "D")]
    assert "«2024-02-30» non è una data esistente" in found[(6, "D")]
    assert analysis.invalid_rows == 4 and analysis.to_insert == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_out_of_range_dates_are_errors_of_their_cells(ctx, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    table = _people_table(4)
    table[1][4] = dt.date(2204, 10, 31)  # a typo for 2024
    table[2][4] = "31/10/1824"
    path = write(tmp_path / f"date.{fmt}", table)
    analysis = imports.analyse(ctx, path)
    assert [(e.row, e.column) for e in analysis.errors] == [(2, "E"), (3, "E")]
    assert all("fuori dall'intervallo ammesso (anni 1900-2199)" in e.message
               for e in analysis.errors)
    assert analysis.to_insert == 2


def test_value_rules_for_dates() -> None:
    assert values.date(dt.date(1900, 1, 1)) == dt.date(1900, 1, 1)
    assert values.date("31/12/2199") == dt.date(2199, 12, 31)
    for bad in (dt.datetime(1899, 12, 30), dt.time(0, 0), "01/01/2200", 200000):
        with pytest.raises(values.CellError):
            values.date(bad)
    assert values.any_date("01/01/2200") == dt.date(2200, 1, 1)


def test_a_profile_saved_with_a_job_title_imports_and_exports_it(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from sportello.core.services import export, profile_store

    path = write_piedmont(tmp_path / "piemonte.xls")
    settings = imports.inspect_file(ctx, path).sheets[0].settings
    profile_store.save_profile(ctx, settings, "Piemonte call center")
    loaded = profile_store.load_profile(ctx, "Piemonte call center")
    assert next(c for c in loaded.columns if c.header == "Qualifica").field == "job_title"
    imports.import_file(ctx, path, profile="Piemonte call center")
    out = export.export(ctx, "workers", tmp_path / "uscita.xlsx",
                        profile="Piemonte call center").path
    sheet = load_workbook(out).worksheets[0]
    header = [c.value for c in sheet[1]]
    titles = {row[header.index("Qualifica")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert titles == set(PIEDMONT_JOBS)
    assert profiles.FIELDS["job_title"].stored_in == "qualifica"
