"""Floors for bench_core: the same work done straight through the sqlite3 API, no ORM.

- Recording: the rows one `record_complaint` writes (customer, complaint, event, the FTS and
  name-gram rows its triggers and code add, the settings and the daily sequence) are captured
  from a real call, then written again in one transaction through the DB-API connection,
  with fresh ids each time: on the profile itself (SQLCipher) and on a plain copy of it
  (`sqlite3`). Floor rows are deleted afterwards, so the cached profile keeps only real
  complaints (and the settings and the day's sequence number a real record uses are never
  touched: the floor writes its own keys).
- Search: the raw index query for each kind of search (reference range, phone digits, name
  grams, FTS5 phrase), the first page of 50 complaint rows read by row number.
"""

from __future__ import annotations

import re
import secrets
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from desktop.store.db import Store

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
FLOOR_DATE = "0001-01-01"
FLOOR_KEY = "bench_floor:"
FLOOR_REFERENCE = "FLOOR-"

Statement = tuple[str, Any]


def capture_writes(store: Store, work: Callable[[], Any]) -> list[Statement]:
    """The write statements (SQL, parameters) `work` sends to `store`'s database."""
    captured: list[Statement] = []

    def listen(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
               executemany: bool) -> None:
        if statement.lstrip().upper().startswith(_WRITES):
            captured.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        work()
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    return captured


class FloorWriter:
    """Writes the captured rows again, fresh each time, in one transaction per `write()`."""

    def __init__(self, conn: Any, template: list[Statement], *, reference: str,
                 id_number: str, business_date: str) -> None:
        self.conn = conn
        self.template = template
        self.specials = {reference: lambda: FLOOR_REFERENCE + uuid.uuid4().hex[:24],
                         id_number: lambda: "F" + uuid.uuid4().hex[:17],
                         business_date: lambda: FLOOR_DATE}
        self.written: list[str] = []
        # Only the ids of the rows the record inserted are made fresh; any other id (the
        # customer found again, the earlier complaint a repeat links to) is kept.
        self.new_ids = {params[0] for sql, params in template
                        if re.match(r"\s*INSERT INTO \w+ \(id,", sql) and params
                        and not isinstance(params, list)}

    def _swap(self, value: Any, mapping: dict[str, str]) -> Any:
        if not isinstance(value, str):
            return value
        if value in mapping:
            return mapping[value]
        if _UUID.match(value) and value in self.new_ids:
            new = str(uuid.uuid4())
            self.written.append(new)
        elif _HEX64.match(value):
            new = secrets.token_hex(32)
        elif value in self.specials:
            new = self.specials[value]()
        elif value in ("hlc_last", "chain_head"):
            new = FLOOR_KEY + value
        else:
            return value
        mapping[value] = new
        return new

    def write(self) -> None:
        mapping: dict[str, str] = {}
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in self.template:
                # A risk row is keyed by the complaint's number, which the floor keeps as
                # it was captured: a second replay must not collide with the first.
                sql = re.sub(r"^(\s*)INSERT INTO complaint_risk\b",
                             r"\1INSERT OR IGNORE INTO complaint_risk", sql)
                if isinstance(params, list):
                    cur.executemany(sql, [tuple(self._swap(v, mapping) for v in p)
                                          for p in params])
                else:
                    cur.execute(sql, tuple(self._swap(v, mapping) for v in params or ()))
                    cur.fetchall()
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()

    def cleanup(self) -> None:
        """Delete every row the floor wrote, and any a run that stopped before its cleanup
        left: its events first, then its complaints, then its customers (a complaint
        refers to its customer; a write's ids may fall into different chunks)."""
        cur = self.conn.cursor()
        if self.conn.in_transaction:
            cur.execute("ROLLBACK")
        cur.execute("BEGIN IMMEDIATE")
        left = cur.execute("SELECT id, customer_id FROM complaints WHERE reference LIKE ?",
                           (FLOOR_REFERENCE + "%",)).fetchall()
        ids = [*self.written, *(i for pair in left for i in pair)]
        for table in ("events", "complaints", "customers"):
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                # A customer is the floor's own unless a real complaint names it (the
                # record the floor copies may have found its customer again).
                keep = (" AND NOT EXISTS (SELECT 1 FROM complaints c WHERE c.customer_id = "
                        "customers.id)") if table == "customers" else ""
                cur.execute(f"DELETE FROM {table} WHERE id IN ({marks}){keep}", chunk)
                if table == "events":
                    cur.execute(f"DELETE FROM events WHERE complaint_id IN ({marks})", chunk)
        cur.execute("DELETE FROM settings WHERE key LIKE ?", (FLOOR_KEY + "%",))
        cur.execute("DELETE FROM daily_sequences WHERE business_date = ?", (FLOOR_DATE,))
        cur.execute("COMMIT")
        cur.close()
        self.written.clear()


@contextmanager
def raw_connection(store: Store) -> Iterator[Any]:
    """The profile's own DB-API connection (SQLCipher, keyed, configured as the app's)."""
    pooled = store.engine.raw_connection()
    try:
        yield pooled.driver_connection
    finally:
        pooled.close()


def plain_copy(store: Store, target: Path) -> Path:
    """A plain (unencrypted) SQLite copy of the profile's database at `target`, made once
    with sqlcipher_export and kept while the profile is older than it and at the same schema."""
    done = target.with_name(target.name + ".complete")
    marker = store.path.parent / ".complete"
    with raw_connection(store) as conn:
        schema = ",".join(sorted(r[0] for r in conn.execute(
            "SELECT version_num FROM alembic_version")))
    if (done.exists() and done.read_text(encoding="utf-8") == schema
            and (not marker.exists() or marker.stat().st_mtime <= done.stat().st_mtime)):
        return target  # made from this profile at its present schema
    for stale in (target, target.with_name(target.name + "-wal"),
                  target.with_name(target.name + "-shm")):
        stale.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with raw_connection(store) as conn:
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    done.write_text(schema, encoding="utf-8")
    return target


def open_plain(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def remove_plain(path: Path) -> None:
    for name in (path, path.with_name(path.name + ".complete")):
        if name.is_dir():
            shutil.rmtree(name)
        else:
            name.unlink(missing_ok=True)


PAGE_COLUMNS = ("id, reference, status, customer_name, business_type, cause, received_at, "
                "decision_due, assignee, escalation_level, needs_review, num")


def raw_search(conn: Any, kind: str, query: str, limit: int = 50) -> list[tuple[Any, ...]]:
    """The first page of `query` through its index alone, newest first: the search floor."""
    if kind == "reference":
        nums = ("SELECT num FROM complaints WHERE reference >= ? AND reference < ? "
                "ORDER BY num DESC LIMIT ?", (query, query + "\uffff", limit))
    elif kind == "phone":
        nums = ("SELECT num FROM complaints WHERE customer_id IN (SELECT id FROM customers "
                "WHERE phone_last4 = ? OR id_last4 = ?) ORDER BY num DESC LIMIT ?",
                (query, query, limit))
    elif kind == "name":
        nums = ("SELECT num FROM name_grams WHERE gram = ? ORDER BY num DESC LIMIT ?",
                (query, limit))
    else:
        nums = ("SELECT rowid FROM complaint_search WHERE complaint_search MATCH ? "
                "ORDER BY rowid DESC LIMIT ?", ('"' + query.replace('"', '""') + '"', limit))
    sql = (f"SELECT {PAGE_COLUMNS} FROM complaints WHERE num IN ({nums[0]}) "
           "ORDER BY num DESC")
    return list(conn.execute(sql, nums[1]).fetchall())
