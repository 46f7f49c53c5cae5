"""Small reads the counter screens need that the core services do not offer (yet).

Each runs on the database worker and returns plain values. They are candidates
for desktop/services (asked for in the UI issue); until then they live here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.model import Customer, CustomerKind, IdDocumentType, Status
from desktop.services.context import ServiceContext
from desktop.services.intake import CustomerMatch, RepeatWarning, find_customers, find_repeats
from desktop.store.models import ComplaintRow, CustomerRow

HISTORY_LIMIT = 50


@dataclass(frozen=True, slots=True)
class HistoryLine:
    complaint_id: str
    reference: str
    status: Status
    business_type: str
    cause: str
    received_at: datetime


@dataclass(frozen=True, slots=True)
class CustomerHistory:
    customer: Customer
    complaints: list[HistoryLine]  # newest first, at most HISTORY_LIMIT
    total: int
    open: int


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    decision_due: datetime
    policy_name: dict[str, str]
    repeats: list[RepeatWarning]


def search_customers(ctx: ServiceContext, query: str) -> list[CustomerMatch]:
    """`find_customers`, also trying a phone number in the stored +86 form when the
    counter typed it the way people say it (138 1234 5678)."""
    matches = find_customers(ctx, query)
    if matches:
        return matches
    digits = "".join(ch for ch in query if ch.isdigit() or ch == "+")
    if len(digits) >= 7:
        from desktop.domain.errors import ValidationError
        from desktop.domain.validation import validate_phone

        try:
            normalised = validate_phone(digits)
        except ValidationError:
            return []
        if normalised != query:
            return find_customers(ctx, normalised)
    return []


def _customer(row: CustomerRow) -> Customer:
    return Customer(id=row.id, kind=CustomerKind(row.kind), name=row.name,
                    id_type=IdDocumentType(row.id_type) if row.id_type else None,
                    id_number=row.id_number, phone=row.phone, address=row.address,
                    credit_code=row.credit_code, contact_person=row.contact_person)


def customer_history(ctx: ServiceContext, customer_id: str) -> CustomerHistory | None:
    """A known customer and their complaints (newest first); None if the id is unknown."""
    with ctx.store.read() as s:
        row = s.get(CustomerRow, customer_id)
        if row is None:
            return None
        rows = s.execute(
            select(ComplaintRow.id, ComplaintRow.reference, ComplaintRow.status,
                   ComplaintRow.business_type, ComplaintRow.cause, ComplaintRow.received_at)
            .where(ComplaintRow.customer_id == customer_id)
            .order_by(ComplaintRow.received_at.desc())).all()
        lines = [HistoryLine(r[0], r[1], Status(r[2]), r[3], r[4], r[5]) for r in rows]
        return CustomerHistory(customer=_customer(row), complaints=lines[:HISTORY_LIMIT],
                               total=len(lines), open=sum(1 for ln in lines if ln.status.is_open))


def review_facts(ctx: ServiceContext, customer_id: str | None, business_type: str,
                 cause: str) -> ReviewFacts:
    """The decision deadline a complaint recorded now would get, and earlier complaints of
    this customer in the same category (the repeat-complaint warning)."""
    now = ctx.now()
    due = ctx.policy.decision_due(now, business_type or None, cause or None)
    repeats: list[RepeatWarning] = []
    if customer_id and business_type and cause:
        with ctx.store.read() as s:
            repeats = find_repeats(s, ctx, customer_id, business_type, cause)
    return ReviewFacts(decision_due=due, policy_name=dict(ctx.policy.name), repeats=repeats)


def staff_names(ctx: ServiceContext) -> dict[str, str]:
    """Staff number → name for everyone on this PC's roster (for timelines and assignment)."""
    from desktop.store.models import StaffRow

    with ctx.store.read() as s:
        return {number: name for number, name in s.execute(select(StaffRow.number, StaffRow.name))}
