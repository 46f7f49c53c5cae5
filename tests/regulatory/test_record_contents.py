"""Rules 7, 8 and 9 (CBIRC Order 2020 No. 3, Art. 7 and 13), as policy data: group complaints
with at most 5 representatives, an agent's power of attorney, the grounds, and the reference
of the branch's recording of an on-site complaint. Refused input writes nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.model import Agent, Channel, IdDocumentType
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.intake import GroupComplaint, Representative
from tests.services.intakes import VALID_ID, sample_intake

NAMES = ["张伟", "王芳", "李强", "刘洋", "陈静", "杨磊"]


def _reps(n: int) -> tuple[Representative, ...]:
    return tuple(Representative(name=NAMES[i], id_type=IdDocumentType.PASSPORT,
                                id_number=f"E{1234567 + i}", phone="13800138000")
                 for i in range(n))


def _fields(err: pytest.ExceptionInfo[uc.IntakeRejected]) -> set[str]:
    return {e.field for e in err.value.errors}


def test_a_group_complaint_records_up_to_five_representatives(ctx: ServiceContext,
                                                              teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(group=GroupComplaint(_reps(5), people=40)))
    group = case_detail(ctx, rec.complaint_id).received_payload["group"]
    assert isinstance(group, dict) and group["people"] == 40
    assert [r["name"] for r in group["representatives"]] == NAMES[:5]


def test_more_than_five_representatives_are_refused_and_nothing_is_written(
        ctx: ServiceContext, teller: Actor) -> None:
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(group=GroupComplaint(_reps(6), people=40)))
    error = next(e for e in refused.value.errors if e.field == "group.representatives")
    assert "最多推选 5 名代表" in error.message("zh_CN")
    assert "at most 5 representatives" in error.message("en")
    with ctx.store.read() as s:
        from desktop.store.models import EventRow
        assert s.query(EventRow).count() == 0


def test_each_representative_needs_name_id_and_contact(ctx: ServiceContext, teller: Actor) -> None:
    bad = (Representative(name="", id_type=IdDocumentType.RESIDENT_ID, id_number="123",
                          phone="12"),)
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(group=GroupComplaint(bad, people=1)))
    assert {"group.representatives[0].name", "group.representatives[0].id_number",
            "group.representatives[0].phone", "group.people"} <= _fields(refused)


def test_an_agent_must_show_a_power_of_attorney_with_its_document_type(
        ctx: ServiceContext, teller: Actor) -> None:
    agent = Agent(name="赵律师", id_type=IdDocumentType.RESIDENT_ID, id_number=VALID_ID,
                  phone="13912345678", relationship="委托代理人")
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(agent=agent))
    assert "agent.power_of_attorney" in _fields(refused)
    seen = replace(agent, power_of_attorney=True)
    rec = uc.record_complaint(ctx, teller, sample_intake(
        agent=replace(seen, power_of_attorney_document="经公证的授权委托书")))
    stored = case_detail(ctx, rec.complaint_id).received_payload["agent"]
    assert isinstance(stored, dict)
    assert stored["power_of_attorney"] and stored["power_of_attorney_document"] == "经公证的授权委托书"


def test_grounds_are_recorded_beside_facts_and_request(ctx: ServiceContext, teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(grounds="合同约定免收年费。"))
    payload = case_detail(ctx, rec.complaint_id).received_payload
    assert payload["grounds"] == "合同约定免收年费。"
    assert payload["description"] and payload["request"]


def test_a_counter_complaint_needs_the_recording_reference_other_channels_do_not(
        ctx: ServiceContext, teller: Actor) -> None:
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(recording_reference=" "))
    error = next(e for e in refused.value.errors if e.field == "recording_reference")
    assert "录音录像" in error.message("zh_CN") and "recording" in error.message("en")
    rec = uc.record_complaint(ctx, teller, sample_intake(channel=Channel.PHONE, recording_reference=""))
    assert case_detail(ctx, rec.complaint_id).received_payload["recording_reference"] == ""
    rec = uc.record_complaint(ctx, teller, sample_intake())
    assert "窗口" in str(case_detail(ctx, rec.complaint_id).received_payload["recording_reference"])


def test_the_rules_are_policy_data(ctx: ServiceContext, teller: Actor) -> None:
    ctx.policy = replace(ctx.policy, recording_reference_channels=(), max_group_representatives=6)
    rec = uc.record_complaint(ctx, teller, sample_intake(
        recording_reference="", group=GroupComplaint(_reps(6), people=10)))
    assert rec.reference
