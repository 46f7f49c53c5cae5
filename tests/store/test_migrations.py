"""An upgrade never loses data: a database built at the first migration, filled, then upgraded."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from desktop.store.db import DATABASE_FILE, make_engine, open_store
from desktop.store.migrate import current_revision, head_revision, upgrade
from desktop.store.queries import search_nums


def test_upgrade_from_first_migration_keeps_every_row_and_indexes_it(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / DATABASE_FILE)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO customers VALUES ('c1','individual','欧阳建国','resident_id',"
            "'11010519491231002X','13812345678','','','','002X','5678',"
            "'2026-03-01T00:00:00.000000+00:00','2026-03-01T00:00:00.000000+00:00')"))
        conn.execute(text(
            "INSERT INTO complaints (id, reference, branch_code, status, customer_id, customer_name, "
            "channel, business_type, cause, product, amount, description, request, received_at, "
            "decision_due, received_by, assignee, escalation_level, extensions, needs_review, "
            "updated_at, details) VALUES ('k1','BJ001-01-20260301-0001-X','BJ001','received','c1',"
            "'欧阳建国','counter','loans','fees','', '12.30','信用卡年费被重复扣收','退还年费',"
            "'2026-03-01T00:00:00.000000+00:00','2026-03-16T15:59:59.999999+00:00','T001','T001',"
            "0,0,0,'2026-03-01T00:00:00.000000+00:00','{}')"))
        conn.execute(text(
            "INSERT INTO events (id, complaint_id, kind, payload, actor, actor_role, device_id, "
            "branch_code, hlc, occurred_at, business_date, prev_hash, hash, origin, sent) VALUES "
            "('e1','k1','received','{}','T001','teller','d1','BJ001','000000000000001.00000',"
            "'2026-03-01T00:00:00.000000+00:00','2026-03-01',:z,:z,'local',0)"), {"z": "0" * 64})
    engine.dispose()

    store = open_store(tmp_path)
    try:
        assert current_revision(store.engine) == head_revision(store.engine)
        with store.read() as s:
            assert s.execute(text("SELECT count(*) FROM complaints")).scalar() == 1
            assert s.execute(text("SELECT count(*) FROM events")).scalar() == 1
            assert s.execute(text("SELECT amount FROM complaints")).scalar() == "12.30"
            # Rows written before the search migration are found by it.
            assert search_nums(s, "重复扣收") == [1]
            assert search_nums(s, "欧阳") == [1]
            assert search_nums(s, "5678") == [1]
    finally:
        store.close()


def test_opening_twice_is_harmless(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    store = open_store(tmp_path)
    try:
        assert current_revision(store.engine) == head_revision(store.engine)
    finally:
        store.close()


def test_the_known_head_is_the_newest_migration(tmp_path: Path) -> None:
    from desktop.store.migrate import HEAD

    engine = make_engine(tmp_path / DATABASE_FILE)
    try:
        assert head_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_the_schema_the_models_describe_is_the_schema_the_migrations_build(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from desktop.store.models import Base

    store = open_store(tmp_path)
    try:
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        store.close()
    # FTS tables and name grams are the migrations' own (not mapped); nothing else may differ.
    assert [d for d in diff if "complaint_search" not in str(d) and "name_grams" not in str(d)] == []


def test_the_risk_migration_gives_existing_complaints_their_signals_from_their_events(
        tmp_path: Path) -> None:
    engine = make_engine(tmp_path / DATABASE_FILE)
    upgrade(engine, "0010")
    receipt = ('{"amount": "60000.00", "description": "我要去法院起诉", "customer": '
               '{"id": "c1", "id_type": "resident_id", "id_number": "11010519491231002X"}}')
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO customers VALUES ('c1','individual','欧阳建国','resident_id',"
            "'11010519491231002X','13812345678','','','','002X','5678',"
            "'2026-03-01T00:00:00.000000+00:00','2026-03-01T00:00:00.000000+00:00')"))
        for n in (1, 2):
            conn.execute(text(
                "INSERT INTO complaints (id, reference, branch_code, status, customer_id, "
                "customer_name, channel, business_type, cause, product, amount, description, "
                "request, received_at, decision_due, received_by, assignee, escalation_level, "
                "extensions, needs_review, updated_at, details) VALUES (:id, :ref, 'BJ001', "
                "'received', 'c1', '欧阳建国', 'counter', 'loans', 'fees', '', '60000.00', '', '', "
                ":at, '2026-03-16T15:59:59.999999+00:00', 'T001', 'T001', 0, 0, 0, :at, '{}')"),
                {"id": f"k{n}", "ref": f"BJ001-01-2026030{n}-0001-X", "at": f"2026-03-0{n}T00:00:00.000000+00:00"})
            conn.execute(text(
                "INSERT INTO events (id, complaint_id, kind, payload, actor, actor_role, device_id, "
                "branch_code, hlc, occurred_at, business_date, prev_hash, hash, origin, sent) VALUES "
                "(:e, :k, 'received', :p, 'T001', 'teller', 'd1', 'BJ001', :hlc, :at, :day, :z, :z, "
                "'local', 0)"), {"e": f"e{n}", "k": f"k{n}", "p": receipt if n == 1 else "{}",
                                 "hlc": f"00000000000000{n}.00000", "day": f"2026-03-0{n}",
                                 "at": f"2026-03-0{n}T00:00:00.000000+00:00", "z": "0" * 64})
    engine.dispose()

    store = open_store(tmp_path)
    try:
        with store.read() as s:
            risk = dict(s.execute(text("SELECT id, risk FROM complaints")).tuples().all())
            indexed = set(s.execute(text(
                "SELECT c.id, r.code FROM complaint_risk r JOIN complaints c ON c.num = r.num")
            ).tuples().all())
    finally:
        store.close()
    assert json.loads(risk["k1"]) == [
        {"code": "amount_over", "params": {"threshold": "50000.00"}},
        {"code": "elderly", "params": {"age": 76, "limit": 65}},
        {"code": "mentions_lawsuit", "params": {"word": "起诉"}}]
    # The second's receipt says nothing of itself; the first came the day before.
    assert json.loads(risk["k2"]) == [
        {"code": "repeat_complainant", "params": {"count": 1, "days": 30}}]
    assert indexed == {("k1", "amount_over"), ("k1", "elderly"), ("k1", "mentions_lawsuit"),
                       ("k2", "repeat_complainant")}


def test_the_statistics_migration_counts_the_complaints_already_there(tmp_path: Path) -> None:
    from datetime import UTC, date, datetime, timedelta
    from zoneinfo import ZoneInfo

    from sqlalchemy import insert, update

    from desktop.analytics.source import source_of
    from desktop.analytics.statistics import Figures, Period, statistics
    from desktop.services.statistics import branch_source
    from desktop.store.models import ComplaintRow, CustomerRow

    engine = make_engine(tmp_path / DATABASE_FILE)
    upgrade(engine, "0011")
    at = datetime(2026, 3, 31, 15, tzinfo=UTC)  # 23:00 on 31 March in Beijing
    rows = [("received", None, None, None), ("closed", "upheld", 2, None),
            ("resolved", "not_upheld", 20, None), ("withdrawn", None, None, None),
            ("closed", "partly_upheld", 3, "k0")]  # the last a repeat of the first
    with engine.begin() as conn:
        conn.execute(insert(CustomerRow).values(id="c1", kind="individual", name="客户",
                                                created_at=at, updated_at=at))
        conn.execute(insert(ComplaintRow), [
            {"id": f"k{i}", "reference": f"BJ001-{i}", "branch_code": "BJ001", "status": status,
             "customer_id": "c1", "customer_name": "客户", "channel": "counter",
             "business_type": "B0101", "cause": "R0101", "received_at": at + timedelta(hours=i),
             "decision_due": at + timedelta(days=15), "outcome": outcome,
             "resolved_at": None if days is None else at + timedelta(days=days),
             "repeat_of": repeat, "updated_at": at}
            for i, (status, outcome, days, repeat) in enumerate(rows)])
    engine.dispose()

    store = open_store(tmp_path)
    rows_only = source_of(ComplaintRow.__table__)  # type: ignore[arg-type]
    beijing = ZoneInfo("Asia/Shanghai")
    march, april = (Period(date(2026, 3, 1), date(2026, 3, 31), beijing),
                    Period(date(2026, 4, 1), date(2026, 6, 30), beijing))
    as_of = datetime(2026, 4, 10, tzinfo=UTC)
    try:
        with store.read() as s:
            kept = s.execute(text("SELECT block, received, concluded, upheld, not_upheld, "
                                  "withdrawn, open, overdue FROM statistics_counts")).tuples().all()
            # All on 31 March in UTC: its day, month, quarter and year; the repeat not counted.
            assert sorted(kept) == [(block, 4, 2, 1, 1, 1, 1, 2)
                                    for block in ("2026", "2026-03", "2026-03-31", "2026-Q1")]
            assert statistics(s, branch_source(), march, as_of).total == Figures(
                received=1, open=1)
            assert statistics(s, branch_source(), april, as_of).total == Figures(
                received=3, concluded=2, upheld=1, not_upheld=1, withdrawn=1, overdue=1)
        with store.write() as s:  # and the triggers keep them from now on
            s.execute(update(ComplaintRow).where(ComplaintRow.id == "k0").values(
                status="closed", outcome="upheld", resolved_at=as_of))
        with store.read() as s:
            for period in (march, april):
                assert (statistics(s, branch_source(), period, as_of, by=["cause"])
                        == statistics(s, rows_only, period, as_of, by=["cause"]))
            assert statistics(s, branch_source(), march, as_of).total == Figures(
                received=1, concluded=1, upheld=1)
    finally:
        store.close()
