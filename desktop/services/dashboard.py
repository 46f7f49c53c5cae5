"""The supervisor dashboard's figures (desktop.analytics.dashboard), for `report.statistics`."""

from __future__ import annotations

import dataclasses
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, tzinfo

from desktop.analytics.dashboard import DashboardFigures, dashboard_figures, overdue_cases
from desktop.domain.model import Actor
from desktop.domain.taxonomy import Taxonomy
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.context import ServiceContext
from desktop.services.statistics import branch_source
from desktop.store.db import Store
from desktop.store.models import EventRow


def branch_dashboard(ctx: ServiceContext, actor: Actor, weeks: int = 8) -> DashboardFigures:
    """Raises NotPermitted without `report.statistics`."""
    require(actor, Permission.REPORT_STATISTICS)
    return store_dashboard(ctx.store, ctx.now(), ctx.device.zone, ctx.taxonomy, weeks)


def store_dashboard(store: Store, now: datetime, zone: tzinfo, taxonomy: Taxonomy,
                    weeks: int = 8) -> DashboardFigures:
    """The branch's dashboard figures. The overdue count reads its own index on a second
    connection while the window's figures are read on the first: the two take about as
    long, and SQLite runs each without holding Python's lock, so they overlap."""
    source = branch_source()

    def count_overdue() -> int:
        with store.read() as s:
            return overdue_cases(s, source, now)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="dashboard") as pool:
        overdue = pool.submit(count_overdue)
        with store.read() as s:
            figures = dashboard_figures(s, source, now, zone, taxonomy, weeks=weeks,
                                        events=EventRow.__table__,  # type: ignore[arg-type]
                                        with_overdue=False)
        return dataclasses.replace(figures, overdue_cases=overdue.result())
