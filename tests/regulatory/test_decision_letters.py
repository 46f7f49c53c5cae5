"""Rules 4, 13 and 14: a decision letter carries every part its policy requires, resolving is
refused while one is empty, no edit can drop one, and the letter's opening and remedies follow
the policy (no CBIRC Measures or 12378 outside China). Every outcome under every policy is
rendered to PDF and read back."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.documents import LETTER
from desktop.domain.errors import ValidationError
from desktop.domain.model import Outcome
from desktop.domain.policy import load_policy
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.documents import case_letter_fields, letter_data, render_case_document
from reports.data import ReportError
from tests.reports.helpers import flat, text_of
from tests.services.intakes import DECISION_PARTS, sample_intake

POLICIES = ("cn_cbirc_2020", "uk_fca_disp", "us_cfpb")
FINDINGS = "客户所述扣费确有发生，系系统重复扣收。"


def _decided(ctx: ServiceContext, actor: Actor, outcome: Outcome, **parts: str) -> str:
    cid = uc.record_complaint(ctx, actor, sample_intake()).complaint_id
    uc.resolve(ctx, actor, cid, outcome=outcome, findings=FINDINGS, **{**DECISION_PARTS, **parts})
    return cid


def _letter(ctx: ServiceContext, cid: str, locale: str, fields: dict[str, str] | None = None) -> str:
    pdf = render_case_document(LETTER, case_detail(ctx, cid), policy=ctx.policy,
                               taxonomy=ctx.taxonomy, zone=ctx.device.zone, today=date(2026, 3, 9),
                               locale=locale, copy_number=1, fields=fields)
    assert pdf.startswith(b"%PDF")
    return flat(text_of(pdf))


@pytest.mark.parametrize("policy_id", POLICIES)
@pytest.mark.parametrize("outcome", list(Outcome))
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_every_outcome_under_every_policy_prints_every_required_part(
        ctx: ServiceContext, teller: Actor, policy_id: str, outcome: Outcome, locale: str) -> None:
    ctx.policy = load_policy(policy_id)
    cid = _decided(ctx, teller, outcome)
    text = _letter(ctx, cid, locale)
    for part in ctx.policy.required_letter_parts(outcome.value):
        if part in DECISION_PARTS:
            assert flat(DECISION_PARTS[part]) in text, part
    assert flat(FINDINGS) in text
    if policy_id == "cn_cbirc_2020":
        assert "12378" in text
        assert ("书面" in text) if locale == "zh_CN" else ("inwriting" in text)
        assert ("收到核查申请之日起30日" in text) if locale == "zh_CN" else ("30daysofreceivingyourrequest" in text)
    else:  # rule 13: no letter outside China cites the CBIRC Measures or its hotline
        assert "12378" not in text
        assert "消费投诉处理管理办法" not in text and "Measures" not in text
    if policy_id == "uk_fca_disp" and outcome is Outcome.UPHELD:
        # resolved at once, by the third business day: a summary resolution (test_notices_by_policy)
        assert "financial-ombudsman.org.uk" in text
        assert ("第3个工作日" in text) if locale == "zh_CN" else ("thirdbusinessday" in text)
    elif policy_id == "uk_fca_disp":
        assert "financial-ombudsman.org.uk" in text
        assert ("说明册" in text) if locale == "zh_CN" else ("leafletisenclosed" in text)
        assert ("放弃上述时限" in text) if locale == "zh_CN" else ("Wedonotconsent" in text)
        assert ("6个月" in text) if locale == "zh_CN" else ("6months" in text)


@pytest.mark.parametrize("part", ["verification", "basis", "basis_reference"])
def test_resolving_is_refused_while_a_required_part_is_empty(ctx: ServiceContext, teller: Actor,
                                                             part: str) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with pytest.raises(ValidationError) as refused:
        uc.resolve(ctx, teller, cid, outcome=Outcome.NOT_UPHELD, findings=FINDINGS,
                   **{**DECISION_PARTS, part: "  "})
    assert refused.value.field == part
    assert refused.value.message("zh_CN") != refused.value.message("en")
    assert "请填写" in refused.value.message("zh_CN") or "须" in refused.value.message("zh_CN")
    assert len(case_detail(ctx, cid).timeline) == 1  # nothing written


def test_an_upheld_decision_needs_no_clause_but_a_not_upheld_one_does(ctx: ServiceContext,
                                                                     teller: Actor) -> None:
    cid = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    with pytest.raises(ValidationError) as refused:
        uc.resolve(ctx, teller, cid, outcome=Outcome.NOT_UPHELD, findings=FINDINGS,
                   **{**DECISION_PARTS, "basis_reference": ""})
    assert "合同条款" in refused.value.message("zh_CN")
    assert "contract clause" in refused.value.message("en")
    view = uc.resolve(ctx, teller, cid, outcome=Outcome.UPHELD, findings=FINDINGS,
                      **{**DECISION_PARTS, "basis_reference": ""})
    assert view.outcome is Outcome.UPHELD


@pytest.mark.parametrize("edited", ["verification", "basis", "remedies", "decision"])
def test_no_edit_of_the_letter_can_drop_a_required_part(ctx: ServiceContext, teller: Actor,
                                                        edited: str) -> None:
    cid = _decided(ctx, teller, Outcome.NOT_UPHELD)
    detail = case_detail(ctx, cid)
    data = letter_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                       locale="zh_CN", letter_date=date(2026, 3, 9))
    fields = case_letter_fields(data, ctx.policy, "zh_CN")
    fields[edited] = ""
    with pytest.raises(ReportError) as refused:
        _letter(ctx, cid, "zh_CN", fields)
    assert refused.value.code == "report.error.letter_part_missing"
    # Editing the wording around a part is fine as long as the part itself stays.
    fields = case_letter_fields(data, ctx.policy, "zh_CN")
    fields["closing"] = "感谢您的监督。"
    assert "感谢您的监督" in _letter(ctx, cid, "zh_CN", fields)


def test_a_template_that_leaves_out_a_part_cannot_print(ctx: ServiceContext, teller: Actor) -> None:
    cid = _decided(ctx, teller, Outcome.PARTLY_UPHELD)
    detail = case_detail(ctx, cid)
    data = letter_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                       locale="en", letter_date=date(2026, 3, 9))
    fields = case_letter_fields(data, ctx.policy, "en")
    fields["basis"] = "We looked into it carefully."  # a generic sentence instead of the clause
    with pytest.raises(ReportError):
        _letter(ctx, cid, "en", fields)


def test_a_uk_payment_services_receipt_says_15_business_days(ctx: ServiceContext,
                                                              teller: Actor) -> None:
    from desktop.services.documents import RECEIPT

    ctx.policy = load_policy("uk_fca_disp")
    cid = uc.record_complaint(ctx, teller, sample_intake(
        business_type="B0404", cause="R0101",
        extra_fields={"transaction_date": "2026-03-01"})).complaint_id
    pdf = render_case_document(RECEIPT, case_detail(ctx, cid), policy=ctx.policy,
                               taxonomy=ctx.taxonomy, zone=ctx.device.zone, today=date(2026, 3, 9),
                               locale="en", copy_number=1, fmt="a4")
    text = flat(text_of(pdf))
    assert "within15businessdays" in text
    ctx.policy = load_policy("cn_cbirc_2020")
    other = uc.record_complaint(ctx, teller, sample_intake()).complaint_id
    pdf = render_case_document(RECEIPT, case_detail(ctx, other), policy=ctx.policy,
                               taxonomy=ctx.taxonomy, zone=ctx.device.zone, today=date(2026, 3, 9),
                               locale="zh_CN", copy_number=1, fmt="a4")
    assert "15日内" in flat(text_of(pdf)) and "工作日" not in flat(text_of(pdf))
