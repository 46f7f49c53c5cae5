"""The regulator's statistics (JR/T 0169-2018): for a period, the complaints received and
what became of them, broken down by channel × business type × cause with the taxonomy's
codes. One GROUP BY over the complaint rows; nothing is loaded into Python but the groups.

Definitions (the same at the branch and at HQ):
- a complaint counts in the period it was *received* in (the period's first day 00:00 to
  the day after its last, in the branch's time zone);
- a repeat complaint about the same matter (`repeat_of` set at intake) is not counted again:
  the regulator counts the matter once, under its first complaint;
- concluded: decided (resolved or closed), split by outcome: upheld, partly upheld,
  not upheld; withdrawn: withdrawn by the customer; open: neither yet;
  received = concluded + withdrawn + open;
- overdue: still open past its decision deadline at the moment of the report, or decided
  after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Protocol

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from desktop.analytics.source import ComplaintSource
from desktop.domain.errors import DomainError
from desktop.domain.model import OPEN_STATES, Outcome, Status
from desktop.domain.root_causes import root_causes
from desktop.domain.taxonomy import Taxonomy

TAXONOMY_AXES = ("channel", "business_type", "cause")
MAX_PERIOD_DAYS = 3660


class BadStatisticsRequest(DomainError):
    """A period or breakdown the statistics cannot be made for (the code says which)."""

    code = "analytics.bad_request.by"


class Executes(Protocol):
    """A SQLAlchemy Connection or Session."""

    def execute(self, statement: Any, /) -> Any: ...


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days `first` to `last`, both included, in time zone `zone`."""

    first: date
    last: date
    zone: tzinfo

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise BadStatisticsRequest("analytics.bad_request.period_order")
        if (self.last - self.first).days >= MAX_PERIOD_DAYS:
            raise BadStatisticsRequest("analytics.bad_request.period_length")

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=self.zone)

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=self.zone)


@dataclass(frozen=True, slots=True)
class Figures:
    received: int = 0
    concluded: int = 0
    upheld: int = 0
    partly_upheld: int = 0
    not_upheld: int = 0
    withdrawn: int = 0
    open: int = 0
    overdue: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


FIGURE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Figures))


@dataclass(frozen=True, slots=True)
class StatisticsRow:
    key: tuple[str, ...]  # one code per dimension of `StatisticsTable.by` ("" when not given)
    figures: Figures


@dataclass(frozen=True, slots=True)
class StatisticsTable:
    period: Period
    as_of: datetime  # the moment "overdue" is measured at
    by: tuple[str, ...]
    rows: tuple[StatisticsRow, ...]
    total: Figures
    branches: tuple[str, ...] = ()  # the branches counted; () for every branch the rows hold

    def labels(self, taxonomy: Taxonomy, locale: str) -> list[tuple[str, ...]]:
        """Each row's key as the taxonomy's full labels (an unknown code as itself)."""
        return [tuple(label_of(taxonomy, dim, code, locale) for dim, code in zip(self.by, row.key,
                                                                                 strict=True))
                for row in self.rows]


def label_of(taxonomy: Taxonomy, dimension: str, code: str, locale: str) -> str:
    if dimension in TAXONOMY_AXES and code and taxonomy.has(dimension, code):
        return taxonomy.full_label(dimension, code, locale)
    return code


def check_dimensions(by: Sequence[str]) -> tuple[str, ...]:
    """`by` checked: the taxonomy's axes, `intake_channel`, `branch`, `root_cause`, each once."""
    allowed = (*TAXONOMY_AXES, "intake_channel", "branch", "root_cause")
    if any(d not in allowed for d in by) or len(set(by)) != len(by):
        raise BadStatisticsRequest("analytics.bad_request.by")
    return tuple(by)


