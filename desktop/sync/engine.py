"""Offline-first sync with HQ: push the outbox, pull what is new, close the day.

Crash safety, step by step:
- push: events are marked sent only after HQ accepted their batch; a crash in
  between re-sends the same batch under the same key, which HQ answers as before.
- pull: the events of a page and the cursor after it are written in one
  transaction; a crash before it commits re-fetches the same page.
- day-end: nothing is recorded until HQ's digest equals ours.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from desktop.domain.chain import digest
from desktop.domain.errors import DomainError
from desktop.domain.hlc import ClockAhead, max_drift_ms
from desktop.domain.reference_files import RosterFile, check
from desktop.services.context import ServiceContext
from desktop.services.day_close import count_close_run
from desktop.services.deadlines import apply_reference_data
from desktop.store.events import get_setting, put_setting, row_to_event, store_remote_events
from desktop.store.models import DayCloseRow, EventRow, ReferenceDocumentRow
from desktop.sync.client import HqClient, HqRefused, PulledPage
from desktop.sync.quarantine import (
    CANNOT_APPLY,
    CLOCK_AHEAD,
    UNREADABLE,
    quarantine_event,
    quarantine_raw,
    quarantined_ids,
    quarantined_ids_of_day,
)
from desktop.sync.status import CURSOR_KEY, LAST_SYNC_KEY, quarantine_count, unsent_count
from desktop.sync.wire import DEFAULT_PULL_LIMIT, Change, EventWire, PushRequest

log = logging.getLogger("complaint_desk.sync")

# HQ's code for events stamped by a clock ahead of its own (hq/ingest.py check_clocks).
CLOCK_REFUSAL = "hq.push.clock_ahead"

# Measured in the benchmark suite: 500 events per batch keeps a gzip body near 100 kB and
# a push round trip well under HQ's time limits, while 10,000 events need only 20 trips.
PUSH_BATCH = 500
PULL_PAGE = DEFAULT_PULL_LIMIT

Cancelled = Callable[[], bool]


class SyncCancelled(DomainError):
    code = "sync.cancelled"


class DayEndMismatch(DomainError):
    """HQ and this branch still disagree after re-sending; params: date, local, hq."""

    code = "sync.day_end_mismatch"


@dataclass
class SyncProgress:
    phase: str  # "push" | "pull"
    done: int
    total: int | None = None


@dataclass
class SyncReport:
    """How a sync went. `quarantined`: events set aside by this sync (`quarantine_total`:
    all held); `clock_offset_s`: HQ's time minus this PC's, when it exceeds the drift bound
    (the PC's clock is wrong); `clock_refused`: HQ refused this PC's events as stamped by
    a clock ahead of its own (they stay unsent until the clock is right)."""

    pushed: int = 0
    duplicates: int = 0
    pulled: int = 0
    references: list[str] = field(default_factory=list)
    finished_at: datetime | None = None
    quarantined: int = 0
    quarantine_total: int = 0
    clock_offset_s: int | None = None
    clock_refused: HqRefused | None = None

    @property
    def clock_wrong(self) -> bool:
        return self.clock_offset_s is not None or self.clock_refused is not None


@dataclass(frozen=True, slots=True)
class DayEndReport:
    business_date: date
    event_count: int
    digest: str
    resent: int
    sync: SyncReport
    quarantined: int = 0  # the day's events held in quarantine (counted in the digest)
    run: int = 1  # which close of the day this is: 2 and more are re-runs (report printed as a copy)

    @property
    def rerun(self) -> bool:
        return self.run > 1


def batch_key(event_ids: list[str]) -> str:
    """The same events always make the same key, so a retried batch is recognised by HQ."""
    return hashlib.sha256("\n".join(event_ids).encode("ascii", "replace")).hexdigest()


def _never() -> bool:
    return False


def push_outbox(ctx: ServiceContext, client: HqClient, *, cancelled: Cancelled = _never,
                progress: Callable[[SyncProgress], None] | None = None,
                batch_size: int = PUSH_BATCH) -> tuple[int, int]:
    """Send every unsent event of this device, oldest first. Returns (accepted, duplicates).
    Raises HqUnreachable / HqRefused (nothing is lost: unsent events stay unsent)."""
    total = unsent_count(ctx)
    accepted = duplicates = done = 0
    while True:
        if cancelled():
            raise SyncCancelled()
        with ctx.store.read() as s:
            rows = list(s.scalars(select(EventRow)
                                  .where(EventRow.origin == "local", EventRow.sent.is_(False))
                                  .order_by(EventRow.seq).limit(batch_size)))
        if not rows:
            return accepted, duplicates
        events = [EventWire.from_event(row_to_event(r)) for r in rows]
        ids = [e.id for e in events]
        answer = client.push(PushRequest(batch_key=batch_key(ids), events=events))
        with ctx.store.write() as s:
            s.execute(update(EventRow).where(EventRow.id.in_(ids)).values(sent=True))
        accepted += answer.accepted
        duplicates += answer.duplicates
        done += len(ids)
        if progress:
            progress(SyncProgress("push", done, total))


def _store_events(s: Session, changes: list[Change], now: datetime,
                  trusted_now: datetime | None) -> tuple[int, int]:
    """Store a page's events; an event that cannot be applied is quarantined instead.
    Returns (new events, newly quarantined). The whole page is tried at once first (the
    usual case); only when that fails is each event tried alone, in a savepoint."""
    held = quarantined_ids(s, (c.event.id for c in changes if c.event is not None))
    pending = [c for c in changes if c.event is not None and c.event.id not in held]
    try:
        with s.begin_nested():
            return store_remote_events(s, [c.event.to_event() for c in pending if c.event],
                                       now, trusted_now=trusted_now), 0
    except Exception:  # some event of the page is at fault: find it below, one at a time
        pass
    new = quarantined = 0
    for change in pending:
        assert change.event is not None
        event = change.event.to_event()
        try:
            with s.begin_nested():
                new += store_remote_events(s, [event], now, trusted_now=trusted_now)
        except (OperationalError, InterfaceError):
            raise  # the database, not the event: retry the page next time
        except Exception as exc:
            reason = CLOCK_AHEAD if isinstance(exc, ClockAhead) else CANNOT_APPLY
            # The kind of failure only: an exception's text may carry the payload's data.
            log.warning("event at HQ sequence %s quarantined: %s (%s)", change.seq, reason,
                        type(exc).__name__)
            content = change.model_dump(mode="json")
            quarantined += quarantine_event(s, change.seq, event, content, reason,
                                            type(exc).__name__, now)
    return new, quarantined


def apply_page(ctx: ServiceContext, page: PulledPage,
               trusted_now: datetime | None = None) -> tuple[int, list[str], int]:
    """Store one pulled page and move the cursor past it, in one transaction. Returns
    (new events, reference kinds, newly quarantined events)."""
    kinds: list[str] = []
    now = ctx.now()
    with ctx.store.write() as s:
        quarantined = 0
        for bad in page.unreadable:
            log.warning("change at HQ sequence %s quarantined: unreadable (%s)", bad.seq, bad.problem)
            quarantined += quarantine_raw(s, bad.seq, bad.content, UNREADABLE, bad.problem, now)
        new, held = _store_events(s, [c for c in page.changes if c.type == "event"], now,
                                  trusted_now)
        quarantined += held
        for change in page.changes:
            if change.type != "reference" or change.reference_kind is None:
                continue
            row = s.get(ReferenceDocumentRow, change.reference_kind)
            version = int(change.reference_version or 0)
            if row is None:
                s.add(ReferenceDocumentRow(kind=change.reference_kind, version=version,
                                           content=change.reference_content, received_at=now))
            elif version >= row.version:
                row.version, row.content, row.received_at = version, change.reference_content, now
            kinds.append(change.reference_kind)
        put_setting(s, CURSOR_KEY, str(page.next_cursor))
    return new, kinds, quarantined


@dataclass
class PullResult:
    pulled: int = 0
    references: list[str] = field(default_factory=list)
    quarantined: int = 0


def pull_changes(ctx: ServiceContext, client: HqClient, *, cancelled: Cancelled = _never,
                 progress: Callable[[SyncProgress], None] | None = None,
                 page_size: int = PULL_PAGE, since: int | None = None) -> PullResult:
    """Fetch and apply everything new since the saved cursor (or `since`)."""
    with ctx.store.read() as s:
        cursor = since if since is not None else int(get_setting(s, CURSOR_KEY, "0"))
    result = PullResult()
    while True:
        if cancelled():
            raise SyncCancelled()
        page = client.pull(cursor, page_size)
        new, got, held = apply_page(ctx, page, client.hq_time)
        result.pulled += new
        result.references += got
        result.quarantined += held
        cursor = page.next_cursor
        if progress:
            progress(SyncProgress("pull", result.pulled))
        if not page.more:
            return result


def sync_now(ctx: ServiceContext, client: HqClient, *, cancelled: Cancelled = _never,
             progress: Callable[[SyncProgress], None] | None = None) -> SyncReport:
    """Push, then pull; record when it last succeeded. A push HQ refuses because this PC's
    clock is ahead does not stop the pull: the report says so (`clock_refused`)."""
    refused: HqRefused | None = None
    try:
        pushed, dupes = push_outbox(ctx, client, cancelled=cancelled, progress=progress)
    except HqRefused as exc:
        if exc.code != CLOCK_REFUSAL:
            raise
        pushed, dupes, refused = 0, 0, exc
    pulled = pull_changes(ctx, client, cancelled=cancelled, progress=progress)
    apply_published_roster(ctx)
    # A published calendar counts from now on, and recounts the provisional deadlines it
    # covers (issue 13, rule 11).
    apply_reference_data(ctx, set(pulled.references))
    finished = ctx.now()
    with ctx.store.write() as s:
        put_setting(s, LAST_SYNC_KEY, finished.isoformat())
    return SyncReport(pushed=pushed, duplicates=dupes, pulled=pulled.pulled,
                      references=pulled.references, finished_at=finished,
                      quarantined=pulled.quarantined, quarantine_total=quarantine_count(ctx),
                      clock_offset_s=clock_offset(client, finished), clock_refused=refused)


def clock_offset(client: HqClient, local_now: datetime) -> int | None:
    """HQ's time minus this PC's in seconds, when beyond the drift bound; else None."""
    if client.hq_time is None:
        return None
    offset = (client.hq_time - local_now).total_seconds()
    return int(offset) if abs(offset) * 1000 > max_drift_ms() else None


ROSTER_APPLIED_KEY = "roster_applied_version"


def apply_published_roster(ctx: ServiceContext) -> bool:
    """Bring the staff table in line with the roster HQ published, once per version
    (again after a crash between storing and applying it). Returns True if applied."""
    from desktop.security.staff import RosterEntry, apply_roster

    with ctx.store.read() as s:
        doc = s.get(ReferenceDocumentRow, "roster")
        applied = int(get_setting(s, ROSTER_APPLIED_KEY, "-1"))
        if doc is None or doc.version <= applied:
            return False
        content, version = doc.content, doc.version
    roster = check(RosterFile, {"staff": content} if isinstance(content, list) else content,
                   "roster.invalid")  # nothing applied when HQ's file is malformed
    branch = ctx.device.branch_code
    entries = [RosterEntry(number=m.number, name=m.name, role=m.role, branch_code=branch,
                           password_hash=m.password_hash, active=m.active)
               for m in roster.staff if (m.branch_code or branch) == branch]
    apply_roster(ctx.store, entries)
    with ctx.store.write() as s:
        put_setting(s, ROSTER_APPLIED_KEY, str(version))
    return True


def local_digest(ctx: ServiceContext, business_date: date) -> tuple[int, str]:
    """Count and hash of the ids of every event of this branch on `business_date` held here."""
    with ctx.store.read() as s:
        ids = list(s.scalars(select(EventRow.id).where(
            EventRow.business_date == business_date, EventRow.branch_code == ctx.device.branch_code)))
        # Quarantined events are held here too, only not applied: HQ counts them as well.
        held = set(quarantined_ids_of_day(s, ctx.device.branch_code, business_date)) - set(ids)
        return digest(ids + sorted(held))


def close_day(ctx: ServiceContext, client: HqClient, business_date: date, *, closed_by: str,
              cancelled: Cancelled = _never,
              progress: Callable[[SyncProgress], None] | None = None) -> DayEndReport:
    """Day-end close: sync, compare digests with HQ, re-send what is missing, record the close.
    Raises DayEndMismatch when they still differ (nothing is recorded then)."""
    report = sync_now(ctx, client, cancelled=cancelled, progress=progress)
    count, ours = local_digest(ctx, business_date)
    theirs = client.digest(business_date)
    resent = 0
    if (theirs.count, theirs.hash) != (count, ours):
        # Re-send this device's events of the day (HQ keeps what it has, adds what it lacks),
        # and re-read the branch's stream from the start for what we lack.
        with ctx.store.write() as s:
            result = s.execute(update(EventRow)
                               .where(EventRow.business_date == business_date,
                                      EventRow.origin == "local")
                               .values(sent=False))
            resent = int(getattr(result, "rowcount", 0) or 0)
        push_outbox(ctx, client, cancelled=cancelled, progress=progress)
        pull_changes(ctx, client, cancelled=cancelled, progress=progress, since=0)
        count, ours = local_digest(ctx, business_date)
        theirs = client.digest(business_date)
        if (theirs.count, theirs.hash) != (count, ours):
            raise DayEndMismatch(date=business_date.isoformat(), local=count, hq=theirs.count)
    with ctx.store.write() as s:
        run = count_close_run(s, business_date)  # before the row: a first close is run 1
        row = s.get(DayCloseRow, business_date)
        if row is None:
            row = DayCloseRow(business_date=business_date)
            s.add(row)
        row.closed_at, row.closed_by = ctx.now(), closed_by
        row.event_count, row.digest, row.resent = count, ours, resent
    with ctx.store.read() as s:
        held = len(quarantined_ids_of_day(s, ctx.device.branch_code, business_date))
    return DayEndReport(business_date=business_date, event_count=count, digest=ours, resent=resent,
                        sync=report, quarantined=held, run=run)
