"""Who is at the keyboard of a command: the login of the command line.

Every command that reads or writes the office's data acts as an operator who has proved
who they are, in one of three ways, tried in this order:

1. **Scripts**: ``SPORTELLO_OPERATOR`` and ``SPORTELLO_PASSWORD`` in the environment (or
   ``--operator`` with ``SPORTELLO_PASSWORD``). Every command is a full login, counted and
   slowed down on failure like the window's.
2. **A session**: ``sportello login`` asks the password once and leaves a token for this
   OS user and this database, valid ``SESSION_HOURS`` hours, in a file readable by its
   owner only (``sessions/`` in the user's data folder). ``sportello logout`` revokes it.
3. **A prompt**: on a terminal, the user name and password are asked for this command.

Without any of them (no terminal, no session, no variables) the command is refused and
says how to log in. An account that is locked, disabled or must change its password is
refused; ``sportello password`` changes it (and ``login`` offers to).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from pathlib import Path

from sportello.core import db, paths
from sportello.core.context import Actor, Context
from sportello.core.errors import PermissionDenied, SportelloError
from sportello.core.services import cli_sessions, operators

ENV_OPERATOR = "SPORTELLO_OPERATOR"
ENV_PASSWORD = "SPORTELLO_PASSWORD"
ENV_NEW_PASSWORD = "SPORTELLO_NEW_PASSWORD"
CLI_DETAIL = "accesso da riga di comando"

HOW_TO_LOG_IN = (
    "Accesso richiesto: eseguire 'sportello login' (la sessione vale {hours} ore), oppure, "
    "per gli script, impostare SPORTELLO_OPERATOR e SPORTELLO_PASSWORD."
)


class LoginRequired(PermissionDenied):
    """No way to know who is acting: the message says how to log in."""


# --------------------------------------------------------------------------- the terminal
# Module-level so that tests can stand in for the person at the keyboard.


def interactive() -> bool:
    return sys.stdin.isatty()


def ask_line(prompt: str) -> str:
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    if not line:
        raise LoginRequired("Accesso annullato.")
    return line.strip()


def ask_secret(prompt: str) -> str:
    return getpass.getpass(prompt)


# --------------------------------------------------------------------------- the session file


def _database_identity(ctx: Context) -> str:
    path = db.sqlite_path(ctx.engine)
    if path is not None:
        return "sqlite:" + str(Path(path).resolve())
    return ctx.engine.url.render_as_string(hide_password=True)


def session_file(ctx: Context) -> Path:
    """This OS user's session file for this database (the folder is the user's own)."""
    folder = paths.user_data_dir() / "sessioni"
    folder.mkdir(exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    name = hashlib.sha256(_database_identity(ctx).encode()).hexdigest()[:24]
    return folder / f"{name}.json"


def _save(ctx: Context, opened: cli_sessions.OpenedSession) -> Path:
    target = session_file(ctx)
    data = json.dumps({"database": _database_identity(ctx), "username": opened.actor.username,
                       "token": opened.token,
                       "expires": opened.expires_at.isoformat(timespec="seconds")})
    target.unlink(missing_ok=True)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
    return target


def _load(ctx: Context) -> dict[str, str] | None:
    """The saved session, or None; a file others could read or write is not trusted."""
    target = session_file(ctx)
    try:
        info = target.stat()
    except OSError:
        return None
    if os.name == "posix" and (info.st_uid != os.geteuid() or info.st_mode & 0o077):
        target.unlink(missing_ok=True)
        return None
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        target.unlink(missing_ok=True)
        return None
    if not isinstance(data, dict) or not isinstance(data.get("token"), str):
        target.unlink(missing_ok=True)
        return None
    return data


def _forget(ctx: Context) -> None:
    session_file(ctx).unlink(missing_ok=True)


# --------------------------------------------------------------------------- logging in


def _password_for(username: str) -> str:
    password = os.environ.get(ENV_PASSWORD)
    if password is not None:
        return password
    if not interactive():
        raise LoginRequired(f"Password di '{username}' mancante: impostare SPORTELLO_PASSWORD "
                            "(per gli script) o eseguire 'sportello login' da un terminale.")
    return ask_secret(f"Password di {username}: ")


def _username(operator: str | None) -> str:
    name = operator or os.environ.get(ENV_OPERATOR)  # the option is the more explicit
    if name:
        return name.strip()
    if not interactive():
        raise LoginRequired(HOW_TO_LOG_IN.format(hours=cli_sessions.SESSION_HOURS))
    name = ask_line("Utente: ")
    if not name:
        raise LoginRequired("Accesso annullato: nessun nome utente.")
    return name


def credentials(operator: str | None) -> tuple[str, str]:
    """(user name, password) from the variables, the option or the terminal."""
    username = _username(operator)
    return username, _password_for(username)


def _check_password_change(ctx: Context, actor: Actor) -> None:
    if operators.must_change_password(ctx, actor):
        raise PermissionDenied(
            f"La password di '{actor.username}' va cambiata prima di lavorare: eseguire "
            "'sportello password' (o accedere dalla finestra del programma).")


def authenticate(ctx: Context, operator: str | None, *, allow_password_change: bool = False,
                 detail: str = CLI_DETAIL) -> Actor:
    """A full login: the user name (variable, option or prompt) and the password."""
    username, password = credentials(operator)
    actor = operators.authenticate(ctx, username, password, detail=detail)
    if not allow_password_change:
        if interactive() and os.environ.get(ENV_PASSWORD) is None \
                and operators.must_change_password(ctx, actor):
            print(f"La password di '{actor.username}' va cambiata prima di continuare.",
                  file=sys.stderr)
            change_password(ctx, actor, old=password)
        _check_password_change(ctx, actor)
    return actor


def identify(ctx: Context, operator: str | None, *,
             allow_password_change: bool = False) -> Actor:
    """Who acts in this command: the script's variables, else the session, else a prompt."""
    if os.environ.get(ENV_OPERATOR) or (operator and os.environ.get(ENV_PASSWORD) is not None):
        return authenticate(ctx, operator, allow_password_change=allow_password_change)
    saved = _load(ctx)
    if saved is not None and (not operator
                              or operator.strip().lower() == saved.get("username")):
        try:
            return cli_sessions.resume(ctx, saved["token"])
        except cli_sessions.SessionRefused as exc:
            _forget(ctx)
            if not interactive():
                raise LoginRequired(f"{exc} " + HOW_TO_LOG_IN.format(
                    hours=cli_sessions.SESSION_HOURS)) from None
            print(f"{exc} Accedere di nuovo.", file=sys.stderr)
    return authenticate(ctx, operator, allow_password_change=allow_password_change)


