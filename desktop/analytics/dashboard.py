"""The supervisor dashboard's figures: the last weeks' trend of received and decided (with
each week's on-time share and satisfaction), the complaints by business type (the taxonomy's
top level) in all those weeks and in each, the categories that rose week over week by the
risk rules' share, on-time share, satisfaction and reopened share over those weeks, overdue
cases and open corrective actions now. A handful of SQL aggregates over the complaint rows
(the statistics' index); nothing loaded row by row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Float, Table, and_, case, cast, func, literal_column, select

from desktop.analytics.reopened import was_reopened
from desktop.analytics.source import ComplaintSource
from desktop.analytics.statistics import Executes
from desktop.domain.model import OPEN_STATES, Status
from desktop.domain.risk import RiskRules, rising_categories, risk_rules
from desktop.domain.taxonomy import Taxonomy

Rise = tuple[str, int, int]  # (top-level business type, the week before, this week)


@dataclass(frozen=True, slots=True)
class Week:
    first: date  # a Monday
    received: int
    decided: int  # of the complaints received in the window, decided in this week
    on_time: int = 0  # of those decided in this week, decided by their deadline
    satisfaction: float | None = None  # average score of those decided in this week

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None


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
    # Each top-level business type's received, week by week (the order of `weeks`).
    category_weeks: tuple[tuple[str, tuple[int, ...]], ...] = ()
    # For each week, the categories that rose against the week before (none in the first).
    rising: tuple[tuple[Rise, ...], ...] = ()
    rise_share: float = 0.0  # the rule the rise was measured by: this share more,
    rise_min_count: int = 0  # and at least this many in the week
    ever_decided: int = 0  # decided at least once (see desktop.analytics.reopened)
    reopened: int = 0  # of those, reopened since

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None

    @property
    def reopened_share(self) -> float | None:
        return self.reopened / self.ever_decided if self.ever_decided else None

    def categories_of(self, week: int | None) -> tuple[tuple[str, int], ...]:
        """(top-level business type, received) in week number `week` (all weeks: None),
        most first; a category with none that week left out."""
        if week is None:
            return self.categories
        counts = [(code, per_week[week]) for code, per_week in self.category_weeks
                  if per_week[week]]
        return tuple(sorted(counts, key=lambda kv: (-kv[1], kv[0])))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def dashboard_figures(db: Executes, source: ComplaintSource, now: datetime, zone: tzinfo,
                      taxonomy: Taxonomy, *, weeks: int = 8, events: Table | None = None,
                      rules: RiskRules | None = None,
                      branches: Sequence[str] = (),
                      with_overdue: bool = True) -> DashboardFigures:
    """The figures of the `weeks` weeks up to `now` (this week included); the reopened share
    only with the `events` table (else none), the rise by `rules` (else the shipped ones);
    of `branches` only where given (at HQ). `with_overdue=False` leaves `overdue_cases` at 0
    for a caller that counts them itself (`overdue_cases`, e.g. on another connection)."""
    s = source
    today = now.astimezone(zone).date()
    starts = [_monday(today) - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]
    bounds = [datetime.combine(d, time.min, tzinfo=zone) for d in
              (*starts, starts[-1] + timedelta(weeks=1))]
    mine = [s.branch_code.in_(list(branches))] if branches else []
    window = [s.received_at >= bounds[0], s.received_at < bounds[-1], s.repeat_of.is_(None),
              *mine]
    decided = s.status.in_([Status.RESOLVED.value, Status.CLOSED.value])

    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    def week_of(moment: Any) -> Any:
        """The week number (0 = the first) of a moment within the window: one CASE per row,
        so each row is read once for all the weeks instead of once per week."""
        return case(*((moment < hi, i) for i, hi in enumerate(bounds[1:-1])), else_=weeks - 1)

    on_time_now = and_(decided, s.resolved_at <= s.decision_due)
    scored = cast(s.satisfaction, Float)
    # One pass over the window's rows, grouped by category, the week received and the week
    # decided (-1: not decided within the window): the trend, the categories, and the
    # window's decided, on-time and satisfaction totals all come from these groups.
    decided_week = case((and_(decided, s.resolved_at >= bounds[0], s.resolved_at < bounds[-1]),
                         week_of(s.resolved_at)), else_=-1)
    groups = db.execute(
        select(s.business_type, week_of(s.received_at).label("received_week"),
               decided_week.label("decided_week"), func.count(),
               count(decided), count(on_time_now), func.sum(scored), func.count(scored))
        .select_from(s.table).where(*window)
        # By the output names: PostgreSQL does not see two renderings of one CASE, each
        # with its own parameters, as the same expression.
        .group_by(s.business_type, literal_column("received_week"),
                  literal_column("decided_week"))).all()
    received = [0] * weeks
    by_decided = [[0, 0, 0.0, 0] for _ in range(weeks)]  # decided, on time, score sum, scored
    per_week: dict[str, list[int]] = {}
    n_decided = on_time = scores = ever_decided = reopened = 0
    score_total = 0.0
    for code, wk, dwk, n, n_dec, n_on_time, total, n_scores in groups:
        received[int(wk)] += int(n)
        n_decided += int(n_dec)
        on_time += int(n_on_time)
        score_total += float(total or 0)
        scores += int(n_scores)
        if int(dwk) >= 0:
            d = by_decided[int(dwk)]
            d[0] += int(n)
            d[1] += int(n_on_time)
            d[2] += float(total or 0)
            d[3] += int(n_scores)
        top = taxonomy.path("business_type", code)[0].code if taxonomy.has(
            "business_type", code) else str(code)
        per_week.setdefault(top, [0] * weeks)[int(wk)] += int(n)

    def week(i: int) -> Week:
        n, in_time, total, n_scores = by_decided[i]
        return Week(starts[i], received[i], int(n), int(in_time),
                    total / n_scores if n_scores else None)

    trend = tuple(week(i) for i in range(weeks))
    satisfaction = score_total / scores if scores else None
    by_type = {top: sum(ns) for top, ns in per_week.items()}
    rules = rules or risk_rules()
    rising = tuple(() if i == 0 else tuple(rising_categories(
        {c: ns[i] for c, ns in per_week.items()}, {c: ns[i - 1] for c, ns in per_week.items()},
        rules)) for i in range(weeks))
    if events is not None:
        # Reopened: from the few reopened complaints to their rows, not by asking of every
        # row in the window (which reads each row beyond the statistics index). Decided at
        # least once: decided now, or reopened (which needs a decision first).
        again, again_decided = db.execute(
            select(func.count(), count(decided)).select_from(s.table)
            .where(was_reopened(s, events), *window)).one()
        reopened = int(again)
        ever_decided = n_decided + reopened - int(again_decided)
    overdue = overdue_cases(db, s, now, branches) if with_overdue else 0
    actions = db.execute(select(func.coalesce(func.sum(s.table.c.open_actions), 0),
                                count(s.table.c.next_action_due < today.isoformat()))
                         .select_from(s.table).where(s.table.c.next_action_due.is_not(None), *mine)
                         ).one()  # set exactly while actions are open: read by its index
    return DashboardFigures(
        weeks=trend, categories=tuple(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        subtrees={top: tuple(c.code for c in taxonomy.categories["business_type"].values()
                             if taxonomy.is_within("business_type", c.code, top))
                  for top in by_type if taxonomy.has("business_type", top)},
        decided=n_decided, on_time=on_time,
        satisfaction=None if satisfaction is None else float(satisfaction),
        overdue_cases=int(overdue or 0), open_actions=int(actions[0]),
        overdue_action_cases=int(actions[1]),
        category_weeks=tuple(sorted((top, tuple(ns)) for top, ns in per_week.items())),
        rising=rising, rise_share=rules.rise_share, rise_min_count=rules.rise_min_count,
        ever_decided=ever_decided, reopened=reopened)


def overdue_cases(db: Executes, source: ComplaintSource, now: datetime,
                  branches: Sequence[str] = ()) -> int:
    """The open cases past their decision deadline at `now` (repeats included: each is a
    case to work), of `branches` only where given."""
    s = source
    mine = [s.branch_code.in_(list(branches))] if branches else []
    return int(db.execute(select(func.count()).select_from(s.table).where(
        s.status.in_(OPEN_STATES), s.decision_due < now, *mine)).scalar() or 0)
