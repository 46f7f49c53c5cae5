"""The complaint state machine: no sequence of actions leaves a complaint in an undefined state."""

from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.errors import PermissionDenied, TransitionNotAllowed
from desktop.domain.model import EventKind, Role, Status
from desktop.domain.states import (
    ACTION_OF_EVENT,
    EVENT_OF_ACTION,
    TRANSITIONS,
    Action,
    allowed_actions,
    check_transition,
    next_state,
)

TERMINAL = {Status.WITHDRAWN}


def _moves(state: Status | None) -> dict[Action, Status]:
    """Where each allowed action leads from `state`, ignoring roles."""
    out = {}
    for action in Action:
        after = next_state(state, action)
        if after is not None:
            out[action] = after
    return out


def _reachable(start: Status | None) -> set[Status]:
    seen: set[Status] = set()
    queue: deque[Status | None] = deque([start])
    while queue:
        for after in _moves(queue.popleft()).values():
            if after not in seen:
                seen.add(after)
                queue.append(after)
    return seen


@given(st.lists(st.tuples(st.sampled_from(Action), st.sampled_from(Role)), max_size=60))
def test_no_sequence_of_actions_leaves_an_undefined_state(steps: list[tuple[Action, Role]]) -> None:
    state: Status | None = None
    for action, role in steps:
        before = state
        try:
            after = check_transition(state, action, role)
        except (TransitionNotAllowed, PermissionDenied) as refused:
            assert refused.code in ("state.not_allowed", "permission.denied")
            assert state == before
            continue
        state = after if after is not None else state
        assert isinstance(state, Status)
        assert state == next_state(before, action)
        assert before is not None or action is Action.RECEIVE


@pytest.mark.parametrize("state", [None, *Status])
@pytest.mark.parametrize("role", list(Role))
def test_allowed_actions_are_exactly_those_check_transition_accepts(state: Status | None,
                                                                    role: Role) -> None:
    accepted = []
    for action in Action:
        try:
            check_transition(state, action, role)
        except (TransitionNotAllowed, PermissionDenied):
            continue
        accepted.append(action)
    assert set(allowed_actions(state, role)) == set(accepted)


def test_a_refused_action_says_whether_state_or_role_is_at_fault() -> None:
    with pytest.raises(TransitionNotAllowed):
        check_transition(Status.CLOSED, Action.RESOLVE, Role.MANAGER)
    with pytest.raises(PermissionDenied):
        check_transition(Status.ESCALATED, Action.HQ_DECIDE, Role.MANAGER)


def test_only_receiving_starts_a_complaint() -> None:
    assert set(_moves(None)) == {Action.RECEIVE}
    assert next_state(None, Action.RECEIVE) is Status.RECEIVED


def test_every_state_can_be_reached_from_receipt() -> None:
    assert _reachable(None) == set(Status)


@pytest.mark.parametrize("state", [s for s in Status if s not in TERMINAL])
def test_every_live_state_can_still_end(state: Status) -> None:
    assert _reachable(state) & {Status.CLOSED, Status.WITHDRAWN}


def test_a_withdrawn_complaint_never_moves_again() -> None:
    assert set(_moves(Status.WITHDRAWN).values()) <= {Status.WITHDRAWN}


@pytest.mark.parametrize("state", [s for s in Status if s.is_open])
def test_every_open_complaint_can_be_withdrawn_at_the_counter(state: Status) -> None:
    assert check_transition(state, Action.WITHDRAW, Role.TELLER) is Status.WITHDRAWN


def test_every_action_appends_an_event_and_every_event_maps_back() -> None:
    assert set(EVENT_OF_ACTION) == set(Action)
    assert set(ACTION_OF_EVENT) == set(EventKind)
    for action, kind in EVENT_OF_ACTION.items():
        assert ACTION_OF_EVENT[kind] is action


def test_the_table_names_only_known_states_and_some_role_for_every_row() -> None:
    for (state, action), transition in TRANSITIONS.items():
        assert state is None or isinstance(state, Status)
        assert isinstance(action, Action)
        assert transition.next_state is None or isinstance(transition.next_state, Status)
        assert transition.roles
