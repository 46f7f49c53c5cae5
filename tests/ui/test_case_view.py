"""The case view: header, timeline, and only the actions this state and this role allow;
extensions and reopening need a supervisor who authenticates on the same PC."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.domain.model import Status
from desktop.domain.states import Action
from desktop.i18n import translate
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow
from tests.ui.conftest import PASSWORD, Counter
from tests.ui.keys import type_text
from ui import labels
from ui.case_actions import CaseActionDialog
from ui.case_view import CaseView
from ui.main_window import MainWindow

OPEN = [Status.RECEIVED.value, Status.ACKNOWLEDGED.value, Status.IN_PROGRESS.value]


def a_case(counter: Counter, statuses: list[str], extensions: int | None = 0, *,
           in_time: bool = True) -> str:
    """The first seeded case in `statuses`; `in_time`: one still within its deadline, since an
    overdue case cannot be extended and which seeded cases are overdue depends on today's date."""
    def find(ctx: ServiceContext) -> str:
        with ctx.store.read() as s:
            query = select(ComplaintRow.id).where(ComplaintRow.status.in_(statuses))
            if in_time:
                query = query.where(ComplaintRow.decision_due > ctx.now())
            if extensions is not None:
                query = query.where(ComplaintRow.extensions == extensions)
            found = s.scalar(query.order_by(ComplaintRow.num).limit(1))
        assert found is not None, f"the seeded profile has no case in {statuses}"
        return str(found)

    return counter.app.worker.call_now(find)


def open_case(counter: Counter, main: MainWindow, complaint_id: str) -> CaseView:
    view = main.open_case(complaint_id)
    counter.qtbot.waitUntil(lambda: view.case_screen is not None, timeout=10_000)
    return view


def kinds(view: CaseView) -> list[str]:
    assert view.case_screen is not None
    return [e.kind.value for e in view.case_screen.detail.timeline]


def approve_with(counter: Counter, dialog: CaseActionDialog, number: str) -> None:
    assert dialog.approval is not None
    dialog.approval.number.setText(number)
    type_text(PASSWORD, dialog.approval.password)
    dialog.buttons.accepted.emit()
    counter.wait_idle()


def test_a_teller_cannot_approve_an_extension_and_a_supervisor_can(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN))
    dialog = view.start_action(Action.EXTEND_DEADLINE)
    assert isinstance(dialog, CaseActionDialog)
    assert dialog.approval is not None  # a teller may ask, but not approve
    type_text("需要调取外部评估报告，情况复杂。", dialog.fields["reason"])

    approve_with(counter, dialog, "T002")
    assert dialog.isVisible()
    refusal = dialog.error.text()
    assert refusal == translate("security.approval_refused", "zh_CN", role="柜员",
                                permission=labels.label(labels.PERMISSION, "approve.extension"))
    assert "teller" not in refusal and "approve.extension" not in refusal  # words, not codes
    assert "deadline_extended" not in kinds(view)

    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        approve_with(counter, dialog, "S001")
    counter.qtbot.waitUntil(lambda: "deadline_extended" in kinds(view), timeout=10_000)
    extended = [e for e in view.case_screen.detail.timeline if e.kind.value == "deadline_extended"]  # type: ignore[union-attr]
    assert extended[0].payload["approver"] == "S001"
    assert extended[0].actor == "T001"


def test_a_supervisor_extends_without_a_second_login(counter: Counter) -> None:
    main = counter.log_in("S001")
    view = open_case(counter, main, a_case(counter, OPEN))
    dialog = view.start_action(Action.EXTEND_DEADLINE)
    assert isinstance(dialog, CaseActionDialog)
    assert dialog.approval is None
    type_text("案情复杂，需延期。", dialog.fields["reason"])
    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: "deadline_extended" in kinds(view), timeout=10_000)


def test_the_case_view_offers_only_what_the_role_may_do(make_counter: object) -> None:
    counter = make_counter()  # type: ignore[operator]
    main = counter.log_in("T001")
    case_id = a_case(counter, OPEN)
    view = open_case(counter, main, case_id)
    visible = {a.value for a, b in view.action_buttons.items() if b.isVisibleTo(view)}
    assert "escalate" not in visible  # the expert panel is a supervisor's call
    assert {"add_note", "resolve", "withdraw", "extend_deadline"} <= visible
    assert "close" not in visible  # only a resolved case closes

    auditor = make_counter()  # type: ignore[operator]
    a_main = auditor.log_in("A001")
    a_view = open_case(auditor, a_main, case_id)
    assert not any(b.isVisibleTo(a_view) for b in a_view.action_buttons.values())


