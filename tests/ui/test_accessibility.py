"""Every control a person can reach has a name a screen reader can say, and every
action's tooltip shows its shortcut."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.domain.states import Action
from tests.ui.conftest import Counter
from ui.actions import ACTIONS, ActionId, key_sequences, tooltip
from ui.worklist_model import CASE_ID_ROLE

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit,
            QAbstractSpinBox)


def _internal(widget: QWidget) -> bool:
    """Parts of a composite control (a combo box's line edit, a tab's close button, a
    scroll bar's arrows): the control they belong to carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in ("QToolBarExtension", "QExpandingLineEdit")


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _internal(widget) or not widget.isVisibleTo(root):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        name = iface.text(QAccessible.Text.Name) if iface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_of_the_main_screens_has_an_accessible_name(counter: Counter) -> None:
    main = counter.log_in("T001")
    assert unnamed(counter.controller.login) == []
    assert unnamed(main) == []

    panel = main.new_complaint()
    counter.wait_idle()
    panel.steps[0].has_agent.setChecked(True)  # type: ignore[attr-defined]
    for index in range(5):
        panel._show_step(index)
        counter.wait_idle()
        assert unnamed(panel) == [], f"step {index + 1}"

    model = main.worklist.model
    counter.qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    view = main.open_case(str(model.data(model.index(0, 0), CASE_ID_ROLE)))
    counter.qtbot.waitUntil(lambda: view.case_screen is not None, timeout=10_000)
    assert unnamed(view) == []
    dialog = view.start_action(Action.ADD_NOTE)
    assert dialog is not None
    assert unnamed(dialog) == []
    dialog.reject()

    main.lock()
    assert unnamed(main.lock_screen) == []


def test_every_action_tooltip_shows_its_shortcut() -> None:
    for action_id in ACTIONS:
        assert key_sequences(action_id), f"{action_id} has no shortcut on this platform"
        text = tooltip(action_id)
        assert text.endswith(")") and "(" in text, action_id
    assert "Ctrl+L" in tooltip(ActionId.LOCK)


def test_no_two_actions_share_a_shortcut() -> None:
    seen: dict[str, ActionId] = {}
    for action_id in ACTIONS:
        for key in key_sequences(action_id):
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action_id}"
            seen[text] = action_id
