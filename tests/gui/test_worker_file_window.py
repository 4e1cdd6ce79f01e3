"""The worker's file window: CF decoding, field errors, save, conflicts, new files, diary.

(Named ``..._window`` because ``tests/test_worker_file.py`` holds the core tests and
pytest's default import mode needs unique test module names.)
"""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from file_windows import click_save, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import func, select
from waiting import settle

from sportello.core import codice_fiscale as cf
from sportello.core.models import Pathway, ServicePact, Vertenza, Worker
from sportello.core.services import worker_file, workers
from sportello.gui.areas.workers import WorkersArea
from sportello.gui.dialogs.booking import BookingDialog
from sportello.gui.worker_file.dialogs import ConflictDialog, SimilarPeopleDialog
from sportello.gui.worker_file.window import WorkerFileWindow

pytestmark = pytest.mark.gui

NICCOLO = cf.encode("Rossi", "Niccolò", "M", dt.date(1978, 4, 3), "A479")  # born in Asti
MARIA = cf.encode("D'Agostino", "Maria", "F", dt.date(1985, 12, 1), "L219")  # Torino


def wrong_check_char(code: str) -> str:
    return code[:-1] + ("A" if code[-1] != "A" else "B")


def count_workers(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count(Worker.id)))


@pytest.fixture
def niccolo(office_ctx) -> int:  # type: ignore[no-untyped-def]
    return workers.create(office_ctx, workers.WorkerForm(
        codice_fiscale=NICCOLO, surname="Rossi", name="Niccolò", email="n.rossi@example.it",
        mobile="347 1234567"))


def type_into(qtbot, window: WorkerFileWindow, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = window.fields.widget(name)
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:  # QTest types ASCII only
        widget.insert(text)


def error_text(window: WorkerFileWindow, name: str, binder=None) -> str | None:  # type: ignore[no-untyped-def]
    """The message under the field, or None when it is hidden."""
    label = (binder or window.fields).error(name)
    return label.text() if label.isVisibleTo(window) else None


@pytest.fixture(autouse=True)
def _never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window left with changes is closed at teardown: answer "Non salvare", don't wait."""
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda _box: QMessageBox.StandardButton.Discard.value)


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded instead of shown: (kind, text)."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda _p, _t, text, *_a, kind=kind: shown.append((kind, text)))
    return shown


# --------------------------------------------------------------------------- CF and errors


def test_typing_the_cf_fills_birth_date_sex_and_place(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx)
    qtbot.keyClicks(window.anagrafica.cf_edit, NICCOLO[:15].lower())
    assert window.fields.value("birth_date") is None  # nothing decoded before 16 characters
    qtbot.keyClicks(window.anagrafica.cf_edit, NICCOLO[15].lower())
    assert window.anagrafica.cf_edit.text() == NICCOLO  # shown in capitals
    assert window.fields.widget("birth_date").text() == "03/04/1978"
    assert window.fields.value("sex") == "M"
    assert window.fields.value("birth_place") == "Asti"
    assert window.fields.value("birth_province") == "AT"
    assert window.fields.value("birth_place_code") == "A479"
    assert "03/04/1978" in window.anagrafica.cf_info.text()
    assert error_text(window, "codice_fiscale") is None


def test_wrong_cf_is_shown_next_to_the_field_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, no_dialogs
) -> None:
    window = open_window(qtbot, office_ctx)
    bad = wrong_check_char(NICCOLO)
    qtbot.keyClicks(window.anagrafica.cf_edit, bad)
    assert "carattere di controllo" in error_text(window, "codice_fiscale")  # while typing
    assert window.fields.value("birth_date") is None
    type_into(qtbot, window, "surname", "Rossi")
    type_into(qtbot, window, "name", "Niccolò")
    window.fields.clear_errors()

    assert click_save(qtbot, window) is False
    message = error_text(window, "codice_fiscale")
    assert message is not None and "carattere di controllo" in message
    assert window.focusWidget() is window.anagrafica.cf_edit
    assert window.tabs.currentWidget() is window.anagrafica
    assert count_workers(office_ctx) == 0
    assert window.isVisible() and window.isWindowModified()
    assert no_dialogs == []  # said next to the field, not in a popup


