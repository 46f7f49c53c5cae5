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
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui import spacing

ERROR_STYLE = "color: #b00020;"


class EnterMovesOn(QObject):
    """Enter in a one-line field, a combo box, a spin box or a tick box moves to the next
    field, as Tab does; Enter on a focused push button presses it. Multi-line text keeps
    Enter for new lines (Tab leaves it)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter and friends are shortcuts
        if isinstance(watched, QCheckBox | QRadioButton):
            self._tab(watched)  # Space ticks a box; Enter moves on like in any other field
            return True
        if isinstance(watched, QAbstractButton):
            watched.animateClick()
            return True
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False  # choosing from the open list
        if isinstance(watched, QLineEdit | QComboBox | QAbstractSpinBox):
            self._tab(watched)
            return True
        return False

    @staticmethod
    def _tab(widget: QWidget) -> None:
        tab = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, tab)


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

    def set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.container.setVisible(visible)

    def set_label(self, text: str, accessible: str, *, required: bool = False) -> None:
        """Label text (with its &mnemonic) and the accessible name of the field and its message."""
        self.label.setText(f"{text} *" if required else text)
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
