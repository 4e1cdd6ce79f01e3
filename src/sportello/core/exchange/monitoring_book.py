"""The monitoring workbook for the tavolo: a summary, native Excel charts, the people.

Sheets: *Riepilogo* (every figure at the comparison date and at the date, with the
difference, and the sheet that lists its people), *Grafici* (the data of the charts and
the charts themselves: native openpyxl bar and line charts, which Excel and LibreOffice
redraw from the cells, not pictures), *Andamento* (the month-by-month series) and one sheet
per figure with the people behind it. Values in, file out: no database here
(``services.monitoring`` passes plain values). Texts never become formulas.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sportello.core.exchange.xlsx import looks_like_formula, save_atomically, sheet_text, text_cell

EURO = '#,##0.00 "€"'
DATE = "DD/MM/YYYY"


@dataclass(frozen=True)
class BookFigure:
    label: str
    total: bool  # a breakdown's total (bold); a part otherwise
    since: int | None  # None without a comparison date
    at: int
    money: bool = False  # euro cents
    sheet: str | None = None  # the sheet of its people


@dataclass(frozen=True)
class BookChart:
    title: str
    unit: str
    labels: tuple[str, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class PeopleSheet:
    name: str  # at most 31 characters, unique
    title: str
    rows: tuple[tuple[str, str, str, str], ...]  # codice fiscale, surname, name, file status


@dataclass(frozen=True)
class Book:
    title: str
    scope: str
    at: dt.date
    since: dt.date | None
    figures: tuple[BookFigure, ...]
    charts: tuple[BookChart, ...]
    months: tuple[dt.date, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    people: tuple[PeopleSheet, ...]


def _text(ws, value: object) -> object:  # type: ignore[no-untyped-def]
    value = sheet_text(value)
    if isinstance(value, str) and looks_like_formula(value):
        return text_cell(ws, value)
    return value


def _styled(ws, value: object, *, fmt: str | None = None, bold: bool = False):  # type: ignore[no-untyped-def]
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=value)
    if fmt:
        cell.number_format = fmt
    if bold:
        cell.font = Font(bold=True)
    return cell


def _summary(wb, book: Book) -> None:  # type: ignore[no-untyped-def]
    ws = wb.create_sheet("Riepilogo")
    for letter, width in zip("ABCDE", (58, 16, 16, 14, 32), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append([_styled(ws, book.title, bold=True)])
    ws.append(["Ambito", _text(ws, book.scope)])
    ws.append(["Cifre al", _styled(ws, book.at, fmt=DATE)])
    if book.since:
        ws.append(["Confronto con il", _styled(ws, book.since, fmt=DATE)])
    ws.append(["Le persone dietro ogni cifra sono nel foglio indicato; quelle di un totale "
               "sono le persone delle sue parti."])
    ws.append([])
    since = f"Al {book.since:%d/%m/%Y}" if book.since else "—"
    ws.append([_styled(ws, h, bold=True) for h in
               ("Cifra", since, f"Al {book.at:%d/%m/%Y}", "Differenza", "Foglio delle persone")])
    for f in book.figures:
        fmt = EURO if f.money else "0"
        scale = 100 if f.money else 1
        label = f.label if f.total else f"    {f.label}"
        row = [_styled(ws, _text(ws, label), bold=f.total),
               _styled(ws, None if f.since is None else f.since / scale, fmt=fmt, bold=f.total),
               _styled(ws, f.at / scale, fmt=fmt, bold=f.total),
               _styled(ws, None if f.since is None else (f.at - f.since) / scale,
                       fmt=("+" + fmt + ";-" + fmt + ";0") if not f.money else EURO),
               f.sheet]
        ws.append(row)


def _charts(wb, book: Book) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.chart import BarChart, Reference

    ws = wb.create_sheet("Grafici")
    ws.column_dimensions["A"].width = 44
    row = 1
    anchors = []
    for chart in book.charts:
        ws.append([_styled(ws, _text(ws, chart.title), bold=True), chart.unit.capitalize()])
        first = row + 1
        for label, value in zip(chart.labels, chart.values, strict=True):
            ws.append([_text(ws, label), value])
        last = first + len(chart.labels) - 1
        bar = BarChart()
        bar.type = "bar"
        bar.title = chart.title
        bar.legend = None
        bar.height, bar.width = 7, 16
        bar.add_data(Reference(ws, min_col=2, min_row=row, max_row=last), titles_from_data=True)
        bar.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
        anchors.append((bar, f"D{row}"))
        ws.append([])
        row = last + 2
        # leave room for the chart beside its data (about 15 rows)
        while row < first + 14:
            ws.append([])
            row += 1
    for bar, anchor in anchors:
        ws.add_chart(bar, anchor)


def _trend(wb, book: Book) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.chart import LineChart, Reference

    ws = wb.create_sheet("Andamento")
    ws.column_dimensions["A"].width = 14
    ws.append([_styled(ws, "Fine mese", bold=True),
               *(_styled(ws, label, bold=True) for label, _values in book.series)])
    for i, month in enumerate(book.months):
        ws.append([_styled(ws, month, fmt=DATE), *(values[i] for _l, values in book.series)])
    if not book.months or not book.series:
        return
    line = LineChart()
    line.title = "Andamento mese per mese"
    line.y_axis.title = "Persone"
    line.height, line.width = 9, 20
    last = len(book.months) + 1
    line.add_data(Reference(ws, min_col=2, max_col=1 + len(book.series), min_row=1, max_row=last),
                  titles_from_data=True)
    line.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
    ws.add_chart(line, f"{chr(ord('A') + len(book.series) + 2)}2")


def _people(wb, sheet: PeopleSheet) -> None:  # type: ignore[no-untyped-def]
    ws = wb.create_sheet(sheet.name)
    for letter, width in zip("ABCD", (20, 26, 26, 12), strict=True):
        ws.column_dimensions[letter].width = width
    ws.append([_styled(ws, _text(ws, sheet.title), bold=True)])
    ws.append([_styled(ws, h, bold=True) for h in ("Codice fiscale", "Cognome", "Nome", "Stato")])
    for row in sheet.rows:
        ws.append([_text(ws, v) for v in row])


def write(out: Path, book: Book) -> Path:
    """Write ``book`` to ``out`` (.xlsx); the file appears only when complete."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    _summary(wb, book)
    _charts(wb, book)
    _trend(wb, book)
    for sheet in book.people:
        _people(wb, sheet)
    return save_atomically(wb, out)


def sheet_names(keys: Sequence[str]) -> dict[str, str]:
    """A unique sheet name (at most 31 characters, none of ``[]:*?/\\``) for each key."""
    taken: set[str] = {"riepilogo", "grafici", "andamento"}
    names: dict[str, str] = {}
    for key in keys:
        base = "".join("_" if c in "[]:*?/\\" else c for c in key)[:31]
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base[:28]}~{n}"
        taken.add(name.lower())
        names[key] = name
    return names
