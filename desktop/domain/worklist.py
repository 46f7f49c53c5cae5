"""The worklist's words: which list, how it is sorted, and one line of it, as plain values.

The store answers a `WorklistQuery` in SQL (desktop.store.queries), the services hand
the lines out (desktop.services.cases), the UI shows them; all three speak these types.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desktop.domain.model import Status
from desktop.domain.risk import RiskSignal

RISK_ANY = "any"  # WorklistQuery.risk: complaints with at least one risk signal


class Worklist(enum.StrEnum):
    MINE = "mine"
    BRANCH = "branch"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    ESCALATED = "escalated"
    AWAITING_CUSTOMER = "awaiting_customer"
    REVIEW = "review"
    CLOSED = "closed"
    EXTENSION_NOTICE = "extension_notice"  # extended, the customer not yet told
    ACTIONS_OVERDUE = "actions_overdue"  # a corrective action of its resolution is past due
    ALL = "all"


class SortKey(enum.StrEnum):
    REFERENCE = "reference"
    CUSTOMER = "customer_name"
    STATUS = "status"
    RECEIVED = "received_at"
    DUE = "decision_due"
    ASSIGNEE = "assignee"


@dataclass(frozen=True, slots=True)
class WorklistQuery:
    worklist: Worklist = Worklist.BRANCH
    staff_number: str = ""
    search: str = ""
    sort: SortKey = SortKey.DUE
    descending: bool = False
    business_types: tuple[str, ...] = ()  # only these categories (a dashboard bar's subtree)
    risk: str = ""  # only complaints with this risk signal (RISK_ANY: with any); "": all


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the worklist: a plain value, safe to hand to the GUI thread."""

    id: str
    reference: str
    status: Status
    customer_name: str
    business_type: str
    cause: str
    received_at: datetime
    decision_due: datetime
    assignee: str
    escalation_level: int
    needs_review: bool
    num: int = 0  # the row number: with the sort value, where this row sits in any sort order
    risk: tuple[RiskSignal, ...] = ()  # its risk signals, each explaining itself


# Where a row sits in a worklist's sort order: the values of its order fields (see
# `order_fields`), the row number last.
SortPosition = tuple[Any, ...]


def order_fields(sort: SortKey) -> tuple[str, ...]:
    """The fields a worklist sorted by `sort` is ordered by: the sort field; for status and
    handler, which many rows share, then the decision deadline; the row number last."""
    if sort in (SortKey.STATUS, SortKey.ASSIGNEE):
        return (sort.value, "decision_due", "num")
    return (sort.value, "num")


def sort_position(row: CaseRow, sort: SortKey) -> SortPosition:
    """Where `row` sits in a worklist sorted by `sort` (for keyset paging)."""
    values = []
    for name in order_fields(sort):
        value = getattr(row, name)
        values.append(value.value if isinstance(value, Status) else value)
    return tuple(values)
