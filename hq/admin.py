"""What the HQ office does besides answering devices: add branches, publish reference
documents, revoke devices, decide escalated cases and the extensions only HQ approves. Each writes through the same
tables and the same change sequence as the API, so the result reaches the branch's
devices on their next pull (any worker, any time: the state is in the database only).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import pydantic
from sqlalchemy import Connection, func, insert, select, update

from desktop.domain.chain import GENESIS, canonical_json, event_body
from desktop.domain.errors import DomainError
from desktop.domain.hlc import HybridClock, Stamp
from desktop.domain.model import Event, EventKind, Outcome, Role
from desktop.domain.policy import DEFAULT_POLICY_ID, load_policy
from desktop.domain.projection import fold
from desktop.domain.states import Action, check_transition
from desktop.sync.payloads import check_payload
from desktop.sync.wire import HQ_DEVICE_ID, REFERENCE_KINDS, EventWire
from hq import complaints, tables
from hq.db import allocate_seqs, change_lock, insert_ignoring_existing
from hq.errors import Conflict, InvalidRequest, NotFound

BRANCH_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_]{0,31}$")

_branches = tables.branches
_devices = tables.devices
_events = tables.events
_references = tables.reference_documents
_heads = tables.chain_heads
_complaints = tables.complaints
_roster_roles = tables.roster_roles
ROSTER = "roster"


@dataclass(frozen=True, slots=True)
class DeviceSummary:
    id: str
    branch_code: str
    number: int
    name: str
    revoked: bool


def add_branch(conn: Connection, code: str, name: str, now: datetime) -> None:
    """Register a branch. Raises InvalidRequest for a malformed code or empty name,
    Conflict when the code is taken."""
    if not BRANCH_CODE_PATTERN.match(code):
        raise InvalidRequest("hq.branch.bad_code", branch=code[:40])
    name = name.strip()
    if not name or len(name) > 200 or not name.isprintable():
        raise InvalidRequest("hq.branch.bad_name")
    if conn.execute(select(_branches.c.code).where(_branches.c.code == code)).first():
        raise Conflict("hq.branch.exists", branch=code)
    conn.execute(insert(_branches).values(code=code, name=name, created_at=now))


def list_branches(conn: Connection) -> list[tuple[str, str]]:
    return [(r.code, r.name) for r in conn.execute(
        select(_branches.c.code, _branches.c.name).order_by(_branches.c.code))]


def list_devices(conn: Connection, branch_code: str | None = None) -> list[DeviceSummary]:
    query = select(_devices).order_by(_devices.c.branch_code, _devices.c.number)
    if branch_code:
        query = query.where(_devices.c.branch_code == branch_code)
    return [DeviceSummary(r.id, r.branch_code, r.number, r.name, r.revoked_at is not None)
            for r in conn.execute(query)]


def publish_reference(conn: Connection, kind: str, content: Any, now: datetime) -> int:
    """Publish a new version of reference document `kind`; returns its version number.

    A roster (`{"staff": [...]}` or a list) is per branch: each entry names its
    `branch_code`, and every branch gets a row with its own part only (an empty list for
    a registered branch the roster leaves out), so no device reads another branch's staff
    or password hashes. Every other kind is one row all branches read.

    Raises InvalidRequest for an unknown kind, content that is not a JSON object or list,
    or a roster entry without branch code, number or a known role.
    """
    if kind not in REFERENCE_KINDS:
        raise InvalidRequest("hq.reference.unknown_kind", kind=kind[:40])
    if not isinstance(content, dict | list):
        raise InvalidRequest("hq.reference.bad_content", kind=kind)
    parts: dict[str, Any] = _roster_parts(conn, content) if kind == ROSTER else {"": content}
    change_lock(conn)
    version = int(conn.execute(
        select(func.coalesce(func.max(_references.c.version), 0))
        .where(_references.c.kind == kind)
    ).scalar_one()) + 1
    first = allocate_seqs(conn, len(parts))
    rows = [{"seq": first + i, "kind": kind, "version": version, "branch_code": branch,
             "content": json.dumps(part, ensure_ascii=False, allow_nan=False,
                                   separators=(",", ":")), "published_at": now}
            for i, (branch, part) in enumerate(sorted(parts.items()))]
    conn.execute(insert(_references), rows)
    if kind == ROSTER:
        roles = {(b, str(e["number"]).strip().upper(), str(e["role"]))
                 for b, part in parts.items() for e in part["staff"]}
        insert_ignoring_existing(conn, _roster_roles, [
            {"branch_code": b, "staff_number": n, "role": r} for b, n, r in sorted(roles)],
            "branch_code")
    return version


def _roster_parts(conn: Connection, content: Any) -> dict[str, dict[str, Any]]:
    entries = content.get("staff") if isinstance(content, dict) else content
    if not isinstance(entries, list):
        raise InvalidRequest("hq.reference.bad_content", kind=ROSTER)
    units = content.get("units", []) if isinstance(content, dict) else []
    if not isinstance(units, list):
        raise InvalidRequest("hq.reference.bad_content", kind=ROSTER)
    parts: dict[str, dict[str, Any]] = {
        code: {"staff": [], "units": []} for code in conn.execute(select(_branches.c.code)).scalars()}
    roles = {r.value for r in Role}
    for position, entry in enumerate(entries):
        branch = entry.get("branch_code") if isinstance(entry, dict) else None
        if (not isinstance(branch, str) or not BRANCH_CODE_PATTERN.match(branch)
                or not str(entry.get("number", "")).strip() or entry.get("role") not in roles):
            raise InvalidRequest("hq.reference.bad_roster_entry", position=position)
        parts.setdefault(branch, {"staff": [], "units": []})["staff"].append(entry)
    # A branch's units (recusal: the unit complained about) go with its part, as its staff do.
    for position, unit in enumerate(units, start=len(entries)):
        branch = unit.get("branch_code") if isinstance(unit, dict) else None
        if (not isinstance(branch, str) or not BRANCH_CODE_PATTERN.match(branch)
                or not str(unit.get("code", "")).strip()):
            raise InvalidRequest("hq.reference.bad_roster_entry", position=position)
        parts.setdefault(branch, {"staff": [], "units": []})["units"].append(unit)
    return parts


def _money(value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise InvalidRequest("hq.decision.bad_amount") from None
    if not amount.is_finite() or amount < 0:
        raise InvalidRequest("hq.decision.bad_amount")
    return str(amount)


def _case(conn: Connection, branch_code: str, reference: str) -> tuple[str, list[Event], Any]:
    """(complaint id, events, folded view) of the case `branch_code` owns under `reference`
    at HQ — read from HQ's complaint rows, whose references are checked and unique at push
    (hq.semantics). Takes the change lock first, so no push changes the case between this
    check and the decision (and locks are always taken in the order pushes take them).
    Raises NotFound."""
    change_lock(conn)
    case = conn.execute(
        select(_complaints.c.id)
        .where(_complaints.c.reference == reference, _complaints.c.branch_code == branch_code)
    ).first()
    timeline = [] if case is None else [
        complaints.event_from_body(r.body, r.hash) for r in conn.execute(
            select(_events.c.body, _events.c.hash).where(_events.c.complaint_id == case.id))]
    view = fold(timeline)
    if case is None or view is None:
        raise NotFound("hq.decision.unknown_reference", branch=branch_code[:32],
                       reference=reference[:64])
    return str(case.id), timeline, view


def decide_extension(conn: Connection, branch_code: str, reference: str, *, officer: str,
                     approve: bool, reason: str = "", now: datetime) -> EventWire:
    """HQ approves or declines the extension a branch requested (an `extension_decided`
    event, HQ-only, reaching the branch by pull). Approval is refused once the deadline has
    passed (an overdue case stays overdue) and checked against the case's policy; a decline
    needs a reason.

    Raises NotFound (no such reference of `branch_code`), Conflict (no request pending, deadline passed) and
    InvalidRequest (no officer, a decline without reason, a date the policy does not allow).
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    officer = officer.strip()
    if not officer or len(officer) > 32 or not officer.isprintable():
        raise InvalidRequest("hq.extension.bad_officer")
    reason = reason.strip()
    if not approve and not reason:
        raise InvalidRequest("hq.extension.reason_required")
    if len(reason) > 1000 or not reason.replace("\n", " ").isprintable():
        raise InvalidRequest("hq.extension.bad_reason")
    complaint_id, timeline, view = _case(conn, branch_code, reference)
    request = view.extension_request
    if not view.status.is_open or not request:
        raise Conflict("hq.extension.no_request", reference=reference[:64])
    level = int(request["level"])
    payload: dict[str, Any] = {"level": level, "approved": approve, "reason": reason,
                               "officer": officer, "new_due": None, "notify_customer": True}
    if approve:
        if now > view.decision_due:
            raise Conflict("hq.extension.deadline_passed", reference=reference[:64])
        received = next(e for e in timeline if e.kind is EventKind.RECEIVED)
        policy = load_policy(str(received.payload.get("policy_id") or DEFAULT_POLICY_ID))
        try:
            latest = policy.extended_due(view.received_at, view.decision_due, level,
                                         Role.HQ_OFFICER, view.business_type or None,
                                         view.cause or None, now=now)
            new_due = datetime.fromisoformat(str(request["new_due"]))
        except (DomainError, ValueError):
            raise InvalidRequest("hq.extension.not_allowed", reference=reference[:64]) from None
        if not view.decision_due < new_due <= latest:
            raise InvalidRequest("hq.extension.not_allowed", reference=reference[:64])
        payload["new_due"] = new_due.isoformat()
        payload["notify_customer"] = policy.extension_level(
            level, view.business_type or None, view.cause or None).notify_customer
    return _write_hq_event(conn, complaint_id, branch_code, timeline, EventKind.EXTENSION_DECIDED,
                           payload, officer, now)


