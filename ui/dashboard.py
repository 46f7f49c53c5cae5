"""The supervisor dashboard (docs/ARCHITECTURE.md §14): the last weeks' received and decided,
complaints by business type (named in the UI's language), each week's on-time share and
satisfaction as charts, the reopened share, the categories that rose week over week (each
flag saying why), overdue cases and corrective actions, drawn with pyqtgraph. The figures
are computed on the database worker (desktop.services.dashboard); a week bar (or the week
picker) narrows the categories and the rise to that week, each category bar and each count
opens the worklist filtered to it."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.analytics.dashboard import DashboardFigures
from desktop.domain.worklist import Worklist
from desktop.services.context import ServiceContext
from ui import spacing
from ui.context import AppContext

RECEIVED_COLOUR = "#2e86c1"
DECIDED_COLOUR = "#27ae60"
SELECTED_COLOUR = "#1b4f72"  # the received bar of the week picked
RISING_COLOUR = "#d35400"  # a category bar flagged as rising
WARNING_STYLE = "color: #b00020; font-weight: bold;"
NAME_LENGTH = 30  # a category name longer than this is cut under its bar (whole in the tooltip)


class ClickableBars(pg.BarGraphItem):
    """Bars that say which one was clicked (its index); upright (`x`, `width`) or lying
    (`y`, `height`, with `horizontal=True`)."""

    def __init__(self, on_click: Any, *, horizontal: bool = False, **options: Any) -> None:
        super().__init__(**options)
        self._on_click = on_click
        self._horizontal = horizontal
        self._centres = list(options["y" if horizontal else "x"])
        self._size = float(options["height" if horizontal else "width"])

    def mouseClickEvent(self, event: Any) -> None:  # pyqtgraph calls it by this name
        at = event.pos().y() if self._horizontal else event.pos().x()
        for i, centre in enumerate(self._centres):
            if abs(at - centre) <= self._size / 2:
                event.accept()
                self._on_click(i)
                return


class DashboardPanel(QWidget):
    """`open_worklist(worklist, business types)` asks the window to show that worklist."""

    open_worklist = Signal(object, object)
    export_statistics = Signal()  # the supervisor asks to export the JR/T statistics
    loaded = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("dashboard")
        self.figures: DashboardFigures | None = None
        self.week: int | None = None  # the week picked (its index in figures.weeks), or all
        pg.setConfigOptions(antialias=True, background="w", foreground="k")
        self.trend = pg.PlotWidget(self)
        self.categories = pg.PlotWidget(self)
        self.on_time = pg.PlotWidget(self)
        self.satisfaction = pg.PlotWidget(self)
        self.plots = (self.trend, self.categories, self.on_time, self.satisfaction)
        self.trend_bars: ClickableBars | None = None
        self.category_bars: ClickableBars | None = None
        self.category_codes: list[str] = []  # the category bars' codes, top bar first
        self.on_time_bars: pg.BarGraphItem | None = None
        self.satisfaction_line: pg.PlotDataItem | None = None
        self.week_label = QLabel(self)
        self.week_picker = QComboBox(self)
        self.week_label.setBuddy(self.week_picker)
        self.reopened = QLabel(self)
        self.rising = QLabel(self)
        self.rising.setWordWrap(True)
        self.overdue = QPushButton(self)
        self.actions_overdue = QPushButton(self)
        self.export_button = QPushButton(self)
        for widget in self.plots:
            widget.setMouseEnabled(x=False, y=False)
            widget.setMenuEnabled(False)
        self.on_time.setYRange(0, 100)
        self.satisfaction.setYRange(0, 5)
        top = QHBoxLayout()
        top.setSpacing(spacing.GAP)
        for widget in (self.week_label, self.week_picker, self.reopened):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.overdue)
        top.addWidget(self.actions_overdue)
        top.addWidget(self.export_button)
        layout = QGridLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(top, 0, 0, 1, 2)
        layout.addWidget(self.rising, 1, 0, 1, 2)
        layout.addWidget(self.trend, 2, 0)
        layout.addWidget(self.categories, 2, 1)
        layout.addWidget(self.on_time, 3, 0)
        layout.addWidget(self.satisfaction, 3, 1)
        layout.setRowStretch(2, 3)
        layout.setRowStretch(3, 2)
        self.overdue.clicked.connect(lambda: self.open_worklist.emit(Worklist.OVERDUE, ()))
        self.actions_overdue.clicked.connect(
            lambda: self.open_worklist.emit(Worklist.ACTIONS_OVERDUE, ()))
        self.export_button.clicked.connect(self.export_statistics.emit)
        self.week_picker.activated.connect(
            lambda i: self.pick_week(None if i <= 0 else i - 1))
        app.worker.changed.connect(self._changed)  # a bound slot: gone with the panel
        self.retranslate()

    def _changed(self, _changes: object) -> None:
        self.refresh()

    def release(self) -> None:
        """Take the charts apart before the panel is deleted: pyqtgraph's views and items
        refer to each other, and leaving their wrappers to Python's cycle collector after Qt
        has deleted the widgets can crash the process (pyqtgraph issue 1628)."""
        self.trend_bars = self.category_bars = self.on_time_bars = None
        self.satisfaction_line = None
        for plot in self.plots:
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

    def pick_week(self, week: int | None) -> None:
        """Narrow the categories and the rise to week number `week` (None: all weeks)."""
        f = self.figures
        self.week = None if f is None or week is None or not 0 <= week < len(f.weeks) else week
        self.week_picker.setCurrentIndex(0 if self.week is None else self.week + 1)
        self._draw_trend()
        self._draw_categories()
        self._explain_rise()

    def _show(self, figures: DashboardFigures) -> None:
        self.figures = figures
        if self.week is not None and self.week >= len(figures.weeks):
            self.week = None
        self._draw_trend()
        self._draw_categories()
        self._draw_on_time_and_satisfaction()
        self.retranslate()
        self.loaded.emit()

    def _draw_trend(self) -> None:
        f = self.figures
        self.trend.clear()
        if f is None:
            return
        x = list(range(len(f.weeks)))
        self.trend_bars = ClickableBars(
            self.pick_week, x=[i - 0.2 for i in x], height=[w.received for w in f.weeks],
            width=0.4, brushes=[SELECTED_COLOUR if i == self.week else RECEIVED_COLOUR
                                for i in x])
        self.trend.addItem(self.trend_bars)
        self.trend.addItem(pg.BarGraphItem(x=[i + 0.2 for i in x],
                                           height=[w.decided for w in f.weeks], width=0.4,
                                           brush=DECIDED_COLOUR))
        self._week_ticks(self.trend)

    def _week_ticks(self, plot: pg.PlotWidget) -> None:
        assert self.figures is not None
        plot.getAxis("bottom").setTicks([[(i, w.first.strftime("%m-%d"))
                                          for i, w in enumerate(self.figures.weeks)]])

    def category_name(self, code: str) -> str:
        """The business type's name in the UI's language (its code if the taxonomy lacks it)."""
        taxonomy = self._app.taxonomy
        if taxonomy is not None and taxonomy.has("business_type", code):
            return taxonomy.label("business_type", code, self._app.locale)
        return code

    def _rises(self) -> tuple[tuple[str, int, int], ...]:
        """The rise of the week picked, else of the latest week."""
        f = self.figures
        if f is None or not f.rising:
            return ()
        return f.rising[len(f.rising) - 1 if self.week is None else self.week]

    def _draw_categories(self) -> None:
        f = self.figures
        self.categories.clear()
        self.category_bars = None
        self.category_codes = []
        if f is None:
            return
        counts = f.categories_of(self.week)
        codes = [code for code, _n in counts]
        self.category_codes = codes
        if not codes:
            return
        rising = {code for code, _before, _now in self._rises()}

        def open_category(i: int) -> None:
            code = codes[i]
            self.open_worklist.emit(Worklist.ALL, f.subtrees.get(code, (code,)))

        # Lying bars, the most complaints on top, each named on the left.
        y = [len(codes) - 1 - i for i in range(len(codes))]
        self.category_bars = ClickableBars(
            open_category, horizontal=True, x0=0, y=y, height=0.6,
            width=[n for _c, n in counts],
            brushes=[RISING_COLOUR if c in rising else RECEIVED_COLOUR for c in codes])
        self.categories.addItem(self.category_bars)
        names = [self.category_name(c) for c in codes]
        short = [n if len(n) <= NAME_LENGTH else n[:NAME_LENGTH - 1] + "…" for n in names]
        self.categories.getAxis("left").setTicks([list(zip(y, short, strict=True))])
        self.categories.setToolTip("\n".join(
            f"{name}: {n}" for name, (_c, n) in zip(names, counts, strict=True)))

    def _draw_on_time_and_satisfaction(self) -> None:
        f = self.figures
        self.on_time.clear()
        self.satisfaction.clear()
        self.on_time_bars = self.satisfaction_line = None
        if f is None:
            return
        shares = [(i, w.on_time_share) for i, w in enumerate(f.weeks)]
        decided = [(i, 100 * s) for i, s in shares if s is not None]
        if decided:
            self.on_time_bars = pg.BarGraphItem(x=[i for i, _s in decided],
                                                height=[s for _i, s in decided], width=0.6,
                                                brush=DECIDED_COLOUR)
            self.on_time.addItem(self.on_time_bars)
        scored = [(i, w.satisfaction) for i, w in enumerate(f.weeks) if w.satisfaction is not None]
        if scored:
            self.satisfaction_line = pg.PlotDataItem(
                x=[i for i, _s in scored], y=[s for _i, s in scored], pen=pg.mkPen(
                    RECEIVED_COLOUR, width=2), symbol="o", symbolBrush=RECEIVED_COLOUR)
            self.satisfaction.addItem(self.satisfaction_line)
        for plot in (self.on_time, self.satisfaction):
            plot.setXRange(-0.5, len(f.weeks) - 0.5, padding=0)
            self._week_ticks(plot)

    def _explain_rise(self) -> None:
        f = self.figures
        rises = self._rises()
        if f is None:
            self.rising.clear()
            return
        week = f.weeks[len(f.weeks) - 1 if self.week is None else self.week]
        when = week.first.strftime("%m-%d")
        if not rises:
            self.rising.setStyleSheet("")
            self.rising.setText(self.tr(
                "No category rose week over week in the week of %1 (flagged: %2 more than the "
                "week before and at least %3)").replace("%1", when).replace(
                    "%2", f"{f.rise_share:.0%}").replace("%3", str(f.rise_min_count)))
            return
        lines = [self.tr("%1: %2 in the week of %3, %4 the week before").replace(
            "%1", self.category_name(code)).replace("%2", str(now)).replace(
                "%3", when).replace("%4", str(before)) for code, before, now in rises]
        self.rising.setStyleSheet(WARNING_STYLE)
        self.rising.setText(self.tr("Rising week over week (%1 more and at least %2): %3")
                            .replace("%1", f"{f.rise_share:.0%}")
                            .replace("%2", str(f.rise_min_count)).replace("%3", "; ".join(lines)))

    def retranslate(self) -> None:
        f = self.figures
        share = f.on_time_share if f else None
        score = f.satisfaction if f else None
        self.week_label.setText(self.tr("&Week:"))
        self.week_picker.clear()
        self.week_picker.addItem(self.tr("All %n week(s)", "", len(f.weeks) if f else 0))
        for w in f.weeks if f else ():
            self.week_picker.addItem(self.tr("Week of %1").replace("%1",
                                                                   w.first.strftime("%m-%d")))
        self.week_picker.setCurrentIndex(0 if self.week is None else self.week + 1)
        reopened = f.reopened_share if f else None
        self.reopened.setText(self.tr("Reopened: %1").replace(
            "%1", "—" if reopened is None or f is None
            else f"{reopened:.0%} ({f.reopened}/{f.ever_decided})"))
        self.reopened.setToolTip(self.tr(
            "Of the complaints of these weeks decided at least once, the share reopened since"))
        self.overdue.setText(self.tr("Overdue cases: %n", "", f.overdue_cases if f else 0))
        self.actions_overdue.setText(self.tr(
            "Corrective actions overdue: %n", "", f.overdue_action_cases if f else 0))
        self.trend.setTitle(self.tr("Received (blue) and decided (green), by week — click a week"))
        self.categories.setTitle(self.tr("Received by business type (click a bar)"))
        self.on_time.setTitle(self.tr("Decided on time, by week (%) — all weeks: %1").replace(
            "%1", "—" if share is None else f"{share:.0%}"))
        self.satisfaction.setTitle(self.tr("Satisfaction, by week (1–5) — all weeks: %1")
                                   .replace("%1", "—" if score is None else f"{score:.1f}"))
        self.setAccessibleName(self.tr("Dashboard"))
        self.week_picker.setAccessibleName(self.tr("Week"))
        self.trend.setToolTip(self.tr("Click a week to see its categories and rise"))
        self.export_button.setText(self.tr("Export statistics…"))
        self.export_button.setToolTip(self.tr(
            "Export the JR/T 0169 statistics of a period as XLSX, CSV or PDF"))
        self.overdue.setToolTip(self.tr("Open the overdue worklist"))
        self.actions_overdue.setToolTip(self.tr("Open the worklist of overdue corrective actions"))
        self._draw_categories()  # the names in the language now
        self._explain_rise()
