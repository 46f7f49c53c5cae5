"""What the counter records at intake, finding the customer, and spotting repeat complaints."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFound
from desktop.domain.model import OPEN_STATES, Agent, Channel, CustomerKind, IdDocumentType, Status
from desktop.store.events import apply_customer_fields, customer_columns
from desktop.store.models import ComplaintRow, CustomerRow

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class CustomerInput:
    kind: CustomerKind
    name: str
    id_type: IdDocumentType | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    credit_code: str = ""
    contact_person: str = ""
    existing_id: str | None = None  # set when the teller picked a known customer
    # The clerk confirmed that a name or phone other than the file's is right (the change is
    # recorded as a `customer_corrected` event); without it such a difference is refused.
    confirmed_change: bool = False
    # The fields (of name, phone) the clerk confirmed one by one as they typed them: the
    # phone asked about when its field was left. Any other difference is still refused.
    confirmed_fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Representative:
    """One of the (at most 5) representatives a group complaint chooses (CBIRC Art. 13)."""

    name: str
    id_type: IdDocumentType
    id_number: str
    phone: str


@dataclass(frozen=True, slots=True)
class CorporateRepresentative:
    """Who speaks for a corporate customer (CBIRC Art. 13): its legal representative or its
    principal contact, with ID and phone. Identity data: stored like the customer's."""

    capacity: str  # desktop.services.intake_rules.CORPORATE_CAPACITIES
    name: str
    id_type: IdDocumentType
    id_number: str
    phone: str


@dataclass(frozen=True, slots=True)
class GroupComplaint:
    representatives: tuple[Representative, ...]
    people: int  # how many people the representatives speak for


