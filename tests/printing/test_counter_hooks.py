"""The counter's own buttons reach the preview: the whole app, logged in as a teller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.worklist import WorklistQuery
from desktop.services.cases import worklist_rows
from tests.ui.conftest import Counter, counter, make_counter, profile, profile_template  # noqa: F401
from ui.print_preview import PrintPreviewDialog


def first_case_id(counter: Counter) -> str:  # noqa: F811
    rows = counter.app.worker.call_now(lambda ctx: worklist_rows(ctx, WorklistQuery(), 0, 1))
    return rows[0].id


def test_print_receipt_in_the_case_view_opens_the_preview_of_that_case(
        qtbot: QtBot, counter: Counter) -> None:  # noqa: F811
    main = counter.log_in()
    view = main.open_case(first_case_id(counter))
    qtbot.waitUntil(lambda: view.case_screen is not None, timeout=15_000)

    qtbot.mouseClick(view.receipt_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: view.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    dialog = view.findChild(PrintPreviewDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.page_labels) == 2 and dialog.print_button.isEnabled(),
                    timeout=20_000)
    assert view.case_screen is not None
    assert view.case_screen.detail.view.reference in dialog.windowTitle()
    dialog.reject()
