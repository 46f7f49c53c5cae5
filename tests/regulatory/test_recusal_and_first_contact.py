"""Rules 5 and 6: the staff member complained about steps aside (回避) — cannot own, decide or
approve the case — and the first handler owns the case: only a supervisor reassigns it away,
with a reason on the timeline."""

from __future__ import annotations

import pytest

from desktop.domain.errors import PermissionDenied, ValidationError
from desktop.domain.model import EventKind, Outcome, Role
from desktop.security.staff import add_staff
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from tests.services.intakes import DECISION_PARTS, sample_intake


@pytest.fixture
def roster(ctx: ServiceContext) -> None:
    for number, name, role in (("T001", "李娜", Role.TELLER), ("T002", "王强", Role.TELLER),
                               ("S001", "张敏", Role.SUPERVISOR)):
        add_staff(ctx.store, number=number, name=name, role=role, branch_code="BJ001",
                  password="Counter-pass-2026!")


def _events(ctx: ServiceContext, cid: str) -> int:
    return len(case_detail(ctx, cid).timeline)


def test_the_staff_member_complained_about_cannot_own_decide_or_approve(
        ctx: ServiceContext, roster: None, teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(complained_about="T002 柜员态度差"))
    view = case_detail(ctx, rec.complaint_id).view
    assert view.complained_staff == "T002"
    accused = Actor("T002", Role.TELLER)
    before = _events(ctx, rec.complaint_id)
    with pytest.raises(uc.Recused) as refused:
        uc.assign(ctx, supervisor, rec.complaint_id, "T002", reason="人手不足")
    assert "回避" in refused.value.message("zh_CN") and "step aside" in refused.value.message("en")
    with pytest.raises(uc.Recused):
        uc.resolve(ctx, accused, rec.complaint_id, outcome=Outcome.NOT_UPHELD, findings="无",
                   **DECISION_PARTS)
    with pytest.raises(uc.Recused):  # nor approve, even as a supervisor
        uc.extend_deadline(ctx, teller, rec.complaint_id, reason="复杂",
                           approver=Actor("T002", Role.SUPERVISOR))
    assert _events(ctx, rec.complaint_id) == before
    # Anyone else may go on; notes from the accused are still allowed (they are not decisions).
    uc.add_note(ctx, accused, rec.complaint_id, "本人说明情况")
    assert uc.resolve(ctx, teller, rec.complaint_id, outcome=Outcome.UPHELD, findings="属实",
                      **DECISION_PARTS).outcome is Outcome.UPHELD


def test_a_complaint_taken_by_the_person_complained_about_routes_to_a_supervisor(
        ctx: ServiceContext, roster: None, supervisor: Actor) -> None:
    accused = Actor("T002", Role.TELLER)
    rec = uc.record_complaint(ctx, accused, sample_intake(complained_staff="T002"))
    view = case_detail(ctx, rec.complaint_id).view
    assert view.assignee == "" and view.needs_review
    assert "recusal:received_by_complained_staff" in view.review_reasons
    view = uc.assign(ctx, supervisor, rec.complaint_id, "T001")
    assert view.assignee == "T001"


def test_an_unknown_roster_number_is_refused_and_free_text_stays_possible(
        ctx: ServiceContext, roster: None, teller: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        uc.record_complaint(ctx, teller, sample_intake(complained_staff="T999"))
    assert refused.value.field == "complained_staff"
    rec = uc.record_complaint(ctx, teller, sample_intake(complained_about="保安（外包公司）"))
    assert case_detail(ctx, rec.complaint_id).view.complained_staff == ""


def test_only_a_supervisor_reassigns_a_case_away_from_its_first_handler_with_a_reason(
        ctx: ServiceContext, roster: None, teller: Actor, supervisor: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake())
    assert case_detail(ctx, rec.complaint_id).view.assignee == "T001"
    before = _events(ctx, rec.complaint_id)
    with pytest.raises(PermissionDenied) as refused:
        uc.assign(ctx, Actor("T002", Role.TELLER), rec.complaint_id, "T002", reason="我来")
    assert "首问负责" in refused.value.message("zh_CN")
    with pytest.raises(PermissionDenied):
        uc.assign(ctx, teller, rec.complaint_id, "T002", reason="下班了")  # not even its owner
    with pytest.raises(ValidationError) as no_reason:
        uc.assign(ctx, supervisor, rec.complaint_id, "T002")
    assert no_reason.value.field == "reason"
    assert _events(ctx, rec.complaint_id) == before
    view = uc.assign(ctx, supervisor, rec.complaint_id, "T002", reason="T001 休假两周")
    assert view.assignee == "T002"
    assigned = [e for e in case_detail(ctx, rec.complaint_id).timeline
                if e.kind is EventKind.ASSIGNED][-1]
    assert assigned.payload["reason"] == "T001 休假两周" and assigned.payload["previous"] == "T001"
    # The owner confirming themselves is not a reassignment.
    assert uc.assign(ctx, Actor("T002", Role.TELLER), rec.complaint_id, "T002").assignee == "T002"
