from __future__ import annotations

from tests.ui.conftest import Counter


def test_a_teller_logs_in_and_sees_the_branch_worklist(counter: Counter) -> None:
    main = counter.log_in("T001")
    counter.qtbot.waitUntil(lambda: main.worklist.model.rowCount() > 0, timeout=10_000)
    assert counter.app.staff.actor is not None
    assert counter.app.staff.actor.staff_number == "T001"
