"""Use cases on a real SQLite profile: state machine, roles, deadlines, atomicity."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import PermissionDenied, TransitionNotAllowed, ValidationError
from desktop.domain.model import Actor, EventKind, Outcome, Status
from desktop.domain.reference import is_valid_reference
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, EventRow
from tests.services.intakes import DECISION_PARTS, sample_intake


def event_count(ctx: ServiceContext) -> int:
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)) or 0)


def test_recording_issues_a_valid_reference_and_the_policy_deadline(ctx: ServiceContext,
                                                                     teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    assert is_valid_reference(rec.reference)
    assert rec.reference.startswith("BJ001-03-")
    assert rec.decision_due == ctx.policy.decision_due(ctx.now(), sample_intake().business_type)
    detail = case_detail(ctx, rec.complaint_id)
    assert detail.view.status is Status.RECEIVED
    assert detail.view.assignee == teller.staff_number  # first-contact responsibility
    assert [e.kind for e in detail.timeline] == [EventKind.RECEIVED]


def test_references_are_unique_and_sequential_within_a_day(ctx: ServiceContext, teller: Actor) -> None:
    refs = [uc.record_complaint(ctx, teller, sample_intake()).reference for _ in range(5)]
    assert len(set(refs)) == 5
    assert [r.split("-")[3] for r in refs] == ["0001", "0002", "0003", "0004", "0005"]


def test_full_lifecycle_to_closure(ctx: ServiceContext, clock, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.acknowledge(ctx, teller, cid)
    uc.add_note(ctx, teller, cid, "已调取流水")
    uc.log_contact_attempt(ctx, teller, cid, channel="phone", reached=False, text="无人接听")
    clock.advance(days=2)
    view = uc.resolve(ctx, teller, cid, outcome=Outcome.PARTLY_UPHELD, findings="部分属实", **DECISION_PARTS,
                      remedy="退还手续费", compensation="12.50")
    assert view.status is Status.RESOLVED
    assert view.compensation == Decimal("12.50")
    uc.record_satisfaction(ctx, teller, cid, 4, "满意")
    view = uc.close(ctx, teller, cid)
    assert view.status is Status.CLOSED
    assert view.satisfaction == 4
    with ctx.store.read() as s:
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == cid))
        assert row is not None and row.status == "closed" and row.outcome == "partly_upheld"


def test_a_refused_action_writes_nothing(ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    before = event_count(ctx)
    with pytest.raises(TransitionNotAllowed) as err:
        uc.close(ctx, teller, cid)
    assert "不能" in err.value.message("zh_CN")
    assert "not allowed" in err.value.message("en")
    assert event_count(ctx) == before


def test_teller_cannot_escalate_but_supervisor_can(ctx: ServiceContext, teller: Actor,
                                                   supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with pytest.raises(PermissionDenied):
        uc.escalate(ctx, teller, cid, "涉及多个部门")
    view = uc.escalate(ctx, supervisor, cid, "涉及多个部门")
    assert view.status is Status.ESCALATED
    assert view.escalation_level == 1


def test_teller_cannot_approve_an_extension_a_supervisor_can(ctx: ServiceContext, teller: Actor,
                                                           supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    with pytest.raises(PermissionDenied):
        uc.extend_deadline(ctx, teller, rec.complaint_id, reason="案情复杂", approver=teller)
    view = uc.extend_deadline(ctx, teller, rec.complaint_id, reason="案情复杂", approver=supervisor)
    assert view.extensions == 1
    assert view.decision_due > rec.decision_due


def test_complex_case_asks_hq_for_the_second_extension_up_to_day_sixty(
        ctx: ServiceContext, teller: Actor, supervisor: Actor, hq_officer: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    first = uc.extend_deadline(ctx, teller, rec.complaint_id, reason="复杂", approver=supervisor)
    # Not even an HQ officer signed in on the branch's PC: the approval is HQ's decision event.
    with pytest.raises(uc.ExtensionNeedsHq):
        uc.extend_deadline(ctx, teller, rec.complaint_id, reason="特别复杂", approver=hq_officer)
    view = uc.request_extension(ctx, supervisor, rec.complaint_id, reason="特别复杂")
    assert view.decision_due == first.decision_due and view.extensions == 1
    assert view.extension_request is not None
    received_day = ctx.now().astimezone(ctx.device.zone).date()
    requested = datetime.fromisoformat(view.extension_request["new_due"])
    assert requested.astimezone(ctx.device.zone).date() == received_day + timedelta(days=60)


def test_withdrawal_ends_the_case_the_same_day(ctx: ServiceContext, clock, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    clock.advance(hours=3)
    view = uc.withdraw(ctx, teller, cid, "客户撤回")
    assert view.status is Status.WITHDRAWN
    assert view.closed_at is not None
    assert ctx.business_date(view.closed_at) == ctx.business_date()


def test_reopen_needs_a_supervisor(ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.resolve(ctx, teller, cid, outcome=Outcome.NOT_UPHELD, findings="操作合规", **DECISION_PARTS)
    with pytest.raises(PermissionDenied):
        uc.reopen(ctx, teller, cid, reason="客户提供新证据", approver=teller)
    view = uc.reopen(ctx, teller, cid, reason="客户提供新证据", approver=supervisor)
    assert view.status is Status.REOPENED
    assert view.outcome is None


def test_blank_note_is_refused_with_a_field_message(ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with pytest.raises(ValidationError) as err:
        uc.add_note(ctx, teller, cid, "   \n ")
    assert err.value.field == "note"


def test_satisfaction_outside_one_to_five_is_refused(ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS)
    before = event_count(ctx)
    with pytest.raises(ValidationError):
        uc.record_satisfaction(ctx, teller, cid, 6)
    assert event_count(ctx) == before


def test_repeat_complaint_is_reported_at_intake(ctx: ServiceContext, teller: Actor) -> None:
    first = uc.record_complaint(ctx, teller, sample_intake())
    second = uc.record_complaint(ctx, teller, sample_intake())
    assert [w.reference for w in second.repeats] == [first.reference]
    assert first.repeats == []


def test_linking_related_complaints(ctx: ServiceContext, teller: Actor) -> None:
    a = uc.record_complaint(ctx, teller, sample_intake())
    b = uc.record_complaint(ctx, teller, sample_intake())
    view = uc.link_related(ctx, teller, a.complaint_id, b.reference)
    assert view.related == [b.reference]
    with pytest.raises(ValidationError):
        uc.link_related(ctx, teller, a.complaint_id, a.reference)


def test_each_print_is_on_the_timeline_and_counted(ctx: ServiceContext, teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.record_print(ctx, teller, cid, document="receipt", copy_number=1)
    uc.record_print(ctx, teller, cid, document="receipt", copy_number=2)
    assert uc.print_count(ctx, cid, "receipt") == 2
    kinds = [e.kind for e in case_detail(ctx, cid).timeline]
    assert kinds.count(EventKind.DOCUMENT_PRINTED) == 2


def test_the_business_channel_is_recorded_and_checked_against_the_taxonomy(
        ctx: ServiceContext, teller: Actor) -> None:
    from dataclasses import replace

    from desktop.services.complaints import IntakeRejected

    rec = uc.record_complaint(ctx, teller, replace(sample_intake(), business_channel="C0201"))
    assert case_detail(ctx, rec.complaint_id).view.business_channel == "C0201"
    with pytest.raises(IntakeRejected) as err:
        uc.record_complaint(ctx, teller, replace(sample_intake(), business_channel="C9999"))
    assert err.value.field == "business_channel"
