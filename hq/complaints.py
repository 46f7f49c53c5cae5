"""HQ's complaint rows: each complaint's events folded by the domain's own projection
(desktop.domain.projection.fold), so HQ, the console and every branch device read a
case the same way. Pushes and HQ decisions refold the complaints they touch in the
transaction that stores their events; `rebuild` makes every row again from the events
(`complaint-desk-hq rebuild`) and gives the same rows.

The rows carry no identity data: `customer_key` is the keyed hash of the customer's ID
number or credit code (hq.vault.Vault.lookup_key), `phone_key` that of their phone number
(Vault.phone_key); rows from before schema 0007 get theirs from `rebuild`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, func, select

from desktop.domain.model import ComplaintView, Event, EventKind, Role
from desktop.domain.projection import fold
from hq import tables
from hq.db import existing_keys, insert_new, upsert_rows
from hq.errors import Conflict
from hq.vault import Vault, seal_plaintext

_complaints = tables.complaints
_events = tables.events
REBUILD_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Receipt:
    """What a complaint row keeps from its `received` event besides the fold."""

    owner_device_id: str
    received_date: date
    customer_key: str | None
    phone_key: str | None = None


def event_from_body(body: str | Mapping[str, Any], event_hash: str) -> Event:
    """The domain event of a stored body (identity members may be absent: the fold does
    not read them)."""
    d = json.loads(body) if isinstance(body, str) else body
    return Event(
        id=d["id"], complaint_id=d["complaint_id"], kind=EventKind(d["kind"]),
        payload=d["payload"], actor=d["actor"], actor_role=Role(d["actor_role"]),
        device_id=d["device_id"], branch_code=d["branch_code"], hlc=d["hlc"],
        occurred_at=datetime.fromisoformat(d["occurred_at"]),
        business_date=date.fromisoformat(d["business_date"]), prev_hash=d["prev_hash"],
        hash=event_hash,
    )


def customer_key(vault: Vault, payload: Mapping[str, Any]) -> str | None:
    customer = payload.get("customer")
    if not isinstance(customer, Mapping):
        return None
    number = customer.get("id_number") or customer.get("credit_code")
    return vault.lookup_key(number) if isinstance(number, str) and number.strip() else None


def action_columns(view: ComplaintView) -> dict[str, Any]:
    """How many corrective actions are open and the earliest due date among them."""
    dues = sorted(str(a["due"]) for a in view.corrective_actions if a.get("done_at") is None)
    return {"open_actions": len(dues), "next_action_due": dues[0] if dues else None}


def phone_key(vault: Vault, payload: Mapping[str, Any]) -> str | None:
    customer = payload.get("customer")
    phone = customer.get("phone") if isinstance(customer, Mapping) else None
    return vault.phone_key(phone) if isinstance(phone, str) else None


def row_of(view: ComplaintView, receipt: Receipt, last_seq: int) -> dict[str, Any]:
    return {
        "id": view.id, "branch_code": view.branch_code,
        "owner_device_id": receipt.owner_device_id, "reference": view.reference,
        "status": view.status.value, "channel": view.channel.value,
        "business_channel": view.business_channel, "business_type": view.business_type,
        "cause": view.cause, "product": view.product,
        "amount": None if view.amount is None else str(view.amount),
        "received_at": view.received_at, "received_date": receipt.received_date,
        "decision_due": view.decision_due, "received_by": view.received_by,
        "assignee": view.assignee, "escalation_level": view.escalation_level,
        "extensions": view.extensions,
        "outcome": view.outcome.value if view.outcome else None,
        "compensation": None if view.compensation is None else str(view.compensation),
        "satisfaction": view.satisfaction, "resolved_at": view.resolved_at,
        "closed_at": view.closed_at, "withdrawn_at": view.withdrawn_at,
        "needs_review": view.needs_review, "review_reasons": "\n".join(view.review_reasons),
        "customer_key": receipt.customer_key, "phone_key": receipt.phone_key,
        "repeat_of": view.repeat_of, "root_cause": view.root_cause, **action_columns(view),
        "event_count": view.event_count,
        "updated_at": view.updated_at, "last_seq": last_seq,
    }


def stored_events(conn: Connection, complaint_ids: Sequence[str]) -> dict[str, list[Event]]:
    """The events HQ holds of `complaint_ids` (identity members left out)."""
    found: dict[str, list[Event]] = {}
    for row in existing_keys(conn, _events, "complaint_id", complaint_ids, "body", "hash"):
        found.setdefault(row.complaint_id, []).append(event_from_body(row.body, row.hash))
    return found


def refold(conn: Connection, new_events: Mapping[str, Sequence[Event]],
           receipts: Mapping[str, Receipt], last_seq: Mapping[str, int]) -> None:
    """Fold the complaints `new_events` touch into their rows. A complaint whose receipt
    is in `receipts` is new (all its events are in `new_events`); any other has a row
    already, and its stored events are read back and folded with the new ones.
    Call under the change lock (hq.db.change_lock)."""
    store_folded(conn, fold_touched(conn, new_events, receipts), new_events, receipts, last_seq)


@dataclass(slots=True)
class Folded:
    """Complaint rows folded ahead of the change lock (`fold_touched`), without their
    `last_seq`; `versions` is the `last_seq` of each existing row as it was read."""

    rows: dict[str, dict[str, Any]]
    versions: dict[str, int]


def fold_touched(conn: Connection, new_events: Mapping[str, Sequence[Event]],
                 receipts: Mapping[str, Receipt]) -> Folded:
    """The rows of the complaints `new_events` touch, folded with what HQ holds of them.
    May be called before the change lock: `store_folded` folds again any row that changed
    in between."""
    known = [cid for cid in new_events if cid not in receipts]
    stored = stored_events(conn, known) if known else {}
    old_rows = {r.id: r for r in existing_keys(conn, _complaints, "id", known, "owner_device_id",
                                               "received_date", "customer_key", "phone_key",
                                               "last_seq")
                } if known else {}
    folded = Folded({}, {})
    for cid, events in new_events.items():
        receipt = receipts.get(cid)
        if receipt is None:
            old = old_rows.get(cid)
            if old is None:
                continue  # refused before this point (hq.ingest): nothing to fold
            receipt = Receipt(old.owner_device_id, old.received_date, old.customer_key,
                              old.phone_key)
            folded.versions[cid] = int(old.last_seq)
        held = {ev.id: ev for ev in stored.get(cid, ())}
        held.update((ev.id, ev) for ev in events)
        view = fold(held.values())
        if view is not None:
            folded.rows[cid] = row_of(view, receipt, 0)
    return folded


def store_folded(conn: Connection, folded: Folded, new_events: Mapping[str, Sequence[Event]],
                 receipts: Mapping[str, Receipt], last_seq: Mapping[str, int]) -> None:
    """Write the rows of `fold_touched` with their `last_seq`. Call under the change lock:
    an existing row that another writer changed since it was read is folded again here;
    a new complaint whose id or reference another writer took first is refused (409
    hq.push.complaint_exists / hq.push.reference_taken) and nothing of the batch is kept."""
    if folded.versions:
        now_held = {r.id: int(r.last_seq) for r in existing_keys(
            conn, _complaints, "id", list(folded.versions), "last_seq")}
        stale = [cid for cid, seq in folded.versions.items() if now_held.get(cid) != seq]
        if stale:
            again = fold_touched(conn, {cid: new_events[cid] for cid in stale}, {})
            for cid in stale:
                folded.rows.pop(cid, None)
            folded.rows.update(again.rows)
    fresh: list[dict[str, Any]] = []
    known: list[dict[str, Any]] = []
    for cid, row in folded.rows.items():
        row["last_seq"] = last_seq[cid]
        (fresh if cid in receipts else known).append(row)
    clash = insert_new(conn, _complaints, fresh, ("id", "reference"))
    if clash is not None:
        column, row = clash
        code = "hq.push.complaint_exists" if column == "id" else "hq.push.reference_taken"
        first = min(new_events[row["id"]], key=lambda ev: ev.kind is not EventKind.RECEIVED)
        raise Conflict(code, event_id=first.id)
    upsert_rows(conn, _complaints, known, "id")


def rebuild(conn: Connection, vault: Vault, now: datetime) -> int:
    """Make every complaint row again from the events (in the caller's transaction), after
    encrypting any identity members still stored in the clear (events from before schema
    0003). Returns how many rows there are."""
    seal_plaintext(conn, vault, now)
    conn.execute(delete(_complaints))
    ids = list(conn.execute(select(_events.c.complaint_id).distinct()
                            .order_by(_events.c.complaint_id)).scalars())
    count = 0
    for start in range(0, len(ids), REBUILD_CHUNK):
        chunk = ids[start:start + REBUILD_CHUNK]
        rows = existing_keys(conn, _events, "complaint_id", chunk, "id", "seq", "body", "hash",
                             "kind", "device_id", "business_date", "identity", "data_key_id")
        by_complaint: dict[str, list[Any]] = {}
        for row in rows:
            by_complaint.setdefault(row.complaint_id, []).append(row)
        out: list[dict[str, Any]] = []
        for held in by_complaint.values():
            view = fold(event_from_body(r.body, r.hash) for r in held)
            if view is None:
                continue
            receipt_row = min((r for r in held if r.kind == EventKind.RECEIVED.value),
                              key=lambda r: r.seq)
            out.append(row_of(view, _receipt_of(conn, vault, receipt_row),
                              max(r.seq for r in held)))
        upsert_rows(conn, _complaints, out, "id")
        count += len(out)
    return count


def _receipt_of(conn: Connection, vault: Vault, row: Any) -> Receipt:
    key = phone = None
    if row.identity is not None and row.data_key_id is not None:
        identity = json.loads(vault.open(conn, row.data_key_id, row.id, bytes(row.identity)))
        key, phone = customer_key(vault, identity), phone_key(vault, identity)
    return Receipt(row.device_id, row.business_date, key, phone)


def complaint_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(_complaints)).scalar_one())


def by_customer(conn: Connection, vault: Vault, id_number: str) -> list[tuple[str, str, str]]:
    """(branch, reference, status) of every complaint of the customer with this ID number
    or credit code, found by its keyed hash (HQ holds no plaintext to search)."""
    rows = conn.execute(
        select(_complaints.c.branch_code, _complaints.c.reference, _complaints.c.status)
        .where(_complaints.c.customer_key == vault.lookup_key(id_number))
        .order_by(_complaints.c.received_at))
    return [(r.branch_code, r.reference, r.status) for r in rows]


def touched_by(events: Iterable[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for ev in events:
        grouped.setdefault(ev.complaint_id, []).append(ev)
    return grouped
