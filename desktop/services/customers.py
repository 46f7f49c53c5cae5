"""Finding a customer at the counter and what they have complained about before: plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.errors import NotFound, ValidationError
from desktop.domain.model import Customer, CustomerKind, IdDocumentType, Status
from desktop.domain.risk import RiskSignal, signals_from_data
from desktop.domain.validation import validate_phone
from desktop.services.context import ServiceContext
from desktop.services.intake import CustomerMatch, find_customers
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


def customer_of(row: CustomerRow) -> Customer:
    """The stored customer as the domain's plain value."""
    return Customer(id=row.id, kind=CustomerKind(row.kind), name=row.name,
                    id_type=IdDocumentType(row.id_type) if row.id_type else None,
                    id_number=row.id_number, phone=row.phone, address=row.address,
                    credit_code=row.credit_code, contact_person=row.contact_person)


def search_customers(ctx: ServiceContext, query: str) -> list[CustomerMatch]:
    """`find_customers`, also trying a phone number in the stored +86 form when the
    counter typed it the way people say it (138 1234 5678)."""
    matches = find_customers(ctx, query)
    if matches:
        return matches
    digits = "".join(ch for ch in query if ch.isdigit() or ch == "+")
    if len(digits) >= 7:
        try:
            normalised = validate_phone(digits)
        except ValidationError:
            return []
        if normalised != query:
            return find_customers(ctx, normalised)
    return []


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
        return CustomerHistory(customer=customer_of(row), complaints=lines[:HISTORY_LIMIT],
                               total=len(lines), open=sum(1 for ln in lines if ln.status.is_open))


@dataclass(frozen=True, slots=True)
class CustomerComplaint:
    """One line of the customer screen: a complaint of this customer, whatever its state."""

    complaint_id: str
    reference: str
    received_at: datetime
    business_type: str
    cause: str
    status: Status
    decision_due: datetime
    risk: tuple[RiskSignal, ...] = ()  # its stored risk signals (desktop.store.risk)


@dataclass(frozen=True, slots=True)
class CustomerFile:
    """A customer (identity as stored; the screen masks it) and all their complaints."""

    customer: Customer
    complaints: list[CustomerComplaint]  # newest first, every one

    @property
    def open(self) -> int:
        return sum(1 for c in self.complaints if c.status.is_open)


def customer_complaints(ctx: ServiceContext, customer_id: str) -> CustomerFile:
    """The customer and every complaint they have made at this desk, newest first.
    Raises NotFound for an unknown customer."""
    with ctx.store.read() as s:
        row = s.get(CustomerRow, customer_id)
        if row is None:
            raise NotFound(what="customer")
        rows = s.execute(
            select(ComplaintRow.id, ComplaintRow.reference, ComplaintRow.received_at,
                   ComplaintRow.business_type, ComplaintRow.cause, ComplaintRow.status,
                   ComplaintRow.decision_due, ComplaintRow.risk)
            .where(ComplaintRow.customer_id == customer_id)
            .order_by(ComplaintRow.received_at.desc(), ComplaintRow.reference.desc())).all()
        return CustomerFile(customer=customer_of(row), complaints=[
            CustomerComplaint(r[0], r[1], r[2], r[3] or "", r[4] or "", Status(r[5]), r[6],
                              signals_from_data(r[7]))
            for r in rows])
