"""The attacks of issue 11, each against a live HQ with events built with the real hash:
what no honest device can produce is refused with a 4xx and changes nothing; what
honest offline devices can produce is kept and flagged."""

from __future__ import annotations

import dataclasses
import gzip
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from desktop.domain.chain import GENESIS
from desktop.domain.model import EventKind, Outcome, Role
from desktop.domain.reference import make_reference
from desktop.sync.wire import API_PREFIX, EventWire
from hq import admin
from hq.changes import MAX_PULL_PAGE_BYTES
from hq.errors import NotFound
from hq.http_body import MAX_GZIP_MEMBERS
from hq.tables import ComplaintRow, EventRow
from tests.hq.conftest import BUSINESS_DATE, DeviceChain, LiveHq, push_body, received_payload

PUSH = f"{API_PREFIX}/events"


def _held(live_hq: LiveHq, events: list[EventWire]) -> list[str]:
    table = EventRow.__table__
    with live_hq.engine.connect() as conn:
        return list(conn.execute(select(table.c.id).where(
            table.c.id.in_([e.id for e in events]))).scalars())


def _refused(live_hq: LiveHq, answer: object, status: int, code: str,
             events: list[EventWire]) -> None:
    assert getattr(answer, "status_code", None) == status, getattr(answer, "text", answer)
    assert answer.json()["code"] == code  # type: ignore[attr-defined]
    assert _held(live_hq, events) == []


