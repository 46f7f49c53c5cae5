"""The complaint state machine as one table: (state, action) → next state, and who may act.

`None` as the next state means the action leaves the state as it is (a note, a
contact attempt, an extension). A missing pair means the action is not allowed
in that state. The permission table of the security layer narrows roles
further; this table is the rule of the domain itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop.domain.errors import PermissionDenied, TransitionNotAllowed
from desktop.domain.model import EventKind, Role, Status


class Action(enum.StrEnum):
    RECEIVE = "receive"
    ACKNOWLEDGE = "acknowledge"
    ADD_NOTE = "add_note"
    LOG_CONTACT = "log_contact"
    ASSIGN = "assign"
    ESCALATE = "escalate"
    EXTEND_DEADLINE = "extend_deadline"
    RESOLVE = "resolve"
    PRINT_DOCUMENT = "print_document"
    RECORD_SATISFACTION = "record_satisfaction"
    CLOSE = "close"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"
    LINK = "link"
    ADD_ATTACHMENT = "add_attachment"
    HQ_DECIDE = "hq_decide"
    REQUEST_EXTENSION = "request_extension"
    HQ_DECIDE_EXTENSION = "hq_decide_extension"
    SET_LEGAL_HOLD = "set_legal_hold"
    APPLY_RETENTION = "apply_retention"
    CORRECT_CUSTOMER = "correct_customer"
    VIEW_IDENTITY = "view_identity"
    EXPORT_IDENTITY = "export_identity"
    COMPLETE_CORRECTIVE_ACTION = "complete_corrective_action"
    RECOUNT_DEADLINE = "recount_deadline"


# The event each action appends to the timeline.
EVENT_OF_ACTION: dict[Action, EventKind] = {
    Action.RECEIVE: EventKind.RECEIVED,
    Action.ACKNOWLEDGE: EventKind.ACKNOWLEDGED,
    Action.ADD_NOTE: EventKind.NOTE,
    Action.LOG_CONTACT: EventKind.CONTACT_ATTEMPT,
    Action.ASSIGN: EventKind.ASSIGNED,
    Action.ESCALATE: EventKind.ESCALATED,
    Action.EXTEND_DEADLINE: EventKind.DEADLINE_EXTENDED,
    Action.RESOLVE: EventKind.RESOLVED,
    Action.PRINT_DOCUMENT: EventKind.DOCUMENT_PRINTED,
    Action.RECORD_SATISFACTION: EventKind.SATISFACTION_RECORDED,
    Action.CLOSE: EventKind.CLOSED,
    Action.REOPEN: EventKind.REOPENED,
    Action.WITHDRAW: EventKind.WITHDRAWN,
    Action.LINK: EventKind.LINKED,
    Action.ADD_ATTACHMENT: EventKind.ATTACHMENT_ADDED,
    Action.HQ_DECIDE: EventKind.HQ_DECISION,
    Action.REQUEST_EXTENSION: EventKind.EXTENSION_REQUESTED,
    Action.HQ_DECIDE_EXTENSION: EventKind.EXTENSION_DECIDED,
    Action.SET_LEGAL_HOLD: EventKind.LEGAL_HOLD,
    Action.APPLY_RETENTION: EventKind.RETENTION_APPLIED,
    Action.CORRECT_CUSTOMER: EventKind.CUSTOMER_CORRECTED,
    Action.VIEW_IDENTITY: EventKind.IDENTITY_VIEWED,
    Action.EXPORT_IDENTITY: EventKind.IDENTITY_EXPORTED,
    Action.COMPLETE_CORRECTIVE_ACTION: EventKind.CORRECTIVE_ACTION_DONE,
    Action.RECOUNT_DEADLINE: EventKind.DEADLINE_RECOUNTED,
}
ACTION_OF_EVENT: dict[EventKind, Action] = {kind: action for action, kind in EVENT_OF_ACTION.items()}


@dataclass(frozen=True, slots=True)
class Transition:
    next_state: Status | None  # None: the state stays as it is
    roles: frozenset[Role]


_COUNTER = frozenset({Role.TELLER, Role.SUPERVISOR, Role.MANAGER})
_SUPERVISORS = frozenset({Role.SUPERVISOR, Role.MANAGER})
_ANYONE_WORKING = _COUNTER | {Role.HQ_OFFICER}
_OPEN = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.ESCALATED, Status.REOPENED)
_ALL = tuple(Status)


def _rows() -> dict[tuple[Status | None, Action], Transition]:
    t: dict[tuple[Status | None, Action], Transition] = {}

    def allow(states: tuple[Status | None, ...], action: Action, nxt: Status | None,
              roles: frozenset[Role]) -> None:
        for s in states:
            t[(s, action)] = Transition(nxt, roles)

    # HQ records complaints from the other channels for a branch (hq.intake).
    allow((None,), Action.RECEIVE, Status.RECEIVED, _COUNTER | {Role.HQ_OFFICER})
    allow((Status.RECEIVED,), Action.ACKNOWLEDGE, Status.ACKNOWLEDGED, _COUNTER)
    allow(_OPEN, Action.ADD_NOTE, None, _ANYONE_WORKING)
    allow(_OPEN, Action.LOG_CONTACT, None, _ANYONE_WORKING)
    allow((Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.REOPENED),
          Action.ASSIGN, Status.IN_PROGRESS, _COUNTER)
    allow((Status.ESCALATED,), Action.ASSIGN, None, _SUPERVISORS | {Role.HQ_OFFICER})
    allow((Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.REOPENED),
          Action.ESCALATE, Status.ESCALATED, _SUPERVISORS)
    # The approver's role is checked against the deadline policy; the table says who may ask.
    allow(_OPEN, Action.EXTEND_DEADLINE, None, _ANYONE_WORKING)
    # An extension only HQ may approve: the branch asks, HQ decides (an HQ decision event).
    allow(_OPEN, Action.REQUEST_EXTENSION, None, _COUNTER)
    allow(_OPEN, Action.HQ_DECIDE_EXTENSION, None, frozenset({Role.HQ_OFFICER}))
    allow((Status.RECEIVED, Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.REOPENED),
          Action.RESOLVE, Status.RESOLVED, _COUNTER)
    allow((Status.ESCALATED,), Action.RESOLVE, Status.RESOLVED, _SUPERVISORS | {Role.HQ_OFFICER})
    allow((Status.ESCALATED,), Action.HQ_DECIDE, Status.RESOLVED, frozenset({Role.HQ_OFFICER}))
    allow(_ALL, Action.PRINT_DOCUMENT, None, _ANYONE_WORKING)
    allow((Status.RESOLVED, Status.CLOSED), Action.RECORD_SATISFACTION, None, _COUNTER)
    allow((Status.RESOLVED,), Action.CLOSE, Status.CLOSED, _COUNTER)
    allow((Status.RESOLVED, Status.CLOSED), Action.REOPEN, Status.REOPENED, _SUPERVISORS)
    # A withdrawal ends the case on the day it is received (CBIRC Order 2020 No. 3).
    allow(_OPEN, Action.WITHDRAW, Status.WITHDRAWN, _COUNTER)
    allow(_ALL, Action.LINK, None, _ANYONE_WORKING)
    allow(_ALL, Action.ADD_ATTACHMENT, None, _ANYONE_WORKING)
    # Records management (`admin retention`, `admin legal-hold`): run by the administrator.
    allow(_ALL, Action.SET_LEGAL_HOLD, None, _SUPERVISORS | {Role.ADMIN, Role.HQ_OFFICER})
    allow((Status.CLOSED, Status.WITHDRAWN), Action.APPLY_RETENTION, None, frozenset({Role.ADMIN}))
    # Identity: a confirmed change of a known customer's details, and a deliberate reveal of
    # masked identity data, are on the timeline of the complaint they happened on.
    allow(_ALL, Action.CORRECT_CUSTOMER, None, _COUNTER)
    allow(_ALL, Action.VIEW_IDENTITY, None, _ANYONE_WORKING)
    allow(_ALL, Action.EXPORT_IDENTITY, None, _ANYONE_WORKING)
    # A resolution's corrective actions are carried out after it, whatever the case's state.
    allow(_ALL, Action.COMPLETE_CORRECTIVE_ACTION, None, _ANYONE_WORKING)
    # A published calendar recounts an open case's provisional deadline (issue 13, rule 11):
    # the program does it on applying the calendar, as the branch's administrator.
    allow(_OPEN, Action.RECOUNT_DEADLINE, None, frozenset({Role.ADMIN}))
    return t


TRANSITIONS: dict[tuple[Status | None, Action], Transition] = _rows()


def allowed_actions(state: Status | None, role: Role) -> list[Action]:
    """The actions `role` may take on a complaint in `state`, in table order."""
    return [a for (s, a), tr in TRANSITIONS.items() if s == state and role in tr.roles]


def check_transition(state: Status | None, action: Action, role: Role) -> Status | None:
    """The state after `action`, or the same state for a non-moving action.

    Raises TransitionNotAllowed when the state forbids the action and
    PermissionDenied when the role may not take it.
    """
    tr = TRANSITIONS.get((state, action))
    if tr is None:
        raise TransitionNotAllowed(action=action.value, state=state.value if state else "-")
    if role not in tr.roles:
        raise PermissionDenied(action=action.value, role=role.value)
    return tr.next_state


def next_state(state: Status | None, action: Action) -> Status | None:
    """The state `action` leads to, ignoring roles; None if the action is not allowed.
    For non-moving actions the current state is returned."""
    tr = TRANSITIONS.get((state, action))
    if tr is None:
        return None
    return tr.next_state if tr.next_state is not None else state
