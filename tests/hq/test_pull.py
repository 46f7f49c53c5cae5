"""Reading back from a live HQ: pull pages and cursors, reference documents,
the day digest, and HQ decisions reaching the branch."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text

from desktop.domain.chain import digest, event_hash, first_broken_link
from desktop.domain.errors import DomainError
from desktop.domain.model import EventKind, Outcome, Role
from desktop.sync.wire import API_PREFIX, HQ_DEVICE_ID, EventWire, PullResponse, PushRequest
from hq import admin, ingest
from hq.enrollment import Device
from hq.errors import NotFound
from tests.hq.conftest import BUSINESS_DATE, EnrolledDevice, LiveHq

CHANGES = f"{API_PREFIX}/changes"


def _event_ids(changes: list[dict]) -> list[str]:
    return [c["event"]["id"] for c in changes if c["type"] == "event"]


def _pair(live_hq: LiveHq) -> tuple[EnrolledDevice, EnrolledDevice]:
    first = live_hq.enroll()
    return first, live_hq.enroll(first.info.branch_code)


def test_a_device_pulls_its_colleagues_events_but_not_its_own(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    mine = counter.chain.events(3)
    theirs = supervisor.chain.events(2)
    counter.push(mine)
    supervisor.push(theirs)
    changes, _ = counter.pull_all()
    assert _event_ids(changes) == [e.id for e in theirs]


def test_pulled_events_are_exactly_what_was_pushed(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    received = supervisor.chain.event()
    sent = [received, *supervisor.chain.events(2, kind=EventKind.NOTE,
                                                  payload={"text": "客户来电 ✓\n\t“引号”"})]
    assert supervisor.push(sent).status_code == 200
    page = counter.client.get(CHANGES)
    parsed = PullResponse.model_validate_json(page.content)
    received = [c.event for c in parsed.changes if c.event is not None]
    assert received == sent
    assert all(event_hash(e.to_event()) == e.hash for e in received)


def test_events_of_other_branches_are_never_pulled(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    stranger = live_hq.enroll()
    stranger.push(stranger.chain.events(3))
    changes, _ = device.pull_all()
    assert _event_ids(changes) == []


def test_paging_follows_the_cursor_in_sequence_order_without_gaps(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    sent = supervisor.chain.events(23)
    for start in range(0, 23, 5):
        supervisor.push(sent[start:start + 5])
    pages = []
    cursor = 0
    while True:
        body = counter.client.get(CHANGES, params={"since": cursor, "limit": 7}).json()
        pages.append(body)
        assert len(body["changes"]) <= 7
        cursor = body["next_cursor"]
        if not body["more"]:
            break
    changes = [c for p in pages for c in p["changes"]]
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert _event_ids(changes) == [e.id for e in sent]
    assert len(pages) == 4


def test_asking_again_from_the_last_cursor_returns_only_what_is_new(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    supervisor.push(supervisor.chain.events(2))
    _, cursor = counter.pull_all()
    empty = counter.client.get(CHANGES, params={"since": cursor}).json()
    assert empty == {"changes": [], "next_cursor": cursor, "more": False}
    later = supervisor.chain.events(1)
    supervisor.push(later)
    changes, new_cursor = counter.pull_all(since=cursor)
    assert _event_ids(changes) == [later[0].id]
    assert new_cursor > cursor


def test_bad_cursors_and_limits_are_client_errors(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    for params in ({"since": -1}, {"since": "x"}, {"limit": 0}, {"limit": 100000},
                   {"since": str(2**70)}):
        answer = device.client.get(CHANGES, params=params)
        assert answer.status_code == 422, params
        assert answer.json()["code"] == "hq.request.invalid"


def test_published_reference_documents_are_pulled_and_fetched(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    _, cursor = device.pull_all()
    calendar = {"year": 2026, "holidays": ["2026-10-01"], "note": "国庆"}
    with live_hq.engine.begin() as conn:
        version = admin.publish_reference(conn, "calendar", calendar, datetime.now(UTC))
    changes, _ = device.pull_all(since=cursor)
    references = [c for c in changes if c["type"] == "reference"]
    assert references == [{
        "seq": references[0]["seq"], "type": "reference", "reference_kind": "calendar",
        "reference_version": version, "reference_content": calendar,
    }]
    fetched = device.client.get(f"{API_PREFIX}/reference/calendar")
    assert fetched.status_code == 200
    assert fetched.json() == {"kind": "calendar", "version": version, "content": calendar}


def test_a_newer_reference_version_replaces_the_older(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    with live_hq.engine.begin() as conn:
        first = admin.publish_reference(conn, "letter_templates", [{"id": "T1"}],
                                        datetime.now(UTC))
        second = admin.publish_reference(conn, "letter_templates", [{"id": "T2"}],
                                         datetime.now(UTC))
    assert second == first + 1
    fetched = device.client.get(f"{API_PREFIX}/reference/letter_templates").json()
    assert fetched["version"] == second and fetched["content"] == [{"id": "T2"}]


def test_unknown_or_unpublished_reference_kinds_are_not_found(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    unknown = device.client.get(f"{API_PREFIX}/reference/horoscope")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "hq.reference.unknown_kind"


def test_the_day_digest_covers_every_device_of_the_branch_for_that_date(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    today = counter.chain.events(3) + supervisor.chain.events(2)
    counter.chain.events(2, business_date=date(2026, 3, 17))
    counter.push(counter.chain.written)
    supervisor.push(supervisor.chain.written)
    stranger = live_hq.enroll()
    stranger.push(stranger.chain.events(2))
    answer = counter.client.get(f"{API_PREFIX}/digest/{BUSINESS_DATE.isoformat()}")
    assert answer.status_code == 200
    count, expected = digest(e.id for e in today)
    assert answer.json() == {"branch_code": counter.info.branch_code,
                             "business_date": BUSINESS_DATE.isoformat(),
                             "count": count, "hash": expected}
    assert count == 5


def test_a_digest_for_a_day_without_events_is_empty(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    body = device.client.get(f"{API_PREFIX}/digest/2020-01-01").json()
    assert body["count"] == 0 and body["hash"] == digest([])[1]


def test_a_digest_date_that_is_not_a_date_is_a_client_error(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    assert device.client.get(f"{API_PREFIX}/digest/2026-02-30").status_code == 422


def _escalated_case(device: EnrolledDevice) -> tuple[str, str]:
    """(complaint id, reference) of a case the device received and escalated."""
    received = device.chain.event(EventKind.RECEIVED)
    escalated = device.chain.event(EventKind.ESCALATED, complaint_id=received.complaint_id,
                                   actor_role=Role.SUPERVISOR,
                                   payload={"level": 1, "reason": "complex"})
    assert device.push([received, escalated]).status_code == 200
    return received.complaint_id, str(received.payload["reference"])


def test_an_hq_decision_on_an_escalated_case_flows_back_to_the_branch(live_hq: LiveHq) -> None:
    counter, supervisor = _pair(live_hq)
    complaint_id, reference = _escalated_case(counter)
    _, counter_cursor = counter.pull_all()
    with live_hq.engine.begin() as conn:
        decision = admin.decide_escalated_case(
            conn, counter.info.branch_code, reference, outcome=Outcome.PARTLY_UPHELD, findings="fee charged twice",
            verification="statement checked", remedy="refund", compensation="120.50",
            officer="HQ007", now=datetime.now(UTC), customer_summary="You were charged twice.")
    for device, since in ((counter, counter_cursor), (supervisor, 0)):
        changes, _ = device.pull_all(since=since)
        pulled = [EventWire.model_validate(c["event"]) for c in changes
                  if c["type"] == "event" and c["event"]["kind"] == "hq_decision"]
        assert pulled == [decision]
    assert decision.complaint_id == complaint_id
    assert decision.device_id == HQ_DEVICE_ID and decision.actor_role is Role.HQ_OFFICER
    assert decision.payload["compensation"] == "120.50"
    assert decision.hlc > counter.chain.written[-1].hlc
    assert event_hash(decision.to_event()) == decision.hash


def test_hq_decisions_form_an_unbroken_chain_per_branch(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    references = [_escalated_case(device)[1] for _ in range(2)]
    with live_hq.engine.begin() as conn:
        decisions = [admin.decide_escalated_case(
            conn, device.info.branch_code, ref, outcome=Outcome.UPHELD, findings="f", verification="v",
            customer_summary="s", now=datetime.now(UTC)) for ref in references]
    assert first_broken_link(d.to_event() for d in decisions) is None


def test_hq_cannot_decide_a_case_that_is_not_escalated(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    received = device.chain.event(EventKind.RECEIVED)
    device.push([received])
    reference = str(received.payload["reference"])
    branch = device.info.branch_code
    with pytest.raises(DomainError) as refused, live_hq.engine.begin() as conn:
        admin.decide_escalated_case(conn, branch, reference, outcome=Outcome.UPHELD,
                                    findings="f", verification="v", customer_summary="s",
                                    now=datetime.now(UTC))
    assert refused.value.code == "hq.decision.not_escalated"
    with pytest.raises(NotFound), live_hq.engine.begin() as conn:
        admin.decide_escalated_case(conn, branch, "R-none", outcome=Outcome.UPHELD,
                                    findings="f", verification="v", customer_summary="s",
                                    now=datetime.now(UTC))


def test_a_reader_pulling_while_colleagues_push_misses_nothing(live_hq: LiveHq) -> None:
    reader = live_hq.enroll()
    writers = [live_hq.enroll(reader.info.branch_code) for _ in range(4)]
    done = threading.Event()
    seen: list[str] = []
    cursor = 0

    def write(device: EnrolledDevice) -> None:
        for _ in range(5):
            assert device.push(device.chain.events(20)).status_code == 200

    def read() -> None:
        nonlocal cursor
        while not done.is_set():
            changes, cursor = reader.pull_all(since=cursor, limit=7)
            seen.extend(_event_ids(changes))

    poller = threading.Thread(target=read)
    poller.start()
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, writers))
    done.set()
    poller.join()
    changes, _ = reader.pull_all(since=cursor)
    seen.extend(_event_ids(changes))
    written = [e.id for w in writers for e in w.chain.written]
    assert sorted(seen) == sorted(written)


def test_a_later_change_waits_until_an_earlier_one_is_committed(live_hq: LiveHq) -> None:
    """Sequence numbers become visible in order: while one push holds numbers it has not
    committed, a push of another branch cannot commit higher ones (a reader that saw them
    would move its cursor past the first push's events and never see them)."""
    first, second = live_hq.enroll(), live_hq.enroll()
    now = datetime.now(UTC)

    def checked(device: EnrolledDevice) -> list[ingest.CheckedEvent]:
        batch = PushRequest(batch_key=uuid.uuid4().hex, events=device.chain.events(3))
        return ingest.check_events(_device(device), batch)

    first_events, second_events = checked(first), checked(second)
    second_done = threading.Event()

    def push_second() -> None:
        with live_hq.engine.begin() as conn:
            ingest.store_batch(conn, _device(second), uuid.uuid4().hex, second_events, now,
                               live_hq.vault)
        second_done.set()

    with live_hq.engine.begin() as conn:
        ingest.store_batch(conn, _device(first), uuid.uuid4().hex, first_events, now,
                           live_hq.vault)
        waiter = threading.Thread(target=push_second)
        waiter.start()
        assert not second_done.wait(timeout=1.0)
    waiter.join(timeout=30)
    assert second_done.is_set()
    seqs = {}
    with live_hq.engine.connect() as conn:
        for device in (first, second):
            seqs[device.info.device_id] = conn.execute(
                text("SELECT seq FROM events WHERE device_id = :d"),
                {"d": device.info.device_id}).scalars().all()
    assert max(seqs[first.info.device_id]) < min(seqs[second.info.device_id])


def _device(device: EnrolledDevice) -> Device:
    return Device(device.info.device_id, device.info.branch_code, device.info.device_number)
