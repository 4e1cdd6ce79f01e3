"""Monitoraggio: the clerk picks the dates, clicks a figure, sees the people, opens a file.

Every step goes through the visible widgets (clicks, typing); the figures shown are checked
against the service's, which tests/test_monitoring.py checks against counts made apart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItem
from waiting import settle

from sportello import demo
from sportello.core.services import monitoring, workers
from sportello.gui.areas.monitoring import MonitoringArea
from sportello.gui.kit.inputs import format_date
from sportello.gui.shared import navigation

pytestmark = pytest.mark.gui

TODAY = dt.date.today()
SINCE = TODAY - dt.timedelta(days=90)


def shown(qtbot, ctx) -> MonitoringArea:  # type: ignore[no-untyped-def]
    """The area on screen with its first figures in."""
    widget = MonitoringArea(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.tree.topLevelItemCount() > 0, timeout=20_000)
    settle(qtbot)
    return widget


@pytest.fixture
def area(qtbot, office_ctx):  # type: ignore[no-untyped-def]
    demo.generate(office_ctx, workers=90, seed=3)
    return shown(qtbot, office_ctx)


def find(area: MonitoringArea, key: str) -> QTreeWidgetItem:
    for i in range(area.tree.topLevelItemCount()):
        top = area.tree.topLevelItem(i)
        for item in (top, *(top.child(j) for j in range(top.childCount()))):
            if item.data(0, Qt.ItemDataRole.UserRole) == key:
                return item
    raise KeyError(key)


def click(qtbot, area: MonitoringArea, key: str) -> None:  # type: ignore[no-untyped-def]
    item = find(area, key)
    area.tree.scrollToItem(item)
    qtbot.mouseClick(area.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=area.tree.visualItemRect(item).center())
    settle(qtbot)


def type_date(qtbot, edit, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, f"{day:%d/%m/%Y}")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    settle(qtbot)


def test_a_figure_clicked_lists_its_people_and_opens_a_file(qtbot, area, office_ctx,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    since = monitoring.default_since(office_ctx)
    now = monitoring.figures(office_ctx)
    before = monitoring.figures(office_ctx, at=since)
    row = find(area, "fascicoli")
    assert [row.text(c) for c in (1, 2)] == [str(before.value("fascicoli")),
                                             str(now.value("fascicoli"))]
    header = area.tree.headerItem()
    assert header.text(1) == format_date(since) and header.text(2) == format_date(TODAY)

    click(qtbot, area, "percorso.senza_percorso")
    people = monitoring.people(office_ctx, "percorso.senza_percorso")
    assert len(people) == now.value("percorso.senza_percorso") > 0
    shown = [area.people_model.row(i) for i in range(area.people_model.rowCount())]
    assert [p.worker_id for p in shown] == [p.worker_id for p in people]
    assert f"{len(people)} persone" in area.people_label.text()

    opened: list[int] = []
    monkeypatch.setitem(navigation.ROUTES, navigation.WORKER_FILE,
                        lambda _ctx, worker_id, _parent: opened.append(worker_id))
    qtbot.mouseClick(area.open_button, Qt.MouseButton.LeftButton)
    assert opened == [people[0].worker_id]


def test_dates_and_vertenza_typed_change_the_figures(qtbot, area, office_ctx) -> None:  # type: ignore[no-untyped-def]
    type_date(qtbot, area.since_edit, SINCE)
    type_date(qtbot, area.at_edit, TODAY - dt.timedelta(days=10))
    at = TODAY - dt.timedelta(days=10)
    assert area.tree.headerItem().text(1) == format_date(SINCE)
    assert area.tree.headerItem().text(2) == format_date(at)
    then = monitoring.figures(office_ctx, at=at)
    before = monitoring.figures(office_ctx, at=SINCE)
    row = find(area, "assunzioni")
    diff = then.value("assunzioni") - before.value("assunzioni")
    assert row.text(2) == str(then.value("assunzioni"))
    assert row.text(3) == (f"+{diff}" if diff > 0 else "0")

    area.vertenza_combo.setFocus()
    qtbot.keyClick(area.vertenza_combo, Qt.Key.Key_Down)  # the first vertenza
    settle(qtbot)
    code = area.vertenza_combo.currentData()
    assert code is not None
    one = monitoring.figures(office_ctx, at=at, vertenza=code)
    assert find(area, "fascicoli").text(2) == str(one.value("fascicoli"))

    type_date(qtbot, area.at_edit, TODAY + dt.timedelta(days=5))  # the future: refused
    assert area.message.isVisible() and "futuro" in area.message.text()


def test_trend_tab_draws_the_three_series(qtbot, area, office_ctx) -> None:  # type: ignore[no-untyped-def]
    bar = area.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.waitUntil(lambda: area.plot is not None, timeout=20_000)
    settle(qtbot)
    curves = area.plot.getPlotItem().listDataItems()
    trend = monitoring.trends(office_ctx)
    assert [list(c.yData) for c in curves] == [list(v) for _l, v in trend.series.values()]


def test_export_and_report_buttons_write_the_files(qtbot, area, office_ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    targets = iter([str(tmp_path / "tavolo"), str(tmp_path / "rapporto.pdf")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (next(targets), "xlsx"))
    qtbot.mouseClick(area.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, 30_000)
    assert (tmp_path / "tavolo.xlsx").exists(), area.message.text()
    assert "tavolo.xlsx" in area.message.text()
    assert load_workbook(tmp_path / "tavolo.xlsx")["Grafici"]._charts
    qtbot.mouseClick(area.report_button, Qt.MouseButton.LeftButton)
    settle(qtbot, 30_000)
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "rapporto.pdf").pages)
    assert "Tutti i fascicoli" in text


def test_the_area_opens_on_the_figures_counted_at_start_up(qtbot, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo.generate(office_ctx, workers=90, seed=3)
    monitoring.warm(office_ctx)  # what the program does in the background at start-up
    counted: list[str] = []
    count = monitoring._count  # watched, not replaced
    monkeypatch.setattr(monitoring, "_count",
                        lambda session, spec, *args: counted.append(spec.key) or count(
                            session, spec, *args))
    widget = shown(qtbot, office_ctx)
    assert counted == []  # the figures shown are the ones counted by warm
    now = monitoring.figures(office_ctx)
    assert find(widget, "fascicoli").text(2) == str(now.value("fascicoli"))
    assert widget.since_edit.date() == monitoring.default_since(office_ctx)

    # after a change, "Aggiorna" counts again and shows it
    suspended = now.value("fascicoli.sospeso")
    opened = monitoring.people(office_ctx, "fascicoli.aperto")[0]
    workers.set_status(office_ctx, opened.worker_id, "sospeso")
    qtbot.mouseClick(widget.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find(widget, "fascicoli.sospeso").text(2) == str(suspended + 1),
                    timeout=20_000)
    assert counted


def test_on_a_narrow_area_the_people_go_under_the_figures(qtbot, area) -> None:  # type: ignore[no-untyped-def]
    area.resize(560, 520)  # a 1024-pixel screen, side bar and Scadenze panel open
    qtbot.waitUntil(lambda: area.figures_page.orientation() == Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: area.tree.columnWidth(0) >= 200)  # the figures' names readable
    area.resize(1100, 700)
    qtbot.waitUntil(lambda: area.figures_page.orientation() == Qt.Orientation.Horizontal)
