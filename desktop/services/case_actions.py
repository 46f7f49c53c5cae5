"""Which actions a case offers a person, which of them need a supervisor's approval on this
PC, and carrying one out: the rules the case screen shows as buttons, decided here so they
hold (and are tested) without any screen.

The state machine (desktop.domain.states) says what a role may do in a state; the branch's
permission table (desktop.security.permissions) narrows it; the deadline policy says who
approves the next extension and whether HQ does. The use cases check all of it again when
the action is carried out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.domain.model import Actor, ComplaintView, Outcome, Role
from desktop.domain.policy import ExtensionNotAllowed
from desktop.domain.states import Action, allowed_actions
from desktop.security.permissions import PERMISSION_OF_ACTION
from desktop.security.permissions import allowed as permitted
from desktop.security.policy import Permission
from desktop.services.context import ServiceContext

# The actions the case screen offers, in the order it shows them.
CASE_SCREEN_ACTIONS: tuple[Action, ...] = (
    Action.ACKNOWLEDGE, Action.ADD_NOTE, Action.LOG_CONTACT, Action.ASSIGN, Action.ESCALATE,
    Action.EXTEND_DEADLINE, Action.RESOLVE, Action.RECORD_SATISFACTION, Action.CLOSE,
    Action.REOPEN, Action.WITHDRAW, Action.LINK,
)
# The approval (desktop.security.policy.Permission value) a supervisor gives on this PC.
APPROVAL_PERMISSION: dict[Action, str] = {Action.EXTEND_DEADLINE: "approve.extension",
                                          Action.REOPEN: "approve.reopen"}


@dataclass(frozen=True, slots=True)
class CaseActions:
    """What one person may do with one case right now."""

    allowed: tuple[Action, ...]  # in CASE_SCREEN_ACTIONS order
    needs_approval: frozenset[Action]  # allowed only with a supervisor's approval on this PC
    extension_roles: frozenset[Role]  # who may approve the next extension (empty: none here)
    may_attach: bool = False
    may_print: bool = False


def may_approve(actor: Actor, action: Action) -> bool:
    """Whether `actor` may give the same-PC approval `action` needs."""
    return permitted(actor, Permission(APPROVAL_PERMISSION[action]))


def case_actions(ctx: ServiceContext, view: ComplaintView, actor: Actor) -> CaseActions:
    """The actions `actor` may take on the complaint `view` shows, and which need approval.

    An action the state table gives only to a supervisor (reopening) is offered to a teller
    whose permissions allow asking for it, with a supervisor's approval on this PC. The
    next extension is offered with the roles the policy names as its approvers; not at all
    when the policy allows no further extension, or while one is already asked of HQ."""
    role = actor.role
    allowed = [a for a in allowed_actions(view.status, role)
               if a in CASE_SCREEN_ACTIONS and permitted(actor, PERMISSION_OF_ACTION[a])]
    approval: set[Action] = set()
    if (Action.REOPEN not in allowed and permitted(actor, PERMISSION_OF_ACTION[Action.REOPEN])
            and Action.REOPEN in allowed_actions(view.status, Role.SUPERVISOR)):
        allowed.append(Action.REOPEN)
    if Action.REOPEN in allowed and not may_approve(actor, Action.REOPEN):
        approval.add(Action.REOPEN)
    roles: frozenset[Role] = frozenset()
    if Action.EXTEND_DEADLINE in allowed:
        try:
            level = ctx.policy.extension_level(view.extensions + 1, view.business_type or None,
                                               view.cause or None)
            roles = frozenset(level.approver_roles)
            if level.needs_hq:  # asked of HQ, not approved here; one request at a time
                roles = frozenset()
                if view.extension_request:
                    allowed.remove(Action.EXTEND_DEADLINE)
        except ExtensionNotAllowed:
            allowed.remove(Action.EXTEND_DEADLINE)
        if roles and (role not in roles or not may_approve(actor, Action.EXTEND_DEADLINE)):
            approval.add(Action.EXTEND_DEADLINE)
    allowed.sort(key=CASE_SCREEN_ACTIONS.index)
    may = {a: a in allowed_actions(view.status, role) and permitted(actor, PERMISSION_OF_ACTION[a])
           for a in (Action.ADD_ATTACHMENT, Action.PRINT_DOCUMENT)}
    return CaseActions(allowed=tuple(allowed), needs_approval=frozenset(approval),
                       extension_roles=roles, may_attach=may[Action.ADD_ATTACHMENT],
                       may_print=may[Action.PRINT_DOCUMENT])


def run_case_action(ctx: ServiceContext, action: Action, actor: Actor, complaint_id: str,
                    values: dict[str, Any], approver: Actor | None) -> ComplaintView:
    """Carry out `action` with the values its dialog collected, through the core's use case.
    Raises the use case's DomainError (nothing is written then)."""
    from desktop.services import complaints as c

    match action:
        case Action.ACKNOWLEDGE:
            return c.acknowledge(ctx, actor, complaint_id)
        case Action.ADD_NOTE:
            return c.add_note(ctx, actor, complaint_id, values["text"])
        case Action.LOG_CONTACT:
            return c.log_contact_attempt(ctx, actor, complaint_id, channel=values["channel"],
                                         reached=values["reached"], text=values["text"],
                                         extension_notice=bool(values.get("extension_notice")))
        case Action.ASSIGN:
            return c.assign(ctx, actor, complaint_id, values["assignee"],
                            reason=values.get("reason", ""))
        case Action.ESCALATE:
            return c.escalate(ctx, actor, complaint_id, values["reason"])
        case Action.EXTEND_DEADLINE:
            view = c.current_view(ctx, complaint_id)
            level = ctx.policy.extension_level(view.extensions + 1, view.business_type or None,
                                               view.cause or None)
            if level.needs_hq:  # the branch asks; HQ's decision arrives by pull
                return c.request_extension(ctx, actor, complaint_id, reason=values["reason"])
            return c.extend_deadline(ctx, actor, complaint_id, reason=values["reason"],
                                     approver=approver or actor)
        case Action.RESOLVE:
            return c.resolve(ctx, actor, complaint_id, outcome=Outcome(values["outcome"]),
                             findings=values["findings"], verification=values["verification"],
                             basis=values["basis"], basis_reference=values["basis_reference"],
                             remedy=values["remedy"], compensation=values["compensation"] or None,
                             root_cause=values.get("root_cause", ""),
                             customer_summary=values.get("customer_summary", ""))
        case Action.RECORD_SATISFACTION:
            return c.record_satisfaction(ctx, actor, complaint_id, int(values["score"]),
                                         values["comment"])
        case Action.CLOSE:
            return c.close(ctx, actor, complaint_id)
        case Action.REOPEN:
            return c.reopen(ctx, actor, complaint_id, reason=values["reason"],
                            approver=approver or actor)
        case Action.WITHDRAW:
            return c.withdraw(ctx, actor, complaint_id, values["reason"])
        case Action.LINK:
            return c.link_related(ctx, actor, complaint_id, values["reference"].strip().upper())
    raise ValueError(f"not a case action: {action}")
