"""The branch's pre-counted statistics (docs/ARCHITECTURE.md §14): for each UTC block of time
(desktop.analytics.blocks) and each group of every breakdown the statistics allow, the
`Figures` of the complaints received in it, summed, as each complaint will keep them
(`figure_conditions` at END_OF_TIME). SQLite triggers on the complaint table keep them: a
complaint's figures are taken from its groups as it was and added to its groups as it is,
in the same transaction as the row's change.

Nothing is written twice: the triggers' SQL and the backfill are made here from the
statistics' own definitions (`first_of_matter`, `figure_conditions`, the source's
dimensions) and the blocks' names, so a figure is defined once for the rows and the counts.
Migration 0012 installs them on the branch; HQ keeps none and counts from its rows.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Insert, MetaData, Table, case, func, insert, literal, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import ColumnElement

from desktop.analytics.blocks import block_names
from desktop.analytics.source import ComplaintSource, source_of
from desktop.analytics.statistics import (
    END_OF_TIME,
    FIGURE_NAMES,
    check_dimensions,
    figure_conditions,
    first_of_matter,
)

# Every breakdown `check_dimensions` allows: one column of the counts each.
DIMENSIONS = check_dimensions(("channel", "business_type", "cause", "intake_channel", "branch",
                               "root_cause"))
KEY = ("block", *DIMENSIONS)
TRIGGERS = ("complaints_counts_ai", "complaints_counts_ad", "complaints_counts_au")


def _keys(source: ComplaintSource) -> list[ColumnElement[Any]]:
    return [func.coalesce(source.dimension(d), "") for d in DIMENSIONS]


def _figures(source: ComplaintSource, sign: int = 1) -> list[ColumnElement[Any]]:
    """A complaint's figures for good, each `sign` (counted) or 0."""
    return [literal(sign) if condition is None else case((condition, sign), else_=0)
            for condition in figure_conditions(source, END_OF_TIME)]


def backfill(complaints: Table, counts: Table) -> list[Insert]:
    """The INSERT … SELECT … GROUP BY statements that count every complaint of `complaints`
    into the empty `counts`, one per level of blocks."""
    source = source_of(complaints)
    statements = []
    for block in block_names(source.received_at):
        keys = [block, *_keys(source)]
        figures = [func.sum(f) for f in _figures(source)]
        rows = select(*keys, *figures).where(*first_of_matter(source)).group_by(*keys)
        statements.append(insert(counts).from_select([*KEY, *FIGURE_NAMES], rows))
    return statements


def triggers(complaints: Table, counts: Table) -> dict[str, str]:
    """The CREATE TRIGGER statements that keep `counts` (SQLite), by name."""
    new, old = _row(complaints, "new"), _row(complaints, "old")
    read = sorted({c.name for c in _columns_read(new)}, key=list(complaints.c.keys()).index)
    changed = " OR ".join(f"old.{name} IS NOT new.{name}" for name in read)
    table = complaints.name
    return {
        "complaints_counts_ai": f"CREATE TRIGGER complaints_counts_ai AFTER INSERT ON {table} "
                                f"BEGIN {_add(counts, new, 1)}; END",
        "complaints_counts_ad": f"CREATE TRIGGER complaints_counts_ad AFTER DELETE ON {table} "
                                f"BEGIN {_add(counts, old, -1)}; {_tidy(counts, old)}; END",
        "complaints_counts_au": f"CREATE TRIGGER complaints_counts_au AFTER UPDATE OF "
                                f"{', '.join(read)} ON {table} WHEN {changed} "
                                f"BEGIN {_add(counts, old, -1)}; {_tidy(counts, old)}; "
                                f"{_add(counts, new, 1)}; END",
    }


def _row(complaints: Table, name: str) -> ComplaintSource:
    """The source over a trigger's `new` or `old` row."""
    return source_of(Table(name, MetaData(), *(Column(c.name, c.type) for c in complaints.c)))


def _columns_read(source: ComplaintSource) -> list[Column[Any]]:
    """The row's columns the counts depend on."""
    used: list[ColumnElement[Any]] = [source.received_at, *_keys(source), *_figures(source),
                                      *first_of_matter(source)]
    return [e for expr in used for e in visitors.iterate(expr)
            if isinstance(e, Column) and e.table is source.table]


def _sql(expr: ColumnElement[Any]) -> str:
    return str(expr.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def _add(counts: Table, row: ComplaintSource, sign: int) -> str:
    """The upsert adding (sign 1) or taking away (-1) the row's figures in its blocks."""
    blocks = " UNION ALL ".join(f"SELECT {_sql(b)} AS block" for b in block_names(row.received_at))
    keys = ", ".join(_sql(k) for k in _keys(row))
    figures = ", ".join(_sql(f) for f in _figures(row, sign))
    matters = " AND ".join(_sql(c) for c in first_of_matter(row))
    update = ", ".join(f"{f} = {counts.name}.{f} + excluded.{f}" for f in FIGURE_NAMES)
    return (f"INSERT INTO {counts.name} ({', '.join([*KEY, *FIGURE_NAMES])}) "
            f"SELECT b.block, {keys}, {figures} FROM ({blocks}) AS b WHERE {matters} "
            f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {update}")


def _tidy(counts: Table, row: ComplaintSource) -> str:
    """The DELETE of the row's groups left with nothing counted."""
    blocks = ", ".join(_sql(b) for b in block_names(row.received_at))
    keys = " AND ".join(f"{d} = {_sql(k)}" for d, k in zip(DIMENSIONS, _keys(row), strict=True))
    empty = " AND ".join(f"{f} = 0" for f in FIGURE_NAMES)
    return f"DELETE FROM {counts.name} WHERE block IN ({blocks}) AND {keys} AND {empty}"
