"""Push: a device hands HQ a batch of its events. HQ checks each one's form and meaning
(hq.semantics), stores the new ones by event id with their identity members encrypted
(hq.vault), folds the complaints they touch (hq.complaints) and remembers the answer
under the batch key, all in one transaction: a batch is stored whole or not at all, and
a retried batch changes nothing.

What can go wrong (each an HqError the app answers with its status; hq/README.md lists
every code): 403 the device may not write that event, 409 it contradicts what HQ holds,
413 an event too large, 422 the event is not what it claims or its payload is not its
kind's (desktop.sync.payloads), or it is stamped by a clock ahead of HQ's
(hq.push.clock_ahead, check_clocks).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pydantic
from sqlalchemy import Connection, insert, select, update

from desktop.domain.chain import GENESIS, canonical_json, event_body
from desktop.domain.errors import ValidationError
from desktop.domain.hlc import Stamp, max_drift_ms, minutes_ahead
from desktop.domain.model import Event, EventKind
from desktop.domain.reference import parse_reference
from desktop.sync.payloads import (
    HQ_ONLY_KINDS,
    MAX_EVENT_PAYLOAD_BYTES,
    branch_may_claim,
    check_payload,
)
from desktop.sync.wire import EventWire, PushRequest, PushResponse
from hq import complaints, semantics, tables
from hq.db import allocate_seqs, change_lock, existing_keys, insert_new
from hq.enrollment import Device
from hq.errors import BodyTooLarge, Conflict, Forbidden, InvalidRequest
from hq.vault import Vault, split_identity

_events = tables.events
_heads = tables.chain_heads
_batches = tables.push_batches
# The fields around a payload (ids, times, hashes) take well under this.
MAX_EVENT_BYTES = MAX_EVENT_PAYLOAD_BYTES + 4096


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """An event whose form, hash and claims have been checked. `stored_body` is its
    canonical JSON without hash and identity members; `identity` the canonical JSON of
    those members (None when it has none)."""

    event: Event
    reference: str | None
    stored_body: str
    identity: bytes | None

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def hash(self) -> str:
        return self.event.hash

    @property
    def prev_hash(self) -> str:
        return self.event.prev_hash


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _check_claims(device: Device, wire: EventWire) -> None:
    """Who the event says wrote it: this device, of its branch, in a branch role."""
    if wire.branch_code != device.branch_code:
        raise Forbidden("hq.push.wrong_branch", event_id=wire.id)
    if wire.device_id != device.id:
        raise Forbidden("hq.push.wrong_device", event_id=wire.id)
    if wire.kind in HQ_ONLY_KINDS:
        raise Forbidden("hq.push.hq_only", event_id=wire.id)
    if not branch_may_claim(wire.kind, wire.actor_role):
        raise Forbidden("hq.push.role_not_allowed", event_id=wire.id, role=wire.actor_role.value)
    if not (wire.id.isascii() and wire.id.isprintable() and wire.complaint_id.isascii()
            and wire.complaint_id.isprintable() and wire.actor.isprintable()):
        raise InvalidRequest("hq.push.bad_value", event_id="-")


def _check_payload(wire: EventWire) -> None:
    try:
        check_payload(wire.kind, wire.payload)
    except pydantic.ValidationError as exc:
        first = exc.errors(include_input=False)[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "-"
        raise InvalidRequest("hq.push.bad_payload", event_id=wire.id, kind=wire.kind.value,
                             field=field[:120]) from None


def _check_reference(device: Device, wire: EventWire) -> str:
    """A new complaint's reference must be one this device hands out."""
    text = str(wire.payload["reference"])
    try:
        parts = parse_reference(text)
    except ValidationError:
        raise InvalidRequest("hq.push.bad_payload", event_id=wire.id, kind=wire.kind.value,
                             field="reference") from None
    if parts.branch_code != device.branch_code or parts.device_number != device.number:
        raise Forbidden("hq.push.foreign_reference", event_id=wire.id)
    return text


