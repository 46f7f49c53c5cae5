"""Rule 5 at the counter: the unit complained about is picked from the branch's units HQ
published (the demo has them too), beside the staff picker; free text stays possible for an
outsider; the complaint records the unit and its members, who may then not handle it."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.domain.states import Action
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from tests.ui.test_case_view import open_case
from tests.ui.test_resolve_on_spot import fill_complaint
from ui.case_actions import CaseActionDialog
from ui.intake.details_step import DetailsStep


def test_the_unit_complained_about_is_picked_from_the_branch_units_and_recorded(
        counter: Counter) -> None:
    main = counter.log_in("S001")
    panel = main.new_complaint()
    counter.wait_idle()
    details = next(s for s in panel.steps if isinstance(s, DetailsStep))
    fill_complaint(counter, panel)
    combo = details.complained_unit
    counter.qtbot.waitUntil(lambda: combo.count() == 3, timeout=10_000)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "（非本网点部门）", "柜面服务组", "个人贷款部"]
    assert panel.go_to(2)
    type_text("柜面员工推诿", details.complained_about)  # free text beside the pick-list
    combo.setCurrentIndex(combo.findData("COUNTER"))
    assert panel.go_to(3)
    summary = panel.steps[3].summary.toPlainText()  # type: ignore[attr-defined]
    assert "COUNTER" in summary and "柜面员工推诿" in summary
    assert panel.go_to(4)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert panel.result is not None
    complaint_id = panel.result.complaint_id

    def recorded(ctx: ServiceContext) -> tuple[str, list[str], str]:
        view = case_detail(ctx, complaint_id).view
        return view.complained_unit, view.complained_unit_members, view.assignee

    unit, members, owner = counter.app.worker.call_now(recorded)
    assert (unit, members, owner) == ("COUNTER", ["T001", "T002"], "S001")

    view = open_case(counter, main, complaint_id)
    assert "被投诉部门：COUNTER" in view.recorded.text()
    dialog = view.start_action(Action.ASSIGN)
    assert isinstance(dialog, CaseActionDialog)
    assignee = dialog.fields["assignee"]
    assert isinstance(assignee, QComboBox)
    assignee.setCurrentIndex(assignee.findData("T001"))
    reason = dialog.fields["reason"]
    type_text("改派柜面处理", reason)
    dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: "回避" in dialog.error.text(), timeout=10_000)
    assert counter.app.worker.call_now(recorded)[2] == "S001"  # nothing changed
