"""One name per GOL path: the combos, the lists, the file, the letter and the export agree."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from file_windows import open_window
from openpyxl import load_workbook
from pypdf import PdfReader

from sportello.core import codes, codice_fiscale
from sportello.core.models import Office, PathwayKind
from sportello.core.services import export, letters, pathways, workers
from sportello.gui import i18n
from sportello.gui.areas.workers import WorkersArea
from sportello.gui.paths.pathway_dialogs import NewPathwayDialog
from sportello.gui.paths.pathways_tab import PathwaysTab
from sportello.gui.worker_file import labels

pytestmark = pytest.mark.gui

NAME = "GOL 2 – Aggiornamento (upskilling)"


def test_the_core_names_every_kind_once_and_the_gui_offers_the_same_for_translation() -> None:
    assert set(codes.PATHWAY_KINDS) == {kind.value for kind in PathwayKind}
    assert len(set(codes.PATHWAY_KINDS.values())) == len(codes.PATHWAY_KINDS)
    assert labels._PATHWAY_KIND_SOURCES == tuple(codes.PATHWAY_KINDS.values())
    assert codes.pathway_kind_label("gol2") == NAME


def combo_text(combo, value: str) -> str:  # type: ignore[no-untyped-def]
    return combo.itemText(combo.findData(value))


def pdf_text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_the_gol_2_path_has_one_name_everywhere(qtbot, office_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    worker_id = workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=codice_fiscale.encode("Rossi", "Mario", "M", dt.date(1980, 1, 1), "A479"),
        surname="Rossi", name="Mario", residence_address="Via Roma 1", residence_comune="Asti",
        residence_cap="14100", residence_province="AT"))
    pathway = pathways.open_pathway(office_ctx, worker_id, "gol2")
    seen: dict[str, str] = {}

    dialog = NewPathwayDialog(office_ctx)  # Percorsi → Nuovo percorso…
    qtbot.addWidget(dialog)
    seen["combo del nuovo percorso"] = combo_text(dialog.kind_combo, "gol2")
    tab = PathwaysTab(office_ctx)  # Percorsi: the filter and the list
    qtbot.addWidget(tab)
    tab.reload()
    assert tab.model.rowCount() == 1
    seen["filtro dei percorsi"] = combo_text(tab.kind_combo, "gol2")
    seen["elenco dei percorsi"] = tab.model.index(0, 2).data()
    area = WorkersArea(office_ctx)  # Lavoratori: the pathway filter
    qtbot.addWidget(area)
    seen["filtro dei lavoratori"] = combo_text(area.pathway_filter, "gol2")
    window = open_window(qtbot, office_ctx, worker_id)  # the file's Percorsi tab
    window.tabs.setCurrentWidget(window.pathways)
    qtbot.waitUntil(lambda: bool(window.pathways.rows()))
    seen["fascicolo"] = window.pathways.rows()[0][0]
    assert set(seen.values()) == {NAME}, seen

    with office_ctx.write() as s:  # what the esito letter's letterhead needs
        office = s.get(Office, office_ctx.actor.office_id)
        office.phone, office.email = "0141 000000", "cpi@example.it"
        office.signatory_name, office.signatory_role = "Anna Amministratrice", "Responsabile"
    pathways.close_pathway(office_ctx, pathway.id, "formato")
    pdf = letters.preview(office_ctx, "esito", worker_id)
    assert NAME in pdf_text(pdf)
    out = tmp_path / "percorsi.xlsx"
    export.export(office_ctx, "pathways", out)
    sheet = load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(2, header.index("Percorso") + 1).value == NAME


def test_in_english_the_same_name_is_translated_once(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    dialog = NewPathwayDialog(office_ctx)
    qtbot.addWidget(dialog)
    tab = PathwaysTab(office_ctx)
    qtbot.addWidget(tab)
    english = combo_text(dialog.kind_combo, "gol2")
    assert english != NAME and english.startswith("GOL 2")
    assert combo_text(tab.kind_combo, "gol2") == english
    assert labels.label(PathwayKind, "gol2") == english
