"""Printing from the counter: what the screens call to preview, print or save a document.

    preview_receipt(parent, app, complaint_id)          the acknowledgement receipt
    preview_letter(parent, app, complaint_id)           the decision letter, texts editable first
    preview_extension_notice(parent, app, complaint_id) the latest deadline extension
    preview_holding_response(parent, app, complaint_id) the 8-week holding response (UK DISP),
                                                        its reason and expected date asked first
    preview_day_end_report(parent, app, business_date=None)
    warm_up_documents(app)                              font and layout once, on the worker

Each opens a window-modal `PrintPreviewDialog` at once (it says "Preparing …"), reads
the case and renders the PDF on the database worker, and shows the very bytes that
will print. Only an actual print or save puts `document_printed` (with the copy
number the PDF carries) on the case's timeline; closing the preview records nothing.
A reprint is rendered with its copy number, so it says 副本 / COPY.

The printer and the paper last used for each document (and paper) are remembered in
the profile folder (printing.ini): the roll printer for receipts, the A4 printer for
letters. Texts come from resources/i18n/<locale>/printing.json (`printing.ui.*`).

What can go wrong: the case cannot have the document (a letter for an open case, a
notice for a case never extended) or the role may not print — told in a message box,
the preview closes; a printer that fails or a file that cannot be written — told,
nothing recorded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.documents import (
    DAY_END_REPORT,
    EXTENSION_NOTICE,
    FORMATS,
    HOLDING_RESPONSE,
    LETTER,
    LETTER_FIELDS,
    RECEIPT,
    document_name,
)
from desktop.i18n import translate
from ui import spacing
from ui.interaction import error_text
from ui.print_preview import t
from ui.screen_fit import resize_to_fit
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.context import ServiceContext
    from desktop.services.printing import CasePrint
    from ui.context import AppContext
    from ui.print_preview import PreviewDocument, PrintPreviewDialog

log = logging.getLogger("complaint_desk.ui.printing")

SETTINGS_FILE = "printing.ini"


def letter_field_name(key: str, locale: str) -> str:
    """A letter field as the letter heads it (核实过程 ...); opening and closing have no heading."""
    if key in ("opening", "closing"):
        return t(f"letter_field.{key}", locale)
    return translate(f"report.letter.heading.{key}", locale)


# -- what is remembered ----------------------------------------------------------------------------

class PrinterMemory:
    """The printer per document and paper, the paper per document and the last save folder,
    in <profile>/printing.ini (printers belong to this PC, like the profile)."""

    def __init__(self, profile: Path) -> None:
        self._settings = QSettings(str(profile / SETTINGS_FILE), QSettings.Format.IniFormat)
        self._profile = profile

    def printer(self, document: str, fmt: str) -> str:
        return str(self._settings.value(f"printer/{document}/{fmt or 'default'}", "") or "")

    def remember_printer(self, document: str, fmt: str, name: str) -> None:
        if name:
            self._settings.setValue(f"printer/{document}/{fmt or 'default'}", name)
            self._settings.sync()

    def paper(self, document: str) -> str:
        offered = FORMATS[document]
        value = str(self._settings.value(f"paper/{document}", offered[0]) or "")
        return value if value in offered else offered[0]

    def remember_paper(self, document: str, fmt: str) -> None:
        self._settings.setValue(f"paper/{document}", fmt)
        self._settings.sync()

    def save_folder(self) -> Path:
        folder = str(self._settings.value("save/folder", "") or "")
        return Path(folder) if folder else self._profile / "documents"

    def remember_save_folder(self, folder: Path) -> None:
        self._settings.setValue("save/folder", str(folder))
        self._settings.sync()


# -- on the database worker ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Prepared:
    """A rendered document and, for a case document, what its timeline entry needs."""

    document: PreviewDocument
    case_print: CasePrint | None = None


def prepare_case_document(ctx: ServiceContext, actor: Actor, document: str, complaint_id: str,
                          locale: str, fmt: str, fields: Mapping[str, str] | None = None) -> Prepared:
    """The case's `document` rendered as its next print (desktop.services.printing).
    Raises NotFound, DocumentNotAvailable or ReportError (DomainErrors)."""
    from desktop.services.printing import prepare_case_print
    from ui.print_preview import PreviewDocument

    printed = prepare_case_print(ctx, actor, document, complaint_id, locale=locale, fmt=fmt,
                                 fields=fields)
    reference, copy_number = printed.reference, printed.copy_number
    title = t("title", locale, document=document_name(document, locale), reference=reference)
    return Prepared(PreviewDocument(pdf=printed.pdf, kind=document, title=title,
                                    file_name=f"{reference}-{document}-{copy_number}.pdf",
                                    fmt=fmt, copy_number=copy_number), printed)


def prepare_day_end_report(ctx: ServiceContext, actor: Actor, business_date: date | None,
                           locale: str, fmt: str) -> Prepared:
    """The day-end report of `business_date` (default: today). Raises NotPermitted for a
    role without the day-end report right."""
    from desktop.services.printing import prepare_day_end_print
    from ui.print_preview import PreviewDocument

    printed = prepare_day_end_print(ctx, actor, business_date, locale=locale, fmt=fmt)
    day = printed.business_date.isoformat()
    return Prepared(PreviewDocument(pdf=printed.pdf, kind=DAY_END_REPORT,
                                    title=t("title_day_end", locale, date=day),
                                    file_name=f"day-end-{day}.pdf", fmt=fmt))


# -- a preview from start to timeline -----------------------------------------------------------------

Prepare = Callable[["ServiceContext", str], Prepared]  # (ctx, paper) → the document


class PreviewSession(QObject):
    """Keeps one preview dialog filled: renders on the worker, re-renders on another paper,
    records the print when the dialog printed or saved, then closes it."""

    def __init__(self, app: AppContext, parent: QWidget | None, document: str,
                 prepare: Prepare) -> None:
        from desktop.security.permissions import allowed
        from desktop.security.policy import Permission
        from ui.print_preview import PrintPreviewDialog

        actor = app.staff.require()
        may_print = allowed(actor, Permission.PRINT) or document == DAY_END_REPORT
        dialog = PrintPreviewDialog(app.locale, formats=FORMATS[document], may_print=may_print,
                                    interaction=app.interaction, parent=parent)
        super().__init__(dialog)  # lives and dies with its dialog
        self.dialog: PrintPreviewDialog = dialog
        self._app, self._parent, self._document, self._prepare = app, parent, document, prepare
        self._memory = PrinterMemory(app.profile)
        self.fmt = self._memory.paper(document)
        self.prepared: Prepared | None = None
        d = self.dialog
        d.save_folder = self._memory.save_folder()
        d.format_requested.connect(self._paper_chosen)
        d.printed.connect(self._printed)
        d.saved.connect(self._saved)
        d.failed_to_print.connect(lambda text: app.interaction.warn(
            d, t("print_failed", app.locale), text))
        d.failed_to_save.connect(lambda reason: app.interaction.warn(
            d, t("save_failed", app.locale), reason))
        d.open()
        self.load()

    def load(self) -> None:
        prepare, fmt = self._prepare, self.fmt
        self.dialog.printer_name = self._memory.printer(self._document, fmt)
        self._app.worker.query(self.dialog, lambda ctx: prepare(ctx, fmt), self._show, self._failed)

    def _show(self, prepared: Prepared) -> None:
        self.prepared = prepared
        self.dialog.set_document(prepared.document)

    def _failed(self, error: BaseException) -> None:
        self._app.interaction.error(self._parent, error, self._app.locale)
        self.dialog.show_problem(error_text(error, self._app.locale))
        self.dialog.reject()

    def _paper_chosen(self, fmt: str) -> None:
        self.fmt = fmt
        self._memory.remember_paper(self._document, fmt)
        self.load()

    def _printed(self, printer: str) -> None:
        self._memory.remember_printer(self._document, self.fmt, printer)
        self._record(t("printed", self._app.locale, document=document_name(
            self._document, self._app.locale), printer=printer or "PDF"))

    def _saved(self, path: Path) -> None:
        self._memory.remember_save_folder(path.parent)
        self._record(t("saved", self._app.locale, document=document_name(
            self._document, self._app.locale), path=str(path)))

    def _record(self, done_text: str) -> None:
        """Put the print on the timeline (case documents), tell the user, close the preview."""
        app, prepared, parent = self._app, self.prepared, self._parent
        self.dialog.accept()
        if prepared is None or prepared.case_print is None:
            app.interaction.inform(parent, self.dialog.windowTitle(), done_text)
            return
        actor, printed = app.staff.require(), prepared.case_print
        complaint_id, copy_number = printed.complaint_id, printed.copy_number
        title = self.dialog.windowTitle()

        def record(ctx: ServiceContext) -> int:
            from desktop.services.printing import record_case_print

            record_case_print(ctx, actor, printed)
            return copy_number

        def done(_copy: int) -> None:
            app.interaction.inform(parent, title, done_text)

        def failed(error: BaseException) -> None:
            app.interaction.warn(parent, t("recorded_failed", app.locale),
                                 error_text(error, app.locale))

        app.worker.change(parent, record, done, failed,
                          changes=Changes(complaint_id=complaint_id, worklist=False))


def _preview_buttons(dialog: QDialog, locale: str, name: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Preview (accepts) and Cancel (rejects) of a dialog asking a document's texts first."""
    buttons = QDialogButtonBox(dialog)
    preview = buttons.addButton(t("preview_letter", locale), QDialogButtonBox.ButtonRole.AcceptRole)
    preview.setObjectName(f"{name}_preview")
    cancel = buttons.addButton(t("cancel", locale), QDialogButtonBox.ButtonRole.RejectRole)
    cancel.setObjectName(f"{name}_cancel")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, preview


