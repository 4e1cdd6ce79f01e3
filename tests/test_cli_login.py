"""The command line's login (issue: hardening, point 2).

Without a session, a script's variables or a terminal to ask on, no command touches the
data; ``sportello login`` leaves a session for this OS user and this database that
``logout``, a password change and deactivation end; locked, disabled and forced-change
accounts are refused like in the window.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import select
import sqlite3
import stat
import sys
import time
from pathlib import Path

import pytest
from cli_login import CLI_PASSWORD, CLI_USER
from sqlalchemy import select as sql_select
from sqlalchemy import update

from sportello import cli_auth
from sportello.cli import main
from sportello.core.models import AuditLog, Operator, Setting
from sportello.core.services import cli_sessions, operators, workers


@pytest.fixture
def office(ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The ``ctx`` database with one worker, and a shell with no credentials in it."""
    workers.create(ctx, workers.WorkerForm(codice_fiscale="RSSMRA80A01L219M", surname="Rossi",
                                           name="Mario", birth_date=dt.date(1980, 1, 1)))
    monkeypatch.delenv("SPORTELLO_OPERATOR")
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    return ctx


def _db(ctx) -> str:  # type: ignore[no-untyped-def]
    return ctx.engine.url.render_as_string(hide_password=False)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class Keyboard:
    """The person at the terminal: answers the prompts in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
        self.answers = list(answers)
        self.prompts: list[str] = []
        monkeypatch.setattr(cli_auth, "interactive", lambda: True)
        monkeypatch.setattr(cli_auth, "ask_line", self._answer)
        monkeypatch.setattr(cli_auth, "ask_secret", self._answer)

    def _answer(self, prompt: str) -> str:
        self.prompts.append(prompt)
        return self.answers.pop(0)


def _export(capsys: pytest.CaptureFixture[str], database: str, out: Path,
            *options: str) -> tuple[int, str]:
    code, _out, err = _run(capsys, "--db", database, *options, "export", "workers", str(out))
    return code, err


def test_without_a_login_nothing_is_read(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lavoratori.xlsx"
    for command in (["export", "workers", str(out)], ["audit"], ["check"], ["backups"],
                    ["access-request", "RSSMRA80A01L219M", "--out", str(tmp_path / "a.pdf")],
                    ["pact", "list", "--worker", "RSSMRA80A01L219M"]):
        if command == ["backups"] and office.engine.dialect.name != "sqlite":
            continue  # PostgreSQL's copies are the server's (pg_dump): refused anyway
        code, _o, err = _run(capsys, "--db", _db(office), *command)
        assert code == 1, command
        assert "sportello login" in err and "SPORTELLO_OPERATOR" in err, err
    assert not out.exists() and not (tmp_path / "a.pdf").exists()


def test_login_on_a_terminal_leaves_a_private_session(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      _isolated_home: Path) -> None:
    keyboard = Keyboard(monkeypatch, CLI_USER, CLI_PASSWORD)
    code, out, err = _run(capsys, "--db", _db(office), "login")
    assert code == 0, err
    assert keyboard.prompts == ["Utente: ", f"Password di {CLI_USER}: "]
    assert "Accesso eseguito come admin" in out and "sportello logout" in out
    files = list((_isolated_home / "sessioni").iterdir())
    assert len(files) == 1
    if os.name == "posix":
        assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
        assert stat.S_IMODE(files[0].parent.stat().st_mode) == 0o700
    saved = json.loads(files[0].read_text())
    with office.read() as s:  # the database holds a hash of the token, never the token
        keys = s.scalars(sql_select(Setting.key).where(Setting.key.startswith("cli_session:"))).all()
        assert len(keys) == 1 and saved["token"] not in keys[0]
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)  # no more prompts
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 0, err
    with office.read() as s:
        actions = s.scalars(sql_select(AuditLog.action).where(AuditLog.operator_id.is_not(None))
                            .order_by(AuditLog.id)).all()
    logged = [a for a in actions if a in ("login", "cli_session", "export")]
    assert logged[-3:] == ["login", "cli_session", "export"]


def test_logout_revokes_even_a_copied_token(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    Keyboard(monkeypatch, CLI_USER, CLI_PASSWORD)
    assert main(["--db", _db(office), "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    session = cli_auth.session_file(office)
    copied = session.read_bytes()
    code, out, _err = _run(capsys, "--db", _db(office), "logout")
    assert code == 0 and "Sessione chiusa." in out and not session.exists()
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "sportello login" in err
    # the token kept aside no longer opens anything: the database forgot it
    fd = os.open(session, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, copied)
    os.close(fd)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "non è più valida" in err and not (tmp_path / "x.xlsx").exists()
    code, out, _err = _run(capsys, "--db", _db(office), "logout")
    assert code == 0 and "Nessuna sessione aperta" in out


def test_a_session_ends_after_eight_hours(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    Keyboard(monkeypatch, CLI_USER, CLI_PASSWORD)
    assert main(["--db", _db(office), "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    token = json.loads(cli_auth.session_file(office).read_text())["token"]
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(hours=7, minutes=59)
    assert cli_sessions.resume(office, token, clock=lambda: later).username == CLI_USER
    expired = later + dt.timedelta(minutes=2)
    with pytest.raises(cli_sessions.SessionRefused, match="scaduta"):
        cli_sessions.resume(office, token, clock=lambda: expired)
    with office.write() as s:  # the clock moves on: the stored expiry is now behind it
        key = s.scalars(sql_select(Setting.key).where(Setting.key.startswith("cli_session:"))).one()
        value = dict(s.get(Setting, key).value)
        value["expires"] = (dt.datetime.now(dt.UTC).replace(tzinfo=None)
                            - dt.timedelta(seconds=1)).isoformat(timespec="seconds")
        s.execute(update(Setting).where(Setting.key == key).values(value=value))
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "scaduta" in err and "sportello login" in err
    assert not cli_auth.session_file(office).exists()


def test_a_session_is_for_one_database_and_one_owner(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "altro.db"
    monkeypatch.setenv("SPORTELLO_PASSWORD", "altra1234")
    assert main(["--db", str(other), "init", "--office-code", "CPI-TO", "--office-name",
                 "CPI Torino", "--admin", CLI_USER, "--admin-name", "Altra Admin"]) == 0
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    Keyboard(monkeypatch, CLI_USER, CLI_PASSWORD)
    assert main(["--db", _db(office), "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    code, err = _export(capsys, str(other), tmp_path / "x.xlsx")
    assert code == 1 and "sportello login" in err
    if os.name == "posix":  # a file others can read is not trusted, and is removed
        session = cli_auth.session_file(office)
        session.chmod(0o644)
        code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
        assert code == 1 and "sportello login" in err and not session.exists()


def test_a_forged_session_file_opens_nothing(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             capsys: pytest.CaptureFixture[str]) -> None:
    session = cli_auth.session_file(office)
    fd = os.open(session, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, json.dumps({"token": "x" * 43, "username": CLI_USER}).encode())
    os.close(fd)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "non è più valida" in err and not (tmp_path / "x.xlsx").exists()


def test_password_change_disabling_and_reset_end_sessions(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    clerk = operators.create_operator(office, operators.OperatorData(
        username="l.bianchi", full_name="Lucia Bianchi", password="iniziale12"))
    # the forced first change, as a script does it
    monkeypatch.setenv("SPORTELLO_PASSWORD", "iniziale12")
    code, _o, err = _run(capsys, "--db", _db(office), "--operator", "l.bianchi", "audit")
    assert code == 1 and "va cambiata" in err and "sportello password" in err
    monkeypatch.setenv("SPORTELLO_NEW_PASSWORD", "bianchi2026")
    assert main(["--db", _db(office), "--operator", "l.bianchi", "password"]) == 0
    monkeypatch.delenv("SPORTELLO_NEW_PASSWORD")
    monkeypatch.delenv("SPORTELLO_PASSWORD")

    def session_works() -> bool:
        return _export(capsys, _db(office), tmp_path / "x.xlsx")[0] == 0

    Keyboard(monkeypatch, "l.bianchi", "bianchi2026")
    assert main(["--db", _db(office), "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    assert session_works()
    operators.change_password(office.acting_as(operators.authenticate(
        office, "l.bianchi", "bianchi2026")), "bianchi2026", "bianchi2027")
    assert not session_works()

    Keyboard(monkeypatch, "l.bianchi", "bianchi2027")
    assert main(["--db", _db(office), "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    assert session_works()
    info = operators.get_operator(office, clerk.id)
    operators.update_operator(office, clerk.id, info.version, active=False)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "disattivato" in err


def test_locked_and_disabled_accounts_are_refused(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPORTELLO_PASSWORD", "sbagliata1")
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx", "--operator", CLI_USER)
    assert code == 1 and "Nome utente o password errati" in err
    # the right password right away is slowed down, as in the window
    monkeypatch.setenv("SPORTELLO_PASSWORD", CLI_PASSWORD)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx", "--operator", CLI_USER)
    assert code == 1 and "attendere" in err
    with office.write() as s:  # an administrator's lock after too many failures
        s.execute(update(Operator).where(Operator.username == CLI_USER).values(
            failed_logins=5, locked_until=dt.datetime.now(dt.UTC).replace(tzinfo=None)
            + dt.timedelta(minutes=15)))
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx", "--operator", CLI_USER)
    assert code == 1 and "bloccato" in err and not (tmp_path / "x.xlsx").exists()
    # scripts name the operator in the environment and meet the same rules
    monkeypatch.setenv("SPORTELLO_OPERATOR", CLI_USER)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 1 and "bloccato" in err
    with office.write() as s:
        s.execute(update(Operator).where(Operator.username == CLI_USER).values(
            failed_logins=0, locked_until=None))
    assert _export(capsys, _db(office), tmp_path / "x.xlsx")[0] == 0


def test_init_admin_then_demo_needs_a_login(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "nuovo.db"
    monkeypatch.delenv("SPORTELLO_OPERATOR")
    monkeypatch.setenv("SPORTELLO_PASSWORD", "torino2026")
    code, out, err = _run(capsys, "--db", str(path), "init", "--office-code", "CPI-TO",
                          "--office-name", "CPI Torino", "--admin", "m.rossi",
                          "--admin-name", "Maria Rossi")
    assert code == 0 and "amministratore: m.rossi" in out, err
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    code, _o, err = _run(capsys, "--db", str(path), "demo", "--workers", "5")
    assert code == 1 and "sportello login" in err
    assert sqlite3.connect(path).execute("SELECT count(*) FROM worker").fetchone()[0] == 0
    monkeypatch.setenv("SPORTELLO_PASSWORD", "torino2026")
    code, out, _e = _run(capsys, "--db", str(path), "--operator", "m.rossi", "demo",
                         "--workers", "5")
    assert code == 0 and "Ufficio: CPI-TO" in out
    # a new, empty database needs nobody: the demo creates its administrator
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    code, out, _e = _run(capsys, "--db", str(tmp_path / "vuoto.db"), "demo", "--workers", "5")
    assert code == 0 and "utente 'admin'" in out


@pytest.mark.postgres
def test_a_session_on_postgresql(pg_url: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from cli_login import cli_demo

    assert cli_demo(pg_url, "--workers", "10") == 0
    monkeypatch.delenv("SPORTELLO_OPERATOR")
    monkeypatch.delenv("SPORTELLO_PASSWORD")
    code, err = _export(capsys, pg_url, tmp_path / "x.xlsx")
    assert code == 1 and "sportello login" in err
    Keyboard(monkeypatch, CLI_USER, CLI_PASSWORD)
    assert main(["--db", pg_url, "login"]) == 0
    monkeypatch.setattr(cli_auth, "interactive", lambda: False)
    code, err = _export(capsys, pg_url, tmp_path / "x.xlsx")
    assert code == 0, err
    assert main(["--db", pg_url, "logout"]) == 0
    assert _export(capsys, pg_url, tmp_path / "y.xlsx")[0] == 1


def _talk(argv: list[str], env: dict[str, str], answers: list[tuple[bytes, bytes]]) -> tuple[int, str]:
    """Run ``argv`` on a real terminal (a pty), answering each prompt as it appears."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, with the pty as its controlling terminal
        os.execve(sys.executable, [sys.executable, "-m", "sportello", *argv], env)
    seen = b""
    deadline = time.monotonic() + 120
    pending = list(answers)
    while time.monotonic() < deadline:
        ready, _w, _x = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and pending[0][0] in seen.split(b"\n")[-1]:
                os.write(fd, pending.pop(0)[1] + b"\n")
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode(errors="replace")


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal is POSIX")
def test_login_at_a_real_terminal(office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPORTELLO_")}
    env["SPORTELLO_HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    code, screen = _talk(["--db", _db(office), "login"], env,
                         [(b"Utente:", CLI_USER.encode()), (b"Password", CLI_PASSWORD.encode())])
    assert code == 0, screen
    assert "Accesso eseguito come admin" in screen and CLI_PASSWORD not in screen  # not echoed
    code, screen = _talk(["--db", _db(office), "export", "workers", str(tmp_path / "x.xlsx")],
                         env, [])
    assert code == 0 and "Esportate 1 righe" in screen, screen


@pytest.mark.parametrize("username", ["a" * 6000, "ad\x01min\x1b[2J", "admin' OR '1'='1", " "])
def test_hostile_user_names_are_a_plain_refusal(office, username: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPORTELLO_PASSWORD", CLI_PASSWORD)
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx", "--operator", username)
    assert code == 1 and "Traceback" not in err and "Errore interno" not in err
    assert "Nome utente o password errati" in err or "nome utente" in err.lower()
    assert not (tmp_path / "x.xlsx").exists()
    with office.read() as s:  # what the log keeps of the attempt is short and printable
        detail = s.scalars(sql_select(AuditLog.detail).order_by(AuditLog.id.desc())).first()
    assert detail is not None and len(detail) < 120 and detail.isprintable()


def test_a_forced_change_is_asked_on_the_terminal(office, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    operators.create_operator(office, operators.OperatorData(
        username="l.bianchi", full_name="Lucia Bianchi", password="iniziale12"))
    keyboard = Keyboard(monkeypatch, "l.bianchi", "iniziale12", "bianchi2026", "bianchi2026")
    code, err = _export(capsys, _db(office), tmp_path / "x.xlsx")
    assert code == 0, err
    assert keyboard.prompts[2:] == ["Nuova password: ", "Ripetere la nuova password: "]
    assert operators.authenticate(office, "l.bianchi", "bianchi2026").username == "l.bianchi"
