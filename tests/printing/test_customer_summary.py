"""The letter tells the customer the findings in the second person: the customer-facing
summary recorded with the decision (`customer_summary`, desktop/sync/payloads.py) is printed
in place of the clerk's own third-person notes. Read back with pdftotext."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.model import Actor, Outcome
from desktop.services.cases import case_detail
from desktop.services.complaints import record_complaint, resolve
from desktop.services.context import ServiceContext
from desktop.services.documents import customer_summary_draft, letter_data
from desktop.sync.payloads import ResolutionPayload
from reports import render_letter
from tests.reports.helpers import flat, pdftotext, tool
from tests.services.intakes import sample_intake

CLERK_NOTES = "经查客户所述属实，系柜员操作失误导致重复扣费。"
SUMMARY = "经核实，您反映的重复扣费属实，原因是我行柜员操作失误，我们向您致歉。"


def _letter_text(ctx: ServiceContext, complaint_id: str, tmp_path: Path) -> str:
    data = letter_data(case_detail(ctx, complaint_id), policy=ctx.policy, taxonomy=ctx.taxonomy,
                       zone=ctx.device.zone, locale="zh_CN", letter_date=date(2026, 3, 3))
    return flat(pdftotext(render_letter(data), tmp_path))


@pytest.mark.skipif(tool("pdftotext") is None, reason="poppler-utils not installed")
def test_the_summary_reaches_the_letter_in_place_of_the_clerks_notes(
        ctx: ServiceContext, teller: Actor, tmp_path: Path) -> None:
    case = record_complaint(ctx, teller, sample_intake())
    draft = customer_summary_draft(case_detail(ctx, case.complaint_id), zone=ctx.device.zone,
                                   locale="zh_CN")
    assert draft.startswith("您于") and "我行" in draft  # second person, from the facts
    resolve(ctx, teller, case.complaint_id, outcome=Outcome.UPHELD, findings=CLERK_NOTES,
            verification="调取了交易流水", basis="《服务规范》第三条",
            customer_summary=SUMMARY)

    text = _letter_text(ctx, case.complaint_id, tmp_path)
    assert flat(SUMMARY) in text and flat(CLERK_NOTES) not in text
    decided = [e for e in case_detail(ctx, case.complaint_id).timeline if e.kind.value == "resolved"]
    assert ResolutionPayload.model_validate(decided[-1].payload).customer_summary == SUMMARY


@pytest.mark.skipif(tool("pdftotext") is None, reason="poppler-utils not installed")
def test_without_a_summary_the_letter_keeps_the_findings(ctx: ServiceContext, teller: Actor,
                                                         tmp_path: Path) -> None:
    case = record_complaint(ctx, teller, sample_intake())
    resolve(ctx, teller, case.complaint_id, outcome=Outcome.UPHELD, findings=CLERK_NOTES,
            verification="调取了交易流水", basis="《服务规范》第三条")

    assert flat(CLERK_NOTES) in _letter_text(ctx, case.complaint_id, tmp_path)


def test_a_summary_too_long_is_refused_and_nothing_is_recorded(ctx: ServiceContext,
                                                                teller: Actor) -> None:
    case = record_complaint(ctx, teller, sample_intake())
    before = len(case_detail(ctx, case.complaint_id).timeline)
    with pytest.raises(ValidationError) as caught:
        resolve(ctx, teller, case.complaint_id, outcome=Outcome.UPHELD, findings=CLERK_NOTES,
                verification="调取了交易流水", basis="《服务规范》第三条",
                customer_summary="长" * 5000)

    assert caught.value.field == "customer_summary"
    assert len(case_detail(ctx, case.complaint_id).timeline) == before


def test_hq_validates_the_field_with_the_shared_model() -> None:
    payload = {"outcome": "upheld", "findings": "x", "customer_summary": SUMMARY}
    assert ResolutionPayload.model_validate(payload).customer_summary == SUMMARY
    with pytest.raises(ValueError):
        ResolutionPayload.model_validate({**payload, "customer_summary": 12})
