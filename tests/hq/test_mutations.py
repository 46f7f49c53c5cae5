"""A property test: take a valid batch (a new case, a note on it, its escalation), change
one thing an attacker or a broken client could change — role, branch, reference,
complaint id, previous hash, payload — sign it again with the real hash, and push it.
Every mutation no honest device can produce is refused with a 4xx and stores nothing;
the one honest offline devices can produce (an action the case's state no longer
allows) is stored and the case is flagged."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain.chain import GENESIS
from desktop.domain.model import Event, EventKind, Role
from desktop.domain.reference import make_reference
from desktop.sync.wire import EventWire
from hq.tables import ComplaintRow, EventRow
from tests.hq.conftest import BUSINESS_DATE, EnrolledDevice, LiveHq


@dataclasses.dataclass
class _World:
    device: EnrolledDevice
    stranger: EnrolledDevice
    stranger_case: str
    taken_reference: str
    older_hash: str


@pytest.fixture(scope="module")
def world(hq_server: LiveHq) -> Iterator[_World]:
    device = hq_server.enroll()
    stranger = hq_server.enroll()
    for enrolled in (device, stranger):
        enrolled.client = httpx.Client(base_url=hq_server.base_url, timeout=30,
                                       headers={"Authorization": f"Bearer {enrolled.info.token}"})
    theirs = stranger.chain.event()
    assert stranger.push([theirs]).status_code == 200
    mine = device.chain.events(2)
    assert device.push(mine).status_code == 200
    yield _World(device, stranger, theirs.complaint_id, str(mine[0].payload["reference"]),
                 mine[0].hash)
    device.client.close()
    stranger.client.close()


Mutation = Callable[[_World, list[Event]], tuple[list[Event], bool]]


def _change(batch: list[Event], position: int, **fields: Any) -> list[Event]:
    out = list(batch)
    out[position] = dataclasses.replace(out[position], **fields)
    return out


def _payload(batch: list[Event], position: int, **changes: Any) -> list[Event]:
    payload = {**batch[position].payload, **changes}
    for key, value in changes.items():
        if value is _DROP:
            payload.pop(key)
    return _change(batch, position, payload=payload)


_DROP = object()
_REFUSED, _FLAGGED = False, True

MUTATIONS: dict[str, Mutation] = {
    "role hq_officer": lambda w, b: (_change(b, 1, actor_role=Role.HQ_OFFICER), _REFUSED),
    "role admin": lambda w, b: (_change(b, 2, actor_role=Role.ADMIN), _REFUSED),
    "role auditor": lambda w, b: (_change(b, 0, actor_role=Role.AUDITOR), _REFUSED),
    "kind hq_decision": lambda w, b: (_change(b, 2, kind=EventKind.HQ_DECISION), _REFUSED),
    "branch": lambda w, b: (_change(b, 1, branch_code=w.stranger.info.branch_code), _REFUSED),
    "device": lambda w, b: (_change(b, 0, device_id=w.stranger.info.device_id), _REFUSED),
    "reference of another branch": lambda w, b: (_payload(b, 0, reference=make_reference(
        w.stranger.info.branch_code, 1, BUSINESS_DATE, 9)), _REFUSED),
    "reference of another device": lambda w, b: (_payload(b, 0, reference=make_reference(
        w.device.info.branch_code, 2, BUSINESS_DATE, 9)), _REFUSED),
    "reference taken": lambda w, b: (_payload(b, 0, reference=w.taken_reference), _REFUSED),
    "reference malformed": lambda w, b: (_payload(b, 0, reference="BJ001-1-2026"), _REFUSED),
    "complaint of another branch": lambda w, b: (
        [dataclasses.replace(e, complaint_id=w.stranger_case) for e in b], _REFUSED),
    "complaint unknown": lambda w, b: (_change(b, 1, complaint_id=uuid.uuid4().hex), _REFUSED),
    "previous hash random": lambda w, b: (_change(b, 0, prev_hash=uuid.uuid4().hex * 2),
                                          _REFUSED),
    "previous hash genesis": lambda w, b: (_change(b, 0, prev_hash=GENESIS), _REFUSED),
    "previous hash older": lambda w, b: (_change(b, 0, prev_hash=w.older_hash), _REFUSED),
    "payload empty": lambda w, b: (_change(b, 0, payload={}), _REFUSED),
    "payload key dropped": lambda w, b: (_payload(b, 0, received_at=_DROP), _REFUSED),
    "payload wrong type": lambda w, b: (_payload(b, 2, level="1"), _REFUSED),
    "payload extra key": lambda w, b: (_payload(b, 1, sneaky=True), _REFUSED),
    "payload customer not an object": lambda w, b: (_payload(b, 0, customer="x"), _REFUSED),
    "payload naive time": lambda w, b: (_payload(b, 0, decision_due="2026-04-01T17:00:00"),
                                        _REFUSED),
    # Honest offline devices can write an action the state no longer allows (a colleague
    # closed the case meanwhile, say): stored, and the fold flags the case.
    "state conflict": lambda w, b: (_change(b, 1, kind=EventKind.CLOSED, payload={}), _FLAGGED),
}


def _resign(device: EnrolledDevice, start: str, batch: list[Event]) -> list[EventWire]:
    """Chain and hash the batch again from `start` (as the forger's client would), keeping
    a mutated prev_hash of the first event."""
    chain = device.chain
    out: list[EventWire] = []
    previous = start
    for position, ev in enumerate(batch):
        prev = ev.prev_hash if position == 0 and ev.prev_hash != start else previous
        wire = chain.sign(dataclasses.replace(ev, prev_hash=prev, hash=""))
        out.append(wire)
        previous = wire.hash
    return out


def _valid_batch(device: EnrolledDevice) -> list[Event]:
    chain = device.chain
    received = chain.event()
    note = chain.event(EventKind.NOTE)
    escalated = chain.event(EventKind.ESCALATED, actor_role=Role.SUPERVISOR, actor="T001")
    del chain.written[-3:]
    return [received.to_event(), note.to_event(), escalated.to_event()]


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(sorted(MUTATIONS)))
def test_each_mutation_is_refused_or_kept_and_flagged(world: _World, hq_server: LiveHq,
                                                      name: str) -> None:
    device = world.device
    start = device.chain.head
    valid = _valid_batch(device)
    mutated, honest = MUTATIONS[name](world, valid)
    events = _resign(device, start, mutated)
    answer = device.push(events)
    table = EventRow.__table__
    with hq_server.engine.connect() as conn:
        held = set(conn.execute(select(table.c.id).where(
            table.c.id.in_([e.id for e in events]))).scalars())
    if honest:
        assert answer.status_code == 200, (name, answer.text)
        assert held == {e.id for e in events}
        rows = ComplaintRow.__table__
        with hq_server.engine.connect() as conn:
            flagged = conn.execute(select(rows.c.needs_review)
                                   .where(rows.c.id == events[0].complaint_id)).scalar_one()
        assert flagged, name
        return
    assert 400 <= answer.status_code < 500, (name, answer.status_code, answer.text)
    assert answer.json()["code"].startswith("hq."), name
    assert held == set(), name
    device.chain.head = start  # HQ kept nothing: the device's chain goes on from before