@dataclass(frozen=True, slots=True)
class Intake:
    customer: CustomerInput
    business_type: str
    cause: str
    description: str
    request: str
    channel: Channel = Channel.COUNTER
    product: str = ""
    amount: Decimal | None = None
    incident_date: str = ""  # ISO date the customer gives for what happened
    extra_fields: dict[str, str] = field(default_factory=dict)
    contact_channel: str = "phone"
    contact_time: str = ""
    complained_about: str = ""  # staff or unit complained about (free text, e.g. an outsider)
    complained_staff: str = ""  # the roster number, when it is one of the bank's staff
    complained_unit: str = ""  # the code of the branch's unit complained about (roster `units`)
    agent: Agent | None = None  # someone complaining on the customer's behalf
    consent: bool = False  # consent to processing personal information
    resolved_on_spot: bool = False
    business_channel: str = ""  # JR/T 0169 channel axis code (taxonomy "channel"), optional
    grounds: str = ""  # 理由: why the customer thinks they are right, beside facts and request
    # Where the branch's audio/video recording of an on-site complaint is (Art. 7): counter or
    # camera number and time window; required for the channels the policy names.
    recording_reference: str = ""
    group: GroupComplaint | None = None
    corporate_representative: CorporateRepresentative | None = None  # corporate customers only
    # The complaint id of an earlier complaint of this customer about the same matter, when the
    # clerk links the new one to it at review (the regulator counts a repeat once).
    repeat_of: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain values for validation (enums as their values)."""
        data = asdict(self)
        data["channel"] = self.channel.value
        data["customer"]["kind"] = self.customer.kind.value
        if self.customer.id_type is not None:
            data["customer"]["id_type"] = self.customer.id_type.value
        if self.agent is not None:
            data["agent"]["id_type"] = self.agent.id_type.value
        if self.corporate_representative is not None:
            data["corporate_representative"]["id_type"] = self.corporate_representative.id_type.value
        data["amount"] = None if self.amount is None else str(self.amount)
        return data


def event_fields(form: dict[str, Any]) -> dict[str, Any]:
    """The fields of a checked intake form (`check_intake(...).cleaned`) that go into the
    `received` event; the caller adds the customer as stored."""
    amount, incident = form.get("amount"), form.get("incident_date")
    return {
        "channel": form["channel"],
        "business_channel": form.get("business_channel") or "",
        "business_type": form["business_type"],
        "cause": form["cause"],
        "product": form.get("product", ""),
        "amount": None if amount is None else str(amount),
        "description": form["description"],
        "request": form["request"],
        "incident_date": incident.isoformat() if incident is not None else "",
        "extra_fields": dict(form.get("extra_fields") or {}),
        "contact_channel": form.get("contact_channel", ""),
        "contact_time": form.get("contact_time", ""),
        "complained_about": form.get("complained_about", ""),
        "complained_staff": form.get("complained_staff", ""),
        "complained_unit": form.get("complained_unit", ""),
        "complained_unit_members": list(form.get("complained_unit_members") or []),
        "grounds": form.get("grounds", ""),
        "recording_reference": form.get("recording_reference", ""),
        "group": form.get("group"),
        "corporate_representative": form.get("corporate_representative"),
        "agent": form.get("agent"),
        "consent": bool(form.get("consent")),
        "resolved_on_spot": bool(form.get("resolved_on_spot")),
    }


@dataclass(frozen=True, slots=True)
class RepeatWarning:
    """An earlier complaint of the same customer in the same category, open or recent."""

    reference: str
    status: Status
    received_at: datetime
    complaint_id: str = ""  # what `Intake.repeat_of` names to link the new complaint to it


@dataclass(frozen=True, slots=True)
class CustomerMatch:
    id: str
    kind: CustomerKind
    name: str
    id_number: str
    phone: str
    open_complaints: int
    total_complaints: int


def _customer_dict(row: CustomerRow) -> dict[str, Any]:
    return {
        "id": row.id, "kind": row.kind, "name": row.name, "id_type": row.id_type,
        "id_number": row.id_number, "phone": row.phone, "address": row.address,
        "credit_code": row.credit_code, "contact_person": row.contact_person,
    }


def find_customer_row(session: Session, data: dict[str, Any]) -> CustomerRow | None:
    """The stored customer the form names: picked by id, or matched by credit code or ID document."""
    if data.get("existing_id"):
        return session.get(CustomerRow, data["existing_id"])
    if data.get("kind") == CustomerKind.CORPORATE.value and data.get("credit_code"):
        return session.scalar(select(CustomerRow).where(CustomerRow.credit_code == data["credit_code"]))
    if data.get("id_number"):
        return session.scalar(
            select(CustomerRow).where(CustomerRow.id_number == data["id_number"],
                                      CustomerRow.id_type == data.get("id_type"))
        )
    return None


_CUSTOMER_KEYS = ("kind", "name", "id_type", "id_number", "phone", "address", "credit_code",
                  "contact_person")


_LOOK_UP: Any = object()  # upsert_customer's `found` when the caller has not looked


def upsert_customer(session: Session, data: dict[str, Any], now: datetime, *,
                    found: CustomerRow | None = _LOOK_UP) -> dict[str, Any]:
    """Find the customer of a checked intake form, or create them; newer details win and
    blank fields keep what is stored. Returns the customer's fields as they now stand.
    `found`: what `find_customer_row` gave for `data`, when the caller has looked already."""
    row = find_customer_row(session, data) if found is _LOOK_UP else found
    fields = {k: data.get(k) or "" for k in _CUSTOMER_KEYS}
    fields["id_type"] = data.get("id_type") or None
    if row is None:
        if data.get("existing_id"):
            raise NotFound(what="customer")
        # A new customer: one INSERT, without the ORM's unit of work.
        customer_id = str(uuid.uuid4())
        columns = customer_columns(fields, now)
        session.connection().execute(insert(CustomerRow),
                                     {"id": customer_id, "created_at": now, **columns})
        return {"id": customer_id, **{k: columns[k] for k in _CUSTOMER_KEYS}}
    if row.name:  # a known customer: keep what we have where the form left a field empty
        current = _customer_dict(row)
        fields = {k: (v if v not in ("", None) else current[k]) for k, v in fields.items()}
    apply_customer_fields(row, fields, now)
    session.flush()
    return _customer_dict(row)


def find_repeats(session: Session, ctx: ServiceContext, customer_id: str, business_type: str,
                 cause: str) -> list[RepeatWarning]:
    """Open complaints of this customer in the same category, and closed ones received within
    the policy's repeat window."""
    since = ctx.now() - timedelta(days=ctx.policy.repeat_window_days)
    rows = session.execute(
        select(ComplaintRow.reference, ComplaintRow.status, ComplaintRow.received_at,
               ComplaintRow.id)
        .where(ComplaintRow.customer_id == customer_id,
               ComplaintRow.business_type == business_type,
               ComplaintRow.cause == cause,
               or_(ComplaintRow.status.in_(OPEN_STATES), ComplaintRow.received_at >= since))
        .order_by(ComplaintRow.received_at.desc())
    ).all()
    return [RepeatWarning(reference=r, status=Status(st), received_at=at, complaint_id=cid)
            for r, st, at, cid in rows]


