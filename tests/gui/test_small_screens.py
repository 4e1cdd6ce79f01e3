"""Every window a clerk opens often fits a 1024x600 screen, and opens no bigger than the
screen it is on: no button out of reach, no window taller than the screen.

The windows are opened on a small demo office (all kinds of data, generated once for the
module), then asked for 1024x600 with ``screens.outside``; widgets inside a scroll area
count as reachable (the clerk scrolls to them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import screens
from file_windows import open_window
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QTabWidget, QWidget
from sqlalchemy import func, select

from sportello.core.models import Pathway, Voucher, Worker
from sportello import demo
from sportello.core.services import pathways, setup, vouchers

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def office(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A demo office of 40 workers, acting as its administrator."""
    from sportello.core.bootstrap import bootstrap

    path = tmp_path_factory.mktemp("office") / "sportello.db"
    ctx = bootstrap(f"sqlite:///{path}")
    actor = setup.initialise(
        ctx,
        setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti", comune="Asti",
                         provincia="AT", cap="14100"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"),
    )
    ctx = ctx.acting_as(actor)
    demo.generate(ctx, workers=40)
    yield ctx
    ctx.close()


def busiest_worker(ctx) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """The worker with the most pathways: every tab of the file has something to show."""
    with ctx.read() as s:
        worker_id = s.scalar(select(Pathway.worker_id).group_by(Pathway.worker_id)
                             .order_by(func.count().desc(), Pathway.worker_id).limit(1))
        worker = s.get(Worker, worker_id)
        return worker.id, f"{worker.surname} {worker.name}"


@pytest.fixture
def screen_of(monkeypatch):  # type: ignore[no-untyped-def]
    """Make the screen ``width`` x ``height`` (less a 30-pixel task bar) for new windows."""
    def set_size(size: tuple[int, int]) -> QRect:
        free = QRect(0, 0, size[0], size[1] - 30)
        monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(free))
        return free
    return set_size


def shown(qtbot, window: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def problems_in_every_tab(window: QWidget, size: tuple[int, int]) -> Iterator[str]:
    """``screens.outside`` for the window, then with each tab of its tab widgets in front."""
    yield from screens.outside(window, size)
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisibleTo(window):
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            for problem in screens.outside(window, size):
                yield f"{tabs.tabText(index)}: {problem}"
        tabs.setCurrentIndex(0)


# ---------------------------------------------------------------------- main and file windows


def test_the_main_window_fits_1024x600_in_every_area(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.main_window import MainWindow

    window = shown(qtbot, MainWindow(office))
    assert window.minimumSizeHint().width() <= 1024, window.minimumSizeHint()
    window.resize(*screens.SMALL)
    for row in range(window.sidebar.count()):
        item = window.sidebar.item(row)
        qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.sidebar.visualItemRect(item).center())
        assert window.sidebar.currentRow() == row
        assert list(problems_in_every_tab(window, screens.SMALL)) == [], item.text()


def test_the_file_window_fits_1024x600_in_every_tab(qtbot, office) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office, busiest_worker(office)[0])
    assert window.minimumSizeHint().height() <= 600, window.minimumSizeHint()
    assert list(problems_in_every_tab(window, screens.SMALL)) == []


def test_the_file_window_opens_within_a_small_screen(qtbot, office, screen_of) -> None:  # type: ignore[no-untyped-def]
    free = screen_of(screens.SMALL)
    window = open_window(qtbot, office, busiest_worker(office)[0])
    assert window.width() <= free.width() and window.height() <= free.height()


# ---------------------------------------------------------------------- the letter preview


def a_letter() -> bytes:
    from test_pdf_preview import a_pdf

    return a_pdf(2)


@pytest.mark.parametrize("size", [screens.SMALL, screens.LAPTOP])
def test_the_letter_preview_opens_within_the_screen_with_its_buttons(qtbot, screen_of, size) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog

    free = screen_of(size)
    preview = shown(qtbot, PdfPreviewDialog(a_letter(), "Convocazione", "convocazione.pdf"))
    assert preview.width() <= free.width() and preview.height() <= free.height() - 20
    bottom = preview.save_button.mapTo(preview, preview.save_button.rect().bottomLeft()).y()
    assert bottom < preview.height()  # the Stampa / Salva PDF row is on the screen
    assert screens.outside(preview, (preview.width(), preview.height())) == []
    assert screens.outside(preview, screens.SMALL) == []


def test_the_letter_preview_keeps_its_size_on_a_big_screen(qtbot, screen_of) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.dialogs.pdf_preview import PdfPreviewDialog

    screen_of((1920, 1080))
    preview = shown(qtbot, PdfPreviewDialog(a_letter(), "Convocazione", "convocazione.pdf"))
    assert (preview.width(), preview.height()) == (860, 900)  # a whole A4 page at 100%


# ---------------------------------------------------------------------- dialogs


