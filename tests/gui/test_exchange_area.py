"""The Import/Export area driven as a clerk would: wizard, history and undo, export."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from fixtures.import_sheets import PEOPLE, code_of, worker_rows
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton, QWizard
from waiting import settle
from sqlalchemy import func, select

from sportello.core.models import EmploymentSituation, ExchangeRecord, Vertenza, Worker
from sportello.core.services import imports, profile_store
from sportello.gui.areas import ExchangeArea
from sportello.gui.exchange import import_wizard
from sportello.gui.exchange.common import table_texts
from sportello.gui.exchange.import_wizard import ImportWizard

REGION_SAMPLE = Path("/work/shared/region-samples/Anagrafica_lavoratore.xls")
# A typo in one header ("nascitaa"): matched by similarity, so marked for checking.
MESSY_HEADERS = ["Codice fiscale", "Cognome", "Nome", "Data di nascitaa", "Comune Residenza",
                 "CAP", "Cellulare", "Qualifica", "Orario", "Data inizio CIG"]


def _messy_sheet(path: Path) -> Path:
    """Two title rows and a blank one above the header (row 4); two bad rows (6 and 8)."""
    rows = worker_rows()
    rows[1][3] = "31/02/1975"  # row 6: no such date
    rows[3][0] = "RSSMRA80D03A479X"  # row 8: wrong check character
    wb = Workbook()
    ws = wb.active
    ws.title = "Lavoratori"
    ws.append(["Regione Piemonte - Tavolo Konecta Asti"])
    ws.append(["Elenco lavoratori in CIGS"])
    ws.append([])
    ws.append(MESSY_HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _clean_sheet(path: Path, people=PEOPLE, cap: str | None = None) -> Path:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "Lavoratori"
    ws.append(MESSY_HEADERS[:3] + ["Data di nascita"] + MESSY_HEADERS[4:])
    rows = worker_rows(people)
    if cap is not None:  # the first person moved
        rows[0][5] = cap
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def area(qtbot, office_ctx):  # type: ignore[no-untyped-def]
    widget = ExchangeArea(office_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.history.empty.isVisible())
    return widget


def _next(qtbot, wizard: ImportWizard) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Avanti disabilitato nella pagina {wizard.currentId()}"
    before = wizard.currentId()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before)


def _open_wizard(qtbot, area, monkeypatch, path: Path) -> ImportWizard:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    wizard = area.wizard
    assert wizard is not None and wizard.isVisible()
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy() and bool(wizard.file_page.status.text())
                    and "Lettura" not in wizard.file_page.status.text(), timeout=15000)
    return wizard


def _wait_message(qtbot, owner) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: getattr(owner, "last_message", None) is not None
                    and owner.last_message.isVisible(), timeout=15000)
    box = owner.last_message
    owner.last_message = None
    return box


def _figure(page, key: str) -> str:  # type: ignore[no-untyped-def]
    return page.figures[key].number.text()


def test_messy_sheet_refused_whole_then_valid_rows_imported_with_report(  # type: ignore[no-untyped-def]
        qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:
    path = _messy_sheet(tmp_path / "lista regione.xlsx")
    wizard = _open_wizard(qtbot, area, monkeypatch, path)
    assert "riga 4" in wizard.file_page.status.text()

    _next(qtbot, wizard)  # sheet and header: the title rows are not the header
    page = wizard.sheet_page
    assert page.header_spin.value() == 4
    assert page.header_is_highlighted(4) and not page.header_is_highlighted(1)
    assert page.grid.verticalHeaderItem(3).text() == "4"  # rows numbered as in Excel

    _next(qtbot, wizard)  # columns: the typo is proposed, marked for checking
    mapping = wizard.mapping_page
    assert mapping.field_of("D") == "birth_date" and mapping.is_uncertain("D")
    assert not mapping.is_uncertain("A")
    assert mapping.table.item(3, 0).text() == "D ?"
    assert "Associazioni da controllare (in giallo): 1." in mapping.status.text()
    assert mapping.combos[3].currentText() == "Data di nascita"
    # the clerk confirms it: no longer marked; giving F's field to G takes it from F
    mapping.set_field("D", None)
    assert mapping.field_of("D") is None and mapping.table.item(3, 0).text() == "D"
    mapping.set_field("D", "birth_date")
    assert mapping.table.item(3, 0).text() == "D" and not mapping.is_uncertain("D")
    mapping.set_field("G", "residence_cap")
    assert mapping.combos[5].currentText() == "— non importare —"
    assert "9 colonne su 10" in mapping.status.text()
    mapping.set_field("F", "residence_cap")
    mapping.set_field("G", "mobile")
    assert "10 colonne su 10" in mapping.status.text()
    # and saves the mapping as a profile for the next lists
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Elenco Konecta", True)))
    qtbot.mouseClick(mapping.save_profile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mapping.status.text() == "Profilo «Elenco Konecta» salvato.")
    assert mapping.profile_combo.currentData() == "Elenco Konecta"
    assert "Elenco Konecta" in [p.name for p in profile_store.list_profiles(office_ctx)]

    _next(qtbot, wizard)  # vertenza: none exists yet, so a new one is proposed
    vpage = wizard.vertenza_page
    assert vpage.new_radio.isChecked() and not vpage.existing_radio.isEnabled()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # code needed
    qtbot.keyClicks(vpage.code_edit, "KON-AT")
    qtbot.keyClicks(vpage.title_edit, "Konecta Asti")

    _next(qtbot, wizard)  # preview, analysed off the GUI thread
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: _figure(preview, "rows") == "6", timeout=15000)
    assert (_figure(preview, "new"), _figure(preview, "errors")) == ("4", "2")
    assert table_texts(preview.issues, 0) == ["6", "8"]
    assert table_texts(preview.issues, 1) == ["D", "A"]
    assert table_texts(preview.issues, 3) == ["Errore", "Errore"]
    assert "31/02/1975" in preview.issues.item(0, 4).text()
    assert preview.tabs.tabText(0) == "Errori e avvisi (2)"

    # all or nothing: refused, nothing written
    qtbot.mouseClick(preview.all_button, Qt.MouseButton.LeftButton)
    box = _wait_message(qtbot, wizard)
    assert "Importazione rifiutata: 2 righe con errori" in box.text()
    assert "Riga 6, colonna D" in box.detailedText()
    box.close()
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert _count(office_ctx, Worker) == 0 and _count(office_ctx, ExchangeRecord) == 0
    assert _count(office_ctx, Vertenza) == 0

    # the valid rows go in
    qtbot.mouseClick(preview.valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=15000)
    result = wizard.result_page
    assert "completata" in result.summary.text()
    assert (_figure(result, "new"), _figure(result, "errors")) == ("4", "2")
    assert "KON-AT" in result.note.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    with office_ctx.read() as s:
        codes = set(s.scalars(select(Worker.codice_fiscale)))
        assert codes == {code_of(p) for i, p in enumerate(PEOPLE) if i not in (1, 3)}
        assert s.scalar(select(Vertenza.title)) == "Konecta Asti"
        assert s.scalar(select(func.count()).select_from(EmploymentSituation)) == 4

    # the error report goes back to the Region: the original rows, bad cells red
    out = tmp_path / "esito.xlsx"
    seen: list[str] = []

    def save_dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(args[2])
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    qtbot.mouseClick(result.report_button, Qt.MouseButton.LeftButton)
    assert seen[0].endswith("lista regione_esito.xlsx")
    assert "Rapporto degli errori salvato" in result.note.text()
    ws = load_workbook(out).active
    assert ws.cell(1, 1).value == "Regione Piemonte - Tavolo Konecta Asti"
    assert ws.cell(4, 11).value == "Esito importazione"
    assert ws.cell(6, 4).fill.fgColor.rgb.endswith("FFC7CE")
    assert "colonna D" in ws.cell(6, 11).value and ws.cell(5, 11).value == "OK"

    # the history shows the import once the wizard is closed
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.history.table.rowCount() == 1)
    history = area.history.table
    assert history.item(0, area.history.COL_FILE).text() == "lista regione.xlsx"
    assert history.item(0, area.history.COL_NEW).text() == "4"
    assert history.item(0, area.history.COL_ERRORS).text() == "2"
    assert history.item(0, area.history.COL_OPERATOR).text() == "Anna Amministratrice"
    assert history.item(0, area.history.COL_VERTENZA).text() == "Konecta Asti"


def test_undo_from_the_history(qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = imports.import_file(office_ctx, _clean_sheet(tmp_path / "a.xlsx", PEOPLE[:3]))
    second = imports.import_file(office_ctx, _clean_sheet(tmp_path / "b.xlsx", cap="14030"))
    assert _count(office_ctx, Worker) == len(PEOPLE)
    panel = area.history
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)  # Aggiorna
    settle(qtbot)
    assert table_texts(panel.table, panel.COL_FILE) == ["b.xlsx", "a.xlsx"]
    assert not panel.undo_button.isEnabled()  # nothing selected

    asked: list[str] = []

    def answer(_parent, _title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    # the older import touched the same files: the core refuses, nothing changes
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    box = _wait_message(qtbot, panel)
    assert "successive" in box.text() and f"n. {second.exchange_id}" in box.text()
    box.close()
    assert _count(office_ctx, Worker) == len(PEOPLE)

    panel.table.selectRow(0)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert "Fascicoli creati, che saranno eliminati: 3. Fascicoli aggiornati, che torneranno " \
        "com'erano: 1." in asked[-1]
    box = _wait_message(qtbot, panel)
    assert f"Importazione n. {second.exchange_id} annullata. Fascicoli eliminati: 3; dati " \
        "ripristinati: 1." in box.text()
    box.close()
    settle(qtbot)  # the history read again
    assert _count(office_ctx, Worker) == 3
    with office_ctx.read() as s:  # the first person's CAP is the first import's again
        assert s.scalar(select(Worker.residence_cap).where(
            Worker.codice_fiscale == code_of(PEOPLE[0]))) == "14100"
    assert panel.table.item(0, panel.COL_STATUS).text() == "Annullata"
    assert not panel.undo_button.isEnabled()  # already undone
    assert "Annullata il" in panel.detail.toPlainText()
    assert first.exchange_id < second.exchange_id


def test_a_bad_file_shows_the_reason_and_goes_no_further(  # type: ignore[no-untyped-def]
        qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "elenco.xlsx"
    fake.write_text("Cognome;Nome\nRossi;Mario\n", encoding="utf-8")
    wizard = _open_wizard(qtbot, area, monkeypatch, fake)
    status = wizard.file_page.status.text()
    assert "non è un foglio Excel o OpenDocument" in status and "Traceback" not in status
    assert wizard.file_page.status.property("error") is True
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    # a real sheet dropped on the area replaces it in the open wizard
    good = _clean_sheet(tmp_path / "buono.xlsx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    area.dropEvent(event)
    assert area.wizard is wizard
    qtbot.waitUntil(lambda: wizard.file_page.isComplete(), timeout=15000)
    assert "riga 1" in wizard.file_page.status.text()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_region_sample_found_but_without_rows(qtbot, area, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if not REGION_SAMPLE.exists():
        pytest.skip("campioni della Regione non disponibili")
    wizard = _open_wizard(qtbot, area, monkeypatch, REGION_SAMPLE)
    status = wizard.file_page.status.text()
    assert "«ANAGRAFICHE»" in status and "Emilia-Romagna CIGS 2020" in status
    _next(qtbot, wizard)
    assert wizard.sheet_page.header_is_highlighted(1)
    _next(qtbot, wizard)
    mapping = wizard.mapping_page
    ignored = [mapping.table.item(r, 1).text() for r, c in enumerate(mapping.combos)
               if c.currentIndex() == 0]
    assert ignored == ["Giornate CIG", "Totale Ore CIG"]
    assert mapping.profile_combo.currentData() == "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
    _next(qtbot, wizard)
    wizard.vertenza_page.none_radio.setChecked(True)
    _next(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.status.property("error") is True, timeout=15000)
    assert "non contiene righe di dati" in preview.status.text()
    assert not preview.valid_button.isEnabled() and not preview.all_button.isEnabled()


def test_trial_and_cancelled_import_write_nothing(  # type: ignore[no-untyped-def]
        qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:
    wizard = _open_wizard(qtbot, area, monkeypatch, _clean_sheet(tmp_path / "pulito.xlsx"))
    for _ in range(3):
        _next(qtbot, wizard)
    wizard.vertenza_page.none_radio.setChecked(True)
    _next(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.all_button.isEnabled(), timeout=15000)
    assert _figure(preview, "new") == str(len(PEOPLE))
    assert "Nessun errore" in preview.status.text()
    assert not preview.report_button.isEnabled()  # nothing to report

    qtbot.mouseClick(preview.trial_button, Qt.MouseButton.LeftButton)
    box = _wait_message(qtbot, wizard)
    assert f"nessun dato scritto. Nuovi fascicoli: {len(PEOPLE)};" in box.text()
    box.close()
    assert _count(office_ctx, Worker) == 0 and wizard.currentId() == ImportWizard.PREVIEW

    real_apply = imports.apply

    def slow_apply(ctx, analysis, **kwargs):  # type: ignore[no-untyped-def]
        progress = kwargs["progress"]
        deadline = time.monotonic() + 10
        while progress(0, 1) and time.monotonic() < deadline:  # until Annulla is pressed
            time.sleep(0.01)
        return real_apply(ctx, analysis, **kwargs)

    monkeypatch.setattr(import_wizard.imports, "apply", slow_apply)
    qtbot.mouseClick(preview.all_button, Qt.MouseButton.LeftButton)
    task = wizard.task
    assert task is not None
    dialog = task.progress_dialog
    qtbot.waitUntil(dialog.isVisible)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Annulla")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "annullata" in preview.status.text(), timeout=15000)
    assert "nessun dato scritto" in preview.status.text()
    _wait_message(qtbot, wizard).close()
    assert _count(office_ctx, Worker) == 0 and _count(office_ctx, ExchangeRecord) == 0
    assert wizard.currentId() == ImportWizard.PREVIEW and preview.all_button.isEnabled()


def test_export_written_and_read_back(qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    imports.import_file(office_ctx, _clean_sheet(tmp_path / "a.xlsx"),
                        vertenza=imports.VertenzaChoice("KON-AT", title="Konecta Asti",
                                                        create=True))
    imports.import_file(office_ctx, _clean_sheet(tmp_path / "b.xlsx", PEOPLE[:2]))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    dialog = area.export_dialog
    qtbot.addWidget(dialog)
    assert dialog.kind_combo.currentText() == "Lavoratori"
    today = dt.date.today().isoformat()
    assert dialog.path_edit.text().endswith(f"Lavoratori_{today}.xlsx")
    dialog.vertenza_combo.setCurrentIndex(dialog.vertenza_combo.findData("KON-AT"))
    assert dialog.path_edit.text().endswith(f"Lavoratori_KON-AT_{today}.xlsx")
    out = tmp_path / "uscita" / "lavoratori.xlsx"
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.folder_button.isEnabled(), timeout=15000)
    assert f"Esportate {len(PEOPLE)} righe" in dialog.status.text()
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Codice fiscale", "Cognome", "Nome")
    assert len(rows) == len(PEOPLE) + 1
    assert {r[0] for r in rows[1:]} == {code_of(p) for p in PEOPLE}
    assert {r[15] for r in rows[1:]} == {"Konecta Asti"}
    qtbot.waitUntil(lambda: area.history.table.rowCount() == 3)
    assert area.history.table.item(0, area.history.COL_DIRECTION).text() == \
        "Esportazione · Lavoratori"


def test_export_in_the_region_layout_and_a_blank_template(qtbot, area, office_ctx,
                                                           tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imports.import_file(office_ctx, _clean_sheet(tmp_path / "a.xlsx"))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    dialog = area.export_dialog
    qtbot.addWidget(dialog)
    region = "Emilia-Romagna CIGS 2020 - Anagrafica lavoratore"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("pathways"))
    assert not dialog.profile_combo.isEnabled()  # a layout is for workers lists
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("workers"))
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData(region))
    out = tmp_path / "regione.xlsx"
    dialog.path_edit.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.folder_button.isEnabled(), timeout=15000)
    header = next(load_workbook(out).active.iter_rows(values_only=True))
    assert len(header) == 21 and header[4] == "Comune Nascita"

    blank = dialog.blank_template(str(tmp_path / "vuoto"))
    assert blank == tmp_path / "vuoto.xlsx" and "Modello vuoto scritto" in dialog.status.text()
    assert load_workbook(blank).worksheets[0].data_validations.dataValidation
