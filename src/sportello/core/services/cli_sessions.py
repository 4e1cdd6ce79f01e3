"""Command-line sessions: what ``sportello login`` leaves behind and every command checks.

A session is a random token. The clerk's machine keeps the token (in a file readable by
its owner only, see ``sportello.cli_auth``); the database keeps only its SHA-256, in a
``setting`` row keyed ``cli_session:<hash>``, with the operator and the expiry. So:

- a session cannot be forged from the database (the hash does not give the token back);
- it is revocable: ``logout`` deletes the row, and an expired row is refused and pruned;
- it follows the account: a session of an operator who has since been deactivated or
  told to change their password is refused like a login would be, and any
  change of the password (by the operator or a reset by an administrator) ends every
  session opened with the old one (the row keeps a fingerprint of the password hash).
  A lock after failed logins stops new logins, not a session proven before it: the
  failures may be someone else guessing at the account.

Rows are written with Core statements, not the ORM, so the audit hook does not log the
hash; the login, the refusal and the logout get their own readable audit rows.
Times are naive UTC like every stored timestamp; ``clock`` is injectable for tests.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from sportello.core.context import Actor, Context
from sportello.core.errors import PermissionDenied
from sportello.core.models import Operator, Setting, utcnow
from sportello.core import audit
from sportello.core.services.operators import Clock, local_time

SESSION_HOURS = 8
KEY_PREFIX = "cli_session:"


class SessionRefused(PermissionDenied):
    """The saved session can no longer be used; the message says why and what to do."""


@dataclass(frozen=True)
class OpenedSession:
    token: str
    actor: Actor
    expires_at: dt.datetime  # naive UTC

    @property
    def expires_local(self) -> dt.datetime:
        return local_time(self.expires_at)


def _key(token: str) -> str:
    return KEY_PREFIX + hashlib.sha256(token.encode()).hexdigest()


def _fingerprint(password_hash: str | None) -> str:
    return hashlib.sha256((password_hash or "").encode()).hexdigest()[:16]


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment (a service account)
        return "?"


def _prune(s: Session, now: dt.datetime) -> None:
    rows = s.execute(select(Setting.key, Setting.value)
                     .where(Setting.key.startswith(KEY_PREFIX, autoescape=True))).all()
    stale = [key for key, value in rows if _expiry(value) <= now]
    if stale:
        s.execute(delete(Setting).where(Setting.key.in_(stale)))


def _expiry(value: object) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(value["expires"]))  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        return dt.datetime.min


def open_session(ctx: Context, actor: Actor, *, hours: int = SESSION_HOURS,
                 clock: Clock = utcnow) -> OpenedSession:
    """A new session for ``actor``, who has just given their password (``authenticate``)."""
    now = clock()
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(hours=hours)
    with ctx.write() as s:
        _prune(s, now)
        password_hash = s.scalar(select(Operator.password_hash).where(Operator.id == actor.id))
        s.execute(insert(Setting).values(
            key=_key(token), version=1, created_at=now, updated_at=now,
            value={"operator_id": actor.id, "expires": expires.isoformat(timespec="seconds"),
                   "os_user": _os_user(), "password": _fingerprint(password_hash)}))
        s.info["actor_id"] = actor.id
        audit.record(s, "cli_session", entity="operator", entity_id=actor.id,
                     detail=f"sessione da riga di comando aperta fino alle "
                            f"{local_time(expires):%H:%M del %d/%m/%Y}")
    return OpenedSession(token, actor, expires)


def resume(ctx: Context, token: str, *, clock: Clock = utcnow) -> Actor:
    """The operator of a saved session, or ``SessionRefused`` saying why."""
    now = clock()
    with ctx.read() as s:
        value = s.scalar(select(Setting.value).where(Setting.key == _key(token)))
        if value is None:
            raise SessionRefused("La sessione non è più valida (uscita o revocata).")
        if _expiry(value) <= now:
            raise SessionRefused("La sessione è scaduta.")
        op = s.get(Operator, value.get("operator_id") if isinstance(value, dict) else None)
        if op is None or not op.active:
            raise SessionRefused("L'account della sessione è disattivato o non esiste più.")
        if op.must_change_password:
            raise SessionRefused("La password dell'account va cambiata prima di continuare.")
        if value.get("password") != _fingerprint(op.password_hash):
            raise SessionRefused("La password è stata cambiata dopo l'accesso.")
        return Actor(op.id, op.username, op.full_name, op.role, op.office_id)


def close_session(ctx: Context, token: str) -> bool:
    """Revoke a session (``logout``); False when it was already gone."""
    with ctx.write() as s:
        row = s.execute(select(Setting.value).where(Setting.key == _key(token))).first()
        if row is None:
            return False
        s.execute(delete(Setting).where(Setting.key == _key(token)))
        operator_id = row[0].get("operator_id") if isinstance(row[0], dict) else None
        s.info["actor_id"] = operator_id
        audit.record(s, "logout", entity="operator", entity_id=operator_id,
                     detail="uscita dalla riga di comando")
        return True

