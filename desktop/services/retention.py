"""Records retention (CBIRC Order 2020 No. 3: complaint records kept at least 3 years after
closing; the period and what happens after it are policy data): closed complaints past the
policy's retention period lose their identity data — names, ID and phone numbers, addresses,
and any such number typed into free text (`retention_action` "anonymise") — or their
identity data and every free text ("purge"), unless they are on legal hold.

The events stay as the skeleton of the audit chain: each touched event keeps its id, links
and hash, its payload loses the removed fields and records the digest of what it held, and
one `retention_applied` event per complaint lists those digests — the audit check
(desktop.security.audit) accepts exactly the events that record vouches for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from desktop.domain.model import ComplaintView, EventKind, Role, Status
from desktop.domain.retention import (
    ANONYMISED_MARK,
    IDENTITY_FIELDS,
    payload_digest,
    stripped_payload,
)
from desktop.domain.states import Action, check_transition
from desktop.services.context import Actor, ServiceContext
from desktop.store.events import append_local_event, complaint_events, refresh_projection
from desktop.store.models import ComplaintRow, CustomerRow, EventRow

RETENTION_ACTOR = Actor("retention", Role.ADMIN, "records retention")


@dataclass(frozen=True, slots=True)
class RetentionCase:
    complaint_id: str
    reference: str
    closed_at: datetime
    retain_until: date
    legal_hold: bool


def retention_cases(ctx: ServiceContext) -> list[RetentionCase]:
    """Closed or withdrawn complaints past the retention period, not yet anonymised (those on
    legal hold included, marked, so a dry run shows them)."""
    today = ctx.business_date()
    out: list[RetentionCase] = []
    with ctx.store.read() as s:
        rows = s.execute(select(ComplaintRow.id, ComplaintRow.reference, ComplaintRow.closed_at,
                                ComplaintRow.details)
                         .where(ComplaintRow.status.in_([Status.CLOSED.value, Status.WITHDRAWN.value]),
                                ComplaintRow.closed_at.is_not(None))
                         .order_by(ComplaintRow.closed_at))
        for cid, reference, closed_at, details in rows:
            details = details or {}
            if details.get("anonymised"):
                continue
            until = ctx.policy.retain_until(closed_at)
            if until <= today:
                out.append(RetentionCase(cid, reference, closed_at, until,
                                         bool(details.get("legal_hold"))))
    return out


def apply_retention(ctx: ServiceContext) -> list[RetentionCase]:
    """Anonymise (or purge) every due complaint not on legal hold; returns those done.
    Each complaint is one transaction with its audit event: a crash leaves it whole or done."""
    purge = ctx.policy.retention_action == "purge"
    done: list[RetentionCase] = []
    for case in retention_cases(ctx):
        if case.legal_hold:
            continue
        now = ctx.now()
        with ctx.store.write() as s:
            row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == case.complaint_id))
            if row is None or (row.details or {}).get("legal_hold"):
                continue
            check_transition(Status(row.status), Action.APPLY_RETENTION, Role.ADMIN)
            digests: dict[str, str] = {}
            for ev_row in s.scalars(select(EventRow).where(EventRow.complaint_id == case.complaint_id)):
                original = dict(ev_row.payload or {})
                stripped = stripped_payload(original, purge)
                if stripped == original:
                    continue
                digest = payload_digest(original)
                stripped[ANONYMISED_MARK] = {"sha256": digest, "action": ctx.policy.retention_action}
                ev_row.payload = stripped
                digests[ev_row.id] = digest
            s.flush()
            append_local_event(
                s, complaint_id=case.complaint_id, kind=EventKind.RETENTION_APPLIED,
                payload={"action": ctx.policy.retention_action, "events": digests,
                         "retain_until": case.retain_until.isoformat(),
                         "policy_id": ctx.policy.policy_id},
                actor=RETENTION_ACTOR.staff_number, actor_role=RETENTION_ACTOR.role,
                device_id=ctx.device.device_id, branch_code=ctx.device.branch_code, now=now,
                business_date=ctx.business_date(now))
            refresh_projection(s, case.complaint_id)
            _forget_customer_if_done(s, row.customer_id)
        done.append(case)
    return done


def _forget_customer_if_done(session: Any, customer_id: str) -> None:
    """The customer's identity goes once none of their complaints still needs it."""
    others = session.scalars(select(ComplaintRow.details).where(
        ComplaintRow.customer_id == customer_id)).all()
    if all((d or {}).get("anonymised") for d in others):
        customer = session.get(CustomerRow, customer_id)
        if customer is not None:
            for key in IDENTITY_FIELDS:
                setattr(customer, key, "")
            customer.id_last4 = customer.phone_last4 = ""


def set_legal_hold(ctx: ServiceContext, actor: Actor, complaint_id: str, *, on: bool,
                   reason: str) -> ComplaintView:
    """Place (or release) a legal hold: a complaint on hold is never anonymised or purged."""
    from desktop.services.complaints import MAX_REASON, _complaint_row, _required_text

    why = _required_text(reason, "reason", MAX_REASON)
    now = ctx.now()
    with ctx.store.write() as s:
        row = _complaint_row(s, complaint_id)
        check_transition(Status(row.status), Action.SET_LEGAL_HOLD, actor.role)
        append_local_event(
            s, complaint_id=complaint_id, kind=EventKind.LEGAL_HOLD,
            payload={"on": bool(on), "reason": why}, actor=actor.staff_number,
            actor_role=actor.role, device_id=ctx.device.device_id,
            branch_code=ctx.device.branch_code, now=now, business_date=ctx.business_date(now))
        view = refresh_projection(s, complaint_id)
    assert view is not None
    return view


__all__ = ["RetentionCase", "apply_retention", "complaint_events", "retention_cases",
           "set_legal_hold"]
