"""A complaint settled at the counter is recorded, resolved and closed in one sitting,
with the customer's confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.ui.conftest import Counter
from tests.ui.keys import press, type_text
from ui.intake.panel import IntakePanel
from ui.print_preview import PrintPreviewDialog


def fill_complaint(counter: Counter, panel: IntakePanel) -> None:
    customer = panel.steps[0]
    type_text("李四", customer.name)  # type: ignore[attr-defined]
    type_text("110101198506120039", customer.id_number)  # type: ignore[attr-defined]
    type_text("13912345678", customer.phone)  # type: ignore[attr-defined]
    assert panel.go_to(1)
    fill_after_customer(panel)


def fill_after_customer(panel: IntakePanel) -> None:
    """From the category step to the save step: a fee complaint with consent given."""
    _customer, category, details, review = panel.steps[:4]
    category.business_type.select_code("B01")  # type: ignore[attr-defined]
    category.cause.select_code("R0101")  # type: ignore[attr-defined]
    assert panel.go_to(2)
    type_text("柜员未解释手续费。", details.description)  # type: ignore[attr-defined]
    type_text("解释收费依据。", details.request)  # type: ignore[attr-defined]
    type_text("2号窗口 10:00-10:20", details.recording_reference)  # type: ignore[attr-defined]
    assert panel.go_to(3)
    review.consent.setChecked(True)  # type: ignore[attr-defined]
    assert panel.go_to(4)


def test_settled_at_the_counter_is_recorded_resolved_and_closed(counter: Counter) -> None:
    main = counter.log_in("T001")
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
          main.worklist.table)
    panel = main.intake_panel()
    assert panel is not None and panel.form_values()["resolved_on_spot"]
    counter.wait_idle()
    fill_complaint(counter, panel)
    save = panel.save_step
    assert save.resolution_box.isVisibleTo(panel)
    type_text("当场向客户解释了收费依据，客户表示理解。", save.findings)
    type_text("当场调阅交易流水核对", save.verification)
    type_text("按照收费标准第三条收取", save.basis)
    save.confirmed.setChecked(True)
    save.satisfaction.setValue(5)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, save.findings)
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    result = panel.result
    assert result is not None and result.closed

    def stored(ctx: ServiceContext) -> tuple[str, list[str]]:
        detail = case_detail(ctx, result.complaint_id)
        return detail.view.status.value, [e.kind.value for e in detail.timeline]

    status, kinds = counter.app.worker.call_now(stored)
    assert status == "closed"
    assert kinds == ["received", "resolved", "satisfaction_recorded", "closed"]


def test_a_saved_complaint_leaves_no_draft_behind(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, panel)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    counter.wait_idle()

    def draft(ctx: ServiceContext) -> object:
        from desktop.services.drafts import latest_draft

        return latest_draft(ctx, "T001")

    assert counter.app.worker.call_now(draft) is None


def test_the_receipt_preview_opens_after_saving(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, panel)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, panel.save_step.print_button)
    preview = panel.findChild(PrintPreviewDialog)
    assert preview is not None
    counter.qtbot.waitUntil(lambda: preview.document is not None, timeout=15_000)
    assert preview.document is not None and preview.document.kind == "receipt"
    assert preview.document.pdf.startswith(b"%PDF")
    preview.reject()
