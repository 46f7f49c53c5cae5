"""Fold a complaint's events into its current view (the complaint row is this projection).

Events are folded in hybrid-logical-clock order, then by event id, so every
device reaches the same view whatever order the events arrived in. An event
the state machine would not allow at its place in that order (two devices
resolving the same case offline, say) is kept on the timeline, is not applied,
and flags the case for a person to review.

Event payloads (all values JSON; times ISO-8601 with offset; money as text):
  received          reference, channel, business_type, cause, product, amount,
                    description, request, extra_fields, customer{...}, agent{...}|null,
                    received_at, decision_due, policy_id, repeat_of (the complaint id
                    of an earlier complaint about the same matter, or absent), ...
  assigned          assignee
  escalated         level, reason
  deadline_extended new_due, reason, approver, approver_role, level, notify_customer
  extension_requested  level, new_due, reason (an extension only HQ may approve)
  extension_decided    level, approved, new_due, reason, officer (HQ only)
  contact_attempt   channel, reached, text, extension_notice (the customer was told of it)
  document_printed  document, copy
  resolved / hq_decision  outcome, findings, verification, remedy, compensation, root_cause,
                    corrective_actions [{id, what, owner, due}]
  corrective_action_done  action_id, note
  satisfaction_recorded   score (1–5), comment
  reopened / withdrawn    reason
  linked            related_reference
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.model import (
    Channel,
    ComplaintView,
    Event,
    EventKind,
    Outcome,
    Role,
    Status,
)
from desktop.domain.states import ACTION_OF_EVENT, next_state

HQ_DEVICE_ID = "HQ"  # the device id of events HQ writes (desktop.sync.wire says the same)


def event_order(event: Event) -> tuple[str, str]:
    return (event.hlc, event.id)


def amount_or_none(value: Any) -> Decimal | None:
    """An amount as an event payload carries it (text or number); None when blank or not a number."""
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _when(value: Any) -> datetime:
    return datetime.fromisoformat(str(value))


def fold(events: Iterable[Event]) -> ComplaintView | None:
    """The view of one complaint from its events; None until its `received` event is known."""
    # The same event delivered twice (a retried pull) is one event.
    unique = {ev.id: ev for ev in events}
    ordered = sorted(unique.values(), key=event_order)
    view: ComplaintView | None = None
    pending_before_receipt = 0
    for ev in ordered:
        if view is None:
            if ev.kind is not EventKind.RECEIVED:
                pending_before_receipt += 1
                continue
            view = _start(ev)
            if pending_before_receipt:
                _flag(view, "order:events_before_receipt")
            continue
        _apply(view, ev)
    return view


def _start(ev: Event) -> ComplaintView:
    p = ev.payload
    customer = p.get("customer") or {}
    view = ComplaintView(
        id=ev.complaint_id,
        reference=str(p["reference"]),
        branch_code=ev.branch_code,
        status=Status.RECEIVED,
        customer_id=str(customer.get("id", "")),
        customer_name=str(customer.get("name", "")),
        channel=Channel(p.get("channel", Channel.COUNTER)),
        business_channel=str(p.get("business_channel", "") or ""),
        business_type=str(p.get("business_type", "")),
        cause=str(p.get("cause", "")),
        received_at=_when(p["received_at"]),
        decision_due=_when(p["decision_due"]),
        product=str(p.get("product", "")),
        amount=amount_or_none(p.get("amount")),
        description=str(p.get("description", "")),
        request=str(p.get("request", "")),
        extra_fields={str(k): str(v) for k, v in (p.get("extra_fields") or {}).items()},
        received_by=ev.actor,
        assignee=ev.actor,  # first-contact responsibility: the receiver owns the case
        updated_at=ev.occurred_at,
        event_count=1,
        complained_staff=str(p.get("complained_staff") or ""),
        complained_unit=str(p.get("complained_unit") or ""),
        complained_unit_members=[str(n) for n in p.get("complained_unit_members") or ()],
        repeat_of=str(p["repeat_of"]) if p.get("repeat_of") else None,
    )
    if view.complained_staff and view.complained_staff == ev.actor:
        # The person complained about took the complaint: recorded, but not theirs to handle;
        # it waits for a supervisor to assign it (the review list shows it).
        view.assignee = ""
        _flag(view, "recusal:received_by_complained_staff")
    elif ev.actor in view.complained_unit_members:  # a member of the unit complained about
        view.assignee = ""
        _flag(view, "recusal:received_by_complained_unit")
    return view


def _extend(view: ComplaintView, ev: Event, p: dict[str, Any]) -> None:
    """Move the deadline, unless it had already passed when the extension was given: an
    overdue case stays overdue (the attempt stays on the timeline and flags the case)."""
    if ev.occurred_at > view.decision_due:
        view.late_extensions += 1
        _flag(view, "deadline:extended_after_due")
        return
    view.decision_due = _when(p["new_due"])
    view.extensions = int(p.get("level", view.extensions + 1))
    if p.get("notify_customer", True):
        view.extension_notice_due = True


def _flag(view: ComplaintView, reason: str) -> None:
    view.needs_review = True
    if reason not in view.review_reasons:
        view.review_reasons.append(reason)


def _apply(view: ComplaintView, ev: Event) -> None:
    view.event_count += 1
    view.updated_at = ev.occurred_at
    if ev.kind is EventKind.RECEIVED:
        _flag(view, "conflict:received_twice")
        return
    action = ACTION_OF_EVENT[ev.kind]
    after = next_state(view.status, action)
    if after is None:
        _flag(view, f"conflict:{ev.kind.value}@{view.status.value}")
        return
    p = ev.payload
    match ev.kind:
        case EventKind.ASSIGNED:
            view.assignee = str(p.get("assignee", view.assignee))
        case EventKind.ESCALATED:
            view.escalation_level = int(p.get("level", view.escalation_level + 1))
        case EventKind.DEADLINE_EXTENDED:
            _extend(view, ev, p)
        case EventKind.EXTENSION_REQUESTED:
            view.extension_request = {"level": int(p.get("level", view.extensions + 1)),
                                      "new_due": str(p.get("new_due", "")),
                                      "reason": str(p.get("reason", ""))}
            view.extension_declined = ""
        case EventKind.EXTENSION_DECIDED:
            if ev.device_id != HQ_DEVICE_ID or ev.actor_role is not Role.HQ_OFFICER:
                _flag(view, "forged:extension_decided")  # only HQ approves these extensions
                return
            view.extension_request = None
            if p.get("approved"):
                _extend(view, ev, p)
            else:
                view.extension_declined = str(p.get("reason", "")) or "-"
        case EventKind.DEADLINE_RECOUNTED:
            # Counted again on the published calendar; a deadline already passed stays passed.
            if p.get("new_due") and ev.occurred_at <= view.decision_due:
                view.decision_due = _when(p["new_due"])
        case EventKind.CONTACT_ATTEMPT:
            if p.get("extension_notice") and p.get("reached"):
                view.extension_notice_due = False
        case EventKind.LEGAL_HOLD:
            view.legal_hold = bool(p.get("on"))
        case EventKind.RETENTION_APPLIED:
            view.anonymised = True
        case EventKind.DOCUMENT_PRINTED:
            if p.get("document") == "extension_notice":
                view.extension_notice_due = False
        case EventKind.RESOLVED | EventKind.HQ_DECISION:
            view.outcome = Outcome(p["outcome"])
            view.findings = str(p.get("findings", ""))
            view.remedy = str(p.get("remedy", ""))
            view.compensation = amount_or_none(p.get("compensation"))
            view.resolved_at = ev.occurred_at
            view.root_cause = str(p.get("root_cause") or "")
            known = {a["id"] for a in view.corrective_actions}
            view.corrective_actions += [
                {"id": str(a["id"]), "what": str(a.get("what", "")), "owner": str(a.get("owner", "")),
                 "due": str(a["due"]), "done_at": None, "done_by": ""}
                for a in p.get("corrective_actions") or () if a.get("id") not in known]
        case EventKind.CORRECTIVE_ACTION_DONE:
            done = next((a for a in view.corrective_actions if a["id"] == p.get("action_id")),
                        None)
            # An action the case does not hold changes nothing (the service refuses to write
            # one; the event stays on the timeline).
            if done is not None and done["done_at"] is None:
                done["done_at"] = ev.occurred_at.isoformat()
                done["done_by"] = ev.actor
        case EventKind.SATISFACTION_RECORDED:
            view.satisfaction = int(p["score"])
            view.satisfaction_comment = str(p.get("comment", ""))
        case EventKind.CLOSED:
            view.closed_at = ev.occurred_at
        case EventKind.REOPENED:
            view.closed_at = None
            view.resolved_at = None
            view.outcome = None
            view.root_cause = ""
        case EventKind.WITHDRAWN:
            view.withdrawn_at = ev.occurred_at
            view.closed_at = ev.occurred_at
        case EventKind.LINKED:
            ref = str(p.get("related_reference", ""))
            if ref and ref not in view.related:
                view.related.append(ref)
        case _:
            pass
    view.status = after
