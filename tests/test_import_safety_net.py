"""Issue 14, the rest: the safety net comes in (its kind and dates, hiring and end of
employment) with other Regions' spellings, and the columns Sportello has no field for are
kept on the files as extra labelled values (shown, exported, searched) or ignored, as the
clerk chooses. Lists built here in .xlsx, .xlsm, .xls and .ods (every format the import reads; it
takes no CSV), with fictitious people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.import_sheets import code_of, piedmont_people, write
from openpyxl import load_workbook
from sqlalchemy import select

from sportello.cli import main
from sportello.core.models import EmploymentSituation, ExchangeRecord, Worker
from sportello.core.services import export, imports, workers, worker_file

FORMATS = ["xlsx", "xlsm", "xls", "ods"]  # every format the import reads
# a Lombardy-style list: other spellings, the safety net as text or as codes, "the" safety
# net's dates (to CIGS or NASpI by the kind in the same row), two columns Sportello lacks
HEADERS = ["Codice Fiscale", "COGNOME", "NOME", "Tipo ammortizzatore",
           "Data inizio ammortizzatore", "Data fine ammortizzatore", "Data inizio rapporto",
           "Data fine rapporto", "Matricola", "Reparto"]
KINDS = ["CIGS per cessazione", "naspi", "CIGS", "NASpI", "Nessuno", "cigs_cessazione"]
STORED = ["cigs_cessazione", "naspi", "cigs", "naspi", "nessuno", "cigs_cessazione"]
START, END = dt.date(2024, 11, 1), dt.date(2025, 10, 31)


def _rows() -> list[list[object]]:
    rows = []
    for i, p in enumerate(piedmont_people(6)):
        dated = STORED[i] != "nessuno"
        rows.append([code_of(p), p[0], p[1], KINDS[i], START if dated else None,
                     END if dated else None, dt.date(2001, 3, 1 + i), dt.date(2024, 10, 31),
                     f"MT-{7000 + i}", ("Inbound", "Outbound", "Back office")[i % 3]])
    return rows


def _table(order: tuple[int, ...]) -> list[list[object]]:
    return [[row[k] for k in order] for row in [HEADERS, *_rows()]]


def _situations(ctx) -> dict[str, EmploymentSituation]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {code: es for code, es in s.execute(
            select(Worker.codice_fiscale, EmploymentSituation)
            .join(EmploymentSituation, EmploymentSituation.worker_id == Worker.id))}


def _extras(ctx) -> dict[str, dict[str, str] | None]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return dict(s.execute(select(Worker.codice_fiscale, Worker.extra_values)).all())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("order", [tuple(range(10)), (9, 3, 0, 7, 5, 1, 8, 4, 2, 6)])
def test_the_safety_net_comes_in_and_extra_columns_are_kept(ctx, tmp_path: Path, fmt: str,  # type: ignore[no-untyped-def]
                                                            order: tuple[int, ...]) -> None:
    path = write(tmp_path / f"lombardia.{fmt}", _table(order))
    analysis = imports.analyse(ctx, path, keep_extra=True)
    by_header = {c.header: c for c in analysis.settings.columns}
    assert by_header["Tipo ammortizzatore"].field == "safety_net"
    assert by_header["Data inizio ammortizzatore"].field == "net_start"
    assert by_header["Data fine ammortizzatore"].field == "net_end"
    assert by_header["Data inizio rapporto"].field == "hired_on"
    assert by_header["Data fine rapporto"].field == "exit_on"
    assert {(u.header, u.kept) for u in analysis.unused} == {("Matricola", True), ("Reparto", True)}
    assert not analysis.errors
    summary = "\n".join(analysis.summary())
    assert ("Colonne non importate: 2 (conservate nei fascicoli come dati aggiuntivi: 2; "
            "ignorate: 0)") in summary
    assert "«Matricola»: nessun dato di Sportello corrisponde a questa intestazione " \
           "(conservata nei fascicoli come dato aggiuntivo)" in summary
    imports.apply(ctx, analysis)

    got, extras = _situations(ctx), _extras(ctx)
    for i, p in enumerate(piedmont_people(6)):
        es = got[code_of(p)]
        assert es.safety_net == STORED[i]
        cigs = STORED[i].startswith("cigs")
        naspi = STORED[i] == "naspi"
        assert (es.cigs_start, es.cigs_end) == ((START, END) if cigs else (None, None))
        assert (es.naspi_start, es.naspi_end) == ((START, END) if naspi else (None, None))
        assert (es.hired_on, es.exit_on) == (dt.date(2001, 3, 1 + i), dt.date(2024, 10, 31))
        assert extras[code_of(p)] == {"Matricola": f"MT-{7000 + i}",
                                      "Reparto": ("Inbound", "Outbound", "Back office")[i % 3]}
    with ctx.read() as s:
        report = s.scalars(select(ExchangeRecord)).one().report
    assert report["keep_extra"] is True and sorted(report["extra_kept"]) == ["Matricola", "Reparto"]
    assert all(line.endswith("(conservata nei fascicoli come dato aggiuntivo)")
               for line in report["unused_columns"])


def test_extra_values_are_shown_searched_and_exported(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imports.import_file(ctx, write(tmp_path / "lista.xlsx", _table(tuple(range(10)))),
                        keep_extra=True)
    people = piedmont_people(6)
    ids = workers.list_ids(ctx, workers.ListFilter(text="MT-7003"))  # the search finds them
    with ctx.read() as s:
        found = s.scalars(select(Worker.codice_fiscale).where(Worker.id.in_(ids))).all()
    assert found == [code_of(people[3])]
    assert workers.list_ids(ctx, workers.ListFilter(text="back office"))
    wid = ids[0]
    assert worker_file.extra_values(ctx, wid) == [("Matricola", "MT-7003"), ("Reparto", "Inbound")]
    out = export.export(ctx, "workers", tmp_path / "out.xlsx").path
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["Matricola", "Reparto"]
    assert "Ammortizzatore sociale" in header and "Inizio CIGS" in header
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in ws.iter_rows(min_row=2, values_only=True)}
    row = rows[code_of(people[3])]
    assert (row["Matricola"], row["Reparto"], row["Ammortizzatore sociale"]) == (
        "MT-7003", "Inbound", "NASpI")
    assert row["Inizio NASpI"].date() == START and row["Data di assunzione"].date() == \
        dt.date(2001, 3, 4)
    # a second list adds its own extra columns to those already on the file
    again = [["Codice fiscale", "Cognome", "Nome", "Turno"],
             [code_of(people[3]), people[3][0], people[3][1], "Mattina"]]
    second = imports.import_file(ctx, write(tmp_path / "turni.xlsx", again), keep_extra=True)
    assert worker_file.extra_values(ctx, wid) == [
        ("Matricola", "MT-7003"), ("Reparto", "Inbound"), ("Turno", "Mattina")]
    undone = imports.undo(ctx, second.exchange_id)  # and undo takes them back
    assert undone.restored == 1
    assert worker_file.extra_values(ctx, wid) == [("Matricola", "MT-7003"), ("Reparto", "Inbound")]


def test_unused_columns_are_ignored_unless_kept(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analysis = imports.analyse(ctx, write(tmp_path / "lista.ods", _table(tuple(range(10)))))
    assert {(u.header, u.kept) for u in analysis.unused} == {("Matricola", False),
                                                            ("Reparto", False)}
    assert "(conservate nei fascicoli come dati aggiuntivi: 0; ignorate: 2)" in \
        "\n".join(analysis.summary())
    imports.apply(ctx, analysis)
    assert set(_extras(ctx).values()) == {None}
    assert not workers.list_ids(ctx, workers.ListFilter(text="MT-7003"))
    with ctx.read() as s:
        report = s.scalars(select(ExchangeRecord)).one().report
    assert report["keep_extra"] is False and report["extra_kept"] == []
    assert all(line.endswith("(ignorata)") for line in report["unused_columns"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_safety_net_dates_without_a_kind_or_backwards_are_errors_of_their_row(  # type: ignore[no-untyped-def]
        ctx, tmp_path: Path, fmt: str) -> None:
    rows = _rows()
    rows[1][3] = None  # dates of "the" safety net, but which one?
    rows[2][5] = dt.date(2020, 1, 1)  # the end before the start
    rows[4][4] = START  # "Nessuno" with a start date
    path = write(tmp_path / f"errori.{fmt}", [HEADERS, *rows])
    analysis = imports.analyse(ctx, path)
    assert [(e.row, e.column) for e in analysis.errors] == [(3, "E"), (3, "F"), (4, "F"), (6, "E")]
    assert "manca il tipo di ammortizzatore" in analysis.errors[0].message
    assert "la data di fine precede quella di inizio" in analysis.errors[2].message
    assert "l'ammortizzatore è «nessuno»" in analysis.errors[3].message
    result = imports.apply(ctx, analysis, valid_only=True)
    assert (result.inserted, result.errors) == (3, 3)


def test_cli_keep_extra_and_the_summary_of_unused_columns(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    path = write(tmp_path / "lista.xlsx", _table(tuple(range(10))))
    capsys.readouterr()
    assert main(["--db", db, "import", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Colonne non importate: 2 (conservate nei fascicoli come dati aggiuntivi: 0; " \
           "ignorate: 2)" in out
    assert "I «Matricola»: nessun dato di Sportello corrisponde a questa intestazione " \
           "(ignorata)" in out
    assert main(["--db", db, "import", str(path), "--keep-extra"]) == 0
    out = capsys.readouterr().out
    assert "J «Reparto»: nessun dato di Sportello corrisponde a questa intestazione " \
           "(conservata nei fascicoli come dato aggiuntivo)" in out
    assert "Importazione n. 1 completata: 6 nuovi fascicoli" in out


# --------------------------------------------------------------------------- profiles

GENERIC = "Lista di crisi - modello generico"


def test_the_generic_crisis_profile_template_import_and_export(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import profile_store

    assert GENERIC in [p.name for p in profile_store.list_profiles(ctx)]
    template = export.blank_template(ctx, tmp_path / "modello.xlsx", profile=GENERIC)
    wb = load_workbook(template)
    ws = wb["Lavoratori"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Codice fiscale", "Cognome", "Nome"]
    assert "Ammortizzatore sociale" in header
    # the drop-down of the safety net offers the names, as the lists write them
    codes = wb["Codifiche"]
    listed = {codes.cell(1, c).value: [codes.cell(r, c).value for r in range(2, 6)]
              for c in range(1, codes.max_column + 1)}
    assert listed["Ammortizzatore sociale"] == ["CIGS", "CIGS per cessazione", "NASpI", "Nessuno"]
    people = piedmont_people(3)
    filled = {"Ammortizzatore sociale": ["CIGS per cessazione", "NASpI", "Nessuno"],
              "Data inizio CIGS": [START, None, None], "Data fine NASpI": [None, END, None],
              "Inquadramento": ["I", "Operaio", None], "Mansione": ["Team leader", None, None]}
    for i, p in enumerate(people):
        row = {"Codice fiscale": code_of(p), "Cognome": p[0], "Nome": p[1]}
        row |= {k: v[i] for k, v in filled.items()}
        ws.append([row.get(h) for h in header])
    wb.save(template)
    analysis = imports.analyse(ctx, template)
    assert analysis.settings.profile == GENERIC and not analysis.errors
    imports.apply(ctx, analysis)
    got = _situations(ctx)
    es = [got[code_of(p)] for p in people]
    assert [e.safety_net for e in es] == ["cigs_cessazione", "naspi", "nessuno"]
    assert (es[0].cigs_start, es[1].naspi_end) == (START, END)
    assert [(e.qualifica_code, e.qualifica) for e in es] == [
        ("I", "Team leader"), ("O", "Operaio"), (None, None)]
    out = export.export(ctx, "workers", tmp_path / "regione.xlsx", profile=GENERIC).path
    sheet = load_workbook(out).active
    cols = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(cols, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[code_of(people[1])]["Ammortizzatore sociale"] == "NASpI"
    assert rows[code_of(people[0])]["Inquadramento"] == "I"


def test_a_clerk_saves_any_mapping_as_a_profile(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.services import profile_store

    path = write(tmp_path / "lombardia.xlsx", _table(tuple(range(10))))
    settings = imports.inspect_file(ctx, path).sheets[0].settings
    assert settings is not None
    reparto = next(c for c in settings.columns if c.header == "Reparto")
    settings = settings.with_field(reparto.index, "notes")  # the clerk's own choice
    profile_store.save_profile(ctx, settings, "Lombardia - crisi")
    loaded = profile_store.load_profile(ctx, "Lombardia - crisi")
    fields = {c.header: (c.field, c.codes) for c in loaded.columns}
    assert fields["Tipo ammortizzatore"] == ("safety_net", "ammortizzatore")
    assert fields["Data inizio ammortizzatore"] == ("net_start", None)
    assert fields["Reparto"] == ("notes", None) and fields["Matricola"] == (None, None)
    result = imports.import_file(ctx, path, profile="Lombardia - crisi")
    assert result.inserted == 6
    got = _situations(ctx)
    assert [got[code_of(p)].safety_net for p in piedmont_people(6)] == STORED
    with ctx.read() as s:
        notes = dict(s.execute(select(Worker.codice_fiscale, Worker.notes)).all())
    assert notes[code_of(piedmont_people(6)[1])] == "Outbound"
