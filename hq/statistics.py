"""Figures for the console's dashboard, read from what HQ holds."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Connection, func, select

from desktop.domain.model import EventKind
from hq import tables


def received_per_day(conn: Connection, first: date, last: date) -> list[tuple[date, int]]:
    """Complaints received per business day from `first` to `last`, every day listed."""
    e = tables.events
    rows = conn.execute(
        select(e.c.business_date, func.count())
        .where(e.c.kind == EventKind.RECEIVED.value, e.c.business_date >= first,
               e.c.business_date <= last)
        .group_by(e.c.business_date))
    counts = {(d if isinstance(d, date) else date.fromisoformat(str(d))): int(n)
              for d, n in rows}
    days = (last - first).days + 1
    return [(first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
            for i in range(days)]
