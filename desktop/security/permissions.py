"""The permission table enforced in the services: `require(actor, permission)` and the
hook `authorize(actor, action, payload, approver)` the complaint use cases call before
they write anything.

The domain's state table (desktop.domain.states) says which roles may take an action
at all; this table narrows it per branch policy (an auditor reads, an emergency
administrator manages accounts and keys but sees no case). Approvals given on the same
PC (extension, reopening, compensation above the threshold) are checked here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.domain.errors import PermissionDenied
from desktop.domain.model import Actor
from desktop.domain.projection import amount_or_none
from desktop.domain.states import Action
from desktop.security.policy import Permission, SecurityPolicy, security_policy

PERMISSION_OF_ACTION: dict[Action, Permission] = {
    Action.RECEIVE: Permission.RECORD,
    Action.ACKNOWLEDGE: Permission.ACKNOWLEDGE,
    Action.ADD_NOTE: Permission.NOTE,
    Action.LOG_CONTACT: Permission.CONTACT,
    Action.ASSIGN: Permission.ASSIGN,
    Action.ESCALATE: Permission.ESCALATE,
    Action.EXTEND_DEADLINE: Permission.EXTEND,
    Action.RESOLVE: Permission.RESOLVE,
    Action.PRINT_DOCUMENT: Permission.PRINT,
    Action.RECORD_SATISFACTION: Permission.SATISFACTION,
    Action.CLOSE: Permission.CLOSE,
    Action.REOPEN: Permission.REOPEN,
    Action.WITHDRAW: Permission.WITHDRAW,
    Action.LINK: Permission.LINK,
    Action.ADD_ATTACHMENT: Permission.ATTACHMENT_ADD,
    Action.HQ_DECIDE: Permission.HQ_DECIDE,
    Action.REQUEST_EXTENSION: Permission.EXTEND,
    Action.HQ_DECIDE_EXTENSION: Permission.HQ_DECIDE,
    Action.SET_LEGAL_HOLD: Permission.REOPEN,
    Action.APPLY_RETENTION: Permission.REOPEN,
    Action.CORRECT_CUSTOMER: Permission.RECORD,
    Action.VIEW_IDENTITY: Permission.CONTACT,  # who contacts the customer may see their details
    Action.EXPORT_IDENTITY: Permission.EXPORT_IDENTITY,
    Action.COMPLETE_CORRECTIVE_ACTION: Permission.RESOLVE,
    Action.RECOUNT_DEADLINE: Permission.REOPEN,  # written by the program, as retention is
}

# The approval an action carries when an approver is named.
APPROVAL_OF_ACTION: dict[Action, Permission] = {
    Action.EXTEND_DEADLINE: Permission.APPROVE_EXTENSION,
    Action.REOPEN: Permission.APPROVE_REOPEN,
    Action.RESOLVE: Permission.APPROVE_COMPENSATION,
}


class NotPermitted(PermissionDenied):
    """The actor's role does not hold the permission (params: permission, role)."""

    code = "security.not_permitted"


class ApprovalRequired(PermissionDenied):
    """The action needs a supervisor's approval on this PC and none (or no valid one) was given."""

    code = "security.approval_required"


def require(actor: Actor, permission: Permission, policy: SecurityPolicy | None = None) -> None:
    """Raise NotPermitted unless the actor's role holds `permission`."""
    if not (policy or security_policy()).allows(actor.role, permission):
        raise NotPermitted(permission=permission.value, role=actor.role.value)


def allowed(actor: Actor, permission: Permission) -> bool:
    """Whether the actor may; for showing or hiding a button (the services check again)."""
    return security_policy().allows(actor.role, permission)


def authorize(actor: Actor, action: Action, payload: Mapping[str, Any] | None = None,
              approver: Actor | None = None) -> None:
    """Check that `actor` may take `action` and that any approval it needs is present.

    Raises NotPermitted (the actor's role lacks the permission, or the approver's role
    lacks the approval) or ApprovalRequired (compensation above the policy threshold without a supervisor).
    """
    policy = security_policy()
    require(actor, PERMISSION_OF_ACTION[action], policy)
    approval = APPROVAL_OF_ACTION.get(action)
    if approver is not None and approval is not None:
        # A supervisor acting alone approves their own action; a teller needs a second person.
        require(approver, approval, policy)
    if action is Action.RESOLVE:
        amount = amount_or_none((payload or {}).get("compensation"))
        if amount is not None and amount > policy.compensation_approval_above:
            if approver is None and not policy.allows(actor.role, Permission.APPROVE_COMPENSATION):
                raise ApprovalRequired(action=action.value,
                                       threshold=str(policy.compensation_approval_above))
