"""The supervisor dashboard's figures: the last weeks' trend of received and decided, the
complaints by business type (the taxonomy's top level), on-time share and satisfaction over
those weeks, overdue cases and open corrective actions now. A handful of SQL aggregates
over the complaint rows (the statistics' index); nothing loaded row by row."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Float, and_, case, cast, func, select

from desktop.analytics.source import ComplaintSource
from desktop.analytics.statistics import Executes
from desktop.domain.model import OPEN_STATES, Status
from desktop.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Week:
    first: date  # a Monday
    received: int
    decided: int  # of the complaints received in the window, decided in this week


@dataclass(frozen=True, slots=True)
class DashboardFigures:
    weeks: tuple[Week, ...]
    categories: tuple[tuple[str, int], ...]  # (top-level business type, received), most first
    subtrees: dict[str, tuple[str, ...]]  # each top-level code with the codes below it
    decided: int
    on_time: int
    satisfaction: float | None
    overdue_cases: int
    open_actions: int
    overdue_action_cases: int  # complaints holding a corrective action past due

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dashboard_figures(db: Executes, source: ComplaintSource, now: datetime, zone: tzinfo,
                      taxonomy: Taxonomy, *, weeks: int = 8) -> DashboardFigures:
    """The figures of the `weeks` weeks up to `now` (this week included)."""
    s = source
    today = now.astimezone(zone).date()
    starts = [_monday(today) - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    bounds = [datetime.combine(d, time.min, tzinfo=zone) for d in
              (*starts, starts[-1] + timedelta(weeks=1))]
    window = [s.received_at >= bounds[0], s.received_at < bounds[-1], s.repeat_of.is_(None)]
    decided = s.status.in_([Status.RESOLVED.value, Status.CLOSED.value])

    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    columns = []
    for lo, hi in itertools.pairwise(bounds):
        columns.append(count(and_(s.received_at >= lo, s.received_at < hi)))
        columns.append(count(and_(decided, s.resolved_at >= lo, s.resolved_at < hi)))
    columns += [count(decided), count(and_(decided, s.resolved_at <= s.decision_due)),
                func.avg(cast(s.satisfaction, Float))]
    r = db.execute(select(*columns).select_from(s.table).where(*window)).one()
    trend = tuple(Week(starts[i], int(r[2 * i]), int(r[2 * i + 1])) for i in range(weeks))
    n_decided, on_time, satisfaction = int(r[-3]), int(r[-2]), r[-1]
    by_type: dict[str, int] = {}
    for code, n in db.execute(select(s.business_type, func.count()).select_from(s.table)
                              .where(*window).group_by(s.business_type)).all():
        top = taxonomy.path("business_type", code)[0].code if taxonomy.has(
            "business_type", code) else str(code)
        by_type[top] = by_type.get(top, 0) + int(n)
    overdue = db.execute(select(func.count()).select_from(s.table).where(
        s.status.in_(OPEN_STATES), s.decision_due < now)).scalar()
    actions = db.execute(select(func.coalesce(func.sum(s.table.c.open_actions), 0),
                                count(s.table.c.next_action_due < today.isoformat()))
                         .select_from(s.table).where(s.table.c.next_action_due.is_not(None))
                         ).one()  # set exactly while actions are open: read by its index
    return DashboardFigures(
        weeks=trend, categories=tuple(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        subtrees={top: tuple(c.code for c in taxonomy.categories["business_type"].values()
                             if taxonomy.is_within("business_type", c.code, top))
                  for top in by_type if taxonomy.has("business_type", top)},
        decided=n_decided, on_time=on_time,
        satisfaction=None if satisfaction is None else float(satisfaction),
        overdue_cases=int(overdue or 0), open_actions=int(actions[0]),
        overdue_action_cases=int(actions[1]))