def test_validation_error_goes_to_the_field_the_service_names(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx)
    qtbot.keyClicks(window.anagrafica.cf_edit, NICCOLO)
    type_into(qtbot, window, "surname", "Rossi")
    type_into(qtbot, window, "name", "Niccolò")
    type_into(qtbot, window, "residence_cap", "141")
    assert click_save(qtbot, window) is False
    assert window.tabs.currentWidget() is window.contacts  # the tab of the field
    assert error_text(window, "residence_cap") == "CAP di residenza: «141»: servono 5 cifre."
    assert window.focusWidget() is window.fields.widget("residence_cap")
    assert count_workers(office_ctx) == 0

    type_into(qtbot, window, "residence_cap", "14100")
    window.fields.widget("birth_date").setText("31/02/1978")  # not a date at all
    assert click_save(qtbot, window) is False
    assert "Data non valida" in error_text(window, "birth_date")
    assert error_text(window, "residence_cap") is None
    assert count_workers(office_ctx) == 0


# --------------------------------------------------------------------------- new files


def test_new_file_is_created_with_its_employment_situation(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        s.add(Vertenza(code="KON-AT", title="Konecta Asti", company_name="Konecta Italia"))
    window = open_window(qtbot, office_ctx)
    assert window.windowTitle() == "Nuovo fascicolo[*]"
    assert not window.tabs.isTabEnabled(window.tabs.indexOf(window.diary))
    created: list[int] = []
    window.created.connect(created.append)
    qtbot.keyClicks(window.anagrafica.cf_edit, MARIA)
    type_into(qtbot, window, "surname", "D'Agostino")
    type_into(qtbot, window, "name", "Maria")
    type_into(qtbot, window, "mobile", "347 7654321")
    vertenza = window.employment_fields.widget("vertenza_id")
    vertenza.setCurrentIndex(vertenza.findText("Konecta Asti"))
    window.employment_fields.widget("cigs_start").setText("1/2/2026")
    window.employment_fields.widget("cigs_end").setText("31.01.2027")

    with qtbot.waitSignal(window.save_finished, timeout=10_000) as finished:
        qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [True]
    assert len(created) == 1 and window.worker_id == created[0]
    detail = workers.get(office_ctx, created[0], audit_open=False)
    assert (detail.form.surname, detail.form.birth_date) == ("D'Agostino", dt.date(1985, 12, 1))
    assert detail.form.assigned_operator_id == office_ctx.actor.id
    employment = worker_file.employment(office_ctx, created[0])
    assert employment.vertenza_title == "Konecta Asti"
    assert (employment.form.cigs_start, employment.form.cigs_end) == (
        dt.date(2026, 2, 1), dt.date(2027, 1, 31))
    assert not window.isWindowModified()
    assert window.windowTitle() == "D'Agostino Maria – fascicolo[*]"
    assert window.tabs.isTabEnabled(window.tabs.indexOf(window.diary))
    assert "CIGS fino al 31/01/2027" in window.summary_label.text()


def test_existing_cf_says_so_and_opens_the_existing_file(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, niccolo, no_dialogs
) -> None:
    area = WorkersArea(office_ctx)
    qtbot.addWidget(area)
    with qtbot.waitSignal(area.file_opened) as opened:
        qtbot.mouseClick(area.new_button, Qt.MouseButton.LeftButton)
    window = opened.args[0]
    qtbot.keyClicks(window.anagrafica.cf_edit, NICCOLO.lower())
    type_into(qtbot, window, "surname", "Rossi")
    type_into(qtbot, window, "name", "Nicolò")
    with qtbot.waitSignal(window.destroyed):
        qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(area.open_windows()) == 1)  # read (audited), then shown
    assert len(no_dialogs) == 1
    kind, text = no_dialogs[0]
    assert kind == "information" and "Esiste già il fascicolo di Rossi Niccolò" in text
    opened = area.open_windows()
    assert [w.worker_id for w in opened] == [niccolo]
    assert opened[0].fields.value("name") == "Niccolò"
    assert count_workers(office_ctx) == 1


