"""The complaint rows a figure is counted over, whichever database holds them.

The branch's `complaints` table and HQ's differ a little (HQ has `satisfaction` and
`withdrawn_at` columns, the branch keeps the latter in its JSON `details`); `source_of` maps
either table onto the one set of names the queries use, so a figure is written once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Integer, Table, cast, literal, null
from sqlalchemy.sql.elements import ColumnElement


@dataclass(frozen=True, slots=True)
class ComplaintSource:
    """The columns of a complaint table under the names the figures use."""

    table: Table
    id: ColumnElement[Any]
    branch_code: ColumnElement[Any]
    status: ColumnElement[Any]
    channel: ColumnElement[Any]  # JR/T 0169 channel of the business (taxonomy axis "channel")
    intake_channel: ColumnElement[Any]  # how the complaint reached the bank
    business_type: ColumnElement[Any]
    cause: ColumnElement[Any]
    received_at: ColumnElement[Any]
    decision_due: ColumnElement[Any]
    resolved_at: ColumnElement[Any]
    closed_at: ColumnElement[Any]
    outcome: ColumnElement[Any]
    received_by: ColumnElement[Any]
    assignee: ColumnElement[Any]
    escalation_level: ColumnElement[Any]
    satisfaction: ColumnElement[Any]
    # The earlier complaint about the same matter (NULL for a first complaint); a table
    # without the column counts every complaint as a first one.
    repeat_of: ColumnElement[Any]
    root_cause: ColumnElement[Any]
    # The table of pre-counted figures kept beside the rows (the branch's `statistics_counts`,
    # desktop.analytics.precount), or None: every figure counted from the rows.
    counts: Table | None = None

    def dimension(self, name: str) -> ColumnElement[Any]:
        """The column a table is broken down by (`channel`, `business_type`, `cause`,
        `intake_channel`, `branch`, `root_cause`). Raises KeyError for another name."""
        if name == "branch":
            return self.branch_code
        if name not in DIMENSION_NAMES:
            raise KeyError(name)
        column: ColumnElement[Any] = getattr(self, name)
        return column


DIMENSION_NAMES = ("channel", "business_type", "cause", "intake_channel", "root_cause")


def source_of(table: Table, counts: Table | None = None) -> ComplaintSource:
    """The complaint source of `table` (a branch's or HQ's `complaints`): its columns by
    name, the ones it lacks read from its JSON `details` or taken as empty; with `counts`,
    the table of pre-counted figures its triggers keep (desktop.analytics.precount)."""
    c = table.c
    details = c.get("details")

    def column(name: str, *, integer: bool = False) -> ColumnElement[Any]:
        if name in c:
            return c[name]
        if details is not None:
            value = details[name]
            return cast(value.as_integer(), Integer) if integer else value.as_string()
        return null()

    def column_or_empty(name: str) -> ColumnElement[Any]:
        return c[name] if name in c else literal("")

    return ComplaintSource(
        table=table, id=c.id, branch_code=c.branch_code, status=c.status,
        channel=column_or_empty("business_channel"), intake_channel=c.channel,
        business_type=c.business_type, cause=c.cause, received_at=c.received_at,
        decision_due=c.decision_due, resolved_at=c.resolved_at, closed_at=c.closed_at,
        outcome=c.outcome, received_by=c.received_by, assignee=c.assignee,
        escalation_level=c.escalation_level,
        satisfaction=column("satisfaction", integer=True),
        repeat_of=c["repeat_of"] if "repeat_of" in c else null(),
        root_cause=column_or_empty("root_cause"), counts=counts,
    )
