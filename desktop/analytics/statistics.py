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

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Protocol

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from desktop.analytics.blocks import cover
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


def first_of_matter(source: ComplaintSource) -> list[ColumnElement[bool]]:
    """The conditions of a complaint counted at all: not a repeat about the same matter."""
    return [source.repeat_of.is_(None)]


def counted(source: ComplaintSource, period: Period,
            branches: Sequence[str] = ()) -> list[ColumnElement[bool]]:
    """The conditions of a complaint counted in `period`: received in it, not a repeat."""
    return received_between(source, period.start, period.end, branches)


def received_between(source: ComplaintSource, start: datetime, end: datetime,
                     branches: Sequence[str] = ()) -> list[ColumnElement[bool]]:
    """The conditions of a complaint counted when received in [start, end)."""
    where = [source.received_at >= start, source.received_at < end, *first_of_matter(source)]
    if branches:
        where.append(source.branch_code.in_(list(branches)))
    return where


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


# The latest moment a report could be made at: the figures each complaint keeps for good
# unless it changes, which are what the branch's pre-counts hold (analytics/precount.py).
END_OF_TIME = datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


def figure_conditions(source: ComplaintSource,
                      as_of: datetime) -> list[ColumnElement[bool] | None]:
    """What makes a complaint count in each field of `Figures`, in its order (None: every
    complaint counted counts there)."""
    s = source
    concluded = s.status.in_([Status.RESOLVED.value, Status.CLOSED.value])
    is_open = s.status.in_(OPEN_STATES)
    overdue = or_(and_(is_open, s.decision_due < as_of),
                  and_(s.resolved_at.is_not(None), s.resolved_at > s.decision_due))
    return [
        None,  # received
        concluded,
        and_(concluded, s.outcome == Outcome.UPHELD.value),
        and_(concluded, s.outcome == Outcome.PARTLY_UPHELD.value),
        and_(concluded, s.outcome == Outcome.NOT_UPHELD.value),
        s.status == Status.WITHDRAWN.value,
        is_open,
        overdue,
    ]


def awaiting_deadline(source: ComplaintSource, as_of: datetime) -> ColumnElement[bool]:
    """The complaints whose figures at `as_of` may differ from their figures at END_OF_TIME:
    `figure_conditions` uses `as_of` only to ask whether an open complaint's deadline has
    passed. (tests/analytics/test_precounts.py holds the two to each other.)"""
    return and_(source.status.in_(OPEN_STATES), source.decision_due >= as_of)


def figure_columns(source: ComplaintSource, as_of: datetime) -> list[ColumnElement[int]]:
    """The aggregate columns of `Figures`, in its field order."""
    return [(func.count() if condition is None else _count(condition)).label(name)
            for name, condition in zip(FIGURE_NAMES, figure_conditions(source, as_of),
                                       strict=True)]


def statistics_statement(source: ComplaintSource, period: Period, as_of: datetime,
                         by: Sequence[str] = (), branches: Sequence[str] = ()) -> Select[Any]:
    """The one SELECT of the statistics over the complaint rows: a row per group of `by`
    (one row without `by`)."""
    return _rows_statement(source, counted(source, period, branches), by, as_of)


def _rows_statement(source: ComplaintSource, where: list[ColumnElement[bool]],
                    by: Sequence[str], *as_of: datetime) -> Select[Any]:
    """Keys and figures of the rows `where` selects; the figures once per moment of `as_of`."""
    keys = [func.coalesce(source.dimension(d), "").label(f"k{i}")
            for i, d in enumerate(check_dimensions(by))]
    columns = [c for moment in as_of for c in figure_columns(source, moment)]
    stmt = select(*keys, *columns).select_from(source.table).where(*where)
    return stmt.group_by(*keys) if keys else stmt


Found = dict[tuple[str, ...], tuple[int, ...]]


