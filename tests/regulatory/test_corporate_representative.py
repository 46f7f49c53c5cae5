"""Rule 8 for a company (CBIRC Order 2020 No. 3, Art. 13): a corporate customer's complaint
records its legal representative or principal contact — name, ID document and number (checked
like every ID), phone — required by the policy with a clear message, nothing written when it
is missing or wrong; stored as identity data (masked on screen, encrypted at HQ, removed by
retention)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.domain.model import CustomerKind, EventKind, IdDocumentType
from desktop.domain.retention import stripped_payload
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import Actor, ServiceContext
from desktop.services.intake import CorporateRepresentative, CustomerInput
from desktop.store.models import EventRow
from desktop.sync.payloads import IDENTITY_MEMBERS, check_payload
from tests.services.intakes import VALID_ID, sample_intake

COMPANY = CustomerInput(kind=CustomerKind.CORPORATE, name="某某科技有限公司",
                        credit_code="91310000MA1FL4XQ14", contact_person="李四", phone="13800138000")
LEGAL = CorporateRepresentative(capacity="legal_representative", name="陈建国",
                                id_type=IdDocumentType.RESIDENT_ID, id_number=VALID_ID,
                                phone="13912345678")


def _events(ctx: ServiceContext) -> int:
    with ctx.store.read() as s:
        return s.query(EventRow).count()


def test_a_company_records_its_legal_representative_with_id_and_phone(
        ctx: ServiceContext, teller: Actor) -> None:
    rec = uc.record_complaint(ctx, teller, sample_intake(customer=COMPANY,
                                                         corporate_representative=LEGAL))
    stored = case_detail(ctx, rec.complaint_id).received_payload["corporate_representative"]
    assert stored == {"capacity": "legal_representative", "name": "陈建国",
                      "id_type": "resident_id", "id_number": VALID_ID, "phone": "+8613912345678"}
    payload = case_detail(ctx, rec.complaint_id).received_payload
    assert check_payload(EventKind.RECEIVED, dict(payload))  # what HQ accepts
    assert "corporate_representative" in IDENTITY_MEMBERS[EventKind.RECEIVED]  # encrypted at HQ
    gone = stripped_payload(dict(payload), purge=False)["corporate_representative"]
    assert gone["name"] == gone["id_number"] == gone["phone"] == ""  # retention removes it


def test_a_company_without_its_representative_is_refused_with_a_clear_message(
        ctx: ServiceContext, teller: Actor) -> None:
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(customer=COMPANY))
    error = next(e for e in refused.value.errors if e.field == "corporate_representative")
    assert "法定代表人" in error.message("zh_CN") and "legal representative" in error.message("en")
    assert _events(ctx) == 0


def test_the_representatives_id_and_phone_are_checked_like_every_id(
        ctx: ServiceContext, teller: Actor) -> None:
    bad = replace(LEGAL, capacity="owner", name="", id_number="110105194912310021", phone="12")
    with pytest.raises(uc.IntakeRejected) as refused:
        uc.record_complaint(ctx, teller, sample_intake(customer=COMPANY, corporate_representative=bad))
    assert {"corporate_representative.capacity", "corporate_representative.name",
            "corporate_representative.id_number",
            "corporate_representative.phone"} <= {e.field for e in refused.value.errors}
    assert _events(ctx) == 0


def test_the_requirement_is_policy_data_and_an_individual_never_carries_one(
        ctx: ServiceContext, teller: Actor) -> None:
    ctx.policy = replace(ctx.policy, corporate_needs_representative=False)
    assert uc.record_complaint(ctx, teller, sample_intake(customer=COMPANY)).reference
    person = uc.record_complaint(ctx, teller, sample_intake(corporate_representative=LEGAL))
    assert case_detail(ctx, person.complaint_id).received_payload["corporate_representative"] is None
