"""A complaint settled at the counter gets a decision letter too: its customer-facing summary
is prefilled in the second person from what was typed, edited by the clerk, required, and
recorded with the decision the letter prints."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.services.documents import letter_data
from tests.ui.conftest import Counter
from tests.ui.keys import press, type_text
from tests.ui.test_resolve_on_spot import fill_complaint
from ui.intake.panel import IntakePanel
from ui.main_window import MainWindow

ADDED = "您反映的手续费已当场退还，我行向您致歉。"


def _settling(counter: Counter) -> tuple[MainWindow, IntakePanel]:
    main = counter.log_in("T001")
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
          main.worklist.table)
    panel = main.intake_panel()
    assert panel is not None
    counter.wait_idle()
    fill_complaint(counter, panel)
    save = panel.save_step
    type_text("当场核对收费记录，柜员未按规定解释。", save.findings)
    type_text("当场调阅交易流水核对", save.verification)
    type_text("按照收费标准第三条收取", save.basis)
    save.confirmed.setChecked(True)
    return main, panel


def test_the_settlement_summary_is_prefilled_edited_and_printed_on_the_letter(
        counter: Counter) -> None:
    _main, panel = _settling(counter)
    summary = panel.save_step.customer_summary
    prefilled = summary.toPlainText()
    assert prefilled.startswith("您于") and "解释收费依据" in prefilled  # the request typed
    assert "柜员未按规定解释" not in prefilled  # never the clerk's findings
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    type_text(ADDED, summary)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, summary)
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    result = panel.result
    assert result is not None and result.closed

    def printed(ctx: ServiceContext) -> tuple[str, str]:
        detail = case_detail(ctx, result.complaint_id)
        resolved = next(e for e in detail.timeline if e.kind.value == "resolved")
        letter = letter_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy,
                             zone=ctx.device.zone, locale="zh_CN", letter_date=date(2026, 3, 3))
        return str(resolved.payload["customer_summary"]), letter.customer_summary

    assert counter.app.worker.call_now(printed) == (prefilled + ADDED, prefilled + ADDED)


def test_a_blank_summary_is_refused_before_anything_is_saved(counter: Counter) -> None:
    _main, panel = _settling(counter)
    summary = panel.save_step.customer_summary
    summary.clear()
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, panel.save_step.findings)
    counter.qtbot.waitUntil(lambda: QApplication.focusWidget() is summary, timeout=10_000)
    counter.wait_idle()
    assert panel.result is None
    row = panel.save_step.resolution_form.rows["resolution.customer_summary"]
    assert row.message.isVisibleTo(panel) and row.message.text()

    def complaints(ctx: ServiceContext) -> int:
        from sqlalchemy import func, select

        from desktop.store.models import ComplaintRow

        with ctx.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(ComplaintRow)) or 0)

    before = counter.app.worker.call_now(complaints)
    type_text(ADDED, summary)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert counter.app.worker.call_now(complaints) == before + 1
