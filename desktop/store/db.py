"""Opening a profile's database: the one place where the engine and its connections are set up.

Every connection gets WAL, foreign keys and a busy timeout. Write transactions
start with BEGIN IMMEDIATE, so two app instances on one profile take turns
instead of failing half-way. Migrations run on open. The security layer swaps
in SQLCipher through `ConnectionFactory` (desktop.security.encryption), without
touching the rest; `plain_sqlite` remains for tools and benchmarks that compare.
"""

from __future__ import annotations

import atexit
import logging
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

BUSY_TIMEOUT_MS = 15_000
DATABASE_FILE = "complaints.sqlite3"
# SQLite copies the write-ahead log into the database itself at the commit that takes the
# log past this many pages. A store's background checkpointer (below) does it sooner, off
# the write path; this stays only as the fallback should that thread fall behind.
AUTOCHECKPOINT_PAGES = 10_000
CHECKPOINT_EVERY_S = 0.25  # at most one background checkpoint this often while writes go on
CHECKPOINTER_IDLE_S = 5.0  # the background thread ends after this long without a write

log = logging.getLogger(__name__)

# Builds a DB-API connection for a database file. The default is the standard
# sqlite3 module; the security layer provides one that opens SQLCipher with a key.
# A factory may name its DB-API module in a `dbapi` attribute, so that SQLAlchemy
# recognises (and wraps) that driver's exceptions.
ConnectionFactory = Callable[[str], Any]


def plain_sqlite(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                           isolation_level=None)


def _configure(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    cur.close()


def make_engine(path: Path, connect: ConnectionFactory = plain_sqlite) -> Engine:
    """An engine on the SQLite file at `path`; the file is created if missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    target = str(path)
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(target),
        module=getattr(connect, "dbapi", sqlite3),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # The most recently used connection first: its page cache is the warm one.
        pool_use_lifo=True,
        # SQLAlchemy puts statement parameters into exception text and logs by default;
        # they hold names and ID numbers, which must never reach either.
        hide_parameters=True,
    )
    event.listen(engine, "connect", _configure)

    # The driver runs in autocommit mode (isolation_level=None); we issue BEGIN
    # ourselves, IMMEDIATE when the connection is asked to write.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@dataclass
class Store:
    """A profile's database: sessions for reading and for writing.

    `secrets` is the profile's key access (desktop.security.profile_keys.ProfileKeys),
    set by desktop.profile for an encrypted profile; attachments are sealed with it."""

    engine: Engine
    path: Path
    secrets: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._checkpointer = Checkpointer(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock from its first statement;
        it commits on success and rolls back on any error, leaving nothing half-written."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(write=True)
            with Session(bind=conn, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except BaseException:
                    session.rollback()
                    raise
        self._checkpointer.written()

    def close(self) -> None:
        self._checkpointer.stop()
        self.engine.dispose()


class Checkpointer:
    """Keeps the write-ahead log short off the write path: after a write commits, a
    background thread runs a passive checkpoint (it copies what it can and never waits for
    readers or blocks writers), at most every CHECKPOINT_EVERY_S. A commit then seldom
    pays for a checkpoint itself, which was the slow tail of recording a complaint. The
    thread starts on the first write and ends after CHECKPOINTER_IDLE_S without one."""

    def __init__(self, engine: Engine) -> None:
        _live_checkpointers.add(self)
        self._engine = engine
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._pause = threading.Event()  # set only to stop: cuts the pause short
        self._thread: threading.Thread | None = None
        self._stopped = False

    def written(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._wake.set()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint",
                                                daemon=True)
                self._thread.start()

    def stop(self) -> None:
        """End the thread (after the checkpoint it may be running) before the engine goes."""
        with self._lock:
            self._stopped = True
            thread = self._thread
            self._wake.set()
            self._pause.set()
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        while True:
            woken = self._wake.wait(CHECKPOINTER_IDLE_S)
            with self._lock:
                if self._stopped or not woken:
                    self._thread = None
                    return
                self._wake.clear()
            try:
                # The DB-API connection itself: no transaction begun around the pragma.
                pooled = self._engine.raw_connection()
                try:
                    cur = pooled.driver_connection.cursor()  # type: ignore[union-attr]
                    cur.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    cur.close()
                finally:
                    pooled.close()
            except Exception as e:  # the fallback autocheckpoint still bounds the log
                log.warning("background checkpoint failed: %s", type(e).__name__)
            self._pause.wait(CHECKPOINT_EVERY_S)  # writes meanwhile leave `_wake` set


# Stopped at exit, so no checkpoint is cut off inside SQLite while the interpreter ends.
_live_checkpointers: weakref.WeakSet[Checkpointer] = weakref.WeakSet()


@atexit.register
def _stop_checkpointers() -> None:
    for checkpointer in list(_live_checkpointers):
        checkpointer.stop()


def open_store(profile_dir: Path, connect: ConnectionFactory = plain_sqlite,
               *, migrate: bool = True) -> Store:
    """Open (creating if needed) the database of the profile in `profile_dir`,
    upgraded to the newest schema. Raises sqlalchemy errors if the file is unreadable."""
    from desktop.store.migrate import upgrade

    path = profile_dir / DATABASE_FILE
    engine = make_engine(path, connect)
    if migrate:
        upgrade(engine)
    return Store(engine=engine, path=path)