def check_events(device: Device, request: PushRequest, *,
                 floats: bool = True) -> list[CheckedEvent]:
    """Check what can be checked without the database: claims, payloads, hashes.
    `floats=False` says the request's JSON held no float (hq.app.parse_push), so that its
    canonical form is written the fast way (desktop.domain.chain.canonical_json).

    Raises Forbidden for an event the device may not write, InvalidRequest for a wrong
    hash, payload or value, BodyTooLarge for an event over MAX_EVENT_BYTES.
    """
    checked: list[CheckedEvent] = []
    no_floats = not floats
    for wire in request.events:
        _check_claims(device, wire)
        event = wire.to_event()
        try:
            fields = event_body(event)
            body = canonical_json(fields, no_floats=no_floats)
        except (ValueError, TypeError, RecursionError):
            raise InvalidRequest("hq.push.bad_value", event_id=wire.id) from None
        if len(body) > MAX_EVENT_BYTES:
            raise BodyTooLarge("hq.push.event_too_large", event_id=wire.id,
                               limit=MAX_EVENT_PAYLOAD_BYTES)
        if b"NaN" in body or b"Infinity" in body:
            try:
                json.loads(body, parse_constant=_reject_constant)
            except ValueError:
                raise InvalidRequest("hq.push.bad_value", event_id=wire.id) from None
        if hashlib.sha256(body).hexdigest() != wire.hash:
            raise InvalidRequest("hq.push.hash_mismatch", event_id=wire.id)
        _check_payload(wire)
        reference = _check_reference(device, wire) if wire.kind is EventKind.RECEIVED else None
        stored, identity = split_identity(event, fields, body, no_floats=no_floats)
        checked.append(CheckedEvent(event, reference, stored, identity))
    return checked


def batch_fingerprint(events: Sequence[CheckedEvent]) -> str:
    digest = hashlib.sha256()
    for ev in events:
        digest.update(f"{ev.id}\x1f{ev.hash}\n".encode())
    return digest.hexdigest()


def store_batch(conn: Connection, device: Device, batch_key: str,
                events: Sequence[CheckedEvent], now: datetime, vault: Vault) -> PushResponse:
    """Store the new events of a checked batch and remember the answer under `batch_key`.

    Call inside a transaction; on any error the caller rolls back and nothing is stored.
    """
    head = _lock_chain_head(conn, device, now)
    fingerprint = batch_fingerprint(events)
    earlier = conn.execute(
        select(_batches.c.fingerprint, _batches.c.accepted, _batches.c.duplicates)
        .where(_batches.c.device_id == device.id, _batches.c.batch_key == batch_key)
    ).first()
    if earlier is not None:
        if earlier.fingerprint != fingerprint:
            raise Conflict("hq.push.batch_key_reused")
        return PushResponse(accepted=earlier.accepted, duplicates=earlier.duplicates)

    new_events, duplicates = _split_new(conn, events)
    if new_events:
        # Checked and prepared before the lock that orders commits, so that pushes of
        # different devices overlap in everything but their inserts. What the checks read
        # can change meanwhile only by another device's push: of this device's chain head
        # (locked above) and of its references (this device's own), nothing; a complaint id
        # another push takes first is caught at insert (hq.complaints.store_folded), and the
        # unique keys of events and references stay the backstop.
        semantics.check_chain(conn, device, head, [ev.event for ev in new_events])
        receipts = semantics.check_meaning(conn, device, [(ev.event, ev.reference)
                                                          for ev in new_events])
        rows = _sealed_rows(conn, new_events, now, vault, receipts)
        touched = complaints.touched_by(ev.event for ev in new_events)
        folded = complaints.fold_touched(conn, touched, receipts)
        change_lock(conn)
        first = allocate_seqs(conn, len(rows))
        last_seq: dict[str, int] = {}
        for i, row in enumerate(rows):
            row["seq"] = first + i
            last_seq[row["complaint_id"]] = first + i
        clash = insert_new(conn, _events, rows, ("id",))
        if clash is not None:
            # Another device stored an event under the same id a moment ago.
            raise Conflict("hq.push.event_conflict", event_id=clash[1]["id"])
        complaints.store_folded(conn, folded, touched, receipts, last_seq)
        conn.execute(
            update(_heads)
            .where(_heads.c.branch_code == device.branch_code, _heads.c.device_id == device.id)
            .values(head_hash=new_events[-1].hash, updated_at=now)
        )
    conn.execute(insert(_batches).values(
        device_id=device.id, batch_key=batch_key, fingerprint=fingerprint,
        accepted=len(new_events), duplicates=duplicates, created_at=now,
    ))
    return PushResponse(accepted=len(new_events), duplicates=duplicates)


