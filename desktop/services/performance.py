"""Staff performance and training needs of a period (docs/ARCHITECTURE.md §14), with who may
see whom enforced here: those holding `report.statistics` (supervisors, managers, auditors)
see everyone of the branch; anyone else only themselves."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.analytics.performance import StaffFigures, staff_performance
from desktop.analytics.statistics import Period
from desktop.domain.model import Actor
from desktop.security.permissions import NotPermitted, allowed, require
from desktop.security.policy import Permission
from desktop.services.context import ServiceContext
from desktop.services.statistics import branch_source
from desktop.store.models import EventRow


def branch_performance(ctx: ServiceContext, actor: Actor, first: date, last: date,
                       staff: Sequence[str] = ()) -> list[StaffFigures]:
    """The figures of `staff` (everyone when empty) for the days `first`..`last`.

    Raises NotPermitted when the actor may not see the case figures at all (no
    `case.view`), or asks for anyone but themselves without `report.statistics`."""
    require(actor, Permission.CASE_VIEW)
    wanted = [s.strip().upper() for s in staff if s.strip()]
    if not allowed(actor, Permission.REPORT_STATISTICS):
        if any(s != actor.staff_number for s in wanted):
            raise NotPermitted(permission=Permission.REPORT_STATISTICS.value,
                               role=actor.role.value)
        wanted = [actor.staff_number]
    period = Period(first, last, ctx.device.zone)
    with ctx.store.read() as s:
        return staff_performance(s, branch_source(), period, staff=wanted,
                                 events=EventRow.__table__)  # type: ignore[arg-type]
