"""The resolve dialog's customer-facing summary: prefilled from the recorded facts in the
second person, edited by the clerk, recorded with the decision and printed on the letter."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QPlainTextEdit

from desktop.domain.states import Action
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.documents import letter_data
from tests.ui.conftest import Counter
from tests.ui.keys import type_text
from tests.ui.test_case_view import OPEN, a_case, kinds, open_case
from ui.case_actions import CaseActionDialog

CLERK_NOTES = "客户所述属实"
ADDED = "您反映的问题属实，我们向您致歉。"


def test_the_summary_is_prefilled_editable_and_reaches_the_letter(counter: Counter) -> None:
    main = counter.log_in("S001")
    complaint_id = a_case(counter, OPEN, extensions=None)
    view = open_case(counter, main, complaint_id)
    dialog = view.start_action(Action.RESOLVE)
    assert isinstance(dialog, CaseActionDialog)
    summary = dialog.fields["customer_summary"]
    assert isinstance(summary, QPlainTextEdit)
    prefilled = summary.toPlainText()
    assert prefilled.startswith("您于") and CLERK_NOTES not in prefilled
    outcome = dialog.fields["outcome"]
    assert isinstance(outcome, QComboBox)
    outcome.setCurrentIndex(outcome.findData("upheld"))
    for key in ("findings", "verification", "basis"):
        type_text(CLERK_NOTES, dialog.fields[key])
    type_text("《服务规范》第三条", dialog.fields["basis_reference"])
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_text(ADDED, summary)
    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: "resolved" in kinds(view), timeout=10_000)

    def printed_summary(ctx: ServiceContext) -> str:
        return letter_data(case_detail(ctx, complaint_id), policy=ctx.policy,
                           taxonomy=ctx.taxonomy, zone=ctx.device.zone, locale="zh_CN",
                           letter_date=date(2026, 3, 3)).customer_summary

    assert counter.app.worker.call_now(printed_summary) == prefilled + ADDED
