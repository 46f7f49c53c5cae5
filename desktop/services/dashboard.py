"""The supervisor dashboard's figures (desktop.analytics.dashboard), for `report.statistics`."""

from __future__ import annotations

from desktop.analytics.dashboard import DashboardFigures, dashboard_figures
from desktop.domain.model import Actor
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.context import ServiceContext
from desktop.services.statistics import branch_source
from desktop.store.models import EventRow


def branch_dashboard(ctx: ServiceContext, actor: Actor, weeks: int = 8) -> DashboardFigures:
    """Raises NotPermitted without `report.statistics`."""
    require(actor, Permission.REPORT_STATISTICS)
    with ctx.store.read() as s:
        return dashboard_figures(s, branch_source(), ctx.now(), ctx.device.zone, ctx.taxonomy,
                                 weeks=weeks, events=EventRow.__table__)  # type: ignore[arg-type]
