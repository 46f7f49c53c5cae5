"""Quitting with changes HQ has not got yet asks first; saying no keeps the window open."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import Counter, DemoBranch
from ui.actions import ActionId


def test_quitting_with_unsent_changes_warns_and_no_keeps_working(
        make_counter: Callable[..., Counter], demo_branch: DemoBranch) -> None:
    counter = make_counter(demo_branch.folder)
    counter.app.settings.auto_sync_minutes = 0
    main = counter.log_in("T001")
    main.status.refresh()
    counter.qtbot.waitUntil(lambda: main.unsent_changes() > 0, timeout=15_000)
    counter.interaction.answer = False
    main.actions_by_id[ActionId.QUIT].trigger()
    assert main.isVisible()
    title, text = counter.interaction.messages[-1]
    assert title == "有未上传的变更，仍要退出？"
    assert str(main.unsent_changes()) in text
    counter.interaction.answer = True
    main.actions_by_id[ActionId.QUIT].trigger()
    counter.qtbot.waitUntil(lambda: not main.isVisible())
