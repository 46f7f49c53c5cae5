"""Every window, intake step and dialog, walked on the counter's 1366×768 screen in both
languages: no Alt+letter answers to two things in one window or menu, and every window
fits the screen and stays usable at 1280×720 (status bar and buttons in view).

The walk takes whatever the screens show, so a field, menu or dialog added later is
checked too."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from desktop.domain.states import Action
from tests.ui.conftest import Counter
from tests.ui.screens import geometry_problems, mnemonic_clashes, visible_windows
from tests.ui.test_case_view import OPEN, a_case, open_case
from ui.case_actions import CaseActionDialog
from ui.customer_view import CustomerView
from ui.intake.panel import IntakePanel
from ui.print_preview import PrintPreviewDialog
from ui.printing import preview_holding_response

Check = Callable[[], list[str]]


def walk(counter: Counter, check: Callable[[object], list[str]]) -> list[str]:
    """Open every screen a supervisor can reach without HQ and `check` each visible window
    at each stop; returns every problem, named by where it was seen."""
    problems: list[str] = []
    qtbot = counter.qtbot

    def look(where: str) -> None:
        QApplication.processEvents()
        for window in visible_windows():
            problems.extend(f"[{where}] {p}" for p in check(window))

    look("login")
    main = counter.log_in("S001")
    look("worklist")
    for menu in (main.complaint_menu, main.view_menu, main.hq_menu, main.statistics_menu,
                 main.session_menu):
        assert menu.actions()

    panel = main.new_complaint()
    assert isinstance(panel, IntakePanel)
    customer = panel.steps[0]
    for step in range(5):
        panel.stack.setCurrentIndex(step)
        counter.wait_idle()
        look(f"intake step {step + 1}")
    panel.stack.setCurrentIndex(0)
    customer.has_agent.setChecked(True)  # type: ignore[attr-defined]
    look("intake step 1 with an agent")
    customer.corporate.setChecked(True)  # type: ignore[attr-defined]
    look("intake step 1, a company")
    category = panel.steps[1]
    panel.stack.setCurrentIndex(1)
    category.business_type.select_code("B0201")  # type: ignore[attr-defined]
    category.cause.select_code("R0301")  # type: ignore[attr-defined]
    look("intake step 2 with extra fields")
    panel.set_resolve_on_spot(True)
    panel.stack.setCurrentIndex(4)
    look("intake step 5, settled at the counter")
    main.close_tab(main.tabs.indexOf(panel))

    view = open_case(counter, main, a_case(counter, OPEN))
    look("case")
    assert view.case_screen is not None
    for action in view.case_screen.allowed:
        dialog = view.start_action(action)
        if isinstance(dialog, CaseActionDialog):
            qtbot.waitUntil(dialog.isVisible)
            look(f"case dialog {action.value}")
            dialog.reject()
    view.print_receipt()
    qtbot.waitUntil(lambda: view.findChild(PrintPreviewDialog) is not None, timeout=15_000)
    preview = view.findChild(PrintPreviewDialog)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.save_button.isEnabled(), timeout=20_000)
    look("receipt preview")
    preview.reject()
    holding = preview_holding_response(view, counter.app, view.complaint_id)  # offered under UK DISP
    qtbot.waitUntil(holding.isVisible)
    look("holding response dialog")
    holding.reject()
    assert Action.RESOLVE in view.case_screen.allowed
    view.show_customer()
    qtbot.waitUntil(lambda: isinstance(main.tabs.currentWidget(), CustomerView), timeout=10_000)
    qtbot.waitUntil(lambda: main.tabs.currentWidget().file is not None, timeout=10_000)  # type: ignore[union-attr]
    look("customer screen")

    dashboard = main.open_dashboard()
    assert dashboard is not None
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=15_000)
    look("dashboard")
    performance = main.open_staff_performance()
    assert performance is not None
    counter.wait_idle()
    look("staff performance")
    actions = main.open_corrective_actions()
    assert actions is not None
    counter.wait_idle()
    look("corrective actions")
    export = main.open_statistics_export()
    assert export is not None
    qtbot.waitUntil(export.isVisible)
    look("statistics export")
    export.reject()

    main.lock()
    look("lock screen")
    return problems


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_alt_letter_answers_to_two_things_in_any_window(
        make_counter: Callable[..., Counter], language: str) -> None:
    counter = make_counter(language=language)
    clashes = walk(counter, mnemonic_clashes)
    assert clashes == [], "\n".join(clashes)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_window_fits_the_counter_screen_and_works_at_1280_by_720(
        make_counter: Callable[..., Counter], language: str) -> None:
    counter = make_counter(language=language)
    problems = walk(counter, geometry_problems)
    assert problems == [], "\n".join(problems)


def test_the_walk_finds_a_clash_and_a_window_too_tall(counter: Counter) -> None:
    """The checks themselves: a second Alt+N and a window taller than the screen are found."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

    window = QWidget()
    counter.qtbot.addWidget(window)
    box = QVBoxLayout(window)
    field = QLineEdit(window)
    label = QLabel("&Name", window)
    label.setBuddy(field)
    for widget in (label, field, QPushButton("&Next", window)):
        box.addWidget(widget)
    window.resize(800, 900)
    window.show()
    assert any("Alt+N" in p for p in mnemonic_clashes(window))
    assert any("larger than" in p for p in geometry_problems(window))
