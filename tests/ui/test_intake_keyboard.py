"""A whole intake without the mouse: Enter moves on to what still needs filling (and to the
next step when nothing does), Tab visits every field in screen order, Space ticks, Enter
or Space presses a focused button, Ctrl+S saves; no key typed while the focus moves is lost."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from desktop.store.models import ComplaintRow
from tests.ui.conftest import Counter
from tests.ui.keys import focused, press, type_text
from tests.ui.walk_in import CUSTOMER, DESCRIPTION, LOAN_NUMBER, record_walk_in
from ui.intake.panel import IntakePanel
from ui.intake.step import IntakeStep

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_complaint_is_recorded_with_the_keyboard_alone(counter: Counter) -> None:
    counter.log_in("T001")
    panel, keys = record_walk_in(counter)
    result = panel.result
    assert result is not None
    assert keys.moves[0] == "Ctrl+N" and keys.moves[-1] == "Ctrl+S"

    def stored(ctx: object) -> tuple[str, str, str, str, dict[str, object], str]:
        with ctx.store.read() as s:  # type: ignore[attr-defined]
            row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == result.complaint_id))
            return (row.customer_name, row.business_type, row.cause, row.status,
                    dict((row.details or {}).get("extra_fields") or {}), row.description)

    name, business_type, cause, status, extra, description = counter.app.worker.call_now(stored)
    assert (name, business_type, cause, status) == (CUSTOMER["name"], "B0201", "R0301", "received")
    assert description == DESCRIPTION
    assert LOAN_NUMBER in extra.values()
    assert QApplication.focusWidget() is not None


def _open(counter: Counter) -> IntakePanel:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    return panel


def _tab_through(step: IntakeStep) -> list[QWidget]:
    """Tab from the step's first field until the focus leaves the step's fields."""
    rows = [r.widget for r in step.field_rows() if r.widget.isVisibleTo(step)]
    rows[0].setFocus()
    seen = [rows[0]]
    for _ in range(60):
        press(Qt.Key.Key_Tab)
        now = focused()
        if now in rows and now not in seen:
            seen.append(now)
        if len(seen) == len(rows):
            break
    return seen


def _screen_order(step: IntakeStep, widgets: list[QWidget]) -> list[QWidget]:
    def where(w: QWidget) -> tuple[int, int]:
        p = w.mapTo(step, QPoint(0, 0))
        return (p.x() // 400, p.y())  # by column of the step, then top to bottom
    return sorted(widgets, key=where)


def test_tab_visits_every_field_of_every_step_in_screen_order(counter: Counter) -> None:
    panel = _open(counter)
    customer = panel.steps[0]
    customer.has_agent.setChecked(True)  # type: ignore[attr-defined]
    category = panel.steps[1]
    category.business_type.select_code("B0201")  # type: ignore[attr-defined]
    category.cause.select_code("R0301")  # type: ignore[attr-defined]
    panel.set_resolve_on_spot(True)
    for index in (0, 1, 2, 4):
        panel.stack.setCurrentIndex(index)
        step = panel.steps[index]
        QApplication.processEvents()
        shown = [r.widget for r in step.field_rows() if r.widget.isVisibleTo(step)]
        assert len(shown) >= 2, step.title()
        visited = _tab_through(step)
        assert visited == shown, f"step {index + 1}: Tab skipped or reordered fields"
        assert visited == _screen_order(step, visited), f"step {index + 1}: not in screen order"


def test_choosing_a_category_puts_the_cursor_on_its_first_required_field(counter: Counter) -> None:
    panel = _open(counter)
    panel.stack.setCurrentIndex(1)
    category = panel.steps[1]
    category.search.setFocus()  # type: ignore[attr-defined]
    type_text("B0201")  # the business type only; the causes stay whole
    press(Qt.Key.Key_Return)
    assert category.business_type.code() == "B0201"  # type: ignore[attr-defined]
    assert focused() is category.cause  # type: ignore[attr-defined]
    category.cause.select_code("R03")  # type: ignore[attr-defined]
    press(Qt.Key.Key_Right)  # open R03
    press(Qt.Key.Key_Down)  # R0301, approval delay
    press(Qt.Key.Key_Return)
    assert category.cause.code() == "R0301"  # type: ignore[attr-defined]
    first = category.extra_form.rows["extra_fields.loan_application_number"]  # type: ignore[attr-defined]
    assert focused() is first.widget
    # Enter on the last required field goes on to the next step.
    type_text(LOAN_NUMBER)
    press(Qt.Key.Key_Return)
    type_text("2026-02-10")
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: panel.current_step == 2)
    assert focused() is panel.steps[2].description  # type: ignore[attr-defined]


def test_enter_on_the_last_field_of_the_customer_goes_to_the_category(counter: Counter) -> None:
    panel = _open(counter)
    customer = panel.steps[0]
    assert focused() is customer.name  # type: ignore[attr-defined]
    type_text(CUSTOMER["name"])
    press(Qt.Key.Key_Tab)  # Tab visits the ID type too
    assert focused() is customer.id_type  # type: ignore[attr-defined]
    press(Qt.Key.Key_Tab)
    type_text(CUSTOMER["id_number"])
    press(Qt.Key.Key_Tab)
    type_text(CUSTOMER["phone"])
    press(Qt.Key.Key_Tab)
    assert focused() is customer.address  # type: ignore[attr-defined]
    type_text("北京市东城区东长安街1号")
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: panel.current_step == 1)
    # A field left empty keeps the counter on the step, the cursor on it.
    panel.previous_step()
    customer.phone.clear()  # type: ignore[attr-defined]
    customer.address.setFocus()  # type: ignore[attr-defined]
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: focused() is customer.phone)  # type: ignore[attr-defined]
    assert panel.current_step == 0


def test_enter_or_space_presses_a_focused_button(counter: Counter) -> None:
    panel = _open(counter)
    customer = panel.steps[0]
    for widget, text in ((customer.name, CUSTOMER["name"]),  # type: ignore[attr-defined]
                         (customer.id_number, CUSTOMER["id_number"]),  # type: ignore[attr-defined]
                         (customer.phone, CUSTOMER["phone"])):  # type: ignore[attr-defined]
        type_text(text, widget)
    panel.next_button.setFocus()
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: panel.current_step == 1)
    panel.back_button.setFocus()
    press(Qt.Key.Key_Space)
    counter.qtbot.waitUntil(lambda: panel.current_step == 0)
    counter.interaction.answer = False  # "discard?" is answered no: nothing happens
    panel.discard_button.setFocus()
    press(Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    counter.qtbot.waitUntil(lambda: len(counter.interaction.messages) == 1)
    assert counter.main.intake_panel() is panel


def test_keys_typed_while_the_focus_moves_all_arrive(counter: Counter) -> None:
    panel = _open(counter)
    customer = panel.steps[0]
    # A customer search runs on the worker; the clerk goes on typing the name meanwhile.
    customer.search.setFocus()  # type: ignore[attr-defined]
    type_text("13800138000")
    press(Qt.Key.Key_Return)
    customer.name.setFocus()  # type: ignore[attr-defined]
    type_text(CUSTOMER["name"])
    counter.wait_idle()
    assert customer.name.text() == CUSTOMER["name"]  # type: ignore[attr-defined]
    assert focused() is customer.name  # type: ignore[attr-defined]
    # Enter moves to the next field and the next step; keys typed at once land there.
    press(Qt.Key.Key_Return)
    type_text(CUSTOMER["id_number"])
    press(Qt.Key.Key_Return)
    type_text(CUSTOMER["phone"])
    press(Qt.Key.Key_Return)
    type_text("房贷 审批")
    press(Qt.Key.Key_Return)
    type_text(LOAN_NUMBER)
    counter.wait_idle()
    assert customer.id_number.text() == CUSTOMER["id_number"]  # type: ignore[attr-defined]
    assert customer.phone.text() == CUSTOMER["phone"]  # type: ignore[attr-defined]
    category = panel.steps[1]
    loan = category.extra_form.rows["extra_fields.loan_application_number"]  # type: ignore[attr-defined]
    assert loan.widget.text() == LOAN_NUMBER
