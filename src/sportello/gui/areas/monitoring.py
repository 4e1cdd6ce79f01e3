"""Monitoraggio area: the tavolo's dashboard, per vertenza or for every file.

The clerk chooses the vertenza (or all), the date "al" and the date to compare with
("Confronta con il": the previous meeting of the tavolo). The figures come side by side with
the difference, as a tree of breakdowns; clicking a figure lists the people behind it, and a
double click (or *Apri fascicolo*) opens the person's file. *Andamento* draws the
month-by-month series with pyqtgraph (see README, "Monitoraggio"). *Esporta Excel…* and
*Stampa rapporto…* write the workbook and the PDF report of what is on screen.

Every figure is counted by ``services.monitoring`` in SQL on the read lane (``gui.ops``),
never on the interface's thread; the export and the report run on the write lane (each is
recorded in the activity log).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sportello.core.context import Context
from sportello.core.errors import SportelloError
from sportello.core.services import monitoring
from sportello.gui import changes, ops
from sportello.gui.areas.base import Area
from sportello.gui.kit.flow_layout import FlowLayout
from sportello.gui.kit.forms import MessageBar
from sportello.gui.kit.inputs import InvalidInput, OptionalDateEdit, format_date, format_euro
from sportello.gui.kit.tables import Column, RowsModel, make_table, selected_row
from sportello.gui.shared.navigation import open_worker_file

KEY_ROLE = Qt.ItemDataRole.UserRole
UP, DOWN = "#1e7b34", "#b42318"
SERIES_COLOURS = ("#1F3A5F", "#2E8B57", "#C0392B")


def _number(value: int | None, money: bool) -> str:
    if value is None:
        return ""
    return format_euro(value) if money else f"{value:,}".replace(",", ".")


def _difference(was: int | None, now: int, money: bool) -> str:
    if was is None:
        return ""
    diff = now - was
    text = _number(abs(diff), money)
    return f"+{text}" if diff > 0 else f"−{text}" if diff < 0 else "0"


class MonitoringArea(Area):
    ICON = "chart-column"

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self._trend_drawn: tuple[object, ...] | None = None
        self._shown: tuple[str | None, dt.date, dt.date | None] | None = None
        layout = self.build_heading(
            self.tr("Monitoraggio"),
            self.tr(
                "Le cifre per il tavolo di crisi, per vertenza o per tutti i fascicoli: a una "
                "data e a confronto con la riunione precedente. Un clic su una cifra mostra le "
                "persone che ci sono dietro."
            ),
        )
        tools = FlowLayout()
        self.vertenza_combo = QComboBox()
        self.vertenza_combo.setObjectName("monitoringVertenza")
        self.vertenza_combo.addItem(self.tr("Tutte le vertenze"), None)
        self.vertenza_combo.setMinimumContentsLength(16)
        self.vertenza_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.at_edit = OptionalDateEdit(past=True)
        self.at_edit.setObjectName("monitoringAt")
        self.at_edit.setDate(dt.date.today())
        self.since_edit = OptionalDateEdit(past=True)
        self.since_edit.setObjectName("monitoringSince")
        # empty until the first count: the date proposed (the previous meeting) is read with
        # the figures, off this thread, for the vertenza chosen, until the clerk types one
        self._since_typed = False
        self.since_edit.textEdited.connect(lambda _text: setattr(self, "_since_typed", True))
        self.refresh_button = QPushButton(self.tr("Aggiorna"))
        self.refresh_button.setObjectName("monitoringRefresh")
        self.export_button = QPushButton(self.tr("Esporta Excel…"))
        self.export_button.setObjectName("monitoringExport")
        self.report_button = QPushButton(self.tr("Stampa rapporto…"))
        self.report_button.setObjectName("monitoringReport")
        for text, widget in ((self.tr("Vertenza"), self.vertenza_combo),
                             (self.tr("al"), self.at_edit),
                             (self.tr("Confronta con il"), self.since_edit)):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            tools.addWidget(pair)
        for button in (self.refresh_button, self.export_button, self.report_button):
            tools.addWidget(button)
        layout.addLayout(tools)
        self.message = MessageBar("monitoringMessage")
        layout.addWidget(self.message)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("monitoringTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        figures_page = self.figures_page = QSplitter(Qt.Orientation.Horizontal)
        figures_page.setObjectName("monitoringSplitter")
        figures_page.setChildrenCollapsible(False)
        self.tree = QTreeWidget()
        self.tree.setObjectName("monitoringFigures")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Cifra"), "", "", ""])
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setMinimumWidth(300)
        self.tree.setIndentation(14)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemClicked.connect(lambda item, _column: self.show_people(item))
        figures_page.addWidget(self.tree)

        people_box = QWidget()
        people_layout = QVBoxLayout(people_box)
        people_layout.setContentsMargins(6, 0, 0, 0)
        self.people_label = QLabel(self.tr("Fare clic su una cifra per vedere le persone."))
        self.people_label.setObjectName("monitoringPeopleLabel")
        self.people_label.setWordWrap(True)
        people_layout.addWidget(self.people_label)
        self.people_model = RowsModel([
            Column(self.tr("Cognome"), lambda p: p.surname),
            Column(self.tr("Nome"), lambda p: p.name),
            Column(self.tr("Codice fiscale"), lambda p: p.codice_fiscale),
        ], self)
        self.people_table = make_table(self.people_model, "monitoringPeople", (100, 90, 140))
        self.people_table.doubleClicked.connect(lambda _index: self.open_file())
        people_layout.addWidget(self.people_table, 1)
        self.open_button = QPushButton(self.tr("Apri fascicolo"))
        self.open_button.setObjectName("monitoringOpenFile")
        self.open_button.clicked.connect(lambda: self.open_file())
        people_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignRight)
        people_box.setMinimumWidth(220)
        figures_page.addWidget(people_box)
        figures_page.setStretchFactor(0, 3)
        figures_page.setStretchFactor(1, 2)
        figures_page.setSizes([620, 380])
        self.tabs.addTab(figures_page, self.tr("Cifre"))

        self.trend_page = QWidget()
        self.trend_page.setObjectName("monitoringTrendPage")
        trend_layout = QVBoxLayout(self.trend_page)
        trend_layout.setContentsMargins(0, 6, 0, 0)
        self.trend_label = QLabel(self.tr("Persone a fine mese, negli ultimi 12 mesi."))
        trend_layout.addWidget(self.trend_label)
        self.plot = None  # made when the tab is first shown (pyqtgraph loads then)
        self.tabs.addTab(self.trend_page, self.tr("Andamento"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())

        self.refresh_button.clicked.connect(lambda: self.reload())
        self.vertenza_combo.activated.connect(lambda _i: self.reload())
        self.at_edit.editingFinished.connect(self._dates_edited)
        self.since_edit.editingFinished.connect(self._dates_edited)
        self.export_button.clicked.connect(lambda: self.export_workbook())
        self.report_button.clicked.connect(lambda: self.print_report())
        changes.hub().changed.connect(self._data_changed)  # any write anywhere (gui.changes)

    # ------------------------------------------------------------------ reading

    # Below this width the people go under the figures, not beside them: beside, on a
    # 1024-pixel screen with the Scadenze panel open, the figures' names had 60 pixels.
    SIDE_BY_SIDE_MIN_WIDTH = 900

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Horizontal if self.width() >= self.SIDE_BY_SIDE_MIN_WIDTH
                  else Qt.Orientation.Vertical)
        if self.figures_page.orientation() != wanted:
            self.figures_page.setOrientation(wanted)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.after_paint(self._first_load)

    def _first_load(self) -> None:
        ops.read(self, lambda: monitoring.vertenze(self.ctx), done=self._fill_vertenze)
        self.reload()

    def _fill_vertenze(self, choices: list[monitoring.VertenzaChoice]) -> None:
        current = self.vertenza_combo.currentData()
        self.vertenza_combo.clear()
        self.vertenza_combo.addItem(self.tr("Tutte le vertenze"), None)
        for choice in choices:
            self.vertenza_combo.addItem(f"{choice.code} – {choice.title}", choice.code)
        index = self.vertenza_combo.findData(current)
        self.vertenza_combo.setCurrentIndex(max(0, index))

    def _data_changed(self, _kinds: object = None, _source: object = None) -> None:
        if self.isVisible() and self._loaded:
            self.reload()
        else:
            self._loaded = False  # read again when next shown

    def _dates_edited(self) -> None:
        chosen = self._chosen(quiet=True)
        if chosen is not None and chosen != self._shown:
            self.reload()

    def _chosen(self, quiet: bool = False) -> tuple[str | None, dt.date, dt.date | None] | None:
        """(vertenza, at, since) as typed, or None after saying what is wrong."""
        try:
            at = self.at_edit.date()
        except InvalidInput:
            if not quiet:
                self.message.show_error(self.tr("La data «al» non è valida: usare gg/mm/aaaa."))
            return None
        try:
            since = self.since_edit.date()
        except InvalidInput:
            if not quiet:
                self.message.show_error(
                    self.tr("La data «Confronta con il» non è valida: usare gg/mm/aaaa."))
            return None
        return self.vertenza_combo.currentData(), at or dt.date.today(), since

    def reload(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        vertenza, at, since = chosen
        ctx = self.ctx
        proposed = not self._since_typed

        def job() -> tuple[monitoring.Figures, monitoring.Figures | None]:
            used = monitoring.default_since(ctx, at=at, vertenza=vertenza) if proposed else since
            if used is None:
                return monitoring.figures(ctx, at=at, vertenza=vertenza), None
            both = monitoring.compare(ctx, since=min(used, at), at=at, vertenza=vertenza)
            return both.at, both.since

        # (on 100,000 files the count takes seconds: the clerk sees that it is under way)
        self.message.show_info(self.tr("Calcolo delle cifre in corso…"))
        ops.read(self, job, key=("monitoring", id(self)),
                 done=lambda result: self._show_figures((vertenza, at), *result),
                 failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SportelloError):
            self.message.show_error(str(exc))
        else:
            ops.show_failure(self, exc)

    def _show_figures(self, chosen: tuple[str | None, dt.date],
                      now: monitoring.Figures, before: monitoring.Figures | None) -> None:
        self.message.clear_message()
        if not self._since_typed:
            self.since_edit.setDate(before.at if before else None)
        self._shown = (*chosen, before.at if before else None)
        selected = self.tree.currentItem()
        keep = selected.data(0, KEY_ROLE) if selected is not None else None
        self.tree.clear()
        self.tree.setHeaderLabels([self.tr("Cifra"), format_date(before.at) if before else "",
                                   format_date(now.at), self.tr("Diff.") if before else ""])
        head = self.tree.headerItem()
        head.setToolTip(1, self.tr("Alla data di confronto (la riunione precedente)"))
        head.setToolTip(2, self.tr("Alla data delle cifre"))
        head.setToolTip(3, self.tr("Differenza tra le due date"))
        bold = QFont(self.tree.font())
        bold.setBold(True)
        again = None
        for b in now.breakdowns:
            top = self._item(None, b.key, b.title, before.value(b.key) if before else None,
                             b.total, b.money)
            for column in range(4):
                top.setFont(column, bold)
            for p in b.parts:
                child = self._item(top, p.key, p.label, before.value(p.key) if before else None,
                                   p.value, b.money)
                if not p.people:
                    child.setToolTip(0, self.tr("Nessun elenco di persone dietro questa cifra."))
                if p.key == keep:
                    again = child
            if b.key == keep:
                again = top
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if again is not None:
            self.tree.setCurrentItem(again)
            self.show_people(again)
        if self.tabs.currentWidget() is self.trend_page:
            self._load_trend()

    def _item(self, parent: QTreeWidgetItem | None, key: str, label: str, was: int | None,
              now: int, money: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem([label, _number(was, money), _number(now, money),
                                _difference(was, now, money)])
        item.setData(0, KEY_ROLE, key)
        item.setToolTip(0, label)
        for column in (1, 2, 3):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if was is not None and now != was:
            item.setForeground(3, QBrush(QColor(UP if now > was else DOWN)))
        if parent is not None:
            parent.addChild(item)
        return item

    # ------------------------------------------------------------------ the people

    def show_people(self, item: QTreeWidgetItem | None) -> None:
        if item is None or self._shown is None:
            return
        key = item.data(0, KEY_ROLE)
        vertenza, at, _since = self._shown
        title = item.text(0) if item.parent() is None else \
            f"{item.parent().text(0)}: {item.text(0)}"
        ctx = self.ctx
        self.people_label.setText(self.tr("Lettura di «{figure}»…").format(figure=title))
        ops.read(self, lambda: monitoring.people(ctx, key, vertenza, at),
                 key=("monitoring-people", id(self)),
                 done=lambda people: self._show_people(title, at, people),
                 failed=self._failed)

    def _show_people(self, title: str, at: dt.date, people: list[monitoring.Person]) -> None:
        self.people_model.set_rows(people)
        if people:
            self.people_table.selectRow(0)
        self.people_label.setText(self.tr("{figure} al {date}: {count} persone").format(
            figure=title, date=format_date(at), count=len(people)))

    def open_file(self) -> None:
        person = selected_row(self.people_table)
        if person is not None:
            open_worker_file(self.ctx, person.worker_id, self)

    # ------------------------------------------------------------------ trends

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.trend_page:
            self._load_trend()

    def _load_trend(self) -> None:
        if self._shown is None:
            return
        vertenza, at, _since = self._shown
        if self._trend_drawn == (vertenza, at):
            return
        ctx = self.ctx
        ops.read(self, lambda: monitoring.trends(ctx, at=at, vertenza=vertenza),
                 key=("monitoring-trend", id(self)),
                 done=lambda trend: self._draw_trend((vertenza, at), trend), failed=self._failed)

    def _draw_trend(self, drawn: tuple[object, ...], trend: monitoring.Trends) -> None:
        import pyqtgraph as pg

        if self.plot is None:
            pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
            self.plot = pg.PlotWidget()
            self.plot.setObjectName("monitoringTrend")
            self.plot.showGrid(x=False, y=True, alpha=0.25)
            self.plot.setMouseEnabled(x=False, y=False)
            self.plot.setMenuEnabled(False)
            self.plot.hideButtons()
            self.plot.setLabel("left", self.tr("Persone"))
            self.plot.addLegend(offset=(10, 10))
            self.trend_page.layout().addWidget(self.plot, 1)
        self.plot.clear()
        x = list(range(len(trend.months)))
        axis = self.plot.getAxis("bottom")
        axis.setTicks([[(i, f"{m:%m/%y}") for i, m in enumerate(trend.months)]])
        for i, (label, values) in enumerate(trend.series.values()):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            self.plot.plot(x, list(values), name=label, pen=pg.mkPen(colour, width=2),
                           symbol="o", symbolSize=6, symbolBrush=colour, symbolPen=colour)
        self.plot.setYRange(0, max([1, *(max(v) for _l, v in trend.series.values())]) * 1.1)
        self._trend_drawn = drawn
        self.trend_series = trend

    # ------------------------------------------------------------------ for the meeting

    def _save_path(self, title: str, suffix: str, kind: str) -> Path | None:
        settings = QSettings()
        folder = str(settings.value("monitoring/folder", str(Path.home())))
        vertenza, at, _since = self._shown or (None, dt.date.today(), None)
        name = f"monitoraggio_{vertenza or 'tutti'}_{at:%Y-%m-%d}{suffix}"
        chosen, _filter = QFileDialog.getSaveFileName(self, title, str(Path(folder) / name), kind)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_suffix(suffix)
        settings.setValue("monitoring/folder", str(path.parent))
        return path

    def _for_meeting(self, title: str, suffix: str, kind: str, write, done_text: str) -> None:  # type: ignore[no-untyped-def]
        chosen = self._chosen()
        if chosen is None:
            return
        path = self._save_path(title, suffix, kind)
        if path is None:
            return
        vertenza, at, since = chosen
        ctx = self.ctx
        ops.write(self, lambda: write(ctx, path, vertenza=vertenza, at=at, since=since),
                  done=lambda written: self.message.show_info(
                      done_text.format(path=written.path)),
                  failed=self._failed, busy=(self.export_button, self.report_button))

    def export_workbook(self) -> None:
        self._for_meeting(self.tr("Esporta il monitoraggio"), ".xlsx",
                          self.tr("Cartella di lavoro Excel (*.xlsx)"), monitoring.export_workbook,
                          self.tr("Cartella di lavoro salvata: {path}"))

    def print_report(self) -> None:
        self._for_meeting(self.tr("Rapporto di monitoraggio"), ".pdf",
                          self.tr("Documento PDF (*.pdf)"), monitoring.report_pdf,
                          self.tr("Rapporto salvato: {path}"))
