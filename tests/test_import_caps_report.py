"""Issue 11: the CAP filled from a comune with one CAP; the error report names every error at
its own column and skips the totals row under the list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.import_sheets import HEADERS, PEOPLE, code_of, worker_rows, write, write_xls
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from sportello.core import codice_fiscale as cf
from sportello.core import postcodes
from sportello.core.models import Worker
from sportello.core.services import imports, letters, profile_store, workers

ER_PROFILE = "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
CAP_LABEL = "CAP di residenza del lavoratore"


def test_postcodes_one_cap_only() -> None:
    assert postcodes.single_cap("Sassuolo") == "41049"
    assert postcodes.single_cap("SASSUOLO", "MO") == "41049"
    assert postcodes.single_cap("Torino") is None and len(postcodes.caps_of("Torino")) > 1
    assert postcodes.single_cap("Roma") is None
    assert postcodes.single_cap("Samone") is None  # two comuni (TO, TN): which one?
    assert postcodes.single_cap("Samone", "TN") == "38059"


def _er_row(surname: str, name: str, residence: str) -> list[object]:
    code = cf.encode(surname, name, "M", dt.date(1980, 4, 3), "I462")
    return [code, surname.upper(), name.upper(), "M", "I462", "03/04/1980", 0, residence,
            "Via Roma 1", None, None, 3471234567.0, None, dt.date(2005, 3, 1), "O", "F", 40,
            "08/01/2024", "30/06/2025", 120, 720]


def test_imported_region_rows_get_the_cap_of_a_one_cap_comune(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    headers = [c.header for c in profile_store.load_profile(ctx, ER_PROFILE).columns]
    rows = [_er_row("Ferrari", "Luca", "I462"),   # Sassuolo: one CAP
            _er_row("Rinaldi", "Paolo", "L219"),  # Torino: many
            _er_row("Galli", "Marco", "H501")]    # Roma: many
    path = write_xls(tmp_path / "er.xls", [headers, *rows], title="ANAGRAFICHE")
    result = imports.import_file(ctx, path, profile=ER_PROFILE,
                                 vertenza=imports.VertenzaChoice("ER-1", create=True))
    assert result.inserted == 3
    with ctx.read() as s:
        got = {w.surname: (w.residence_comune, w.residence_cap, w.id)
               for w in s.scalars(select(Worker))}
    assert got["FERRARI"][:2] == ("Sassuolo", "41049")
    assert got["RINALDI"][:2] == ("Torino", None)
    assert got["GALLI"][:2] == ("Roma", None)
    # the convocation is no longer refused for the CAP of Sassuolo; Torino's is still asked
    sassuolo = [m.label for m in letters.missing_fields(ctx, "convocazione", got["FERRARI"][2])]
    torino = [m.label for m in letters.missing_fields(ctx, "convocazione", got["RINALDI"][2])]
    assert CAP_LABEL not in sassuolo
    assert CAP_LABEL in torino
    # the letter itself: refused for what is still missing (no appointment), not the CAP
    with pytest.raises(letters.MissingData) as refused:
        letters.preview(ctx, "convocazione", got["FERRARI"][2])
    assert "CAP" not in str(refused.value) and "appuntamento" in str(refused.value)
    with pytest.raises(letters.MissingData) as refused:
        letters.preview(ctx, "convocazione", got["RINALDI"][2])
    assert CAP_LABEL in str(refused.value)


def test_worker_form_fills_an_empty_cap_from_its_comune() -> None:
    code = cf.encode("Ferrari", "Luca", "M", dt.date(1980, 4, 3), "I462")
    form = workers.WorkerForm(codice_fiscale=code, surname="Ferrari", name="Luca",
                              residence_comune="Sassuolo", residence_province="MO")
    assert workers.normalise_form(form).residence_cap == "41049"
    form.residence_cap = "41100"  # typed: kept
    assert workers.normalise_form(form).residence_cap == "41100"
    form.residence_cap, form.residence_comune, form.residence_province = None, "Roma", "RM"
    assert workers.normalise_form(form).residence_cap is None


# --------------------------------------------------------------------------- error report


def _messy_sheet(path: Path) -> Path:
    """Title rows, the header, valid rows, one row with several errors and no surname, one
    row whose only error is the missing surname, and the totals row under the list."""
    rows = worker_rows()
    rows[1][1] = None        # row 6: no surname ...
    rows[1][3] = "31/02/1975"  # ... a date that does not exist (D)
    rows[1][5] = "123"         # ... and a CAP of three digits (F)
    rows[2][1] = None        # row 7: the missing surname is its only error
    wb = Workbook()
    ws = wb.active
    ws.title = "Lavoratori"
    ws.append(["Regione Emilia-Romagna - Elenco lavoratori in CIGS"])
    ws.append([])
    ws.append([])
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    ws.append([])
    ws.append(["Totale lavoratori: 6"])
    wb.save(path)
    return path


def test_every_error_of_a_row_at_its_own_column_and_the_totals_row_skipped(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _messy_sheet(tmp_path / "lista.xlsx")
    analysis = imports.analyse(ctx, path)
    by_row: dict[int, list[str]] = {}
    for e in analysis.errors:
        by_row.setdefault(e.row, []).append(e.column or "")
    assert sorted(by_row[6]) == ["B", "D", "F"]  # surname reported with the other errors
    assert by_row[7] == ["B"]  # the surname's column, not A (the CF)
    assert set(by_row) == {6, 7}  # the totals row is no error
    assert [(n.row, n.level) for n in analysis.skipped] == [(12, "nota")]
    assert "totali" in analysis.skipped[0].message
    assert any("riga 12" in line for line in analysis.summary())
    assert analysis.rows_total == 6

    out = tmp_path / "rapporto.xlsx"
    imports.apply(ctx, analysis, valid_only=True)
    from sportello.core.exchange.report import write_error_report

    write_error_report(analysis, out)
    ws = load_workbook(out).active
    red = "FFC7CE"
    for col in (2, 4, 6):
        assert ws.cell(6, col).fill.fgColor.rgb.endswith(red), col
    assert ws.cell(7, 2).fill.fgColor.rgb.endswith(red)
    assert not ws.cell(7, 1).fill.fgColor.rgb.endswith(red)
    assert "colonna B" in ws.cell(6, 11).value and "colonna B" in ws.cell(7, 11).value
    assert ws.cell(12, 1).value == "Totale lavoratori: 6"
    assert ws.cell(12, 1).fill.fill_type is None
    assert ws.cell(12, 11).fill.fill_type is None
    assert "non importata" in ws.cell(12, 11).value and "ERRORE" not in ws.cell(12, 11).value
    with ctx.read() as s:
        assert {w.codice_fiscale for w in s.scalars(select(Worker))} == {
            code_of(p) for i, p in enumerate(PEOPLE) if i not in (1, 2)}


def test_a_row_with_errors_of_an_existing_worker_is_not_asked_for_the_surname(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A row with errors but an existing file does not ask for the surname."""
    imports.import_file(ctx, write(tmp_path / "a.xlsx", [HEADERS, *worker_rows()]))
    rows = worker_rows()
    rows[0][1] = None
    rows[0][5] = "123"
    analysis = imports.analyse(ctx, write(tmp_path / "b.xlsx", [HEADERS, *rows]))
    assert [(e.row, e.column) for e in analysis.errors] == [(2, "F")]
