"""Cell values -> field values, with Italian reasons when a cell cannot be used.

Each converter takes the raw cell (str, int, float, bool, date, datetime, time,
timedelta or None, as calamine returns it) and returns the clean value, or raises
``CellError`` with a message that names the problem (the caller adds row and column).
The rules themselves are ``core.rules.fields``, the ones the file window's service applies
(same verdicts, same messages); what is here is reading a cell, written for speed: 20,000
rows x 25 columns pass through here.
"""

from __future__ import annotations

import datetime as dt
import re

from sportello.core import codice_fiscale as cf
from sportello.core.exchange.profiles import CODE_ALIASES
from sportello.core.text import normalise_header
from sportello.core.rules import fields

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01 (with Excel's 1900 leap bug)
_CONTROL = fields.CONTROL
_DATE_TEXT = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_BELFIORE = re.compile(r"[A-Z]\d{3}")


class CellError(ValueError):
    """A cell that cannot be used; the message is Italian and says why."""


class CellWarning:
    """Returned next to a value when it was used but deserves a look."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message


def _show(value: object) -> str:
    if isinstance(value, dt.datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(value: object) -> str:
    return _show(value)


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def text(value: object, *, allow_numbers: bool = True) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return fields.line(value, limit=len(value))  # the field's limit comes later
        except fields.RuleError as exc:
            raise CellError(str(exc)) from None
    if isinstance(value, bool):
        raise CellError(f"contiene un valore logico ({'VERO' if value else 'FALSO'}), serve un "
                        "testo")
    if isinstance(value, (int, float)):
        if not allow_numbers:
            raise CellError(f"contiene il numero {_show(value)}, serve un testo")
        return _number_text(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(f"contiene una data o un'ora ({_show(value)}), serve un testo")
    raise CellError("contiene un valore non riconosciuto")


def name(value: object) -> str | None:
    found = text(value, allow_numbers=False)
    if found is not None and not any(ch.isalpha() for ch in found):
        raise CellError(f"«{_show(found)}» non è un nome")
    return found


def excel_serial(serial: float) -> dt.date:
    if not 1 <= serial < 2958466:
        raise CellError(f"il numero {_show(serial)} non è una data")
    return EXCEL_EPOCH + dt.timedelta(days=int(serial))


# Dates outside these years are typos or cells the reader could not make a date of (a
# date cell holding 0 or a negative number: 30/12/1899 or a bare time of day).
DATE_MIN, DATE_MAX = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def date(value: object) -> dt.date | None:
    """A date in the years 1900-2199 (``any_date``), else ``CellError``."""
    if isinstance(value, dt.time):
        raise CellError(f"contiene solo un'ora ({value:%H:%M}), non una data: se nel file si "
                        "vede una data, il numero nella cella è fuori dall'intervallo delle date")
    found = any_date(value)
    if found is not None and not DATE_MIN <= found <= DATE_MAX:
        raise CellError(f"la data {found:%d/%m/%Y} è fuori dall'intervallo ammesso (anni "
                        f"{DATE_MIN.year}-{DATE_MAX.year})")
    return found


def any_date(value: object) -> dt.date | None:
    """Dates as dates, as Excel serial numbers, or as day-first text ("03/04/1978")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("contiene un valore logico, serve una data")
    if isinstance(value, (int, float)):
        return excel_serial(float(value))
    if isinstance(value, str):
        raw = value.strip()
        if not raw:
            return None
        if _CONTROL.search(raw):
            raise CellError("contiene caratteri di controllo non ammessi")
        m = _DATE_TEXT.fullmatch(raw)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
            if len(year) == 2:
                yy = int(year)
                this = dt.date.today().year % 100
                full = (2000 + yy) if yy <= this else (1900 + yy)
            else:
                full = int(year)
            try:
                return dt.date(full, month, day)
            except ValueError:
                raise CellError(f"«{raw}» non è una data esistente (giorno/mese/anno)") from None
        m = _ISO_DATE.fullmatch(raw)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise CellError(f"«{raw}» non è una data esistente") from None
        if raw.replace(".", "", 1).isdigit():
            return excel_serial(float(raw))
        raise CellError(f"«{_show(raw)}» non è una data (scrivere gg/mm/aaaa)")
    raise CellError(f"contiene {_show(value)}, serve una data")


def phone(value: object) -> tuple[str | None, CellWarning | None]:
    """As typed; a number stored as a number loses ".0" (and its leading 0, put back for
    landlines, with a warning)."""
    if value is None:
        return None, None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(f"contiene {_show(value)}, serve un numero di telefono")
    warning = None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(f"«{_show(value)}» non è un numero di telefono")
        found = str(int(value))
        if found[0] not in "3" and not found.startswith("39") and 5 <= len(found) <= 10:
            found = "0" + found
            warning = CellWarning("il numero era salvato come numero: aggiunto lo 0 iniziale "
                                  "perso da Excel")
    else:
        found = text(value) or ""
        if found.endswith(".0") and found[:-2].isdigit():
            found = found[:-2]
    if not found:
        return None, None
    try:
        return fields.phone(found), warning
    except fields.RuleError as exc:
        raise CellError(str(exc)) from None


def cap(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(f"contiene {_show(value)}, serve un CAP di 5 cifre")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not value.is_integer():
            raise CellError(f"«{_show(value)}»: servono 5 cifre")
        found = str(int(value)).zfill(5)  # 00100 saved as a number is 100
    else:
        found = "".join((text(value) or "").split())
        if found.endswith(".0") and found[:-2].isdigit():
            found = found[:-2].zfill(5)
    try:
        return fields.cap(found)
    except fields.RuleError as exc:
        raise CellError(str(exc)) from None


def province(value: object) -> str | None:
    found = text(value, allow_numbers=False)
    if found is None:
        return None
    try:
        return fields.province(found)
    except fields.RuleError as exc:
        raise CellError(str(exc)) from None


_SEX = {"m": "M", "maschio": "M", "maschile": "M", "uomo": "M", "f": "F", "femmina": "F",
        "femminile": "F", "donna": "F"}


def sex(value: object) -> str | None:
    found = text(value, allow_numbers=False)
    if found is None:
        return None
    mapped = _SEX.get(found.lower())
    if mapped is None:
        raise CellError(f"«{_show(found)}»: il sesso deve essere M o F")
    return mapped


def email(value: object) -> str | None:
    found = text(value, allow_numbers=False)
    if found is None:
        return None
    try:
        return fields.email(found)
    except fields.RuleError as exc:
        raise CellError(str(exc)) from None


def number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("contiene un valore logico, serve un numero")
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        raw = value.strip().replace(",", ".")
        if not raw:
            return None
        try:
            return float(raw)
        except ValueError:
            raise CellError(f"«{_show(value)}» non è un numero") from None
    raise CellError(f"contiene {_show(value)}, serve un numero")


def codice_fiscale(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CellError(f"contiene {_show(value)}, serve un codice fiscale")
    if _CONTROL.search(value):
        raise CellError("contiene caratteri di controllo non ammessi")
    code = cf.normalise(value)
    if not code:
        return None
    if not cf.is_valid(code):
        try:
            cf.decode(code)
        except cf.InvalidCodiceFiscale as exc:
            raise CellError(str(exc)) from None
    return code


def code(value: object, table: dict[str, str], list_name: str) -> tuple[str, str] | None:
    """(code, description) from a code or a description of ``table``."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        raw = str(value)
        width = max((len(k) for k in table if k.isdigit()), default=0)
        if width:
            raw = raw.zfill(width)  # "000" Italiana saved as the number 0
    else:
        raw = text(value, allow_numbers=False) or ""
    if not raw:
        return None
    for key in (raw, raw.upper()):
        if key in table:
            return key, table[key]
    folded = normalise_header(raw)
    for key, label in table.items():
        if normalise_header(label) == folded:
            return key, label
    aliases = CODE_ALIASES.get(list_name, {})
    alias = aliases.get(raw.lower()) or next(
        (code for written, code in aliases.items() if normalise_header(written) == folded), None)
    if alias and alias in table:
        return alias, table[alias]
    choices = ", ".join(f"{k} ({v})" for k, v in list(table.items())[:6])
    more = "..." if len(table) > 6 else ""
    raise CellError(f"«{_show(raw)}» non è un codice previsto: {choices}{more}")


# --------------------------------------------------------------------------- places


def place(value: object, on: dt.date | None = None) -> tuple[str, str | None, str | None]:
    """(name, belfiore, province) from a Belfiore code or a comune/country name."""
    raw = text(value, allow_numbers=False)
    if raw is None:
        raise CellError("vuoto")
    upper = raw.upper()
    if _BELFIORE.fullmatch(upper):
        found = cf.birthplace(upper, on) if on else cf.birthplace(upper)
        if found is None and on is not None:
            found = cf.birthplace(upper)
        if found is None:
            raise CellError(f"«{raw}» non è un codice di comune o stato conosciuto")
        return found[0], upper, found[1]
    matches = cf.places_by_name().get(normalise_header(raw))
    if matches:
        codes = {m[0] for m in matches}
        belfiore, name_, prov = matches[0]
        return name_, (belfiore if len(codes) == 1 else None), prov
    return raw, None, None
