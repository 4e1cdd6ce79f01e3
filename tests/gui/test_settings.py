"""Impostazioni: voucher approval threshold and funding programmes, with the services' roles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from waiting import settle

from sportello.core.models import Operator, Role
from sportello.core.services import business, setup, vouchers
from sportello.gui.dialogs.settings import SettingsDialog
from sportello.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click as the clerk does and wait for what the click asked of the runner."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(qtbot)


@pytest.fixture
def operator_ctx(office_ctx):  # type: ignore[no-untyped-def]
    """The same office, acting as a plain operatore."""
    with office_ctx.write() as s:
        s.add(Operator(office_id=office_ctx.actor.office_id, username="gverdi",
                       full_name="Giulia Verdi", role=Role.OPERATORE))
    return office_ctx.acting_as(setup.default_actor(office_ctx, "gverdi"))


def test_ctrl_comma_opens_the_settings_and_the_threshold_is_saved(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.deadlines.loaded, timeout=5000):
        window.show()
        qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(SettingsDialog) is not None)
    dialog = window.findChild(SettingsDialog)
    tab = dialog.voucher_tab
    assert tab.threshold_edit.text() == "1.500,00"  # the default
    tab.threshold_edit.setText("dieci euro")
    click(qtbot, tab.save_button)
    assert "Importo non valido" in tab.message.text()
    assert vouchers.approval_threshold(office_ctx) == 1_500_00
    tab.threshold_edit.setText("2.000")
    click(qtbot, tab.save_button)
    assert tab.message.text() == "Soglia salvata: € 2.000,00."
    assert vouchers.approval_threshold(office_ctx) == 2_000_00
    dialog.reject()
    qtbot.waitUntil(lambda: not window.deadlines.loading)


def test_an_operator_cannot_change_the_threshold_or_the_programmes(qtbot, operator_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(operator_ctx)
    qtbot.addWidget(dialog)
    dialog.voucher_tab.threshold_edit.setText("99.000,00")
    click(qtbot, dialog.voucher_tab.save_button)
    assert "Solo un amministratore" in dialog.voucher_tab.message.text()
    assert dialog.voucher_tab.threshold_edit.text() == "1.500,00"  # back to what is saved

    dialog.programme_tab.name_edit.setText("Microcredito")
    click(qtbot, dialog.programme_tab.add_button)
    assert "Solo un responsabile" in dialog.programme_tab.message.text()
    assert business.list_programmes(operator_ctx) == []


def test_programmes_are_added_retired_and_no_longer_offered(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(office_ctx)
    qtbot.addWidget(dialog)
    tab = dialog.programme_tab
    tab.name_edit.setText("Mettersi in proprio")
    tab.description_edit.setText("Regione Piemonte, accompagnamento e tutoraggio")
    click(qtbot, tab.add_button)
    qtbot.keyClicks(tab.name_edit, "Microcredito")
    qtbot.keyClick(tab.name_edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert tab.names() == ["Mettersi in proprio", "Microcredito"]
    assert tab.name_edit.text() == ""
    tab.name_edit.setText("microcredito")  # same name, other case
    click(qtbot, tab.add_button)
    assert "Esiste già" in tab.message.text()

    tab.table.selectRow(1)
    assert tab.toggle_button.text() == "Ritira"
    click(qtbot, tab.toggle_button)
    assert "ritirato" in tab.message.text()
    assert tab.model.index(1, 2).data() == "Ritirato"
    assert [name for _id, name in business.programmes(office_ctx)] == ["Mettersi in proprio"]
    assert tab.toggle_button.text() == "Riattiva"
    click(qtbot, tab.toggle_button)
    assert len(business.programmes(office_ctx)) == 2


def test_the_office_letterhead_is_edited_and_its_logo_checked(qtbot, office_ctx, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    dialog = SettingsDialog(office_ctx)
    qtbot.addWidget(dialog)
    tab = dialog.office_tab
    assert dialog.tabs.currentWidget() is tab  # the first tab
    assert tab.edits["name"].text() == "Centro per l'Impiego di Asti"
    tab.edits["cap"].setText("141")
    click(qtbot, tab.save_button)
    assert "CAP" in tab.message.text()
    tab.edits["cap"].setText("14100")
    tab.edits["signatory_name"].setText("Dott.ssa Laura Bertolino")
    tab.edits["signatory_role"].setText("Responsabile del Centro per l'Impiego")
    click(qtbot, tab.save_button)
    assert "salvati" in tab.message.text()
    detail = setup.office(office_ctx)
    assert (detail.data.cap, detail.data.signatory_name) == ("14100", "Dott.ssa Laura Bertolino")

    chosen = tmp_path / "logo.png"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(chosen), ""))
    chosen.write_bytes(b"not an image")
    click(qtbot, tab.logo_button)  # Scegli logo…, the file picked in the file dialog
    assert "PNG o JPEG" in tab.message.text()
    assert not setup.office(office_ctx).has_logo
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4ed8"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    chosen.write_bytes(bytes(buffer.data()))
    click(qtbot, tab.logo_button)
    assert tab.message.text() == "Logo salvato."
    assert setup.office(office_ctx).has_logo and tab.no_logo_button.isEnabled()
    click(qtbot, tab.no_logo_button)
    assert not setup.office(office_ctx).has_logo


def test_an_operator_cannot_change_the_office(qtbot, operator_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(operator_ctx)
    qtbot.addWidget(dialog)
    dialog.office_tab.edits["name"].setText("Altro nome")
    click(qtbot, dialog.office_tab.save_button)
    assert "Solo un amministratore" in dialog.office_tab.message.text()
    assert setup.office(operator_ctx).data.name == "Centro per l'Impiego di Asti"


def test_opening_hours_and_slot_length_are_typed_and_saved(qtbot, office_ctx, operator_ctx) -> None:  # type: ignore[no-untyped-def]
    import screens
    from PySide6.QtWidgets import QApplication

    from sportello.core.services import agenda

    dialog = SettingsDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tab = dialog.hours_tab
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=dialog.tabs.tabBar().tabRect(dialog.tabs.indexOf(tab)).center())
    assert dialog.tabs.currentWidget() is tab
    assert tab.day_edits["tue"].text() == "09:00-12:30, 14:30-16:30"  # the defaults
    assert tab.day_edits["sat"].text() == "" and tab.slot_spin.value() == 30
    assert screens.outside(dialog, screens.SMALL) == []

    wednesday = tab.day_edits["wed"]
    wednesday.selectAll()
    qtbot.keyClicks(wednesday, "9-12, 11-13")
    click(qtbot, tab.save_button)
    assert "non devono sovrapporsi" in tab.message.text()
    assert agenda.office_hours(office_ctx).text("wed") == "09:00-12:30"  # nothing saved

    wednesday.selectAll()
    qtbot.keyClick(wednesday, Qt.Key.Key_Delete)  # closed on Wednesday
    saturday = tab.day_edits["sat"]
    qtbot.mouseClick(saturday, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(saturday, "8.30-12")
    tab.slot_spin.selectAll()
    qtbot.keyClicks(tab.slot_spin, "45")
    click(qtbot, tab.save_button)
    assert tab.message.text() == "Orario salvato: le prossime prenotazioni lo rispetteranno."
    hours = agenda.office_hours(office_ctx)
    assert (hours.text("wed"), hours.text("sat"), hours.slot_minutes) == ("", "08:30-12:00", 45)
    assert saturday.text() == "08:30-12:00"  # read back as saved
    assert QApplication.activeModalWidget() is None

    # an operatore may not change them
    other = SettingsDialog(operator_ctx)
    qtbot.addWidget(other)
    other.hours_tab.day_edits["mon"].setText("07:00-20:00")
    click(qtbot, other.hours_tab.save_button)
    assert "Solo un responsabile" in other.hours_tab.message.text()
    assert agenda.office_hours(office_ctx).text("mon") == "09:00-12:30"
