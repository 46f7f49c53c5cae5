"""Complaints that reach HQ by the other channels (hotline, web, app, letter, 12378
referrals), recorded at HQ for the responsible branch: the console's form and the
intake API (POST /api/v1/intake) both end here.

The intake is checked exactly as the counter checks it (desktop.domain.validation.
check_intake on desktop.services.intake.Intake), the decision deadline runs from HQ's
receipt under the policy in force, and the `received` event goes into the branch's
stream on HQ's own chain for that branch (device "HQ"), identity encrypted like any
pushed event; the branch's devices get it on their next pull and it joins their
worklist. A request id makes a repeat (a retry after a lost answer) return the first
answer instead of recording a second complaint.

What can go wrong: IntakeInvalid (every field error), NotFound (no such branch),
Conflict (the request id was used for a different complaint).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pydantic
from sqlalchemy import Connection, func, insert, select, update

from desktop.domain.chain import canonical_json, event_body
from desktop.domain.errors import ValidationError
from desktop.domain.hlc import HybridClock
from desktop.domain.model import Channel, Event, EventKind, Role
from desktop.domain.reference import make_reference
from desktop.domain.validation import check_intake
from desktop.services.intake import Intake, event_fields
from desktop.sync.payloads import check_payload
from desktop.sync.wire import HQ_DEVICE_ID
from hq import complaints, reference_data, tables
from hq.admin import _lock_hq_chain_head
from hq.casework import taxonomy_in_force
from hq.db import allocate_seqs, change_lock
from hq.errors import Conflict, HqError, InvalidRequest, NotFound
from hq.ingest import split_identity
from hq.office_tables import intake_requests
from hq.vault import Vault

# References of complaints HQ records carry this device number (branch PCs count from 1).
HQ_INTAKE_DEVICE_NUMBER = 99
HQ_CHANNELS = tuple(c for c in Channel if c is not Channel.COUNTER)
_events = tables.events
_heads = tables.chain_heads


class IntakeInvalid(HqError):
    """The intake fails the counter's own checks; `errors` holds every field error."""

    code = "hq.intake.invalid"
    status = 422

    def __init__(self, errors: list[ValidationError]) -> None:
        first = errors[0] if errors else None
        super().__init__(field=first.field if first else "-",
                         problem=first.message("en") if first else "")
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Recorded:
    complaint_id: str
    branch_code: str
    reference: str
    decision_due: datetime
    replayed: bool = False