def _groups(db: Executes, source: ComplaintSource, period: Period, as_of: datetime,
            dims: tuple[str, ...], branches: Sequence[str]) -> Found:
    """Each group's figures (in FIGURE_NAMES order): from the complaint rows, or, where the
    source keeps pre-counts, from those for the whole UTC days of the period (blocks.cover)
    and from the rows for the hours at its ends and the complaints not yet due at `as_of`."""
    n = len(dims)
    if source.counts is None:
        return {tuple(map(str, r[:n])): tuple(int(v or 0) for v in r[n:]) for r in
                db.execute(statistics_statement(source, period, as_of, dims, branches)).all()}

    def read(stmt: Select[Any]) -> Found:  # keys are text and figures integers (SQLite)
        return {r[:n]: r[n:] for r in db.execute(stmt).tuples().all()}

    plan = cover(period.start, period.end)
    counts = source.counts
    parts: list[tuple[int, Found]] = []
    for sign in (1, -1):
        names = [name for s, name in plan.blocks if s == sign]
        if names:
            keys = [counts.c[d].label(f"k{i}") for i, d in enumerate(dims)]
            stmt = select(*keys, *(func.coalesce(func.sum(counts.c[f]), 0)
                                   for f in FIGURE_NAMES)).where(counts.c.block.in_(names))
            if branches:
                stmt = stmt.where(counts.c.branch.in_(list(branches)))
            parts.append((sign, read(stmt.group_by(*keys) if keys else stmt)))
    for sign, start, end in plan.stretches:
        parts.append((sign, read(_rows_statement(
            source, received_between(source, start, end, branches), dims, as_of))))
    if plan.days is not None:
        # The pre-counts hold each complaint's figures for good; one still open before its
        # deadline at `as_of` is not overdue yet: its figures as of then replace those.
        where = [*received_between(source, *plan.days, branches),
                 awaiting_deadline(source, as_of)]
        width = len(FIGURE_NAMES)
        parts.append((1, {key: tuple(a - b for a, b in zip(v[:width], v[width:], strict=True))
                          for key, v in read(_rows_statement(source, where, dims, as_of,
                                                             END_OF_TIME)).items()}))
    if not parts:
        return {}
    # The largest part as it is, the others added to it (they are hours and days).
    parts.sort(key=lambda part: (part[0] != 1, -len(part[1])))
    totals = dict(parts[0][1]) if parts[0][0] == 1 else {}
    zeros = (0,) * len(FIGURE_NAMES)
    for sign, part in parts[0 if not totals else 1:]:
        for key, values in part.items():
            summed = tuple(a + sign * b for a, b in zip(totals.get(key, zeros), values,
                                                        strict=True))
            if any(summed):
                totals[key] = summed
            else:
                totals.pop(key, None)
    return totals


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
    with _collection_paused():
        return _statistics(db, source, period, as_of, by, taxonomy, branches)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """The cyclic garbage collector held off while a table's thousands of small tuples and
    rows are made (none of them in a cycle; each pass would walk the whole heap: at 1M
    complaints the quarter's table took 35 to 100 ms by when passes fell, 33 ms without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _statistics(db: Executes, source: ComplaintSource, period: Period, as_of: datetime,
                by: Sequence[str], taxonomy: Taxonomy | None,
                branches: Sequence[str]) -> StatisticsTable:
    dims = check_dimensions(by)
    n = len(dims)
    found = _groups(db, source, period, as_of, dims, branches)
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
        keys = list(found)
        # Each code as its rank in its dimension's order, then the keys sorted by those.
        ranked = []
        columns = list(zip(*keys, strict=True)) or [()] * n
        for order, codes in zip(orders, columns, strict=True):
            known = sorted(set(codes), key=lambda c, o=order: (  # type: ignore[misc]
                o.get(c, len(o) + (0 if c else 1)), c))
            ranked.append(map({c: i for i, c in enumerate(known)}.__getitem__, codes))
        keys = [k for _, k in sorted(zip(zip(*ranked, strict=True), keys, strict=True))]
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
