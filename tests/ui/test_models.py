"""Every item model passes Qt's model tester, and the worklist pages through SQL instead of
loading the table."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from desktop.domain.worklist import SortKey, Worklist, WorklistQuery
from tests.ui.conftest import Counter
from ui import spacing, worklist_model
from ui.intake.category_step import CategoryStep
from ui.intake.customer_step import CustomerStep
from ui.worklist_model import CASE_ID_ROLE, WorklistModel, plan_page_read

REFERENCE = re.compile(r"^BJ001-\d{2}-\d{8}-\d{4}-[0-9A-Z]")


def loaded(counter: Counter, model: WorklistModel) -> None:
    counter.wait_idle()
    counter.qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)


def test_the_worklist_model_passes_the_model_tester(counter: Counter, qtmodeltester: ModelTester) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    model.set_worklist(Worklist.ALL)
    loaded(counter, model)
    qtmodeltester.check(model)
    counter.wait_idle()


def test_the_worklist_fetches_rows_a_page_at_a_time(counter: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacing, "PAGE_SIZE", 7)
    counter.log_in("T001")
    model = WorklistModel(counter.app)  # no view: only what is asked for is fetched
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000) as loaded_signal:
        model.set_worklist(Worklist.ALL)
    total = loaded_signal.args[0]
    assert total > 30 and model.rowCount() == total
    assert model._pages.keys() == {0}
    far = model.index(total - 1, 0)
    assert model.data(far) == "…"  # not in memory yet: asked for in the background
    counter.qtbot.waitUntil(lambda: REFERENCE.match(str(model.data(far))) is not None, timeout=10_000)
    assert set(model._pages) == {0, (total - 1) // 7}

    # Pages past the middle are read backwards from the end: the same rows, in the same order.
    from desktop.services.cases import worklist_rows

    query = model.query
    expected = counter.app.worker.call_now(lambda ctx: worklist_rows(ctx, query, 0, total))
    for row in range(total):
        model.data(model.index(row, 0))
        counter.wait_idle()
    shown = [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(total)]
    assert shown == [r.id for r in expected]


def test_a_jump_into_the_middle_shows_the_right_rows_and_later_jumps_start_from_landmarks(
        counter: Counter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacing, "PAGE_SIZE", 5)
    monkeypatch.setattr(worklist_model, "FAR_SKIP", 10)
    monkeypatch.setattr(worklist_model, "LANDMARK_EVERY", 8)
    counter.log_in("T001")
    model = WorklistModel(counter.app)
    query = WorklistQuery(worklist=Worklist.ALL, sort=SortKey.STATUS, descending=True)
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000) as loaded_signal:
        model.set_query(query)
    total = loaded_signal.args[0]
    from desktop.services.cases import worklist_rows

    expected = [r.id for r in counter.app.worker.call_now(lambda ctx: worklist_rows(ctx, query, 0, total))]
    middle = total // 2
    assert model.data(model.index(middle, 0)) == "…"
    counter.qtbot.waitUntil(lambda: model.line(middle) is not None, timeout=10_000)
    counter.wait_idle()  # the landmarks, taken after that far read

    assert set(range(7, total, 8)) <= set(model._known_rows)
    far = plan_page_read(total // 3, 5, total, model._known_rows, model._known)
    assert far.after is not None and far.skip < 8
    for row in [*range(middle, total), *range(middle - 1, -1, -1)]:  # down to the end, then up
        model.data(model.index(row, 0))
        counter.wait_idle()
    shown = [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(total)]
    assert shown == expected


def test_a_page_is_read_from_whichever_known_row_is_nearest() -> None:
    positions = {9: ("a", 1), 40: ("b", 2), 99: ("c", 3)}
    rows = sorted(positions)
    assert plan_page_read(0, 10, 100, rows, positions).after is None  # the start itself
    after_nine = plan_page_read(10, 10, 100, rows, positions)
    assert (after_nine.after, after_nine.backwards, after_nine.skip) == (("a", 1), False, 0)
    before_forty = plan_page_read(30, 10, 100, rows, positions)
    assert (before_forty.after, before_forty.backwards, before_forty.skip) == (("b", 2), True, 0)
    from_end = plan_page_read(95, 4, 100, rows, positions)  # the last row is not known
    assert (from_end.after, from_end.skip) == (("c", 3), 0) and from_end.backwards
    between = plan_page_read(60, 10, 100, rows, positions)
    assert (between.after, between.backwards, between.skip) == (("b", 2), False, 19)


def test_sorting_is_done_by_the_database(counter: Counter) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    model.set_worklist(Worklist.ALL)
    loaded(counter, model)
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(0, Qt.SortOrder.DescendingOrder)
    references = [str(model.data(model.index(r, 0))).rstrip(" ⚑") for r in range(model.rowCount())]
    assert references == sorted(references, reverse=True)


def test_time_left_is_words_and_colour(counter: Counter) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_worklist(Worklist.OVERDUE)
    assert model.rowCount() > 0
    cell = model.index(0, 5)
    assert str(model.data(cell)).startswith("已超期")
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), CASE_ID_ROLE)


def test_the_customer_step_models_pass_the_model_tester(counter: Counter, qtmodeltester: ModelTester) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    step = panel.steps[0]
    assert isinstance(step, CustomerStep)

    def some_customer(ctx: object) -> str:
        from sqlalchemy import select

        from desktop.store.models import CustomerRow

        with ctx.store.read() as s:  # type: ignore[attr-defined]
            return str(s.scalar(select(CustomerRow.name).limit(1)))

    name = counter.app.worker.call_now(some_customer)
    step.search.setText(name)
    step.find_customer()
    counter.qtbot.waitUntil(lambda: step.results.model().rowCount() > 0, timeout=10_000)
    qtmodeltester.check(step.results.model())
    step.results.activated.emit(step.results.model().index(0, 0))
    counter.qtbot.waitUntil(lambda: step.history_model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(step.history_model)


def test_the_category_trees_pass_the_model_tester(counter: Counter, qtmodeltester: ModelTester) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    step = panel.steps[1]
    assert isinstance(step, CategoryStep)
    for tree, needle in ((step.business_type, "贷"), (step.cause, "贷"), (step.business_channel, "手机")):
        qtmodeltester.check(tree.source)
        tree.filter(needle)
        qtmodeltester.check(tree.proxy)


def test_the_timeline_model_passes_the_model_tester(counter: Counter, qtmodeltester: ModelTester) -> None:
    main = counter.log_in("T001")
    model = main.worklist.model
    loaded(counter, model)
    view = main.open_case(str(model.data(model.index(0, 0), CASE_ID_ROLE)))
    counter.qtbot.waitUntil(lambda: view.timeline_model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(view.timeline_model)
    assert view.timeline_model.data(QModelIndex()) is None
