"""The permission table enforced in the services: every use case, every role, and the
approvals a supervisor gives on the same PC."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import PermissionDenied, PolicyError
from desktop.domain.model import Actor, Outcome, Role, Status
from desktop.domain.states import TRANSITIONS, Action
from desktop.resources import load_json
from desktop.security.permissions import PERMISSION_OF_ACTION, ApprovalRequired, authorize
from desktop.security.policy import Permission, policy_from_dict, security_policy
from desktop.services import attachments as att
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.store.models import EventRow
from tests.security.files import pdf_bytes
from tests.services.intakes import DECISION_PARTS, sample_intake

SUPERVISOR = Actor("S001", Role.SUPERVISOR, "张敏")


@dataclass(frozen=True)
class UseCase:
    name: str
    action: Action
    state: Status | None  # the state the complaint is put in first (None: no complaint)
    call: Callable[[ServiceContext, Actor, str, Path], Any]


def _resolved(ctx: ServiceContext) -> str:
    cid = uc.record_complaint(ctx, SUPERVISOR, sample_intake()).complaint_id
    uc.resolve(ctx, SUPERVISOR, cid, outcome=Outcome.NOT_UPHELD, findings="核实无误", **DECISION_PARTS)
    return cid


USE_CASES = [
    UseCase("record_complaint", Action.RECEIVE, None,
            lambda ctx, a, cid, f: uc.record_complaint(ctx, a, sample_intake())),
    UseCase("acknowledge", Action.ACKNOWLEDGE, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.acknowledge(ctx, a, cid)),
    UseCase("add_note", Action.ADD_NOTE, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.add_note(ctx, a, cid, "已调取流水")),
    UseCase("log_contact_attempt", Action.LOG_CONTACT, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.log_contact_attempt(ctx, a, cid, channel="phone", reached=True)),
    UseCase("assign", Action.ASSIGN, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.assign(ctx, a, cid, "T002", reason="交接")),
    UseCase("escalate", Action.ESCALATE, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.escalate(ctx, a, cid, "涉及多个部门")),
    UseCase("extend_deadline", Action.EXTEND_DEADLINE, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.extend_deadline(ctx, a, cid, reason="案情复杂",
                                                      approver=SUPERVISOR)),
    UseCase("resolve", Action.RESOLVE, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.resolve(ctx, a, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS)),
    UseCase("record_print", Action.PRINT_DOCUMENT, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.record_print(ctx, a, cid, document="receipt", copy_number=1)),
    UseCase("withdraw", Action.WITHDRAW, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.withdraw(ctx, a, cid, "客户撤回")),
    UseCase("link_related", Action.LINK, Status.RECEIVED,
            lambda ctx, a, cid, f: uc.link_related(ctx, a, cid, f.with_suffix(".ref").read_text())),
    UseCase("record_satisfaction", Action.RECORD_SATISFACTION, Status.RESOLVED,
            lambda ctx, a, cid, f: uc.record_satisfaction(ctx, a, cid, 5)),
    UseCase("close", Action.CLOSE, Status.RESOLVED, lambda ctx, a, cid, f: uc.close(ctx, a, cid)),
    UseCase("reopen", Action.REOPEN, Status.RESOLVED,
            lambda ctx, a, cid, f: uc.reopen(ctx, a, cid, reason="新证据", approver=SUPERVISOR)),
    UseCase("add_attachment", Action.ADD_ATTACHMENT, Status.RECEIVED,
            lambda ctx, a, cid, f: att.add_attachment(ctx, a, cid, f)),
]


def event_count(ctx: ServiceContext) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)) or 0)


def expected_allowed(role: Role, case: UseCase) -> bool:
    in_policy = security_policy().allows(role, PERMISSION_OF_ACTION[case.action])
    # A reopening is authorised in the state table by its approver's role (same-PC approval).
    domain_role = SUPERVISOR.role if case.action is Action.REOPEN else role
    if case.action is Action.ASSIGN:  # away from its first handler: supervisors only (首问负责制)
        in_policy = in_policy and role in (Role.SUPERVISOR, Role.MANAGER)
    return in_policy and domain_role in TRANSITIONS[(case.state, case.action)].roles


@pytest.mark.parametrize("role", list(Role), ids=str)
@pytest.mark.parametrize("case", USE_CASES, ids=lambda c: c.name)
def test_every_use_case_checks_the_role_before_writing(
        ctx: ServiceContext, tmp_path: Path, role: Role, case: UseCase) -> None:
    cid = ""
    if case.state is Status.RECEIVED:
        cid = uc.record_complaint(ctx, SUPERVISOR, sample_intake()).complaint_id
    elif case.state is Status.RESOLVED:
        cid = _resolved(ctx)
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(pdf_bytes())
    if case.action is Action.LINK:  # the complaint to link to, made before counting
        letter.with_suffix(".ref").write_text(
            uc.record_complaint(ctx, SUPERVISOR, sample_intake()).reference)
    actor = Actor("X001", role)
    before = event_count(ctx)
    if expected_allowed(role, case):
        case.call(ctx, actor, cid, letter)
        assert event_count(ctx) > before
    else:
        with pytest.raises(PermissionDenied):
            case.call(ctx, actor, cid, letter)
        assert event_count(ctx) == before
        assert not any((ctx.store.path.parent / "attachments").glob("*"))


def test_the_auditor_reads_and_verifies_but_changes_nothing() -> None:
    policy = security_policy()
    granted = policy.permissions[Role.AUDITOR]
    assert Permission.CASE_VIEW in granted and Permission.AUDIT_VERIFY in granted
    assert not any(p in granted for p in PERMISSION_OF_ACTION.values())


def test_every_action_has_a_permission() -> None:
    assert set(PERMISSION_OF_ACTION) == set(Action)


def test_compensation_above_the_threshold_needs_a_supervisor(ctx: ServiceContext, teller: Actor,
                                                             supervisor: Actor) -> None:
    threshold = security_policy().compensation_approval_above
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    before = event_count(ctx)
    with pytest.raises(ApprovalRequired) as caught:
        uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS,
                   compensation=threshold + Decimal("0.01"))
    assert str(threshold) in caught.value.message("en")
    assert event_count(ctx) == before
    uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS, compensation=threshold)
    other = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    view = uc.resolve(ctx, supervisor, other, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS,
                      compensation=threshold * 5)
    assert view.compensation == threshold * 5


def test_an_approver_must_hold_the_approval_permission(teller: Actor, supervisor: Actor) -> None:
    payload = {"compensation": "99999"}
    authorize(teller, Action.RESOLVE, payload, approver=supervisor)
    with pytest.raises(PermissionDenied):
        authorize(teller, Action.RESOLVE, payload, approver=Actor("T002", Role.TELLER))
    with pytest.raises(PermissionDenied):
        authorize(teller, Action.REOPEN, {}, approver=Actor("A001", Role.AUDITOR))


def test_a_policy_file_with_an_unknown_permission_is_refused() -> None:
    data: dict[str, Any] = dict(load_json("security_policy.json"))
    data["roles"] = {**data["roles"], "teller": ["case.view", "complaint.everything"]}
    with pytest.raises(PolicyError):
        policy_from_dict(data)
    data["roles"] = {"janitor": ["case.view"]}
    with pytest.raises(PolicyError):
        policy_from_dict(data)
