"""Form rows with a message line under each field, and Enter-moves-on keyboard handling.

Every intake field is registered under its field path (`customer.id_number`,
`extra_fields.card_number` ...), the same path the domain's validation names,
so an error lands under the field it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import spacing

ERROR_STYLE = "color: #b00020;"


class EnterMovesOn(QObject):
    """Enter in a one-line field, a combo box, a spin box or a tick box moves on; Enter on a
    focused push button presses it. Multi-line text keeps Enter for new lines (Tab leaves it).

    Moving on is the intake step's to decide when the field sits in one (an ancestor with
    `enter_pressed_in(widget)`: the next field that still needs something, else the next
    step); anywhere else it is the same as Tab."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter and friends are shortcuts
        if isinstance(watched, QCheckBox | QRadioButton):
            self._move_on(watched)  # Space ticks a box; Enter moves on like in any other field
            return True
        if isinstance(watched, QAbstractButton):
            watched.animateClick()
            return True
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # choosing from the open list
        if isinstance(watched, QLineEdit | QComboBox | QAbstractSpinBox):
            self._move_on(watched)
            return True
        return False

    @classmethod
    def _move_on(cls, widget: QWidget) -> None:
        owner = widget.parentWidget()
        while owner is not None and not hasattr(owner, "enter_pressed_in"):
            owner = owner.parentWidget()
        if owner is not None and owner.enter_pressed_in(widget):
            return
        cls._tab(widget)

    @staticmethod
    def _tab(widget: QWidget) -> None:
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, tab)


class EnterPressesButtons(QObject):
    """Installed on the application: Enter on a focused push or tool button presses it, as
    Space does (Qt leaves Enter to a dialog's default button, and outside dialogs to nothing)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                and isinstance(watched, QPushButton | QToolButton) and watched.hasFocus()
                and watched.isEnabled() and not event.isAutoRepeat()):
            watched.animateClick()
            return True
        return False


def needs_input(widget: QWidget) -> bool:
    """Whether a field is still empty (a tick box: not ticked; a list: nothing chosen)."""
    from PySide6.QtWidgets import QPlainTextEdit

    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData() in (None, "") and not widget.currentText().strip()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return not widget.isChecked()
    return False


class FieldMessage(QLabel):
    """The message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setContentsMargins(spacing.MESSAGE_INDENT, 0, 0, 0)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


@dataclass
class FieldRow:
    path: str
    label: QLabel
    widget: QWidget
    message: FieldMessage
    container: QWidget
    required: bool = False

    def set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.container.setVisible(visible)

    def set_label(self, text: str, accessible: str, *, required: bool = False) -> None:
        """Label text (with its &mnemonic) and the accessible name of the field and its message."""
        self.label.setText(f"{text} *" if required else text)
        self.required = required
        self.widget.setAccessibleName(accessible)
        self.message.setAccessibleName(
            QApplication.translate("FieldRow", "{field}: message").format(field=accessible))


class FieldForm(QFormLayout):
    """A form layout whose rows are field + message, addressable by field path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSpacing(spacing.GAP)
        self.setHorizontalSpacing(spacing.SECTION_GAP)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, FieldRow] = {}
        self._enter = EnterMovesOn(self)

    def add(self, path: str, widget: QWidget, parent: QWidget) -> FieldRow:
        label = QLabel(parent)
        label.setBuddy(widget)
        container = QWidget(parent)
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(widget)
        message = FieldMessage(container)
        message.setObjectName(f"message:{path}")
        box.addWidget(message)
        widget.setObjectName(f"field:{path}")
        widget.installEventFilter(self._enter)
        self.addRow(label, container)
        row = FieldRow(path, label, widget, message, container)
        self.rows[path] = row
        return row

    def remove(self, path: str) -> None:
        row = self.rows.pop(path, None)
        if row is not None:
            self.removeRow(row.container)

    def show_messages(self, messages: dict[str, str]) -> None:
        for path, row in self.rows.items():
            row.message.say(messages.get(path, ""))


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab visits `widgets` in this order (hidden ones are skipped by Qt)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def enter_moves_on(widget: QWidget, owner: QObject) -> None:
    """Give `widget` the Enter-moves-on behaviour (for fields outside a FieldForm)."""
    filt = owner.findChild(EnterMovesOn, "enter_moves_on")
    if filt is None:
        filt = EnterMovesOn(owner)
        filt.setObjectName("enter_moves_on")
    widget.installEventFilter(filt)
