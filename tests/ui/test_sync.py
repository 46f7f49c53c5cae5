"""Sync with HQ from the window, against the demo branch's real local HQ: "Sync now" sends
everything and the status bar says so; with HQ stopped it says offline and loses nothing;
Cancel stops a sync cleanly; the timer syncs by itself and never on top of a running sync."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.services.context import ServiceContext
from desktop.store.db import Store
from desktop.sync.client import HqClient
from desktop.sync.status import last_sync, unsent_count
from tests.ui.conftest import Counter, DemoBranch
from tests.ui.test_accessibility import unnamed
from ui.actions import ActionId
from ui.context import connect_to_hq
from ui.main_window import MainWindow
from ui.sync import HqState, Result, SyncKind, SyncOutcome

WAIT_MS = 30_000


def unsent(counter: Counter) -> int:
    return counter.app.worker.call_now(unsent_count)


def log_in_without_timer(counter: Counter, number: str = "S001") -> MainWindow:
    """Log in with automatic sync off, so only what the test starts runs."""
    counter.app.settings.auto_sync_minutes = 0
    return counter.log_in(number)


def wait_for_outcome(counter: Counter, main: MainWindow) -> SyncOutcome:
    counter.qtbot.waitUntil(lambda: main.sync.running is None and main.sync.last_outcome is not None,
                            timeout=WAIT_MS)
    outcome = main.sync.last_outcome
    assert outcome is not None
    return outcome


def sync_now(counter: Counter, main: MainWindow) -> SyncOutcome:
    action = main.actions_by_id[ActionId.SYNC_NOW]
    assert action.isEnabled()
    with counter.qtbot.waitSignal(main.sync.finished, timeout=WAIT_MS) as finished:
        action.trigger()
    outcome = finished.args[0]
    assert isinstance(outcome, SyncOutcome)
    return outcome


def test_sync_now_sends_everything_and_the_status_bar_says_so(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    main = log_in_without_timer(counter)
    assert unsent(counter) > 0  # the demo's complaints were never sent
    assert "从未" in main.status.last_sync.text()

    outcome = sync_now(counter, main)

    assert outcome.result is Result.DONE and outcome.kind is SyncKind.MANUAL
    assert unsent(counter) == 0
    counter.qtbot.waitUntil(lambda: main.status.unsent.text().endswith("：0"), timeout=WAIT_MS)
    assert "从未" not in main.status.last_sync.text()
    assert any(ch.isdigit() for ch in main.status.last_sync.text())  # a time, as the locale writes it
    assert counter.app.worker.call_now(last_sync) is not None
    assert main.sync.hq_state is HqState.ONLINE and "在线" in main.status.connection.text()
    assert not main.status.sync_bar.isVisible()


def test_with_hq_stopped_the_bar_says_offline_and_nothing_is_lost_until_hq_is_back(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    main = log_in_without_timer(counter)
    before = unsent(counter)
    demo_branch.stop_hq()

    outcome = sync_now(counter, main)

    assert outcome.result is Result.OFFLINE
    assert "离线" in main.status.connection.text()
    assert unsent(counter) == before  # nothing sent, nothing lost
    counter.qtbot.waitUntil(lambda: main.status.unsent.text().endswith(f"：{before}"), timeout=WAIT_MS)
    assert "从未" in main.status.last_sync.text()
    # A sync asked for by hand that fails is also told in a box, calmly.
    assert any("总行" in text for _, text in counter.interaction.messages)

    demo_branch.start_hq()
    assert sync_now(counter, main).result is Result.DONE
    assert unsent(counter) == 0
    assert "在线" in main.status.connection.text()


class Gate:
    """An HQ connection whose first push waits until the test lets it through."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def connect(self, store: Store, **options: Any) -> HqClient:
        client = connect_to_hq(store, **options)
        push = client.push

        def held_push(request: Any) -> Any:
            self.entered.set()
            self.release.wait(WAIT_MS / 1000)
            return push(request)

        client.push = held_push  # type: ignore[method-assign]
        return client


