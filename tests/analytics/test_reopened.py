"""The reopened share on the hand-counted profile (profile.py) with A reopened on 20 April:
at the branch, and at HQ after a sync, on SQLite and on PostgreSQL, by the one query."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from desktop.analytics.dashboard import dashboard_figures
from desktop.domain.model import Actor, Role
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.services.dashboard import branch_dashboard
from desktop.services.performance import branch_performance
from desktop.sync.engine import sync_now
from hq import tables
from hq.statistics import hq_performance, hq_source
from tests.analytics.profile import build_profile
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.sync.conftest import Branch, client_for

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 15)
TELLER, SUPERVISOR = Actor("T001", Role.TELLER), Actor("S001", Role.SUPERVISOR)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hq(request: pytest.FixtureRequest) -> LiveHq:
    live: LiveHq = request.getfixturevalue(f"{request.param}_hq")
    return live


def _synced_profile(hq: LiveHq, make_branch: Callable[[LiveHq], Branch], *,
                    reopen: tuple[str, ...], score_e: bool = False) -> tuple[Branch, ServiceContext]:
    """The hand-counted profile on a branch of `hq`, the `reopen` cases reopened (and E
    scored 2), synced to HQ."""
    branch = make_branch(hq)
    clock = SettableClock()
    ctx = branch.device("counter1", clock)
    ids = build_profile(ctx, clock, TELLER, SUPERVISOR).ids
    for name in reopen:
        uc.reopen(ctx, SUPERVISOR, ids[name], reason="客户补充材料", approver=SUPERVISOR)
    if score_e:
        uc.record_satisfaction(ctx, TELLER, ids["E"], 2)
    with client_for(ctx) as client:
        sync_now(ctx, client)
    return branch, ctx


def test_the_reopened_share_at_the_branch_and_at_hq(
        hq: LiveHq, make_branch: Callable[[LiveHq], Branch]) -> None:
    branch, ctx = _synced_profile(hq, make_branch, reopen=("A", "B"))
    [t001] = branch_performance(ctx, SUPERVISOR, FIRST, LAST)
    # Decided at least once: A and B (both reopened since) and E; C was withdrawn, D is open.
    assert (t001.ever_decided, t001.reopened) == (3, 2)
    assert t001.reopened_share == pytest.approx(2 / 3)
    assert t001.decided == 1  # only E stands decided now
    with hq.engine.connect() as conn:
        at_hq = hq_performance(conn, FIRST, LAST, ZoneInfo("Asia/Shanghai"),
                               branches=[branch.code])
    assert [(f.staff_number, f.handled, f.decided, f.ever_decided, f.reopened)
            for f in at_hq] == [("T001", 5, 1, 3, 2)]


def test_the_dashboard_figures_at_the_branch_and_at_hq_are_the_same(
        hq: LiveHq, make_branch: Callable[[LiveHq], Branch]) -> None:
    """The dashboard's one grouped query gives HQ (SQLite or PostgreSQL) the branch's numbers."""
    branch, ctx = _synced_profile(hq, make_branch, reopen=("A",), score_e=True)
    here = branch_dashboard(ctx, SUPERVISOR, weeks=8)
    with hq.engine.connect() as conn:
        there = dashboard_figures(conn, hq_source(), ctx.now(), ctx.device.zone, ctx.taxonomy,
                                  weeks=8, events=tables.events, branches=[branch.code])
    assert there == here
    assert sum(w.received for w in here.weeks) == 6 and (here.ever_decided, here.reopened) == (3, 1)


def test_the_reopened_complaints_are_found_through_their_partial_index(
        ctx: ServiceContext) -> None:
    """Not by reading every event: the kind is in the SQL, so SQLite uses the partial index."""
    from sqlalchemy import func, select
    from sqlalchemy.dialects import sqlite

    from desktop.analytics.reopened import was_reopened
    from desktop.services.statistics import branch_source
    from desktop.store.models import EventRow

    stmt = select(func.count()).where(was_reopened(branch_source(), EventRow.__table__))
    sql = str(stmt.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with ctx.store.read() as s:
        plan = " ".join(str(r) for r in s.connection().exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql).all())
    assert "ix_events_reopened" in plan
