"""The extend and escalate dialogs say what is about to happen: a heading, the decision
deadline now and the new one, and who approves, all before anything is confirmed."""

from __future__ import annotations

from desktop.domain.states import Action
from tests.ui.conftest import Counter
from tests.ui.test_case_view import OPEN, a_case, open_case
from ui import labels
from ui.case_actions import CaseActionDialog


def test_the_extend_dialog_shows_the_new_deadline_and_who_approves(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN))
    dialog = view.start_action(Action.EXTEND_DEADLINE)
    assert isinstance(dialog, CaseActionDialog)
    counter.qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.preview is not None and dialog.preview.new_due is not None
    assert dialog.preview.new_due > dialog.preview.current_due
    zone = counter.app.branch.zone
    note = dialog.deadline_note.text()
    assert labels.format_datetime(dialog.preview.new_due, zone) in note
    assert labels.label(labels.ROLE, "supervisor") in note
    assert view.case_screen is not None
    assert view.case_screen.detail.view.reference in dialog.heading.text()
    assert dialog.deadline_note.isVisible() and dialog.heading.isVisible()
    assert "deadline_extended" not in [e.kind.value for e in view.case_screen.detail.timeline]
    dialog.reject()


def test_the_escalate_dialog_says_the_deadline_stays(counter: Counter) -> None:
    main = counter.log_in("S001")
    view = open_case(counter, main, a_case(counter, OPEN))
    dialog = view.start_action(Action.ESCALATE)
    assert isinstance(dialog, CaseActionDialog)
    assert view.case_screen is not None
    due = labels.format_datetime(view.case_screen.detail.view.decision_due, counter.app.branch.zone)
    assert due in dialog.deadline_note.text()
    assert dialog.heading.text()
    dialog.reject()
