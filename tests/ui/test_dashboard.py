"""The supervisor dashboard: figures computed on the worker, drawn by pyqtgraph, and every bar
and count opening the worklist filtered to it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from desktop.domain.model import Actor, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.services.cases import worklist_count
from desktop.services.dashboard import branch_dashboard
from tests.ui.conftest import Counter
from ui.dashboard import DashboardPanel
from ui.worklist_view import WORKLISTS

SUPERVISOR = Actor("S001", Role.SUPERVISOR)


def opened(counter: Counter) -> DashboardPanel:
    main = counter.log_in("S001")
    panel = main.open_dashboard()
    assert panel is not None
    counter.qtbot.waitUntil(lambda: panel.figures is not None, timeout=15_000)
    return panel


def click_bar(counter: Counter, panel: DashboardPanel, plot: object, x: float,
              height: float) -> None:
    view = plot.getPlotItem().getViewBox()  # type: ignore[attr-defined]
    scene_point = view.mapViewToScene(QPointF(x, height / 2))
    point = plot.mapFromScene(scene_point)  # type: ignore[attr-defined]
    counter.qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]


def test_the_dashboard_draws_the_services_figures(counter: Counter) -> None:
    panel = opened(counter)
    expected = counter.app.worker.call_now(lambda ctx: branch_dashboard(ctx, SUPERVISOR))
    assert panel.figures == expected
    assert panel.category_bars is not None and panel.trend_bars is not None
    heights = list(panel.category_bars.opts["height"])
    assert heights == [n for _c, n in expected.categories] and sum(heights) > 0
    assert list(panel.trend_bars.opts["height"]) == [w.received for w in expected.weeks]
    assert str(expected.overdue_cases) in panel.overdue.text()


def test_a_category_bar_opens_the_worklist_of_that_category(counter: Counter) -> None:
    panel = opened(counter)
    main = counter.main
    assert panel.figures is not None
    top, count = panel.figures.categories[0]
    model = main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=15_000):
        click_bar(counter, panel, panel.categories, 0, count)
    assert main.tabs.currentIndex() == 0
    assert model.query.worklist is Worklist.ALL
    assert set(model.query.business_types) >= {top}
    expected = counter.app.worker.call_now(lambda ctx: worklist_count(
        ctx, WorklistQuery(worklist=Worklist.ALL, business_types=model.query.business_types)))
    assert model.total == expected > 0
    # Choosing a worklist again shows it whole.
    with counter.qtbot.waitSignal(model.loaded, timeout=15_000):
        main.worklist.lists.setCurrentRow(WORKLISTS.index(Worklist.BRANCH))
    assert model.query.business_types == ()


def test_the_overdue_count_opens_the_overdue_worklist(counter: Counter) -> None:
    panel = opened(counter)
    model = counter.main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=15_000):
        counter.qtbot.mouseClick(panel.overdue, Qt.MouseButton.LeftButton)
    assert model.query.worklist is Worklist.OVERDUE
    assert panel.figures is not None and model.total == panel.figures.overdue_cases


def test_a_teller_gets_no_dashboard(counter: Counter) -> None:
    main = counter.log_in("T001")
    assert main.open_dashboard() is None
    assert not main.dashboard_action.isVisible()
