"""Issue 14: the Region's list of hires (an extract of the comunicazioni obbligatorie)
records placements on the files it matches, closes their reinsertion pathways as
"ricollocato", lists the codici fiscali without a file, and is all or nothing. Lists built
here in .xlsx, .xlsm, .xls and .ods (every format the import reads; it
takes no CSV) with fictitious people."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.import_sheets import code_of, piedmont_people, write
from sqlalchemy import func, select

from sportello.cli import main
from sportello.core.models import AuditLog, Employer, ExchangeRecord, Hire, Pathway, Worker
from sportello.core.services import hires_import, imports, pathways, workers
from sportello.core.services.imports import ImportRefused

FORMATS = ["xlsx", "xlsm", "xls", "ods"]  # every format the import reads
D = dt.date
HEADERS = ["Data avviamento", "C.F. lavoratore", "Ragione sociale", "Partita IVA",
           "Tipologia contrattuale", "Ore settimanali", "Data fine rapporto", "Qualifica"]


def _people():  # type: ignore[no-untyped-def]
    return piedmont_people(5)


def _files(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Files for the first four people; the first three on a reinsertion pathway."""
    ids = {}
    for i, p in enumerate(_people()[:4]):
        ids[code_of(p)] = workers.create(ctx, workers.WorkerForm(
            codice_fiscale=code_of(p), surname=p[0], name=p[1]))
        if i < 3:
            pathways.open_pathway(ctx, ids[code_of(p)], ("gol1", "gol5", "gol1")[i],
                                  start_on=D(2025, 1, 10))
    return ids


def _rows() -> list[list[object]]:
    people = _people()
    return [
        [D(2025, 3, 3), code_of(people[0]), "Logistica Astigiana srl", "01234567897",
         "Tempo indeterminato", 40, None, "Magazziniere"],
        [D(2025, 3, 10), code_of(people[1]).lower(), "Call Service Torino spa", "IT09876543210",
         "A.02.00", 30, D(2025, 9, 9), None],
        [D(2025, 4, 1), code_of(people[2]), "Logistica Astigiana SRL", None,
         "Apprendistato professionalizzante", 38.5, None, "Operatore"],
        [D(2025, 4, 2), code_of(people[4]), "Bar Centrale snc", None, "TD", 20,
         D(2025, 6, 30), None],  # no file for this one
        ["Totale avviamenti: 4"],
    ]


def _paths(ctx) -> dict[int, tuple[str, str | None, dt.date | None]]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return {wid: (status, outcome, end) for wid, status, outcome, end in s.execute(
            select(Pathway.worker_id, Pathway.status, Pathway.outcome, Pathway.end_on))}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hires_list_records_placements_and_closes_the_pathways(ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 fmt: str) -> None:
    ids = _files(ctx)
    people = _people()
    path = write(tmp_path / f"avviamenti.{fmt}",
                 [["Estrazione comunicazioni obbligatorie - CPI Asti"], [], HEADERS, *_rows()])
    analysis = hires_import.analyse(ctx, path)
    assert analysis.header_row == 3 and analysis.rows_total == 4 and not analysis.errors
    assert [m.line.code for m in analysis.to_record] == [code_of(p) for p in people[:3]]
    assert [(u.row, u.code) for u in analysis.unmatched] == [(7, code_of(people[4]))]
    assert analysis.paths_to_close == 3
    assert [n.row for n in analysis.skipped] == [8]
    summary = "\n".join(analysis.summary())
    assert f"Senza fascicolo: riga 7, {code_of(people[4])} (Bar Centrale snc, 02/04/2025)" in summary

    result = hires_import.apply(ctx, analysis)
    assert (result.recorded, result.closed_paths, result.already) == (3, 3, 0)
    assert result.unmatched == [code_of(people[4])] and result.employers_created == 2
    with ctx.read() as s:
        hires = {wid: (name, on, kind, hours, end, qual) for wid, name, on, kind, hours, end, qual
                 in s.execute(select(Hire.worker_id, Employer.name, Hire.hired_on,
                                     Hire.contract_type, Hire.weekly_hours, Hire.end_on,
                                     Hire.qualifica).join(Employer))}
        vat = dict(s.execute(select(Employer.name, Employer.cf_piva)).all())
        audited = s.scalar(select(func.count()).select_from(AuditLog)
                           .where(AuditLog.action == "import_hires"))
        record = s.scalars(select(ExchangeRecord)).one()
    a, b, c, d = (ids[code_of(p)] for p in people[:4])
    assert hires[a] == ("Logistica Astigiana srl", D(2025, 3, 3), "tempo_indeterminato", 40.0,
                        None, "Magazziniere")
    assert hires[b] == ("Call Service Torino spa", D(2025, 3, 10), "tempo_determinato", 30.0,
                        D(2025, 9, 9), None)
    assert hires[c][:3] == ("Logistica Astigiana srl", D(2025, 4, 1), "apprendistato")  # same firm
    assert d not in hires
    assert vat == {"Logistica Astigiana srl": "01234567897", "Call Service Torino spa": "09876543210"}
    got = _paths(ctx)
    assert got[a] == ("concluso", "ricollocato", D(2025, 3, 3))
    assert got[b] == ("concluso", "ricollocato", D(2025, 3, 10))
    assert got[c] == ("concluso", "ricollocato", D(2025, 4, 1))
    assert audited == 1 and record.kind == "hires" and record.rows_inserted == 3
    assert record.report["unmatched"] == [
        f"Riga 7: {code_of(people[4])} senza fascicolo (Bar Centrale snc, 02/04/2025)"]

    # the same list again records nothing: every hire is there already
    again = hires_import.import_hires(ctx, path)
    assert (again.recorded, again.already, again.closed_paths) == (0, 3, 0)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Hire)) == 3
    with pytest.raises(Exception, match="elenco di assunzioni"):  # not undone as a workers list
        imports.undo(ctx, record.id)


