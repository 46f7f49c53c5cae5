"""Second-extension approvals in the console: a branch asks HQ for its second extension;
the request shows in the queue with its deadline; an officer approves (or declines with a
reason) and the branch's next sync brings the answer. Other roles may only look."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.domain.model import Role
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor
from hq import audit
from tests.console.conftest import BranchPc, ConsoleHq
from tests.services.intakes import sample_intake

TELLER = Actor("T001", Role.TELLER, "李娜")
SUPERVISOR = Actor("S001", Role.SUPERVISOR, "张敏")


def _requested(pc: BranchPc) -> tuple[str, str]:
    ctx = pc.context()
    rec = uc.record_complaint(ctx, TELLER, sample_intake())
    uc.extend_deadline(ctx, TELLER, rec.complaint_id, reason="案情复杂", approver=SUPERVISOR)
    uc.request_extension(ctx, SUPERVISOR, rec.complaint_id, reason="涉及多家机构，情况特别复杂")
    pc.sync()
    return rec.complaint_id, rec.reference


def test_an_officer_approves_and_the_branch_pulls_the_new_deadline(
        console_hq: ConsoleHq, branch_pc: BranchPc) -> None:
    complaint_id, reference = _requested(branch_pc)
    before = case_detail(branch_pc.context(), complaint_id).view.decision_due
    officer = console_hq.add_staff("officer")
    client, token = console_hq.signed_in(officer)
    queue = client.get("/console/extensions")
    assert f'data-reference="{reference}"' in queue.text and "涉及多家机构" in queue.text
    done = client.post(f"/console/extensions/{branch_pc.branch_code}/{reference}",
                       data={"csrf_token": token, "decision": "approve", "reason": ""},
                       follow_redirects=False)
    assert done.status_code == 303
    assert f'data-reference="{reference}"' not in client.get("/console/extensions").text
    branch_pc.sync()
    view = case_detail(branch_pc.context(), complaint_id).view
    assert view.decision_due > before and view.extension_request is None
    with console_hq.engine.begin() as conn:
        entry = audit.recent(conn, staff_number=officer.number, limit=1)[0]
    assert (entry.action, entry.target) == ("extension.approve", reference)


def test_a_decline_needs_a_reason_and_keeps_the_deadline(console_hq: ConsoleHq,
                                                         branch_pc: BranchPc) -> None:
    complaint_id, reference = _requested(branch_pc)
    before = case_detail(branch_pc.context(), complaint_id).view.decision_due
    client, token = console_hq.signed_in(console_hq.add_staff("officer"))
    url = f"/console/extensions/{branch_pc.branch_code}/{reference}"
    bare = client.post(url, data={"csrf_token": token, "decision": "decline", "reason": ""})
    assert bare.status_code == 422 and f'data-reference="{reference}"' in bare.text
    assert client.post(url, data={"csrf_token": token, "decision": "decline",
                                  "reason": "不属于特别复杂情形"},
                       follow_redirects=False).status_code == 303
    branch_pc.sync()
    assert case_detail(branch_pc.context(), complaint_id).view.decision_due == before
    assert datetime.now(UTC) < before


def test_an_auditor_sees_the_queue_but_cannot_approve(console_hq: ConsoleHq,
                                                       branch_pc: BranchPc) -> None:
    _complaint_id, reference = _requested(branch_pc)
    client, token = console_hq.signed_in(console_hq.add_staff("auditor"))
    queue = client.get("/console/extensions")
    assert f'data-reference="{reference}"' in queue.text and 'value="approve"' not in queue.text
    refused = client.post(f"/console/extensions/{branch_pc.branch_code}/{reference}",
                          data={"csrf_token": token, "decision": "approve"})
    assert refused.status_code == 403
