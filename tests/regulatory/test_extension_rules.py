"""Rules 2 and 3 on a real profile: the complainant is told of every extension (an open task
until a notice is printed or a contact attempt records it), and no extension once the deadline
has passed (an overdue case stays overdue, whichever way the extension arrives)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from desktop.domain.model import EventKind, Role
from desktop.domain.policy import ExtensionAfterDeadline
from desktop.domain.projection import fold
from desktop.services import complaints as uc
from desktop.services.cases import case_detail, worklist_rows
from desktop.services.context import Actor, ServiceContext
from desktop.store.queries import Worklist, WorklistQuery
from tests.conftest import SettableClock
from tests.services.intakes import sample_intake

NOTICE_LIST = WorklistQuery(worklist=Worklist.EXTENSION_NOTICE)


def _notice_list(ctx: ServiceContext) -> list[str]:
    return [r.id for r in worklist_rows(ctx, NOTICE_LIST, 0, 50)]


def test_an_extension_opens_the_notice_task_and_printing_the_notice_closes_it(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    other = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    assert not case_detail(ctx, cid).view.extension_notice_due
    view = uc.extend_deadline(ctx, teller, cid, reason="案情复杂", approver=supervisor)
    assert view.extension_notice_due
    assert _notice_list(ctx) == [cid] and other not in _notice_list(ctx)
    uc.record_print(ctx, teller, cid, document="receipt", copy_number=1)  # not the notice
    assert _notice_list(ctx) == [cid]
    view = uc.record_print(ctx, teller, cid, document="extension_notice", copy_number=1)
    assert not view.extension_notice_due
    assert _notice_list(ctx) == []


def test_a_contact_attempt_that_reached_the_customer_closes_the_notice_task(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    uc.extend_deadline(ctx, teller, cid, reason="案情复杂", approver=supervisor)
    uc.log_contact_attempt(ctx, teller, cid, channel="phone", reached=False,
                           text="无人接听", extension_notice=True)
    assert _notice_list(ctx) == [cid]  # not reached: still to be told
    uc.log_contact_attempt(ctx, teller, cid, channel="phone", reached=True, text="已告知")
    assert _notice_list(ctx) == [cid]  # reached, but about something else
    view = uc.log_contact_attempt(ctx, teller, cid, channel="phone", reached=True,
                                  text="已电话告知延期及新时限", extension_notice=True)
    assert not view.extension_notice_due and _notice_list(ctx) == []


def test_no_extension_once_the_deadline_has_passed(ctx: ServiceContext, clock: SettableClock,
                                                   teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    clock.current = rec.decision_due + timedelta(seconds=1)
    with pytest.raises(ExtensionAfterDeadline) as refused:
        uc.extend_deadline(ctx, teller, rec.complaint_id, reason="迟延", approver=supervisor)
    assert "超时" in refused.value.message("zh_CN")
    assert "overdue" in refused.value.message("en")
    view = case_detail(ctx, rec.complaint_id).view
    assert view.decision_due == rec.decision_due and view.extensions == 0
    assert [e.kind for e in case_detail(ctx, rec.complaint_id).timeline] == [EventKind.RECEIVED]


def test_no_request_to_hq_once_the_deadline_has_passed(ctx: ServiceContext, clock: SettableClock,
                                                       teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    first = uc.extend_deadline(ctx, teller, rec.complaint_id, reason="复杂", approver=supervisor)
    clock.current = first.decision_due + timedelta(hours=1)
    with pytest.raises(ExtensionAfterDeadline):
        uc.request_extension(ctx, supervisor, rec.complaint_id, reason="特别复杂")
    assert case_detail(ctx, rec.complaint_id).view.extension_request is None


def test_a_late_extension_arriving_by_sync_does_not_hide_the_breach(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    """An extension written after the deadline (a device with a wrong clock, an HQ event from
    a stale copy) stays on the timeline, does not move the deadline, and flags the case."""
    rec = uc.record_complaint(ctx, teller, sample_intake())
    uc.extend_deadline(ctx, teller, rec.complaint_id, reason="复杂", approver=supervisor)
    events = case_detail(ctx, rec.complaint_id).timeline
    received, extension = events
    late = dataclasses.replace(extension, occurred_at=rec.decision_due + timedelta(days=1))
    view = fold([received, late])
    assert view is not None
    assert view.decision_due == rec.decision_due and view.extensions == 0
    assert view.needs_review and "deadline:extended_after_due" in view.review_reasons
    assert view.late_extensions == 1


def test_a_device_cannot_forge_hqs_approval(ctx: ServiceContext, teller: Actor,
                                            supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    uc.extend_deadline(ctx, teller, rec.complaint_id, reason="复杂", approver=supervisor)
    uc.request_extension(ctx, supervisor, rec.complaint_id, reason="特别复杂")
    events = case_detail(ctx, rec.complaint_id).timeline
    requested = events[-1]
    forged = dataclasses.replace(
        requested, id="forged", kind=EventKind.EXTENSION_DECIDED, actor_role=Role.HQ_OFFICER,
        hlc=requested.hlc + "1",
        payload={"level": 2, "approved": True, "new_due": requested.payload["new_due"]})
    view = fold([*events, forged])
    assert view is not None and view.extensions == 1
    assert "forged:extension_decided" in view.review_reasons


def test_the_branch_cannot_ask_hq_for_a_level_it_approves_itself(
        ctx: ServiceContext, teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    with pytest.raises(uc.ExtensionNotHq):
        uc.request_extension(ctx, supervisor, rec.complaint_id, reason="复杂")
