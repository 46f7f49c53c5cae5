"""The expert panel over HTTP against a live HQ: composition rules (two departments, none
the one complained about), recusal, opinions hidden until one's own is in, the chair
alone concludes (an auditor never can), and the conclusion is the HQ decision event the
branch's device pulls."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.domain.model import EventKind, Role
from hq import audit
from tests.console.conftest import ConsoleHq, StaffLogin

COMPLAINED = "零售业务部"
SUMMARY = "您反映的手续费被重复扣收一笔属实，我行将退还该笔手续费。"


def _escalated(hq: ConsoleHq) -> tuple[Any, str]:
    device = hq.live.enroll()
    received = device.chain.event(EventKind.RECEIVED)
    escalated = device.chain.event(EventKind.ESCALATED, complaint_id=received.complaint_id,
                                   actor_role=Role.SUPERVISOR, actor="S001")
    assert device.push([received, escalated]).status_code == 200
    return device, str(received.payload["reference"])


@pytest.fixture
def people(console_hq: ConsoleHq) -> dict[str, StaffLogin]:
    return {
        "officer": console_hq.add_staff("officer", "消费者权益保护部", "王芳"),
        "chair": console_hq.add_staff("panel_member", "法律合规部", "陈律"),
        "legal": console_hq.add_staff("panel_member", "法律合规部", "李法"),
        "risk": console_hq.add_staff("panel_member", "风险管理部", "赵风"),
        "ops": console_hq.add_staff("panel_member", "运营管理部", "钱运"),
        "retail": console_hq.add_staff("panel_member", COMPLAINED, "孙零"),
        "auditor": console_hq.add_staff("auditor", "审计部", "周审"),
    }


def _form(hq: ConsoleHq, reference: str, chair: StaffLogin, members: list[StaffLogin],
          organiser: StaffLogin) -> Any:
    client, token = hq.signed_in(organiser)
    return client.post(f"/console/escalations/{reference}/panel", data={
        "csrf_token": token, "complained_department": COMPLAINED, "chair": chair.number,
        "members": [m.number for m in members]})


def _post(hq: ConsoleHq, login: StaffLogin, reference: str, action: str,
          **data: str) -> Any:
    client, token = hq.signed_in(login)
    return client.post(f"/console/escalations/{reference}/{action}",
                       data={"csrf_token": token, **data}, follow_redirects=False)


def test_a_member_from_the_department_complained_about_is_refused(
        console_hq: ConsoleHq, people: dict[str, StaffLogin]) -> None:
    _device, reference = _escalated(console_hq)
    answer = _form(console_hq, reference, people["chair"], [people["risk"], people["retail"]],
                   people["officer"])
    assert answer.status_code == 422 and "须回避" in answer.text
    one_department = _form(console_hq, reference, people["chair"],
                           [people["legal"], people["chair"]], people["officer"])
    assert one_department.status_code == 422


def test_members_must_span_two_departments(console_hq: ConsoleHq,
                                           people: dict[str, StaffLogin]) -> None:
    _device, reference = _escalated(console_hq)
    legal2 = console_hq.add_staff("panel_member", "法律合规部", "吴法")
    answer = _form(console_hq, reference, people["chair"], [people["legal"], legal2],
                   people["officer"])
    assert answer.status_code == 422 and "至少 2 个部门" in answer.text


def test_opinions_stay_hidden_until_one_is_given_and_the_chair_decides(
        console_hq: ConsoleHq, people: dict[str, StaffLogin]) -> None:
    device, reference = _escalated(console_hq)
    formed = _form(console_hq, reference, people["chair"], [people["legal"], people["risk"]],
                   people["officer"])
    assert formed.status_code == 303, formed.text

    assert _post(console_hq, people["legal"], reference, "opinion", outcome="upheld",
                 reasons="手续费重复扣收属实。").status_code == 303
    risk_client, _ = console_hq.signed_in(people["risk"])
    before = risk_client.get(f"/console/escalations/{reference}").text
    assert 'id="opinions-hidden"' in before and "手续费重复扣收属实" not in before
    chair_client, _ = console_hq.signed_in(people["chair"])
    assert "手续费重复扣收属实" not in chair_client.get(f"/console/escalations/{reference}").text
    early = _post(console_hq, people["chair"], reference, "conclude", outcome="upheld",
                  findings="属实", verification="调阅流水")
    assert early.status_code == 409 and "尚有成员未提交意见" in early.text

    assert _post(console_hq, people["risk"], reference, "opinion", outcome="partly_upheld",
                 reasons="部分属实。").status_code == 303
    after = risk_client.get(f"/console/escalations/{reference}").text
    assert "手续费重复扣收属实" in after and "部分属实" in after
    again = _post(console_hq, people["risk"], reference, "opinion", outcome="upheld",
                  reasons="改主意")
    assert again.status_code == 409

    auditor = _post(console_hq, people["auditor"], reference, "conclude", outcome="upheld",
                    findings="属实", verification="调阅流水")
    assert auditor.status_code == 403
    member = _post(console_hq, people["legal"], reference, "conclude", outcome="upheld",
                   findings="属实", verification="调阅流水")
    assert member.status_code == 403 and "只有组长" in member.text

    _, cursor = device.pull_all()
    page = chair_client.get(f"/console/escalations/{reference}").text
    prefilled = page[page.find('name="customer_summary"'):]
    assert "required" in prefilled.split(">")[0]  # a decision letter needs it
    assert prefilled.split(">")[1].startswith("您于")  # started in the second person
    parts = {"outcome": "partly_upheld", "findings": "重复扣收一笔属实",
             "verification": "调阅流水", "remedy": "退还手续费", "compensation": "20.00",
             "basis": "收费标准", "basis_reference": "《收费管理办法》第三条"}
    blank = _post(console_hq, people["chair"], reference, "conclude", **parts,
                  customer_summary="  ")
    assert blank.status_code == 422 and "告知客户的核实情况" in blank.text
    done = _post(console_hq, people["chair"], reference, "conclude", **parts,
                 customer_summary=SUMMARY)
    assert done.status_code == 303, done.text[done.text.find("alert"):][:300]
    changes, _ = device.pull_all(since=cursor)
    decisions = [c["event"] for c in changes
                 if c["type"] == "event" and c["event"]["kind"] == "hq_decision"]
    assert len(decisions) == 1
    assert decisions[0]["actor"] == people["chair"].number
    assert decisions[0]["payload"]["findings"] == "重复扣收一笔属实"
    assert decisions[0]["payload"]["customer_summary"] == SUMMARY
    with console_hq.engine.begin() as conn:
        actions = [e.action for e in audit.recent(conn, staff_number=people["chair"].number)]
    assert "panel.conclude" in actions
    closed = _post(console_hq, people["chair"], reference, "conclude", outcome="upheld",
                   findings="x", verification="y")
    assert closed.status_code == 409


def test_a_recusal_needs_a_replacement_before_the_chair_may_conclude(
        console_hq: ConsoleHq, people: dict[str, StaffLogin]) -> None:
    _device, reference = _escalated(console_hq)
    _form(console_hq, reference, people["chair"], [people["legal"], people["risk"]],
          people["officer"])
    assert _post(console_hq, people["risk"], reference, "recuse",
                 reason="与投诉人系亲属").status_code == 303
    assert _post(console_hq, people["legal"], reference, "opinion", outcome="upheld",
                 reasons="属实").status_code == 303
    refused = _post(console_hq, people["chair"], reference, "conclude", outcome="upheld",
                    findings="属实", verification="调阅流水")
    assert refused.status_code == 409 and "至少需要 2 名成员" in refused.text
    recused_opinion = _post(console_hq, people["risk"], reference, "opinion",
                            outcome="upheld", reasons="x")
    assert recused_opinion.status_code == 403
    same_department = _post(console_hq, people["officer"], reference, "members",
                            member=people["retail"].number)
    assert same_department.status_code == 422
    assert _post(console_hq, people["officer"], reference, "members",
                 member=people["ops"].number).status_code == 303
    assert _post(console_hq, people["ops"], reference, "opinion", outcome="upheld",
                 reasons="属实").status_code == 303
    assert _post(console_hq, people["chair"], reference, "conclude", outcome="upheld",
                 findings="属实", verification="调阅流水", basis="合同约定",
                 basis_reference="第五条", customer_summary=SUMMARY).status_code == 303


def test_a_panel_form_without_csrf_forms_nothing(console_hq: ConsoleHq,
                                                 people: dict[str, StaffLogin]) -> None:
    _device, reference = _escalated(console_hq)
    client, _ = console_hq.signed_in(people["officer"])
    answer = client.post(f"/console/escalations/{reference}/panel", data={
        "complained_department": COMPLAINED, "chair": people["chair"].number,
        "members": [people["legal"].number, people["risk"].number]})
    assert answer.status_code == 403
    assert "尚未组成评审组" in client.get("/console/escalations").text