def _lock_chain_head(conn: Connection, device: Device, now: datetime) -> str:
    """The device's chain head, locked until the transaction ends so that pushes of one
    device never interleave (pushes of different devices run side by side)."""
    where = (_heads.c.branch_code == device.branch_code, _heads.c.device_id == device.id)
    head = conn.execute(select(_heads.c.head_hash).where(*where).with_for_update()).scalar()
    if head is None:
        conn.execute(insert(_heads).values(branch_code=device.branch_code, device_id=device.id,
                                           head_hash=GENESIS, updated_at=now))
        head = conn.execute(select(_heads.c.head_hash).where(*where).with_for_update()).scalar()
    return str(head)


def _split_new(conn: Connection, events: Sequence[CheckedEvent]) -> tuple[list[CheckedEvent], int]:
    """The events HQ does not hold yet (in batch order) and how many it does."""
    ids = list({ev.id for ev in events})
    stored = {row.id: row.hash for row in existing_keys(conn, _events, "id", ids, "hash")}
    seen: dict[str, str] = {}
    new_events: list[CheckedEvent] = []
    duplicates = 0
    for ev in events:
        known_hash = stored.get(ev.id) or seen.get(ev.id)
        if known_hash is not None:
            if known_hash != ev.hash:
                raise Conflict("hq.push.event_conflict", event_id=ev.id)
            duplicates += 1
            continue
        seen[ev.id] = ev.hash
        new_events.append(ev)
    return new_events, duplicates


def _sealed_rows(conn: Connection, events: Sequence[CheckedEvent], now: datetime,
                 vault: Vault, receipts: dict[str, complaints.Receipt]) -> list[dict[str, Any]]:
    """The rows of `events` (without their change numbers), identity members sealed under
    one new data key; the receipts of new complaints get their customer's keyed hash."""
    sealing = None
    if any(ev.identity is not None for ev in events):
        sealing = vault.new_data_key(conn, now)
    rows: list[dict[str, Any]] = []
    for checked in events:
        ev = checked.event
        sealed, key_id = None, None
        if checked.identity is not None and sealing is not None:
            key_id = sealing[0]
            sealed = vault.seal(sealing[1], ev.id, checked.identity)
            receipt = receipts.get(ev.complaint_id)
            if receipt is not None:
                receipts[ev.complaint_id] = complaints.Receipt(
                    receipt.owner_device_id, receipt.received_date,
                    complaints.customer_key(vault, ev.payload),
                    complaints.phone_key(vault, ev.payload))
        rows.append({
            "id": ev.id, "seq": 0, "branch_code": ev.branch_code,
            "device_id": ev.device_id, "complaint_id": ev.complaint_id, "kind": ev.kind.value,
            "reference": checked.reference, "business_date": ev.business_date, "hlc": ev.hlc,
            "prev_hash": ev.prev_hash, "hash": ev.hash, "body": checked.stored_body,
            "stored_at": now, "identity": sealed, "data_key_id": key_id,
        })
    return rows


def check_clocks(request: PushRequest, now: datetime) -> None:
    """Refuse a batch holding an event stamped further ahead of HQ's clock than the policy's
    drift bound (resources/security_policy.json): a PC whose clock is set ahead would
    otherwise drag every device of its branch forward. Raises InvalidRequest."""
    now_ms, bound = int(now.timestamp() * 1000), max_drift_ms()
    for wire in request.events:
        ahead = Stamp.parse(wire.hlc).wall_ms - now_ms
        if ahead > bound:
            raise InvalidRequest("hq.push.clock_ahead", event_id=wire.id,
                                 minutes=minutes_ahead(ahead))