def _fingerprint(branch_code: str, intake: Intake) -> str:
    text = json.dumps({"branch": branch_code, **intake.as_dict()}, sort_keys=True,
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def record_at_hq(conn: Connection, vault: Vault, *, branch_code: str, intake: Intake,
                 officer: str, source: str, request_id: str, now: datetime) -> Recorded:
    """Record `intake` for `branch_code` as received at HQ now (see the module doc)."""
    fingerprint = _fingerprint(branch_code, intake)
    earlier = conn.execute(select(intake_requests).where(
        intake_requests.c.source == source, intake_requests.c.request_id == request_id)).first()
    if earlier is not None:
        if earlier.fingerprint != fingerprint:
            raise Conflict("hq.intake.request_id_reused", request_id=request_id[:100])
        due = conn.execute(select(tables.complaints.c.decision_due)
                           .where(tables.complaints.c.id == earlier.complaint_id)).scalar_one()
        return Recorded(earlier.complaint_id, earlier.branch_code, earlier.reference, due,
                        replayed=True)
    if conn.execute(select(tables.branches.c.code)
                    .where(tables.branches.c.code == branch_code)).first() is None:
        raise NotFound("hq.branch.unknown", branch=branch_code[:40])
    policy = reference_data.policy_in_force(conn)
    zone = ZoneInfo(policy.timezone)
    business_date = now.astimezone(zone).date()
    check = check_intake(intake.as_dict(), today=business_date, taxonomy=taxonomy_in_force(conn))
    errors = list(check.errors)
    if intake.channel is Channel.COUNTER:
        errors.append(ValidationError("hq.intake.counter_channel", field="channel"))
    if not intake.consent:
        errors.append(ValidationError("validation.consent_required", field="consent"))
    if errors:
        raise IntakeInvalid(errors)
    form = check.cleaned
    customer = {k: form["customer"].get(k) or "" for k in (
        "kind", "name", "id_type", "id_number", "phone", "address", "credit_code",
        "contact_person")}
    customer["id_type"] = form["customer"].get("id_type") or None
    customer["id"] = str(uuid.uuid4())
    due = policy.decision_due(now, form["business_type"], form["cause"])

    change_lock(conn)  # also orders the daily sequence of HQ's references for the branch
    sequence = int(conn.execute(
        select(func.count()).select_from(_events)
        .where(_events.c.branch_code == branch_code, _events.c.device_id == HQ_DEVICE_ID,
               _events.c.kind == EventKind.RECEIVED.value,
               _events.c.business_date == business_date)).scalar_one()) + 1
    reference = make_reference(branch_code, HQ_INTAKE_DEVICE_NUMBER, business_date, sequence)
    payload: dict[str, Any] = {
        **event_fields(form), "reference": reference, "customer": customer,
        "received_at": now.isoformat(), "decision_due": due.isoformat(),
        "policy_id": policy.policy_id,
    }
    try:
        check_payload(EventKind.RECEIVED, payload)
    except pydantic.ValidationError as exc:
        first = exc.errors(include_input=False)[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "-"
        raise InvalidRequest("hq.intake.invalid", field=field[:100],
                             problem=str(first.get("msg", ""))[:200]) from None
    complaint_id = str(uuid.uuid4())
    head = _lock_hq_chain_head(conn, branch_code, now)
    stamp = HybridClock(lambda: int(now.timestamp() * 1000)).tick()
    draft = Event(
        id=uuid.uuid4().hex, complaint_id=complaint_id, kind=EventKind.RECEIVED,
        payload=payload, actor=officer, actor_role=Role.HQ_OFFICER, device_id=HQ_DEVICE_ID,
        branch_code=branch_code, hlc=str(stamp), occurred_at=now,
        business_date=business_date, prev_hash=head)
    fields = event_body(draft)
    body = canonical_json(fields)
    event = dataclasses.replace(draft, hash=hashlib.sha256(body).hexdigest())
    stored, identity = split_identity(event, dict(fields), body)
    key_id, aead = vault.new_data_key(conn, now)
    sealed = vault.seal(aead, event.id, identity) if identity is not None else None
    seq = allocate_seqs(conn, 1)
    conn.execute(insert(_events).values(
        id=event.id, seq=seq, branch_code=branch_code, device_id=HQ_DEVICE_ID,
        complaint_id=complaint_id, kind=EventKind.RECEIVED.value, reference=reference,
        business_date=business_date, hlc=event.hlc, prev_hash=head, hash=event.hash,
        body=stored, stored_at=now, identity=sealed, data_key_id=key_id if sealed else None))
    conn.execute(update(_heads).where(_heads.c.branch_code == branch_code,
                                      _heads.c.device_id == HQ_DEVICE_ID)
                 .values(head_hash=event.hash, updated_at=now))
    receipt = complaints.Receipt(HQ_DEVICE_ID, business_date,
                                 complaints.customer_key(vault, payload),
                                 complaints.phone_key(vault, payload))
    complaints.refold(conn, {complaint_id: [event]}, {complaint_id: receipt},
                      {complaint_id: seq})
    conn.execute(insert(intake_requests).values(
        source=source, request_id=request_id, fingerprint=fingerprint,
        complaint_id=complaint_id, branch_code=branch_code, reference=reference,
        created_at=now))
    return Recorded(complaint_id, branch_code, reference, due)
