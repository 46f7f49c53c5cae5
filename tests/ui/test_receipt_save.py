"""Saving a receipt as PDF from the counter puts the print on the timeline only once the file
is written: a save dialog that is cancelled leaves no print behind (nor a file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.domain.worklist import WorklistQuery
from desktop.services.cases import worklist_rows
from desktop.services.complaints import print_count
from tests.ui.conftest import Counter
from ui.print_preview import PrintPreviewDialog


def test_a_cancelled_save_records_no_print_and_a_completed_one_records_it(counter: Counter) -> None:
    main = counter.log_in("T001")
    case_id = counter.app.worker.call_now(lambda ctx: worklist_rows(ctx, WorklistQuery(), 0, 1))[0].id
    view = main.open_case(case_id)
    counter.qtbot.waitUntil(lambda: view.case_screen is not None, timeout=15_000)
    before = counter.app.worker.call_now(lambda ctx: print_count(ctx, case_id, "receipt"))
    counter.qtbot.mouseClick(view.receipt_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: view.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    preview = view.findChild(PrintPreviewDialog)
    assert preview is not None
    counter.qtbot.waitUntil(lambda: preview.save_button.isEnabled(), timeout=20_000)
    assert preview.document is not None
    saved_as, pdf = preview.save_folder / preview.document.file_name, preview.document.pdf

    counter.interaction.cancel_save = True  # the teller closes the file dialog
    counter.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    counter.wait_idle()

    assert counter.app.worker.call_now(lambda ctx: print_count(ctx, case_id, "receipt")) == before
    assert not Path(saved_as).exists()
    assert preview.isVisible()  # still there, to print or save after all

    counter.interaction.cancel_save = False  # this time a folder is chosen
    counter.qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    counter.qtbot.waitUntil(lambda: counter.app.worker.call_now(
        lambda ctx: print_count(ctx, case_id, "receipt")) == before + 1, timeout=15_000)
    assert Path(saved_as).read_bytes() == pdf
