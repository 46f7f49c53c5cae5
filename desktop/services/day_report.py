"""The figures of the day-end report (docs/ARCHITECTURE.md §4, §5), read from the profile as plain values.

What the branch did on one business date (received, resolved), what waits for it
(overdue, due the next day), the book by status, and whether HQ agreed with this
device's events of the day at the close (`desktop.sync.engine.close_day` writes the
close record this reads). No identity data: references, category codes, staff numbers.

The store keeps each complaint's current state, not its history: statuses are
counted as they stand when the report is made. "Overdue" is measured at the end of
the business date for a past date and at the moment of the report for today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from desktop.domain.model import OPEN_STATES
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, DayCloseRow, EventRow
from desktop.sync.engine import local_digest
from desktop.sync.status import last_sync, unsent_count

# The lists of overdue and next-day complaints stop here (earliest deadline first); the
# counts beside them are always complete.
LIST_LIMIT = 300


@dataclass(frozen=True, slots=True)
class DueLine:
    """One complaint on a day-end list."""

    reference: str
    business_type: str
    cause: str
    decision_due: datetime  # aware
    assignee: str


@dataclass(frozen=True, slots=True)
class DayClose:
    """The recorded day-end close: the count and digest HQ agreed with."""

    closed_at: datetime
    closed_by: str
    event_count: int
    digest: str
    resent: int


@dataclass(frozen=True, slots=True)
class DayFigures:
    business_date: date
    as_of: datetime  # the moment "overdue" is measured at (aware)
    received: int
    resolved: int
    overdue: int
    due_next_day: int
    counts_by_status: dict[str, int]  # status value → complaints (statuses with none left out)
    received_by_category: list[tuple[str, str, int]]  # (business type, cause, count), most first
    overdue_items: list[DueLine]
    due_next_day_items: list[DueLine]
    local_events: int  # this branch's events of the date held here now
    local_digest: str
    sent_events: int  # of those written here: already accepted by HQ
    received_events: int  # of those: written at other devices, received from HQ
    unsent: int  # every event of this device not yet at HQ (any date)
    last_sync_at: datetime | None
    close: DayClose | None = None

    @property
    def matches_close(self) -> bool | None:
        """True while the events held here are the ones HQ agreed at the close; None without a close."""
        if self.close is None:
            return None
        return (self.local_events, self.local_digest) == (self.close.event_count, self.close.digest)


def _lines(rows: Sequence[tuple[str, str, str, datetime, str]]) -> list[DueLine]:
    return [DueLine(reference=r[0], business_type=r[1], cause=r[2], decision_due=r[3], assignee=r[4])
            for r in rows]


def day_figures(ctx: ServiceContext, business_date: date, *, list_limit: int = LIST_LIMIT) -> DayFigures:
    """The day-end figures of `business_date` (in the branch's time zone).

    Reads only; never fails on an empty profile (every count is then 0). Raises
    the store's errors if the database cannot be read.
    """
    zone = ctx.device.zone
    start = datetime.combine(business_date, time.min, tzinfo=zone)
    end = start + timedelta(days=1)
    next_end = end + timedelta(days=1)
    now = ctx.now()
    as_of = min(now, end)
    C = ComplaintRow
    line_columns = (C.reference, C.business_type, C.cause, C.decision_due, C.assignee)
    with ctx.store.read() as s:
        received = int(s.scalar(select(func.count()).select_from(C)
                                .where(C.received_at >= start, C.received_at < end)) or 0)
        resolved = int(s.scalar(select(func.count()).select_from(C)
                                .where(C.resolved_at >= start, C.resolved_at < end)) or 0)
        by_status = dict(s.execute(select(C.status, func.count()).group_by(C.status)).tuples().all())
        by_category = s.execute(
            select(C.business_type, C.cause, func.count())
            .where(C.received_at >= start, C.received_at < end)
            .group_by(C.business_type, C.cause)
            .order_by(func.count().desc(), C.business_type, C.cause)).tuples().all()
        is_overdue = (C.status.in_(OPEN_STATES), C.decision_due < as_of)
        overdue = int(s.scalar(select(func.count()).select_from(C).where(*is_overdue)) or 0)
        overdue_rows = s.execute(select(*line_columns).where(*is_overdue)
                                 .order_by(C.decision_due, C.reference).limit(list_limit)).tuples().all()
        is_due_next = (C.status.in_(OPEN_STATES), C.decision_due >= end, C.decision_due < next_end)
        due_next = int(s.scalar(select(func.count()).select_from(C).where(*is_due_next)) or 0)
        due_next_rows = s.execute(select(*line_columns).where(*is_due_next)
                                  .order_by(C.decision_due, C.reference).limit(list_limit)).tuples().all()
        of_the_day = (EventRow.business_date == business_date,
                      EventRow.branch_code == ctx.device.branch_code)
        sent = int(s.scalar(select(func.count()).select_from(EventRow)
                            .where(*of_the_day, EventRow.origin == "local",
                                   EventRow.sent.is_(True))) or 0)
        from_hq = int(s.scalar(select(func.count()).select_from(EventRow)
                               .where(*of_the_day, EventRow.origin == "remote")) or 0)
        row = s.get(DayCloseRow, business_date)
        close = None if row is None else DayClose(
            closed_at=row.closed_at, closed_by=row.closed_by, event_count=row.event_count,
            digest=row.digest, resent=row.resent)
    count, digest = local_digest(ctx, business_date)
    return DayFigures(
        business_date=business_date, as_of=as_of, received=received, resolved=resolved,
        overdue=overdue, due_next_day=due_next,
        counts_by_status={str(k): int(v) for k, v in by_status.items()},
        received_by_category=[(str(b), str(c), int(n)) for b, c, n in by_category],
        overdue_items=_lines(overdue_rows), due_next_day_items=_lines(due_next_rows),
        local_events=count, local_digest=digest, sent_events=sent, received_events=from_hq,
        unsent=unsent_count(ctx), last_sync_at=last_sync(ctx), close=close,
    )
