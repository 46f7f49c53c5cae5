"""The supervisor dashboard (docs/ARCHITECTURE.md §14): the last weeks' received and decided,
complaints by business type, on-time share, satisfaction, overdue cases and corrective
actions, drawn with pyqtgraph. The figures are computed on the database worker
(desktop.services.dashboard); each bar and each count opens the worklist filtered to it."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from desktop.analytics.dashboard import DashboardFigures
from desktop.domain.worklist import Worklist
from desktop.services.context import ServiceContext
from ui import spacing
from ui.context import AppContext

RECEIVED_COLOUR = "#2e86c1"
DECIDED_COLOUR = "#27ae60"


class ClickableBars(pg.BarGraphItem):
    """Bars that say which one was clicked (its index)."""

    def __init__(self, on_click: Any, **options: Any) -> None:
        super().__init__(**options)
        self._on_click = on_click
        self._x = list(options["x"])
        self._width = float(options["width"])

    def mouseClickEvent(self, event: Any) -> None:  # pyqtgraph calls it by this name
        x = event.pos().x()
        for i, centre in enumerate(self._x):
            if abs(x - centre) <= self._width / 2:
                event.accept()
                self._on_click(i)
                return


class DashboardPanel(QWidget):
    """`open_worklist(worklist, business types)` asks the window to show that worklist."""

    open_worklist = Signal(object, object)
    loaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("dashboard")
        self.figures: DashboardFigures | None = None
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.trend = pg.PlotWidget(self)
        self.categories = pg.PlotWidget(self)
        self.trend_bars: ClickableBars | None = None
        self.category_bars: ClickableBars | None = None
        self.on_time = QLabel(self)
        self.satisfaction = QLabel(self)
        self.overdue = QPushButton(self)
        self.actions_overdue = QPushButton(self)
        for widget in (self.trend, self.categories):
            widget.setMouseEnabled(x=False, y=False)
            widget.setMenuEnabled(False)
        layout = QGridLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.on_time, 0, 0)
        layout.addWidget(self.satisfaction, 0, 1)
        layout.addWidget(self.overdue, 0, 2)
        layout.addWidget(self.actions_overdue, 0, 3)
        layout.addWidget(self.trend, 1, 0, 1, 2)
        layout.addWidget(self.categories, 1, 2, 1, 2)
        self.overdue.clicked.connect(lambda: self.open_worklist.emit(Worklist.OVERDUE, ()))
        self.actions_overdue.clicked.connect(
            lambda: self.open_worklist.emit(Worklist.ACTIONS_OVERDUE, ()))
        app.worker.changed.connect(self._changed)  # a bound slot: gone with the panel
        self.retranslate()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def release(self) -> None:
        """Take the charts apart before the panel is deleted: pyqtgraph's views and items
        refer to each other, and leaving their wrappers to Python's cycle collector after Qt
        has deleted the widgets can crash the process (pyqtgraph issue 1628)."""
        self.trend_bars = self.category_bars = None
        for plot in (self.trend, self.categories):
            plot.clear()
            plot.close()

    def refresh(self) -> None:
        """Compute the figures on the database worker; draw them when they come back."""
        actor = self._app.staff.actor
        if actor is None:
            return

        def compute(ctx: ServiceContext) -> DashboardFigures:
            from desktop.services.dashboard import branch_dashboard

            return branch_dashboard(ctx, actor)

        self._app.worker.query(self, compute, self._show)

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        weeks = figures.weeks
        self.trend.clear()
        x = list(range(len(weeks)))
        self.trend_bars = ClickableBars(
            lambda _i: self.open_worklist.emit(Worklist.ALL, ()),
            x=[i - 0.2 for i in x], height=[w.received for w in weeks], width=0.4,
            brush=RECEIVED_COLOUR)
        self.trend.addItem(self.trend_bars)
        self.trend.addItem(pg.BarGraphItem(x=[i + 0.2 for i in x],
                                           height=[w.decided for w in weeks], width=0.4,
                                           brush=DECIDED_COLOUR))
        self.trend.getAxis("bottom").setTicks([[(i, w.first.strftime("%m-%d"))
                                                for i, w in zip(x, weeks, strict=True)]])
        self.categories.clear()
        codes = [code for code, _n in figures.categories]
        taxonomy = self._app.taxonomy

        def open_category(i: int) -> None:
            self.open_worklist.emit(Worklist.ALL, figures.subtrees.get(codes[i], (codes[i],)))

        if codes:
            self.category_bars = ClickableBars(
                open_category, x=list(range(len(codes))),
                height=[n for _c, n in figures.categories], width=0.6, brush=RECEIVED_COLOUR)
            self.categories.addItem(self.category_bars)
            locale = self._app.locale
            names = [taxonomy.label("business_type", c, locale) if taxonomy and
                     taxonomy.has("business_type", c) else c for c in codes]
            # Many bars: the codes under them (the names in the tooltip), else the names.
            ticks = codes if len(codes) > 6 else names
            self.categories.getAxis("bottom").setTicks([list(enumerate(ticks))])
            self.categories.setToolTip("\n".join(f"{c} {n}" for c, n in zip(codes, names,
                                                                             strict=True)))
        self.retranslate()
        self.loaded.emit()

    def retranslate(self) -> None:
        f = self.figures
        share = f.on_time_share if f else None
        self.on_time.setText(self.tr("On time: %1").replace(
            "%1", "—" if share is None else f"{share:.0%}"))
        score = f.satisfaction if f else None
        self.satisfaction.setText(self.tr("Satisfaction: %1").replace(
            "%1", "—" if score is None else f"{score:.1f} / 5"))
        self.overdue.setText(self.tr("Overdue cases: %n", "", f.overdue_cases if f else 0))
        self.actions_overdue.setText(self.tr(
            "Corrective actions overdue: %n", "", f.overdue_action_cases if f else 0))
        self.trend.setTitle(self.tr("Received (blue) and decided (green), by week"))
        self.categories.setTitle(self.tr("Received by business type (click a bar)"))
        self.setAccessibleName(self.tr("Dashboard"))
        self.trend.setToolTip(self.tr("Click a bar to open the worklist"))
        self.overdue.setToolTip(self.tr("Open the overdue worklist"))
        self.actions_overdue.setToolTip(self.tr("Open the worklist of overdue corrective actions"))
