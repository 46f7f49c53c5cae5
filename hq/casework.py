"""What the console reads of HQ's complaint rows (hq.complaints): the dashboard's
figures, the search across branches, and one case with its timeline.

Rows carry no identity; the identity of a case is opened from its `received` event only
on request (`reveal_identity`), which the console audits. Searching by ID number or
phone goes through the keyed hashes (hq.vault.Vault.lookup_key, phone_key), never
plaintext. "Due soon" is the deadline policy's own (its days, counted in working days where
it says so: DeadlinePolicy.due_soon_until), the one the branches' worklists use.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, case, func, or_, select
from sqlalchemy.sql import ColumnElement

from desktop.domain.masking import mask_id_number, mask_name, mask_phone
from desktop.domain.model import EventKind, Status
from desktop.domain.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_dict
from hq import reference_data, tables
from hq.complaints import event_from_body
from hq.vault import Vault

PAGE_SIZE = 50
_c = tables.complaints
_e = tables.events
OPEN_STATES = [s.value for s in Status if s.is_open]


@dataclass(frozen=True, slots=True)
class Search:
    """The filters of the complaints list; every one optional."""

    reference: str = ""
    customer: str = ""  # an ID number, credit code or phone (looked up by keyed hash)
    branch: str = ""
    business_type: str = ""
    cause: str = ""
    status: str = ""
    due: str = ""  # "overdue" | "due_soon" | "open"
    received_from: date | None = None
    received_to: date | None = None

    def query_string(self) -> dict[str, str]:
        values = {"reference": self.reference, "branch": self.branch,
                  "business_type": self.business_type, "cause": self.cause,
                  "status": self.status, "due": self.due,
                  "received_from": self.received_from.isoformat() if self.received_from else "",
                  "received_to": self.received_to.isoformat() if self.received_to else ""}
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True, slots=True)
class CaseSummary:
    id: str
    reference: str
    branch_code: str
    status: str
    channel: str
    business_type: str
    cause: str
    received_at: datetime
    decision_due: datetime
    escalation_level: int
    extensions: int

    def overdue(self, now: datetime) -> bool:
        return Status(self.status).is_open and self.decision_due < now


@dataclass(frozen=True, slots=True)
class BranchFigures:
    branch_code: str
    open: int = 0
    due_soon: int = 0
    overdue: int = 0
    escalated: int = 0


@dataclass(frozen=True, slots=True)
class Dashboard:
    total: BranchFigures
    branches: list[BranchFigures]
    trend: list[tuple[date, int]]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    kind: str
    actor: str
    actor_role: str
    device_id: str
    occurred_at: datetime
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseDetail:
    summary: CaseSummary
    row: Mapping[str, Any]
    timeline: list[TimelineEntry]
    masked_customer: dict[str, str]
    request: str = ""  # what the customer asked for (the received event's, no identity)


def _summary(r: Any) -> CaseSummary:
    return CaseSummary(r.id, r.reference, r.branch_code, r.status, r.channel, r.business_type,
                       r.cause, r.received_at, r.decision_due, r.escalation_level, r.extensions)


def _overdue(now: datetime) -> ColumnElement[bool]:
    return and_(_c.c.status.in_(OPEN_STATES), _c.c.decision_due < now)


def _due_soon(now: datetime, soon_until: datetime) -> ColumnElement[bool]:
    return and_(_c.c.status.in_(OPEN_STATES), _c.c.decision_due >= now,
                _c.c.decision_due < soon_until)


def _due_filter(conn: Connection, due: str, now: datetime) -> ColumnElement[bool] | None:
    if due == "overdue":
        return _overdue(now)
    if due == "due_soon":
        return _due_soon(now, reference_data.policy_in_force(conn).due_soon_until(now))
    if due == "open":
        return _c.c.status.in_(OPEN_STATES)
    return None


def search(conn: Connection, vault: Vault, query: Search, now: datetime, *,
           before: tuple[datetime, str] | None = None) -> list[CaseSummary]:
    """Newest first, PAGE_SIZE at a time; `before` is the (received_at, id) of the last
    row shown (keyset paging, served by the branch/received index)."""
    conditions: list[ColumnElement[bool]] = []
    if query.reference:
        conditions.append(_c.c.reference == query.reference.strip().upper())
    if query.customer:
        typed = query.customer.strip()
        phone = vault.phone_key(typed)
        by_id = _c.c.customer_key == vault.lookup_key(typed)
        conditions.append(or_(by_id, _c.c.phone_key == phone) if phone else by_id)
    for column, value in ((_c.c.branch_code, query.branch), (_c.c.status, query.status),
                          (_c.c.business_type, query.business_type), (_c.c.cause, query.cause)):
        if value:
            conditions.append(column == value)
    if query.received_from:
        conditions.append(_c.c.received_date >= query.received_from)
    if query.received_to:
        conditions.append(_c.c.received_date <= query.received_to)
    due = _due_filter(conn, query.due, now)
    if due is not None:
        conditions.append(due)
    if before is not None:
        at, last_id = before
        conditions.append(or_(_c.c.received_at < at,
                              and_(_c.c.received_at == at, _c.c.id < last_id)))
    # The page's ids first (often from an index alone: bench/bench_console.py), then its rows.
    newest = (_c.c.received_at.desc(), _c.c.id.desc())
    page = select(_c.c.id).where(*conditions).order_by(*newest).limit(PAGE_SIZE).subquery()
    q = select(_c).join(page, page.c.id == _c.c.id).order_by(*newest)
    return [_summary(r) for r in conn.execute(q)]


def dashboard(conn: Connection, now: datetime, trend_days: int = 30) -> Dashboard:
    """Open, due soon, overdue and escalated per branch and in total; received per day
    (business days in the policy's time zone, up to today there)."""
    is_open = _c.c.status.in_(OPEN_STATES)
    policy = reference_data.policy_in_force(conn)
    soon_until = policy.due_soon_until(now)

    def count_if(condition: ColumnElement[bool]) -> Any:
        return func.sum(case((condition, 1), else_=0))

    rows = conn.execute(
        select(_c.c.branch_code, count_if(is_open), count_if(_due_soon(now, soon_until)),
               count_if(_overdue(now)),
               count_if(_c.c.status == Status.ESCALATED.value))
        .where(is_open).group_by(_c.c.branch_code).order_by(_c.c.branch_code))
    branches = [BranchFigures(b, int(o or 0), int(s or 0), int(d or 0), int(e or 0))
                for b, o, s, d, e in rows]
    total = BranchFigures("", *(sum(getattr(b, f) for b in branches)
                                for f in ("open", "due_soon", "overdue", "escalated")))
    today = policy.local_day(now)
    first = today - timedelta(days=trend_days - 1)
    per_day = {(d if isinstance(d, date) else date.fromisoformat(str(d))): int(n)
               for d, n in conn.execute(
                   select(_c.c.received_date, func.count())
                   .where(_c.c.received_date >= first, _c.c.received_date <= today)
                   .group_by(_c.c.received_date))}
    trend = [(first + timedelta(days=i), per_day.get(first + timedelta(days=i), 0))
             for i in range(trend_days)]
    return Dashboard(total, branches, trend)


# Payload members the timeline shows (free text of the branch's staff, no identity).
_SHOWN = ("reason", "text", "note", "outcome", "findings", "remedy", "compensation", "level",
          "new_due", "approved", "document", "assignee", "result", "score")


def case_detail(conn: Connection, reference: str) -> CaseDetail | None:
    row = conn.execute(select(_c).where(_c.c.reference == reference.strip().upper())).first()
    if row is None:
        return None
    events = sorted((event_from_body(r.body, r.hash) for r in conn.execute(
        select(_e.c.body, _e.c.hash).where(_e.c.complaint_id == row.id))),
        key=lambda ev: ev.hlc)
    timeline = [TimelineEntry(ev.kind.value, ev.actor, ev.actor_role.value, ev.device_id,
                              ev.occurred_at,
                              {k: str(v) for k, v in ev.payload.items()
                               if k in _SHOWN and v not in (None, "", {})})
                for ev in events]
    received = next((ev for ev in events if ev.kind is EventKind.RECEIVED), None)
    request = str(received.payload.get("request") or "") if received is not None else ""
    return CaseDetail(_summary(row), dict(row._mapping), timeline, {}, request)


def identity_of(conn: Connection, vault: Vault, complaint_id: str) -> dict[str, Any]:
    """The customer (and agent) of a complaint as the branch recorded them, decrypted."""
    r = conn.execute(select(_e.c.id, _e.c.identity, _e.c.data_key_id)
                     .where(_e.c.complaint_id == complaint_id,
                            _e.c.kind == EventKind.RECEIVED.value)
                     .order_by(_e.c.seq).limit(1)).first()
    if r is None or r.identity is None or r.data_key_id is None:
        return {}
    opened: dict[str, Any] = json.loads(vault.open(conn, r.data_key_id, r.id, bytes(r.identity)))
    return opened


def masked(identity: Mapping[str, Any]) -> dict[str, str]:
    """The customer's name, ID number and phone as the console shows them before a reveal."""
    customer = identity.get("customer") or {}
    if not isinstance(customer, Mapping):
        return {}
    number = str(customer.get("id_number") or customer.get("credit_code") or "")
    return {"name": mask_name(str(customer.get("name") or "")),
            "id_number": mask_id_number(number) if number else "",
            "phone": mask_phone(str(customer.get("phone") or "")) if customer.get("phone") else ""}


def plain(identity: Mapping[str, Any]) -> dict[str, str]:
    customer = identity.get("customer") or {}
    if not isinstance(customer, Mapping):
        return {}
    return {"name": str(customer.get("name") or ""),
            "id_number": str(customer.get("id_number") or customer.get("credit_code") or ""),
            "phone": str(customer.get("phone") or ""),
            "address": str(customer.get("address") or "")}


def taxonomy_in_force(conn: Connection) -> Taxonomy:
    """The taxonomy HQ published last, else the shipped one (as the branches use)."""
    published = reference_data.content_of(conn, "taxonomy")
    return taxonomy_from_dict(published) if isinstance(published, dict) else load_taxonomy()
