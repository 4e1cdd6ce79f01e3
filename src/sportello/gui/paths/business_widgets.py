"""The stages of a business project drawn as a timeline: done, current, still to come."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sportello.gui.kit.forms import label
from sportello.gui.kit.inputs import format_date
from sportello.gui.shared.labels import BUSINESS_STAGES


class StageTimeline(QWidget):
    """Five stages left to right; ``set_stage`` marks the ones done and the current one."""

    RADIUS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageTimeline")
        self.stages = list(BUSINESS_STAGES)
        self.current: str | None = None
        self.reached: dict[str, dt.date] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        line = self.fontMetrics().height()
        return QSize(500, 2 * self.RADIUS + 8 + 2 * line + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, self.sizeHint().height())

    def set_stage(self, stage: str | None, reached: dict[str, dt.date] | None = None) -> None:
        self.current = stage
        self.reached = reached or {}
        names = [label(BUSINESS_STAGES, s) for s in self.stages]
        if stage in self.stages:
            self.setAccessibleName(names[self.stages.index(stage)])
        self.update()

    def state_of(self, stage: str) -> str:
        """ "done", "current" or "todo"."""
        if self.current not in self.stages:
            return "todo"
        here, there = self.stages.index(self.current), self.stages.index(stage)
        return "done" if there < here else "current" if there == here else "todo"

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        text = palette.color(QPalette.ColorRole.WindowText)
        n = len(self.stages)
        width = self.width() / n
        y = self.RADIUS + 3
        centres = [QPointF(width * (i + 0.5), y) for i in range(n)]
        for i in range(n - 1):
            done = self.state_of(self.stages[i + 1]) in ("done", "current")
            painter.setPen(QPen(accent if done else muted, 2))
            painter.drawLine(
                QPointF(centres[i].x() + self.RADIUS, y),
                QPointF(centres[i + 1].x() - self.RADIUS, y),
            )
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        line = self.fontMetrics().height()
        for stage, centre in zip(self.stages, centres, strict=True):
            state = self.state_of(stage)
            if state == "todo":
                painter.setPen(QPen(muted, 2))
                painter.setBrush(palette.color(QPalette.ColorRole.Base))
            else:
                painter.setPen(QPen(accent, 2))
                painter.setBrush(accent if state == "done" else QColor(accent).lighter(160))
            radius = self.RADIUS + (1 if state == "current" else 0)
            painter.drawEllipse(centre, radius, radius)
            if state == "done":
                painter.setPen(QPen(palette.color(QPalette.ColorRole.HighlightedText), 2))
                painter.drawLine(QPointF(centre.x() - 3, y), QPointF(centre.x() - 1, y + 3))
                painter.drawLine(QPointF(centre.x() - 1, y + 3), QPointF(centre.x() + 4, y - 3))
            font = self.font()
            font.setBold(state == "current")
            painter.setFont(font)
            painter.setPen(text if state != "todo" else muted)
            box = QRectF(centre.x() - width / 2 + 2, y + self.RADIUS + 5, width - 4, line)
            painter.drawText(
                box,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                self.fontMetrics().elidedText(
                    label(BUSINESS_STAGES, stage), Qt.TextElideMode.ElideRight, int(width - 4)
                ),
            )
            when = self.reached.get(stage)
            if when is not None:
                painter.setFont(small)
                painter.setPen(muted)
                painter.drawText(
                    QRectF(box.left(), box.bottom(), box.width(), line),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    format_date(when),
                )
        painter.end()