# -- the letter's texts, editable before the preview ---------------------------------------------------

class LetterFieldsDialog(QDialog):
    """The decision letter's texts in one box each, filled in from the case; Preview renders
    them as edited (an emptied box leaves its section out)."""

    confirmed = Signal(dict)
    preview_opened = Signal(object)  # the PrintPreviewDialog of the edited letter

    def __init__(self, locale: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letter_fields")
        self.preview: PrintPreviewDialog | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._locale = locale
        self.editors: dict[str, QPlainTextEdit] = {}
        intro = QLabel(t("letter_fields_intro", locale), self)
        intro.setWordWrap(True)
        form_host = QWidget()
        form = QFormLayout(form_host)
        form.setSpacing(spacing.GAP)
        for key in LETTER_FIELDS:
            editor = QPlainTextEdit(form_host)
            editor.setObjectName(f"letter_field:{key}")
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(70)
            label = QLabel(letter_field_name(key, locale), form_host)
            label.setBuddy(editor)
            editor.setAccessibleName(label.text())
            form.addRow(label, editor)
            self.editors[key] = editor
        scroll = QScrollArea(self)
        scroll.setWidget(form_host)
        scroll.setWidgetResizable(True)
        self.buttons, self.preview_button = _preview_buttons(self, locale, "letter")
        self.preview_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(spacing.DIALOG_MIN_WIDTH * 2)
        resize_to_fit(self, 760, 720)

    def fill(self, reference: str, fields: Mapping[str, str]) -> None:
        self.setWindowTitle(t("letter_fields_title", self._locale, reference=reference))
        for key, editor in self.editors.items():
            editor.setPlainText(fields.get(key, ""))
        self.preview_button.setEnabled(True)
        self.editors[LETTER_FIELDS[0]].setFocus()

    def fields(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def accept(self) -> None:
        self.confirmed.emit(self.fields())
        super().accept()


# -- the holding response's reason and date, asked before the preview ------------------------------

class HoldingResponseDialog(QDialog):
    """Why there is no final response yet, and the day it is expected by; Preview checks
    them (desktop.services.documents.holding_response_fields) and renders the response."""

    confirmed = Signal(dict)
    preview_opened = Signal(object)  # the PrintPreviewDialog of the holding response

    def __init__(self, locale: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holding_response_fields")
        self.preview: PrintPreviewDialog | None = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._locale, self._today = locale, today
        self.setWindowTitle(t("holding_title", locale))
        intro = QLabel(t("holding_intro", locale), self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("holding_response_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(80)
        self.expected_by = QDateEdit(self)
        self.expected_by.setObjectName("holding_response_expected_by")
        self.expected_by.setCalendarPopup(True)
        self.expected_by.setDisplayFormat("yyyy-MM-dd")
        self.expected_by.setMinimumDate(QDate(today.year, today.month, today.day))
        suggested = today + timedelta(days=14)
        self.expected_by.setDate(QDate(suggested.year, suggested.month, suggested.day))
        self.problem = QLabel(self)
        self.problem.setObjectName("holding_response_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        form = QFormLayout()
        form.setSpacing(spacing.GAP)
        for key, editor in (("holding_reason", self.reason), ("holding_expected_by", self.expected_by)):
            label = QLabel(t(key, locale), self)
            label.setBuddy(editor)
            editor.setAccessibleName(label.text().replace("&", ""))
            form.addRow(label, editor)
        self.buttons, self.preview_button = _preview_buttons(self, locale, "holding_response")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(spacing.DIALOG_MIN_WIDTH)
        resize_to_fit(self, 560, 360)
        self.reason.setFocus()

    def fields(self) -> dict[str, str]:
        return {"reason": self.reason.toPlainText(),
                "expected_by": self.expected_by.date().toString("yyyy-MM-dd")}

    def accept(self) -> None:
        """Preview only what the response may say: a reason, a date not before today."""
        from desktop.domain.errors import ValidationError
        from desktop.services.documents import holding_response_fields

        try:
            holding_response_fields(self.fields(), self._today)
        except ValidationError as exc:
            self.problem.setText(error_text(exc, self._locale))
            self.problem.show()
            (self.reason if exc.field == "reason" else self.expected_by).setFocus()
            return
        self.confirmed.emit(self.fields())
        super().accept()


# -- what the screens call --------------------------------------------------------------------------

def _case_preview(parent: QWidget | None, app: AppContext, complaint_id: str, document: str,
                  fields: Mapping[str, str] | None = None) -> PrintPreviewDialog:
    actor, locale = app.staff.require(), app.locale

    def prepare(ctx: ServiceContext, fmt: str) -> Prepared:
        return prepare_case_document(ctx, actor, document, complaint_id, locale, fmt, fields)

    return PreviewSession(app, parent, document, prepare).dialog


def preview_receipt(parent: QWidget | None, app: AppContext, complaint_id: str) -> PrintPreviewDialog:
    """Preview the acknowledgement receipt (roll or sheet paper, as last chosen) and print it."""
    return _case_preview(parent, app, complaint_id, RECEIPT)


def preview_extension_notice(parent: QWidget | None, app: AppContext,
                             complaint_id: str) -> PrintPreviewDialog:
    """Preview the notice of the case's latest deadline extension and print it."""
    return _case_preview(parent, app, complaint_id, EXTENSION_NOTICE)


def preview_holding_response(parent: QWidget | None, app: AppContext,
                             complaint_id: str) -> HoldingResponseDialog:
    """Ask why there is no final response yet and when it is expected, then preview the
    holding response and print it. The returned dialog emits `confirmed(fields)`, then
    `preview_opened(preview dialog)`."""
    today = app.now().astimezone(app.branch.zone).date()
    dialog = HoldingResponseDialog(app.locale, today, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_preview(fields: dict[str, str]) -> None:
        dialog.preview = _case_preview(parent, app, complaint_id, HOLDING_RESPONSE, fields)
        dialog.preview_opened.emit(dialog.preview)

    dialog.confirmed.connect(open_preview)
    dialog.open()
    return dialog


def preview_letter(parent: QWidget | None, app: AppContext, complaint_id: str) -> LetterFieldsDialog:
    """Show the decision letter's texts for editing, then preview the letter as edited.
    The returned dialog emits `confirmed(fields)`, then `preview_opened(preview dialog)`."""
    actor, locale = app.staff.require(), app.locale
    dialog = LetterFieldsDialog(locale, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_preview(fields: dict[str, str]) -> None:
        dialog.preview = _case_preview(parent, app, complaint_id, LETTER, fields)
        dialog.preview_opened.emit(dialog.preview)

    def failed(error: BaseException) -> None:
        app.interaction.error(parent, error, locale)
        dialog.reject()

    dialog.confirmed.connect(open_preview)
    dialog.open()
    def texts(ctx: ServiceContext) -> tuple[str, dict[str, str]]:
        from desktop.services.printing import letter_texts

        return letter_texts(ctx, actor, complaint_id, locale)

    app.worker.query(dialog, texts,
                     lambda found: dialog.fill(*found), failed)
    return dialog


def preview_day_end_report(parent: QWidget | None, app: AppContext,
                           business_date: date | None = None) -> PrintPreviewDialog:
    """Preview the day-end report of `business_date` (default: today) and print it."""
    actor, locale = app.staff.require(), app.locale

    def prepare(ctx: ServiceContext, fmt: str) -> Prepared:
        return prepare_day_end_report(ctx, actor, business_date, locale, fmt)

    return PreviewSession(app, parent, DAY_END_REPORT, prepare).dialog


# The name the counter screens already call (ui/case_view.py, ui/intake/panel.py).
print_receipt = preview_receipt


def warm_up_documents(app: AppContext) -> None:
    """Register the document font and lay out a receipt once, on the database worker, so the
    first receipt at the counter is fast. A failure (a missing font) is logged, not shown:
    it will be shown when a document is asked for."""

    def warm() -> None:
        from reports import warm_up

        warm_up()

    app.worker.run(None, warm, None,
                   lambda exc: log.warning("documents could not warm up: %s", type(exc).__name__))
