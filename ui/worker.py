"""The one database worker: every call into the core runs here, never on the GUI thread.

Widgets hand the worker a function of the service context (a read or a change)
and a callback; the function runs on the worker's one-thread task runner
(ui/tasks.py), its plain result (a dataclass, never an ORM object) comes back to
the GUI thread. A successful change also emits `changed` once, so each view
can decide whether to refresh (the Anki "operation did execute" notice).

What can go wrong: a function raising is delivered to its `on_error` callback
(or to the worker's `failed` signal); a callback whose widget was destroyed in
the meantime is skipped instead of crashing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext

log = logging.getLogger("complaint_desk.ui.worker")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Changes:
    """What a change touched; views compare it with what they show."""

    complaint_id: str | None = None
    worklist: bool = True  # the worklist's rows or counts may differ now
    draft: bool = False
    staff: bool = False
    extra: tuple[str, ...] = field(default_factory=tuple)


class ProfileNotOpen(RuntimeError):
    """A task asked for the service context before the profile was opened."""


class DatabaseWorker(QObject):
    """Runs core calls one at a time on a single thread and delivers results to the GUI."""

    changed = Signal(object)  # Changes, after every successful change
    failed = Signal(object)  # an exception nobody handled
    opened = Signal(object)  # the ServiceContext, once the profile is open
    idle = Signal()  # no task is pending any more

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = TaskRunner(self, threads=1, name="database")
        self.tasks.failed.connect(self.failed)
        self.tasks.idle.connect(self.idle)
        self._context: ServiceContext | None = None

    # -- state --------------------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Tasks submitted whose result has not been delivered yet."""
        return self.tasks.pending

    @property
    def is_open(self) -> bool:
        return self._context is not None

    def context(self) -> ServiceContext:
        """The service context; only for code running ON the worker thread."""
        if self._context is None:
            raise ProfileNotOpen()
        return self._context

    def shared_context(self) -> ServiceContext | None:
        """The service context for a background job that runs its own short transactions
        through `ctx.store` (thread-safe) on a thread of its own: sync, whose network waits
        must not hold up this worker. None until the profile is open."""
        return self._context

    def announce(self, changes: Changes) -> None:
        """Emit `changed` for a change made outside this worker (a sync that pulled events)."""
        self.changed.emit(changes)

    # -- submitting work ----------------------------------------------------------------------

    def open_profile(self, folder: Path, *, clock: Callable[[], Any] | None = None,
                     locale: str = "zh_CN", demo: bool = False,
                     on_done: Callable[[Any], None] | None = None,
                     on_error: Callable[[BaseException], None] | None = None,
                     owner: QObject | None = None) -> None:
        """Open the profile's database and load its context on the worker. The database layer
        is imported here, on the worker, so the first window can show before it is loaded.
        A folder holding no profile is not turned into one here (that is `admin init`, which
        also hands out the recovery key): NoProfileHere is delivered instead."""

        def task() -> ServiceContext:
            from desktop.profile import NoProfileHere, open_profile
            from desktop.security.profile_keys import read_profile_info
            from desktop.services.context import load_context, system_clock
            from desktop.store.db import DATABASE_FILE

            if read_profile_info(folder) is None and not (folder / DATABASE_FILE).exists():
                raise NoProfileHere()
            store = open_profile(folder, demo=demo)
            from desktop.logs import setup_logging

            setup_logging(folder)  # the profile's log file, named by "see the log" messages
            try:
                ctx = load_context(store, clock=clock or system_clock, locale=locale)
            except BaseException:
                store.close()
                raise
            self._context = ctx
            return ctx

        def done(ctx: Any) -> None:
            self.opened.emit(ctx)
            if on_done is not None:
                on_done(ctx)

        self._submit(task, owner, done, on_error, None)

    def query(self, owner: QObject | None, fn: Callable[[ServiceContext], T],
              on_done: Callable[[T], None] | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run a read on the worker; `on_done(result)` runs on the GUI thread if `owner` lives."""
        self._submit(lambda: fn(self.context()), owner, on_done, on_error, None)

    def change(self, owner: QObject | None, fn: Callable[[ServiceContext], T],
               on_done: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               changes: Changes | None = None) -> None:
        """Run a change on the worker; after it succeeds `changed` is emitted once."""
        self._submit(lambda: fn(self.context()), owner, on_done, on_error, changes or Changes())

    def run(self, owner: QObject | None, fn: Callable[[], T],
            on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run something that needs no profile (e.g. warming up imports) in worker order."""
        self._submit(fn, owner, on_done, on_error, None)

    def call_now(self, fn: Callable[[ServiceContext], T]) -> T:
        """Run `fn` on the worker and wait for it: only for shutdown and test set-up,
        never from a widget (it blocks the GUI thread)."""
        return self.tasks.call_now(lambda: fn(self.context()))

    def _submit(self, task: Callable[[], Any], owner: QObject | None,
                on_done: Callable[[Any], None] | None,
                on_error: Callable[[BaseException], None] | None,
                changes: Changes | None) -> None:
        announce = None if changes is None else (lambda: self.changed.emit(changes))
        self.tasks.submit(lambda _task: task(), owner=owner, on_done=on_done, on_error=on_error,
                          after=announce)

    # -- shutting down -------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Finish what is queued (a last draft save, say), then close the database."""

        def close() -> None:
            if self._context is not None:
                self._context.store.close()
                self._context = None

        self.tasks.shutdown(last=close)
