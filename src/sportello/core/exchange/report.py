"""The error report of an import: a copy of the sheet to send back to the Region.

Every row of the sheet where it was (same row numbers as the original, titles above the
header included), the cells with an error filled red and those with a warning or a
conflict yellow, and one more column, "Esito importazione", that explains each row in
Italian naming the column. A row skipped on purpose (the totals under the list) is not
coloured: its explanation says it was not imported and why. Written with openpyxl's
write-only mode; text that would look like a formula is written as text (as the exports
do).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from sportello.core.errors import ValidationError
from sportello.core.exchange.sheet_reader import SheetData, column_letter
from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text, text_cell

RESULT_HEADER = "Esito importazione"


class Finding(Protocol):
    """One remark on a row (``services.imports.Issue``)."""

    @property
    def row(self) -> int: ...  # as Excel numbers it

    @property
    def column(self) -> str | None: ...  # letter

    @property
    def header(self) -> str | None: ...

    @property
    def message(self) -> str: ...

    @property
    def level(self) -> str: ...  # "errore", "avviso" or "nota"


class HeaderRow(Protocol):
    @property
    def header_row(self) -> int: ...  # 1-based, as Excel shows it


class Checked(Protocol):
    """What the report needs of an analysed sheet (``services.imports.Analysis``): the
    report takes it as plain data and never imports the service."""

    @property
    def sheet(self) -> SheetData: ...

    @property
    def settings(self) -> HeaderRow: ...

    @property
    def row_issues(self) -> Mapping[int, Sequence[Finding]]: ...

    @property
    def skipped(self) -> Sequence[Finding]: ...


def write_error_report(analysis: Checked, out: Path | str) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("Il rapporto degli errori deve avere estensione .xlsx.", "report")
    sheet = analysis.sheet
    header_row = analysis.settings.header_row
    width = max((len(r) for r in sheet.rows), default=0)
    result_col = sheet.first_col + width  # 1-based column of the explanation
    red = PatternFill("solid", fgColor="FFC7CE")
    yellow = PatternFill("solid", fgColor="FFEB9C")
    green = PatternFill("solid", fgColor="C6EFCE")
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    wb = Workbook(write_only=True)
    ws = wb.create_sheet((sheet.name or "Foglio")[:31])
    ws.column_dimensions[column_letter(result_col)].width = 70
    ws.freeze_panes = f"A{header_row + 1}"
    for _ in range(1, sheet.first_row):
        ws.append([])
    issues = analysis.row_issues
    skipped = {note.row: note.message for note in analysis.skipped}
    for i, row in enumerate(sheet.rows):
        rownum = sheet.first_row + i
        found = issues.get(rownum, [])
        by_col: dict[str, str] = {}
        for issue in found:
            if issue.column:
                level = by_col.get(issue.column)
                by_col[issue.column] = "errore" if issue.level == "errore" or level == "errore" \
                    else "avviso"
        cells: list[object] = [None] * (sheet.first_col - 1)
        for j, value in enumerate(row):
            letter = column_letter(sheet.first_col + j)
            if value == "":
                value = None
            if isinstance(value, (dt.time, dt.timedelta)):
                value = str(value)
            level = by_col.get(letter)
            value = sheet_text(value)
            if isinstance(value, str) and looks_like_formula(value):
                cell = text_cell(ws, value)
            else:
                cell = WriteOnlyCell(ws, value=value)
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
            if rownum == header_row:
                cell.font = bold
            if level:
                cell.fill = red if level == "errore" else yellow
                notes = "\n".join(x.message for x in found if x.column == letter)
                cell.comment = Comment(notes[:2000], "Sportello")
            cells.append(cell)
        cells.extend([None] * (width - len(row)))
        if rownum == header_row:
            result = WriteOnlyCell(ws, value=RESULT_HEADER)
            result.font = bold
        elif rownum < header_row:
            result = None
        elif rownum in skipped:  # a totals row: not an error, said so without colour
            result = WriteOnlyCell(ws, value="NOTA - " + skipped[rownum])
            result.alignment = wrap
        else:
            if found:
                errors = [x for x in found if x.level == "errore"]
                lines = [("ERRORE - " if x.level == "errore" else "AVVISO - ")
                         + (f"colonna {x.column}" + (f" ({x.header})" if x.header else "") + ": "
                            if x.column else "") + x.message for x in found]
                result = WriteOnlyCell(ws, value="\n".join(lines)[:32000])
                result.fill = red if errors else yellow
            elif any(v not in (None, "") for v in row):
                result = WriteOnlyCell(ws, value="OK")
                result.fill = green
            else:
                result = None
            if result is not None:
                result.alignment = wrap
        cells.append(result)
        ws.append(cells)
    return save_atomically(wb, out)