def change_password(ctx: Context, actor: Actor, old: str | None = None) -> None:
    """The acting operator chooses a new password (the old one, then the new one twice)."""
    acting = ctx.acting_as(actor)
    old = old if old is not None else os.environ.get(ENV_PASSWORD)
    new = os.environ.get(ENV_NEW_PASSWORD)
    if new is None:
        if not interactive():
            raise LoginRequired("Nuova password mancante: impostare SPORTELLO_NEW_PASSWORD "
                                "o eseguire il comando da un terminale.")
        if old is None:
            old = ask_secret(f"Password attuale di {actor.username}: ")
        new = ask_secret("Nuova password: ")
        if ask_secret("Ripetere la nuova password: ") != new:
            raise SportelloError("Le due password non coincidono: nulla è cambiato.")
    elif old is None:
        raise LoginRequired("Password attuale mancante: impostare SPORTELLO_PASSWORD.")
    operators.change_password(acting, old, new)


def new_password(ctx: Context, operator: str | None) -> Actor:
    """``sportello password``: log in (a forced change is allowed here), then change it."""
    username, password = credentials(operator)
    actor = operators.authenticate(ctx, username, password, detail=CLI_DETAIL)
    change_password(ctx, actor, old=password)
    return actor


def login(ctx: Context, operator: str | None,
          hours: int = cli_sessions.SESSION_HOURS) -> cli_sessions.OpenedSession:
    """``sportello login``: a full login, then a session saved for this OS user."""
    username, password = credentials(operator)
    actor = operators.authenticate(ctx, username, password, detail=CLI_DETAIL)
    if operators.must_change_password(ctx, actor):
        print(f"La password di '{actor.username}' va cambiata prima di continuare.",
              file=sys.stderr)
        change_password(ctx, actor, old=password)
    opened = cli_sessions.open_session(ctx, actor, hours=hours)
    _save(ctx, opened)
    return opened


def logout(ctx: Context) -> bool:
    """``sportello logout``: revoke this OS user's session for this database."""
    saved = _load(ctx)
    _forget(ctx)
    if saved is None:
        return False
    cli_sessions.close_session(ctx, saved["token"])
    return True
