"""HQ's complaint rows: folded from each push in its transaction, and the same rows again
when `complaint-desk-hq rebuild` makes them from the events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import delete, func, select

from desktop.domain.model import Event, EventKind, Outcome, Role
from hq import admin, complaints
from hq.cli import main
from hq.db import allocate_seqs, change_lock, insert_new
from hq.errors import Conflict
from hq.tables import ComplaintRow, EventRow
from tests.hq.conftest import (
    BUSINESS_DATE,
    CUSTOMER_ID_NUMBER,
    DeviceChain,
    EnrolledDevice,
    LiveHq,
)

_rows = ComplaintRow.__table__


def _all_rows(live_hq: LiveHq) -> list[dict[str, Any]]:
    with live_hq.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(_rows).order_by(_rows.c.id))]


def _row(live_hq: LiveHq, complaint_id: str) -> dict[str, Any]:
    with live_hq.engine.connect() as conn:
        return dict(conn.execute(select(_rows).where(_rows.c.id == complaint_id)).one()._mapping)


def _work(live_hq: LiveHq) -> tuple[EnrolledDevice, EnrolledDevice, dict[str, str]]:
    """A day of a branch: cases received, worked, escalated, decided, resolved twice."""
    counter = live_hq.enroll()
    other = live_hq.enroll(counter.info.branch_code)
    plain = counter.chain.event()
    worked = counter.chain.event()
    escalated = counter.chain.event()
    twice = counter.chain.event()
    counter.chain.event(EventKind.ASSIGNED, complaint_id=worked.complaint_id,
                        payload={"assignee": "T007"})
    counter.chain.event(EventKind.ESCALATED, complaint_id=escalated.complaint_id,
                        actor_role=Role.SUPERVISOR, actor="S001")
    counter.chain.event(EventKind.RESOLVED, complaint_id=twice.complaint_id)
    assert counter.push(counter.chain.written).status_code == 200
    # Offline, the other counter resolved the same case too: both are kept, the case flagged.
    other.chain.counter = 100  # (it pulled the case first: its clock is past the receipt)
    other.chain.event(EventKind.RESOLVED, complaint_id=twice.complaint_id,
                      payload={"outcome": "not_upheld", "findings": "无过错"})
    assert other.push(other.chain.written).status_code == 200
    with live_hq.engine.begin() as conn:
        admin.decide_escalated_case(
            conn, counter.info.branch_code, str(escalated.payload["reference"]),
            outcome=Outcome.PARTLY_UPHELD, findings="部分属实", verification="核对流水",
            compensation="50", officer="HQ007", now=datetime.now(UTC),
            customer_summary="您反映的问题部分属实。")
    ids = {"plain": plain.complaint_id, "worked": worked.complaint_id,
           "escalated": escalated.complaint_id, "twice": twice.complaint_id}
    return counter, other, ids


def test_each_push_folds_its_complaints_into_rows(live_hq: LiveHq) -> None:
    counter, _other, ids = _work(live_hq)
    branch = counter.info.branch_code
    plain = _row(live_hq, ids["plain"])
    assert plain["branch_code"] == branch and plain["owner_device_id"] == counter.info.device_id
    assert plain["status"] == "received" and plain["reference"].startswith(f"{branch}-01-")
    assert (plain["channel"], plain["business_type"], plain["cause"]) == ("counter", "card", "fees")
    assert plain["received_date"].isoformat() == "2026-03-16" and plain["event_count"] == 1
    assert _row(live_hq, ids["worked"])["assignee"] == "T007"
    decided = _row(live_hq, ids["escalated"])
    assert (decided["status"], decided["escalation_level"], decided["outcome"]) == (
        "resolved", 1, "partly_upheld")
    assert decided["compensation"] == "50" and decided["event_count"] == 3
    twice = _row(live_hq, ids["twice"])
    assert twice["needs_review"] is True and "conflict:resolved@resolved" in twice["review_reasons"]


def test_rows_hold_no_identity_but_find_a_customer_by_keyed_hash(live_hq: LiveHq) -> None:
    _counter, _other, ids = _work(live_hq)
    row = _row(live_hq, ids["plain"])
    assert CUSTOMER_ID_NUMBER not in repr(row)
    assert live_hq.vault is not None
    assert row["customer_key"] == live_hq.vault.lookup_key(CUSTOMER_ID_NUMBER)
    with live_hq.engine.connect() as conn:
        found = complaints.by_customer(conn, live_hq.vault, CUSTOMER_ID_NUMBER.lower())
    assert row["reference"] in [reference for _branch, reference, _status in found]


def test_rebuild_from_the_events_gives_the_same_rows(
    live_hq: LiveHq, capsys: pytest.CaptureFixture[str],
) -> None:
    _work(live_hq)
    before = _all_rows(live_hq)
    assert live_hq.vault is not None
    keys = live_hq.vault.keys
    code = main(["rebuild", "--database", live_hq.database_url,
                 "--keys", f"file:{keys.path}"])  # type: ignore[attr-defined]
    out = capsys.readouterr().out
    assert code == 0 and str(len(before)) in out
    assert _all_rows(live_hq) == before


def test_a_repeat_link_is_folded_into_hqs_row_and_survives_a_rebuild(
    live_hq: LiveHq, capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.hq.conftest import received_payload

    counter = live_hq.enroll()
    first = counter.chain.event()
    repeat = counter.chain.event(payload={
        **received_payload(counter.chain.next_reference(BUSINESS_DATE)),
        "repeat_of": first.complaint_id})
    assert counter.push(counter.chain.written).status_code == 200
    assert _row(live_hq, first.complaint_id)["repeat_of"] is None
    assert _row(live_hq, repeat.complaint_id)["repeat_of"] == first.complaint_id
    with live_hq.engine.connect() as conn:
        counted = conn.execute(select(func.count()).select_from(_rows).where(
            _rows.c.repeat_of.is_(None), _rows.c.id.in_(
                [first.complaint_id, repeat.complaint_id]))).scalar()
    assert counted == 1
    before = _all_rows(live_hq)
    assert live_hq.vault is not None
    keys = live_hq.vault.keys
    assert main(["rebuild", "--database", live_hq.database_url,
                 "--keys", f"file:{keys.path}"]) == 0  # type: ignore[attr-defined]
    capsys.readouterr()
    assert _all_rows(live_hq) == before


def test_a_pushed_repeat_link_that_is_not_a_complaint_id_is_refused(live_hq: LiveHq) -> None:
    from tests.hq.conftest import received_payload

    counter = live_hq.enroll()
    bad = counter.chain.event(payload={
        **received_payload(counter.chain.next_reference(BUSINESS_DATE)),
        "repeat_of": "x" * 65})
    answer = counter.push([bad])
    assert 400 <= answer.status_code < 500
    with live_hq.engine.connect() as conn:
        assert conn.execute(select(_rows.c.id).where(_rows.c.id == bad.complaint_id)).first() is None


def test_a_row_another_push_changed_after_the_fold_is_folded_again(live_hq: LiveHq) -> None:
    """A push folds its complaints before it takes the change lock (hq.ingest.store_batch);
    a row another device changed in between is folded again under the lock."""
    counter = live_hq.enroll()
    other = live_hq.enroll(counter.info.branch_code)
    receipt = counter.chain.event()
    assert counter.push([receipt]).status_code == 200
    cid = receipt.complaint_id
    mine = counter.chain.event(EventKind.NOTE, complaint_id=cid).to_event()
    with live_hq.engine.begin() as conn:
        folded = complaints.fold_touched(conn, {cid: [mine]}, {})
    other.chain.counter = 50
    assert other.push([other.chain.event(EventKind.NOTE, complaint_id=cid)]).status_code == 200
    with live_hq.engine.begin() as conn:
        change_lock(conn)
        seq = allocate_seqs(conn, 1)
        complaints.store_folded(conn, folded, {cid: [mine]}, {}, {cid: seq})
    row = _row(live_hq, cid)
    assert row["event_count"] == 3 and row["last_seq"] == seq


class _LateStore:
    """A push of `event` checked and folded now, stored later (after another push)."""

    def __init__(self, live_hq: LiveHq, event: Event) -> None:
        self.live_hq, self.event = live_hq, event
        self.receipts = {event.complaint_id: complaints.Receipt(
            event.device_id, event.business_date, None)}
        with live_hq.engine.begin() as conn:
            self.folded = complaints.fold_touched(conn, {event.complaint_id: [event]},
                                                  self.receipts)

    def store(self) -> None:
        e = self.event
        with self.live_hq.engine.begin() as conn:
            change_lock(conn)
            complaints.store_folded(conn, self.folded, {e.complaint_id: [e]}, self.receipts,
                                    {e.complaint_id: allocate_seqs(conn, 1)})


def test_a_complaint_id_another_branch_took_after_the_checks_is_refused(
        live_hq: LiveHq) -> None:
    counter = live_hq.enroll()
    forger = live_hq.enroll()
    mine = counter.chain.event().to_event()
    late = _LateStore(live_hq, mine)  # checked and folded now, stored after another push
    taken = forger.chain.event(complaint_id=mine.complaint_id)
    assert forger.push([taken]).status_code == 200
    with pytest.raises(Conflict) as refused:
        late.store()
    assert refused.value.code == "hq.push.complaint_exists"
    assert _row(live_hq, mine.complaint_id)["branch_code"] == forger.info.branch_code


def test_a_reference_another_push_took_after_the_checks_is_refused(live_hq: LiveHq) -> None:
    """The unique reference is the backstop when a push stores a reference first after
    this push checked it (hq.db.insert_new finds which key clashed)."""
    counter = live_hq.enroll()
    mine = counter.chain.event().to_event()
    late = _LateStore(live_hq, mine)  # checked and folded now, stored after another push
    twin = DeviceChain(counter.info.device_id, counter.info.branch_code)
    taken = twin.event()  # the same reference on another complaint id
    assert taken.payload["reference"] == mine.payload["reference"]
    assert counter.push([taken]).status_code == 200
    with pytest.raises(Conflict) as refused:
        late.store()
    assert refused.value.code == "hq.push.reference_taken"
    assert refused.value.params["event_id"] == mine.id
    with live_hq.engine.connect() as conn:
        assert conn.execute(select(_rows.c.id).where(_rows.c.id == mine.complaint_id)).first() \
            is None


def _event_row(event_id: str, seq: int) -> dict[str, Any]:
    return {"id": event_id, "seq": seq, "branch_code": "BX", "device_id": "BX-1",
            "complaint_id": "c-" + event_id, "kind": "note", "reference": None,
            "business_date": BUSINESS_DATE, "hlc": "000000000000001.00000", "prev_hash": "0" * 64,
            "hash": "1" * 64, "body": "{}", "stored_at": datetime.now(UTC), "identity": b"\x00",
            "data_key_id": None}


def test_insert_new_names_the_first_row_whose_key_is_held(live_hq: LiveHq) -> None:
    events = EventRow.__table__
    ids = [uuid.uuid4().hex for _ in range(4)]
    try:
        with live_hq.engine.begin() as conn:
            first = allocate_seqs(conn, 4)
            assert insert_new(conn, events, [_event_row(ids[0], first),
                                             _event_row(ids[1], first + 1)], ("id",)) is None
        rows = [_event_row(ids[2], first + 2), _event_row(ids[1], first + 3),
                _event_row(ids[0], first + 3), _event_row(ids[3], first + 3)]
        with live_hq.engine.begin() as conn:
            assert insert_new(conn, events, rows, ("id",)) == ("id", rows[1])
            assert conn.execute(select(func.count()).select_from(events)).scalar_one() > 0
            conn.rollback()  # as the caller does on a clash
        with live_hq.engine.connect() as conn:
            held = set(conn.execute(select(events.c.id).where(events.c.id.in_(ids))).scalars())
            assert held == {ids[0], ids[1]}
            stored = conn.execute(select(events).where(events.c.id == ids[0])).one()
        assert stored.identity == b"\x00" and stored.seq == first
        assert stored.stored_at.tzinfo is not None and stored.business_date == BUSINESS_DATE
    finally:  # no made-up event stays for the tests that read every event (rebuild)
        with live_hq.engine.begin() as conn:
            conn.execute(delete(events).where(events.c.id.in_(ids)))
