"""Shared fixtures: a fresh database per test, on SQLite and (when reachable) PostgreSQL.

PostgreSQL tests use $SPORTELLO_TEST_PG_URL (an admin URL such as
postgresql://postgres@127.0.0.1:54329/postgres); ``tools/dev.sh test`` starts a
throw-away server on loopback and sets it. Without it they are skipped with a
reason, except under CI where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_login import CLI_PASSWORD, CLI_USER

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ENV = "SPORTELLO_TEST_PG_URL"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user data folder: backups and default DB go to a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SPORTELLO_HOME", str(home))
    monkeypatch.delenv("SPORTELLO_DB", raising=False)
    monkeypatch.setenv("SPORTELLO_OPERATOR", CLI_USER)
    monkeypatch.setenv("SPORTELLO_PASSWORD", CLI_PASSWORD)
    for name in ("SPORTELLO_NEW_PASSWORD", "SPORTELLO_ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    return home



def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI senza PostgreSQL: {PG_ENV} non impostata")
        pytest.skip(f"PostgreSQL non disponibile: impostare {PG_ENV} (tools/dev.sh test lo avvia)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a brand-new, empty PostgreSQL database, dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = make_url(_pg_admin_url()).set(drivername="postgresql+psycopg")
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # server configured but unreachable
        engine.dispose()
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL non raggiungibile ({exc.__class__.__name__})")
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'sportello.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'sportello.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def ctx(db_url: str):  # type: ignore[no-untyped-def]
    """A migrated database with one office and its administrator, acting as them."""
    from sportello.core.bootstrap import bootstrap
    from sportello.core.services import setup

    context = bootstrap(db_url)
    actor = setup.initialise(
        context,
        setup.OfficeData(code="CPI-AT", name="Centro per l'Impiego di Asti", comune="Asti",
                         provincia="AT", cap="14100"),
        setup.AdminData(username="admin", full_name="Anna Amministratrice", password="prova1234"),
    )
    context = context.acting_as(actor)
    yield context
    context.close()
