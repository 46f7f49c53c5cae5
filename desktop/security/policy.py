"""The security policy as data (`resources/security_policy.json`): lockout, password length,
approval thresholds, attachment limits and the role → permission table.

HQ may publish a stricter file; nothing here is hard-coded in logic. A file naming an
unknown role or permission is refused at load, so a typo cannot silently grant or
withhold a right.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from desktop.domain.errors import PolicyError
from desktop.domain.model import Role
from desktop.resources import load_json

POLICY_FILE = "security_policy.json"


class Permission(enum.StrEnum):
    """What a role may do on this PC; the services check these before anything is written."""

    CASE_VIEW = "case.view"
    RECORD = "complaint.record"
    ACKNOWLEDGE = "complaint.acknowledge"
    NOTE = "complaint.note"
    CONTACT = "complaint.contact"
    ASSIGN = "complaint.assign"
    ESCALATE = "complaint.escalate"
    EXTEND = "complaint.extend"
    RESOLVE = "complaint.resolve"
    PRINT = "complaint.print"
    SATISFACTION = "complaint.satisfaction"
    CLOSE = "complaint.close"
    REOPEN = "complaint.reopen"
    WITHDRAW = "complaint.withdraw"
    LINK = "complaint.link"
    HQ_DECIDE = "complaint.hq_decide"
    ATTACHMENT_ADD = "attachment.add"
    ATTACHMENT_OPEN = "attachment.open"
    APPROVE_EXTENSION = "approve.extension"
    APPROVE_REOPEN = "approve.reopen"
    APPROVE_COMPENSATION = "approve.compensation"
    STAFF_MANAGE = "staff.manage"
    STAFF_UNLOCK = "staff.unlock"
    KEYS_MANAGE = "keys.manage"
    AUDIT_VERIFY = "audit.verify"
    SYNC_RUN = "sync.run"
    REPORT_DAY_END = "report.day_end"
    REPORT_STATISTICS = "report.statistics"
    EXPORT_IDENTITY = "export.identity"  # exports with customers' identity unmasked


@dataclass(frozen=True, slots=True)
class SecurityPolicy:
    max_failed_logins: int
    lock_period: timedelta
    min_password_length: int
    compensation_approval_above: Decimal
    attachment_max_bytes: int
    attachment_types: frozenset[str]
    permissions: Mapping[Role, frozenset[Permission]]

    def allows(self, role: Role, permission: Permission) -> bool:
        return permission in self.permissions.get(role, frozenset())


def _positive_int(value: Any, name: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise PolicyError(detail=f"{name} must be a positive integer")
    return value


def policy_from_dict(data: Mapping[str, Any]) -> SecurityPolicy:
    """Build the policy from its JSON form. Raises PolicyError naming the bad entry."""
    try:
        lockout, password = data["lockout"], data["password"]
        approvals, attachments, roles = data["approvals"], data["attachments"], data["roles"]
    except (KeyError, TypeError) as exc:
        raise PolicyError(detail=f"missing section {exc}") from None
    try:
        threshold = Decimal(str(approvals["compensation_above"]))
    except (KeyError, InvalidOperation):
        raise PolicyError(detail="approvals.compensation_above must be an amount") from None
    permissions: dict[Role, frozenset[Permission]] = {}
    for role_name, names in roles.items():
        try:
            role = Role(role_name)
            permissions[role] = frozenset(Permission(n) for n in names)
        except ValueError as exc:
            raise PolicyError(detail=f"roles.{role_name}: {exc}") from None
    known_types = {"pdf", "png", "jpeg", "tiff"}
    types = frozenset(str(t) for t in attachments.get("types", ()))
    if not types <= known_types:
        raise PolicyError(detail=f"attachments.types: unknown {sorted(types - known_types)}")
    return SecurityPolicy(
        max_failed_logins=_positive_int(lockout.get("max_failed_logins"), "lockout.max_failed_logins"),
        lock_period=timedelta(minutes=_positive_int(lockout.get("lock_minutes"), "lockout.lock_minutes")),
        min_password_length=_positive_int(password.get("min_length"), "password.min_length"),
        compensation_approval_above=threshold,
        attachment_max_bytes=_positive_int(attachments.get("max_bytes"), "attachments.max_bytes"),
        attachment_types=types,
        permissions=permissions,
    )


@cache
def security_policy() -> SecurityPolicy:
    """The shipped (or HQ-published) security policy, read once per process."""
    return policy_from_dict(load_json(POLICY_FILE))
