"""Offline-first sync against a real HQ: nothing lost, nothing doubled, HQ and branch agree."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import update

from desktop.domain.model import Actor, Outcome, Status
from desktop.services import complaints as uc
from desktop.services.cases import case_detail
from desktop.services.context import ServiceContext
from desktop.store.events import row_to_event
from desktop.store.models import EventRow
from desktop.sync.client import HqRefused, HqUnreachable, RetryPolicy
from desktop.sync.engine import (
    batch_key,
    close_day,
    pull_changes,
    push_outbox,
    sync_now,
)
from desktop.sync.status import unsent_count
from desktop.sync.wire import EventWire, PushRequest
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.services.intakes import DECISION_PARTS, sample_intake
from tests.sync.conftest import Branch, assert_agree, client_for, local_ids
from tests.sync.proxy import FlakyProxy


def record(ctx: ServiceContext, actor: Actor, n: int = 1) -> list[str]:
    return [uc.record_complaint(ctx, actor, sample_intake()).complaint_id for _ in range(n)]


def test_a_device_pushes_its_work_and_hq_agrees(sqlite_hq: LiveHq, make_branch: Callable[..., Branch],
                                                teller: Actor) -> None:
    a = make_branch(sqlite_hq).device("counter1")
    cid = record(a, teller, 3)[0]
    uc.acknowledge(a, teller, cid)
    with client_for(a) as client:
        report = sync_now(a, client)
    assert report.pushed == 4 and report.duplicates == 0
    assert unsent_count(a) == 0
    assert_agree(a, a.business_date())


def test_another_counter_sees_and_continues_the_case(sqlite_hq: LiveHq,
                                                     make_branch: Callable[..., Branch],
                                                     teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    cid = record(a, teller)[0]
    with client_for(a) as ca, client_for(b) as cb:
        sync_now(a, ca)
        assert sync_now(b, cb).pulled == 1
        uc.acknowledge(b, Actor("T002", teller.role), cid)
        sync_now(b, cb)
        sync_now(a, ca)
    assert case_detail(a, cid).view == case_detail(b, cid).view
    assert case_detail(a, cid).view.status is Status.ACKNOWLEDGED
    assert_agree(a, a.business_date())
    assert_agree(b, b.business_date())


def test_two_devices_resolving_offline_converge_and_flag_the_case(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    cid = record(a, teller)[0]
    with client_for(a) as ca, client_for(b) as cb:
        sync_now(a, ca)
        sync_now(b, cb)
        # Both offline: each resolves the same case differently.
        uc.resolve(a, teller, cid, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS, compensation="50")
        uc.resolve(b, Actor("T002", teller.role), cid, outcome=Outcome.NOT_UPHELD, findings="不属实",
                   **DECISION_PARTS)
        for _ in range(2):
            sync_now(a, ca)
            sync_now(b, cb)
    va, vb = case_detail(a, cid), case_detail(b, cid)
    assert va.view == vb.view
    assert va.view.needs_review, "two incompatible resolutions must be flagged for a person"
    assert len(va.timeline) == len(vb.timeline) == 3  # both resolutions kept


def test_a_connection_cut_mid_push_and_mid_pull_loses_nothing(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    record(a, teller, 40)
    proxy = FlakyProxy(int(sqlite_hq.base_url.rsplit(":", 1)[1]), cut_after_bytes=6000)
    try:
        with client_for(a, proxy.url, retry=RetryPolicy(attempts=2, base_delay=0.01)) as flaky:
            with pytest.raises(HqUnreachable):
                push_outbox(a, flaky, batch_size=10)
        assert proxy.cuts >= 1
        assert 0 < unsent_count(a) < 40, "some batches went through before the line dropped"
        proxy.cut_after_bytes = None
        with client_for(a, proxy.url) as fine:
            push_outbox(a, fine, batch_size=10)
        assert unsent_count(a) == 0
        # Pull through a line that drops: the cursor only moves past applied pages.
        proxy.cut_after_bytes = 8000
        with client_for(b, proxy.url, retry=RetryPolicy(attempts=2, base_delay=0.01)) as flaky:
            with pytest.raises(HqUnreachable):
                pull_changes(b, flaky, page_size=5)
        assert 0 < len(local_ids(b)) < 40, "some pages were applied before the line dropped"
        proxy.cut_after_bytes = None
        with client_for(b, proxy.url) as fine:
            pull_changes(b, fine, page_size=5)
    finally:
        proxy.close()
    assert sorted(local_ids(b)) == sorted(local_ids(a))
    assert_agree(a, a.business_date())
    assert_agree(b, b.business_date())


def test_the_same_batch_sent_twice_changes_nothing(sqlite_hq: LiveHq,
                                                   make_branch: Callable[..., Branch],
                                                   teller: Actor) -> None:
    a = make_branch(sqlite_hq).device("counter1")
    record(a, teller, 5)
    with client_for(a) as client:
        first = push_outbox(a, client)
        with a.store.write() as s:  # as if the answer had been lost: all unsent again
            s.execute(update(EventRow).values(sent=False))
        again = push_outbox(a, client)
    assert first == (5, 0)
    assert again == (5, 0), "the same batch key gets the first answer again"
    assert_agree(a, a.business_date())


def test_batches_out_of_order_are_refused_whole_then_accepted_in_order(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    a = make_branch(sqlite_hq).device("counter1")
    record(a, teller, 4)
    with a.store.read() as s:
        events = [EventWire.from_event(row_to_event(r)) for r in s.query(EventRow).order_by(EventRow.seq)]
    first, second = events[:2], events[2:]
    with client_for(a) as client:
        with pytest.raises(HqRefused) as refused:
            client.push(PushRequest(batch_key=batch_key([e.id for e in second]), events=second))
        assert 400 <= refused.value.status < 500
        assert client.digest(a.business_date()).count == 0  # nothing of the refused batch kept
        client.push(PushRequest(batch_key=batch_key([e.id for e in first]), events=first))
        client.push(PushRequest(batch_key=batch_key([e.id for e in second]), events=second))
        # A late retry of the first batch: its key gets the first answer again, and the
        # same events under a new key are duplicates. HQ still holds 4 events.
        late = client.push(PushRequest(batch_key=batch_key([e.id for e in first]), events=first))
        assert late.accepted == 2
        relabelled = client.push(PushRequest(batch_key="another-key-" + "0" * 20, events=first))
        assert (relabelled.accepted, relabelled.duplicates) == (0, 2)
        assert client.digest(a.business_date()).count == 4
        with a.store.write() as s:
            s.execute(update(EventRow).values(sent=True))
    assert_agree(a, a.business_date())


@pytest.mark.parametrize("skew", [timedelta(days=2), timedelta(days=-2)])
def test_a_branch_clock_days_off_does_not_reorder_the_case(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor,
        skew: timedelta) -> None:
    branch = make_branch(sqlite_hq)
    right = SettableClock()
    wrong = SettableClock(right.current + skew)
    a, b = branch.device("counter1", right), branch.device("counter2", wrong)
    cid = record(a, teller)[0]
    with client_for(a) as ca, client_for(b) as cb:
        sync_now(a, ca)
        sync_now(b, cb)
        right.advance(minutes=5)
        wrong.advance(minutes=5)
        # B acts after seeing A's receipt, so B's event folds after it whatever B's clock says.
        uc.acknowledge(b, Actor("T002", teller.role), cid)
        uc.add_note(b, Actor("T002", teller.role), cid, "已联系客户")
        sync_now(b, cb)
        sync_now(a, ca)
    for ctx in (a, b):
        detail = case_detail(ctx, cid)
        assert [e.kind.value for e in detail.timeline] == ["received", "acknowledged", "note"]
        assert detail.view.status is Status.ACKNOWLEDGED and not detail.view.needs_review


def test_a_week_offline_syncs_in_one_go(sqlite_hq: LiveHq, make_branch: Callable[..., Branch],
                                        teller: Actor, supervisor: Actor) -> None:
    clock = SettableClock()
    a = make_branch(sqlite_hq).device("counter1", clock)
    days = []
    for _day in range(7):
        days.append(a.business_date())
        for i, cid in enumerate(record(a, teller, 143)):
            if i % 3 == 0:
                uc.acknowledge(a, teller, cid)
        clock.advance(days=1)
    assert unsent_count(a) > 1000
    with client_for(a) as client:
        report = sync_now(a, client)
        assert report.pushed == len(local_ids(a))
        for day in days:
            assert close_day(a, client, day, closed_by=supervisor.staff_number).resent == 0
    for day in days:
        assert_agree(a, day)


def test_devices_converge_on_postgresql_too(postgres_hq: LiveHq,
                                            make_branch: Callable[..., Branch],
                                            teller: Actor) -> None:
    branch = make_branch(postgres_hq)
    a, b = branch.device("counter1"), branch.device("counter2")
    ids = record(a, teller, 10) + record(b, Actor("T002", teller.role), 10)
    with client_for(a) as ca, client_for(b) as cb:
        for _ in range(2):
            sync_now(a, ca)
            sync_now(b, cb)
    assert sorted(local_ids(a)) == sorted(local_ids(b))
    for cid in ids:
        assert case_detail(a, cid).view == case_detail(b, cid).view
    assert_agree(a, a.business_date())
