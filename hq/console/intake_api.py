"""POST /api/v1/intake: the bank's web and app systems hand HQ a complaint for a branch,
with their own API key (X-Intake-Key), idempotent by the caller's request id."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Header, Request
from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.model import Channel, CustomerKind, IdDocumentType
from desktop.services.intake import CustomerInput, Intake
from desktop.sync.wire import API_PREFIX, ErrorResponse
from hq import intake, intake_keys
from hq.console.web import clock_of, transaction, vault_of

router = APIRouter()
Text = Annotated[str, Field(max_length=4000)]
Short = Annotated[str, Field(max_length=200)]


class IntakeCustomer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: CustomerKind = CustomerKind.INDIVIDUAL
    name: Short
    id_type: IdDocumentType | None = None
    id_number: Short = ""
    phone: Short = ""
    address: Short = ""
    credit_code: Short = ""
    contact_person: Short = ""


class IntakeRequest(BaseModel):
    """A complaint as the bank's web or app system took it (the counter's fields)."""

    model_config = ConfigDict(extra="forbid")

    request_id: Annotated[str, Field(min_length=8, max_length=100,
                                     description="The caller's id: a repeat returns the "
                                                 "first answer, never a second complaint")]
    branch_code: Annotated[str, Field(min_length=1, max_length=32)]
    customer: IntakeCustomer
    business_type: Annotated[str, Field(max_length=20)]
    cause: Annotated[str, Field(max_length=20)]
    description: Text
    request: Text
    product: Short = ""
    amount: Decimal | None = None
    incident_date: Annotated[str, Field(max_length=10)] = ""
    business_channel: Short = ""
    contact_channel: Short = "phone"
    contact_time: Short = ""
    extra_fields: dict[Annotated[str, Field(max_length=40)], Short] = {}
    consent: bool


class IntakeAnswer(BaseModel):
    complaint_id: str
    branch_code: str
    reference: str
    decision_due: datetime
    replayed: bool


def _errors(*statuses: int) -> dict[int | str, dict[str, object]]:
    return {status: {"model": ErrorResponse} for status in statuses}


@router.post(f"{API_PREFIX}/intake", response_model=IntakeAnswer, tags=["intake"],
             responses=_errors(400, 401, 404, 409, 422, 503))
def take_complaint(body: IntakeRequest, request: Request,
                   x_intake_key: Annotated[str | None, Header()] = None) -> IntakeAnswer:
    """Record a complaint from the bank's web or app system for the responsible branch; it
    reaches the branch's worklist on its next sync, its deadline counted from now."""
    now = clock_of(request)()
    with transaction(request) as conn:
        caller = intake_keys.authenticate(conn, x_intake_key)
        c = body.customer
        complaint = Intake(
            customer=CustomerInput(kind=c.kind, name=c.name, id_type=c.id_type,
                                   id_number=c.id_number, phone=c.phone, address=c.address,
                                   credit_code=c.credit_code, contact_person=c.contact_person),
            business_type=body.business_type, cause=body.cause, description=body.description,
            request=body.request, channel=Channel(caller.channel), product=body.product,
            amount=body.amount, incident_date=body.incident_date,
            extra_fields=dict(body.extra_fields), contact_channel=body.contact_channel,
            contact_time=body.contact_time, consent=body.consent,
            business_channel=body.business_channel)
        done = intake.record_at_hq(conn, vault_of(request), branch_code=body.branch_code,
                                   intake=complaint, officer=f"API:{caller.system}"[:32],
                                   source=f"api:{caller.id}", request_id=body.request_id,
                                   now=now)
    return IntakeAnswer(complaint_id=done.complaint_id, branch_code=done.branch_code,
                        reference=done.reference, decision_due=done.decision_due,
                        replayed=done.replayed)
