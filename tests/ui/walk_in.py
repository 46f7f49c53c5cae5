"""The standard walk-in complaint, keyboard only, as a teller types it at the counter.

A new individual customer complains that their housing loan application has had no
decision for weeks (JR/T 0169 B0201 / R0301). Everything goes through key presses into
whatever has the focus; `Keyboard` counts the keys that only move around (Enter, Tab,
Space, shortcuts) apart from the characters of the data. The benchmark (bench/bench_counter.py)
reports that count; the test (test_intake_keyboard.py) checks the complaint it records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Counter
from tests.ui.keys import focused, type_text
from ui.intake.panel import IntakePanel

CTRL = Qt.KeyboardModifier.ControlModifier

CUSTOMER = {"name": "刘建国", "id_number": "11010519491231002X", "phone": "13800138000"}
SEARCH = "房贷 审批"  # housing loan, approval delay
LOAN_NUMBER = "LN20260210-0042"
APPLIED_ON = "2026-02-10"
DESCRIPTION = "二月十日提交的住房贷款申请至今已一个多月没有审批结果，多次电话询问均被告知继续等待，影响购房合同履行。"
REQUEST = "要求尽快给出审批结论并书面说明延误原因。"
RECORDING = "3号窗口 09:00-09:30"


@dataclass
class Keyboard:
    """Key presses into the focused widget: data characters and navigation keys, counted apart."""

    counter: Counter
    moves: list[str] = field(default_factory=list)
    characters: int = 0

    def type(self, text: str) -> None:
        type_text(text)
        self.characters += len(text)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              name: str = "") -> None:
        from PySide6.QtTest import QTest

        QTest.keyClick(focused(), key, modifiers)
        self.moves.append(name or key.name)
        QApplication.processEvents()


def record_walk_in(counter: Counter) -> tuple[IntakePanel, Keyboard]:
    """From the worklist to a saved complaint, keyboard only. Returns the panel (saved)
    and the keyboard with its counts."""
    main = counter.main
    qtbot = counter.qtbot
    keys = Keyboard(counter)
    main.activateWindow()
    main.worklist.table.setFocus()
    keys.press(Qt.Key.Key_N, CTRL, "Ctrl+N")
    panel = main.intake_panel()
    assert isinstance(panel, IntakePanel)
    customer = panel.steps[0]
    assert focused() is customer.name  # type: ignore[attr-defined]
    keys.type(CUSTOMER["name"])
    keys.press(Qt.Key.Key_Return)  # the ID type has its default: on to the number
    keys.type(CUSTOMER["id_number"])
    keys.press(Qt.Key.Key_Return)
    keys.type(CUSTOMER["phone"])
    keys.press(Qt.Key.Key_Return)  # nothing else required: the category step
    qtbot.waitUntil(lambda: panel.current_step == 1)

    category = panel.steps[1]
    assert focused() is category.search  # type: ignore[attr-defined]
    keys.type(SEARCH)
    keys.press(Qt.Key.Key_Return)  # each tree has one answer: both chosen, on to the loan number
    keys.type(LOAN_NUMBER)
    keys.press(Qt.Key.Key_Return)
    keys.type(APPLIED_ON)
    keys.press(Qt.Key.Key_Return)  # the amount applied for is optional: the details step
    qtbot.waitUntil(lambda: panel.current_step == 2)

    keys.type(DESCRIPTION)
    keys.press(Qt.Key.Key_Tab)  # multi-line text keeps Enter for new lines
    keys.type(REQUEST)
    keys.press(Qt.Key.Key_Tab)  # → the recording reference (at the counter it is required)
    keys.type(RECORDING)
    keys.press(Qt.Key.Key_Return)  # nothing else required: the review
    qtbot.waitUntil(lambda: panel.current_step == 3)

    keys.press(Qt.Key.Key_Space)  # the customer consents
    keys.press(Qt.Key.Key_S, CTRL, "Ctrl+S")
    qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    counter.wait_idle()
    return panel, keys
