"""Issue 14 in the import wizard: the Piedmont-style list clicked through as a clerk would.
The columns step and the preview say how "Qualifica" is read (job titles, not codes) and
why, and name every column that is not imported; the history keeps them."""

from __future__ import annotations

from pathlib import Path

from fixtures.import_sheets import (
    PIEDMONT_FORMULA_ROW,
    PIEDMONT_JOBS,
    code_of,
    piedmont_people,
    write_piedmont,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from sportello.core.models import EmploymentSituation, Worker
from sportello.gui.exchange.common import table_texts
from sportello.gui.exchange.import_wizard import ImportWizard
from test_exchange_area import _next, area  # noqa: F401 - the fixture


def test_the_wizard_shows_the_reading_of_qualifica_and_the_columns_left_out(  # type: ignore[no-untyped-def]
        qtbot, area, office_ctx, tmp_path: Path, monkeypatch) -> None:
    path = write_piedmont(tmp_path / "Elenco vertenza call center.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(area.import_button, Qt.MouseButton.LeftButton)
    wizard = area.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy() and "riga 4" in wizard.file_page.status.text(),
                    timeout=15000)

    _next(qtbot, wizard)  # sheet and header: the three title rows are not the header
    assert wizard.sheet_page.header_spin.value() == 4

    _next(qtbot, wizard)  # columns: "Qualifica" holds job titles, read as such, and why
    mapping = wizard.mapping_page
    assert mapping.field_of("K") == "job_title" and mapping.field_of("L") == "exit_on"
    assert mapping.combos[10].currentText() == "Qualifica (descrizione)"
    shown = mapping.readings.text()
    assert "Lettura scelta dai valori: K «Qualifica» -> Qualifica (descrizione)" in shown
    assert "non sono codici dell'elenco «qualifica» (O, I, Q, M, A) ma testi liberi" in shown
    assert mapping.field_of("M") == "safety_net"  # CIGS / NASpI: the safety net comes in
    assert mapping.combos[12].currentText() == "Ammortizzatore sociale"
    assert "Colonna non importata" not in shown
    assert mapping.readings.isVisible()

    _next(qtbot, wizard)  # vertenza: a new one
    qtbot.keyClicks(wizard.vertenza_page.code_edit, "CC-AT")
    qtbot.keyClicks(wizard.vertenza_page.title_edit, "Call center Asti")

    _next(qtbot, wizard)  # preview
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.figures["rows"].number.text() == "128", timeout=15000)
    assert preview.figures["new"].number.text() == "127"
    assert preview.figures["errors"].number.text() == "1"  # the formula never computed
    assert table_texts(preview.issues, 0) == [str(PIEDMONT_FORMULA_ROW)]
    status = preview.status.text()
    assert ("Colonne lette in base ai valori: K «Qualifica», M «Ammortizzatore sociale»."
            in status)
    assert "Tutte le colonne del foglio sono importate." in status
    assert not preview.keep_extra.isEnabled()  # nothing to keep
    assert "la riga 134 è la riga dei totali" in status and "la riga 135 è una nota" in status
    # the Columns tab: what each column becomes, and why
    bar = preview.tabs.tabBar()
    assert bar.tabText(2) == "Colonne (non importate: 0)"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert preview.tabs.currentWidget() is preview.columns
    letters = table_texts(preview.columns, 0)
    assert letters == [chr(ord("A") + i) for i in range(14)]
    k, m = letters.index("K"), letters.index("M")
    assert preview.columns.item(k, 2).text() == "Qualifica (descrizione)"
    assert "testi liberi" in preview.columns.item(k, 3).text()
    assert preview.columns.item(m, 2).text() == "Ammortizzatore sociale"

    qtbot.mouseClick(preview.valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=15000)
    assert wizard.result_page.figures["new"].number.text() == "127"
    with office_ctx.read() as s:
        titles = {code: (title, net) for code, title, net in s.execute(
            select(Worker.codice_fiscale, EmploymentSituation.qualifica,
                   EmploymentSituation.safety_net).join(EmploymentSituation))}
    people = piedmont_people()
    assert titles[code_of(people[0])] == (PIEDMONT_JOBS[0], "cigs")
    assert titles[code_of(people[2])] == (PIEDMONT_JOBS[2], "cigs")  # "Team leader", no code
    assert titles[code_of(people[3])] == (PIEDMONT_JOBS[3], "naspi")
