"""Qt's own dialogs and buttons speak the UI's language: Yes/No, OK/Cancel and the file
dialog come from the Qt catalogue PySide6 ships; the save dialog's title names the document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop.domain.documents import document_name
from tests.ui.conftest import Counter
from ui.interaction import Interaction
from ui.print_preview import PreviewDocument, PrintPreviewDialog


def _buttons_of_a_question(counter: Counter) -> list[str]:
    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    counter.qtbot.addWidget(box)
    return sorted(b.text().replace("&", "") for b in box.buttons())


def test_yes_no_and_ok_cancel_are_in_chinese_in_the_chinese_ui(
        make_counter: Callable[..., Counter]) -> None:
    counter = make_counter(language="zh_CN")
    assert _buttons_of_a_question(counter) == sorted(["是(Y)", "否(N)"])
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    counter.qtbot.addWidget(buttons)
    assert sorted(b.text().replace("&", "") for b in buttons.buttons()) == sorted(["确定", "取消"])
    counter.app.set_language("en")
    assert _buttons_of_a_question(counter) == ["No", "Yes"]


def test_the_save_dialog_is_in_chinese_and_its_title_names_the_document(
        make_counter: Callable[..., Counter], tmp_path: Path) -> None:
    counter = make_counter(language="zh_CN")
    preview = PrintPreviewDialog(counter.app.locale, interaction=Interaction())
    counter.qtbot.addWidget(preview)
    preview.document = PreviewDocument(pdf=b"%PDF-1.4", kind="receipt",
                                       title="打印预览 — 投诉受理回执 BJ001-2026-000001",
                                       file_name="receipt.pdf")
    preview.choose_save_path(tmp_path / "receipt.pdf", lambda _p: None)
    dialog = preview.findChild(QFileDialog)
    assert dialog is not None
    assert dialog.windowTitle() == f"将{document_name('receipt', 'zh_CN')}另存为 PDF"
    texts = {b.text().replace("&", "") for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}
    assert "取消" in texts
    with counter.qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
