"""A whole intake without the mouse: Enter and Tab through the fields, Ctrl+Enter to the
next step, Space for tick boxes, Ctrl+S to save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.store.models import ComplaintRow
from tests.ui.conftest import Counter
from tests.ui.keys import focused, press, type_text
from ui.intake.panel import IntakePanel

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_complaint_is_recorded_with_the_keyboard_alone(counter: Counter) -> None:
    main = counter.log_in("T001")
    qtbot = counter.qtbot
    main.activateWindow()
    press(Qt.Key.Key_N, CTRL, main.worklist.table)
    panel = main.intake_panel()
    assert isinstance(panel, IntakePanel)
    customer = panel.steps[0]
    qtbot.waitUntil(lambda: focused() is customer.search)  # type: ignore[attr-defined]

    press(Qt.Key.Key_Return)  # an empty search: a new customer, the cursor goes to the name
    assert focused() is customer.name  # type: ignore[attr-defined]
    type_text("王小明")
    press(Qt.Key.Key_Return)  # → ID document type (resident ID is the default)
    press(Qt.Key.Key_Return)  # → ID number
    type_text("11010519491231002X")
    press(Qt.Key.Key_Return)  # → phone
    type_text("13800138000")
    press(Qt.Key.Key_Return)  # → address
    type_text("北京市东城区")
    press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: panel.current_step == 1)

    category = panel.steps[1]
    assert focused() is category.search  # type: ignore[attr-defined]
    type_text("R0101")  # only the cause tree has this code; the business types stay whole
    press(Qt.Key.Key_Return)
    assert focused() is category.business_type  # type: ignore[attr-defined]
    press(Qt.Key.Key_Return)  # the first business type, B01, has the cursor
    assert focused() is category.cause  # type: ignore[attr-defined]
    press(Qt.Key.Key_Down)  # R01
    press(Qt.Key.Key_Down)  # R0101, shown by the search
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: panel.current_step == 2)

    details = panel.steps[2]
    assert focused() is details.channel  # type: ignore[attr-defined]
    press(Qt.Key.Key_Return)  # at the counter
    type_text("2026-01-05")
    press(Qt.Key.Key_Return)
    type_text("柜台排队一个多小时无人解释。")
    press(Qt.Key.Key_Tab)  # multi-line text: Tab leaves it
    type_text("借记卡")
    press(Qt.Key.Key_Return)
    type_text("0")
    press(Qt.Key.Key_Return)
    type_text("要求道歉并改进服务。")
    details.recording_reference.setFocus()  # type: ignore[attr-defined]
    type_text("3号窗口摄像头 09:00-10:30")  # on-site: where the branch's recording is
    press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: panel.current_step == 3)

    review = panel.steps[3]
    assert focused() is review.consent  # type: ignore[attr-defined]
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    counter.wait_idle()

    result = panel.result
    assert result is not None

    def stored(ctx: object) -> tuple[str, str, str, str]:
        with ctx.store.read() as s:  # type: ignore[attr-defined]
            row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == result.complaint_id))
            return row.customer_name, row.business_type, row.cause, row.status

    assert counter.app.worker.call_now(stored) == ("王小明", "B01", "R0101", "received")
    assert QApplication.focusWidget() is not None
