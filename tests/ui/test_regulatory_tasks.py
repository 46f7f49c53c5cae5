"""What the rules still ask of a case, on screen (issue 13): the open task "extension notice not
yet given" with its worklist and the contact dialog that closes it (rule 2), and a provisional
deadline on the case screen and as a worklist banner until the year's calendar is published
(rule 11)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from sqlalchemy import select

from desktop.domain.model import Actor, Role
from desktop.domain.states import Action
from desktop.domain.worklist import Worklist
from desktop.profile import open_profile
from desktop.resources import load_json
from desktop.services.complaints import record_complaint
from desktop.services.context import ServiceContext, load_context, reload_reference_data
from desktop.store.events import put_setting
from desktop.store.models import ComplaintRow, ReferenceDocumentRow
from tests.services.intakes import sample_intake
from tests.ui.conftest import Counter
from tests.ui.keys import press, type_text
from tests.ui.test_case_view import OPEN, a_case, kinds, open_case
from ui.app import AppController, make_context
from ui.case_actions import CaseActionDialog
from ui.interaction import RecordingInteraction
from ui.worklist_view import WORKLISTS


def _case_in_time(counter: Counter) -> str:
    """An open case whose deadline has not passed, never extended."""

    def find(ctx: ServiceContext) -> str:
        with ctx.store.read() as s:
            found = s.scalar(select(ComplaintRow.id).where(
                ComplaintRow.status.in_(OPEN), ComplaintRow.extensions == 0,
                ComplaintRow.decision_due > ctx.now() + timedelta(days=1)).order_by(ComplaintRow.num))
        assert found is not None
        return str(found)

    return counter.app.worker.call_now(find)


def _references(counter: Counter) -> list[str]:
    model = counter.main.worklist.model
    return [str(model.data(model.index(r, 0))).rstrip(" ⚑") for r in range(model.rowCount())]


def _show_list(counter: Counter, worklist: Worklist) -> None:
    model = counter.main.worklist.model
    row = WORKLISTS.index(worklist)
    with counter.qtbot.waitSignal(model.loaded, timeout=10_000):
        if counter.main.worklist.lists.currentRow() == row:
            model.reload()
        else:
            counter.main.worklist.lists.setCurrentRow(row)


def test_an_extension_leaves_a_notice_task_until_a_contact_tells_the_customer(counter: Counter) -> None:
    main = counter.log_in("S001")
    view = open_case(counter, main, _case_in_time(counter))
    assert not view.tasks.isVisibleTo(view)
    dialog = view.start_action(Action.EXTEND_DEADLINE)
    assert isinstance(dialog, CaseActionDialog)
    type_text("案情复杂，需调取外部资料。", dialog.fields["reason"])
    with counter.qtbot.waitSignal(dialog.completed, timeout=10_000):
        dialog.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: "deadline_extended" in kinds(view), timeout=10_000)
    counter.qtbot.waitUntil(lambda: view.tasks.isVisibleTo(view), timeout=10_000)
    assert "延期通知" in view.tasks.text()
    assert view.case_screen is not None
    reference = view.case_screen.detail.view.reference

    main.tabs.setCurrentIndex(0)
    _show_list(counter, Worklist.EXTENSION_NOTICE)
    assert _references(counter) == [reference]

    contact = view.start_action(Action.LOG_CONTACT)
    assert isinstance(contact, CaseActionDialog)
    told = contact.fields["extension_notice"]
    assert isinstance(told, QCheckBox) and "延长" in told.text()
    reached = contact.fields["reached"]
    assert isinstance(reached, QCheckBox)
    reached.setChecked(True)
    told.setChecked(True)
    type_text("电话告知客户延期及新的答复期限。", contact.fields["text"])
    with counter.qtbot.waitSignal(contact.completed, timeout=10_000):
        contact.buttons.accepted.emit()
    counter.qtbot.waitUntil(lambda: not view.tasks.isVisibleTo(view), timeout=10_000)
    event = [e for e in view.case_screen.detail.timeline if e.kind.value == "contact_attempt"][-1]
    assert event.payload["extension_notice"] is True

    _show_list(counter, Worklist.EXTENSION_NOTICE)
    assert reference not in _references(counter)


def test_alt_0_chooses_the_tenth_worklist(counter: Counter) -> None:
    main = counter.log_in("T001")
    with counter.qtbot.waitSignal(main.worklist.model.loaded, timeout=10_000):
        press(Qt.Key.Key_7, Qt.KeyboardModifier.AltModifier, main.worklist.table)
    assert main.worklist.current_worklist() is Worklist.EXTENSION_NOTICE
    with counter.qtbot.waitSignal(main.worklist.model.loaded, timeout=10_000):
        press(Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier, main.worklist.table)
    assert main.worklist.current_worklist() is Worklist.ALL


def test_a_contact_without_an_open_notice_task_does_not_ask_about_one(counter: Counter) -> None:
    main = counter.log_in("T001")
    view = open_case(counter, main, a_case(counter, OPEN))
    contact = view.start_action(Action.LOG_CONTACT)
    assert isinstance(contact, CaseActionDialog)
    assert "extension_notice" not in contact.fields


# -- rule 11 ---------------------------------------------------------------------------------

TODAY = datetime(2026, 12, 20, 10, tzinfo=UTC)


def _uk_profile(profile: Path) -> str:
    """The copied profile under the UK policy, with a payment-services complaint received on
    18 December 2026: 15 business days run into 2027, which the shipped calendar lacks."""
    store = open_profile(profile)
    try:
        with store.write() as s:
            put_setting(s, "policy_id", "uk_fca_disp")
        received = datetime(2026, 12, 18, 10, tzinfo=UTC)
        ctx = load_context(store, clock=lambda: received)
        intake = sample_intake(business_type="B0401", extra_fields={"transaction_date": "2026-12-17"})
        return record_complaint(ctx, Actor("T001", Role.TELLER, "李娜"), intake).complaint_id
    finally:
        store.close()


def _publish_calendar_with(year: int) -> Callable[[ServiceContext], None]:
    """What a sync does when HQ publishes a calendar: store it and count with it (the sync path
    itself is tests/regulatory/test_provisional_deadlines.py). SYNTHETIC: `year` declared covered,
    no holiday invented."""
    data = json.loads(json.dumps(load_json("calendars", "uk.json")))
    data["years"] = [*data["years"], year]
    data["source"] = "synthetic test calendar"

    def run(ctx: ServiceContext) -> None:
        with ctx.store.write() as s:
            s.merge(ReferenceDocumentRow(kind="calendar", version=2, content=data, received_at=ctx.now()))
        reload_reference_data(ctx)

    return run


def test_a_provisional_deadline_is_shown_until_the_calendar_covers_its_year(
        qtbot: object, qapp: object, profile: Path) -> None:
    from tests.ui.conftest import stop

    complaint_id = _uk_profile(profile)
    interaction = RecordingInteraction()
    app = make_context(profile, interaction=interaction, language="zh_CN", clock=lambda: TODAY)
    controller = AppController(app)
    controller.start()
    counter = Counter(qtbot, app, controller, interaction)  # type: ignore[arg-type]
    try:
        main = counter.log_in("T001")
        banner = main.worklist.provisional_banner
        counter.qtbot.waitUntil(lambda: banner.isVisibleTo(main), timeout=10_000)
        assert banner.count >= 1 and "暂定" in banner.text()
        view = open_case(counter, main, complaint_id)
        assert view.tasks.isVisibleTo(view) and "暂定" in view.tasks.text()
        assert "确认" in view.tasks.text()  # UK DISP: acknowledge within 5 business days

        app.worker.change(main, _publish_calendar_with(2027), None, None)
        counter.qtbot.waitUntil(lambda: not banner.isVisibleTo(main), timeout=10_000)
        counter.qtbot.waitUntil(lambda: "暂定" not in view.tasks.text(), timeout=10_000)
        assert "确认" in view.tasks.text()
        assert banner.count == 0
    finally:
        stop(counter)


# -- rule 5 ----------------------------------------------------------------------------------

def test_the_staff_complained_about_is_picked_from_the_roster_and_free_text_stays_possible(
        counter: Counter) -> None:
    from ui.intake.details_step import DetailsStep
    from ui.intake.form import empty_form

    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    details = next(s for s in panel.steps if isinstance(s, DetailsStep))
    details.entered(empty_form())
    counter.qtbot.waitUntil(lambda: bool(details.roster), timeout=10_000)
    picker = details.staff_picker
    picker.setCompletionPrefix("张")  # typing part of a name offers the roster's entries
    assert picker.completionCount() == 1 and picker.currentCompletion() == "S001 张敏"
    details.complained_about.setText(picker.currentCompletion())
    form = empty_form()
    details.store(form)
    assert form["complained_staff"] == "S001" and form["complained_about"] == "S001 张敏"

    details.complained_about.setText("大堂保安（外包公司）")  # an outsider: free text, no roster number
    details.store(form)
    assert form["complained_staff"] == "" and form["complained_about"] == "大堂保安（外包公司）"


# -- rule 8 ----------------------------------------------------------------------------------

def test_an_agents_power_of_attorney_is_recorded_as_seen_with_its_document_type(
        counter: Counter) -> None:
    from datetime import date

    from desktop.domain.taxonomy import load_taxonomy
    from ui.intake.customer_step import CustomerStep
    from ui.intake.form import check_form, empty_form, intake_from

    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    customer = next(s for s in panel.steps if isinstance(s, CustomerStep))
    customer.has_agent.setChecked(True)
    assert customer.agent_power_document.isVisibleTo(customer)
    customer.agent_name.setText("王大伟")
    customer.agent_id_number.setText("11010519491231002X")
    customer.agent_phone.setText("13800138000")
    customer.agent_relationship.setText("儿子")
    customer.agent_power.setChecked(True)
    type_text("公证委托书", customer.agent_power_document)
    form = empty_form()
    customer.store(form)
    assert form["agent"]["power_of_attorney_document"] == "公证委托书"
    form.update(business_type="B0101", cause="R0101", description="等候时间过长。", request="改进。",
                consent=True, recording_reference="1号窗口 09:00-09:30")
    form["customer"].update(name="王小明", id_number="110101199003071233", phone="13912345678")
    checked = check_form(form, date(2026, 3, 2), load_taxonomy())
    assert not [p for p in checked.errors if p.startswith("agent")], checked.errors
    intake = intake_from(checked.cleaned, form)
    assert intake.agent is not None and intake.agent.power_of_attorney
    assert intake.agent.power_of_attorney_document == "公证委托书"


# -- rule 7 ----------------------------------------------------------------------------------

def test_a_group_complaint_records_up_to_five_representatives_and_refuses_a_sixth(
        counter: Counter) -> None:
    from datetime import date

    from PySide6.QtWidgets import QTableWidgetItem

    from desktop.domain.taxonomy import load_taxonomy
    from desktop.services.cases import case_detail
    from ui.intake.details_step import DetailsStep
    from ui.intake.form import check_form, empty_form, intake_from

    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    details = next(s for s in panel.steps if isinstance(s, DetailsStep))
    details.entered(empty_form())
    counter.wait_idle()
    group = details.group
    assert group.limit == 5  # the CBIRC policy's max_group_representatives
    group.is_group.setChecked(True)
    assert group.table.rowCount() == 1
    while group.table.rowCount() < 5:
        assert group.add_representative()
    assert not group.add_representative()  # a sixth is refused, clearly
    assert group.table.rowCount() == 5 and "5" in group.message.text() and "代表" in group.message.text()
    for row in (4, 3, 2):
        group.table.removeRow(row)
    people = [("刘一", "11010519491231002X", "13800138000"), ("陈二", "110101199003071233", "13912345678")]
    for row, values in enumerate(people):
        for column, value in enumerate(values):
            group.table.setItem(row, column, QTableWidgetItem(value))
    group.people.setValue(40)
    form = empty_form()
    details.store(form)
    assert form["group"]["people"] == 40 and len(form["group"]["representatives"]) == 2

    form.update(business_type="B0101", cause="R0101", description="多名客户理财产品到期未兑付。",
                request="要求按期兑付。", consent=True, recording_reference="1号窗口 09:00-09:30")
    form["customer"].update(name="刘一", id_number="11010519491231002X", phone="13800138000")
    checked = check_form(form, date(2026, 3, 2), load_taxonomy())
    intake = intake_from(checked.cleaned, form)
    assert intake.group is not None and intake.group.people == 40

    def record(ctx: ServiceContext) -> dict[str, object]:
        cid = record_complaint(ctx, Actor("T001", Role.TELLER, "李娜"), intake).complaint_id
        return dict(case_detail(ctx, cid).received_payload["group"])  # type: ignore[arg-type]

    recorded = counter.app.worker.call_now(record)
    assert recorded["people"] == 40
    assert [r["name"] for r in recorded["representatives"]] == ["刘一", "陈二"]  # type: ignore[union-attr]
