"""The monitoring report for the tavolo: an A4 PDF on the office's letterhead.

The figures at the date and at the comparison date (the previous meeting) side by side with
the difference, bar charts of the main breakdowns and the month-by-month trend, drawn with
reportlab's own graphics (vectors in the PDF, no pictures). Values in, bytes out: the
service (``services.monitoring``) reads the figures and records the report.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sportello.core.letters.italian import euro, long_date
from sportello.core.letters.render import (
    ACCENT,
    FIRST_TOP,
    FONT,
    FONT_BOLD,
    LATER_TOP,
    LIGHT,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    PAGE_H,
    RULE,
    TEXT_W,
    Letterhead,
    draw_page_frame,
    register_fonts,
    styles,
)

SINCE_COLOUR = colors.HexColor("#9AA8BA")
SERIES_COLOURS = (colors.HexColor("#1F3A5F"), colors.HexColor("#2E8B57"),
                  colors.HexColor("#C0392B"), colors.HexColor("#D68910"))


@dataclass(frozen=True)
class ReportRow:
    label: str
    total: bool
    since: int | None
    at: int
    money: bool = False


@dataclass(frozen=True)
class ReportChart:
    title: str
    labels: tuple[str, ...]
    since: tuple[int, ...] | None
    at: tuple[int, ...]


@dataclass(frozen=True)
class Report:
    head: Letterhead
    place: str | None  # the office's comune, for "Asti, 6 dicembre 2026"
    made_on: dt.date
    scope: str
    at: dt.date
    since: dt.date | None
    rows: tuple[ReportRow, ...]
    charts: tuple[ReportChart, ...]
    months: tuple[dt.date, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]


def _number(value: int | None, money: bool) -> str:
    if value is None:
        return "—"
    if money:
        return euro(value)
    return f"{value:,}".replace(",", ".")


def _difference(row: ReportRow) -> str:
    if row.since is None:
        return ""
    diff = row.at - row.since
    sign = "+" if diff > 0 else ""
    return sign + _number(diff, row.money)


def _table(report: Report) -> Table:
    st = styles()
    cell = st["piccolo"]
    data: list[list[object]] = [[
        Paragraph("<b>Cifra</b>", cell),
        Paragraph(f"<b>Al {report.since:%d/%m/%Y}</b>" if report.since else "", cell),
        Paragraph(f"<b>Al {report.at:%d/%m/%Y}</b>", cell),
        Paragraph("<b>Differenza</b>" if report.since else "", cell)]]
    bold_rows = []
    for i, row in enumerate(report.rows, start=1):
        label = _escape(row.label)
        data.append([Paragraph(f"<b>{label}</b>" if row.total else label, cell),
                     _number(row.since, row.money) if report.since else "",
                     _number(row.at, row.money), _difference(row)])
        if row.total:
            bold_rows.append(i)
    table = Table(data, colWidths=[TEXT_W - 3 * 30 * mm, 30 * mm, 30 * mm, 30 * mm],
                  repeatRows=1)
    style = [
        ("FONT", (0, 0), (-1, -1), FONT, 8.5),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 1), (0, -1), 4 * mm),
    ]
    for i in bold_rows:
        style += [("BACKGROUND", (0, i), (-1, i), LIGHT), ("FONT", (1, i), (-1, i), FONT_BOLD, 8.5),
                  ("LEFTPADDING", (0, i), (0, i), 1.5 * mm), ("LINEABOVE", (0, i), (-1, i), 0.3, RULE)]
    table.setStyle(TableStyle(style))
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bar_chart(chart: ReportChart, since: dt.date | None, at: dt.date) -> Drawing:
    rows = len(chart.labels)
    height = 16 * mm + rows * (9 * mm if chart.since else 6 * mm)
    drawing = Drawing(TEXT_W, height)
    drawing.add(String(0, height - 10, chart.title, fontName=FONT_BOLD, fontSize=9,
                       fillColor=ACCENT))
    bars = HorizontalBarChart()
    bars.x, bars.y = 62 * mm, 8 * mm
    bars.width, bars.height = TEXT_W - 70 * mm, height - 22 * mm
    data = [list(chart.at)]
    if chart.since:
        data = [list(chart.since), list(chart.at)]
    bars.data = data
    bars.categoryAxis.categoryNames = list(chart.labels)
    bars.categoryAxis.reverseDirection = True
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = 7.5
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    bars.valueAxis.forceZero = True
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = FONT
    bars.barLabels.fontSize = 6.5
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 2
    colours = (SINCE_COLOUR, ACCENT) if chart.since else (ACCENT,)
    for i, colour in enumerate(colours):
        bars.bars[i].fillColor = colour
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if chart.since and since:
        legend = Legend()
        legend.x, legend.y = TEXT_W - 62 * mm, height - 7
        legend.fontName, legend.fontSize = FONT, 7.5
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 28 * mm
        legend.colorNamePairs = [(SINCE_COLOUR, f"al {since:%d/%m/%Y}"),
                                 (ACCENT, f"al {at:%d/%m/%Y}")]
        drawing.add(legend)
    return drawing


def _trend_chart(report: Report) -> Drawing:
    height = 75 * mm
    drawing = Drawing(TEXT_W, height)
    drawing.add(String(0, height - 10, "Andamento mese per mese (persone a fine mese)",
                       fontName=FONT_BOLD, fontSize=9, fillColor=ACCENT))
    line = HorizontalLineChart()
    line.x, line.y = 12 * mm, 14 * mm
    line.width, line.height = TEXT_W - 16 * mm, height - 34 * mm
    line.data = [list(values) for _label, values in report.series]
    line.categoryAxis.categoryNames = [f"{m:%m/%y}" for m in report.months]
    line.categoryAxis.labels.fontName = FONT
    line.categoryAxis.labels.fontSize = 7
    line.valueAxis.labels.fontName = FONT
    line.valueAxis.labels.fontSize = 7
    line.valueAxis.valueMin = 0
    line.valueAxis.forceZero = True
    for i, _series in enumerate(report.series):
        line.lines[i].strokeColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        line.lines[i].strokeWidth = 1.5
    drawing.add(line)
    legend = Legend()
    legend.x, legend.y = 12 * mm, 5 * mm
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 45 * mm
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], label)
                             for i, (label, _values) in enumerate(report.series)]
    drawing.add(legend)
    return drawing


def render(report: Report) -> bytes:
    """The report as PDF bytes."""
    register_fonts()
    st = styles()
    out = io.BytesIO()
    title = f"Monitoraggio – {report.scope}"
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=MARGIN_LEFT, topMargin=LATER_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=title, subject=title,
                          creator="Sportello", lang="it-IT", initialFontName=FONT)
    frame_h = PAGE_H - MARGIN_BOTTOM
    note = f"Monitoraggio al {report.at:%d/%m/%Y}"
    doc.addPageTemplates([
        PageTemplate("primo", [Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_W, frame_h - FIRST_TOP,
                                     0, 0, 0, 0)],
                     onPage=lambda c, _d: draw_page_frame(c, report.head, True),
                     autoNextPageTemplate="seguenti"),
        PageTemplate("seguenti", [Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_W, frame_h - LATER_TOP,
                                        0, 0, 0, 0)],
                     onPage=lambda c, _d: draw_page_frame(c, report.head, False, note)),
    ])
    place = f"{report.place}, " if report.place else ""
    period = (f"Cifre al {long_date(report.at)}, a confronto con il {long_date(report.since)} "
              "(la riunione precedente del tavolo)." if report.since
              else f"Cifre al {long_date(report.at)}.")
    story: list[object] = [
        Paragraph(f"{place}{long_date(report.made_on)}", st["sinistra"]),
        Paragraph("Monitoraggio per il tavolo di crisi", st["titolo"]),
        Paragraph(f"<b>Vertenza:</b> {_escape(report.scope)}", st["sinistra"]),
        Paragraph(period, st["sinistra"]),
        Spacer(1, 4 * mm),
        _table(report),
    ]
    for chart in report.charts:
        story += [CondPageBreak(40 * mm), Spacer(1, 5 * mm),
                  KeepTogether([_bar_chart(chart, report.since, report.at)])]
    if report.months and report.series:
        story += [CondPageBreak(80 * mm), Spacer(1, 5 * mm), _trend_chart(report)]
    story += [Spacer(1, 4 * mm), Paragraph(
        "Le cifre a una data passata vengono dalla storia datata che il programma conserva "
        "(stato dei fascicoli, date di percorsi, voucher, assunzioni, patti e imprese). "
        "L'appartenenza alla vertenza, i budget dei fondi e le scadenze di CIGS e NASpI sono "
        "quelli registrati oggi.", st["nota"])]
    doc.build(story)
    return out.getvalue()

