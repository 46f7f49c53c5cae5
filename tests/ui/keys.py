"""Typing as a person does: key presses into whatever has the focus (any script)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Press a key for each character into `widget` (default: the focused widget).
    QTest's own helper only knows ASCII, so Chinese goes through key events with text."""
    target = widget or focused()
    for ch in text:
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          widget: QWidget | None = None) -> None:
    """One key press (and release) to `widget` or the focused widget, shortcuts included."""
    from PySide6.QtTest import QTest

    QTest.keyClick(widget or focused(), key, modifiers)
