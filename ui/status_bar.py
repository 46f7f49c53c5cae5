"""The status bar: who is logged in; a running sync's progress with Cancel; whether HQ is
online; unsent changes; and when the last sync completed.

Online or offline is what the last sync attempt found (ui.sync); unsent changes and
the last sync are read from the profile on the database worker every half minute,
shortly after a change (drafts aside) and right after each sync. A sync that fails is
told here calmly (a word and a tooltip), never in a box: only "Sync now" adds a box.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from ui import labels, spacing
from ui.actions import ActionId, tooltip
from ui.i18n import Translatable
from ui.interaction import error_text
from ui.sync import HqState, Result, SyncController, SyncOutcome, SyncStep
from ui.sync_status import SyncFacts

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext
    from ui.worker import Changes

REFRESH_MS = 30_000
SETTLE_MS = 1_500
PROGRESS_WIDTH = 140


def progress_text(step: SyncStep | None, cancelling: bool) -> str:
    """What a running sync is doing, in words (the status bar and the day-end dialog)."""
    translate = QCoreApplication.translate
    if cancelling:
        return translate("SyncProgress", "Stopping the sync …")
    if step is None or step.phase == "connect":
        return translate("SyncProgress", "Connecting to HQ …")
    if step.phase == "push":
        if step.total:
            return translate("SyncProgress", "Sending to HQ: {done} of {total}").format(
                done=step.done, total=step.total)
        if step.done:
            return translate("SyncProgress", "Sending to HQ: {done}").format(done=step.done)
        return translate("SyncProgress", "Sending to HQ …")
    return translate("SyncProgress", "Receiving from HQ: {done}").format(done=step.done)


class CounterStatusBar(Translatable, QStatusBar):
    def __init__(self, app: AppContext, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._sync = sync
        self._facts = SyncFacts()
        self.user = QLabel(self)
        self.user.setObjectName("status_user")
        self.sync_text = QLabel(self)
        self.sync_text.setObjectName("status_sync_progress_text")
        self.sync_bar = QProgressBar(self)
        self.sync_bar.setObjectName("status_sync_progress")
        self.sync_bar.setFixedWidth(PROGRESS_WIDTH)
        self.sync_bar.setTextVisible(False)
        self.sync_bar.setMaximumHeight(self.fontMetrics().height())
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("status_sync_cancel")
        self.cancel_button.clicked.connect(sync.cancel)
        self.connection = QLabel(self)
        self.connection.setObjectName("status_connection")
        self.unsent = QLabel(self)
        self.unsent.setObjectName("status_unsent")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("status_last_sync")
        self.warning = QLabel(self)  # a wrong PC clock; events kept in quarantine
        self.warning.setObjectName("status_sync_warning")
        self.addWidget(self.user, 1)
        for widget in (self.sync_text, self.sync_bar, self.cancel_button, self.warning,
                       self.connection, self.unsent, self.last_sync):
            if isinstance(widget, QLabel):
                widget.setContentsMargins(spacing.GAP, 0, spacing.GAP, 0)
            self.addPermanentWidget(widget)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        # Changes come in bursts (a save, then its receipt): count once they settle.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self.refresh)
        app.worker.changed.connect(self._changed)
        app.staff.changed.connect(lambda _a: self.retranslate())
        sync.state_changed.connect(self.retranslate)
        sync.progressed.connect(self._progressed)
        sync.finished.connect(self._sync_finished)
        self.retranslate()

    # -- the facts from the profile ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read unsent changes and the last sync again (on the database worker)."""
        source = self._app.sync_facts

        def read(ctx: ServiceContext) -> SyncFacts:
            return source(ctx)

        if self._app.worker.is_open:
            self._app.worker.query(self, read, self.show_facts)

    def _changed(self, changes: Changes) -> None:
        if not changes.draft:  # a draft is never sent to HQ
            self._soon.start()

    @property
    def facts(self) -> SyncFacts:
        """Unsent changes and the last sync as last read."""
        return self._facts

    def show_facts(self, facts: SyncFacts) -> None:
        self._facts = facts
        self.retranslate()

    def _sync_finished(self, _outcome: SyncOutcome) -> None:
        self.refresh()

    def _progressed(self, _step: SyncStep) -> None:
        self._show_progress()

    # -- texts --------------------------------------------------------------------------------------

    def _show_progress(self) -> None:
        running = self._sync.running is not None
        for widget in (self.sync_text, self.sync_bar, self.cancel_button):
            widget.setVisible(running)
        if not running:
            return
        step = self._sync.last_step
        self.cancel_button.setEnabled(not self._sync.cancelling)
        text = progress_text(step, self._sync.cancelling)
        if step is not None and step.phase == "push" and step.total:
            self.sync_bar.setRange(0, step.total)
            self.sync_bar.setValue(min(step.done, step.total))
        else:
            self.sync_bar.setRange(0, 0)  # busy: how much is coming is not known
        self.sync_text.setText(text)
        self.sync_bar.setAccessibleName(text)

    def _connection_texts(self) -> tuple[str, str]:
        """(what the label says, the tooltip that explains it)."""
        sync, locale, zone = self._sync, self._app.locale, self._app.branch.zone
        when = labels.format_moment(sync.last_attempt, zone, self._app.now()) if sync.last_attempt else ""
        state = sync.hq_state
        if state is HqState.NOT_ENROLLED:
            outcome = sync.last_outcome
            reason = error_text(outcome.error, locale) if outcome and outcome.error else ""
            return (self.tr("Not enrolled with HQ"),
                    " ".join(t for t in (reason, self.tr("Sync is off on this PC.")) if t))
        if state is HqState.UNKNOWN:
            return self.tr("HQ: not known yet"), self.tr("This PC has not contacted HQ yet.")
        if state is HqState.ONLINE:
            text, tip = self.tr("● Online"), self.tr("HQ answered at {time}.").format(time=when)
        else:
            text = self.tr("○ Offline")
            tip = self.tr("HQ could not be reached at {time}. Work goes on; unsent changes are kept "
                          "and sent when HQ is back.").format(time=when)
        outcome = sync.last_outcome
        if outcome is not None and sync.running is None:
            note = {Result.REFUSED: self.tr("sync refused"), Result.FAILED: self.tr("sync failed"),
                    Result.CANCELLED: self.tr("sync cancelled"),
                    Result.MISMATCH: self.tr("day-end differs")}.get(outcome.result)
            if note:
                text = f"{text} · ⚠ {note}" if outcome.result is not Result.CANCELLED else f"{text} · {note}"
                if outcome.error is not None:
                    tip = f"{tip}\n{error_text(outcome.error, locale)}"
        return text, tip

    def _warning_texts(self) -> tuple[str, str]:
        """(label, tooltip) for what a person must act on: this PC's clock is wrong (from the
        last sync), events from HQ kept in quarantine (for roles that close the day)."""
        texts: list[str] = []
        tips: list[str] = []
        outcome = self._sync.last_outcome
        report = getattr(outcome.report, "sync", outcome.report) if outcome is not None else None
        if report is not None and getattr(report, "clock_wrong", False):
            offset = report.clock_offset_s
            minutes = round(abs(offset) / 60) if offset is not None else None
            texts.append(self.tr("⚠ This PC's clock is wrong"))
            tips.append((self.tr("It is about {minutes} minutes off HQ's clock. ").format(minutes=minutes)
                         if minutes is not None else "")
                        + self.tr("Set the right date and time (ask IT); until then HQ may refuse "
                                  "this PC's changes, which are kept and sent once it is right."))
        actor = self._app.staff.actor
        if self._facts.quarantined and actor is not None and self._may_close_day(actor):
            texts.append(self.tr("⚠ {count} events from HQ set aside").format(count=self._facts.quarantined))
            tips.append(self.tr("{count} events received from HQ could not be applied on this PC and "
                                "are kept in quarantine; sync goes on. List them with "
                                "complaint-desk admin quarantine and tell HQ.").format(
                count=self._facts.quarantined))
        return " · ".join(texts), "\n".join(tips)

    @staticmethod
    def _may_close_day(actor: object) -> bool:
        from desktop.security.permissions import allowed
        from desktop.security.policy import Permission

        return allowed(actor, Permission.REPORT_DAY_END)  # type: ignore[arg-type]

    def retranslate(self) -> None:
        f = self._facts
        warning, warning_tip = self._warning_texts()
        self.warning.setText(warning)
        self.warning.setToolTip(warning_tip)
        self.warning.setAccessibleName(warning)
        self.warning.setVisible(bool(warning))
        self._show_progress()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(tooltip(ActionId.CANCEL_SYNC))
        self.cancel_button.setAccessibleName(self.tr("Cancel the sync"))
        connection, connection_tip = self._connection_texts()
        self.connection.setText(connection)
        self.unsent.setText(self.tr("Unsent changes: {count}").format(
            count="?" if f.unsent is None else f.unsent))
        self.last_sync.setText(self.tr("Last sync: {when}").format(
            when=labels.format_moment(f.last_sync, self._app.branch.zone, self._app.now()) if f.last_sync
            else self.tr("never")))
        actor = self._app.staff.actor
        if actor is None:
            self.user.setText(self.tr("Nobody logged in"))
        else:
            self.user.setText(self.tr("Logged in: {name} ({number}, {role}) · branch {branch}").format(
                name=actor.name, number=actor.staff_number,
                role=labels.label(labels.ROLE, actor.role.value), branch=self._app.branch.branch_code))
        for widget, name in ((self.connection, self.tr("Connection to HQ")),
                             (self.unsent, self.tr("Unsent changes")),
                             (self.last_sync, self.tr("Last sync")),
                             (self.user, self.tr("Logged-in user")),
                             (self.sync_text, self.tr("Sync progress"))):
            widget.setAccessibleName(name)
            widget.setToolTip(widget.text())
        self.connection.setToolTip(connection_tip)
        if f.last_sync:
            self.last_sync.setToolTip(labels.format_datetime(f.last_sync, self._app.branch.zone,
                                                             short=False))
