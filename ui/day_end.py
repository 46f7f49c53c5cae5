"""The day-end close from the window (supervisor or manager): sync, compare the day with HQ,
re-send what is missing, record the close, then the day-end report in the print preview.

Nothing runs before the supervisor confirms: the dialog first shows the pre-check
(`desktop.services.day_close.day_end_check`: overdue cases, unsent changes, open drafts,
and whether the day was closed before — a second close is a re-run and its report a copy).

The close runs in the background through the sync controller (ui.sync), with its progress
and a Cancel here and in the status bar. The dialog then says how it went: HQ and the
branch agree (how many events, how many re-sent), or the mismatch HQ reports, or why it
could not run (offline, refused, not enrolled, cancelled). After an agreement or a
mismatch the day-end report opens (it states whether the day was reconciled).

What can go wrong: a role without both the sync and the day-end report rights never sees
the entry (`may_close_day`); the core checks the report right again when it renders.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import spacing
from ui.i18n import Translatable
from ui.interaction import error_text
from ui.status_bar import progress_text
from ui.sync import Result, SyncController, SyncKind, SyncOutcome, SyncStep

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.day_close import DayEndCheck
    from ui.context import AppContext
    from ui.print_preview import PrintPreviewDialog


def may_close_day(actor: Actor | None) -> bool:
    """Whether `actor` may run the day-end close: it syncs and it ends in the day-end report."""
    if actor is None:
        return False
    from desktop.security.permissions import allowed
    from desktop.security.policy import Permission

    return allowed(actor, Permission.SYNC_RUN) and allowed(actor, Permission.REPORT_DAY_END)


class DayEndDialog(Translatable, QDialog):
    """Runs one day-end close and shows its outcome; `report_opened(preview)` when the
    day-end report's preview opens."""

    report_opened = Signal(object)
    closed_day = Signal(object)  # the SyncOutcome, when the close has ended either way

    def __init__(self, app: AppContext, sync: SyncController, business_date: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_end")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._app, self._sync = app, sync
        self.business_date = business_date
        self.outcome: SyncOutcome | None = None
        self.preview: PrintPreviewDialog | None = None
        self._waiting = False
        self._started = False
        self.check: DayEndCheck | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.precheck = QLabel(self)
        self.precheck.setObjectName("day_end_precheck")
        self.precheck.setWordWrap(True)
        self.precheck.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step = QLabel(self)
        self.step.setObjectName("day_end_step")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("day_end_progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 0)
        self.step.hide()
        self.progress.hide()
        self.outcome_text = QLabel(self)
        self.outcome_text.setObjectName("day_end_result")
        self.outcome_text.setWordWrap(True)
        self.outcome_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(self)
        self.confirm_button.setObjectName("day_end_confirm")
        self.confirm_button.setEnabled(False)  # until the pre-check has been read
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("day_end_report")
        self.report_button.setEnabled(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("day_end_cancel")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("day_end_close")
        self.close_button.hide()
        for button in (self.confirm_button, self.report_button, self.cancel_button,
                       self.close_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.start)
        self.report_button.clicked.connect(self.open_report)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.MARGIN, spacing.MARGIN, spacing.MARGIN, spacing.MARGIN)
        layout.setSpacing(spacing.GAP)
        for widget in (self.intro, self.precheck, self.step, self.progress, self.outcome_text):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(spacing.DIALOG_MIN_WIDTH * 2)
        sync.progressed.connect(self._progressed)
        sync.finished.connect(self._finished)
        self.retranslate()
        self.load_check()

    def load_check(self) -> None:
        """Read the pre-check in the background; the confirm button waits for it."""
        from desktop.services.day_close import day_end_check

        day = self.business_date
        self._app.worker.query(self, lambda ctx: day_end_check(ctx, day), self._check_arrived,
                               self._check_failed)

    def _check_arrived(self, check: DayEndCheck) -> None:
        self.check = check
        self._show_check()
        if not self._started:
            self.confirm_button.setEnabled(True)
            self.confirm_button.setFocus()

    def _check_failed(self, error: BaseException) -> None:
        self.precheck.setText(" ".join(t for t in (
            self.tr("The pre-check could not be read."), error_text(error, self._app.locale)) if t))
        if not self._started:
            self.confirm_button.setEnabled(True)

    def _show_check(self) -> None:
        check = self.check
        if check is None:
            self.precheck.setText(self.tr("Checking the day …"))
            return
        lines = [self.tr("Before the close:"),
                 self.tr("Overdue cases: %n", "", check.overdue),
                 self.tr("Changes not yet sent to HQ: %n (the close sends them)", "", check.unsent),
                 self.tr("Intake drafts still open: %n", "", check.open_drafts)]
        if check.rerun:
            lines.append(self.tr("This day was already closed (%n time(s)): closing again is a "
                                 "re-run, and its day-end report is printed as a copy.", "",
                                 check.runs))
        self.precheck.setText("\n".join(lines))
        self.precheck.setAccessibleName(self.precheck.text())

    def start(self) -> None:
        """Begin the close now (the supervisor confirmed), or as soon as a sync already
        running has finished."""
        actor = self._app.staff.require()
        self._started = True
        self.confirm_button.hide()
        self.step.show()
        self.progress.show()
        if self._sync.close_day(self.business_date, actor.staff_number):
            self._waiting = False
            self.step.setText(progress_text(self._sync.last_step, False))
        else:
            self._waiting = True
            self.step.setText(self.tr("Waiting for the sync that is running to finish …"))

    def _progressed(self, step: SyncStep) -> None:
        if step.kind is not SyncKind.DAY_END:
            return
        self.step.setText(progress_text(step, self._sync.cancelling))
        if step.phase == "push" and step.total:
            self.progress.setRange(0, step.total)
            self.progress.setValue(min(step.done, step.total))
        else:
            self.progress.setRange(0, 0)

    def _cancel(self) -> None:
        if not self._started:  # not confirmed: nothing runs
            self.reject()
            return
        if self._waiting:
            self._waiting = False
            self.reject()
            return
        self._sync.cancel()
        self.cancel_button.setEnabled(False)
        self.step.setText(progress_text(self._sync.last_step, True))

    def _finished(self, outcome: SyncOutcome) -> None:
        if not self._started:
            return
        if self._waiting:  # the sync it waited for is over: now the close
            self.start()
            return
        if outcome.kind is not SyncKind.DAY_END or self.outcome is not None:
            return
        self.outcome = outcome
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.hide()
        self.step.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        agreed = outcome.result is Result.DONE
        self.outcome_text.setStyleSheet("font-weight: bold;" if agreed
                                        else "font-weight: bold; color: #b00020;")
        self.outcome_text.setText(self._result_text(outcome))
        self.outcome_text.setAccessibleName(self.outcome_text.text())
        self.report_button.setEnabled(outcome.result in (Result.DONE, Result.MISMATCH))
        self.closed_day.emit(outcome)
        if outcome.result in (Result.DONE, Result.MISMATCH):
            self.open_report()

    def reject(self) -> None:
        """Escape or closing the window while the close runs cancels it; the dialog stays
        until the close has stopped, so its outcome is seen."""
        if (self._started and self.outcome is None and not self._waiting
                and self._sync.running is SyncKind.DAY_END):
            self._cancel()
            return
        super().reject()

    def _result_text(self, outcome: SyncOutcome) -> str:
        day = self.business_date.isoformat()
        if outcome.result is Result.DONE:
            report = outcome.report
            lines = [
                self.tr("HQ and this branch agree: the day {date} is closed.").format(date=day),
                self.tr("Events of the day: {count}. Sent again: {resent}.").format(
                    count=report.event_count, resent=report.resent)]
            if report.rerun:
                lines.append(self.tr("This was a re-run of the close (close no. {run}); the "
                                     "day-end report is a copy.").format(run=report.run))
            return "\n".join(lines)
        if outcome.result is Result.CANCELLED:
            return self.tr("The day-end close was cancelled; the day is not closed. What was "
                           "already sent stays sent.")
        reason = error_text(outcome.error, self._app.locale) if outcome.error else ""
        if outcome.result is Result.MISMATCH:
            return reason
        return " ".join(t for t in (self.tr("The day could not be closed."), reason) if t)

    def open_report(self) -> None:
        """The day-end report of this business date in the print preview."""
        from ui.printing import preview_day_end_report

        self.preview = preview_day_end_report(self, self._app, self.business_date)
        self.report_opened.emit(self.preview)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close the day {date}").format(date=self.business_date.isoformat()))
        self.intro.setText(self.tr(
            "Everything recorded on this PC is sent to HQ, the day's records are compared with "
            "HQ's, whatever HQ is missing is sent again, and the close is recorded. Then the "
            "day-end report opens for printing. Check the figures below, then confirm."))
        self.confirm_button.setText(self.tr("C&lose the day"))
        self._show_check()
        self.report_button.setText(self.tr("Day-end &report …"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.close_button.setText(self.tr("Close"))
        self.progress.setAccessibleName(self.tr("Day-end progress"))
        self.step.setAccessibleName(self.tr("Day-end step"))
        self.outcome_text.setAccessibleName(self.outcome_text.text() or self.tr("Day-end result"))
        for button in (self.confirm_button, self.report_button, self.cancel_button,
                       self.close_button):
            button.setAccessibleName(button.text().replace("&", ""))