@pytest.mark.parametrize("choice", ["open", "create"])
def test_similar_people_are_listed_before_creating(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, niccolo, monkeypatch, choice
) -> None:
    seen: list[list[list[str]]] = []

    def answer(dialog: SimilarPeopleDialog) -> int:
        seen.append([[dialog.table.item(r, c).text() for c in range(4)]
                     for r in range(dialog.table.rowCount())])
        if choice == "open":
            dialog.select(0)
            dialog.open_button.click()
            return dialog.result()
        return SimilarPeopleDialog.CREATE

    monkeypatch.setattr(SimilarPeopleDialog, "exec", answer)
    typo = cf.encode("Rosi", "Niccolò", "M", dt.date(1978, 4, 3), "A479")  # one letter off
    window = open_window(qtbot, office_ctx)
    opened: list[int] = []
    window.open_requested.connect(opened.append)
    qtbot.keyClicks(window.anagrafica.cf_edit, typo)
    type_into(qtbot, window, "surname", "Rosi")
    type_into(qtbot, window, "name", "Niccolò")
    saved = click_save(qtbot, window)
    assert seen == [[["Rossi Niccolò", NICCOLO, "03/04/1978",
                      "nome simile, stessa data di nascita"]]]
    if choice == "open":
        assert saved is False and opened == [niccolo]
        assert count_workers(office_ctx) == 1 and window.worker_id is None
    else:
        assert saved is True and opened == []
        assert count_workers(office_ctx) == 2 and window.worker_id not in (None, niccolo)


# --------------------------------------------------------------------------- editing


def test_edit_and_save_with_ctrl_s(qtbot, office_ctx, niccolo) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, niccolo)
    assert window.windowTitle() == "Rossi Niccolò – fascicolo[*]"
    assert window.fields.value("birth_date") == dt.date(1978, 4, 3)
    assert not window.isWindowModified()
    saved: list[int] = []
    window.saved.connect(saved.append)
    window.tabs.setCurrentWidget(window.contacts)
    type_into(qtbot, window, "residence_comune", "Asti")
    type_into(qtbot, window, "residence_province", "at")
    assert window.isWindowModified()
    with qtbot.waitSignal(window.save_finished, timeout=10_000):
        qtbot.keyClick(window.fields.widget("residence_comune"), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    assert saved == [niccolo]
    detail = workers.get(office_ctx, niccolo, audit_open=False)
    assert (detail.form.residence_comune, detail.form.residence_province) == ("Asti", "AT")
    assert window.fields.value("residence_province") == "AT"  # the saved value is shown
    assert not window.isWindowModified()
    assert window.message_label.text().startswith("Salvato alle")


def test_employment_error_is_shown_on_its_tab(qtbot, office_ctx, niccolo) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, niccolo)
    fields = window.employment_fields
    fields.widget("naspi_start").setText("01/03/2026")
    fields.widget("naspi_end").setText("01/02/2026")
    fields.widget("profiling_index").setText("0,62")
    assert click_save(qtbot, window) is False
    assert window.tabs.currentWidget() is window.employment
    assert error_text(window, "naspi_end", fields) == (
        "NASpI: la data di fine precede quella di inizio.")
    assert worker_file.employment(office_ctx, niccolo).id is None
    fields.widget("naspi_end").setText("31/08/2026")
    assert click_save(qtbot, window) is True
    saved = worker_file.employment(office_ctx, niccolo).form
    assert (saved.naspi_end, saved.profiling_index) == (dt.date(2026, 8, 31), 0.62)
    assert fields.widget("profiling_index").text() == "0,62"


def test_conflicting_edit_is_refused_with_both_versions(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, niccolo, monkeypatch
) -> None:
    shown: list[list[list[str]]] = []
    answers = [ConflictDialog.KEEP, ConflictDialog.RELOAD]
    monkeypatch.setattr(ConflictDialog, "exec",
                        lambda dialog: (shown.append(dialog.rows()), answers.pop(0))[1])
    first = open_window(qtbot, office_ctx, niccolo)
    second = open_window(qtbot, office_ctx, niccolo)  # another clerk on the same file
    type_into(qtbot, first, "email", "primo@example.it")
    assert click_save(qtbot, first) is True
    type_into(qtbot, second, "email", "secondo@example.it")
    assert click_save(qtbot, second) is False
    assert shown == [[["Email", "secondo@example.it", "primo@example.it"]]]
    assert workers.get(office_ctx, niccolo, audit_open=False).form.email == "primo@example.it"
    assert second.fields.value("email") == "secondo@example.it"  # the clerk's edit is kept
    assert second.isWindowModified()
    assert "modificato da un altro operatore" in second.message_label.text()

    assert click_save(qtbot, second) is False  # still refused; this time "Ricarica"
    assert second.fields.value("email") == "primo@example.it"
    assert not second.isWindowModified()
    assert workers.get(office_ctx, niccolo, audit_open=False).form.email == "primo@example.it"


