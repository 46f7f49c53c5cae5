"""The status bar: online or offline, unsent changes, last sync, and who is logged in.

The sync facts come from `AppContext.sync_status`, read on the database worker
every half minute and shortly after a change (drafts aside); until the sync
layer answers they read "unknown".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ui import labels, spacing
from ui.i18n import Translatable
from ui.sync_status import SyncStatus

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext
    from ui.worker import Changes

REFRESH_MS = 30_000
SETTLE_MS = 1_500


class CounterStatusBar(Translatable, QStatusBar):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._status = SyncStatus()
        self.connection = QLabel(self)
        self.connection.setObjectName("status_connection")
        self.unsent = QLabel(self)
        self.unsent.setObjectName("status_unsent")
        self.last_sync = QLabel(self)
        self.last_sync.setObjectName("status_last_sync")
        self.user = QLabel(self)
        self.user.setObjectName("status_user")
        for widget in (self.connection, self.unsent, self.last_sync):
            widget.setContentsMargins(spacing.GAP, 0, spacing.GAP, 0)
            self.addPermanentWidget(widget)
        self.addWidget(self.user, 1)
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
        self.retranslate()

    def refresh(self) -> None:
        source = self._app.sync_status

        def read(ctx: ServiceContext) -> SyncStatus:
            return source(ctx)

        if self._app.worker.is_open:
            self._app.worker.query(self, read, self.show_status)

    def _changed(self, changes: Changes) -> None:
        if not changes.draft:  # a draft is never sent to HQ
            self._soon.start()

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        self.retranslate()

    def retranslate(self) -> None:
        s = self._status
        if s.online is None:
            self.connection.setText(self.tr("HQ: not known"))
        elif s.online:
            self.connection.setText(self.tr("● Online"))
        else:
            self.connection.setText(self.tr("○ Offline"))
        self.unsent.setText(self.tr("Unsent changes: {count}").format(
            count="?" if s.unsent is None else s.unsent))
        self.last_sync.setText(self.tr("Last sync: {when}").format(
            when=labels.format_datetime(s.last_sync, self._app.branch.zone) if s.last_sync
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
                             (self.user, self.tr("Logged-in user"))):
            widget.setAccessibleName(name)
            widget.setToolTip(widget.text())
