"""The lock screen of a shared counter PC, and the idle timer that brings it up.

Locking covers the window's work area (the case on screen is hidden, dialogs
too) without closing anything, so a half-filled form is exactly as it was when
the same person unlocks. Another person can log in from the lock screen
("switch user"); the window then saves the first person's draft and shows the
second person's work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import labels, spacing
from ui.credentials import CredentialsForm, check_credentials
from ui.i18n import Translatable

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from ui.context import AppContext

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Emits `idle` after `interval_ms` without keyboard, mouse or touch input anywhere in the app."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.idle)
        self._active = False

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        if self._active:
            self._timer.start()

    @property
    def interval(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._active = True
        self._timer.start()

    def stop(self) -> None:
        self._active = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._timer.start()
        return False


class LockScreen(Translatable, QWidget):
    """Who locked the screen and a password field; `unlocked(actor, same_person)` after a login."""

    unlocked = Signal(object, bool)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._locked_by: Actor | None = None
        self._switching = False
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.title = QLabel(self)
        self.title.setObjectName("lock_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.who = QLabel(self)
        self.who.setObjectName("lock_who")
        self.who.setWordWrap(True)
        self.form = CredentialsForm(self)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self)
        self.switch_button.setObjectName("switch_user_button")

        box = QWidget(self)
        box.setMaximumWidth(spacing.LOGIN_WIDTH + 2 * spacing.SECTION_GAP)
        inner = QVBoxLayout(box)
        inner.setSpacing(spacing.GAP)
        inner.addWidget(self.title)
        inner.addWidget(self.who)
        inner.addSpacing(spacing.SECTION_GAP)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.switch_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        inner.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

        self.form.submitted.connect(self._submit)
        self.unlock_button.clicked.connect(self.form.submit)
        self.switch_button.clicked.connect(lambda: self.set_switching(not self._switching))
        self.retranslate()

    @property
    def locked_by(self) -> Actor | None:
        return self._locked_by

    def lock(self, actor: Actor | None, *, switching: bool = False) -> None:
        self._locked_by = actor
        self.form.clear()
        self.set_switching(switching or actor is None)

    def set_switching(self, switching: bool) -> None:
        """Unlock for the same person (number fixed) or let anyone log in (switch user)."""
        self._switching = switching
        actor = self._locked_by
        if switching or actor is None:
            self.form.number.setReadOnly(False)
            self.form.number.clear()
            self.form.number.setFocus()
        else:
            self.form.number.setText(actor.staff_number)
            self.form.number.setReadOnly(True)
            self.form.password.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Screen locked"))
        actor = self._locked_by
        if actor is not None and not self._switching:
            self.who.setText(self.tr("Locked by {name} ({number}, {role}). Enter the password to "
                                     "continue where you left off.").format(
                name=actor.name, number=actor.staff_number,
                role=labels.label(labels.ROLE, actor.role.value)))
        else:
            self.who.setText(self.tr("Log in with your staff number. The work of the person "
                                     "before you is kept for them."))
        self.who.setAccessibleName(self.tr("Who locked the screen"))
        self.unlock_button.setText(self.tr("Unlock") if not self._switching else self.tr("Log in"))
        self.unlock_button.setAccessibleName(self.unlock_button.text())
        self.switch_button.setText(self.tr("Switch user") if not self._switching
                                   else self.tr("Back to the locked session"))
        self.switch_button.setAccessibleName(self.switch_button.text())
        self.switch_button.setEnabled(self._locked_by is not None or not self._switching)

    def _submit(self, number: str, password: str) -> None:
        self.form.set_busy(True)
        check_credentials(self._app, self, number, password, self._accepted, self.form.failed)

    def _accepted(self, actor: Actor) -> None:
        same = self._locked_by is not None and actor.staff_number == self._locked_by.staff_number
        self.form.clear()
        self.unlocked.emit(actor, same)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        target = self.form.password if self.form.number.isReadOnly() else self.form.number
        QTimer.singleShot(0, lambda: target.setFocus(Qt.FocusReason.OtherFocusReason))
