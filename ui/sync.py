"""Sync with HQ from the window: in the background, with progress and cancel, and by itself
every few minutes while HQ is reachable; the day-end close runs the same way.

The network work runs on a task runner of its own (ui/tasks.py, one thread), never on the
GUI thread and never on the database worker: the sync engine (desktop.sync.engine) opens its
own short transactions through `ctx.store`, so a slow or absent HQ holds up nothing else.
Only one sync runs at a time; an automatic one that comes due while another runs is skipped.

Cancel is honoured between batches and during a retry's wait (an HTTP request already on
the wire finishes or times out first); what was sent stays sent.

What can go wrong, and where it is told:
- HQ unreachable: the status bar says offline (an automatic sync says nothing more; a
  "Sync now" also shows a message box); nothing is lost, unsent events stay unsent.
- HQ refuses (HqRefused): HQ's message, the same way.
- Profile never enrolled (NotEnrolled): sync is off, and the status bar explains why.
- Day-end digests still differ (DayEndMismatch): the day-end dialog shows HQ's message.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.tasks import Task, TaskRunner
from ui.worker import Changes

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext
    from ui.context import AppContext, HqConnect

log = logging.getLogger("complaint_desk.ui.sync")

FIRST_AUTO_SYNC_MS = 3_000  # after login: one look at HQ soon, then every few minutes
CLIENT_TIMEOUT_S = 20.0
RETRY_ATTEMPTS = 3
RETRY_BASE_DELAY_S = 0.5
RETRY_MAX_DELAY_S = 4.0
SHUTDOWN_WAIT_MS = 8_000

class SyncKind(enum.StrEnum):
    AUTO = "auto"  # the timer's; its failures are only shown in the status bar
    MANUAL = "manual"  # "Sync now"; a failure is also told in a message box
    DAY_END = "day_end"  # the day-end close


class HqState(enum.StrEnum):
    UNKNOWN = "unknown"  # not asked yet
    NOT_ENROLLED = "not_enrolled"
    ONLINE = "online"
    OFFLINE = "offline"


class Result(enum.StrEnum):
    DONE = "done"
    OFFLINE = "offline"
    REFUSED = "refused"
    NOT_ENROLLED = "not_enrolled"
    CANCELLED = "cancelled"
    MISMATCH = "mismatch"  # day-end: HQ and this branch disagree
    FAILED = "failed"  # anything else (logged)


@dataclass(frozen=True, slots=True)
class SyncStep:
    """Progress of a running sync: phase "connect", "push" or "pull"; total when known."""

    kind: SyncKind
    phase: str
    done: int = 0
    total: int | None = None


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """How one sync or day-end close ended; `report` is the engine's SyncReport or
    DayEndReport when it got that far, `error` the DomainError (or other exception) else."""

    kind: SyncKind
    result: Result
    report: Any = None
    error: BaseException | None = None
    business_date: date | None = None
    hq_answered: bool = False  # HQ answered at least once (a cancelled sync may have reached it)

    @property
    def hq_state(self) -> HqState | None:
        """What this outcome says about HQ (None: nothing new)."""
        if self.result is Result.OFFLINE:
            return HqState.OFFLINE
        if self.result is Result.NOT_ENROLLED:
            return HqState.NOT_ENROLLED
        if self.result in (Result.DONE, Result.REFUSED, Result.MISMATCH) or self.hq_answered:
            return HqState.ONLINE
        return None

    @property
    def pulled(self) -> int:
        report = getattr(self.report, "sync", self.report)
        return int(getattr(report, "pulled", 0) or 0) + len(getattr(report, "references", []) or [])


# -- the job, on the sync thread (no Qt here) ---------------------------------------------------------

def run_sync_job(ctx: ServiceContext, connect: HqConnect, kind: SyncKind, task: Task, *,
                 business_date: date | None = None, closed_by: str = "") -> SyncOutcome:
    """Connect, look whether HQ answers at all, then sync (or close `business_date`),
    reporting each step through `task.progress`. Every expected failure becomes an
    outcome; an unexpected one raises."""
    from desktop.sync.client import HqRefused, HqUnreachable, RetryPolicy
    from desktop.sync.engine import DayEndMismatch, SyncCancelled, SyncProgress, close_day, sync_now
    from desktop.sync.enrollment import NoKeyring, NotEnrolled

    def wait(seconds: float) -> None:  # a retry's pause, cut short by Cancel
        if task.wait(seconds):
            raise SyncCancelled()

    def cancelled() -> bool:
        return task.cancelled

    def progress(p: SyncProgress) -> None:
        task.progress(SyncStep(kind, p.phase, p.done, p.total))

    task.progress(SyncStep(kind, "connect"))
    try:
        client = connect(ctx.store, timeout=CLIENT_TIMEOUT_S, sleep=wait,
                         retry=RetryPolicy(attempts=RETRY_ATTEMPTS, base_delay=RETRY_BASE_DELAY_S,
                                           max_delay=RETRY_MAX_DELAY_S))
    except (NotEnrolled, NoKeyring) as exc:
        return SyncOutcome(kind, Result.NOT_ENROLLED, error=exc)
    answered = False
    with client:
        try:
            if task.cancelled:
                raise SyncCancelled()
            if not client.reachable():  # one quick look, so offline costs no retries
                return SyncOutcome(kind, Result.OFFLINE, error=HqUnreachable(attempts=1))
            answered = True
            task.progress(SyncStep(kind, "push"))
            if kind is SyncKind.DAY_END:
                day = business_date or ctx.business_date()
                report: Any = close_day(ctx, client, day, closed_by=closed_by,
                                        cancelled=cancelled, progress=progress)
                return SyncOutcome(kind, Result.DONE, report=report, business_date=day)
            report = sync_now(ctx, client, cancelled=cancelled, progress=progress)
            return SyncOutcome(kind, Result.DONE, report=report)
        except SyncCancelled as exc:
            return SyncOutcome(kind, Result.CANCELLED, error=exc, business_date=business_date,
                               hq_answered=answered)
        except HqUnreachable as exc:
            return SyncOutcome(kind, Result.OFFLINE, error=exc, business_date=business_date)
        except HqRefused as exc:
            return SyncOutcome(kind, Result.REFUSED, error=exc, business_date=business_date)
        except DayEndMismatch as exc:
            return SyncOutcome(kind, Result.MISMATCH, error=exc, business_date=business_date)


# -- the controller, on the GUI thread --------------------------------------------------------------

class SyncController(QObject):
    """Starts syncs (by hand, by timer, at day end), one at a time, and says how they went.

    Signals: `started(SyncKind)`, `progressed(SyncStep)`, `finished(SyncOutcome)`, and
    `state_changed()` whenever `running`, `hq_state` or `last_outcome` changed.
    """

    started = Signal(object)
    progressed = Signal(object)
    finished = Signal(object)
    state_changed = Signal()

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.tasks = TaskRunner(self, threads=1, name="sync")
        self._task: Task | None = None
        self.running: SyncKind | None = None
        self.hq_state = HqState.UNKNOWN
        self.last_outcome: SyncOutcome | None = None
        self.last_step: SyncStep | None = None
        self.last_attempt: datetime | None = None
        self._closed = False
        self._started = False
        self._auto = False
        self.timer = QTimer(self)
        self.timer.setObjectName("auto_sync_timer")
        self.timer.timeout.connect(self.sync_automatically)
        self.set_auto_interval(max(0, app.settings.auto_sync_minutes) * 60_000)

    # -- automatic sync ---------------------------------------------------------------------------

    @property
    def auto_interval_ms(self) -> int:
        return self.timer.interval() if self._auto else 0

    def set_auto_interval(self, ms: int) -> None:
        """Sync by itself every `ms` milliseconds (0: never); takes effect at once."""
        self._auto = ms > 0
        if ms > 0:
            self.timer.setInterval(ms)
            if self._started and not self._closed:
                self.timer.start()
        else:
            self.timer.stop()

    def start(self) -> None:
        """A session began: look at HQ soon, then sync every few minutes."""
        self._started = True
        if self._auto and not self._closed:
            self.timer.start()
            QTimer.singleShot(FIRST_AUTO_SYNC_MS, self, self.sync_automatically)

    def sync_automatically(self) -> bool:
        """The timer's sync; skipped while another runs, when automatic sync is off, or when
        this PC is not enrolled. Each run first asks HQ whether it answers at all, so being
        offline costs one refused connection."""
        if not self._auto or self.hq_state is HqState.NOT_ENROLLED:
            return False
        return self._launch(SyncKind.AUTO)

    # -- by hand ------------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Sync now; False (nothing started) while another sync runs."""
        return self._launch(SyncKind.MANUAL)

    def close_day(self, business_date: date | None, closed_by: str) -> bool:
        """Day-end close of `business_date` (default: today's business date) in the background.
        False while another sync runs (cancel it, or wait)."""
        return self._launch(SyncKind.DAY_END, business_date=business_date, closed_by=closed_by)

    def cancel(self) -> None:
        """Ask the running sync to stop at its next step (its outcome says CANCELLED)."""
        if self._task is not None and not self._task.cancelled:
            self._task.cancel()
            self.state_changed.emit()

    @property
    def cancelling(self) -> bool:
        return self._task is not None and self._task.cancelled

    # -- running ------------------------------------------------------------------------------------

    def _launch(self, kind: SyncKind, *, business_date: date | None = None, closed_by: str = "") -> bool:
        if self.running is not None or self._closed:
            return False
        ctx = self._app.worker.shared_context()
        if ctx is None:
            return False
        self.running, self.last_step = kind, SyncStep(kind, "connect")
        self.last_attempt = self._app.now()
        connect = self._app.hq_connect

        def job(task: Task) -> SyncOutcome:
            try:
                return run_sync_job(ctx, connect, kind, task, business_date=business_date,
                                    closed_by=closed_by)
            except Exception as exc:  # told in the window, never lost
                log.error("sync failed: %s", type(exc).__name__, exc_info=exc)
                return SyncOutcome(kind, Result.FAILED, error=exc, business_date=business_date)

        self._task = self.tasks.submit(job, owner=self, on_done=self._finish,
                                       on_progress=self._step)
        self.started.emit(kind)
        self.state_changed.emit()
        return True

    @Slot(object)
    def _step(self, step: SyncStep) -> None:
        if self.running is None:
            return
        self.last_step = step
        if step.phase != "connect" and self.hq_state is not HqState.ONLINE:
            self.hq_state = HqState.ONLINE  # HQ answered: it is there, whatever comes next
            self.state_changed.emit()
        self.progressed.emit(step)

    @Slot(object)
    def _finish(self, outcome: SyncOutcome) -> None:
        self.running, self._task, self.last_step = None, None, None
        self.last_outcome = outcome
        state = outcome.hq_state
        if state is not None:
            self.hq_state = state
        if outcome.pulled:
            self._app.worker.announce(Changes(worklist=True, extra=("sync",)))
        self.finished.emit(outcome)
        self.state_changed.emit()

    def shutdown(self) -> None:
        """Stop the timer, cancel a running sync and wait (a little) for it to stop."""
        self._closed = True
        self.timer.stop()
        self.cancel()
        if not self.tasks.wait(SHUTDOWN_WAIT_MS / 1000):
            log.warning("a sync was still running at shutdown; it resumes next time")
