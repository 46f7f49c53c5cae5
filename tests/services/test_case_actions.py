"""Which actions a case offers and which need a supervisor's approval: decided by a service
function, without any screen."""

from __future__ import annotations

import pytest

from desktop.domain.model import Actor, Outcome, Role
from desktop.domain.states import Action
from desktop.services import complaints as uc
from desktop.services.case_actions import case_actions, run_case_action
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from tests.services.intakes import DECISION_PARTS, sample_intake


def _offered(ctx: ServiceContext, cid: str, actor: Actor):  # type: ignore[no-untyped-def]
    return case_actions(ctx, case_detail(ctx, cid).view, actor)


def test_a_new_case_offers_the_teller_its_first_steps_in_screen_order(
        ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    offered = _offered(ctx, cid, teller)
    assert offered.allowed[0] is Action.ACKNOWLEDGE
    assert Action.RESOLVE in offered.allowed and Action.CLOSE not in offered.allowed
    assert Action.REOPEN not in offered.allowed
    assert offered.may_print


def test_an_extension_by_a_teller_needs_the_approver_the_policy_names(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.acknowledge(ctx, teller, cid)
    by_teller = _offered(ctx, cid, teller)
    assert Action.EXTEND_DEADLINE in by_teller.allowed
    assert Action.EXTEND_DEADLINE in by_teller.needs_approval
    assert by_teller.extension_roles and Role.TELLER not in by_teller.extension_roles
    by_supervisor = _offered(ctx, cid, supervisor)
    if Role.SUPERVISOR in by_supervisor.extension_roles:
        assert Action.EXTEND_DEADLINE not in by_supervisor.needs_approval


def test_reopening_a_closed_case_is_offered_to_a_teller_with_approval(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS)
    uc.close(ctx, teller, cid)
    by_teller = _offered(ctx, cid, teller)
    assert Action.REOPEN in by_teller.allowed and Action.REOPEN in by_teller.needs_approval
    assert Action.RESOLVE not in by_teller.allowed
    assert Action.REOPEN not in _offered(ctx, cid, supervisor).needs_approval


def test_an_auditor_is_offered_nothing(ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    offered = _offered(ctx, cid, Actor("A001", Role.AUDITOR, "审计"))
    assert offered.allowed == () and not offered.may_attach


def test_running_an_action_goes_through_the_use_case_and_its_checks(
        ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    view = run_case_action(ctx, Action.ADD_NOTE, teller, cid, {"text": "已联系客户"}, None)
    assert view.event_count == 2
    with pytest.raises(uc.ValidationError):
        run_case_action(ctx, Action.ADD_NOTE, teller, cid, {"text": " "}, None)
    assert case_detail(ctx, cid).view.event_count == 2
