"""Rules 12 and 13 on paper and in the flow: the receipt and the extension notice of each policy,
rendered to PDF and read back; a UK summary resolution; the UK acknowledgement deadline. Outside China nothing cites 12378; under the UK policy the extension of a
payment-services complaint is the holding reply (15 business days, final reply by the 35th,
the Financial Ombudsman Service's website and leaflet)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.documents import EXTENSION_NOTICE, LETTER, RECEIPT
from desktop.domain.errors import DomainError
from desktop.domain.model import Outcome
from desktop.domain.policy import load_policy
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.deadlines import acknowledgement_pending
from desktop.services.documents import holding_response_data, render_case_document
from desktop.services.intake import Intake
from reports.notice import render_extension_notice
from tests.conftest import SettableClock
from tests.reports.helpers import flat, text_of
from tests.services.intakes import DECISION_PARTS, sample_intake

POLICIES = ("cn_cbirc_2020", "uk_fca_disp", "us_cfpb")
REASON = "需向境外收单机构调取交易凭证"


def _intake(policy_id: str) -> Intake:
    if policy_id == "uk_fca_disp":  # a payment-services complaint: the rule with an extension
        return sample_intake(business_type="B0401", extra_fields={"transaction_date": "2026-03-01"})
    return sample_intake()


def _pdf_text(ctx: ServiceContext, document: str, cid: str, locale: str) -> str:
    pdf = render_case_document(document, case_detail(ctx, cid), policy=ctx.policy,
                               taxonomy=ctx.taxonomy, zone=ctx.device.zone, today=date(2026, 3, 9),
                               locale=locale, copy_number=1, fmt="a4")
    assert pdf.startswith(b"%PDF")
    return flat(text_of(pdf))


@pytest.mark.parametrize("policy_id", POLICIES)
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_receipt_and_the_extension_notice_follow_the_policy(
        ctx: ServiceContext, teller: Actor, supervisor: Actor, policy_id: str, locale: str) -> None:
    ctx.policy = load_policy(policy_id)
    cid = uc.record_complaint(ctx, teller, _intake(policy_id)).complaint_id
    receipt = _pdf_text(ctx, RECEIPT, cid, locale)
    uc.extend_deadline(ctx, supervisor, cid, reason=REASON, approver=supervisor)
    notice = _pdf_text(ctx, EXTENSION_NOTICE, cid, locale)
    if policy_id == "cn_cbirc_2020":
        assert "12378" in notice
        assert ("延长告知书" in notice) if locale == "zh_CN" else ("ExtendedDecisionDeadline" in notice)
    else:
        assert "12378" not in notice and "12378" not in receipt
    if policy_id == "uk_fca_disp":
        assert "financial-ombudsman.org.uk" in notice
        assert flat(REASON) in notice
        if locale == "en":
            assert "HoldingReply" in notice and "within15businessdays" in notice
            assert "35businessdays" in notice and "leafletisenclosed" in notice
            assert "within15businessdays" in receipt
        else:
            assert "暂缓答复函" in notice and "15个工作日" in notice and "第35个工作日" in notice
    else:
        assert "financial-ombudsman" not in notice


def _upheld(ctx: ServiceContext, teller: Actor, cid: str) -> None:
    uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings="系统重复扣款属实。",
               **DECISION_PARTS)


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_a_uk_complaint_resolved_by_the_third_business_day_gets_a_summary_resolution(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, locale: str) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    quick = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    slow = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    clock.advance(days=1)
    _upheld(ctx, teller, quick)
    clock.advance(days=10)  # well past the end of the third business day
    _upheld(ctx, teller, slow)
    summary = _pdf_text(ctx, LETTER, quick, locale)
    final = _pdf_text(ctx, LETTER, slow, locale)
    marker = "第3个工作日结束前解决" if locale == "zh_CN" else "bytheendofthethirdbusinessday"
    assert marker in summary and marker not in final
    assert "financial-ombudsman.org.uk" in summary and "financial-ombudsman.org.uk" in final
    assert ("最终答复" in final) if locale == "zh_CN" else ("finalresponse" in final)
    assert "12378" not in summary + final


def test_under_the_uk_policy_a_received_case_owes_an_acknowledgement_by_the_fifth_business_day(
        ctx: ServiceContext, teller: Actor) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    due = acknowledgement_pending(ctx, case_detail(ctx, cid).view)
    assert due is not None
    received = case_detail(ctx, cid).view.received_at
    assert due == ctx.policy.end_of_day(ctx.policy.calendar.add_working_days(
        ctx.policy.local_day(received), 5))
    view = uc.acknowledge(ctx, teller, cid)
    assert acknowledgement_pending(ctx, view) is None
    ctx.policy = load_policy("cn_cbirc_2020")  # no acknowledgement period in the CBIRC policy
    other = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    assert acknowledgement_pending(ctx, case_detail(ctx, other).view) is None


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_uk_eight_week_holding_response_is_rendered_and_read_back(
        ctx: ServiceContext, teller: Actor, locale: str) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id  # 8 weeks
    detail = case_detail(ctx, cid)
    data = holding_response_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy,
                                 zone=ctx.device.zone, locale=locale, notice_date=date(2026, 4, 27),
                                 reason=REASON, expected_by=date(2026, 5, 15))
    text = flat(text_of(render_extension_notice(data, locale=locale)))
    assert detail.view.decision_due == case_detail(ctx, cid).view.decision_due  # not extended
    assert flat(REASON) in text and "financial-ombudsman.org.uk" in text and "12378" not in text
    if locale == "en":
        assert "HoldingResponse" in text and "within8weeks" in text and "leafletisenclosed" in text
        assert "15May2026" in text or "May152026" in text or "2026-05-15" in text
    else:
        assert "进展答复函" in text and "8周内" in text and "说明册" in text
    ctx.policy = load_policy("cn_cbirc_2020")  # the CBIRC policy has no such letter
    with pytest.raises(DomainError):
        holding_response_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy,
                              zone=ctx.device.zone, locale=locale, notice_date=date(2026, 4, 27),
                              reason=REASON, expected_by=date(2026, 5, 15))
