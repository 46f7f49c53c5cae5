"""The first window: staff number and password, with a language choice.

It is shown before the database layer is even imported (cold start target);
while it waits for the user the profile opens on the worker. Logging in before
that has finished simply queues behind it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import spacing
from ui.credentials import CredentialsForm, check_credentials
from ui.i18n import Translatable, language_name

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from ui.context import AppContext


class LoginWindow(Translatable, QWidget):
    """Emits `logged_in(actor)` after a correct staff number and password."""

    logged_in = Signal(object)
    quit_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.setObjectName("login_window")
        self.setMinimumWidth(spacing.LOGIN_WIDTH)
        self.heading = QLabel(self)
        self.heading.setObjectName("login_heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("login_hint")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = CredentialsForm(self)
        self.language = QComboBox(self)
        self.language.setObjectName("login_language")
        for locale in app.languages.available:
            self.language.addItem(language_name(locale), locale)
        self.language.setCurrentIndex(max(0, self.language.findData(app.locale)))
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language)
        self.buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.quit_button = QPushButton(self)
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)

        language_row = QHBoxLayout()
        language_row.addWidget(self._language_label)
        language_row.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(spacing.SECTION_GAP, spacing.SECTION_GAP,
                                  spacing.SECTION_GAP, spacing.SECTION_GAP)
        layout.setSpacing(spacing.GAP)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addSpacing(spacing.SECTION_GAP)
        layout.addWidget(self.form)
        layout.addLayout(language_row)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.form.submitted.connect(self._submit)
        self.login_button.clicked.connect(self.form.submit)
        self.quit_button.clicked.connect(self.quit_requested)
        self.language.currentIndexChanged.connect(self._language_chosen)
        if app.settings.last_staff_number:
            self.form.number.setText(app.settings.last_staff_number)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Complaint Desk — log in"))
        self.heading.setText(self.tr("Complaint Desk"))
        self.subtitle.setText(self.tr("Customer complaints at the branch counter. "
                                      "Log in with your staff number."))
        self._language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.login_button.setText(self.tr("Log in"))
        self.login_button.setAccessibleName(self.tr("Log in"))
        self.login_button.setToolTip(self.tr("Log in (Enter)"))
        self.quit_button.setText(self.tr("Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit"))
        self.hint.setAccessibleName(self.tr("Hint"))
        self._show_hint()

    def show_demo_hint(self, password: str) -> None:
        self._demo_password = password
        self._show_hint()

    def _show_hint(self) -> None:
        password = getattr(self, "_demo_password", "")
        if password:
            self.hint.setText(self.tr("Demo branch: staff T001/T002 (teller), S001 (supervisor), "
                                      "M001 (manager), A001 (auditor); password {password}")
                              .format(password=password))
        else:
            self.hint.setText("")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        target = self.form.password if self.form.number.text() else self.form.number
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, text: str) -> None:
        """A problem opening the profile: the user reads it here, login stays disabled."""
        self.form.show_message(text)
        self.form.set_busy(True)
        self.login_button.setEnabled(False)

    def _language_chosen(self, index: int) -> None:
        locale = self.language.itemData(index)
        if locale and locale != self._app.locale:
            self._app.set_language(str(locale))

    def _submit(self, number: str, password: str) -> None:
        self.form.set_busy(True)
        self.login_button.setEnabled(False)
        self.form.show_message(self.tr("Checking …"))
        check_credentials(self._app, self, number, password, self._accepted, self._refused)

    def _accepted(self, actor: Actor) -> None:
        self.login_button.setEnabled(True)
        self.form.clear()
        self._app.settings.last_staff_number = actor.staff_number
        self.logged_in.emit(actor)

    def _refused(self, text: str) -> None:
        self.login_button.setEnabled(True)
        self.form.failed(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.quit_requested.emit()
        super().closeEvent(event)
