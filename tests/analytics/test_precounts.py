"""The branch's pre-counted statistics (desktop.analytics.precount, migration 0012) give exactly
the figures counted from the complaint rows: for random complaints changed at random (status,
reopening, withdrawal, receipt time, breakdown, repeat link, deadline, deletion), random
periods in three time zones (one without daylight saving, two with), random moments of
report and random breakdowns; on a real encrypted profile whose triggers keep the counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, case, delete, insert, select, text, update

from desktop.analytics.blocks import cover
from desktop.analytics.precount import TRIGGERS, backfill, triggers
from desktop.analytics.source import source_of
from desktop.analytics.statistics import (
    END_OF_TIME,
    FIGURE_NAMES,
    Figures,
    Period,
    awaiting_deadline,
    figure_conditions,
    statistics,
)
from desktop.domain.model import Actor, Outcome, Status
from desktop.domain.taxonomy import load_taxonomy
from desktop.services import complaints as uc
from desktop.services.context import ServiceContext
from desktop.services.statistics import branch_source
from desktop.store.db import Store
from desktop.store.models import ComplaintRow, CustomerRow, StatisticsCountRow
from tests.conftest import SettableClock
from tests.services.intakes import DECISION_PARTS, sample_intake

ZONES = [ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/London"), ZoneInfo("America/New_York")]
DIMENSIONS = ["channel", "business_type", "cause", "intake_channel", "branch", "root_cause"]
COUNTS = StatisticsCountRow.__table__
ROWS = source_of(ComplaintRow.__table__)  # type: ignore[arg-type]  # no counts: the rows only
DAY0 = date(2025, 12, 1)
DAYS = 500

# Instants where a period or a block may begin: UTC and local midnights, daylight saving
# changes in London and New York, month, quarter and year ends; complaints cluster round them.
EDGES = [datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 3, 31, 16, tzinfo=UTC),
         datetime(2026, 3, 29, 1, tzinfo=UTC), datetime(2026, 10, 25, 1, tzinfo=UTC),
         datetime(2026, 3, 8, 7, tzinfo=UTC), datetime(2026, 11, 1, 6, tzinfo=UTC),
         datetime(2026, 6, 30, 23, tzinfo=UTC), datetime(2026, 12, 31, 16, tzinfo=UTC),
         datetime(2027, 1, 1, 5, tzinfo=UTC), datetime(2026, 7, 1, 4, tzinfo=UTC)]

instants = st.one_of(
    st.builds(lambda d, s: datetime.combine(DAY0, datetime.min.time(), UTC)
              + timedelta(days=d, seconds=s),
              st.integers(0, DAYS), st.integers(0, 86399)),
    st.builds(lambda e, s: e + timedelta(seconds=s), st.sampled_from(EDGES),
              st.integers(-7200, 7200)),
)
statuses = st.sampled_from([s.value for s in Status])
codes = {"business_channel": st.sampled_from(["", "C01", "C02"]),
         "business_type": st.sampled_from(["B0101", "B0102"]),
         "cause": st.sampled_from(["R0101", "R0102", "R0103"]),
         "channel": st.sampled_from(["counter", "phone"]),
         "branch_code": st.sampled_from(["BJ001", "BJ002"]),
         "root_cause": st.sampled_from(["", "process", "system"])}


@st.composite
def complaints(draw: st.DrawFn) -> dict[str, Any]:
    received = draw(instants)
    resolved = draw(st.none() | st.builds(lambda h: received + timedelta(hours=h),
                                          st.integers(0, 24 * 40)))
    return {
        **{name: draw(s) for name, s in codes.items()},
        "status": draw(statuses), "received_at": received,
        "decision_due": received + timedelta(hours=draw(st.integers(0, 24 * 30))),
        "outcome": draw(st.none() | st.sampled_from([o.value for o in Outcome])),
        "resolved_at": resolved, "repeat_of": draw(st.none() | st.just("earlier")),
    }


# A change: which complaint (an index into those made), and what; None deletes it.
changes = st.tuples(st.integers(0, 10_000), st.one_of(
    st.none(),
    st.fixed_dictionaries({"status": statuses}),
    st.fixed_dictionaries({"status": st.sampled_from(["reopened", "withdrawn"]),
                           "outcome": st.none(), "resolved_at": st.none()}),
    st.fixed_dictionaries({"received_at": instants}),
    st.fixed_dictionaries({"decision_due": instants}),
    st.fixed_dictionaries({"repeat_of": st.none() | st.just("earlier")}),
    st.builds(dict, business_type=codes["business_type"], cause=codes["cause"],
              root_cause=codes["root_cause"]),
    st.builds(dict, branch_code=codes["branch_code"], business_channel=codes["business_channel"],
              channel=codes["channel"]),
    st.fixed_dictionaries({"description": st.just("a change the statistics do not read")}),
))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    first = DAY0 + timedelta(days=draw(st.integers(-20, DAYS)))
    return Period(first, first + timedelta(days=draw(st.integers(0, 400))),
                  draw(st.sampled_from(ZONES)))


queries = st.tuples(periods(), instants | st.just(END_OF_TIME),
                    st.lists(st.sampled_from(DIMENSIONS), unique=True, max_size=3),
                    st.sampled_from([(), ("BJ001",), ("BJ002", "BJ001")]))


@pytest.fixture
def conn(store: Store) -> Iterator[Connection]:
    """A transaction on the profile, rolled back after each example."""
    with store.engine.connect() as c:
        yield c
        c.rollback()


def _make(conn: Connection, rows: list[dict[str, Any]]) -> None:
    now = datetime.now(UTC)
    conn.execute(insert(CustomerRow), [{"id": "c1", "kind": "individual", "name": "客户",
                                        "created_at": now, "updated_at": now}])
    conn.execute(insert(ComplaintRow), [
        {**r, "id": uuid.uuid4().hex, "reference": f"BJ001-{i:06d}", "customer_id": "c1",
         "customer_name": "客户", "updated_at": now} for i, r in enumerate(rows)])


def _change(conn: Connection, steps: list[tuple[int, dict[str, Any] | None]]) -> None:
    nums = list(conn.execute(select(ComplaintRow.num)).scalars())
    for pick, values in steps:
        if not nums:
            return
        num = nums[pick % len(nums)]
        where = ComplaintRow.num == num
        if values is None:
            conn.execute(delete(ComplaintRow).where(where))
            nums.remove(num)
        else:
            conn.execute(update(ComplaintRow).where(where).values(**values))


def _counts(conn: Connection) -> list[tuple[Any, ...]]:
    return sorted(conn.execute(select(COUNTS)).tuples().all())


@settings(max_examples=60, deadline=None, phases=[Phase.generate, Phase.shrink],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(complaints(), min_size=1, max_size=60),
       steps=st.lists(changes, max_size=40), asked=st.lists(queries, min_size=1, max_size=8))
def test_the_pre_counted_statistics_are_those_of_the_rows(
        conn: Connection, rows: list[dict[str, Any]], steps: list[tuple[int, dict[str, Any] | None]],
        asked: list[tuple[Period, datetime, list[str], tuple[str, ...]]]) -> None:
    try:
        _make(conn, rows)
        _change(conn, steps)
        taxonomy = load_taxonomy()
        for period, as_of, by, branches in asked:
            counted = statistics(conn, branch_source(), period, as_of, by=by, taxonomy=taxonomy,
                                 branches=branches)
            raw = statistics(conn, ROWS, period, as_of, by=by, taxonomy=taxonomy,
                             branches=branches)
            note(f"rows={rows!r} steps={steps!r} asked={(period, as_of, by, branches)!r}")
            assert counted == raw
        # What the triggers kept is what counting every complaint afresh gives.
        kept = _counts(conn)
        conn.execute(delete(COUNTS))
        for statement in backfill(ComplaintRow.__table__, COUNTS):  # type: ignore[arg-type]
            conn.execute(statement)
        assert kept == _counts(conn)
    finally:
        conn.rollback()


@given(st.lists(queries, min_size=1, max_size=20))
def test_a_period_is_exactly_its_blocks_and_stretches(asked: list[Any]) -> None:
    for period, *_ in asked:
        plan = cover(period.start, period.end)
        for moment in [period.start, period.end, period.start - timedelta(microseconds=1),
                       period.end - timedelta(microseconds=1), period.start + timedelta(hours=9),
                       period.end - timedelta(hours=13), period.end + timedelta(days=1)]:
            t = moment.astimezone(UTC)
            names = {t.strftime("%Y-%m-%d"), t.strftime("%Y-%m"), t.strftime("%Y"),
                     f"{t.year:04d}-Q{(t.month - 1) // 3 + 1}"}
            inside = sum(sign for sign, name in plan.blocks if name in names) + sum(
                sign for sign, start, end in plan.stretches if start <= t < end)
            assert inside == (1 if period.start <= moment < period.end else 0)


def test_the_deadline_is_the_only_use_of_the_moment_of_report() -> None:
    # Each figure's condition at a moment and at the end of time can only differ for the
    # complaints `awaiting_deadline` names (the rows the pre-counted figures are corrected by).
    from sqlalchemy import create_engine

    as_of = datetime(2026, 4, 1, tzinfo=UTC)
    engine = create_engine("sqlite://")
    ComplaintRow.__table__.create(engine)  # type: ignore[attr-defined]
    n = 0
    with engine.begin() as c:
        for status in Status:
            for due in (as_of - timedelta(seconds=1), as_of, as_of + timedelta(days=1)):
                for resolved in (None, due - timedelta(hours=1), due + timedelta(hours=1)):
                    n += 1
                    c.execute(insert(ComplaintRow).values(
                        id=f"k{n}", reference=f"r{n}", branch_code="BJ001", customer_id="c",
                        customer_name="", channel="counter", business_type="B0101",
                        cause="R0101", received_at=as_of, updated_at=as_of, status=status.value,
                        decision_due=due, resolved_at=resolved, outcome=Outcome.UPHELD.value))

        def holds(conditions: list[Any]) -> list[tuple[bool, ...]]:
            columns = [case((cond, True), else_=False) for cond in conditions]
            return [tuple(map(bool, r)) for r in c.execute(
                select(*columns).order_by(ComplaintRow.num)).all()]

        now = holds([cond for cond in figure_conditions(ROWS, as_of) if cond is not None])
        later = holds([cond for cond in figure_conditions(ROWS, END_OF_TIME) if cond is not None])
        waiting = [w for (w,) in holds([awaiting_deadline(ROWS, as_of)])]
    assert len(now) == n
    differ = [a != b for a, b in zip(now, later, strict=True)]
    assert any(differ)  # an open complaint not yet due: not overdue now, overdue for good
    assert all(w for d, w in zip(differ, waiting, strict=True) if d)


def test_the_installed_triggers_are_the_ones_the_definitions_make(store: Store) -> None:
    # A figure defined anew without a migration that reinstalls the triggers fails here.
    with store.read() as s:
        installed = dict(s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join(repr(n) for n in TRIGGERS)})")).tuples().all())
    assert installed == triggers(ComplaintRow.__table__, COUNTS)  # type: ignore[arg-type]


def _kept(store: Store, business_type: str) -> Figures:
    with store.read() as s:
        found = s.execute(select(*(COUNTS.c[f] for f in FIGURE_NAMES)).where(
            COUNTS.c.block == "2026-03", COUNTS.c.business_type == business_type)).all()
    return sum((Figures(*r) for r in found), Figures())


def test_reopening_a_closed_case_counts_it_open_again(
        ctx: ServiceContext, clock: SettableClock, teller: Actor, supervisor: Actor) -> None:
    complaint = uc.record_complaint(ctx, teller, sample_intake(business_type="B0102")).complaint_id
    clock.advance(days=1)
    uc.resolve(ctx, teller, complaint, outcome=Outcome.UPHELD, findings="属实", **DECISION_PARTS)
    uc.close(ctx, teller, complaint)
    assert _kept(ctx.store, "B0102") == Figures(received=1, concluded=1, upheld=1)
    clock.advance(days=1)
    uc.reopen(ctx, supervisor, complaint, reason="客户不认可", approver=supervisor)
    assert _kept(ctx.store, "B0102") == Figures(received=1, open=1, overdue=1)  # for good
    march = Period(date(2026, 3, 1), date(2026, 3, 31), ctx.device.zone)
    with ctx.store.read() as s:
        table = statistics(s, branch_source(), march, clock(), by=["business_type"])
        assert table == statistics(s, ROWS, march, clock(), by=["business_type"])
    assert table.rows == (table.rows[0],)
    assert table.rows[0].figures == Figures(received=1, open=1)  # not yet overdue
    uc.withdraw(ctx, teller, complaint, "客户撤回")
    assert _kept(ctx.store, "B0102") == Figures(received=1, withdrawn=1)
