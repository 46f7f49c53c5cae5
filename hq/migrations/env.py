"""Alembic environment for HQ: runs on the connection hq.db.migrate hands over
(or on `sqlalchemy.url` when called from the alembic command line), on SQLite or
PostgreSQL alike. On PostgreSQL an advisory lock keeps two starting servers from
migrating at once."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from hq.db import MIGRATION_LOCK_KEY, make_engine
from hq.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
    try:
        with engine.begin() as conn:
            _run(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("HQ migrations run online only")
run_migrations_online()
