"""Quarantine: an event pulled from HQ that this client cannot read or apply is kept aside
(`quarantined_events`), not on the timeline, and the pull goes on past it. One bad event
(an empty receipt, a stamp from a clock far ahead, a kind this version does not know)
never leaves a branch unable to sync or close the day.

A quarantined event still counts in the day-end digest: HQ holds it and so does this
branch, only not applied. A supervisor lists them (`complaint-desk admin quarantine`,
the status bar) and tells HQ, which owns the fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.model import Event
from desktop.services.context import ServiceContext
from desktop.store.models import QuarantineRow

UNREADABLE = "sync.quarantine.unreadable"  # does not fit the wire schema
CLOCK_AHEAD = "sync.quarantine.clock_ahead"  # stamped beyond the clock drift bound
CANNOT_APPLY = "sync.quarantine.cannot_apply"  # folding it into its complaint failed


@dataclass(frozen=True, slots=True)
class QuarantinedEvent:
    """What a supervisor sees of a quarantined event (no payload: it may hold identity data)."""

    event_id: str
    seq: int
    complaint_id: str | None
    kind: str | None
    device_id: str | None
    business_date: date | None
    reason: str
    detail: str
    quarantined_at: datetime


def _text(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def quarantine_raw(session: Session, seq: int, content: Any, reason: str, detail: str,
                   now: datetime) -> bool:
    """Keep one change as it came from HQ; False if it is quarantined already."""
    event = content.get("event") if isinstance(content, dict) else None
    event = event if isinstance(event, dict) else {}
    event_id = _text(event.get("id"), 64) or f"seq-{seq}"
    if session.get(QuarantineRow, event_id) is not None:
        return False
    session.add(QuarantineRow(
        event_id=event_id, seq=seq, complaint_id=_text(event.get("complaint_id"), 64),
        kind=_text(event.get("kind"), 30), device_id=_text(event.get("device_id"), 64),
        branch_code=_text(event.get("branch_code"), 32),
        business_date=_date(event.get("business_date")), reason=reason, detail=detail[:200],
        content=content, quarantined_at=now))
    return True


def quarantine_event(session: Session, seq: int, event: Event, content: Any, reason: str,
                     detail: str, now: datetime) -> bool:
    """Keep an event that parsed but could not be applied; False if already kept."""
    if session.get(QuarantineRow, event.id) is not None:
        return False
    session.add(QuarantineRow(
        event_id=event.id, seq=seq, complaint_id=event.complaint_id, kind=event.kind.value,
        device_id=event.device_id, branch_code=event.branch_code,
        business_date=event.business_date, reason=reason, detail=detail[:200],
        content=content, quarantined_at=now))
    return True


def quarantined_ids(session: Session, ids: Iterable[str]) -> set[str]:
    wanted = list(ids)
    if not wanted:
        return set()
    return set(session.scalars(select(QuarantineRow.event_id)
                               .where(QuarantineRow.event_id.in_(wanted))))


def quarantined_ids_of_day(session: Session, branch_code: str, business_date: date) -> list[str]:
    """Ids of the branch's quarantined events of a business date (for the day-end digest)."""
    return list(session.scalars(select(QuarantineRow.event_id).where(
        QuarantineRow.business_date == business_date, QuarantineRow.branch_code == branch_code)))


def quarantined_events(ctx: ServiceContext, limit: int = 500) -> list[QuarantinedEvent]:
    """The quarantined events, newest first."""
    with ctx.store.read() as s:
        rows = s.scalars(select(QuarantineRow)
                         .order_by(QuarantineRow.quarantined_at.desc(), QuarantineRow.seq.desc())
                         .limit(limit))
        return [QuarantinedEvent(r.event_id, r.seq, r.complaint_id, r.kind, r.device_id,
                                 r.business_date, r.reason, r.detail, r.quarantined_at)
                for r in rows]