def decide_escalated_case(
    conn: Connection, branch_code: str, reference: str, *, outcome: Outcome, findings: str,
    verification: str, remedy: str = "", compensation: str | None = None,
    officer: str = HQ_DEVICE_ID, now: datetime, basis: str = "", basis_reference: str = "",
    customer_summary: str,
) -> EventWire:
    """Write HQ's decision on an escalated complaint of `branch_code` into its branch's
    event stream (actor role hq_officer, device "HQ") and fold it into the complaint's
    row; the branch's devices get it on their next pull. `customer_summary` is what the
    branch's decision letter tells the customer (second person) in place of the findings.

    Raises NotFound unless HQ holds a complaint with this reference owned by this branch,
    Conflict (hq.decision.not_escalated) when the case is not escalated as HQ sees it,
    InvalidRequest (hq.decision.customer_summary_required) for a blank customer summary.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not customer_summary.strip():
        raise InvalidRequest("hq.decision.customer_summary_required")
    complaint_id, timeline, view = _case(conn, branch_code, reference)
    try:
        check_transition(view.status, Action.HQ_DECIDE, Role.HQ_OFFICER)
    except DomainError as exc:
        raise Conflict("hq.decision.not_escalated", reference=reference[:64],
                       state=view.status.value) from exc
    payload: dict[str, Any] = {
        "outcome": outcome.value, "findings": findings, "verification": verification,
        "remedy": remedy, "compensation": _money(compensation),
        "basis": basis, "basis_reference": basis_reference,
        "customer_summary": customer_summary.strip(),
    }
    return _write_hq_event(conn, complaint_id, branch_code, timeline, EventKind.HQ_DECISION,
                           payload, officer, now)


def _write_hq_event(conn: Connection, complaint_id: str, branch_code: str, timeline: list[Event],
                    kind: EventKind, payload: dict[str, Any], officer: str,
                    now: datetime) -> EventWire:
    """Append an HQ-written event (device "HQ", role hq_officer) to the branch's stream, on
    HQ's own audit chain for that branch, and fold it into the complaint's row; devices get
    it on their next pull. The payload is checked by its kind's model like any other."""
    try:
        check_payload(kind, payload)
    except pydantic.ValidationError:
        raise InvalidRequest("hq.decision.bad_text") from None
    latest = max(Stamp.parse(ev.hlc) for ev in timeline)
    stamp = HybridClock(lambda: int(now.timestamp() * 1000)).observe(latest)
    head = _lock_hq_chain_head(conn, branch_code, now)
    draft = Event(
        id=uuid.uuid4().hex, complaint_id=complaint_id, kind=kind,
        payload=payload, actor=officer, actor_role=Role.HQ_OFFICER, device_id=HQ_DEVICE_ID,
        branch_code=branch_code, hlc=str(stamp), occurred_at=now,
        business_date=now.astimezone().date(), prev_hash=head,
    )
    body = canonical_json(event_body(draft))
    event = dataclasses.replace(draft, hash=hashlib.sha256(body).hexdigest())
    change_lock(conn)
    seq = allocate_seqs(conn, 1)
    conn.execute(insert(_events).values(
        id=event.id, seq=seq, branch_code=branch_code, device_id=HQ_DEVICE_ID,
        complaint_id=complaint_id, kind=event.kind.value, reference=None,
        business_date=event.business_date, hlc=event.hlc, prev_hash=head, hash=event.hash,
        body=body.decode("utf-8"), stored_at=now,
    ))
    conn.execute(update(_heads).where(_heads.c.branch_code == branch_code,
                                      _heads.c.device_id == HQ_DEVICE_ID)
                 .values(head_hash=event.hash, updated_at=now))
    complaints.refold(conn, {complaint_id: [event]}, {}, {complaint_id: seq})
    return EventWire.from_event(event)


def _lock_hq_chain_head(conn: Connection, branch_code: str, now: datetime) -> str:
    """HQ's own audit chain runs per branch, so each branch sees an unbroken chain."""
    where = (_heads.c.branch_code == branch_code, _heads.c.device_id == HQ_DEVICE_ID)
    head = conn.execute(select(_heads.c.head_hash).where(*where).with_for_update()).scalar()
    if head is None:
        conn.execute(insert(_heads).values(branch_code=branch_code, device_id=HQ_DEVICE_ID,
                                           head_hash=GENESIS, updated_at=now))
        return GENESIS
    return str(head)