def test_a_note_goes_onto_the_timeline(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN, extensions=None))
    before = len(kinds(view))
    dialog = view.start_action(Action.ADD_NOTE)
    assert isinstance(dialog, CaseActionDialog)
    type_text("已电话联系客户，约定明日面谈。", dialog.fields["text"])
    dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: len(kinds(view)) == before + 1, timeout=10_000)
    assert kinds(view)[-1] == "note"
    assert view.timeline_model.rowCount() == before + 1


def test_a_refused_action_keeps_the_dialog_and_says_why(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN, extensions=None))
    dialog = view.start_action(Action.ADD_NOTE)
    assert isinstance(dialog, CaseActionDialog)
    dialog.buttons.accepted.emit()  # an empty note
    counter.wait_idle()
    assert dialog.isVisible()
    assert dialog.error.text() == translate("validation.required", "zh_CN", field="note")


def test_a_teller_reopens_a_closed_case_only_with_a_supervisor(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, [Status.CLOSED.value], extensions=None, in_time=False))
    assert view.case_screen is not None
    assert Action.REOPEN in view.case_screen.needs_approval
    dialog = view.start_action(Action.REOPEN)
    assert isinstance(dialog, CaseActionDialog)
    type_text("客户提供了新的证据。", dialog.fields["reason"])
    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        approve_with(counter, dialog, "S001")
    counter.qtbot.waitUntil(lambda: view.case_screen is not None
                            and view.case_screen.detail.view.status is Status.REOPENED, timeout=10_000)


def test_a_scanned_file_is_attached_listed_and_opened(counter: Counter, tmp_path: object) -> None:
    from pathlib import Path

    from tests.security.files import png_bytes
    from ui.attachments import ImageViewer

    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN, extensions=None))
    scan = Path(str(tmp_path)) / "身份证复印件.png"
    scan.write_bytes(png_bytes())
    counter.interaction.open_path = scan
    view.attach_button.click()
    counter.qtbot.waitUntil(lambda: view.attachment_model.rowCount() == 1, timeout=10_000)
    assert "身份证复印件.png" in str(view.attachment_model.data(view.attachment_model.index(0, 0)))
    assert "attachment_added" in kinds(view)

    view.open_attachment(view.attachment_model.index(0, 0))
    counter.qtbot.waitUntil(lambda: view.findChild(ImageViewer) is not None, timeout=10_000)
    viewer = view.findChild(ImageViewer)
    assert viewer is not None and not viewer.picture.pixmap().isNull()
    viewer.close()


def test_a_file_of_another_type_is_refused_with_a_message(counter: Counter, tmp_path: object) -> None:
    from pathlib import Path

    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN, extensions=None))
    note = Path(str(tmp_path)) / "note.txt"
    note.write_text("not a scan")
    counter.interaction.open_path = note
    view.attach_button.click()
    counter.wait_idle()
    assert view.attachment_model.rowCount() == 0
    assert counter.interaction.messages[-1][1] == translate(
        "attachment.type_not_allowed", "zh_CN", allowed="jpeg, pdf, png, tiff")


def test_the_customers_full_details_show_only_on_a_recorded_reveal(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN))
    assert view.case_screen is not None
    customer = view.case_screen.detail.customer
    header = view.header_values["customer"]
    assert customer.phone and customer.phone not in header.text()  # masked on screen
    counter.qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier
                           | Qt.KeyboardModifier.ShiftModifier)
    counter.qtbot.waitUntil(lambda: customer.phone in header.text(), timeout=10_000)
    assert customer.id_number in header.text()
    counter.qtbot.waitUntil(lambda: "identity_viewed" in kinds(view), timeout=10_000)
    viewed = [e for e in view.case_screen.detail.timeline if e.kind.value == "identity_viewed"]
    assert viewed[-1].actor == "T001" and "phone" in viewed[-1].payload["fields"]
