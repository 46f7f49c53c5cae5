"""Before and after a day-end close (docs/ARCHITECTURE.md §5): what the supervisor is shown
before confirming, whether a close is a re-run, and the business date of work recorded after
the day was closed.

- `day_end_check` — the pre-check: open complaints past their deadline, this PC's changes
  not yet at HQ, intake drafts still open, and whether (how often) the day was closed before.
- A close of a day already closed is a re-run: `desktop.sync.engine.close_day` counts the
  runs (`close_runs`), and the day-end report of a re-run day is printed as a copy (副本/COPY).
- `business_date_in` — a complaint or action recorded after its calendar day was closed
  belongs to the next working day that is not closed, so the closed day's figures and the
  digest HQ agreed with stay as they were; the caller tells the clerk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import DomainError
from desktop.domain.model import OPEN_STATES
from desktop.services.context import ServiceContext
from desktop.store.events import get_setting, put_setting
from desktop.store.models import ComplaintRow, DayCloseRow, DraftRow
from desktop.sync.status import unsent_count


@dataclass(frozen=True, slots=True)
class DayEndCheck:
    """What waits before the close of `business_date` is confirmed."""

    business_date: date
    overdue: int  # open complaints past their deadline now
    unsent: int  # this PC's events not yet at HQ (the close sends them)
    open_drafts: int  # intake forms saved but not recorded, any clerk on this PC
    runs: int  # closes of this day already recorded (0: never closed)

    @property
    def rerun(self) -> bool:
        """Whether confirming closes a day that is already closed."""
        return self.runs > 0


def _runs_key(day: date) -> str:
    return f"day_close.runs.{day.isoformat()}"


def close_runs(s: Session, day: date) -> int:
    """How many closes of `day` were recorded (a close recorded before runs were counted is one)."""
    stored = get_setting(s, _runs_key(day))
    if stored.isdigit():
        return int(stored)
    return 1 if s.get(DayCloseRow, day) is not None else 0


def count_close_run(s: Session, day: date) -> int:
    """Count one more close of `day` (inside the close's write transaction); its run number."""
    runs = close_runs(s, day) + 1
    put_setting(s, _runs_key(day), str(runs))
    return runs


def day_end_check(ctx: ServiceContext, business_date: date) -> DayEndCheck:
    """The pre-check of the close of `business_date`. Reads only."""
    C = ComplaintRow
    with ctx.store.read() as s:
        overdue = int(s.scalar(select(func.count()).select_from(C).where(
            C.status.in_(OPEN_STATES), C.decision_due < ctx.now())) or 0)
        drafts = int(s.scalar(select(func.count()).select_from(DraftRow)) or 0)
        runs = close_runs(s, business_date)
    return DayEndCheck(business_date=business_date, overdue=overdue, unsent=unsent_count(ctx),
                       open_drafts=drafts, runs=runs)


def day_close_runs(ctx: ServiceContext, business_date: date) -> int:
    with ctx.store.read() as s:
        return close_runs(s, business_date)


def business_date_in(s: Session, ctx: ServiceContext, now: datetime) -> date:
    """The business date of work recorded at `now`: its calendar day, or after that day's
    close the next working day not closed yet."""
    day = ctx.business_date(now)
    calendar = ctx.policy.calendar
    # The closes from that day on, in one query (none, nearly always).
    closed = set(s.connection().execute(_CLOSED_FROM, {"day": day}).scalars())
    while day in closed:
        day = day + timedelta(days=1)
        try:
            day = calendar.next_working_day(day)
        except DomainError:  # a calendar without a working day ahead: the calendar day
            pass
    return day


_CLOSED_FROM = select(DayCloseRow.business_date).where(DayCloseRow.business_date >= bindparam("day"))
