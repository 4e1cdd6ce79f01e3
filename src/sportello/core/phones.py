"""Phone numbers read, checked and formatted with ``phonenumbers`` (Google's libphonenumber).

Numbers arrive as the clerk typed them or as a Region's sheet stored them ("347 1234567",
"+39 0141 123456", "3471234567.0"); Italian unless they carry an international prefix.
Reminders need numbers that reach a real line: ``parse`` says whether a number is valid
(not merely long enough) and whether it is a mobile (SMS), and gives the E.164 form the
SMS gateways take ("+393471234567") and the international form people read.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

REGION = "IT"
_MOBILE = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


@dataclass(frozen=True)
class Phone:
    raw: str
    e164: str  # +393471234567
    display: str  # +39 347 123 4567
    mobile: bool  # can receive an SMS


def _cleaned(raw: str) -> str:
    text = raw.strip()
    if text.endswith(".0") and text[:-2].replace(" ", "").isdigit():
        text = text[:-2]  # a number a spreadsheet stored as a float
    if text.startswith("00"):
        text = "+" + text[2:]
    return text


def parse(raw: object) -> Phone | None:
    """The number if it is a valid one (Italian by default), else None."""
    if raw is None:
        return None
    text = _cleaned(str(raw))
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, REGION)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return Phone(str(raw), phonenumbers.format_number(number, PhoneNumberFormat.E164),
                 phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
                 phonenumbers.number_type(number) in _MOBILE)


def problem(raw: object) -> str | None:
    """Why a typed number cannot be a phone number (Italian), or None when it can."""
    text = _cleaned(str(raw or ""))
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, REGION)
    except NumberParseException:
        return "non è un numero di telefono"
    if not phonenumbers.is_possible_number(number):
        return "numero troppo corto" if len(str(number.national_number)) < 6 else \
            "numero di lunghezza impossibile"
    return None


def best(*candidates: object) -> Phone | None:
    """The first valid number, a mobile preferred (the one a reminder should use)."""
    found = [p for p in (parse(c) for c in candidates) if p is not None]
    mobiles = [p for p in found if p.mobile]
    return (mobiles or found or [None])[0]
