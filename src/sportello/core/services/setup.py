"""First run: the office and its first administrator; who acts by default; the office's
details (letterhead, logo) and its opening hours and appointment length."""

from __future__ import annotations

import io
from dataclasses import dataclass

from sqlalchemy import func, select

from sportello.core.context import Actor, Context
from sportello.core.errors import ConflictError, ValidationError
from sportello.core.models import Office, OfficeKind, Operator, Role, Worker
from sportello.core import permissions
from sportello.core.services import agenda, passwords


@dataclass(frozen=True)
class OfficeData:
    code: str
    name: str
    kind: str = OfficeKind.CPI
    address: str | None = None
    comune: str | None = None
    cap: str | None = None
    provincia: str | None = None
    phone: str | None = None
    email: str | None = None
    pec: str | None = None
    signatory_name: str | None = None
    signatory_role: str | None = None


@dataclass(frozen=True)
class AdminData:
    username: str
    full_name: str
    password: str
    email: str | None = None


def is_initialised(ctx: Context) -> bool:
    """True once an office with an active administrator exists."""
    with ctx.read() as s:
        return bool(
            s.scalar(
                select(func.count(Operator.id)).where(
                    Operator.role == Role.AMMINISTRATORE, Operator.active.is_(True)
                )
            )
        )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def validate_office(data: OfficeData) -> None:
    if not _clean(data.code):
        raise ValidationError("Il codice dell'ufficio è obbligatorio.", "code")
    if not _clean(data.name):
        raise ValidationError("Il nome dell'ufficio è obbligatorio.", "name")
    if data.kind not in OfficeKind.__members__.values():
        raise ValidationError(f"Tipo di ufficio non valido: {data.kind}.", "kind")
    if data.cap and not (data.cap.isdigit() and len(data.cap) == 5):
        raise ValidationError("Il CAP deve avere 5 cifre.", "cap")
    if data.provincia and len(data.provincia.strip()) != 2:
        raise ValidationError("La provincia va indicata con la sigla di 2 lettere.", "provincia")


def validate_admin(data: AdminData) -> None:
    username = _clean(data.username) or ""
    if len(username) < 3 or not username.replace(".", "").replace("_", "").isalnum():
        raise ValidationError(
            "Il nome utente deve avere almeno 3 caratteri: lettere, cifre, punto o trattino basso.",
            "username",
        )
    if not _clean(data.full_name):
        raise ValidationError("Il nome e cognome dell'amministratore è obbligatorio.", "full_name")
    passwords.check_strength(data.password)


def initialise(ctx: Context, office: OfficeData, admin: AdminData) -> Actor:
    """Create the office and its first administrator in one transaction."""
    validate_office(office)
    validate_admin(admin)
    if is_initialised(ctx):
        raise ValidationError("Il database è già stato configurato.")
    with ctx.write() as s:
        row = Office(
            code=office.code.strip().upper(), name=office.name.strip(), kind=office.kind,
            address=_clean(office.address), comune=_clean(office.comune), cap=_clean(office.cap),
            provincia=(_clean(office.provincia) or "").upper() or None,
            phone=_clean(office.phone), email=_clean(office.email), pec=_clean(office.pec),
            signatory_name=_clean(office.signatory_name),
            signatory_role=_clean(office.signatory_role),
        )
        s.add(row)
        s.flush()
        op = Operator(
            office_id=row.id, username=admin.username.strip().lower(),
            full_name=admin.full_name.strip(), email=_clean(admin.email),
            role=Role.AMMINISTRATORE, password_hash=passwords.hash_password(admin.password),
        )
        s.add(op)
        s.flush()
        return Actor(op.id, op.username, op.full_name, op.role, op.office_id)


def default_actor(ctx: Context, username: str | None = None) -> Actor | None:
    """The named active operator, else the first administrator (a look-up: no password)."""
    with ctx.read() as s:
        query = select(Operator).where(Operator.active.is_(True))
        if username:
            query = query.where(Operator.username == username.strip().lower())
        else:
            query = query.where(Operator.role == Role.AMMINISTRATORE).order_by(Operator.id)
        op = s.scalars(query.limit(1)).first()
        if op is None:
            return None
        return Actor(op.id, op.username, op.full_name, op.role, op.office_id)


