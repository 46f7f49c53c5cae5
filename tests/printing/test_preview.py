"""The counter's print preview (pytest-qt, offscreen): the pages shown are the PDF that will
print, printing goes through a real QPrinter (writing a PDF file: only the physical printer is
not real here), saving writes the exact bytes, and only a print or a save goes on the timeline."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.model import Actor
from desktop.services.complaints import print_count
from desktop.services.context import ServiceContext
from desktop.store.db import Store
from tests.conftest import SettableClock
from tests.printing.conftest import EXTENSION_REASON, FULL_ID, Cases
from tests.reports.helpers import MM, flat, page_sizes, text_of
from ui.app import make_context
from ui.context import AppContext
from ui.i18n import register_cjk_font
from ui.interaction import RecordingInteraction
from ui.print_preview import PrintPreviewDialog, render_pages
from ui.printing import (
    LetterFieldsDialog,
    PrinterMemory,
    preview_day_end_report,
    preview_extension_notice,
    preview_letter,
    preview_receipt,
)

A4 = (595.28, 841.89)


@pytest.fixture
def app(qtbot: QtBot, qapp: QApplication, store: Store, cases: Cases, clock: SettableClock,
        teller: Actor, tmp_path: Path) -> Iterator[AppContext]:
    """The counter's application context on the fixture profile, the teller logged in."""
    register_cjk_font(qapp)
    context = make_context(tmp_path / "profile", interaction=RecordingInteraction(), clock=clock,
                           language="zh_CN")
    context.worker.open_profile(context.profile, clock=clock, locale="zh_CN")
    qtbot.waitUntil(lambda: context.worker.is_open, timeout=15_000)
    context.staff.set(teller)
    yield context
    QThreadPool.globalInstance().waitForDone(30_000)
    context.worker.shutdown()


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """The screen the preview opens over (a case view in the app)."""
    widget = QWidget()
    widget.resize(1000, 900)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def messages(app: AppContext) -> list[tuple[str, str]]:
    interaction = app.interaction
    assert isinstance(interaction, RecordingInteraction)
    return interaction.messages


def wait_pages(qtbot: QtBot, dialog: PrintPreviewDialog, count: int) -> None:
    qtbot.waitUntil(lambda: len(dialog.page_labels) == count and dialog.save_button.isEnabled(),
                    timeout=20_000)
    # ... and laid out, one under the other
    qtbot.waitUntil(lambda: dialog.pages.height() >= sum(label.height()
                                                          for label in dialog.page_labels))


def pdf_printer(path: Path) -> Callable[[QPrinter, Callable[[], None]], None]:
    """In place of the platform's print dialog: the user picks a printer writing a PDF file
    at 150 dpi (a physical printer is the one part these tests do not have)."""

    def choose(printer: QPrinter, go: Callable[[], None]) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setResolution(150)
        go()

    return choose


def test_receipt_preview_shows_every_page_of_the_pdf_that_will_print(
        qtbot: QtBot, app: AppContext, host: QWidget, cases: Cases, ctx: ServiceContext,
        tmp_path: Path) -> None:
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)

    document = dialog.document
    assert document is not None and document.fmt == "roll80" and document.copy_number == 1
    assert len(PdfReader(io.BytesIO(document.pdf)).pages) == 2
    assert all(not label.pixmap().isNull() for label in dialog.page_labels)
    # A roll page is 80 mm wide: as drawn it is about three times as tall as it is wide.
    first = dialog.page_labels[0].size()
    assert first.height() > 2 * first.width()
    shot = dialog.grab()
    assert not shot.isNull() and shot.save(str(tmp_path / "receipt-preview.png"))
    assert cases.open_reference in dialog.windowTitle()
    assert print_count(ctx, cases.open_id, "receipt") == 0  # a preview is not a print


def test_printing_through_qprinter_writes_every_page_and_records_the_print(
        qtbot: QtBot, app: AppContext, host: QWidget, cases: Cases, ctx: ServiceContext,
        tmp_path: Path) -> None:
    out = tmp_path / "printer-output.pdf"
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)
    dialog.choose_printer = pdf_printer(out)

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: print_count(ctx, cases.open_id, "receipt") == 1, timeout=30_000)

    printed = out.read_bytes()
    sizes = page_sizes(printed)
    assert len(sizes) == 2
    assert all(w == pytest.approx(80 * MM, abs=1) for w, _ in sizes)
    page = render_pages(printed, 0.5)[0]
    assert any(page.pixelColor(x, y).lightness() < 100
               for x in range(0, page.width(), 3) for y in range(0, page.height(), 3))
    qtbot.waitUntil(lambda: any("已发送至打印机" in text for _, text in messages(app)))


def test_after_a_print_the_next_preview_is_a_copy(qtbot: QtBot, app: AppContext,
                                                      host: QWidget, cases: Cases,
                                                      ctx: ServiceContext, tmp_path: Path) -> None:
    first = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, first, 2)
    assert first.document is not None and "副本" not in text_of(first.document.pdf)
    first.choose_printer = pdf_printer(tmp_path / "first.pdf")
    qtbot.mouseClick(first.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: print_count(ctx, cases.open_id, "receipt") == 1, timeout=30_000)

    again = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, again, 2)

    assert again.document is not None and again.document.copy_number == 2
    assert all("副本" in text for text in [p.extract_text() for p in
                                          PdfReader(io.BytesIO(again.document.pdf)).pages])
    assert "副本" in again.status.text()


