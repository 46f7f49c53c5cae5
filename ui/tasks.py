"""The one way the screens run work in the background: `TaskRunner`.

A job is a function of its `Task`; it runs on one of the runner's threads, may report
progress (`task.progress(value)`) and look whether it was cancelled (`task.cancelled`,
or `task.wait(seconds)`, a pause that Cancel cuts short). Its progress, its result or
its exception arrive on the GUI thread, through a queued signal, at the callbacks it
was given; a callback whose owner widget was destroyed in the meantime is skipped.

The database worker (ui/worker.py: one thread, so the core sees one call at a time),
the sync with HQ (ui/sync.py: a thread of its own, so network waits hold up nothing
else) and the print preview's rendering and printing (ui/print_preview.py) each run
their jobs on a TaskRunner; none of them has a thread or pool of its own.

What can go wrong: a job raising is delivered to its `on_error` (or, without one or
without a living owner, to the runner's `failed` signal); nothing is lost. A job that
finishes after the runner itself was deleted is logged and dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger("complaint_desk.ui.tasks")

T = TypeVar("T")


class Task:
    """One job's handle: `cancel()` from the GUI thread; `cancelled`, `wait()` and
    `progress()` from the job."""

    def __init__(self, report: Callable[[Any], None]) -> None:
        self._cancel = threading.Event()
        self._report = report

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, seconds: float) -> bool:
        """Pause for `seconds`, or less if cancelled meanwhile; True when cancelled."""
        return self._cancel.wait(seconds)

    def progress(self, value: Any) -> None:
        """Tell the GUI thread how far the job got (delivered to `on_progress`)."""
        self._report(value)


@dataclass(frozen=True, slots=True)
class _Delivery:
    owner: QObject | None
    callback: Callable[[Any], None] | None
    value: Any
    finished: bool  # the job's end (a result or an exception), not a progress report
    failed: bool = False
    after: Callable[[], None] | None = None


class TaskRunner(QObject):
    """Runs jobs on `threads` background threads (1: one at a time, in order) and delivers
    their progress and results on the GUI thread.

    Signals: `failed(exception)` for a failure nobody handled; `idle()` whenever the last
    pending job was delivered.
    """

    failed = Signal(object)
    idle = Signal()
    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None, *, threads: int = 1,
                 name: str = "tasks") -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=name)
        self._name = name
        self._pending = 0
        self._running = 0
        self._lock = threading.Condition()
        self._closed = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Jobs submitted whose end has not been delivered yet."""
        return self._pending

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, job: Callable[[Task], T], *, owner: QObject | None = None,
               on_done: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[Any], None] | None = None,
               after: Callable[[], None] | None = None) -> Task | None:
        """Run `job(task)` in the background. On the GUI thread: `on_progress(value)` for each
        report and `on_done(result)` or `on_error(exception)` at the end, each only while
        `owner` lives; `after()` follows a success whether or not it does (a changes
        notice). Returns the task (to cancel it), or None once the runner is shut down."""
        if self._closed:
            log.warning("%s: a job submitted after shutdown was ignored", self._name)
            return None
        send = self._sender()
        task = Task(lambda value: send(_Delivery(owner, on_progress, value, finished=False)))
        with self._lock:
            self._pending += 1
            self._running += 1

        def work() -> None:
            try:
                value = job(task)
            except BaseException as exc:  # delivered to the GUI thread, never lost
                if not isinstance(exc, Exception):
                    log.error("%s: a job stopped by %s", self._name, type(exc).__name__)
                delivery = _Delivery(owner, on_error, exc, finished=True, failed=True)
            else:
                delivery = _Delivery(owner, on_done, value, finished=True, after=after)
            finally:
                with self._lock:
                    self._running -= 1
                    self._lock.notify_all()
            send(delivery)

        self._pool.submit(work)
        return task

    def call_now(self, job: Callable[[], T]) -> T:
        """Run `job` in turn with the others and wait for it: only for shutdown and test
        set-up, never from a widget (it blocks the GUI thread)."""
        future: Future[T] = self._pool.submit(job)
        return future.result()

    def wait(self, timeout_s: float) -> bool:
        """Block until no job is running (at most `timeout_s`); False if one still is."""
        with self._lock:
            return self._lock.wait_for(lambda: self._running == 0, timeout_s)

    def shutdown(self, last: Callable[[], None] | None = None) -> None:
        """Take no more jobs, run what is queued and then `last` (closing the database, say),
        and wait for it all."""
        if self._closed:
            return
        self._closed = True
        if last is not None:
            self._pool.submit(last)
        self._pool.shutdown(wait=True)

    def _sender(self) -> Callable[[_Delivery], None]:
        emit = self._delivered.emit
        name = self._name

        def send(delivery: _Delivery) -> None:
            try:
                emit(delivery)
            except RuntimeError:  # the runner went with its window while the job ran
                log.info("%s: a job finished after its runner was gone", name)

        return send

    @Slot(object)
    def _deliver(self, delivery: _Delivery) -> None:
        alive = delivery.owner is None or shiboken6.isValid(delivery.owner)
        if delivery.finished:
            with self._lock:
                self._pending -= 1
        try:
            if delivery.failed:
                if delivery.callback is not None and alive:
                    delivery.callback(delivery.value)
                else:
                    log.info("%s: unhandled failure: %s", self._name, type(delivery.value).__name__)
                    self.failed.emit(delivery.value)
                return
            if delivery.callback is not None and alive:
                delivery.callback(delivery.value)
            if delivery.after is not None:
                delivery.after()
        finally:
            if delivery.finished and self._pending == 0:
                self.idle.emit()
