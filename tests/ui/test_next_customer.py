"""After saving, "Next customer" (and Ctrl+N) opens a fresh intake: never the saved one again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import Counter
from tests.ui.keys import focused, press
from tests.ui.screens import mnemonic_clashes
from tests.ui.walk_in import record_walk_in
from ui.intake.panel import IntakePanel

CTRL = Qt.KeyboardModifier.ControlModifier


def _fresh(panel: IntakePanel) -> bool:
    return (panel.result is None and panel.current_step == 0
            and panel.steps[0].name.text() == "")  # type: ignore[attr-defined]


def test_next_customer_after_saving_opens_a_fresh_intake(counter: Counter) -> None:
    main = counter.log_in("T001")
    saved, _keys = record_walk_in(counter)
    assert saved.result is not None
    assert mnemonic_clashes(main) == []  # the saved step's Alt letters, back/next gone
    another = saved.save_step.another_button
    assert another.isVisible()
    another.setFocus()
    press(Qt.Key.Key_Return)
    counter.qtbot.waitUntil(lambda: main.intake_panel() not in (None, saved))
    panel = main.intake_panel()
    assert panel is not None and _fresh(panel)
    assert main.tabs.currentWidget() is panel
    assert focused() is panel.steps[0].name  # type: ignore[attr-defined]
    assert sum(isinstance(main.tabs.widget(i), IntakePanel) for i in range(main.tabs.count())) == 1


def test_ctrl_n_after_saving_never_reopens_the_saved_tab(counter: Counter) -> None:
    main = counter.log_in("T001")
    saved, _keys = record_walk_in(counter)
    reference = saved.result.reference if saved.result else ""
    main.tabs.setCurrentIndex(0)
    main.worklist.table.setFocus()
    press(Qt.Key.Key_N, CTRL)
    panel = main.intake_panel()
    assert panel is not None and panel is not saved and _fresh(panel)
    titles = [main.tabs.tabText(i) for i in range(main.tabs.count())]
    assert not any(reference in t for t in titles)


def test_ctrl_n_brings_back_an_unfinished_intake(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    panel.steps[0].name.setText("王小明")  # type: ignore[attr-defined]
    main.tabs.setCurrentIndex(0)
    main.worklist.table.setFocus()
    press(Qt.Key.Key_N, CTRL)
    assert main.intake_panel() is panel
    assert panel.steps[0].name.text() == "王小明"  # type: ignore[attr-defined]


def test_the_case_shows_what_the_intake_recorded(counter: Counter) -> None:
    """The category's extra fields and the ID number (masked) are on the saved case."""
    from desktop.domain.masking import mask_id_number
    from tests.ui.walk_in import CUSTOMER, LOAN_NUMBER

    main = counter.log_in("T001")
    saved, _keys = record_walk_in(counter)
    assert saved.result is not None
    view = main.open_case(saved.result.complaint_id)
    counter.qtbot.waitUntil(lambda: view.case_screen is not None, timeout=10_000)
    shown = view.recorded.text()
    assert LOAN_NUMBER in shown and "贷款申请编号" in shown
    assert mask_id_number(CUSTOMER["id_number"]) in shown
    assert CUSTOMER["id_number"] not in shown
