"""Start-up: databases that cannot be opened, the interface language, a light start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import text

from sportello.gui import app, i18n

pytestmark = pytest.mark.gui


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Capture QMessageBox.critical instead of blocking on it."""
    shown: list[tuple[str, str]] = []

    def fake(parent, title, message, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append((title, message))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", fake)
    return shown


def test_unreadable_database_gives_a_message_and_exit_code_1(
    tmp_path: Path, critical: list[tuple[str, str]]
) -> None:
    garbage = tmp_path / "rotto.db"
    content = b"Questo non e' un database SQLite, e' un foglio di appunti.\n" * 100
    garbage.write_bytes(content)

    assert app.run(str(garbage)) == 1

    assert len(critical) == 1
    title, message = critical[0]
    assert title == "Sportello — database non disponibile"
    assert message.startswith(f"Impossibile aprire il database:\n{garbage}\n\n")
    assert "Il file non è leggibile o non è un database di Sportello" in message
    assert garbage.read_bytes() == content  # left untouched


def test_database_from_a_newer_version_is_refused(
    sqlite_url: str, critical: list[tuple[str, str]]
) -> None:
    from sportello.core.bootstrap import bootstrap

    ctx = bootstrap(sqlite_url)
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_dal_futuro'"))
    ctx.close()

    assert app.run(sqlite_url) == 1

    assert len(critical) == 1
    assert "versione più recente di Sportello" in critical[0][1]


def test_english_translation_changes_visible_strings(
    qtbot, office_ctx, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from sportello.gui.first_run import FirstRunWizard
    from sportello.gui.main_window import MainWindow

    def build() -> MainWindow:
        w = MainWindow(office_ctx)
        qtbot.addWidget(w)
        return w

    assert i18n.install(i18n.chosen_language()) == "it"
    italian = build()
    assert italian.sidebar.item(0).text() == "Lavoratori"
    assert [a.text() for a in italian.menuBar().actions()] == [
        "&File", "&Lettere", "&Visualizza", "&Aiuto"]
    italian.areas[0].refresh_count()
    qtbot.waitUntil(
        lambda: italian.areas[0].count_label.text() == "Nessun lavoratore nel database.")

    monkeypatch.setenv("SPORTELLO_LANG", "en")
    assert i18n.install(i18n.chosen_language()) == "en"
    english = build()
    assert english.sidebar.item(0).text() == "Workers"
    assert [a.text() for a in english.menuBar().actions()] == ["&File", "&Letters", "&View", "&Help"]
    model = english.areas[0].table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Tax code"
    english.areas[0].refresh_count()
    qtbot.waitUntil(lambda: english.areas[0].count_label.text() == "No workers in the database.")

    # Qt's own dialogs follow: the wizard's buttons come from qtbase_<lang>.qm
    wizard = FirstRunWizard(office_ctx)
    qtbot.addWidget(wizard)
    assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Next >"
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "&Create the office"
    i18n.install("it")
    wizard_it = FirstRunWizard(office_ctx)
    qtbot.addWidget(wizard_it)
    assert wizard_it.buttonText(QWizard.WizardButton.NextButton) == "&Successivo >"


def test_italian_plural_forms_come_from_sportello_it(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    from sportello.core.models import Worker
    from sportello.gui.areas import WorkersArea

    with office_ctx.write() as s:
        s.add(Worker(codice_fiscale="RSSNCL78D03A479X", surname="Rossi", name="Niccolò"))
    area = WorkersArea(office_ctx)
    qtbot.addWidget(area)
    area.refresh_count()
    qtbot.waitUntil(lambda: area.count_label.text() == "1 lavoratore")
    with office_ctx.write() as s:
        s.add(Worker(codice_fiscale="BNCMRA85T41L219Y", surname="Bianchi", name="Maria"))
    area.refresh_count()
    qtbot.waitUntil(lambda: area.count_label.text() == "2 lavoratori")


def test_language_preference_is_saved_and_the_environment_wins(
    qtbot, office_ctx, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    from sportello.gui.main_window import MainWindow

    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda p, t, m, *a: infos.append(m))
    w = MainWindow(office_ctx)
    qtbot.addWidget(w)
    view = next(a for a in w.menuBar().actions() if a.text() == "&Visualizza").menu()
    language = next(a for a in view.actions() if a.text() == "&Lingua").menu()
    english = next(a for a in language.actions() if a.text() == "English")
    english.trigger()
    assert i18n.chosen_language() == "en"
    assert infos == ["The new language will be used from the next start of Sportello.\n\n"
                     "La nuova lingua sarà usata dal prossimo avvio di Sportello."]
    monkeypatch.setenv("SPORTELLO_LANG", "it")
    assert i18n.chosen_language() == "it"
    monkeypatch.setenv("SPORTELLO_LANG", "xx")
    assert i18n.chosen_language() == "it"


HEAVY = ("openpyxl", "reportlab", "codicefiscale", "ateco", "holidays", "pyqtgraph", "numpy")


def test_start_up_imports_no_heavy_library(office_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A fresh process opens the main window without loading Excel, PDF or CF libraries."""
    url = office_ctx.engine.url.render_as_string(hide_password=False)
    office_ctx.close()
    code = (
        "import json, sys\n"
        "from sportello.gui import app\n"
        f"window = app.start({url!r})\n"
        "assert not isinstance(window, int), window\n"
        "window.areas[0].refresh_count()\n"
        "window.areas[0].refresh_count()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_start_up_collector_off_then_on_and_the_other_areas_built_after_the_list(  # type: ignore[no-untyped-def]
        qtbot, office_ctx) -> None:
    import gc

    window = app.start(office_ctx.engine.url.render_as_string(hide_password=False))
    assert not isinstance(window, int), window
    qtbot.addWidget(window)
    window.operator_session.idle.stop()
    try:
        assert not gc.isenabled()  # start-up makes objects, not garbage
        qtbot.waitUntil(lambda: window.workers_area.model.rowCount() >= 0
                        and not window.workers_area.model.searching)
        qtbot.waitUntil(gc.isenabled)  # the list is on screen: collected as usual
        # then the other areas are built, one per turn, before the clerk clicks on them
        qtbot.waitUntil(window.all_areas_built, timeout=20_000)
    finally:
        gc.enable()
