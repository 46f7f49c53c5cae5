"""Rule 13 on the case screen: under the UK policy, as the 8 weeks near with no final response,
the case says a holding response is owed and offers it beside the other documents; its reason
and expected date are asked first (a missing reason is refused there, nothing opens), then it
goes through the print preview like every letter: saved as PDF, recorded, read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.documents import HOLDING_RESPONSE
from desktop.domain.model import Actor, Role
from desktop.profile import open_profile
from desktop.services.complaints import print_count, record_complaint
from desktop.services.context import ServiceContext, load_context
from desktop.store.events import put_setting
from tests.reports.helpers import flat, text_of
from tests.services.intakes import sample_intake
from tests.ui.conftest import Counter, stop
from tests.ui.keys import type_text
from tests.ui.test_case_view import open_case
from ui.app import AppController, make_context
from ui.i18n import register_cjk_font
from ui.interaction import RecordingInteraction
from ui.print_preview import PrintPreviewDialog
from ui.printing import HoldingResponseDialog

RECEIVED = datetime(2026, 3, 2, 10, tzinfo=UTC)
TODAY = RECEIVED + timedelta(days=54)  # two days before the 8 weeks run out
REASON = "需向境外收单机构调取交易凭证"


def _uk_case(profile: Path) -> str:
    """The copied profile under the UK policy, with a general complaint (8 weeks)."""
    store = open_profile(profile)
    try:
        with store.write() as s:
            put_setting(s, "policy_id", "uk_fca_disp")
        ctx = load_context(store, clock=lambda: RECEIVED)
        return record_complaint(ctx, Actor("T001", Role.TELLER, "李娜"), sample_intake()).complaint_id
    finally:
        store.close()


def test_a_case_owed_the_holding_response_offers_it_and_it_prints_through_the_preview(
        qtbot: QtBot, qapp: object, profile: Path) -> None:
    complaint_id = _uk_case(profile)
    register_cjk_font(qapp)  # type: ignore[arg-type]
    interaction = RecordingInteraction()
    app = make_context(profile, interaction=interaction, language="zh_CN", clock=lambda: TODAY)
    controller = AppController(app)
    controller.start()
    counter = Counter(qtbot, app, controller, interaction)
    try:
        main = counter.log_in("T001")
        view = open_case(counter, main, complaint_id)
        assert view.holding_button.isVisibleTo(view) and view.holding_action.isEnabled()
        assert "进展答复" in view.tasks.text()

        view.holding_button.click()
        qtbot.waitUntil(lambda: view.findChild(HoldingResponseDialog) is not None, timeout=10_000)
        dialog = view.findChild(HoldingResponseDialog)
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)  # no reason yet
        assert dialog.problem.isVisibleTo(dialog) and dialog.problem.text() == "请填写此项。"
        assert dialog.preview is None and dialog.isVisible()

        type_text(REASON, dialog.reason)
        with qtbot.waitSignal(dialog.preview_opened, timeout=10_000) as opened:
            qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        preview = opened.args[0]
        assert isinstance(preview, PrintPreviewDialog)
        qtbot.waitUntil(lambda: preview.document is not None and preview.save_button.isEnabled(),
                        timeout=20_000)
        document = preview.document
        assert document is not None and document.kind == HOLDING_RESPONSE
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)

        def printed(ctx: ServiceContext) -> int:
            return print_count(ctx, complaint_id, HOLDING_RESPONSE)

        qtbot.waitUntil(lambda: app.worker.call_now(printed) == 1, timeout=20_000)
        saved = app.profile / "documents" / document.file_name
        text = flat(text_of(saved.read_bytes()))
        assert flat(REASON) in text and "进展答复函" in text and "financial-ombudsman.org.uk" in text
        qtbot.waitUntil(lambda: "holding_response" in [
            e.payload.get("document") for e in view.case_screen.detail.timeline  # type: ignore[union-attr]
            if e.kind.value == "document_printed"], timeout=10_000)
        qtbot.waitUntil(lambda: "进展答复" not in view.tasks.text(), timeout=10_000)  # task done
        assert view.holding_button.isVisibleTo(view)  # a reprint stays possible (it says COPY)
    finally:
        stop(counter)