def worker_count(ctx: Context) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count(Worker.id))) or 0


# --------------------------------------------------------------------------- the office's letterhead

LOGO_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class OfficeDetail:
    id: int
    data: OfficeData
    has_logo: bool
    version: int


def _office_row(s, ctx: Context) -> Office:  # type: ignore[no-untyped-def]
    office_id = ctx.actor.office_id if ctx.actor else s.scalar(select(func.min(Office.id)))
    row = s.get(Office, office_id) if office_id is not None else None
    if row is None:
        raise ValidationError("Nessun ufficio configurato.")
    return row


def office_name(ctx: Context, office_id: int) -> str | None:
    with ctx.read() as s:
        return s.scalar(select(Office.name).where(Office.id == office_id))


def office(ctx: Context) -> OfficeDetail:
    """The acting operator's office, as the letterhead prints it."""
    with ctx.read() as s:
        row = _office_row(s, ctx)
        return OfficeDetail(row.id, OfficeData(
            code=row.code, name=row.name, kind=row.kind, address=row.address, comune=row.comune,
            cap=row.cap, provincia=row.provincia, phone=row.phone, email=row.email, pec=row.pec,
            signatory_name=row.signatory_name, signatory_role=row.signatory_role),
            row.logo is not None, row.version)


def update_office(ctx: Context, data: OfficeData, *, expected_version: int | None = None) -> None:
    """Change the office's details (letterhead, contacts, signatory): administrators only."""
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "modificare i dati dell'ufficio")
    validate_office(data)
    with ctx.write() as s:
        row = _office_row(s, ctx)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError("Qualcun altro ha modificato i dati dell'ufficio nel frattempo: "
                                "riaprire le impostazioni e riprovare.")
        row.code, row.name, row.kind = data.code.strip().upper(), data.name.strip(), data.kind
        row.address, row.comune, row.cap = _clean(data.address), _clean(data.comune), _clean(data.cap)
        row.provincia = (_clean(data.provincia) or "").upper() or None
        row.phone, row.email, row.pec = _clean(data.phone), _clean(data.email), _clean(data.pec)
        row.signatory_name = _clean(data.signatory_name)
        row.signatory_role = _clean(data.signatory_role)


def set_logo(ctx: Context, image: bytes | None) -> None:
    """The letterhead's logo (PNG or JPEG, at most 2 MB), or none: administrators only."""
    permissions.require(ctx.actor, Role.AMMINISTRATORE, "cambiare il logo dell'ufficio")
    if image is not None:
        if len(image) > LOGO_MAX_BYTES:
            raise ValidationError("Il logo supera i 2 MB: usare un'immagine più leggera.", "logo")
        if not (image.startswith(b"\x89PNG\r\n\x1a\n") or image.startswith(b"\xff\xd8\xff")):
            raise ValidationError("Il logo deve essere un'immagine PNG o JPEG.", "logo")
        try:
            from reportlab.lib.utils import ImageReader  # only when a logo is set

            width, height = ImageReader(io.BytesIO(image)).getSize()
        except Exception:  # noqa: BLE001 - any unreadable image is the same to the clerk
            raise ValidationError("Il file del logo è danneggiato o non è un'immagine.",
                                  "logo") from None
        if not (width and height):
            raise ValidationError("Il logo è un'immagine vuota.", "logo")
    with ctx.write() as s:
        _office_row(s, ctx).logo = image


# --------------------------------------------------------------------------- opening hours


def set_office_hours(ctx: Context, opening: dict[str, str], slot_minutes: int, *,
                     expected_version: int | None = None) -> agenda.OfficeHours:
    """The office's opening hours (per weekday key, e.g. "09:00-12:30, 14:30-16:30"; empty:
    closed) and the length of one appointment: a responsabile or an administrator. Every
    booking, the free slots and the call-in follow them (``agenda.check_bookable``)."""
    permissions.require(ctx.actor, Role.RESPONSABILE, "cambiare l'orario di apertura")
    hours = agenda.make_hours(opening, slot_minutes)
    with ctx.write() as s:
        row = _office_row(s, ctx)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError("Qualcun altro ha modificato i dati dell'ufficio nel frattempo: "
                                "riaprire le impostazioni e riprovare.")
        row.preferences = {**(row.preferences or {}), **hours.as_preferences()}
    return hours
