"""Issue 14 in the import wizard: the clerk keeps the columns Sportello has no field for as
extra values of the files (a tick in the preview), chooses per conflict whether Sportello's
value or the sheet's stays (as --overwrite-conflicts does for all), and the file window
shows the safety net and the extra values that came in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from file_windows import open_window
from fixtures.import_sheets import code_of, piedmont_people, write
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from sportello.core.models import Worker
from sportello.core.services import workers
from sportello.gui.exchange.common import table_texts
from sportello.gui.exchange.import_wizard import ImportWizard
from test_exchange_area import _next, _open_wizard, area  # noqa: F401 - the fixture

HEADERS = ["Codice Fiscale", "COGNOME", "NOME", "Cellulare", "Tipo ammortizzatore",
           "Data fine CIGS", "Matricola"]


def _list(tmp_path: Path) -> Path:
    rows = [[code_of(p), p[0], p[1], f"347000000{i}", ("CIGS", "NASpI")[i % 2],
             dt.date(2025, 12, 31) if i % 2 == 0 else None, f"MT-{7000 + i}"]
            for i, p in enumerate(piedmont_people(4))]
    return write(tmp_path / "lista.xlsx", [HEADERS, *rows])


def _tick(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button or a check box on its indicator, as the clerk does."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_keep_extra_columns_and_choose_per_conflict(qtbot, area, office_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch) -> None:
    people = piedmont_people(4)
    for p in people[:2]:  # two files a clerk typed, with another mobile: two conflicts
        workers.create(office_ctx, workers.WorkerForm(
            codice_fiscale=code_of(p), surname=p[0], name=p[1], mobile="3399999999"))
    wizard = _open_wizard(qtbot, area, monkeypatch, _list(tmp_path))
    _next(qtbot, wizard)  # sheet
    _next(qtbot, wizard)  # columns
    assert wizard.mapping_page.field_of("E") == "safety_net"
    _next(qtbot, wizard)  # vertenza: none
    _tick(qtbot, wizard.vertenza_page.none_radio)
    _next(qtbot, wizard)  # preview
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: preview.figures["rows"].number.text() == "4", timeout=15000)
    assert preview.figures["conflicts"].number.text() == "2"
    assert "Le colonne non importate sono ignorate." in preview.status.text()

    # keep "Matricola" on the files: the preview is checked again and says so
    assert preview.keep_extra.isEnabled() and not preview.keep_extra.isChecked()
    _tick(qtbot, preview.keep_extra)
    qtbot.waitUntil(lambda: "Conservate nei fascicoli come dati aggiuntivi: G «Matricola»."
                    in preview.status.text(), timeout=15000)
    assert preview.keep_extra.isChecked()

    # the conflicts: the first takes the sheet's mobile, the second keeps Sportello's
    bar = preview.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert table_texts(preview.conflicts, 6) == ["Sportello", "Sportello"]
    first = table_texts(preview.conflicts, 2)[0]
    _click_row(qtbot, preview.conflicts, 0)
    qtbot.mouseClick(preview.take_sheet_button, Qt.MouseButton.LeftButton)
    assert table_texts(preview.conflicts, 6) == ["il foglio", "Sportello"]
    _click_row(qtbot, preview.conflicts, 1)  # taken and taken back: Sportello's stays
    qtbot.mouseClick(preview.take_sheet_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(preview.keep_local_button, Qt.MouseButton.LeftButton)
    assert table_texts(preview.conflicts, 6) == ["il foglio", "Sportello"]

    qtbot.mouseClick(preview.all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.RESULT, timeout=15000)
    assert wizard.result_page.figures["conflicts"].number.text() == "1"
    assert wizard.result_page.figures["new"].number.text() == "2"
    with office_ctx.read() as s:
        got = {code: (mobile, extra, wid) for code, mobile, extra, wid in s.execute(
            select(Worker.codice_fiscale, Worker.mobile, Worker.extra_values, Worker.id))}
    second = next(code_of(p) for p in people[:2] if code_of(p) != first)
    assert got[first][0] == f"347000000{[code_of(p) for p in people].index(first)}"
    assert got[second][0] == "3399999999"
    assert [got[code_of(p)][1] for p in people] == [{"Matricola": f"MT-{7000 + i}"}
                                                   for i in range(4)]

    # the file window shows the safety net and the extra values
    window = open_window(qtbot, office_ctx, got[code_of(people[2])][2])
    assert window.employment_fields.value("safety_net") == "cigs"
    assert table_texts(window.employment.extra, 0) == ["Matricola"]
    assert table_texts(window.employment.extra, 1) == ["MT-7002"]


def test_a_hires_list_from_the_import_export_area(qtbot, area, office_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from sportello.core.models import Hire, Pathway
    from sportello.core.services import pathways

    people = piedmont_people(3)
    ids = [workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=code_of(p), surname=p[0], name=p[1])) for p in people[:2]]
    pathways.open_pathway(office_ctx, ids[0], "gol1", start_on=dt.date(2025, 1, 10))
    path = write(tmp_path / "avviamenti.ods", [
        ["Codice fiscale", "Datore di lavoro", "Data assunzione", "Tipo contratto", "Data fine"],
        [code_of(people[0]), "Logistica Astigiana srl", dt.date(2025, 3, 3), "Tempo indeterminato",
         None],
        [code_of(people[1]), "Bar Centrale snc", dt.date(2025, 3, 4), "Tempo determinato",
         dt.date(2025, 9, 30)],
        [code_of(people[2]), "Bar Centrale snc", dt.date(2025, 3, 5), "Tempo determinato", None]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(area.hires_button, Qt.MouseButton.LeftButton)
    dialog = area.hires_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=15000)
    assert table_texts(dialog.table, 5) == ["da registrare, chiude il percorso", "da registrare",
                                            "senza fascicolo"]
    assert "codici fiscali senza fascicolo: 1" in dialog.status.text()
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=15000)
    assert "2 assunzioni registrate, 1 percorsi chiusi" in dialog.status.text()
    assert not dialog.record_button.isEnabled()  # recorded once
    with office_ctx.read() as s:
        assert sorted(s.scalars(select(Hire.worker_id))) == sorted(ids)
        assert s.scalar(select(Pathway.outcome)) == "ricollocato"
    qtbot.waitUntil(lambda: area.history.table.rowCount() == 1)
