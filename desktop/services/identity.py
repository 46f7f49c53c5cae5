"""A customer's identity at the counter: the customer on file for an ID number or credit
code, a different name or phone than on file (never a silent overwrite: the clerk confirms
and the change is its own event). A deliberate reveal of masked identity data is
desktop.services.identity_views.

What can go wrong: CustomerDetailsDiffer (the form's name or phone differs from the file and
the clerk has not confirmed it), NotFound, PermissionDenied. Messages and log lines never
hold identity data unmasked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.domain.masking import mask_id_number, mask_name, mask_phone
from desktop.domain.model import Actor, CustomerKind, IdDocumentType, Status
from desktop.domain.validation import validate_credit_code, validate_id_document, validate_phone
from desktop.services.context import ServiceContext
from desktop.services.customers import HISTORY_LIMIT, HistoryLine
from desktop.store.models import ComplaintRow, CustomerRow

log = logging.getLogger(__name__)

# The details a known customer's file keeps that the clerk must confirm before they change.
CONFIRMED_FIELDS = ("name", "phone")


class CustomerDetailsDiffer(ValidationError):
    """The name or phone typed differs from the customer on file; `fields` says which.
    The clerk confirms which is right; nothing is written until then."""

    code = "validation.customer_differs"


@dataclass(frozen=True, slots=True)
class CustomerOnFile:
    """The customer an ID number or credit code names, as the counter may see them: masked."""

    id: str
    kind: CustomerKind
    name: str
    masked_phone: str
    masked_id: str
    open: int
    total: int
    complaints: list[HistoryLine]  # newest first, at most HISTORY_LIMIT


def _find(session: Session, kind: str, id_type: str | None, number: str) -> CustomerRow | None:
    if kind == CustomerKind.CORPORATE.value:
        return session.scalar(select(CustomerRow).where(CustomerRow.credit_code == number))
    return session.scalar(select(CustomerRow).where(CustomerRow.id_number == number,
                                                    CustomerRow.id_type == id_type))


def customer_on_file(ctx: ServiceContext, kind: CustomerKind, number: str,
                     id_type: IdDocumentType | None = None) -> CustomerOnFile | None:
    """The customer on file under this ID number (of `id_type`) or credit code, with their
    open and earlier complaints; None when there is none or the number is not a valid one
    (the intake's own check says why)."""
    try:
        if kind is CustomerKind.CORPORATE:
            clean = validate_credit_code(number, field="customer.credit_code")
        else:
            if id_type is None:
                return None
            clean = validate_id_document(id_type.value, number, field="customer.id_number",
                                         today=ctx.business_date())
    except ValidationError:
        return None
    with ctx.store.read() as s:
        row = _find(s, kind.value, id_type.value if id_type else None, clean)
        if row is None:
            return None
        rows = s.execute(
            select(ComplaintRow.id, ComplaintRow.reference, ComplaintRow.status,
                   ComplaintRow.business_type, ComplaintRow.cause, ComplaintRow.received_at)
            .where(ComplaintRow.customer_id == row.id)
            .order_by(ComplaintRow.received_at.desc())).all()
        lines = [HistoryLine(r[0], r[1], Status(r[2]), r[3], r[4], r[5]) for r in rows]
        return CustomerOnFile(
            id=row.id, kind=CustomerKind(row.kind), name=row.name,
            masked_phone=mask_phone(row.phone) if row.phone else "",
            masked_id=mask_id_number(row.id_number or row.credit_code)
            if (row.id_number or row.credit_code) else "",
            open=sum(1 for ln in lines if ln.status.is_open), total=len(lines),
            complaints=lines[:HISTORY_LIMIT])


def differences(row: CustomerRow, data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The confirmed fields (name, phone) where the checked form names a value other than
    the file's: field → (on file, typed). A blank form value keeps the file's, so is no change."""
    out: dict[str, tuple[str, str]] = {}
    for key in CONFIRMED_FIELDS:
        typed = str(data.get(key) or "").strip()
        stored = str(getattr(row, key) or "")
        if typed and stored and typed != stored:
            out[key] = (stored, typed)
    return out


def check_known_details(session: Session, data: dict[str, Any], confirmed: bool,
                        find: Any, confirmed_fields: tuple[str, ...] = ()
                        ) -> dict[str, tuple[str, str]]:
    """The changes to a known customer's name or phone the form makes. Raises
    CustomerDetailsDiffer when there are any the clerk has not confirmed: all of them
    (`confirmed`) or these one by one (`confirmed_fields`)."""
    row = find(session, data)
    if row is None or not row.name:
        return {}
    changed = differences(row, data)
    unconfirmed = [] if confirmed else [k for k in changed if k not in confirmed_fields]
    if unconfirmed:
        raise CustomerDetailsDiffer(field=f"customer.{unconfirmed[0]}",
                                    fields=",".join(unconfirmed))
    return changed


def phone_differs(ctx: ServiceContext, customer_id: str, phone: str) -> bool:
    """Whether `phone`, a complete valid number, is not the one on file for the customer:
    the counter asks which is right as soon as the phone field is left. False for a number
    not (yet) valid, a customer with no phone on file, or an unknown customer."""
    try:
        typed = validate_phone(phone, field="customer.phone")
    except ValidationError:
        return False
    with ctx.store.read() as s:
        row = s.get(CustomerRow, customer_id)
        return row is not None and bool(row.phone) and row.phone != typed


def correction_payload(customer_id: str, changed: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """The `customer_corrected` payload of confirmed changes (old and new are identity data)."""
    fields = [k for k in CONFIRMED_FIELDS if k in changed]
    return {"customer_id": customer_id, "fields": fields,
            "old": {k: changed[k][0] for k in fields}, "new": {k: changed[k][1] for k in fields}}


def log_correction(actor: Actor, customer_id: str, changed: dict[str, tuple[str, str]],
                   when: datetime) -> None:
    """One log line for a confirmed change: who, when, old → new, masked."""
    maskers = {"name": mask_name, "phone": mask_phone}
    parts = [f"{k}: {maskers[k](old)} -> {maskers[k](new)}" for k, (old, new) in changed.items()]
    log.info("customer %s corrected by %s at %s (%s)", customer_id, actor.staff_number,
             when.isoformat(), "; ".join(parts))
