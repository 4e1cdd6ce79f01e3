"""GUI fixtures: real widgets offscreen, QSettings and translators isolated per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_qt(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Settings in a temporary folder, the application named, Italian installed."""
    from PySide6.QtCore import QSettings

    from sportello.gui import app, i18n

    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    settings_dir = tmp_path / "qsettings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    app.application()
    i18n.install("it")
    yield
    i18n.install("it")


@pytest.fixture(autouse=True)
def _close_file_windows(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    yield
    from file_windows import close_all

    from sportello.gui import ops

    # what the test left on the runner's lanes ends here, not in the next test's database
    ops.wait_idle(30)
    qapp.processEvents()
    close_all()
    ops.wait_idle(30)
    qapp.processEvents()


@pytest.fixture(autouse=True)
def ui_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A database write opened on the UI thread by GUI code fails the test (see ui_thread);
    the recorder is given to a test that wants to see it at work."""
    from ui_thread import Recorder

    from sportello.core import db

    recorder = Recorder()
    monkeypatch.setattr(db, "write_session", recorder.wrap(db.write_session))
    yield recorder
    if recorder.seen:
        pytest.fail("database writes on the UI thread (use gui.ops.write):\n"
                    + "\n".join(dict.fromkeys(recorder.seen)), pytrace=False)


@pytest.fixture
def office_ctx(sqlite_url: str):  # type: ignore[no-untyped-def]
    """A configured SQLite database, acting as its administrator (closed afterwards)."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    ctx = bootstrap(sqlite_url)
    actor = setup.initialise(
        ctx,
        setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti", comune="Asti"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"),
    )
    ctx = ctx.acting_as(actor)
    yield ctx
    ctx.close()