def test_conflict_can_put_my_changes_on_the_saved_version(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, niccolo, monkeypatch
) -> None:
    monkeypatch.setattr(ConflictDialog, "exec", lambda _dialog: ConflictDialog.REAPPLY)
    first = open_window(qtbot, office_ctx, niccolo)
    second = open_window(qtbot, office_ctx, niccolo)
    type_into(qtbot, first, "phone", "0141 123456")
    assert click_save(qtbot, first) is True
    type_into(qtbot, second, "email", "nuova@example.it")
    assert click_save(qtbot, second) is False
    assert second.fields.value("phone") == "0141 123456"  # theirs
    assert second.fields.value("email") == "nuova@example.it"  # mine, on top
    assert click_save(qtbot, second) is True
    form = workers.get(office_ctx, niccolo, audit_open=False).form
    assert (form.phone, form.email) == ("0141 123456", "nuova@example.it")


@pytest.mark.parametrize(
    ("answer", "stays_open", "saved_name"),
    [
        (QMessageBox.StandardButton.Cancel, True, "Niccolò"),
        (QMessageBox.StandardButton.Discard, False, "Niccolò"),
        (QMessageBox.StandardButton.Save, False, "Nicola"),
    ],
)
def test_closing_with_unsaved_changes_asks(qtbot, office_ctx, niccolo, monkeypatch, answer,  # type: ignore[no-untyped-def]
                                           stays_open, saved_name) -> None:
    asked: list[str] = []

    def exec_box(box: QMessageBox) -> int:
        asked.append(box.text())
        assert [b.text() for b in box.buttons()] == ["Salva", "Non salvare", "Annulla"] or \
            sorted(b.text() for b in box.buttons()) == ["Annulla", "Non salvare", "Salva"]
        return answer.value

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    window = open_window(qtbot, office_ctx, niccolo)
    window.close()  # nothing changed: no question
    assert asked == []

    window = open_window(qtbot, office_ctx, niccolo)
    # "Nicola" still matches the code's NCL, so the service accepts it
    type_into(qtbot, window, "name", "Nicola")
    qtbot.keyClick(window.fields.widget("name"), Qt.Key.Key_Escape)  # Esc closes
    settle(qtbot)  # "Salva": saved off the UI thread, then closed
    assert len(asked) == 1 and "modifiche non salvate" in asked[0]
    assert (shiboken6.isValid(window) and window.isVisible()) is stays_open
    assert workers.get(office_ctx, niccolo, audit_open=False).form.name == saved_name


def test_a_note_being_written_counts_as_unsaved(qtbot, office_ctx, niccolo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda box: (asked.append(box.text()),
                                     QMessageBox.StandardButton.Cancel.value)[1])
    window = open_window(qtbot, office_ctx, niccolo)
    window.tabs.setCurrentWidget(window.diary)
    qtbot.keyClicks(window.diary_fields.widget("body"), "Disponibile a un corso serale")
    assert window.isWindowModified()
    window.close()
    assert len(asked) == 1 and window.isVisible()


# --------------------------------------------------------------------------- tabs


def test_diary_adds_a_note_and_lists_newest_first(qtbot, office_ctx, niccolo) -> None:  # type: ignore[no-untyped-def]
    worker_file.add_diary(office_ctx, niccolo, "telefonata", "Convocazione", "Confermato",
                          at=dt.datetime(2026, 1, 10, 9, 30))
    window = open_window(qtbot, office_ctx, niccolo)
    window.tabs.setCurrentWidget(window.diary)
    table = window.diary.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)] == [
        "10/01/2026 09:30", "Telefonata", "Convocazione", "Anna Amministratrice"]

    window.diary.add_button.click()  # nothing written: the service says what is missing
    settle(qtbot)
    assert "almeno l'oggetto o il testo" in error_text(window, "body", window.diary_fields)
    assert len(worker_file.diary(office_ctx, niccolo)) == 1

    kind = window.diary_fields.widget("kind")
    kind.setCurrentIndex(kind.findData("colloquio"))
    qtbot.keyClicks(window.diary_fields.widget("subject"), "Primo colloquio")
    qtbot.keyClicks(window.diary_fields.widget("body"), "Interessato al corso sugli strumenti AI")
    window.diary.add_button.click()
    settle(qtbot)
    assert table.rowCount() == 2
    assert table.item(0, 1).text() == "Colloquio" and table.item(0, 2).text() == "Primo colloquio"
    table.selectRow(0)
    assert "strumenti AI" in window.diary.body.toPlainText()
    assert window.diary_fields.value("body") is None and not window.isWindowModified()
    assert [r.subject for r in worker_file.diary(office_ctx, niccolo)] == [
        "Primo colloquio", "Convocazione"]


