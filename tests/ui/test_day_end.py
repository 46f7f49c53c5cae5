"""The day-end close from the window, against the demo branch's real local HQ: only a role
that may close the day sees it; the close runs in the background, says how many events HQ
and the branch agree on, records the close and opens the day-end report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from desktop.services.context import ServiceContext
from desktop.services.day_close import day_end_check
from desktop.store.models import DayCloseRow
from desktop.sync.status import unsent_count
from tests.reports.helpers import pdftotext
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


def confirm(counter: Counter, dialog: DayEndDialog) -> None:
    """The pre-check has been read; the supervisor confirms the close."""
    counter.qtbot.waitUntil(dialog.confirm_button.isEnabled, timeout=WAIT_MS)
    assert dialog.outcome is None and not dialog.step.isVisible()  # nothing runs before
    dialog.confirm_button.click()


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
    confirm(counter, dialog)
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
    confirm(counter, dialog)
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
    confirm(counter, dialog)
    assert "等待" in dialog.step.text()  # the running sync first
    gate.release.set()
    counter.qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)

    assert dialog.outcome is not None and dialog.outcome.result is Result.DONE
    assert len(counter.app.worker.call_now(closes)) == 1


def test_the_close_waits_for_confirmation_after_its_pre_check_and_a_second_close_is_a_re_run(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch, tmp_path: Path) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("S001")
    counter.app.worker.call_now(lambda ctx: record_received(ctx.store, datetime.now(UTC)))
    expected = counter.app.worker.call_now(
        lambda ctx: day_end_check(ctx, ctx.business_date()))

    dialog = main.close_day()
    assert dialog is not None
    counter.qtbot.waitUntil(dialog.confirm_button.isEnabled, timeout=WAIT_MS)
    text = dialog.precheck.text()
    assert f"超期案件：{expected.overdue}" in text, text
    assert f"待上传到总行的变更：{expected.unsent}" in text, text
    assert f"未完成的受理草稿：{expected.open_drafts}" in text, text
    assert expected.unsent >= 1 and "重新结账" not in text
    dialog.cancel_button.click()  # not confirmed: nothing is closed
    counter.qtbot.waitUntil(lambda: main.day_end is None, timeout=WAIT_MS)
    assert counter.app.worker.call_now(closes) == []

    for run in (1, 2):
        dialog = main.close_day()
        assert dialog is not None
        confirm(counter, dialog)
        counter.qtbot.waitUntil(lambda d=dialog: d.outcome is not None, timeout=WAIT_MS)
        assert dialog.outcome is not None and dialog.outcome.result is Result.DONE
        assert dialog.outcome.report.run == run
        counter.qtbot.waitUntil(lambda d=dialog: d.preview is not None
                                and d.preview.document is not None, timeout=WAIT_MS)
        if run == 1:
            assert "重新结账" not in dialog.outcome_text.text()
        else:
            assert "重新结账" in dialog.precheck.text()
            assert "重新结账" in dialog.outcome_text.text() and "副本" in dialog.outcome_text.text()
            assert dialog.preview is not None and dialog.preview.document is not None
            assert "副本" in pdftotext(dialog.preview.document.pdf, tmp_path)
            assert dialog.grab().save(str(tmp_path / "day-end-rerun.png"))
            assert unnamed(dialog) == []
        assert dialog.preview is not None
        dialog.preview.reject()
        dialog.close_button.click()
        counter.qtbot.waitUntil(lambda: main.day_end is None, timeout=WAIT_MS)