def _booking(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.dialogs.booking import BookingDialog

    return BookingDialog(ctx, busiest_worker(ctx)[0])


def _letter(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.letters import LetterDialog

    return LetterDialog(ctx, busiest_worker(ctx))


def _call_in(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.letters import CallInDialog

    return CallInDialog(ctx)


def _batch_letters(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.letters import BatchLettersDialog

    return BatchLettersDialog(ctx)


def _settings(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.dialogs.settings import SettingsDialog

    return SettingsDialog(ctx)


def _admin(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.admin.dialog import AdminDialog

    return AdminDialog(ctx)


def _export(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.exchange.export_dialog import ExportDialog

    return ExportDialog(ctx)


def _hires(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.exchange.hires_dialog import HiresDialog

    return HiresDialog(ctx, Path("avviamenti.xlsx"))


def _audit(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.dialogs.audit_viewer import AuditViewer

    return AuditViewer(ctx)


def _voucher_request(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.paths.training_dialogs import VoucherRequestDialog

    return VoucherRequestDialog(ctx, worker=busiest_worker(ctx))


def _voucher_status(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.paths.training_dialogs import VoucherStatusDialog

    with ctx.read() as s:
        voucher_id = s.scalar(select(func.min(Voucher.id)))
    return VoucherStatusDialog(ctx, vouchers.voucher_row(ctx, voucher_id))


def _new_pathway(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.paths.pathway_dialogs import NewPathwayDialog

    return NewPathwayDialog(ctx, busiest_worker(ctx))


def _close_pathway(ctx):  # type: ignore[no-untyped-def]
    from sportello.gui.paths.pathway_dialogs import ClosePathwayDialog

    with ctx.read() as s:
        pathway_id = s.scalar(select(func.min(Pathway.id)))
    return ClosePathwayDialog(ctx, pathways.get_pathway(ctx, pathway_id))


def _vertenza(ctx):  # type: ignore[no-untyped-def]
    from sportello.core.services import vertenze
    from sportello.gui.areas.vertenze import VertenzaDialog

    return VertenzaDialog(ctx, vertenze.vertenza_id(ctx, "KON-PC"), editable=True)


def _tavolo_meeting(ctx):  # type: ignore[no-untyped-def]
    from sportello.core.services import vertenze
    from sportello.gui.areas.vertenze import MeetingDialog

    vid = vertenze.vertenza_id(ctx, "KON-PC")
    return MeetingDialog(ctx, vid, vertenze.get_vertenza(ctx, vid).meetings[0])


DIALOGS: dict[str, Callable[..., QWidget]] = {
    "prenotazione": _booking,
    "lettera": _letter,
    "convocazione": _call_in,
    "lettere in serie": _batch_letters,
    "impostazioni": _settings,
    "amministrazione": _admin,
    "esportazione": _export,
    "assunzioni": _hires,
    "registro": _audit,
    "richiesta voucher": _voucher_request,
    "stato del voucher": _voucher_status,
    "nuovo percorso": _new_pathway,
    "chiudi percorso": _close_pathway,
    "vertenza": _vertenza,
    "incontro del tavolo": _tavolo_meeting,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_the_dialog_fits_1024x600_and_opens_within_the_screen(qtbot, office, screen_of,  # type: ignore[no-untyped-def]
                                                              name) -> None:
    free = screen_of(screens.SMALL)
    dialog = shown(qtbot, DIALOGS[name](office))
    assert dialog.width() <= free.width() and dialog.height() <= free.height(), \
        f"{name}: {dialog.width()}x{dialog.height()}"
    assert list(problems_in_every_tab(dialog, screens.SMALL)) == []
    dialog.close()


def test_the_import_wizard_fits_1024x600_on_every_page(qtbot, office, screen_of, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    from test_exchange_area import _clean_sheet, _figure, _next, _open_wizard

    from sportello.gui.areas.exchange import ExchangeArea
    from sportello.gui.exchange.import_wizard import ImportWizard

    free = screen_of(screens.SMALL)
    area = shown(qtbot, ExchangeArea(office))
    wizard = _open_wizard(qtbot, area, monkeypatch, _clean_sheet(tmp_path / "lista.xlsx"))
    assert wizard.width() <= free.width() and wizard.height() <= free.height()
    seen = []
    while True:
        vertenza = wizard.vertenza_page
        if wizard.currentId() == ImportWizard.VERTENZA and vertenza.new_radio.isChecked():
            qtbot.keyClicks(vertenza.code_edit, "SCHERMO")
            qtbot.keyClicks(vertenza.title_edit, "Prova schermo piccolo")
        if wizard.currentId() == ImportWizard.PREVIEW:
            qtbot.waitUntil(lambda: _figure(wizard.preview_page, "rows") == "6", timeout=15000)
        seen.append(wizard.currentId())
        assert list(problems_in_every_tab(wizard, screens.SMALL)) == [], \
            f"pagina {wizard.currentId()}"
        if wizard.currentId() == ImportWizard.PREVIEW:
            break
        _next(qtbot, wizard)
    assert seen == [ImportWizard.FILE, ImportWizard.SHEET, ImportWizard.MAPPING,
                    ImportWizard.VERTENZA, ImportWizard.PREVIEW]


def test_the_first_run_wizard_and_the_login_fit_1024x600(qtbot, sqlite_url, screen_of) -> None:  # type: ignore[no-untyped-def]
    from test_first_run import OFFICE, type_into

    from sportello.core.bootstrap import bootstrap
    from sportello.gui.dialogs.login import LoginDialog
    from sportello.gui.first_run import FirstRunWizard

    free = screen_of(screens.SMALL)
    ctx = bootstrap(sqlite_url)
    try:
        wizard = shown(qtbot, FirstRunWizard(ctx))
        assert wizard.width() <= free.width() and wizard.height() <= free.height()
        for page, fields in ((FirstRunWizard.OFFICE, ("code", "name", "address", "comune", "cap",
                                                      "provincia")),
                             (FirstRunWizard.CONTACTS, ("phone", "signatory_name",
                                                        "signatory_role"))):
            assert wizard.currentId() == page
            assert screens.outside(wizard, screens.SMALL) == [], f"pagina {page}"
            type_into(qtbot, wizard, {k: OFFICE[k] for k in fields})
            wizard.next()
        assert wizard.currentId() == FirstRunWizard.ADMIN
        assert screens.outside(wizard, screens.SMALL) == []
        wizard.close()
        login = shown(qtbot, LoginDialog(ctx))
        assert screens.outside(login, screens.SMALL) == []
    finally:
        ctx.close()
