"""The profile database file: WAL, foreign keys, and atomic writes."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from desktop.store.db import Store
from desktop.store.models import Setting


def test_connections_use_wal_foreign_keys_and_a_busy_timeout(store: Store) -> None:
    with store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert int(s.execute(text("PRAGMA busy_timeout")).scalar() or 0) >= 5000


def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as s:
        s.add(Setting(key="half", value="written"))
        s.flush()
        raise RuntimeError("crash mid-transaction")
    with store.read() as s:
        assert s.get(Setting, "half") is None


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), store.write() as s:
        s.execute(text(
            "INSERT INTO complaints (id, reference, branch_code, status, customer_id, customer_name, "
            "channel, business_type, cause, product, description, request, received_at, decision_due, "
            "received_by, assignee, escalation_level, extensions, needs_review, updated_at, details) "
            "VALUES ('x','R','B','received','nobody','n','counter','a','b','','','','t','t','','',0,0,0,"
            "'t','{}')"))
