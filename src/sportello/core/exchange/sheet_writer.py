"""Sheets written from plain rows: our export layout, and the blank template to hand out.

Our layout: one sheet, one header row, real Excel types. Dates are dates, amounts are
numbers in euro, codici fiscali and phones are text; the header is bold and frozen with an
autofilter; no cell is ever a formula (``exchange.xlsx``). Written with openpyxl's
write-only mode, so rows can stream from a query. No database here: the caller
(``services.export``) passes the rows in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sportello.core.errors import SportelloError
from sportello.core.exchange.profiles import FIELDS
from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text, text_cell


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, date, datetime, int, number, euro, bool
    width: float = 16


def _cell_value(column: Column, value: object) -> object:
    if value is None:
        return None
    if column.kind == "euro":
        return int(value) / 100  # type: ignore[call-overload]
    if column.kind == "bool":
        return "sì" if value else "no"
    if column.kind in ("date", "datetime", "int", "number"):
        return value
    return str(value)


def _converter(ws, column: Column,  # type: ignore[no-untyped-def]
               encode: Callable[[object], object] | None) -> Callable[[object], object]:
    """value -> what ``ws.append`` takes, for one column (built once: 100,000 rows call it).

    A formatted column (dates, money) reuses one styled cell: the write-only sheet writes
    each cell as it is appended, so the next row may refill it.
    """
    from openpyxl.cell import WriteOnlyCell

    styled: WriteOnlyCell | None = None
    if column.kind in ("date", "datetime", "euro"):
        styled = WriteOnlyCell(ws)
        styled.number_format = _FORMATS[column.kind]

    def convert(value: object) -> object:
        if encode is not None:
            value = encode(value)
        value = _cell_value(column, value)
        if value is None:
            return None
        if styled is not None:
            styled.value = value
            return styled
        value = sheet_text(value)
        if isinstance(value, str) and looks_like_formula(value):
            return text_cell(ws, value)
        return value

    return convert


_FORMATS = {"date": "DD/MM/YYYY", "datetime": "DD/MM/YYYY HH:MM", "euro": '#,##0.00 "€"',
            "number": "0.##", "int": "0", "text": "@", "bool": "@"}


class SheetWriter:
    """One sheet in our layout: the header now, then ``write`` the rows, then ``save``."""

    def __init__(self, title: str, columns: Sequence[Column],
                 encoders: Sequence[Callable[[object], object] | None] = ()) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self.columns = tuple(columns)
        self.count = 0
        self._wb = Workbook(write_only=True)
        ws = self._ws = self._wb.create_sheet(title)
        for i, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        self._converters = [_converter(ws, column, encode)
                            for column, encode in zip(columns, encoders or
                                                      (None,) * len(columns), strict=True)]

    def write(self, rows: Iterable[Sequence[object]],
              progress: Callable[[int], bool] | None = None) -> int:
        """Append ``rows``; ``progress(count)`` every 2,000 rows, False cancels. The count."""
        ws, converters = self._ws, self._converters
        count = self.count
        for row in rows:
            ws.append([convert(value) for convert, value in zip(converters, row)])
            count += 1
            if progress and count % 2000 == 0 and not progress(count):
                raise SportelloError("Esportazione annullata: nessun file scritto.")
        self.count = count
        return count

    def save(self, out: Path) -> Path:
        """Write the file beside ``out`` and rename it over: it appears only when complete."""
        from openpyxl.utils import get_column_letter

        last = get_column_letter(len(self.columns))
        self._ws.auto_filter.ref = f"A1:{last}{self.count + 1}"
        return save_atomically(self._wb, out)


# --------------------------------------------------------------------------- blank templates

_LIST_LIMIT = 200  # longer code lists (the comuni) are checked on import, not offered



def write_blank_template(out: Path, title: str,
                         columns: Sequence[tuple[str, str | None, str | None,
                                                 dict[str, str] | None]]) -> Path:
    """An empty workers sheet with drop-down lists on the coded columns and day-first dates.

    ``columns``: (header, field key, code list name, code list) in sheet order.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    codes_ws = wb.create_sheet("Codifiche")
    bold = Font(bold=True)
    rows = 2000
    list_column = 0
    for index, (header, key, codes, table) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        cell = ws.cell(row=1, column=index, value=header)
        cell.font = bold
        ws.column_dimensions[letter].width = max(12, min(30, len(header) + 4))
        spec = FIELDS.get(key or "")
        if spec is not None and spec.kind == "date":
            for row in range(2, rows + 2):
                ws.cell(row=row, column=index).number_format = "DD/MM/YYYY"
        values: list[str] = []
        if spec is not None and spec.key == "sex":
            values = ["M", "F"]
        elif table and codes == "ammortizzatore":
            values = list(table.values())  # the safety net by name (CIGS, NASpI), as lists do
        elif table and len(table) <= _LIST_LIMIT:
            values = list(table)
        if not values:
            continue
        list_column += 1
        code_letter = get_column_letter(list_column)
        codes_ws.cell(row=1, column=list_column, value=header).font = bold
        for row, value in enumerate(values, start=2):
            codes_ws.cell(row=row, column=list_column, value=value)
        described = ", ".join(f"{k} = {v}" for k, v in (table or {}).items())[:250]
        check = DataValidation(type="list", allow_blank=True, showErrorMessage=True,
                               formula1=f"=Codifiche!${code_letter}$2:${code_letter}$"
                                        f"{len(values) + 1}",
                               errorTitle="Valore non previsto",
                               error=f"Scegliere un valore dall'elenco. {described}".strip(),
                               promptTitle=header[:32], prompt=described or "M o F")
        check.add(f"{letter}2:{letter}{rows + 1}")
        ws.add_data_validation(check)
    ws.freeze_panes = "A2"
    if not list_column:
        wb.remove(codes_ws)
    save_atomically(wb, out)
    return out