def counted(source: ComplaintSource, period: Period,
            branches: Sequence[str] = ()) -> list[ColumnElement[bool]]:
    """The conditions of a complaint counted in `period`: received in it, not a repeat."""
    where = [source.received_at >= period.start, source.received_at < period.end,
             source.repeat_of.is_(None)]
    if branches:
        where.append(source.branch_code.in_(list(branches)))
    return where


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def figure_columns(source: ComplaintSource, as_of: datetime) -> list[ColumnElement[int]]:
    """The aggregate columns of `Figures`, in its field order."""
    s = source
    concluded = s.status.in_([Status.RESOLVED.value, Status.CLOSED.value])
    is_open = s.status.in_(OPEN_STATES)
    overdue = or_(and_(is_open, s.decision_due < as_of),
                  and_(s.resolved_at.is_not(None), s.resolved_at > s.decision_due))
    return [
        func.count().label("received"),
        _count(concluded).label("concluded"),
        _count(and_(concluded, s.outcome == Outcome.UPHELD.value)).label("upheld"),
        _count(and_(concluded, s.outcome == Outcome.PARTLY_UPHELD.value)).label("partly_upheld"),
        _count(and_(concluded, s.outcome == Outcome.NOT_UPHELD.value)).label("not_upheld"),
        _count(s.status == Status.WITHDRAWN.value).label("withdrawn"),
        _count(is_open).label("open"),
        _count(overdue).label("overdue"),
    ]


def statistics_statement(source: ComplaintSource, period: Period, as_of: datetime,
                         by: Sequence[str] = (), branches: Sequence[str] = ()) -> Select[Any]:
    """The one SELECT of the statistics: a row per group of `by` (one row without `by`)."""
    keys = [func.coalesce(source.dimension(d), "").label(f"k{i}")
            for i, d in enumerate(check_dimensions(by))]
    stmt = select(*keys, *figure_columns(source, as_of)).select_from(source.table)
    stmt = stmt.where(*counted(source, period, branches))
    return stmt.group_by(*keys) if keys else stmt


def statistics(db: Executes, source: ComplaintSource, period: Period, as_of: datetime, *,
               by: Sequence[str] = (), taxonomy: Taxonomy | None = None,
               branches: Sequence[str] = ()) -> StatisticsTable:
    """The statistics of `period`, broken down by `by`, measured at `as_of`.

    Rows come in the taxonomy's order (root causes in their list's; codes it does not know
    after, sorted, and "not given" last); with one
    taxonomy axis every code of that axis gets a row, zeros included, so the full official
    code list loaded as the taxonomy gives the regulator's full table. Raises
    BadStatisticsRequest for an unknown dimension.
    """
    dims = check_dimensions(by)
    n = len(dims)
    found: dict[tuple[str, ...], tuple[int, ...]] = {
        tuple(map(str, r[:n])): tuple(int(v or 0) for v in r[n:])
        for r in db.execute(statistics_statement(source, period, as_of, dims, branches)).all()}
    total = Figures(*(sum(column) for column in zip(*found.values(), strict=True))) \
        if found else Figures()
    if not dims:
        return StatisticsTable(period=period, as_of=as_of, by=dims, rows=(), total=total,
                               branches=tuple(branches))
    if taxonomy is not None:
        orders = [_taxonomy_order(taxonomy, d) for d in dims]
        if n == 1 and dims[0] in TAXONOMY_AXES:
            zeros = (0,) * len(FIGURE_NAMES)
            for code in orders[0]:
                found.setdefault((code,), zeros)
        keys = sorted(found, key=lambda k: tuple(
            (order.get(code, len(order) + (0 if code else 1)), code)
            for order, code in zip(orders, k, strict=True)))
    else:
        keys = sorted(found)
    rows = tuple(StatisticsRow(k, Figures(*found[k])) for k in keys)
    return StatisticsTable(period=period, as_of=as_of, by=dims, rows=rows, total=total,
                           branches=tuple(branches))


def _taxonomy_order(taxonomy: Taxonomy, dimension: str) -> dict[str, int]:
    if dimension == "root_cause":
        return {r.code: i for i, r in enumerate(root_causes())}
    if dimension not in TAXONOMY_AXES:
        return {}
    return {code: i for i, code in enumerate(taxonomy.categories.get(dimension, {}))}
