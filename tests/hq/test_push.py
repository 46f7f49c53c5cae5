"""Pushing events to a live HQ: idempotent batches, ownership, the audit chain."""

from __future__ import annotations

import dataclasses
import gzip
import json
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.domain.chain import GENESIS, event_hash
from desktop.domain.model import EventKind, Role
from desktop.sync.wire import API_PREFIX, MAX_PUSH_BODY_BYTES, EventWire
from hq.tables import ChainHeadRow, EventRow
from tests.hq.conftest import (
    DeviceChain,
    EnrolledDevice,
    LiveHq,
    push_body,
    received_payload,
    sample_customer,
)

PUSH = f"{API_PREFIX}/events"


def _stored(live_hq: LiveHq, ids: list[str]) -> dict[str, str]:
    table = EventRow.__table__
    with live_hq.engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.hash).where(table.c.id.in_(ids)))
        return {row.id: row.hash for row in rows}


def test_a_batch_is_stored_and_its_events_keep_their_hashes(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    events = device.chain.events(5)
    answer = device.push(events)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"accepted": 5, "duplicates": 0}
    stored = _stored(live_hq, [e.id for e in events])
    assert stored == {e.id: event_hash(e.to_event()) for e in events}


def test_the_same_batch_sent_twice_gets_the_same_answer_and_stores_nothing_new(
    live_hq: LiveHq,
) -> None:
    device = live_hq.enroll()
    events = device.chain.events(3)
    first = device.push(events, batch_key="batch-0001")
    second = device.push(events, batch_key="batch-0001")
    assert first.json() == second.json() == {"accepted": 3, "duplicates": 0}
    assert len(_stored(live_hq, [e.id for e in events])) == 3


def test_the_same_events_in_a_new_batch_count_as_duplicates(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    events = device.chain.events(4)
    device.push(events[:2])
    answer = device.push(events)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"accepted": 2, "duplicates": 2}


def test_a_batch_key_reused_for_other_events_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    device.push(device.chain.events(1), batch_key="batch-reused")
    answer = device.push(device.chain.events(1), batch_key="batch-reused")
    assert answer.status_code == 409
    assert answer.json()["code"] == "hq.push.batch_key_reused"