def test_save_as_pdf_writes_the_exact_bytes_and_records_the_print(
        qtbot: QtBot, app: AppContext, host: QWidget, cases: Cases, ctx: ServiceContext) -> None:
    dialog = preview_extension_notice(host, app, cases.extended_id)
    wait_pages(qtbot, dialog, 1)
    document = dialog.document
    assert document is not None

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: print_count(ctx, cases.extended_id, "extension_notice") == 1,
                    timeout=20_000)

    saved = app.profile / "documents" / document.file_name
    assert saved.read_bytes() == document.pdf
    assert flat(EXTENSION_REASON) in flat(text_of(saved.read_bytes()))
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())


def test_closing_the_preview_records_nothing(qtbot: QtBot, app: AppContext, host: QWidget,
                                            cases: Cases, ctx: ServiceContext) -> None:
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=10_000)
    assert print_count(ctx, cases.open_id, "receipt") == 0


def test_other_paper_is_rendered_again_and_remembered(qtbot: QtBot, app: AppContext,
                                                      host: QWidget, cases: Cases) -> None:
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)

    dialog.format_box.setCurrentIndex(dialog.format_box.findData("a4"))
    qtbot.waitUntil(lambda: dialog.document is not None and dialog.document.fmt == "a4"
                    and dialog.save_button.isEnabled(), timeout=20_000)

    assert dialog.document is not None
    assert all(s == pytest.approx(A4, abs=0.1) for s in page_sizes(dialog.document.pdf))
    assert PrinterMemory(app.profile).paper("receipt") == "a4"
    again = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, again, 1)  # A4: both copies on one sheet
    assert again.document is not None and again.document.fmt == "a4"


def test_the_printer_last_used_is_remembered_per_document_and_paper(tmp_path: Path,
                                                                   qapp: QApplication) -> None:
    memory = PrinterMemory(tmp_path)
    memory.remember_printer("receipt", "roll80", "Counter roll printer")
    memory.remember_printer("letter", "a4", "Back office A4")

    again = PrinterMemory(tmp_path)
    assert again.printer("receipt", "roll80") == "Counter roll printer"
    assert again.printer("letter", "a4") == "Back office A4"
    assert again.printer("receipt", "a4") == ""


def test_zooming_in_draws_the_pages_larger(qtbot: QtBot, app: AppContext, host: QWidget,
                                          cases: Cases) -> None:
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)
    before = dialog.page_labels[0].width()

    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.page_labels[0].width() > before, timeout=10_000)


def test_letter_texts_are_filled_in_from_the_case_and_printed_as_edited(
        qtbot: QtBot, app: AppContext, host: QWidget, cases: Cases, tmp_path: Path) -> None:
    fields = preview_letter(host, app, cases.resolved_id)
    assert isinstance(fields, LetterFieldsDialog)
    qtbot.waitUntil(fields.preview_button.isEnabled, timeout=20_000)

    texts = fields.fields()
    assert "叫号系统故障所致" in texts["findings"]
    assert "人民币200.00元" in texts["remedy"]
    assert all(FULL_ID not in text for text in texts.values())  # masked already for editing
    fields.editors["decision"].setPlainText("经复核，我行全额退还手续费并书面致歉。")
    fields.grab().save(str(tmp_path / "letter-fields.png"))
    with qtbot.waitSignal(fields.preview_opened, timeout=5_000) as opened:
        qtbot.mouseClick(fields.preview_button, Qt.MouseButton.LeftButton)
    preview = opened.args[0]
    assert isinstance(preview, PrintPreviewDialog)
    qtbot.waitUntil(lambda: bool(preview.page_labels) and preview.save_button.isEnabled(),
                    timeout=20_000)

    assert preview.document is not None
    assert "经复核，我行全额退还手续费并书面致歉。" in flat(text_of(preview.document.pdf))
    preview.grab().save(str(tmp_path / "letter-preview.png"))


def test_a_letter_for_an_open_case_is_refused_with_the_reason(qtbot: QtBot, app: AppContext,
                                                             host: QWidget, cases: Cases) -> None:
    fields = preview_letter(host, app, cases.open_id)

    qtbot.waitUntil(lambda: bool(messages(app)), timeout=20_000)

    assert "尚未作出处理决定" in messages(app)[0][1]
    qtbot.waitUntil(lambda: not shiboken6.isValid(fields) or not fields.isVisible())


def test_a_supervisor_previews_the_day_end_report(qtbot: QtBot, app: AppContext, host: QWidget,
                                                 cases: Cases, supervisor: Actor) -> None:
    app.staff.set(supervisor)
    dialog = preview_day_end_report(host, app)
    wait_pages(qtbot, dialog, 1)

    assert dialog.document is not None
    text = flat(text_of(dialog.document.pdf))
    assert "日终报告" in text and "S001" in text


def test_a_teller_is_told_the_day_end_report_is_not_theirs(qtbot: QtBot, app: AppContext,
                                                          host: QWidget, cases: Cases) -> None:
    dialog = preview_day_end_report(host, app)

    qtbot.waitUntil(lambda: bool(messages(app)), timeout=20_000)
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert messages(app)[0][1]


def test_the_preview_speaks_english_when_the_counter_does(qtbot: QtBot, app: AppContext,
                                                          host: QWidget, cases: Cases) -> None:
    app.languages.switch("en")
    dialog = preview_receipt(host, app, cases.open_id)
    wait_pages(qtbot, dialog, 2)

    assert dialog.print_button.text() == "&Print …"
    assert dialog.windowTitle().startswith("Print preview — acknowledgement receipt")
    assert dialog.document is not None
    assert flat("Complaint Acknowledgement Receipt") in flat(text_of(dialog.document.pdf))
