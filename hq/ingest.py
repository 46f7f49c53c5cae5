"""Push: a device hands HQ a batch of its events. HQ checks each one (its branch and
device, its hash, its link in the device's audit chain), stores the new ones by event
id and remembers the answer under the batch key, all in one transaction: a batch is
stored whole or not at all, and a retried batch changes nothing.

What can go wrong (each an HqError the app answers with its status):
  403 hq.push.wrong_branch / wrong_device / hq_only   the device may not write that event
  422 hq.push.hash_mismatch / bad_value              the event is not what it claims
  409 hq.push.chain_broken                           prev_hash links to nothing HQ holds
  409 hq.push.event_conflict                         an event id HQ holds with other content
  409 hq.push.batch_key_reused                       a batch key sent before with other events
  422 hq.push.clock_ahead                            stamped by a clock ahead of HQ's (check_clocks)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from desktop.domain.chain import GENESIS, canonical_json, event_body
from desktop.domain.hlc import Stamp, max_drift_ms, minutes_ahead
from desktop.domain.model import EventKind
from desktop.sync.wire import PushRequest, PushResponse
from hq import tables
from hq.db import allocate_seqs, change_lock, existing_keys, insert_ignoring_existing
from hq.enrollment import Device
from hq.errors import Conflict, Forbidden, InvalidRequest

_events = tables.events
_heads = tables.chain_heads
_batches = tables.push_batches


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """An event whose hash has been recomputed; `body` is its canonical JSON without hash."""

    id: str
    complaint_id: str
    kind: str
    reference: str | None
    branch_code: str
    device_id: str
    business_date: date
    hlc: str
    prev_hash: str
    hash: str
    body: str


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _clean_reference(value: Any) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= 64 and value.isprintable():
        return value
    return None


def check_events(device: Device, request: PushRequest) -> list[CheckedEvent]:
    """Check what can be checked without the database: ownership and hashes.

    Raises Forbidden for an event of another branch or device (or an HQ decision),
    InvalidRequest for a wrong hash or a value HQ cannot store.
    """
    checked: list[CheckedEvent] = []
    for wire in request.events:
        if wire.branch_code != device.branch_code:
            raise Forbidden("hq.push.wrong_branch", event_id=wire.id)
        if wire.device_id != device.id:
            raise Forbidden("hq.push.wrong_device", event_id=wire.id)
        if wire.kind is EventKind.HQ_DECISION:
            raise Forbidden("hq.push.hq_only", event_id=wire.id)
        if not (wire.id.isprintable() and wire.complaint_id.isprintable()):
            raise InvalidRequest("hq.push.bad_value", event_id="-")
        try:
            body = canonical_json(event_body(wire.to_event()))
        except (ValueError, TypeError, RecursionError):
            raise InvalidRequest("hq.push.bad_value", event_id=wire.id) from None
        if b"NaN" in body or b"Infinity" in body:
            try:
                json.loads(body, parse_constant=_reject_constant)
            except ValueError:
                raise InvalidRequest("hq.push.bad_value", event_id=wire.id) from None
        if hashlib.sha256(body).hexdigest() != wire.hash:
            raise InvalidRequest("hq.push.hash_mismatch", event_id=wire.id)
        checked.append(CheckedEvent(
            id=wire.id, complaint_id=wire.complaint_id, kind=wire.kind.value,
            reference=(_clean_reference(wire.payload.get("reference"))
                       if wire.kind is EventKind.RECEIVED else None),
            branch_code=wire.branch_code, device_id=wire.device_id,
            business_date=wire.business_date, hlc=wire.hlc, prev_hash=wire.prev_hash,
            hash=wire.hash, body=body.decode("utf-8"),
        ))
    return checked


def batch_fingerprint(events: Sequence[CheckedEvent]) -> str:
    digest = hashlib.sha256()
    for ev in events:
        digest.update(f"{ev.id}\x1f{ev.hash}\n".encode())
    return digest.hexdigest()


def store_batch(conn: Connection, device: Device, batch_key: str,
                events: Sequence[CheckedEvent], now: datetime) -> PushResponse:
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
        _check_chain(conn, device, head, events, {ev.id for ev in new_events})
        _insert_events(conn, new_events, now)
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


def _check_chain(conn: Connection, device: Device, head: str,
                 events: Sequence[CheckedEvent], new_ids: set[str]) -> None:
    """Each new event must link to the device's chain head, to an event before it in
    the batch, or to an event of the device HQ already holds. Raises Conflict."""
    batch_hashes = {ev.hash for ev in events}
    unresolved = {ev.prev_hash for ev in events if ev.id in new_ids} - batch_hashes - {head}
    unresolved.discard(GENESIS)
    known = {head}
    if unresolved:
        rows = conn.execute(
            select(_events.c.hash).where(
                _events.c.branch_code == device.branch_code, _events.c.device_id == device.id,
                _events.c.hash.in_(list(unresolved)),
            )
        )
        known.update(rows.scalars())
    for ev in events:
        if ev.id in new_ids and ev.prev_hash not in known:
            raise Conflict("hq.push.chain_broken", event_id=ev.id)
        known.add(ev.hash)


def _insert_events(conn: Connection, events: Sequence[CheckedEvent], now: datetime) -> None:
    change_lock(conn)
    first = allocate_seqs(conn, len(events))
    rows = [
        {
            "id": ev.id, "seq": first + i, "branch_code": ev.branch_code,
            "device_id": ev.device_id, "complaint_id": ev.complaint_id, "kind": ev.kind,
            "reference": ev.reference, "business_date": ev.business_date, "hlc": ev.hlc,
            "prev_hash": ev.prev_hash, "hash": ev.hash, "body": ev.body, "stored_at": now,
        }
        for i, ev in enumerate(events)
    ]
    inserted = insert_ignoring_existing(conn, _events, rows, "id")
    if len(inserted) != len(rows):
        # Another device stored an event under the same id a moment ago.
        clash = next(ev.id for ev in events if ev.id not in inserted)
        raise Conflict("hq.push.event_conflict", event_id=clash)


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
