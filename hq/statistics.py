"""HQ's statistics (docs/ARCHITECTURE.md §14): the branches' JR/T 0169 figures over HQ's
complaint rows, across branches or for some, by the same definitions the branches use
(desktop.analytics) and with the taxonomy HQ last published."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo

from sqlalchemy import Connection, select

from desktop.analytics.performance import StaffFigures, staff_performance
from desktop.analytics.source import ComplaintSource, source_of
from desktop.analytics.statistics import Period, StatisticsTable, statistics
from desktop.domain.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_dict
from hq import tables
from hq.reference_data import content_of

DEFAULT_TIMEZONE = "Asia/Shanghai"


def hq_source() -> ComplaintSource:
    return source_of(tables.complaints)


def published_taxonomy(conn: Connection) -> Taxonomy:
    """The taxonomy HQ published last, else the shipped one."""
    content = content_of(conn, "taxonomy")
    return taxonomy_from_dict(content) if content else load_taxonomy()


def branch_codes(conn: Connection) -> list[str]:
    return list(conn.execute(select(tables.branches.c.code).order_by(tables.branches.c.code))
                .scalars())


def hq_statistics(conn: Connection, first: date, last: date, zone: tzinfo, as_of: datetime, *,
                  by: Sequence[str] = (), branches: Sequence[str] = (),
                  taxonomy: Taxonomy | None = None) -> StatisticsTable:
    """The statistics of `first`..`last` over every branch (or those of `branches`).
    Raises BadStatisticsRequest for a bad period or breakdown."""
    return statistics(conn, hq_source(), Period(first, last, zone), as_of, by=by,
                      taxonomy=taxonomy or published_taxonomy(conn), branches=branches)


def hq_performance(conn: Connection, first: date, last: date, zone: tzinfo, *,
                   branches: Sequence[str] = ()) -> list[StaffFigures]:
    """Staff figures across branches (desktop.analytics.performance), by staff number."""
    return staff_performance(conn, hq_source(), Period(first, last, zone), branches=branches,
                             events=tables.events)
