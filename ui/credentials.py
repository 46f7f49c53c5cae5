"""Staff number + password: the form shared by login, the lock screen and supervisor approval.

`check_credentials` asks the security layer on the database worker; the answer
(an Actor, or the reason in the user's language) comes back to the GUI thread.
The message for a wrong number and a wrong password is the same on purpose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui import spacing
from ui.i18n import Translatable
from ui.interaction import error_text

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.services.context import ServiceContext
    from ui.context import AppContext


def check_credentials(app: AppContext, owner: QWidget, number: str, password: str,
                      on_ok: Callable[[Actor], None], on_fail: Callable[[str], None]) -> None:
    """Authenticate on the worker; exactly one of the callbacks runs on the GUI thread."""

    def authenticate(ctx: ServiceContext) -> Actor:
        from desktop.security.staff import authenticate as core_authenticate

        return core_authenticate(ctx.store, number, password, ctx.now())

    app.worker.query(owner, authenticate, on_ok,
                     lambda exc: on_fail(error_text(exc, app.locale)))


def check_approval(app: AppContext, owner: QWidget, number: str, password: str, permission: str,
                   on_ok: Callable[[Actor], None], on_fail: Callable[[str], None]) -> None:
    """A supervisor approving on this PC: their login, and their role's right to `permission`
    (a desktop.security.policy.Permission value). Failures count towards their lockout."""

    def approve(ctx: ServiceContext) -> Actor:
        from desktop.security.policy import Permission
        from desktop.security.staff import approve as core_approve

        return core_approve(ctx.store, number, password, Permission(permission), ctx.now())

    app.worker.query(owner, approve, on_ok, lambda exc: on_fail(error_text(exc, app.locale)))


class CredentialsForm(Translatable, QWidget):
    """Two fields and a message line; Enter in the number moves on, Enter in the password submits."""

    submitted = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLineEdit(self)
        self.number.setObjectName("staff_number")
        self.number.setMaxLength(32)
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.message = QLabel(self)
        self.message.setObjectName("credentials_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setAccessibleName("message")
        self._number_label = QLabel(self)
        self._number_label.setBuddy(self.number)
        self._password_label = QLabel(self)
        self._password_label.setBuddy(self.password)

        form = QFormLayout()
        form.setSpacing(spacing.GAP)
        form.addRow(self._number_label, self.number)
        form.addRow(self._password_label, self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing.GAP)
        layout.addLayout(form)
        layout.addWidget(self.message)

        self.number.returnPressed.connect(self._number_done)
        self.password.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self._number_label.setText(self.tr("&Staff number"))
        self._password_label.setText(self.tr("&Password"))
        self.number.setAccessibleName(self.tr("Staff number"))
        self.password.setAccessibleName(self.tr("Password"))
        self.number.setPlaceholderText(self.tr("e.g. T001"))

    def _number_done(self) -> None:
        self.password.setFocus(Qt.FocusReason.TabFocusReason)

    def submit(self) -> None:
        number = self.number.text().strip()
        if not number:
            self.show_message(self.tr("Enter your staff number."))
            self.number.setFocus()
            return
        if not self.password.text():
            self.show_message(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self.show_message("")
        self.submitted.emit(number, self.password.text())

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def failed(self, text: str) -> None:
        """After a refused login: say why, clear the password, put the cursor back in it."""
        self.show_message(text)
        self.password.clear()
        self.set_busy(False)
        self.password.setFocus()

    def set_busy(self, busy: bool) -> None:
        self.number.setEnabled(not busy)
        self.password.setEnabled(not busy)

    def clear(self) -> None:
        self.password.clear()
        self.show_message("")
        self.set_busy(False)
