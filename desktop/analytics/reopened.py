"""Reopened share: of the complaints decided at least once (resolved or closed, or reopened
since, which needs a decision first), the share reopened afterwards. Read from the events
(a `reopened` event on the complaint), which both the branch and HQ keep in a table named
`events` with `complaint_id` and `kind`; the few reopened ids are found once (an IN
subquery), not looked up per complaint."""

from __future__ import annotations

from sqlalchemy import Table, literal, or_, select
from sqlalchemy.sql.elements import ColumnElement

from desktop.analytics.source import ComplaintSource
from desktop.domain.model import EventKind, Status

DECIDED = (Status.RESOLVED.value, Status.CLOSED.value)


def was_reopened(source: ComplaintSource, events: Table) -> ColumnElement[bool]:
    """True for a complaint that has been reopened at least once."""
    # The kind written into the SQL, not bound: then SQLite and PostgreSQL alike answer from
    # the partial index of reopened events instead of reading every event.
    reopened = literal(EventKind.REOPENED.value, literal_execute=True)
    return source.id.in_(select(events.c.complaint_id).where(events.c.kind == reopened))


def was_decided(source: ComplaintSource, events: Table) -> ColumnElement[bool]:
    """True for a complaint decided at least once: decided now, or reopened after a decision."""
    return or_(source.status.in_(DECIDED), was_reopened(source, events))
