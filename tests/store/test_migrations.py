"""An upgrade never loses data: a database built at the first migration, filled, then upgraded."""

from __future__ import annotations

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
