"""Dates, money and numbers as an Italian public office writes them."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "it_IT"


@lru_cache(maxsize=4096)
def long_date(day: dt.date) -> str:
    """23 novembre 2026; the first of the month is written 1° dicembre 2026."""
    text = format_date(day, "d MMMM y", locale=LOCALE)
    return f"1°{text[1:]}" if day.day == 1 else text


@lru_cache(maxsize=4096)
def long_date_weekday(day: dt.date) -> str:
    """lunedì 7 dicembre 2026."""
    weekday = format_date(day, "EEEE", locale=LOCALE)
    return f"{weekday} {long_date(day)}"


def short_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def clock(moment: dt.datetime | dt.time) -> str:
    """9:30, 14:00 (Italian letters write hours without a leading zero)."""
    return f"{moment.hour}:{moment.minute:02d}"


def euro(cents: int) -> str:
    """€ 1.250,00."""
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"


def number(value: float) -> str:
    """12,5 / 1.234 (no trailing zeros)."""
    return format_decimal(round(value, 2), format="#,##0.##", locale=LOCALE)


def percent(value: float) -> str:
    """85,5% (halves rounded up, as on paper: 86,25 -> 86,3)."""
    rounded = Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{number(float(rounded))}%"
