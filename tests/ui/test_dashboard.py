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


def click_at(counter: Counter, plot: object, x: float, y: float) -> None:
    """Click the chart `plot` at the point (x, y) of its data."""
    view = plot.getPlotItem().getViewBox()  # type: ignore[attr-defined]
    view.viewRange()  # settles a range pyqtgraph fits to new data only when next asked
    scene_point = view.mapViewToScene(QPointF(x, y))
    point = plot.mapFromScene(scene_point)  # type: ignore[attr-defined]
    counter.qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)  # type: ignore[attr-defined]


def test_the_dashboard_draws_the_services_figures(counter: Counter) -> None:
    panel = opened(counter)
    expected = counter.app.worker.call_now(lambda ctx: branch_dashboard(ctx, SUPERVISOR))
    assert panel.figures == expected
    assert panel.category_bars is not None and panel.trend_bars is not None
    heights = list(panel.category_bars.opts["width"])  # the bars lie: their length
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
        # The top bar is the largest category; bars lie, so its middle is at (count / 2, top).
        click_at(counter, panel.categories, count / 2, len(panel.figures.categories) - 1)
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


def test_the_category_bars_are_named_in_the_ui_language(counter: Counter) -> None:
    panel = opened(counter)
    taxonomy = counter.app.taxonomy
    assert taxonomy is not None and panel.figures is not None
    ticks = panel.categories.getAxis("left")._tickLevels[0]  # type: ignore[attr-defined]
    names = [name for _y, name in sorted(ticks, reverse=True)]  # top bar first
    expected = [taxonomy.label("business_type", c, "zh_CN") for c, _n in panel.figures.categories]
    assert [n.rstrip("…") for n in names] == [e[:len(n.rstrip("…"))] for e, n in
                                              zip(expected, names, strict=True)]
    assert not any(n.startswith("B0") for n in names)
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        counter.app.set_language("en")
        panel.refresh()
    ticks = panel.categories.getAxis("left")._tickLevels[0]  # type: ignore[attr-defined]
    top = max(ticks)[1]
    assert expected[0] != top
    assert taxonomy.label("business_type", panel.figures.categories[0][0], "en").startswith(
        top.rstrip("…"))


def test_on_time_share_and_satisfaction_are_charts_of_each_week(counter: Counter) -> None:
    panel = opened(counter)
    f = panel.figures
    assert f is not None and panel.on_time_bars is not None
    shares = [(i, 100 * w.on_time_share) for i, w in enumerate(f.weeks)
              if w.on_time_share is not None]
    assert list(panel.on_time_bars.opts["x"]) == [i for i, _s in shares]
    assert list(panel.on_time_bars.opts["height"]) == [s for _i, s in shares]
    scored = [(i, w.satisfaction) for i, w in enumerate(f.weeks) if w.satisfaction is not None]
    if scored:
        assert panel.satisfaction_line is not None
        xs, ys = panel.satisfaction_line.getData()
        assert list(xs) == [i for i, _s in scored] and list(ys) == [s for _i, s in scored]
    share = f.on_time_share
    assert share is not None and f"{share:.0%}" in panel.on_time.getPlotItem().titleLabel.text
    assert "/" in panel.reopened.text() or "—" in panel.reopened.text()


def test_a_week_bar_narrows_the_categories_to_that_week(counter: Counter) -> None:
    panel = opened(counter)
    f = panel.figures
    assert f is not None and panel.trend_bars is not None
    week = max(range(len(f.weeks)), key=lambda i: f.weeks[i].received)
    click_at(counter, panel.trend, week - 0.2, f.weeks[week].received / 2)
    assert panel.week == week
    assert panel.week_picker.currentIndex() == week + 1
    assert panel.category_bars is not None
    assert list(panel.category_bars.opts["width"]) == [n for _c, n in f.categories_of(week)]
    assert sum(panel.category_bars.opts["width"]) == f.weeks[week].received
    # The picker chooses all weeks again.
    panel.week_picker.setCurrentIndex(0)
    panel.week_picker.activated.emit(0)
    assert panel.week is None
    assert list(panel.category_bars.opts["width"]) == [n for _c, n in f.categories]


def test_a_rising_category_is_flagged_and_says_why(counter: Counter) -> None:
    from desktop.services import complaints as uc
    from tests.services.intakes import sample_intake

    panel = opened(counter)
    f = panel.figures
    assert f is not None
    before = dict((c, ns[-2]) for c, ns in f.category_weeks).get("B02", 0)
    now = dict((c, ns[-1]) for c, ns in f.category_weeks).get("B02", 0)
    more = max(5, 2 * before + 1) - now  # to rise by half at least, and 5 at least
    teller = Actor("T001", Role.TELLER)
    counter.app.worker.call_now(lambda ctx: [uc.record_complaint(
        ctx, teller, sample_intake(business_type="B0201", cause="R0101"))
        for _ in range(max(more, 0))])
    with counter.qtbot.waitSignal(panel.loaded, timeout=15_000):
        panel.refresh()
    f = panel.figures
    rises = {code: (b, n) for code, b, n in f.rising[-1]}
    assert rises["B02"] == (before, max(now, now + more))
    text = panel.rising.text()
    name = panel.category_name("B02")
    assert f"{name}：" in text or f"{name}:" in text
    assert f"{max(now, now + more)}" in text and "50%" in text
    assert panel.category_bars is not None
    i = panel.category_codes.index("B02")
    from ui.dashboard import RISING_COLOUR

    assert panel.category_bars.opts["brushes"][i] == RISING_COLOUR
