"""Engines, migrations and the two places where SQLite and PostgreSQL differ:
allocating numbers of the change sequence, and inserting rows that may exist already.

What can go wrong: an unreachable database raises sqlalchemy.exc.OperationalError
(the app answers 503); an unknown URL scheme raises sqlalchemy.exc.ArgumentError.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Table, create_engine, event, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from hq import tables

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant will do; it only has to differ from other advisory locks on the server.
CHANGE_LOCK_KEY = 0x48510001
MIGRATION_LOCK_KEY = 0x48510002


def normalise_url(url: str) -> str:
    """Let admins write postgresql://... and still get the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An engine for `url`: SQLite files in WAL mode with every transaction taking the
    write lock up front (so concurrent requests queue instead of failing), PostgreSQL
    with a pool sized for one worker's thread pool."""
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, hide_parameters=True, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    return create_engine(
        url, hide_parameters=True, pool_size=pool_size, max_overflow=pool_size * 2,
        pool_pre_ping=True,
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (safe to run from several processes:
    on PostgreSQL the migration holds an advisory lock)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def is_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def change_lock(connection: Connection) -> None:
    """Take the lock that orders commits by change sequence, until the transaction ends.

    Numbers are drawn only while holding it, so a reader that sees change N has
    also seen every change below N (or it was rolled back). On SQLite the write
    lock of BEGIN IMMEDIATE already does this.
    """
    if is_postgres(connection):
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHANGE_LOCK_KEY})


def allocate_seqs(connection: Connection, count: int) -> int:
    """Reserve `count` consecutive change numbers; returns the first. Call under change_lock."""
    if count <= 0:
        raise ValueError("count must be positive")
    if is_postgres(connection):
        last = connection.execute(
            text("SELECT setval('change_seq', nextval('change_seq') + :n - 1)"), {"n": count}
        ).scalar_one()
        return int(last) - count + 1
    counter = tables.change_counter
    last = connection.execute(
        update(counter).where(counter.c.id == 1).values(value=counter.c.value + count)
        .returning(counter.c.value)
    ).scalar_one()
    return int(last) - count + 1


def insert_ignoring_existing(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str
) -> set[str]:
    """Insert `rows`, skipping any whose primary key exists already; returns the keys inserted."""
    if not rows:
        return set()
    stmt: Any
    if is_postgres(connection):
        stmt = postgresql.insert(table).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    result = connection.execute(stmt.returning(table.c[key]), list(rows))
    return {str(v) for v in result.scalars()}
