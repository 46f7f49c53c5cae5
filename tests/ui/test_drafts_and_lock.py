"""A half-filled complaint survives a killed app, a locked screen and a change of user;
the lock screen hides the work until the same person types their password."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt

from desktop.i18n import translate
from desktop.services.context import ServiceContext
from desktop.services.drafts import Draft, latest_draft
from tests.ui.conftest import PASSWORD, Counter
from tests.ui.keys import press, type_text
from ui.intake.panel import IntakePanel

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def draft_of(counter: Counter, staff: str) -> Draft | None:
    return counter.app.worker.call_now(lambda ctx: latest_draft(ctx, staff))


def start_intake(counter: Counter, name: str) -> IntakePanel:
    panel = counter.main.new_complaint()
    counter.wait_idle()
    type_text(name, panel.steps[0].name)  # type: ignore[attr-defined]
    type_text("13800138000", panel.steps[0].phone)  # type: ignore[attr-defined]
    return panel


def kill(counter: Counter) -> None:
    """The app dies: windows go without closing (no last save), the database is let go."""
    main = counter.controller.main
    if main is not None:
        main.idle.stop()
        main.hide()
        shiboken6.delete(main)
    counter.controller.main = None
    counter.controller.login.hide()
    counter.app.worker.shutdown()


def test_a_draft_is_restored_after_the_window_is_destroyed_mid_intake(
        make_counter: Callable[..., Counter]) -> None:
    first = make_counter()
    first.log_in("T001")
    panel = start_intake(first, "赵六")
    with first.qtbot.waitSignal(panel.draft_saved, timeout=10_000):
        pass  # saved every few seconds while the form changes
    kill(first)

    second = make_counter()
    main = second.log_in("T001")
    second.qtbot.waitUntil(lambda: main.intake_panel() is not None, timeout=10_000)
    restored = main.intake_panel()
    assert restored is not None
    assert restored.steps[0].name.text() == "赵六"  # type: ignore[attr-defined]
    assert restored.steps[0].phone.text() == "13800138000"  # type: ignore[attr-defined]
    assert restored.notice.isVisibleTo(restored)


def test_a_draft_is_saved_after_each_step(counter: Counter) -> None:
    counter.log_in("T001")
    panel = start_intake(counter, "钱七")
    type_text("11010519491231002X", panel.steps[0].id_number)  # type: ignore[attr-defined]
    with counter.qtbot.waitSignal(panel.draft_saved, timeout=2_000):
        assert panel.go_to(1)
    draft = draft_of(counter, "T001")
    assert draft is not None and draft.step == 1
    assert draft.data["form"]["customer"]["name"] == "钱七"


def test_ctrl_l_hides_the_work_and_keeps_the_half_filled_form(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = start_intake(counter, "孙八")
    press(Qt.Key.Key_L, CTRL, panel.steps[0].name)  # type: ignore[attr-defined]
    assert main.is_locked
    assert not main.tabs.isVisible()
    assert not main.toolbar.isVisible()

    type_text(PASSWORD, main.lock_screen.form.password)
    press(Qt.Key.Key_Return, widget=main.lock_screen.form.password)
    counter.qtbot.waitUntil(lambda: not main.is_locked, timeout=10_000)
    assert main.intake_panel() is panel
    assert panel.steps[0].name.text() == "孙八"  # type: ignore[attr-defined]


def test_unlocking_needs_the_same_persons_password(counter: Counter) -> None:
    main = counter.log_in("T001")
    main.lock()
    assert main.lock_screen.form.number.text() == "T001"
    assert main.lock_screen.form.number.isReadOnly()
    type_text("wrong-password", main.lock_screen.form.password)
    press(Qt.Key.Key_Return, widget=main.lock_screen.form.password)
    counter.wait_idle()
    assert main.is_locked
    assert main.lock_screen.form.message.text() == translate("login.failed", "zh_CN")
    assert main.lock_screen.form.password.text() == ""


def test_idle_time_locks_the_screen_and_keeps_the_draft(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = start_intake(counter, "周九")
    main.idle.set_interval(300)  # the policy says 5 minutes; a test need not wait that long
    counter.qtbot.waitUntil(lambda: main.is_locked, timeout=5_000)
    counter.wait_idle()
    draft = draft_of(counter, "T001")
    assert draft is not None
    assert draft.data["form"]["customer"]["name"] == "周九"
    assert panel.steps[0].name.text() == "周九"  # type: ignore[attr-defined]


def test_switch_user_keeps_the_first_persons_draft_for_them(counter: Counter) -> None:
    main = counter.log_in("T001")
    start_intake(counter, "吴十")
    press(Qt.Key.Key_L, CTRL | SHIFT, main.worklist.table)
    assert main.is_locked
    lock = main.lock_screen
    assert not lock.form.number.isReadOnly()
    type_text("S001", lock.form.number)
    type_text(PASSWORD, lock.form.password)
    press(Qt.Key.Key_Return, widget=lock.form.password)
    counter.qtbot.waitUntil(lambda: not main.is_locked, timeout=10_000)
    counter.wait_idle()
    staff = counter.app.staff.actor
    assert staff is not None and staff.staff_number == "S001"
    assert main.intake_panel() is None  # the teller's form is not shown to the supervisor
    draft = draft_of(counter, "T001")
    assert draft is not None and draft.data["form"]["customer"]["name"] == "吴十"

    main.lock(switching=True)
    type_text("T001", lock.form.number)
    type_text(PASSWORD, lock.form.password)
    press(Qt.Key.Key_Return, widget=lock.form.password)
    counter.qtbot.waitUntil(lambda: main.intake_panel() is not None, timeout=10_000)
    back = main.intake_panel()
    assert back is not None and back.steps[0].name.text() == "吴十"  # type: ignore[attr-defined]


def test_a_wrong_password_is_refused_at_login(counter: Counter) -> None:
    login = counter.controller.login
    counter.qtbot.waitUntil(lambda: counter.app.worker.is_open, timeout=15_000)
    login.form.number.setText("T001")
    type_text("not-the-password", login.form.password)
    press(Qt.Key.Key_Return, widget=login.form.password)
    counter.wait_idle()
    assert counter.controller.main is None
    assert login.form.message.text() == translate("login.failed", "zh_CN")
    assert login.form.password.text() == ""


def test_a_context_reads_the_drafts_of_one_person_only(counter: Counter) -> None:
    counter.log_in("T001")
    start_intake(counter, "郑十一")
    counter.main.intake_panel().save_draft_now()  # type: ignore[union-attr]
    counter.wait_idle()

    def both(ctx: ServiceContext) -> tuple[Draft | None, Draft | None]:
        return latest_draft(ctx, "T001"), latest_draft(ctx, "T002")

    mine, theirs = counter.app.worker.call_now(both)
    assert mine is not None and theirs is None
