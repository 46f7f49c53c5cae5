"""The write-ahead log is copied into the database by a background thread, not by the
commit that happens to take it past SQLite's limit (the slow tail of recording)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store import db
from desktop.store.db import open_store


def _checkpointer_running(store: db.Store) -> bool:
    thread = store._checkpointer._thread
    return thread is not None and thread.is_alive()


def _wait_until(condition: object, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the background checkpointer never finished"
        time.sleep(0.02)


def _log_frames(store: db.Store) -> int:
    """Frames now in the log, through the DB-API connection (no transaction around it)."""
    pooled = store.engine.raw_connection()
    try:
        _busy, log, _done = pooled.driver_connection.execute(  # type: ignore[union-attr]
            "PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(log)
    finally:
        pooled.close()


def test_writes_are_checkpointed_in_the_background_and_the_log_starts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "CHECKPOINTER_IDLE_S", 0.2)
    store = open_store(tmp_path)
    try:
        with store.write() as s:
            s.execute(text("CREATE TABLE filler (x TEXT)"))
        for _ in range(200):  # about 200 pages: far below SQLite's own limit (10,000)
            with store.write() as s:
                s.execute(text("INSERT INTO filler VALUES (:x)"), {"x": "x" * 3000})
        assert _checkpointer_running(store)
        _wait_until(lambda: not _checkpointer_running(store))
        # Everything was copied, so the next writer starts the log from its beginning.
        with store.write() as s:
            s.execute(text("INSERT INTO filler VALUES ('last')"))
        assert _log_frames(store) < 10
    finally:
        store.close()


def test_closing_the_store_ends_its_checkpointer(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.write() as s:
        s.execute(text("CREATE TABLE filler (x TEXT)"))
    thread = store._checkpointer._thread
    assert thread is not None and thread.is_alive()
    store.close()
    assert not thread.is_alive()
    store._checkpointer.written()  # a late write's signal after close starts nothing
    assert store._checkpointer._thread is None
