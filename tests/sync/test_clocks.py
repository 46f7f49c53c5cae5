"""Clocks (issue 11, item 9): a remote stamp moves the hybrid clock only within the policy's
drift bound; HQ refuses events stamped ahead of its clock; a PC whose clock is wrong is
told so in its sync result. Real HQ on loopback, real profiles."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.chain import event_hash
from desktop.domain.hlc import ClockAhead, HybridClock, Stamp, max_drift_ms
from desktop.domain.model import Event, EventKind, Role
from desktop.domain.reference import make_reference
from desktop.services import complaints as uc
from desktop.services.context import Actor
from desktop.sync.engine import sync_now
from desktop.sync.status import unsent_count
from desktop.sync.wire import EventWire
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq, received_payload
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, client_for


def test_the_drift_bound_is_policy_data_and_bounds_observe() -> None:
    assert max_drift_ms() == 300_000  # resources/security_policy.json: clock.max_drift_seconds
    now = 1_800_000_000_000
    clock = HybridClock(lambda: now, max_drift_ms=max_drift_ms())
    assert clock.observe(Stamp(now + 299_000, 3)) == Stamp(now + 299_000, 4)
    with pytest.raises(ClockAhead) as refused:
        clock.observe(Stamp(now + 86_400_000 * 365 * 3, 0))
    assert refused.value.params["minutes"] > 1_000_000
    assert clock.last == Stamp(now + 299_000, 4)  # not dragged forward
    # A better time than this PC's (HQ's) widens nothing beyond the bound, but counts.
    behind = HybridClock(lambda: now - 3_600_000, max_drift_ms=max_drift_ms(), trusted_ms=now)
    assert behind.observe(Stamp(now, 0)) == Stamp(now, 1)


def _stamped(device_id: str, branch_code: str, when: datetime, sequence: int = 1) -> EventWire:
    """A new case (HQ takes events only on cases it holds), stamped at `when`."""
    reference = make_reference(branch_code, int(device_id.rsplit("-", 1)[-1]), when.date(),
                               sequence)
    draft = Event(id=uuid.uuid4().hex, complaint_id=uuid.uuid4().hex, kind=EventKind.RECEIVED,
                  payload=received_payload(reference), actor="T001", actor_role=Role.TELLER,
                  device_id=device_id, branch_code=branch_code,
                  hlc=f"{int(when.timestamp() * 1000):015d}.00000", occurred_at=when,
                  business_date=when.date(), prev_hash="0" * 64)
    return EventWire.from_event(dataclasses.replace(draft, hash=event_hash(draft)))


def test_hq_refuses_events_stamped_ahead_of_its_clock(sqlite_hq: LiveHq) -> None:
    device = sqlite_hq.enroll()
    ahead = _stamped(device.info.device_id, device.info.branch_code,
                     datetime.now(UTC) + timedelta(days=365 * 3))
    answer = device.push([ahead])
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "hq.push.clock_ahead" and body["params"]["event_id"] == ahead.id
    assert body["params"]["minutes"] > 1_000_000
    # A little ahead (within the bound) is a PC clock being a PC clock: accepted.
    fine = _stamped(device.info.device_id, device.info.branch_code,
                    datetime.now(UTC) + timedelta(minutes=2), 2)
    assert device.push([fine]).status_code == 200, "nothing of the refused batch was stored"
    assert device.client.get("/api/v1/digest/" + fine.business_date.isoformat()).json()["count"] == 1


def test_a_pc_whose_clock_is_years_ahead_is_told_and_still_receives(
        sqlite_hq: LiveHq, make_branch: Callable[..., Branch], teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    good = branch.device("counter1")
    wrong = branch.device("counter2", SettableClock(datetime.now(UTC) + timedelta(days=365 * 3)))
    uc.record_complaint(good, teller, sample_intake())
    uc.record_complaint(wrong, teller, sample_intake())
    with client_for(good) as cg, client_for(wrong) as cw:
        sync_now(good, cg)
        report = sync_now(wrong, cw)
        assert report.clock_refused is not None
        assert report.clock_refused.code == "hq.push.clock_ahead"
        assert report.clock_offset_s is not None and report.clock_offset_s < -86_400 * 365
        assert report.clock_wrong and report.pulled == 1  # the pull went on
        assert unsent_count(wrong) == 1  # kept, sent once the clock is right
        # The good PC's clock is not dragged: HQ never took the wrong PC's event.
        assert sync_now(good, cg).pulled == 0