def test_a_hires_list_with_an_error_writes_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _files(ctx)
    rows = _rows()
    rows[1][4] = "Contratto a chiamata forse"
    rows[2][6] = D(2024, 1, 1)  # ends before it starts
    rows[0][0] = None  # no hiring date
    analysis = hires_import.analyse(ctx, write(tmp_path / "errori.xlsx", [HEADERS, *rows]))
    assert [(e.row, e.column) for e in analysis.errors] == [(2, "A"), (3, "E"), (4, "G")]
    assert "non è un tipo di contratto riconosciuto" in analysis.errors[1].message
    with pytest.raises(ImportRefused, match="3 righe con errori, nessun dato scritto"):
        hires_import.apply(ctx, analysis)
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Hire)) == 0
        assert s.scalar(select(func.count()).select_from(ExchangeRecord)) == 0
    assert {v[:2] for v in _paths(ctx).values()} == {("attivo", None)}


def test_a_list_that_is_not_a_hires_list_is_refused_clearly(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "lavoratori.xlsx", [["Codice fiscale", "Cognome", "Nome"],
                                                [code_of(_people()[0]), "Rossi", "Mario"]])
    with pytest.raises(Exception, match="servono almeno le colonne codice fiscale, datore"):
        hires_import.analyse(ctx, path)


def test_import_hires_from_the_cli(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.bootstrap import bootstrap

    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "init", "--office-code", "CPI-AT", "--office-name", "CPI Asti",
                 "--admin", "admin", "--admin-name", "Anna Admin"]) == 0
    ctx = bootstrap(f"sqlite:///{db}")
    try:
        with ctx.read() as s:
            from sportello.core.models import Operator

            admin = s.scalars(select(Operator)).one()
        ids = _files(ctx.acting_as(admin))
    finally:
        ctx.close()
    path = write(tmp_path / "avviamenti.xlsx", [HEADERS, *_rows()])
    capsys.readouterr()
    assert main(["--db", db, "import-hires", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Prova (nessun dato scritto): 3 assunzioni registrate, 3 percorsi chiusi" in out
    assert f"Senza fascicolo: riga 5, {code_of(_people()[4])}" in out
    assert main(["--db", db, "import-hires", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Elenco delle assunzioni n. 1 registrato: 3 assunzioni registrate" in out
    bad = write(tmp_path / "errore.xlsx", [HEADERS, [D(2025, 3, 3), "RSSMRA80A01A479", "X srl",
                                                     None, "Tempo indeterminato", 40]])
    assert main(["--db", db, "import-hires", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "ERRORE  Riga 2, colonna B" in err and "nessun dato scritto" in err
    ctx = bootstrap(f"sqlite:///{db}")
    try:
        with ctx.read() as s:
            assert set(s.scalars(select(Hire.worker_id))) == {ids[code_of(p)] for p in _people()[:3]}
            assert s.scalar(select(func.count()).select_from(Worker)) == 4
    finally:
        ctx.close()