def test_a_device_may_not_claim_an_hq_role(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    received = device.chain.event()
    assert device.push([received]).status_code == 200
    forged = device.chain.event(EventKind.RESOLVED, actor_role=Role.HQ_OFFICER,
                                payload={"outcome": "upheld", "findings": "HQ says so",
                                         "compensation": "99999.00"})
    _refused(live_hq, device.push([forged]), 403, "hq.push.role_not_allowed", [forged])
    for role in (Role.ADMIN, Role.AUDITOR):
        device.chain.head = received.hash
        other = device.chain.event(EventKind.NOTE, actor_role=role)
        _refused(live_hq, device.push([other]), 403, "hq.push.role_not_allowed", [other])


def test_a_device_may_not_take_another_branchs_next_reference(live_hq: LiveHq) -> None:
    victim = live_hq.enroll()
    forger = live_hq.enroll()
    stolen = make_reference(victim.info.branch_code, victim.info.device_number, BUSINESS_DATE, 1)
    fake = forger.chain.event(payload=received_payload(stolen))
    _refused(live_hq, forger.push([fake]), 403, "hq.push.foreign_reference", [fake])
    # The victim's real case keeps its reference, and HQ's decision lands on it.
    real = victim.chain.event()
    assert str(real.payload["reference"]) == stolen
    escalate = victim.chain.event(EventKind.ESCALATED, actor_role=Role.SUPERVISOR)
    assert victim.push([real, escalate]).status_code == 200
    with live_hq.engine.begin() as conn:
        decision = admin.decide_escalated_case(
            conn, victim.info.branch_code, stolen, outcome=Outcome.UPHELD, findings="属实",
            verification="核对", customer_summary="您反映的问题属实。", now=datetime.now(UTC))
    assert decision.complaint_id == real.complaint_id


def test_a_colleague_device_may_not_take_another_devices_reference(live_hq: LiveHq) -> None:
    first = live_hq.enroll()
    second = live_hq.enroll(first.info.branch_code)
    theirs = make_reference(first.info.branch_code, 1, BUSINESS_DATE, 5)
    fake = second.chain.event(payload=received_payload(theirs))
    _refused(live_hq, second.push([fake]), 403, "hq.push.foreign_reference", [fake])


def test_references_are_unique_at_hq(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    first = device.chain.event()
    assert device.push([first]).status_code == 200
    again = device.chain.event(payload=received_payload(str(first.payload["reference"])))
    _refused(live_hq, device.push([again]), 409, "hq.push.reference_taken", [again])


def test_a_device_may_not_write_on_another_branchs_complaint(live_hq: LiveHq) -> None:
    owner = live_hq.enroll()
    intruder = live_hq.enroll()
    case = owner.chain.event()
    assert owner.push([case]).status_code == 200
    for kind in (EventKind.NOTE, EventKind.ESCALATED, EventKind.RECEIVED):
        intruder.chain.head = GENESIS
        forged = intruder.chain.event(kind, complaint_id=case.complaint_id,
                                      actor_role=Role.SUPERVISOR)
        _refused(live_hq, intruder.push([forged]), 403, "hq.push.foreign_complaint", [forged])


def test_an_event_on_a_complaint_hq_never_received_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    orphan = device.chain.event(EventKind.NOTE, complaint_id="never-received")
    _refused(live_hq, device.push([orphan]), 409, "hq.push.unknown_complaint", [orphan])


def test_a_device_may_not_fork_its_own_chain(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    events = device.chain.events(3)
    assert device.push(events).status_code == 200
    device.chain.head = events[0].hash  # link to an older event, not the head
    fork = device.chain.event()
    _refused(live_hq, device.push([fork]), 409, "hq.push.chain_fork", [fork])
    device.chain.head = events[-1].hash  # the honest continuation still goes on
    assert device.push([device.chain.event()]).status_code == 200


def test_a_fork_inside_one_batch_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    first = device.chain.event()
    device.chain.event()
    device.chain.head = first.hash
    sibling = device.chain.event()
    batch = device.chain.written
    _refused(live_hq, device.push(batch), 409, "hq.push.chain_fork", batch)
    assert sibling in batch


def test_a_received_event_with_an_empty_payload_is_refused_and_colleagues_sync_on(
    live_hq: LiveHq,
) -> None:
    device = live_hq.enroll()
    colleague = live_hq.enroll(device.info.branch_code)
    empty = device.chain.event(payload={})
    answer = device.push([empty])
    _refused(live_hq, answer, 422, "hq.push.bad_payload", [empty])
    assert answer.json()["params"]["kind"] == "received"
    changes, _ = colleague.pull_all()
    assert [c for c in changes if c["type"] == "event"] == []


@pytest.mark.parametrize("payload", [
    {"text": 42}, {"text": "note", "extra": 1}, {}, {"text": "bell \x07 ring"},
])
def test_payloads_are_checked_by_their_kinds_model(live_hq: LiveHq, payload: dict) -> None:
    device = live_hq.enroll()
    case = device.chain.event()
    assert device.push([case]).status_code == 200
    bad = device.chain.event(EventKind.NOTE, payload=payload)
    _refused(live_hq, device.push([bad]), 422, "hq.push.bad_payload", [bad])


def test_an_identity_export_audit_is_accepted_with_counts_only(live_hq: LiveHq) -> None:
    """The branch's `identity_exported` event, checked by the same model the branch wrote it
    with: kind of export, file format and counts; anything else (a name, say) is refused."""
    device = live_hq.enroll()
    case = device.chain.event()
    assert device.push([case]).status_code == 200
    audit = device.chain.event(EventKind.IDENTITY_EXPORTED, actor="M001", actor_role=Role.MANAGER,
                               payload={"export": "worklist", "file_format": "xlsx",
                                        "rows": 120, "customers": 97})
    answer = device.push([audit])
    assert answer.status_code == 200, answer.text
    assert _held(live_hq, [audit]) == [audit.id]
    for payload in ({"export": "worklist", "file_format": "xlsx", "rows": 1, "customers": 1,
                     "names": ["王小明"]},
                    {"export": "worklist", "file_format": "pdf", "rows": 1, "customers": 1},
                    {"export": "worklist", "file_format": "csv", "rows": 0, "customers": 0}):
        bad = device.chain.event(EventKind.IDENTITY_EXPORTED, actor="M001",
                                 actor_role=Role.MANAGER, payload=payload)
        _refused(live_hq, device.push([bad]), 422, "hq.push.bad_payload", [bad])
        device.chain.head = audit.hash


def test_an_oversized_event_payload_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    case = device.chain.event()
    assert device.push([case]).status_code == 200
    big = device.chain.event(EventKind.NOTE, payload={"text": "字" * 30_000})
    _refused(live_hq, device.push([big]), 413, "hq.push.event_too_large", [big])


def test_the_roster_check_applies_once_a_branch_has_a_roster(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    with live_hq.engine.begin() as conn:
        admin.publish_reference(conn, "roster", {"staff": [
            {"number": "T001", "name": "柜员", "role": "teller",
             "branch_code": device.info.branch_code, "password_hash": "$argon2id$x"},
        ]}, datetime.now(UTC))
    on_roster = device.chain.event()
    assert device.push([on_roster]).status_code == 200
    as_supervisor = device.chain.event(EventKind.NOTE, actor_role=Role.SUPERVISOR)
    _refused(live_hq, device.push([as_supervisor]), 403, "hq.push.actor_not_on_roster",
             [as_supervisor])
    device.chain.head = on_roster.hash
    stranger = device.chain.event(EventKind.NOTE, actor="T999")
    _refused(live_hq, device.push([stranger]), 403, "hq.push.actor_not_on_roster", [stranger])


def test_a_device_reads_only_its_own_branchs_roster(live_hq: LiveHq) -> None:
    mine = live_hq.enroll()
    theirs = live_hq.enroll()
    _, cursor = mine.pull_all()
    secret = "$argon2id$v=19$m=65536,t=3,p=4$other-branch-hash"
    with live_hq.engine.begin() as conn:
        admin.publish_reference(conn, "roster", {"staff": [
            {"number": "T100", "name": "本行柜员", "role": "teller",
             "branch_code": mine.info.branch_code, "password_hash": "$argon2id$mine"},
            {"number": "T200", "name": "别行柜员", "role": "manager",
             "branch_code": theirs.info.branch_code, "password_hash": secret},
        ]}, datetime.now(UTC))
    fetched = mine.client.get(f"{API_PREFIX}/reference/roster")
    assert fetched.status_code == 200
    assert [e["number"] for e in fetched.json()["content"]["staff"]] == ["T100"]
    page = mine.client.get(f"{API_PREFIX}/changes", params={"since": cursor})
    assert secret not in page.text and "T200" not in page.text and "T100" in page.text
    other = theirs.client.get(f"{API_PREFIX}/reference/roster").json()
    assert [e["number"] for e in other["content"]["staff"]] == ["T200"]


def test_a_roster_entry_without_a_branch_is_refused(live_hq: LiveHq) -> None:
    from hq.errors import InvalidRequest

    with pytest.raises(InvalidRequest), live_hq.engine.begin() as conn:
        admin.publish_reference(conn, "roster", [{"number": "T1", "role": "teller"}],
                                datetime.now(UTC))


def test_hq_decides_only_a_case_of_the_branch_it_names(live_hq: LiveHq) -> None:
    from tests.hq.test_pull import _escalated_case

    owner = live_hq.enroll()
    stranger = live_hq.enroll()
    _, reference = _escalated_case(owner)
    with pytest.raises(NotFound), live_hq.engine.begin() as conn:
        admin.decide_escalated_case(conn, stranger.info.branch_code, reference,
                                    outcome=Outcome.UPHELD, findings="f", verification="v",
                                    customer_summary="s", now=datetime.now(UTC))


def test_duplicate_json_keys_are_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    event = device.chain.event()
    body = push_body([event]).replace(b'"batch_key":', b'"batch_key":"dup-key-1","batch_key":', 1)
    answer = device.client.post(PUSH, content=body, headers={"Content-Type": "application/json"})
    _refused(live_hq, answer, 400, "hq.request.duplicate_key", [event])


def test_a_gzip_body_of_many_empty_members_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    event = device.chain.event()
    empty = gzip.compress(b"")
    body = empty * 200_000 + gzip.compress(push_body([event]))
    answer = device.client.post(PUSH, content=body, headers={"Content-Encoding": "gzip"})
    _refused(live_hq, answer, 400, "hq.request.gzip_members", [event])
    assert MAX_GZIP_MEMBERS < 200_000


def test_a_gzip_body_that_inflates_too_far_is_refused(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    bomb = gzip.compress(b" " * (8 << 20))  # ~8 KB that inflates a thousand times
    answer = device.client.post(PUSH, content=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413 and answer.json()["code"] == "hq.request.too_large"


def test_a_pull_page_is_bounded_by_bytes_as_well_as_count(live_hq: LiveHq) -> None:
    writer = live_hq.enroll()
    reader = live_hq.enroll(writer.info.branch_code)
    writer.chain.event()
    notes = writer.chain.events(240, kind=EventKind.NOTE, payload={"text": "长" * 7000})
    for start in range(0, len(writer.chain.written), 80):
        assert writer.push(writer.chain.written[start:start + 80]).status_code == 200
    page = reader.client.get(f"{API_PREFIX}/changes", params={"since": 0, "limit": 5000})
    body = page.json()
    assert len(page.content) <= MAX_PULL_PAGE_BYTES + 64 * 1024
    assert body["more"] is True and 0 < len(body["changes"]) < len(notes)
    changes, _ = reader.pull_all(limit=5000)
    ids = {c["event"]["id"] for c in changes if c["type"] == "event"}
    assert {n.id for n in notes} <= ids


def test_two_offline_resolutions_are_kept_and_the_case_flagged(live_hq: LiveHq) -> None:
    first = live_hq.enroll()
    second = live_hq.enroll(first.info.branch_code)
    case = first.chain.event()
    assert first.push([case]).status_code == 200
    second.chain.counter = 50
    one = first.chain.event(EventKind.RESOLVED, complaint_id=case.complaint_id)
    other = second.chain.event(EventKind.RESOLVED, complaint_id=case.complaint_id,
                               payload={"outcome": "not_upheld", "findings": "无过错"})
    assert first.push([one]).status_code == 200
    assert second.push([other]).status_code == 200
    assert sorted(_held(live_hq, [one, other])) == sorted([one.id, other.id])
    table = ComplaintRow.__table__
    with live_hq.engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == case.complaint_id)).one()
    assert row.needs_review and row.status == "resolved"


def test_a_pushed_event_cannot_be_replayed_under_another_complaint_id(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    case = device.chain.event()
    assert device.push([case]).status_code == 200
    copy = dataclasses.replace(case.to_event(), id="copy-" + case.id[:20],
                               complaint_id=case.complaint_id, prev_hash=device.chain.head)
    wire = device.chain.sign(dataclasses.replace(copy, hash=""))
    _refused(live_hq, device.push([wire]), 409, "hq.push.complaint_exists", [wire])


def test_a_chain_of_another_device_of_the_branch_cannot_be_spoofed(live_hq: LiveHq) -> None:
    device = live_hq.enroll()
    colleague = live_hq.enroll(device.info.branch_code)
    spoof = DeviceChain(colleague.info.device_id, device.info.branch_code).event()
    _refused(live_hq, device.push([spoof]), 403, "hq.push.wrong_device", [spoof])