def test_cancel_stops_a_running_sync_cleanly_and_the_timer_never_starts_another_on_top(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch, tmp_path: Path) -> None:
    counter = make_counter(demo_branch.folder)
    main = log_in_without_timer(counter)
    gate = Gate()
    counter.app.hq_connect = gate.connect
    started: list[SyncKind] = []
    main.sync.started.connect(started.append)
    main.actions_by_id[ActionId.SYNC_NOW].trigger()
    counter.qtbot.waitUntil(gate.entered.is_set, timeout=WAIT_MS)
    status = main.status
    counter.qtbot.waitUntil(lambda: status.sync_bar.isVisible() and status.cancel_button.isVisible())
    assert "总行" in status.sync_text.text()
    assert status.grab().save(str(tmp_path / "status-bar-syncing.png"))
    assert unnamed(status) == []

    ticks: list[int] = []
    main.sync.timer.timeout.connect(lambda: ticks.append(1))
    main.sync.set_auto_interval(50)
    counter.qtbot.waitUntil(lambda: len(ticks) >= 3)
    assert started == [SyncKind.MANUAL]  # the timer came due three times and waited
    main.sync.set_auto_interval(0)

    counter.qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    assert "停止" in status.sync_text.text()
    gate.release.set()
    outcome = wait_for_outcome(counter, main)

    assert outcome.result is Result.CANCELLED
    assert counter.app.worker.call_now(last_sync) is None  # the sync did not complete
    assert "已取消" in status.connection.text()
    assert not status.sync_bar.isVisible() and not status.cancel_button.isVisible()
    assert counter.interaction.messages == []  # a cancel is no error

    counter.app.hq_connect = connect_to_hq
    assert sync_now(counter, main).result is Result.DONE
    assert unsent(counter) == 0


def test_the_timer_syncs_by_itself_and_an_offline_hq_is_only_told_in_the_status_bar(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    main = log_in_without_timer(counter, "T001")  # a teller may sync by hand; the PC syncs anyway
    assert main.actions_by_id[ActionId.SYNC_NOW].isVisible()
    assert unsent(counter) > 0
    outcomes: list[SyncOutcome] = []
    main.sync.finished.connect(outcomes.append)

    main.sync.set_auto_interval(100)
    counter.qtbot.waitUntil(lambda: any(o.result is Result.DONE for o in outcomes), timeout=WAIT_MS)

    assert all(o.kind is SyncKind.AUTO for o in outcomes)
    assert unsent(counter) == 0
    counter.qtbot.waitUntil(lambda: main.status.unsent.text().endswith("：0"), timeout=WAIT_MS)

    demo_branch.stop_hq()
    counter.qtbot.waitUntil(lambda: main.sync.hq_state is HqState.OFFLINE, timeout=WAIT_MS)
    main.sync.set_auto_interval(0)
    assert "离线" in main.status.connection.text()
    assert counter.interaction.messages == []  # no box for the timer's attempts


def test_a_pc_never_enrolled_says_so_and_offers_no_sync(counter: Counter) -> None:
    main = log_in_without_timer(counter)  # the plain test profile was never enrolled

    main.sync.sync_automatically()  # off: nothing starts
    assert main.sync.running is None
    main.sync.set_auto_interval(60_000)
    assert main.sync.sync_automatically()
    outcome = wait_for_outcome(counter, main)

    assert outcome.result is Result.NOT_ENROLLED
    assert "未登记" in main.status.connection.text()
    action = main.actions_by_id[ActionId.SYNC_NOW]
    assert not action.isEnabled() and "未登记" in action.toolTip()
    assert not main.sync.sync_automatically()  # it does not keep trying


def test_reading_the_sync_facts_needs_no_network_client(demo_branch: DemoBranch) -> None:
    from desktop.profile import open_profile
    from desktop.services.context import load_context
    from ui.sync_status import read_sync_facts

    store = open_profile(demo_branch.folder)
    try:
        ctx: ServiceContext = load_context(store)
        facts = read_sync_facts(ctx)
    finally:
        store.close()
    assert facts.unsent is not None and facts.unsent > 0 and facts.last_sync is None
