"""What the status bar says a person must act on (issue 11, items 7 and 9): events from HQ
kept in quarantine (for those who close the day) and a PC clock that is wrong. Against
the demo branch's real local HQ; the bad event is written into HQ's database directly."""

from __future__ import annotations

from collections.abc import Callable

from desktop.demo import HQ_DATABASE_FILE
from desktop.domain.model import EventKind
from desktop.sync.engine import SyncReport
from hq.db import make_engine
from tests.hq.conftest import DeviceChain
from tests.sync.hq_inject import inject_at_hq
from tests.ui.conftest import Counter, DemoBranch
from tests.ui.test_sync import log_in_without_timer, sync_now
from ui.sync import Result, SyncKind, SyncOutcome


def test_events_set_aside_are_shown_to_a_supervisor_and_sync_goes_on(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    main = log_in_without_timer(counter, "S001")
    engine = make_engine(f"sqlite:///{demo_branch.folder / HQ_DATABASE_FILE}")
    try:
        forged = DeviceChain("forged-device", counter.app.branch.branch_code)
        inject_at_hq(engine, forged.event(EventKind.RECEIVED, complaint_id="c-forged", payload={}))
    finally:
        engine.dispose()
    assert not main.status.warning.isVisible()

    outcome = sync_now(counter, main)

    assert outcome.result is Result.DONE and outcome.report.quarantined == 1
    counter.qtbot.waitUntil(lambda: main.status.warning.isVisible(), timeout=30_000)
    assert "1 条总行事件已隔离" in main.status.warning.text()
    assert "admin quarantine" in main.status.warning.toolTip()
    assert sync_now(counter, main).result is Result.DONE  # never a stuck branch


def test_a_wrong_pc_clock_is_shown_in_the_status_bar(make_counter: Callable[..., Counter],
                                                     demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder, language="en")
    main = log_in_without_timer(counter, "T001")
    main.sync.last_outcome = SyncOutcome(SyncKind.AUTO, Result.DONE,
                                         report=SyncReport(clock_offset_s=-3 * 3600))
    main.status.retranslate()
    assert main.status.warning.isVisible()
    assert "clock is wrong" in main.status.warning.text()
    assert "180 minutes" in main.status.warning.toolTip()
