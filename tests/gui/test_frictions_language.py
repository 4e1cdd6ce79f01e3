"""Language: Qt's own dialogs in Italian, the switch notice readable, "vertenza" in English."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from sportello.core import paths
from sportello.gui import i18n

pytestmark = pytest.mark.gui

Button = QMessageBox.StandardButton


def test_a_message_box_speaks_italian_in_the_italian_interface(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Chiudere?", "Modifiche non salvate.",
                      Button.Save | Button.Discard | Button.Cancel)
    qtbot.addWidget(box)
    assert box.button(Button.Cancel).text() == "Annulla"
    assert box.button(Button.Save).text() == "Salva"
    # the platform decides the Discard wording; whichever it is, it is Italian (qtbase_it.qm
    # has no "Close without Saving" nor "Don't Save": QT_GAPS_IT fills them)
    assert box.button(Button.Discard).text() in {"Chiudi senza salvare", "Non salvare", "Scarta"}
    assert QCoreApplication.translate("QPlatformTheme", "Don't Save") == "Non salvare"
    assert QCoreApplication.translate("QPlatformTheme", "Close without Saving") == (
        "Chiudi senza salvare")


def test_the_file_dialog_has_no_english_labels_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Cerca in:"
    assert labels["fileTypeLabel"] == "&Tipo di file:"
    assert labels["fileNameLabel"] == "&Nome del file:"


def test_the_english_interface_keeps_qts_english(qtbot) -> None:  # type: ignore[no-untyped-def]
    i18n.install("en")
    box = QMessageBox(QMessageBox.Icon.Question, "Close?", "Unsaved.",
                      Button.Discard | Button.Cancel)
    qtbot.addWidget(box)
    assert box.button(Button.Cancel).text() == "Cancel"
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def test_the_language_notice_is_in_the_chosen_language_too(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.gui.main_window import MainWindow

    window = MainWindow(office_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        seen.append((box.windowTitle(), box.text()))
        box.accept()

    view = next(a for a in window.menuBar().actions() if a.text() == "&Visualizza").menu()
    language = next(a for a in view.actions() if a.text() == "&Lingua").menu()
    english = next(a for a in language.actions() if a.text() == "English")
    QTimer.singleShot(0, read_and_close)
    english.trigger()  # what clicking Visualizza → Lingua → English does
    qtbot.waitUntil(lambda: bool(seen))
    title, text = seen[0]
    assert title == "Language / Lingua"
    assert text.startswith("The new language will be used from the next start of Sportello.")
    assert text.endswith("La nuova lingua sarà usata dal prossimo avvio di Sportello.")


def test_vertenza_is_a_crisis_case_in_english_everywhere() -> None:
    """Every English message about a vertenza says "crisis case", never "dispute"."""
    ts = (paths.resource("i18n") / "sportello_en.ts").read_text(encoding="utf-8")
    translator = QTranslator()
    assert translator.load("sportello_en", str(paths.resource("i18n")))  # the compiled .qm
    checked = 0
    for context in re.findall(r"<context>.*?</context>", ts, re.S):
        name = re.search(r"<name>(.*?)</name>", context).group(1)  # type: ignore[union-attr]
        for source in re.findall(r"<source>(.*?)</source>", context, re.S):
            if "vertenz" not in source.lower():
                continue
            text = source.replace("&amp;", "&").replace("&apos;", "'").replace("&quot;", '"')
            english = translator.translate(name, text)
            assert "disput" not in english.lower(), (source, english)
            assert "crisis" in english.lower().replace("&", ""), (source, english)
            checked += 1
    assert checked >= 15
