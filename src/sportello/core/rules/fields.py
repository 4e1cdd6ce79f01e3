"""Text, lengths, e-mail, phone, CAP, province, birth date: the rules every writer applies.

Lengths: each field has a limit (``LIMITS``) at or below its database column, checked
here so that PostgreSQL never answers with a raw truncation error and a letter never
receives a 6,000-character surname. Free texts (notes, skills, reasons) keep their
line breaks; one-line fields fold any run of white space into one space. Control
characters (NUL, the C0 set but tab and line breaks, DEL) are refused: no spreadsheet,
PDF or database writer can carry them.
"""

from __future__ import annotations

import datetime as dt
import re

from sportello.core import phones

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
_PHONE_CHARS = re.compile(r"[0-9+ ()./\-]+")
_PROVINCE = re.compile(r"[A-Z]{2}")

MULTILINE_LIMIT = 5000
LINE_LIMIT = 200

# Worker fields (the file window, the import, the CLI); others default to LINE_LIMIT.
LIMITS = {
    "codice_fiscale": 40, "surname": 100, "name": 100, "birth_place": 100,
    "birth_place_code": 4, "citizenship": 60, "residence_address": 200,
    "residence_comune": 100, "domicile_address": 200, "domicile_comune": 100,
    "phone": 40, "mobile": 40, "email": 120, "education_level": 60, "education_title": 200,
    "driving_licence": 30, "privacy_notice_version": 20,
    "skills": MULTILINE_LIMIT, "notes": MULTILINE_LIMIT,
}
MULTILINE = frozenset({"skills", "notes"})


class RuleError(ValueError):
    """A value that cannot be used; the message is Italian and says why."""


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def line(value: object, limit: int = LINE_LIMIT) -> str | None:
    """A one-line text: white space folded, control characters refused, at most ``limit``."""
    if value is None:
        return None
    text = str(value)
    if CONTROL.search(text):
        raise RuleError("contiene caratteri di controllo non ammessi (forse da un copia e "
                        "incolla): riscriverlo")
    text = " ".join(text.split())
    if len(text) > limit:
        raise RuleError(f"è troppo lungo: {len(text)} caratteri, al massimo {limit}")
    return text or None


def lines(value: object, limit: int = MULTILINE_LIMIT) -> str | None:
    """A free text: line breaks kept (as \\n), spaces folded within each line, at most two
    empty lines in a row, control characters refused, at most ``limit`` characters."""
    if value is None:
        return None
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if CONTROL.search(text):
        raise RuleError("contiene caratteri di controllo non ammessi (forse da un copia e "
                        "incolla): riscriverlo")
    kept: list[str] = []
    for row in text.split("\n"):
        row = " ".join(row.split()) if row.strip() else ""
        if row or (len(kept) < 2 or kept[-1] or kept[-2]):
            kept.append(row)
    text = "\n".join(kept).strip("\n")
    if len(text) > limit:
        raise RuleError(f"è troppo lungo: {len(text)} caratteri, al massimo {limit}")
    return text or None


def field_text(key: str, value: object) -> str | None:
    """The text rule of a worker field: ``lines`` for free texts, ``line`` for the rest."""
    limit = LIMITS.get(key, MULTILINE_LIMIT if key in MULTILINE else LINE_LIMIT)
    return lines(value, limit) if key in MULTILINE else line(value, limit)


def email(value: object) -> str | None:
    found = line(value, LIMITS["email"])
    if found is None:
        return None
    found = found.lower()
    if " " in found or not _EMAIL.fullmatch(found):
        raise RuleError(f"«{_short(found)}» non è un indirizzo email valido")
    return found


def phone(value: object) -> str | None:
    """As typed (digits, spaces, + ( ) . / -), with at least 6 digits and no letters."""
    found = line(value, LIMITS["phone"])
    if found is None:
        return None
    if not _PHONE_CHARS.fullmatch(found):
        raise RuleError(f"«{_short(found)}» non è un numero di telefono (solo cifre, spazi e + - / .)")
    if sum(ch.isdigit() for ch in found) < 6:
        raise RuleError(f"«{_short(found)}»: numero troppo corto")
    why = phones.problem(found)  # libphonenumber's lengths per country and prefix
    if why:
        raise RuleError(f"«{_short(found)}»: {why}")
    return found


def cap(value: object) -> str | None:
    found = "".join((line(value, 20) or "").split())
    if not found:
        return None
    if not (found.isdigit() and len(found) == 5):
        raise RuleError(f"«{_short(found)}»: servono 5 cifre")
    return found


def province(value: object) -> str | None:
    found = line(value, 10)
    if found is None:
        return None
    found = found.upper().strip("() ")
    if not _PROVINCE.fullmatch(found):
        raise RuleError(f"«{_short(found)}»: indicare la sigla di 2 lettere")
    return found


def birth_date(value: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    """A birth date that is not in the future (``today`` defaults to the local date)."""
    if value is not None and value > (today or dt.date.today()):
        raise RuleError("La data di nascita è nel futuro")
    return value
