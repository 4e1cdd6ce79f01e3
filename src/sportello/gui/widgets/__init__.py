"""Small widgets shared by the windows: text fields for dates and numbers that may stay empty."""

from __future__ import annotations

from sportello.gui.widgets.fields import (
    InvalidInput,
    NumberEdit,
    OptionalDateEdit,
    format_date,
    format_datetime,
    format_euro,
    format_number,
    mark_invalid,
    parse_date,
    parse_number,
)

__all__ = [
    "InvalidInput",
    "NumberEdit",
    "OptionalDateEdit",
    "format_date",
    "format_datetime",
    "format_euro",
    "format_number",
    "mark_invalid",
    "parse_date",
    "parse_number",
]
