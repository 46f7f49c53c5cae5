"""What an extension would do, before anyone confirms it: the new decision deadline and who
approves it (the branch's roles, or HQ). Read-only; the extend/escalate dialogs show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.errors import DomainError, NotFound
from desktop.domain.model import Role
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow


@dataclass(frozen=True, slots=True)
class ExtensionPreview:
    current_due: datetime
    new_due: datetime | None  # None: the policy gives no further extension now (see `problem`)
    level: int
    approver_roles: frozenset[Role]
    needs_hq: bool
    problem: str = ""  # why there is no new deadline, in the context's language


def extension_preview(ctx: ServiceContext, complaint_id: str) -> ExtensionPreview:
    """The next extension of `complaint_id` as the policy would give it now. Raises NotFound."""
    with ctx.store.read() as s:
        row = s.scalar(select(ComplaintRow).where(ComplaintRow.id == complaint_id))
        if row is None:
            raise NotFound(what="complaint")
        level = row.extensions + 1
        business_type, cause = row.business_type or None, row.cause or None
        try:
            ext = ctx.policy.extension_level(level, business_type, cause)
        except DomainError as exc:
            return ExtensionPreview(row.decision_due, None, level, frozenset(), False,
                                    exc.message(ctx.locale))
        roles = frozenset(ext.approver_roles)
        try:
            role = next(iter(sorted(roles, key=lambda r: r.value)), Role.SUPERVISOR)
            new_due = ctx.policy.extended_due(row.received_at, row.decision_due, level, role,
                                              business_type, cause, now=ctx.now())
        except DomainError as exc:
            return ExtensionPreview(row.decision_due, None, level, roles, ext.needs_hq,
                                    exc.message(ctx.locale))
        return ExtensionPreview(row.decision_due, new_due, level, roles, ext.needs_hq)
