"""What a pushed event means, checked against what HQ holds (docs/ARCHITECTURE.md §10,
"HQ: trust"): the device's chain head, the owner branch of each complaint, unique
references, the branch's roster.

The rule: what no honest device can produce is refused with a 4xx; what honest devices
working offline can produce — two incompatible actions on one case, say two
resolutions — is stored and the fold flags the case for review (hq.complaints).

  409 hq.push.chain_broken       prev_hash links to nothing HQ holds of the device
  409 hq.push.chain_fork         prev_hash links to an older event, not the chain head
  403 hq.push.foreign_complaint  the complaint belongs to another branch
  409 hq.push.unknown_complaint  an event on a complaint HQ holds no receipt of
  409 hq.push.complaint_exists   a second `received` event for one complaint id
  409 hq.push.reference_taken    a reference HQ already holds (or twice in a batch)
  403 hq.push.actor_not_on_roster  the actor does not hold that role on the branch's roster
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from desktop.domain.chain import GENESIS
from desktop.domain.model import Event, EventKind
from desktop.sync.payloads import BRANCH_ROLES
from hq import tables
from hq.complaints import Receipt
from hq.db import existing_keys
from hq.enrollment import Device
from hq.errors import Conflict, Forbidden

_events = tables.events
_complaints = tables.complaints
_roster = tables.roster_roles


def check_chain(conn: Connection, device: Device, head: str, new_events: Sequence[Event]) -> None:
    """The new events, in batch order, must continue the device's chain from its head at
    HQ, each linking to the one before it. Raises Conflict (chain_fork when an event links
    to an older event of the device or restarts from GENESIS, chain_broken otherwise)."""
    running = head
    earlier: set[str] = set()
    for ev in new_events:
        if ev.prev_hash != running:
            code = ("hq.push.chain_fork" if ev.prev_hash in earlier
                    else _broken_or_fork(conn, device, ev.prev_hash))
            raise Conflict(code, event_id=ev.id)
        earlier.add(running)
        running = ev.hash


def _broken_or_fork(conn: Connection, device: Device, prev_hash: str) -> str:
    if prev_hash == GENESIS:
        return "hq.push.chain_fork"
    held = conn.execute(select(_events.c.id).where(
        _events.c.branch_code == device.branch_code, _events.c.device_id == device.id,
        _events.c.hash == prev_hash).limit(1)).first()
    return "hq.push.chain_fork" if held is not None else "hq.push.chain_broken"


def check_meaning(conn: Connection, device: Device,
                  new_events: Sequence[tuple[Event, str | None]]) -> dict[str, Receipt]:
    """Check ownership, references and roster of the new events (event, reference of a
    `received` one). Returns the receipts of the complaints they start."""
    ids = list({ev.complaint_id for ev, _ in new_events})
    owner = {r.id: r.branch_code for r in existing_keys(conn, _complaints, "id", ids,
                                                         "branch_code")}
    receipts: dict[str, Receipt] = {}
    for ev, _ in new_events:
        held = owner.get(ev.complaint_id)
        if held is not None and held != device.branch_code:
            raise Forbidden("hq.push.foreign_complaint", event_id=ev.id)
        if ev.kind is EventKind.RECEIVED:
            if held is not None or ev.complaint_id in receipts:
                raise Conflict("hq.push.complaint_exists", event_id=ev.id)
            receipts[ev.complaint_id] = Receipt(ev.device_id, ev.business_date, None)
        elif held is None and ev.complaint_id not in receipts:
            raise Conflict("hq.push.unknown_complaint", event_id=ev.id)
    _check_references(conn, new_events)
    _check_roster(conn, device, [ev for ev, _ in new_events])
    return receipts


def _check_references(conn: Connection, new_events: Sequence[tuple[Event, str | None]]) -> None:
    first: dict[str, str] = {}
    for ev, reference in new_events:
        if reference is None:
            continue
        if reference in first:
            raise Conflict("hq.push.reference_taken", event_id=ev.id)
        first[reference] = ev.id
    if not first:
        return
    taken = existing_keys(conn, _complaints, "reference", list(first))
    if taken:
        raise Conflict("hq.push.reference_taken", event_id=first[taken[0].reference])


def _check_roster(conn: Connection, device: Device, new_events: Sequence[Event]) -> None:
    held = {(r.staff_number, r.role) for r in conn.execute(
        select(_roster.c.staff_number, _roster.c.role)
        .where(_roster.c.branch_code == device.branch_code))}
    if not held:
        return  # no roster published for this branch: the branch's own accounts act
    for ev in new_events:
        if ev.actor_role not in BRANCH_ROLES:
            continue  # the local administrator and records retention are no roster staff
        if (ev.actor.upper(), ev.actor_role.value) not in held:
            raise Forbidden("hq.push.actor_not_on_roster", event_id=ev.id,
                            role=ev.actor_role.value)
