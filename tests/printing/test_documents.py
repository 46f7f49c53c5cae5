"""What goes on paper, chosen from the case's plain values (no database, no Qt)."""

from __future__ import annotations

from datetime import date

from desktop.domain.model import Actor, CustomerKind, IdDocumentType
from desktop.domain.policy import load_policy
from desktop.services.cases import case_detail
from desktop.services.complaints import record_complaint
from desktop.services.context import ServiceContext
from desktop.services.documents import (
    case_letter_fields,
    extension_notice_data,
    letter_data,
    receipt_data,
    verification_code,
)
from desktop.services.intake import CorporateRepresentative, CustomerInput
from tests.printing.conftest import EXTENSION_REASON, Cases
from tests.services.intakes import VALID_ID, sample_intake

CREDIT_CODE = "91310000MA1FL4XQ14"


def test_a_company_is_printed_by_name_with_its_credit_code(ctx: ServiceContext,
                                                         teller: Actor) -> None:
    company = CustomerInput(kind=CustomerKind.CORPORATE, name="某某科技有限公司",
                            credit_code=CREDIT_CODE, contact_person="李四", phone="13800138000")
    legal = CorporateRepresentative(capacity="legal_representative", name="陈建国",
                                    id_type=IdDocumentType.RESIDENT_ID, id_number=VALID_ID,
                                    phone="13912345678")
    recorded = record_complaint(ctx, teller, sample_intake(customer=company,
                                                           corporate_representative=legal))
    detail = case_detail(ctx, recorded.complaint_id)

    data = receipt_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                        locale="zh_CN")

    assert data.customer.corporate and data.customer.name == "某某科技有限公司"
    assert (data.customer.id_type, data.customer.id_number) == ("统一社会信用代码", CREDIT_CODE)
    assert data.verification_code == verification_code(detail) and len(data.verification_code) == 8


def test_receipt_times_are_the_branchs_wall_clock_and_the_period_is_the_policys(
        ctx: ServiceContext, cases: Cases) -> None:
    data = receipt_data(case_detail(ctx, cases.open_id), policy=ctx.policy, taxonomy=ctx.taxonomy,
                        zone=ctx.device.zone, locale="en")

    assert (data.received_at.hour, data.received_at.minute) == (9, 30)  # 01:30 UTC in Beijing
    assert data.decision_due == date(2026, 3, 17) and data.decision_days == 15
    assert data.channel == "Branch counter" and " · " in data.category


def test_a_reprint_keeps_the_original_deadline_and_adds_the_extended_one(ctx: ServiceContext,
                                                                        cases: Cases) -> None:
    detail = case_detail(ctx, cases.extended_id)
    receipt = receipt_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy,
                           zone=ctx.device.zone, locale="zh_CN")
    notice = extension_notice_data(detail, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                                   locale="en", notice_date=date(2026, 3, 5))

    assert receipt.decision_due == date(2026, 3, 17) and receipt.decision_days == 15
    assert receipt.extended_due == date(2026, 4, 1)
    assert (notice.previous_due, notice.new_due) == (date(2026, 3, 17), date(2026, 4, 1))
    assert notice.reason == EXTENSION_REASON and notice.extension_number == 1
    assert notice.approver == "branch supervisor S001"


def test_under_a_policy_without_a_superior_review_the_letter_names_the_policys_remedies(
        ctx: ServiceContext, cases: Cases) -> None:
    uk = load_policy("uk_fca_disp")
    detail = case_detail(ctx, cases.resolved_id)
    data = letter_data(detail, policy=uk, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                       locale="en", letter_date=date(2026, 3, 2))

    fields = case_letter_fields(data, uk, "en")
    cn_fields = case_letter_fields(
        letter_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                    locale="en", letter_date=date(2026, 3, 2)), ctx.policy, "en")

    assert "Financial Ombudsman Service" in fields["remedies"]
    assert "30 days" in cn_fields["remedies"] and "12378" in cn_fields["remedies"]
