"""Journey 1, at the clerk's hands: the Region's list arrives.

Import wizard -> the sheet's header found -> preview with row errors and conflicts ->
import the valid rows -> error report sent back -> the vertenza and its cohort exist.
The real main window on a configured database, driven by clicks and typing only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import screens
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import select

from waiting import settle
from sportello.core import codice_fiscale as cf
from sportello.core.models import EmploymentSituation, Vertenza, Worker
from sportello.core.services import workers
from sportello.gui.areas import ExchangeArea, WorkersArea
from sportello.gui.exchange.common import table_texts
from sportello.gui.exchange.import_wizard import ImportWizard
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
SASSUOLO = "I462"
# The Region's header as it comes: odd case, spaces, abbreviations.
HEADERS = ["COD. FISCALE ", "cognome", " Nome", "Data Nascita", "Comune residenza", "Cell.",
           "Qualifica", "Data inizio CIG", "Data fine CIG"]
RED = "FFC7CE"


def person(surname: str, name: str, sex: str, born: dt.date) -> str:
    return cf.encode(surname, name, sex, born, SASSUOLO)


FERRARI = person("Ferrari", "Luca", "M", dt.date(1980, 4, 3))
GALLI = person("Galli", "Marta", "F", dt.date(1975, 9, 30))
BIANCHI = person("Bianchi", "Anna", "F", dt.date(1988, 1, 12))
ROSSI = person("Rossi", "Mario", "M", dt.date(1970, 6, 21))  # has a file already
NEGRI = person("Negri", "Paolo", "M", dt.date(1969, 3, 3))


def region_sheet(path: Path) -> Path:
    """Three title rows, the header in row 4, six workers (rows 5-10: row 7 has a wrong
    codice fiscale, row 8 no surname and a date that does not exist, row 9 contradicts
    the mobile a clerk typed), a blank row and the totals in row 12."""
    cigs = (dt.date(2025, 1, 8), TODAY + dt.timedelta(days=12))
    wb = Workbook()
    ws = wb.active
    ws.title = "Elenco CIGS"
    ws.append(["Regione Emilia-Romagna - Agenzia regionale per il lavoro"])
    ws.append(["Tavolo Ceramiche Sassuolo: lavoratori in CIGS"])
    ws.append([])
    ws.append(HEADERS)
    ws.append([FERRARI, "FERRARI", "LUCA", dt.date(1980, 4, 3), "Sassuolo", "3471112233", "O",
               *cigs])
    ws.append([GALLI, "Galli", "Marta", dt.date(1975, 9, 30), "SASSUOLO", "3332223344", "I", *cigs])
    ws.append([FERRARI[:-1] + ("A" if FERRARI[-1] != "A" else "B"), "Verdi", "Ugo",
               dt.date(1977, 7, 7), "Sassuolo", None, "O", *cigs])
    ws.append([NEGRI, None, "Paolo", "31/02/1969", "Sassuolo", None, "O", *cigs])
    ws.append([ROSSI, "Rossi", "Mario", dt.date(1970, 6, 21), "Sassuolo", "3479999999", "O", *cigs])
    ws.append([BIANCHI, "Bianchi", "Anna", dt.date(1988, 1, 12), "Sassuolo", None, "I", *cigs])
    ws.append([])
    ws.append(["Totale lavoratori: 6"])
    wb.save(path)
    return path


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # what the click asked of the runner (a dialog's save) is done


def click_area(qtbot, window: MainWindow, area_type: type):  # type: ignore[no-untyped-def]
    row = next(i for i, a in enumerate(window.areas) if isinstance(a, area_type))
    rect = window.sidebar.visualItemRect(window.sidebar.item(row))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert isinstance(window.current_area, area_type)
    return window.current_area


def fits_small_screen(wizard: ImportWizard) -> None:
    assert screens.outside(wizard, screens.SMALL) == []
    wizard.resize(*screens.LAPTOP)


def avanti(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    before = wizard.currentId()
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.currentId() != before and not wizard.busy(), timeout=15000)


def figure(page, key: str) -> str:  # type: ignore[no-untyped-def]
    return page.figures[key].number.text()


def test_journey_1_region_list_to_vertenza_and_cohort(  # type: ignore[no-untyped-def]
        qtbot, office_ctx, tmp_path: Path, monkeypatch) -> None:
    # a clerk typed Rossi's file before the list came, with his own mobile number
    rossi = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=ROSSI, surname="Rossi", name="Mario", mobile="3331234567"))
    sheet = region_sheet(tmp_path / "Elenco CIGS Sassuolo.xlsx")
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.resize(*screens.LAPTOP)
    window.show()
    qtbot.waitExposed(window)

    # Import/Export -> Importa: the wizard; the path typed, "Avanti" without Enter
    area = click_area(qtbot, window, ExchangeArea)
    click(qtbot, area.import_button)
    wizard = area.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.addWidget(wizard)
    fits_small_screen(wizard)
    qtbot.keyClicks(wizard.file_page.path_edit, str(sheet))
    avanti(qtbot, wizard)

    # the header found under the title rows
    assert wizard.currentId() == ImportWizard.SHEET
    page = wizard.sheet_page
    assert page.header_spin.value() == 4 and page.header_is_highlighted(4)
    assert not page.header_is_highlighted(1)
    fits_small_screen(wizard)
    avanti(qtbot, wizard)

    # every messy header recognised
    mapping = wizard.mapping_page
    assert [mapping.field_of(c) for c in "ABCDEFGHI"] == [
        "codice_fiscale", "surname", "name", "birth_date", "residence_comune", "mobile",
        "qualifica", "cigs_start", "cigs_end"]
    fits_small_screen(wizard)
    avanti(qtbot, wizard)

    # a new vertenza: its code and title typed
    vpage = wizard.vertenza_page
    assert vpage.new_radio.isChecked()
    qtbot.keyClicks(vpage.code_edit, "CER-SAS")
    qtbot.keyClicks(vpage.title_edit, "Ceramiche Sassuolo")
    fits_small_screen(wizard)
    avanti(qtbot, wizard)

    # preview: the rows with errors, the conflict, the totals row noted as skipped
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.valid_button.isEnabled(), timeout=15000)
    assert figure(preview, "rows") == "6"
    assert (figure(preview, "new"), figure(preview, "errors"), figure(preview, "conflicts")) == (
        "3", "2", "1")
    errors = [(r, c) for r, c, kind in zip(table_texts(preview.issues, 0),
                                           table_texts(preview.issues, 1),
                                           table_texts(preview.issues, 3), strict=True)
              if kind == "Errore"]
    assert sorted(errors) == [("7", "A"), ("8", "B"), ("8", "D")]
    assert "la riga 12 è la riga dei totali" in preview.status.text()
    assert table_texts(preview.conflicts, 1) == ["Rossi Mario"]
    fits_small_screen(wizard)

    # only the valid rows go in
    click(qtbot, preview.valid_button)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=15000)
    result = wizard.result_page
    assert "completata" in result.summary.text()
    fits_small_screen(wizard)

    # the error report, saved to send back to the Region
    out = tmp_path / "esito.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    click(qtbot, result.report_button)
    assert "Rapporto degli errori salvato" in result.note.text()
    ws = load_workbook(out).active
    assert ws.cell(1, 1).value.startswith("Regione Emilia-Romagna")  # same rows as sent
    assert ws.cell(4, 10).value == "Esito importazione"
    assert ws.cell(7, 1).fill.fgColor.rgb.endswith(RED)  # the wrong codice fiscale
    assert ws.cell(8, 2).fill.fgColor.rgb.endswith(RED)  # the missing surname
    assert ws.cell(8, 4).fill.fgColor.rgb.endswith(RED)  # 31/02
    assert not ws.cell(8, 1).fill.fgColor.rgb.endswith(RED)
    assert ws.cell(5, 10).value == "OK"
    assert ws.cell(12, 1).value == "Totale lavoratori: 6"
    assert all(ws.cell(12, c).fill.fill_type is None for c in range(1, 11))  # not an error
    assert "non importata" in ws.cell(12, 10).value and "ERRORE" not in ws.cell(12, 10).value
    # the conflict's file opens from the result as from the list: the Lavoratori area's window
    result.tabs.setCurrentWidget(result.conflicts)
    result.conflicts.selectRow(0)
    click(qtbot, result.open_button)
    qtbot.waitUntil(lambda: bool(window.workers_area.open_windows()))  # read off the UI thread
    [opened] = window.workers_area.open_windows()
    assert opened.worker_id == rossi
    opened.close()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    # the vertenza and its cohort exist; Sassuolo's only CAP filled; Rossi's mobile kept
    with office_ctx.read() as s:
        vertenza = s.scalars(select(Vertenza)).one()
        assert (vertenza.code, vertenza.title) == ("CER-SAS", "Ceramiche Sassuolo")
        cohort = set(s.scalars(select(EmploymentSituation.worker_id).where(
            EmploymentSituation.vertenza_id == vertenza.id)))
        found = {w.codice_fiscale: w for w in s.scalars(select(Worker))}
    assert set(found) == {FERRARI, GALLI, BIANCHI, ROSSI}
    assert {found[c].id for c in found} == cohort
    assert found[FERRARI].residence_cap == "41049"
    assert found[ROSSI].mobile == "3331234567"

    # the list, filtered by the new vertenza, shows the cohort (nothing typed in the search)
    workers_area = click_area(qtbot, window, WorkersArea)
    combo = workers_area.vertenza_filter
    # the filters' vertenze are read off the UI thread each time the list is shown
    qtbot.waitUntil(lambda: combo.findText("Ceramiche Sassuolo") >= 0)
    combo.setFocus()
    qtbot.keyClicks(combo, "Ceramiche")
    assert combo.currentText() == "Ceramiche Sassuolo"
    qtbot.waitUntil(lambda: workers_area.count_label.text() == "4 lavoratori trovati")
    assert [workers_area.model.index(r, 0).data() for r in range(4)] == [
        "Bianchi", "FERRARI", "Galli", "Rossi"]
    assert screens.outside(window, screens.SMALL) == []  # and on a 1024x600 screen