def find_customers(ctx: ServiceContext, query: str, limit: int = 20) -> list[CustomerMatch]:
    """Customers whose ID number, credit code or phone equals `query`, whose ID or phone ends
    with it (4+ digits), or whose name equals it; with their complaint counts."""
    q = query.strip()
    if not q:
        return []
    phones = {q, "+86" + q.lstrip("0")}
    conditions = [CustomerRow.id_number == q.upper(), CustomerRow.credit_code == q.upper(),
                  CustomerRow.phone.in_(phones), CustomerRow.name == q]
    if len(q) == 4:
        conditions += [CustomerRow.id_last4 == q.upper(), CustomerRow.phone_last4 == q]
    with ctx.store.read() as s:
        rows = s.scalars(select(CustomerRow).where(or_(*conditions)).limit(limit)).all()
        matches = []
        for row in rows:
            statuses = s.scalars(select(ComplaintRow.status)
                                 .where(ComplaintRow.customer_id == row.id)).all()
            matches.append(CustomerMatch(
                id=row.id, kind=CustomerKind(row.kind), name=row.name, id_number=row.id_number,
                phone=row.phone, total_complaints=len(statuses),
                open_complaints=sum(1 for st in statuses if st in OPEN_STATES),
            ))
    return matches


@dataclass(frozen=True, slots=True)
class ReviewFacts:
    decision_due: datetime
    policy_name: dict[str, str]
    repeats: list[RepeatWarning]


def review_facts(ctx: ServiceContext, customer_id: str | None, business_type: str,
                 cause: str, customer: dict[str, Any] | None = None) -> ReviewFacts:
    """The decision deadline a complaint recorded now would get, and earlier complaints of
    this customer in the same category (the repeat-complaint warning). The customer is the
    one picked (`customer_id`) or, when typed, the one on file under the form `customer`'s
    ID number or credit code."""
    due = ctx.policy.decision_due(ctx.now(), business_type or None, cause or None)
    repeats: list[RepeatWarning] = []
    with ctx.store.read() as s:
        if not customer_id and customer:
            customer_id = _typed_customer_id(s, ctx, customer)
        if customer_id and business_type and cause:
            repeats = find_repeats(s, ctx, customer_id, business_type, cause)
    return ReviewFacts(decision_due=due, policy_name=dict(ctx.policy.name), repeats=repeats)


def _typed_customer_id(session: Session, ctx: ServiceContext, data: dict[str, Any]) -> str | None:
    """The id of the customer on file under the typed (valid) ID number or credit code."""
    from desktop.domain.errors import ValidationError
    from desktop.domain.validation import validate_credit_code, validate_id_document

    try:
        if data.get("kind") == CustomerKind.CORPORATE.value:
            found = {"kind": CustomerKind.CORPORATE.value,
                     "credit_code": validate_credit_code(data.get("credit_code"))}
        else:
            id_type = str(data.get("id_type") or "")
            found = {"kind": CustomerKind.INDIVIDUAL.value, "id_type": id_type,
                     "id_number": validate_id_document(id_type, data.get("id_number"),
                                                       today=ctx.business_date())}
    except ValidationError:
        return None
    row = find_customer_row(session, found)
    return row.id if row is not None else None
