"""Operator accounts: login, lockout, passwords, roles, and the security settings.

Login (``authenticate``):
- the answer to a wrong user name and to a wrong password is the same message, and an
  unknown user name costs the same argon2 verification as a known one;
- every failure is counted on the operator (``failed_logins``) and slows the next
  attempt down: after failure *k* the account refuses any attempt for
  ``delay_seconds * 2**(k-1)`` seconds (capped at ``max_delay_seconds``); the window is
  kept in ``locked_until``, so it holds across processes and PCs and needs no sleeping;
- at ``max_failures`` failures the account is locked for ``lock_minutes``; when that
  lock has expired the count starts again from zero; an administrator can unlock it
  (``unlock``) or reset the password (``reset_password``);
- the bookkeeping columns are written with Core statements that leave ``version`` alone
  (an administrator editing the account in a window is not disturbed), and every
  login, failed login, logout and screen unlock gets its own audit row in the same
  transaction.

Times are naive UTC like every stored timestamp; ``clock`` is injectable for tests.
Only an administrator creates, edits, unlocks and resets operators and changes the
security settings; everyone may change their own password.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from functools import cache

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sportello.core.context import Actor, Context
from sportello.core.errors import NotFound, PermissionDenied, ValidationError
from sportello.core.models import Office, Operator, Role, Setting, utcnow
from sportello.core import audit, permissions
from sportello.core.services import passwords
from sportello.core.services.records import update_record

Clock = Callable[[], dt.datetime]

SECURITY_KEY = "security"
ROLE_LABELS = {
    Role.OPERATORE: "operatore",
    Role.RESPONSABILE: "responsabile",
    Role.AMMINISTRATORE: "amministratore",
}
# A hash that verifies nothing: an unknown user name costs the same time as a known one.
_DUMMY_PASSWORD = "sportello-utente-inesistente-0"


# --------------------------------------------------------------------------- errors


class LoginFailed(PermissionDenied):
    """A refused login; the message is meant for the login dialog."""


class WrongCredentials(LoginFailed):
    def __init__(self) -> None:
        super().__init__("Nome utente o password errati.")


class AccountLocked(LoginFailed):
    """Too many failures: ``until`` (naive UTC) says when to try again."""

    def __init__(self, until: dt.datetime, *, long_lock: bool, now: dt.datetime) -> None:
        self.until = until
        self.long_lock = long_lock
        self.retry_after_seconds = max(1, int((until - now).total_seconds() + 0.999))
        if long_lock:
            message = (
                "Troppi tentativi falliti: l'account è bloccato fino alle "
                f"{local_time(until):%H:%M}. Riprovare più tardi o chiedere a un "
                "amministratore di sbloccarlo."
            )
        else:
            message = (
                "Tentativo non valido: attendere "
                f"{_seconds(self.retry_after_seconds)} prima di riprovare."
            )
        super().__init__(message)


class AccountInactive(LoginFailed):
    def __init__(self) -> None:
        super().__init__("L'account è disattivato: rivolgersi a un amministratore.")


def _seconds(n: int) -> str:
    return "1 secondo" if n == 1 else f"{n} secondi"


def local_time(at_utc: dt.datetime) -> dt.datetime:
    """A stored naive-UTC timestamp as naive local time, for showing."""
    return at_utc.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class SecurityPolicy:
    """Stored in ``Setting('security')``; the GUI reads ``idle_lock_minutes``."""

    idle_lock_minutes: int = 10  # 0: never lock the screen
    max_failures: int = 5
    lock_minutes: int = 15
    delay_seconds: float = 1.0
    max_delay_seconds: float = 30.0

    def delay_after(self, failures: int) -> dt.timedelta:
        seconds = min(self.max_delay_seconds, self.delay_seconds * 2 ** max(failures - 1, 0))
        return dt.timedelta(seconds=seconds)

    def validate(self) -> None:
        if not 0 <= self.idle_lock_minutes <= 24 * 60:
            raise ValidationError(
                "Il blocco per inattività va da 0 (mai) a 1440 minuti.", "idle_lock_minutes")
        if not 1 <= self.max_failures <= 100:
            raise ValidationError("I tentativi prima del blocco vanno da 1 a 100.", "max_failures")
        if not 1 <= self.lock_minutes <= 24 * 60:
            raise ValidationError("La durata del blocco va da 1 a 1440 minuti.", "lock_minutes")
        if not 0 <= self.delay_seconds <= self.max_delay_seconds <= 600:
            raise ValidationError(
                "Il rallentamento va da 0 a 600 secondi (e non oltre il massimo).",
                "delay_seconds")


def _policy_in(session: Session) -> SecurityPolicy:
    row = session.get(Setting, SECURITY_KEY)
    stored = (row.value if row is not None else None) or {}
    known = {f.name for f in fields(SecurityPolicy)}
    try:
        return SecurityPolicy(**{k: v for k, v in stored.items() if k in known})
    except TypeError:
        return SecurityPolicy()


def get_policy(ctx: Context) -> SecurityPolicy:
    """Readable by anyone (the login dialog needs it before a login)."""
    with ctx.read() as s:
        return _policy_in(s)


def set_policy(ctx: Context, policy: SecurityPolicy) -> SecurityPolicy:
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "cambiare le regole di accesso")
    policy.validate()
    with ctx.write() as s:
        row = s.get(Setting, SECURITY_KEY)
        if row is None:
            s.add(Setting(key=SECURITY_KEY, value=asdict(policy)))
        else:
            row.value = asdict(policy)
    return policy


def idle_lock_minutes(ctx: Context) -> int:
    return get_policy(ctx).idle_lock_minutes


def set_idle_lock_minutes(ctx: Context, minutes: int) -> None:
    current = get_policy(ctx)
    set_policy(ctx, SecurityPolicy(**{**asdict(current), "idle_lock_minutes": int(minutes)}))


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class OperatorInfo:
    id: int
    version: int
    username: str
    full_name: str
    email: str | None
    role: str
    active: bool
    must_change_password: bool
    failed_logins: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    office_id: int

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(Role(self.role), self.role)

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())


@dataclass(frozen=True)
class OperatorData:
    username: str
    full_name: str
    password: str
    role: str = Role.OPERATORE
    email: str | None = None
    office_id: int | None = None  # default: the acting administrator's office


def _info(op: Operator) -> OperatorInfo:
    return OperatorInfo(op.id, op.version, op.username, op.full_name, op.email, op.role,
                        bool(op.active), bool(op.must_change_password), op.failed_logins or 0,
                        op.locked_until, op.last_login_at, op.office_id)


def _actor(op: Operator) -> Actor:
    return Actor(op.id, op.username, op.full_name, op.role, op.office_id)


# --------------------------------------------------------------------------- login


def _shown(username: str | None) -> str:
    """A typed user name as the log keeps it: short, control characters as "?" (a name
    with terminal escapes must not redraw the screen of whoever reads the log)."""
    return "".join(c if c.isprintable() else "?" for c in (username or "").strip()[:60])


def _find(session: Session, username: str) -> Operator | None:
    name = (username or "").strip().lower()
    if not name:
        return None
    return session.scalars(select(Operator).where(Operator.username == name)).first()


def authenticate(ctx: Context, username: str, password: str, *, clock: Clock = utcnow,
                 action: str = "login", detail: str | None = None) -> Actor:
    """The operator behind ``username``/``password``, or a refusal (``LoginFailed``).

    ``action`` names the audit row: "login" at start, "unlock" for the idle screen lock;
    ``detail`` replaces its default wording (the command line says where the login came from).
    The failure bookkeeping is committed even though the call raises.
    """
    now = clock()
    refusal: LoginFailed | None = None
    with ctx.write() as s:
        policy = _policy_in(s)
        op = _find(s, username)
        if op is None:
            passwords.verify_password(_dummy_hash(), password or "")
            s.info["actor_id"] = None
            audit.record(s, "login_failed", entity="operator",
                         detail=f"nome utente sconosciuto: «{_shown(username)}»")
            refusal = WrongCredentials()
        else:
            s.info["actor_id"] = op.id
            failures = op.failed_logins or 0
            if op.locked_until is not None and op.locked_until > now:
                audit.record(s, "login_refused", entity="operator", entity_id=op.id,
                             detail=f"account bloccato fino a {op.locked_until:%Y-%m-%d %H:%M:%S} UTC")
                refusal = AccountLocked(op.locked_until, long_lock=failures >= policy.max_failures,
                                        now=now)
            elif not passwords.verify_password(op.password_hash, password or ""):
                if failures >= policy.max_failures:  # the last lock has expired: start again
                    failures = 0
                failures += 1
                long_lock = failures >= policy.max_failures
                until = now + (dt.timedelta(minutes=policy.lock_minutes) if long_lock
                               else policy.delay_after(failures))
                s.execute(update(Operator).where(Operator.id == op.id)
                          .values(failed_logins=failures, locked_until=until)
                          .execution_options(synchronize_session=False))
                audit.record(s, "login_failed", entity="operator", entity_id=op.id,
                             changes={"failed_logins": [op.failed_logins or 0, failures]},
                             detail=("password errata; account bloccato per "
                                     f"{policy.lock_minutes} minuti") if long_lock
                             else f"password errata (tentativo {failures})")
                refusal = WrongCredentials()
            elif not op.active:
                audit.record(s, "login_refused", entity="operator", entity_id=op.id,
                             detail="account disattivato")
                refusal = AccountInactive()
            else:
                s.execute(update(Operator).where(Operator.id == op.id)
                          .values(failed_logins=0, locked_until=None, last_login_at=now)
                          .execution_options(synchronize_session=False))
                audit.record(s, action, entity="operator", entity_id=op.id,
                             detail=detail or ("accesso" if action == "login"
                                               else "sblocco dello schermo"))
                return _actor(op)
    assert refusal is not None
    raise refusal


def unlock_screen(ctx: Context, password: str, *, clock: Clock = utcnow) -> Actor:
    """The idle lock: the same operator types their password again (counted like a login)."""
    if ctx.actor is None:
        raise PermissionDenied("Nessun operatore collegato.")
    return authenticate(ctx, ctx.actor.username, password, clock=clock, action="unlock")


def logout(ctx: Context) -> None:
    if ctx.actor is None:
        return
    with ctx.write() as s:
        audit.record(s, "logout", entity="operator", entity_id=ctx.actor.id, detail="uscita")


def must_change_password(ctx: Context, actor: Actor | None = None) -> bool:
    """True when the operator must choose a new password before working (after a reset)."""
    who = actor or ctx.actor
    if who is None:
        return False
    with ctx.read() as s:
        return bool(s.scalar(select(Operator.must_change_password).where(Operator.id == who.id)))


@cache
def _dummy_hash() -> str:
    return passwords.hash_password(_DUMMY_PASSWORD)


# --------------------------------------------------------------------------- passwords


def _operator(s: Session, operator_id: int) -> Operator:
    op = s.get(Operator, operator_id)
    if op is None:
        raise NotFound("Operatore non trovato.")
    return op


def change_password(ctx: Context, old_password: str, new_password: str) -> None:
    """The acting operator changes their own password (the old one is asked again)."""
    if ctx.actor is None:
        raise PermissionDenied("Nessun operatore collegato.")
    passwords.check_strength(new_password)
    if new_password == old_password:
        raise ValidationError("La nuova password deve essere diversa da quella attuale.",
                              "password")
    with ctx.write() as s:
        op = _operator(s, ctx.actor.id)
        if not passwords.verify_password(op.password_hash, old_password or ""):
            raise ValidationError("La password attuale non è corretta.", "old_password")
        op.password_hash = passwords.hash_password(new_password)
        op.must_change_password = False
        audit.record(s, "password_change", entity="operator", entity_id=op.id,
                     detail="password cambiata dall'operatore")


def reset_password(ctx: Context, operator_id: int, new_password: str) -> OperatorInfo:
    """An administrator sets a temporary password; the operator must change it at login."""
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "reimpostare la password di un operatore")
    passwords.check_strength(new_password)
    with ctx.write() as s:
        op = _operator(s, operator_id)
        op.password_hash = passwords.hash_password(new_password)
        op.must_change_password = True
        op.failed_logins = 0
        op.locked_until = None
        audit.record(s, "password_reset", entity="operator", entity_id=op.id,
                     detail=f"password di {op.username} reimpostata")
        s.flush()
        return _info(op)


def unlock(ctx: Context, operator_id: int) -> OperatorInfo:
    """An administrator lifts a lockout (the password stays as it is)."""
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "sbloccare un operatore")
    with ctx.write() as s:
        op = _operator(s, operator_id)
        op.failed_logins = 0
        op.locked_until = None
        s.flush()
        return _info(op)


# --------------------------------------------------------------------------- administration


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _check_role(role: str) -> str:
    if role not in set(Role):
        raise ValidationError(
            f"Ruolo non valido: {role}. Possibili: operatore, responsabile, amministratore.",
            "role")
    return str(role)


def validate_username(username: str) -> str:
    name = (username or "").strip().lower()
    if len(name) < 3 or not name.replace(".", "").replace("_", "").isalnum():
        raise ValidationError(
            "Il nome utente deve avere almeno 3 caratteri: lettere, cifre, punto o trattino basso.",
            "username")
    if len(name) > 60:
        raise ValidationError("Il nome utente può avere al massimo 60 caratteri.", "username")
    return name


def create_operator(ctx: Context, data: OperatorData) -> OperatorInfo:
    """A new account; the first password is temporary (changed at the first login)."""
    admin = permissions.require(ctx.actor, Role.AMMINISTRATORE, "creare un operatore")
    username = validate_username(data.username)
    full_name = _clean(data.full_name)
    if not full_name:
        raise ValidationError("Il nome e cognome dell'operatore è obbligatorio.", "full_name")
    role = _check_role(data.role)
    passwords.check_strength(data.password)
    with ctx.write() as s:
        if s.scalar(select(Operator.id).where(Operator.username == username)) is not None:
            raise ValidationError(f"Il nome utente «{username}» è già usato.", "username")
        office_id = data.office_id or admin.office_id
        if s.get(Office, office_id) is None:
            raise ValidationError("Ufficio non trovato.", "office_id")
        op = Operator(office_id=office_id, username=username, full_name=full_name,
                      email=_clean(data.email), role=role, active=True,
                      must_change_password=True, failed_logins=0,
                      password_hash=passwords.hash_password(data.password))
        s.add(op)
        s.flush()
        return _info(op)


def _active_admins(session: Session) -> int:
    return session.scalar(select(func.count(Operator.id)).where(
        Operator.role == Role.AMMINISTRATORE, Operator.active.is_(True))) or 0


def update_operator(ctx: Context, operator_id: int, expected_version: int, *,
                    full_name: str | None = None, email: str | None = None,
                    role: str | None = None, active: bool | None = None) -> OperatorInfo:
    """Change name, email, role or active flag (None: unchanged).

    The last active administrator can be neither demoted nor deactivated.
    """
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "modificare un operatore")
    values: dict[str, object] = {}
    if full_name is not None:
        name = _clean(full_name)
        if not name:
            raise ValidationError("Il nome e cognome dell'operatore è obbligatorio.", "full_name")
        values["full_name"] = name
    if email is not None:
        values["email"] = _clean(email)
    if role is not None:
        values["role"] = _check_role(role)
    if active is not None:
        values["active"] = bool(active)
    with ctx.write() as s:
        op = _operator(s, operator_id)
        loses_admin = op.role == Role.AMMINISTRATORE and op.active and (
            values.get("role", op.role) != Role.AMMINISTRATORE
            or values.get("active", True) is False)
        if loses_admin and _active_admins(s) <= 1:
            raise ValidationError(
                "Deve restare almeno un amministratore attivo: nominarne un altro prima.", "role")
        changed = {k: v for k, v in values.items() if getattr(op, k) != v}
        update_record(s, Operator, operator_id, expected_version, changed)
        return _info(op)


def list_operators(ctx: Context, *, include_inactive: bool = True) -> list[OperatorInfo]:
    """Every account (administrators see the lock state; anyone may list them)."""
    permissions.require(ctx.actor, Role.OPERATORE, "vedere l'elenco degli operatori")
    query = select(Operator).order_by(Operator.full_name, Operator.id)
    if not include_inactive:
        query = query.where(Operator.active.is_(True))
    with ctx.read() as s:
        return [_info(op) for op in s.scalars(query)]


def get_operator(ctx: Context, operator_id: int) -> OperatorInfo:
    permissions.require(ctx.actor, Role.OPERATORE, "vedere un operatore")
    with ctx.read() as s:
        op = _operator(s, operator_id)
        return _info(op)
