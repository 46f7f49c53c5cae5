"""Writing an event straight into HQ's database, past every check of ingest: what a
tampered client got through before HQ checked meaning, or what an older HQ let in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine, insert

from desktop.domain.chain import canonical_json, event_body
from desktop.sync.wire import EventWire
from hq import tables
from hq.db import allocate_seqs, change_lock


def inject_at_hq(engine: Engine, *events: EventWire,
                 edit: Callable[[str], str] = lambda body: body) -> None:
    """Store `events` in the HQ database of `engine` as if accepted, in one transaction, in change order; `edit`
    may change each stored body (its canonical JSON) on the way."""
    with engine.begin() as conn:
        change_lock(conn)
        first = allocate_seqs(conn, len(events))
        for i, wire in enumerate(events):
            body = canonical_json(event_body(wire.to_event())).decode("utf-8")
            conn.execute(insert(tables.events).values(
                id=wire.id, seq=first + i, branch_code=wire.branch_code, device_id=wire.device_id,
                complaint_id=wire.complaint_id, kind=wire.kind.value,
                reference=wire.payload.get("reference") if isinstance(wire.payload, dict) else None,
                business_date=wire.business_date, hlc=wire.hlc, prev_hash=wire.prev_hash,
                hash=wire.hash, body=edit(body), stored_at=datetime.now(UTC)))
