"""Rule 13 in the flow: under the UK policy a case with no final response by 8 weeks is owed
the holding response (DISP 1.6.2). It is due as the 8 weeks near, printed through the same
path as every case document (the PDF read back, the print on the timeline, a reprint marked
COPY), and refused with a clear message without a reason or with a date already past."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.documents import HOLDING_RESPONSE
from desktop.domain.errors import ValidationError
from desktop.domain.policy import load_policy
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.deadlines import HoldingResponseDue, holding_response_pending
from desktop.services.printing import prepare_case_print, record_case_print
from tests.conftest import SettableClock
from tests.reports.helpers import flat, text_of
from tests.services.intakes import sample_intake

REASON = "需向境外收单机构调取交易凭证"


def _pending(ctx: ServiceContext, cid: str) -> HoldingResponseDue | None:
    detail = case_detail(ctx, cid)
    return holding_response_pending(ctx, detail.view, detail.timeline)


def test_the_holding_response_is_due_as_the_eight_weeks_near_and_only_under_the_uk_policy(
        ctx: ServiceContext, teller: Actor, clock: SettableClock) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id  # 8 weeks
    payment = uc.record_complaint(ctx, teller, sample_intake(
        business_type="B0401", extra_fields={"transaction_date": "2026-03-01"})).complaint_id
    assert _pending(ctx, cid) is None  # just received: weeks to go
    clock.advance(days=53)
    due = _pending(ctx, cid)
    assert due is not None and not due.printed
    assert due.due == case_detail(ctx, cid).view.decision_due
    assert _pending(ctx, payment) is None  # payment services: the holding reply, not this
    ctx.policy = load_policy("cn_cbirc_2020")
    assert _pending(ctx, cid) is None


@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_the_holding_response_prints_through_the_case_print_path_and_a_reprint_says_copy(
        ctx: ServiceContext, teller: Actor, clock: SettableClock, locale: str) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    clock.advance(days=54)
    decision_due = case_detail(ctx, cid).view.decision_due
    expected = (ctx.business_date() + timedelta(days=10)).isoformat()
    fields = {"reason": REASON, "expected_by": expected}
    first = prepare_case_print(ctx, teller, HOLDING_RESPONSE, cid, locale=locale, fmt="a4",
                               fields=fields)
    text = flat(text_of(first.pdf))
    assert flat(REASON) in text and "financial-ombudsman.org.uk" in text and "12378" not in text
    assert ("进展答复函" in text) if locale == "zh_CN" else ("HoldingResponse" in text)
    assert "副本" not in text and "COPY" not in text
    assert uc.print_count(ctx, cid, HOLDING_RESPONSE) == 0  # a preview records nothing
    record_case_print(ctx, teller, first)
    assert uc.print_count(ctx, cid, HOLDING_RESPONSE) == 1
    printed = _pending(ctx, cid)
    assert printed is not None and printed.printed
    again = prepare_case_print(ctx, teller, HOLDING_RESPONSE, cid, locale=locale, fmt="a5",
                               fields=fields)
    assert again.copy_number == 2
    assert ("副本" if locale == "zh_CN" else "COPY") in text_of(again.pdf)
    assert case_detail(ctx, cid).view.decision_due == decision_due  # the deadline is not moved


def test_a_holding_response_without_a_reason_or_with_a_past_date_is_refused(
        ctx: ServiceContext, teller: Actor, clock: SettableClock) -> None:
    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    clock.advance(days=54)
    today = ctx.business_date()
    for fields, field in (({"reason": "  ", "expected_by": today.isoformat()}, "reason"),
                          ({"reason": REASON, "expected_by": "15/05/2026"}, "expected_by"),
                          ({"reason": REASON, "expected_by": (today - timedelta(days=1)).isoformat()},
                           "expected_by")):
        with pytest.raises(ValidationError) as refused:
            prepare_case_print(ctx, teller, HOLDING_RESPONSE, cid, locale="en", fmt="a4",
                               fields=fields)
        assert refused.value.field == field and refused.value.message("zh_CN")
    assert uc.print_count(ctx, cid, HOLDING_RESPONSE) == 0