def test_events_of_another_branch_are_forbidden(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    other = DeviceChain(device.info.device_id, live_hq.new_branch())
    answer = device.push([other.event()])
    assert answer.status_code == 403
    assert answer.json()["code"] == "hq.push.wrong_branch"


def test_events_written_by_another_device_are_forbidden(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    colleague = live_hq.enroll(device.info.branch_code)
    answer = device.push([colleague.chain.event()])
    assert answer.status_code == 403
    assert answer.json()["code"] == "hq.push.wrong_device"


def test_a_device_may_not_write_hq_decisions(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    assert device.push([device.chain.event()]).status_code == 200
    forged = device.chain.event(EventKind.HQ_DECISION, actor_role=Role.HQ_OFFICER)
    answer = device.push([forged])
    assert answer.status_code == 403
    assert answer.json()["code"] == "hq.push.hq_only"


def test_an_event_whose_hash_does_not_match_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    good = device.chain.event()
    tampered = good.model_copy(update={"payload": {"text": "changed afterwards"}})
    answer = device.push([tampered])
    assert answer.status_code == 422
    assert answer.json()["code"] == "hq.push.hash_mismatch"
    assert answer.json()["params"] == {"event_id": good.id}


def test_a_gap_in_the_chain_is_refused_and_nothing_of_the_batch_is_stored(
    live_hq: LiveHq,
) -> None:
    device = live_hq.enroll()
    events = device.chain.events(3)
    answer = device.push([events[0], events[2]])
    assert answer.status_code == 409
    assert answer.json()["code"] == "hq.push.chain_broken"
    assert answer.json()["params"] == {"event_id": events[2].id}
    assert _stored(live_hq, [e.id for e in events]) == {}


def test_a_first_event_that_does_not_start_from_genesis_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    device.chain.head = "a" * 64
    answer = device.push([device.chain.event()])
    assert answer.status_code == 409


def test_a_second_chain_from_genesis_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    assert device.push(device.chain.events(2)).status_code == 200
    restart = DeviceChain(device.info.device_id, device.info.branch_code, sequence=10)
    answer = device.push([restart.event()])
    assert answer.status_code == 409
    assert answer.json()["code"] == "hq.push.chain_fork"


def test_the_chain_continues_across_batches(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    for _ in range(3):
        assert device.push(device.chain.events(2)).json() == {"accepted": 2, "duplicates": 0}
    heads = ChainHeadRow.__table__
    with live_hq.engine.connect() as conn:
        head = conn.execute(select(heads.c.head_hash)
                            .where(heads.c.device_id == device.info.device_id)).scalar_one()
    assert head == device.chain.head != GENESIS


def test_an_event_id_held_with_other_content_is_a_conflict(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    first = device.chain.event()
    device.push([first])
    impostor_chain = DeviceChain(device.info.device_id, device.info.branch_code,
                                 head=device.chain.head)
    impostor = impostor_chain.event()
    impostor_event = impostor.to_event()
    same_id = dataclasses.replace(impostor_event, id=first.id, hash="")
    same_id = dataclasses.replace(same_id, hash=event_hash(same_id))
    answer = device.push([EventWire.from_event(same_id)])
    assert answer.status_code == 409
    assert answer.json()["code"] == "hq.push.event_conflict"


def test_a_gzip_compressed_batch_is_accepted(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    events = device.chain.events(20)
    answer = device.client.post(PUSH, content=gzip.compress(push_body(events)),
                                headers={"Content-Encoding": "gzip",
                                         "Content-Type": "application/json"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["accepted"] == 20


def test_a_damaged_gzip_body_is_a_bad_request(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    answer = device.client.post(PUSH, content=gzip.compress(b'{"x": 1}')[:-6],
                                headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 400
    assert answer.json()["code"] == "hq.request.bad_gzip"


def test_an_unknown_content_encoding_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    answer = device.client.post(PUSH, content=b"{}", headers={"Content-Encoding": "br"})
    assert answer.status_code == 415


def test_an_oversized_body_is_refused_before_it_is_read(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    answer = device.client.post(PUSH, content=b" " * (MAX_PUSH_BODY_BYTES + 1))
    assert answer.status_code == 413
    assert answer.json()["code"] == "hq.request.too_large"


def test_an_oversized_body_sent_in_chunks_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()

    def chunks():  # no Content-Length: the server must count
        for _ in range(MAX_PUSH_BODY_BYTES // (1 << 20) + 2):
            yield b" " * (1 << 20)

    answer = device.client.post(PUSH, content=chunks())
    assert answer.status_code == 413


def test_a_gzip_bomb_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    bomb = gzip.compress(b" " * (MAX_PUSH_BODY_BYTES + 1024))
    answer = device.client.post(PUSH, content=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413


def test_malformed_and_invalid_bodies_are_client_errors(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    event = device.chain.event().model_dump(mode="json")
    bad_bodies = {
        b"{not json": 400,
        b"[]": 422,
        b'{"batch_key": "k"}': 422,
        b'{"batch_key": "batch-1", "events": [{"id": "x"}]}': 422,
        (b'{"batch_key": "batch-1", "events": [' +
         json.dumps({**event, "kind": "teleported"}).encode() + b"]}"): 422,
        b'{"batch_key": "batch-1", "events": [], "extra": 1}': 422,
    }
    for body, status in bad_bodies.items():
        answer = device.client.post(PUSH, content=body,
                                    headers={"Content-Type": "application/json"})
        assert answer.status_code == status, (body[:40], answer.text)
        assert answer.json()["code"].startswith("hq.request.")
        assert answer.json()["message"]


def test_a_payload_with_a_non_json_number_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    event = device.chain.event(payload={"amount": float("nan")})
    answer = device.push([event])
    assert answer.status_code == 422


def test_validation_messages_do_not_echo_what_was_sent(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    secret = "110101199003071234"
    body = ('{"batch_key": "batch-1", "events": [{"id": "' + secret + '"}]}').encode()
    answer = device.client.post(PUSH, content=body)
    assert answer.status_code == 422
    assert secret not in answer.text


def test_many_devices_pushing_at_once_all_succeed(live_hq: LiveHq) -> None:
    devices = [live_hq.enroll() for _ in range(6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda d: d.push(d.chain.events(50), uuid.uuid4().hex),
                                devices))
    assert [a.status_code for a in answers] == [200] * 6
    assert all(a.json()["accepted"] == 50 for a in answers)


# Text as a branch may write it: any characters but controls (line breaks and tabs kept).
_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=[
    chr(c) for c in range(32) if chr(c) not in "\n\t"]), max_size=30)


@dataclasses.dataclass
class _Pair:
    author: EnrolledDevice
    reader: EnrolledDevice
    cursor: int = 0


@pytest.fixture(scope="module")
def author_and_reader(hq_server: LiveHq) -> Iterator[_Pair]:
    """Two devices of one branch that outlive single examples of the property test
    (the author's chain and the reader's cursor carry on from example to example)."""
    author = hq_server.enroll()
    reader = hq_server.enroll(author.info.branch_code)
    for device in (author, reader):
        device.client = httpx.Client(base_url=hq_server.base_url, timeout=30,
                                     headers={"Authorization": f"Bearer {device.info.token}"})
    yield _Pair(author, reader)
    author.client.close()
    reader.client.close()


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(name=_text, address=_text, notes=st.lists(_text.filter(str.strip), max_size=3),
       extra=st.dictionaries(st.text(min_size=1, max_size=8), _text, max_size=3),
       agent=st.booleans())
def test_what_a_branch_writes_comes_back_to_colleagues_exactly_as_written(
    author_and_reader: _Pair, name: str, address: str, notes: list[str],
    extra: dict[str, str], agent: bool,
) -> None:
    """Identity members are stored encrypted apart from the rest and put back on pull:
    the events come back byte for byte (their hashes still hold)."""
    pair = author_and_reader
    payload = received_payload(pair.author.chain.next_reference(),
                               customer={**sample_customer(), "name": name, "address": address})
    payload["extra_fields"] = extra
    if agent:
        payload["agent"] = {"name": name, "id_type": "passport", "id_number": "E12345678",
                            "phone": "+85291234567", "relationship": "子女",
                            "power_of_attorney": True}
    events = [pair.author.chain.event(payload=payload)]
    events += [pair.author.chain.event(EventKind.NOTE, payload={"text": t}) for t in notes]
    answer = pair.author.push(events)
    assert answer.status_code == 200, answer.text
    changes, pair.cursor = pair.reader.pull_all(since=pair.cursor)
    received = [EventWire.model_validate(c["event"]) for c in changes if c["type"] == "event"]
    assert received == events
    assert all(event_hash(e.to_event()) == e.hash for e in received)
