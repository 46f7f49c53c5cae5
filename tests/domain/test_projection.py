"""Folding a complaint's events: the same view whatever order they arrive in, and
incompatible events (two resolutions made offline) kept and flagged for review."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.hlc import Stamp
from desktop.domain.model import Event, EventKind, Outcome, Role, Status
from desktop.domain.projection import fold
from desktop.domain.states import EVENT_OF_ACTION, TRANSITIONS, Action, next_state

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WALL0 = int(T0.timestamp() * 1000)

_PAYLOADS: dict[EventKind, dict[str, Any]] = {
    EventKind.ASSIGNED: {"assignee": "T002"},
    EventKind.ESCALATED: {"level": 1, "reason": "complex"},
    EventKind.DEADLINE_EXTENDED: {"new_due": "2026-04-01T23:59:59+08:00", "level": 1,
                                  "approver": "S001", "approver_role": "supervisor", "reason": "r"},
    EventKind.RESOLVED: {"outcome": "upheld", "findings": "f", "remedy": "refund", "compensation": "50.00"},
    EventKind.HQ_DECISION: {"outcome": "not_upheld", "findings": "hq"},
    EventKind.SATISFACTION_RECORDED: {"score": 4, "comment": ""},
    EventKind.REOPENED: {"reason": "customer disagrees"},
    EventKind.WITHDRAWN: {"reason": "customer withdrew"},
    EventKind.LINKED: {"related_reference": "BJ001-01-20260301-0001-X"},
    EventKind.EXTENSION_REQUESTED: {"level": 2, "new_due": "2026-05-01T23:59:59+08:00", "reason": "r"},
    EventKind.EXTENSION_DECIDED: {"level": 2, "approved": True, "new_due": "2026-05-01T23:59:59+08:00",
                                  "reason": "", "officer": "HQ01"},
}


def event(kind: EventKind, tick: int, *, device: str = "dev-a", payload: dict[str, Any] | None = None,
          role: Role = Role.SUPERVISOR) -> Event:
    if kind is EventKind.RECEIVED and payload is None:
        payload = {"reference": "BJ001-01-20260302-0001-X", "channel": "counter",
                   "business_type": "B0201", "cause": "R0103", "amount": "100.00",
                   "received_at": T0.isoformat(), "decision_due": "2026-03-17T23:59:59+08:00",
                   "customer": {"id": "cust-1", "name": "张三"}}
    if kind is EventKind.EXTENSION_DECIDED:  # only HQ writes these
        device, role = "HQ", Role.HQ_OFFICER
    return Event(
        id=f"{device}-{tick:04d}", complaint_id="c-1", kind=kind,
        payload=payload if payload is not None else dict(_PAYLOADS.get(kind, {})),
        actor="S001", actor_role=role, device_id=device, branch_code="BJ001",
        hlc=str(Stamp(WALL0 + tick * 1000, 0)), occurred_at=T0 + timedelta(seconds=tick),
        business_date=date(2026, 3, 2),
    )


@st.composite
def histories(draw: st.DrawFn) -> list[Event]:
    """A history the state machine allows, as one device would write it."""
    events = [event(EventKind.RECEIVED, 0)]
    state: Status | None = Status.RECEIVED
    for tick in range(1, draw(st.integers(0, 25)) + 1):
        possible = sorted(a for (s, a) in TRANSITIONS if s == state and a is not Action.RECEIVE)
        if not possible:
            break
        action = draw(st.sampled_from(possible))
        events.append(event(EVENT_OF_ACTION[action], tick))
        state = next_state(state, action)
    return events


@settings(max_examples=150)
@given(st.data())
def test_events_in_any_arrival_order_give_the_same_view(data: st.DataObject) -> None:
    history = data.draw(histories())
    arrived = data.draw(st.permutations(history))
    assert fold(arrived) == fold(history)


@given(histories())
def test_a_history_the_state_machine_allows_never_needs_review(history: list[Event]) -> None:
    view = fold(history)
    assert view is not None
    assert not view.needs_review, view.review_reasons
    assert view.event_count == len(history)


def test_two_resolutions_made_offline_on_two_counters_flag_the_case() -> None:
    received = event(EventKind.RECEIVED, 0)
    ack = event(EventKind.ACKNOWLEDGED, 1)
    on_a = event(EventKind.RESOLVED, 5, device="dev-a")
    on_b = event(EventKind.RESOLVED, 7, device="dev-b",
                 payload={"outcome": "not_upheld", "findings": "other view"})
    for order in ([received, ack, on_a, on_b], [on_b, received, on_a, ack], [on_b, on_a, ack, received]):
        view = fold(order)
        assert view is not None
        assert view.needs_review
        assert view.review_reasons == ["conflict:resolved@resolved"]
        assert view.status is Status.RESOLVED
        assert view.outcome is Outcome.UPHELD  # the earlier stamp wins; the other is kept for review
        assert view.event_count == 4


def test_a_resolution_and_a_withdrawal_made_offline_flag_the_case() -> None:
    history = [event(EventKind.RECEIVED, 0), event(EventKind.WITHDRAWN, 3, device="dev-b"),
               event(EventKind.RESOLVED, 4, device="dev-a")]
    view = fold(reversed(history))
    assert view is not None and view.status is Status.WITHDRAWN and view.needs_review
    assert view.closed_at == history[1].occurred_at


def test_an_event_stamped_before_the_receipt_is_flagged() -> None:
    early_note = event(EventKind.NOTE, 0, device="dev-b", payload={"text": "clock behind"})
    received = event(EventKind.RECEIVED, 1)
    view = fold([received, replace(early_note, hlc=str(Stamp(WALL0 - 5000, 0)))])
    assert view is not None and view.needs_review
    assert "order:events_before_receipt" in view.review_reasons


def test_a_second_receipt_is_flagged() -> None:
    view = fold([event(EventKind.RECEIVED, 0), event(EventKind.RECEIVED, 1, device="dev-b")])
    assert view is not None and view.needs_review
    assert view.review_reasons == ["conflict:received_twice"]


def test_no_view_until_the_receipt_is_known() -> None:
    assert fold([]) is None
    assert fold([event(EventKind.ACKNOWLEDGED, 1)]) is None


def test_the_view_follows_the_timeline() -> None:
    view = fold([
        event(EventKind.RECEIVED, 0), event(EventKind.ASSIGNED, 1), event(EventKind.DEADLINE_EXTENDED, 2),
        event(EventKind.RESOLVED, 3), event(EventKind.SATISFACTION_RECORDED, 4),
        event(EventKind.CLOSED, 5), event(EventKind.LINKED, 6),
    ])
    assert view is not None
    assert view.status is Status.CLOSED and view.assignee == "T002" and view.extensions == 1
    assert view.decision_due == datetime.fromisoformat("2026-04-01T23:59:59+08:00")
    assert str(view.compensation) == "50.00" and view.satisfaction == 4
    assert view.related == ["BJ001-01-20260301-0001-X"] and not view.needs_review
