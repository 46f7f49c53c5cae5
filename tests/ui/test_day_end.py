"""The day-end close from the window, against the demo branch's real local HQ: only a role
that may close the day sees it; the close runs in the background, says how many events HQ
and the branch agree on, records the close and opens the day-end report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.services.context import ServiceContext
from desktop.store.models import DayCloseRow
from desktop.sync.status import unsent_count
from tests.ui.conftest import Counter, DemoBranch, record_received
from tests.ui.test_accessibility import unnamed
from tests.ui.test_sync import Gate
from ui.actions import ActionId
from ui.day_end import DayEndDialog
from ui.sync import Result

WAIT_MS = 30_000


def closes(ctx: ServiceContext) -> list[tuple[str, int, str]]:
    with ctx.store.read() as s:
        return [(r.closed_by, r.event_count, r.business_date.isoformat())
                for r in s.scalars(select(DayCloseRow))]


def test_a_teller_does_not_see_the_day_end_entry(make_counter: Callable[..., Counter],
                                                 demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("T001")

    action = main.actions_by_id[ActionId.CLOSE_DAY]
    assert not action.isVisible() and not action.isEnabled()
    assert action not in [a for a in main.hq_menu.actions() if a.isVisible()]
    assert main.close_day() is None
    assert counter.app.worker.call_now(closes) == []


def test_a_supervisor_closes_the_day_and_gets_the_report(make_counter: Callable[..., Counter],
                                                         demo_branch: DemoBranch,
                                                         tmp_path: Path) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("S001")
    action = main.actions_by_id[ActionId.CLOSE_DAY]
    assert action.isVisible() and action.isEnabled()
    for _ in range(2):  # today's work, on top of the demo's earlier days
        counter.app.worker.call_now(lambda ctx: record_received(ctx.store, datetime.now(UTC)))

    action.trigger()
    dialog = main.day_end
    assert isinstance(dialog, DayEndDialog)
    counter.qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)

    assert dialog.outcome is not None and dialog.outcome.result is Result.DONE
    report = dialog.outcome.report
    assert report.event_count >= 2
    assert "核对一致" in dialog.outcome_text.text()
    assert f"当日记录：{report.event_count} 条" in dialog.outcome_text.text()
    assert counter.app.worker.call_now(closes) == [("S001", report.event_count,
                                                   dialog.business_date.isoformat())]
    assert counter.app.worker.call_now(unsent_count) == 0
    # Then the day-end report, in the print preview.
    counter.qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.document is not None
                            and len(dialog.preview.page_labels) > 0, timeout=WAIT_MS)
    assert dialog.preview is not None and dialog.preview.document is not None
    assert dialog.preview.document.kind == "day_end_report"
    assert dialog.business_date.isoformat() in dialog.preview.windowTitle()
    assert dialog.grab().save(str(tmp_path / "day-end.png"))
    assert unnamed(dialog) == []
    assert not action.isEnabled()  # one close at a time

    dialog.preview.reject()
    dialog.close_button.click()
    counter.qtbot.waitUntil(lambda: main.day_end is None, timeout=WAIT_MS)
    assert action.isEnabled()


def test_a_day_end_with_hq_stopped_says_why_and_records_nothing(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("M001")
    demo_branch.stop_hq()

    dialog = main.close_day()
    assert dialog is not None
    counter.qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)

    assert dialog.outcome is not None and dialog.outcome.result is Result.OFFLINE
    assert "未能完成" in dialog.outcome_text.text() and "总行" in dialog.outcome_text.text()
    assert dialog.preview is None and not dialog.report_button.isEnabled()
    assert counter.app.worker.call_now(closes) == []


def test_a_day_end_asked_for_during_a_sync_waits_for_it_then_runs(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("S001")
    gate = Gate()
    counter.app.hq_connect = gate.connect
    assert main.sync.sync_now()
    counter.qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)

    dialog = main.close_day()
    assert dialog is not None
    assert "等待" in dialog.step.text()  # the running sync first
    gate.release.set()
    counter.qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)

    assert dialog.outcome is not None and dialog.outcome.result is Result.DONE
    assert len(counter.app.worker.call_now(closes)) == 1
