"""Writing xlsx cells safely: no cell is ever a formula, no character xlsx cannot store.

Text starting with = + - @, tab, CR or LF is written as a string cell with Excel's "quote
prefix" set, so it shows exactly as typed and stays text even when the cell is edited.
Used by every sheet Sportello writes: exports, error reports, the audit log, access reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from sportello.core.paths import replaced_atomically

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def sheet_text(value: object) -> object:
    """A value a sheet can hold: control characters that xlsx cannot store (and that
    openpyxl refuses with IllegalCharacterError) are dropped from texts; the rules keep
    new ones out, this keeps any older or foreign value from breaking an export."""
    if isinstance(value, str) and _NOT_IN_XLSX.search(value):
        return _NOT_IN_XLSX.sub("", value)
    return value


def save_atomically(wb, out: Path) -> Path:  # type: ignore[no-untyped-def]
    """Save a workbook beside ``out``, then rename it over: never a half-written file."""
    with replaced_atomically(out) as tmp:
        wb.save(tmp)
    return out


def text_cell(ws, value: str):  # type: ignore[no-untyped-def]
    """A cell that is text whatever it starts with (openpyxl makes "=..." a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def rows_of(path: Path | str) -> Iterator[tuple[object, ...]]:
    """Read back an exported sheet (tests and round trips)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    try:
        yield from wb.worksheets[0].iter_rows(values_only=True)
    finally:
        wb.close()
