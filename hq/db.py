"""Engines, migrations and the two places where SQLite and PostgreSQL differ:
allocating numbers of the change sequence, and inserting rows that may exist already.

What can go wrong: an unreachable database raises sqlalchemy.exc.OperationalError
(the app answers 503); an unknown URL scheme raises sqlalchemy.exc.ArgumentError.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from psycopg.postgres import types as pg_types
from sqlalchemy import (
    Connection,
    Engine,
    String,
    Table,
    any_,
    bindparam,
    create_engine,
    event,
    select,
    text,
    update,
)
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
    """Insert `rows`, skipping any whose primary key exists already; returns the keys inserted.

    On PostgreSQL the rows travel as one array per column through `unnest`: one short
    statement however many rows, which is several times faster than a multi-row VALUES
    (the driver no longer parses a statement as long as the batch). The values must
    already be what the driver takes (aware datetimes, dates, str, int, None).
    """
    if not rows:
        return set()
    if is_postgres(connection):
        result = _unnest_insert(connection, table, rows,
                                f"ON CONFLICT DO NOTHING RETURNING {key}")
        return {str(v) for v in result.scalars()}
    stmt = sqlite.insert(table).on_conflict_do_nothing().returning(table.c[key])
    return {str(v) for v in connection.execute(stmt, list(rows)).scalars()}


def _unnest_insert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
                   tail: str) -> Any:
    columns = list(table.c)
    casts = ", ".join(f"%b::{c.type.compile(dialect=connection.dialect)}[]" for c in columns)
    sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
           f"SELECT * FROM unnest({casts}) {tail}")
    arrays = tuple([row[c.name] for row in rows] for c in columns)
    return connection.exec_driver_sql(sql, arrays)


def insert_new(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
               unique: Sequence[str]) -> tuple[str, dict[str, Any]] | None:
    """Insert `rows`, none of which should clash with a row held already; returns None,
    or (column, row): the first row in order whose value in one of the `unique` columns
    (the first such column of that row) is held already. Call inside a transaction and
    roll it back on a clash: on SQLite the other rows may have been inserted.

    On PostgreSQL the rows travel by binary COPY inside a savepoint (several times faster
    than an INSERT of as many rows); a unique violation rolls the savepoint back and the
    clash is looked up. The values must already be what the driver takes (aware
    datetimes, dates, str, int, bytes, None).
    """
    if not rows:
        return None
    if is_postgres(connection):
        driver = connection.connection.driver_connection
        if not isinstance(driver, psycopg.Connection):
            raise TypeError("a PostgreSQL connection that is not psycopg's")
        savepoint = connection.begin_nested()
        try:
            with driver.cursor() as cursor, cursor.copy(_copy_sql(table)) as copy:
                copy.set_types(_copy_types(table, connection))
                names = [c.name for c in table.c]
                for row in rows:
                    copy.write_row([row[name] for name in names])
        except psycopg.errors.UniqueViolation:
            savepoint.rollback()
            return _first_clash(connection, table, rows, unique)
        savepoint.commit()
        return None
    key = unique[0]
    inserted = insert_ignoring_existing(connection, table, rows, key)
    if len(inserted) == len(rows):
        return None
    return _first_clash(connection, table, [r for r in rows if str(r[key]) not in inserted],
                        unique)


def _first_clash(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
                 unique: Sequence[str]) -> tuple[str, dict[str, Any]]:
    held = {column: {str(r[0]) for r in existing_keys(
        connection, table, column, list({str(row[column]) for row in rows}))}
        for column in unique}
    for row in rows:
        for column in unique:
            if str(row[column]) in held[column]:
                return column, row
    raise RuntimeError(f"a row of {table.name} clashed, but no held key is found")


def _copy_sql(table: Table) -> str:
    return (f"COPY {table.name} ({', '.join(c.name for c in table.c)}) "
            "FROM STDIN (FORMAT BINARY)")


def _copy_types(table: Table, connection: Connection) -> list[int]:
    """The type OIDs of the table's columns, for psycopg's binary COPY."""
    known = _COPY_TYPES.get(table.name)
    if known is not None:
        return known
    found: list[int] = []
    for column in table.c:
        name = column.type.compile(dialect=connection.dialect).split("(")[0].strip().lower()
        info = pg_types.get(_PG_TYPE_NAMES.get(name, name))
        if info is None:
            raise TypeError(f"no COPY type for column {table.name}.{column.name} ({name})")
        found.append(info.oid)
    _COPY_TYPES[table.name] = found
    return found


_COPY_TYPES: dict[str, list[int]] = {}


_PG_TYPE_NAMES = {"timestamp with time zone": "timestamptz", "timestamp without time zone":
                  "timestamp"}


def existing_keys(connection: Connection, table: Table, key: str, values: Sequence[str],
                  *columns: str) -> list[Any]:
    """The rows (`key` and `columns`) of `table` whose `key` is among `values`."""
    selected = [table.c[key], *(table.c[c] for c in columns)]
    if is_postgres(connection):
        # One array parameter instead of thousands of placeholders.
        ids = bindparam("ids", list(values), type_=postgresql.ARRAY(String))
        return list(connection.execute(select(*selected).where(table.c[key] == any_(ids))))
    found: list[Any] = []
    for start in range(0, len(values), 500):
        chunk = list(values[start:start + 500])
        found.extend(connection.execute(select(*selected).where(table.c[key].in_(chunk))))
    return found


def upsert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
                key: str) -> None:
    """Insert `rows`, replacing every column of a row whose `key` exists already (on
    PostgreSQL through `unnest`, like insert_ignoring_existing)."""
    if not rows:
        return
    if is_postgres(connection):
        updates = ", ".join(f"{c.name} = EXCLUDED.{c.name}" for c in table.c if c.name != key)
        _unnest_insert(connection, table, rows, f"ON CONFLICT ({key}) DO UPDATE SET {updates}")
        return
    stmt = sqlite.insert(table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c[key]],
        set_={c.name: stmt.excluded[c.name] for c in table.c if c.name != key})
    connection.execute(stmt, list(rows))
