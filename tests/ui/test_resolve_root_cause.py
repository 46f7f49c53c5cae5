"""The resolve dialog records the root cause chosen from the list (溯源整改)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from desktop.domain.states import Action
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from tests.ui.test_case_view import OPEN, a_case, kinds, open_case
from ui.case_actions import CaseActionDialog


def test_the_root_cause_chosen_at_resolution_is_recorded(counter: Counter) -> None:
    main = counter.log_in("S001")
    complaint_id = a_case(counter, OPEN, extensions=None)
    view = open_case(counter, main, complaint_id)
    dialog = view.start_action(Action.RESOLVE)
    assert isinstance(dialog, CaseActionDialog)
    causes = dialog.fields["root_cause"]
    assert isinstance(causes, QComboBox)
    assert [causes.itemData(i) for i in range(causes.count())][:3] == [
        "", "product_design", "process_rules"]
    assert causes.itemText(3) == "系统"
    outcome = dialog.fields["outcome"]
    assert isinstance(outcome, QComboBox)
    outcome.setCurrentIndex(outcome.findData("upheld"))
    for key in ("findings", "verification", "basis"):
        type_text("核实属实", dialog.fields[key])
    type_text("《服务规范》第三条", dialog.fields["basis_reference"])
    causes.setCurrentIndex(causes.findData("system"))
    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: "resolved" in kinds(view), timeout=10_000)

    def root_cause(ctx: ServiceContext) -> str | None:
        with ctx.store.read() as s:
            return s.scalar(select(ComplaintRow.root_cause).where(ComplaintRow.id == complaint_id))

    assert counter.app.worker.call_now(root_cause) == "system"