def test_history_tabs_list_pacts_and_pathways_the_italian_way(qtbot, office_ctx, niccolo) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.write() as s:
        s.add(ServicePact(worker_id=niccolo, revision=1, status="firmato",
                          signed_on=dt.date(2026, 2, 3), gol_path="gol2",
                          review_on=dt.date(2026, 8, 3), commitments="Corso e\nricerca attiva"))
        s.add(Pathway(worker_id=niccolo, kind="gol2", status="attivo",
                      start_on=dt.date(2026, 2, 10)))
    window = open_window(qtbot, office_ctx, niccolo)
    assert not window.pacts.loaded  # read when first shown
    window.tabs.setCurrentWidget(window.pacts)
    assert window.pacts.rows() == [["1", "Firmato", "03/02/2026",
                                    "GOL 2 – Aggiornamento (upskilling)", "03/08/2026",
                                    "Corso e ricerca attiva"]]
    window.tabs.setCurrentWidget(window.pathways)
    assert window.pathways.rows() == [["GOL 2 – Aggiornamento (upskilling)", "Attivo",
                                       "10/02/2026", "", ""]]
    window.tabs.setCurrentWidget(window.letters)
    assert window.letters.rows() == [] and window.letters.empty.isVisibleTo(window)


def test_prenota_opens_the_booking_dialog_and_refreshes_the_appointments(  # type: ignore[no-untyped-def]
    qtbot, office_ctx, niccolo, monkeypatch
) -> None:
    asked: list[int | None] = []
    monkeypatch.setattr(BookingDialog, "exec",
                        lambda dialog: (asked.append(dialog.worker_id), 0)[1])
    window = open_window(qtbot, office_ctx, niccolo)
    window.tabs.setCurrentWidget(window.appointments)
    assert window.appointments.loaded and window.appointments.rows() == []
    window.appointments.loaded = False
    assert window.book_button.isVisibleTo(window)
    window.book_button.click()
    assert asked == [niccolo]
    assert window.appointments.loaded  # read again after the dialog


def test_suspend_and_reopen_the_file(qtbot, office_ctx, niccolo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("Trasferito a Torino", True))
    window = open_window(qtbot, office_ctx, niccolo)
    assert window.status_button.text() == "Sospendi…"
    window.status_button.click()
    settle(qtbot)
    detail = workers.get(office_ctx, niccolo, audit_open=False)
    assert detail.status == "sospeso" and "Trasferito a Torino" in detail.form.notes
    assert "Fascicolo sospeso" in window.summary_label.text()
    assert window.fields.value("notes").endswith("Trasferito a Torino")  # shown, not dirty
    assert not window.isWindowModified()
    assert window.status_button.text() == "Riapri"
    window.status_button.click()
    settle(qtbot)
    assert workers.get(office_ctx, niccolo, audit_open=False).status == "aperto"


def test_consent_fields_are_on_the_anagrafica(qtbot, office_ctx, niccolo) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx, niccolo)
    for name in ("privacy_consent", "privacy_consent_on", "privacy_notice_version"):
        assert window.anagrafica.isAncestorOf(window.fields.widget(name))
    window.fields.widget("privacy_consent").setChecked(True)
    window.fields.widget("privacy_notice_version").setText("2026/1")
    assert click_save(qtbot, window) is True
    form = workers.get(office_ctx, niccolo, audit_open=False).form
    assert form.privacy_consent and form.privacy_consent_on == dt.date.today()
    assert window.fields.widget("privacy_consent_on").text() == dt.date.today().strftime("%d/%m/%Y")


def test_every_form_field_has_a_widget_and_a_label(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, office_ctx)
    assert sorted(window.fields.names()) == sorted(workers.FORM_FIELDS)
    assert sorted(window.employment_fields.names()) == sorted(
        worker_file.EMPLOYMENT_FIELDS)
    for binder in (window.fields, window.employment_fields):
        for name in binder.names():
            widget = binder.widget(name)
            buddies = [label for label in window.findChildren(QLabel) if label.buddy() is widget]
            assert len(buddies) == 1, name
    assert QApplication.instance() is not None
