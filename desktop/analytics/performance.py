"""Staff performance and training needs (绩效考核, 培训) for a period, per staff member who
handles cases (the complaint's assignee), over the complaint rows in SQL.

For the complaints received in the period (repeats about the same matter once):
- handled: the complaints the member holds;
- on-time share: of those decided (resolved or closed), the share decided by the deadline;
- median days to decision: from receipt to decision, the median of the decided ones
  (a window function, the same on SQLite and PostgreSQL);
- upheld share: of the decided, the share upheld in full or in part;
- average satisfaction: of the scores recorded;
- reopened share: of those decided at least once, the share reopened since
  (desktop.analytics.reopened; given the events table);
- training needs: the categories (business type × cause) with the most upheld or partly
  upheld complaints of that member, most first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Table, and_, case, cast, func, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from desktop.analytics.reopened import was_decided, was_reopened
from desktop.analytics.source import ComplaintSource
from desktop.analytics.statistics import Executes, Period, counted
from desktop.domain.model import Outcome, Status

TRAINING_NEEDS = 3  # categories per person


class days_between(FunctionElement[float]):  # lower case, as SQL functions are named
    """Days (with fractions) from the first instant to the second, on either dialect."""

    type = Float()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"


@compiles(days_between)
def _days_default(element: days_between, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"(EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - "
            f"{compiler.process(start, **kw)})) / 86400.0)")


@dataclass(frozen=True, slots=True)
class StaffFigures:
    staff_number: str
    handled: int
    decided: int
    on_time: int
    upheld: int
    median_days: float | None
    satisfaction: float | None  # average score 1-5
    training_needs: tuple[tuple[str, str, int], ...]  # (business type, cause, upheld)
    ever_decided: int = 0  # decided at least once (with the events table, else 0)
    reopened: int = 0  # of those, reopened since

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None

    @property
    def upheld_share(self) -> float | None:
        return self.upheld / self.decided if self.decided else None

    @property
    def reopened_share(self) -> float | None:
        return self.reopened / self.ever_decided if self.ever_decided else None


def staff_performance(db: Executes, source: ComplaintSource, period: Period, *,
                      staff: Sequence[str] = (), branches: Sequence[str] = (),
                      events: Table | None = None) -> list[StaffFigures]:
    """The figures of each assignee (only those of `staff` when given), by staff number;
    the reopened share only with the `events` table."""
    s = source
    where = counted(source, period, branches)
    if staff:
        where.append(s.assignee.in_(list(staff)))
    decided = s.status.in_([Status.RESOLVED.value, Status.CLOSED.value])
    upheld = s.outcome.in_([Outcome.UPHELD.value, Outcome.PARTLY_UPHELD.value])

    def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    main = (select(s.assignee, func.count(), count(decided),
                   count(and_(decided, s.resolved_at <= s.decision_due)),
                   count(and_(decided, upheld)), func.avg(cast(s.satisfaction, Float)),
                   *([count(was_decided(s, events)), count(was_reopened(s, events))]
                     if events is not None else [literal(0), literal(0)]))
            .select_from(s.table).where(*where).group_by(s.assignee))
    # The median: number the decided complaints of each member by their days to decision.
    days = days_between(s.received_at, s.resolved_at).label("days")
    ranked = (select(s.assignee.label("who"), days,
                     func.row_number().over(partition_by=s.assignee, order_by=days).label("n"),
                     func.count().over(partition_by=s.assignee).label("total"))
              .select_from(s.table).where(*where, decided, s.resolved_at.is_not(None))
              .subquery())
    middle = (select(ranked.c.who, func.avg(ranked.c.days))
              .where(ranked.c.n.in_([(ranked.c.total + 1) / 2, (ranked.c.total + 2) / 2]))
              .group_by(ranked.c.who))
    needs = (select(s.assignee, s.business_type, s.cause, func.count().label("n"))
             .select_from(s.table).where(*where, decided, upheld)
             .group_by(s.assignee, s.business_type, s.cause))
    medians = {str(w): float(m) for w, m in db.execute(middle).all()}
    training: dict[str, list[tuple[str, str, int]]] = {}
    for who, business_type, cause, n in db.execute(needs).all():
        training.setdefault(str(who), []).append((str(business_type), str(cause), int(n)))
    out = []
    for (who, handled, n_decided, on_time, n_upheld, satisfaction, ever_decided,
         reopened) in db.execute(main).all():
        top = sorted(training.get(str(who), []), key=lambda t: (-t[2], t[0], t[1]))
        out.append(StaffFigures(
            staff_number=str(who), handled=int(handled), decided=int(n_decided),
            on_time=int(on_time), upheld=int(n_upheld), median_days=medians.get(str(who)),
            satisfaction=None if satisfaction is None else float(satisfaction),
            training_needs=tuple(top[:TRAINING_NEEDS]), ever_decided=int(ever_decided),
            reopened=int(reopened)))
    return sorted(out, key=lambda f: f.staff_number)
