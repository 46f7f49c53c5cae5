"""What the status bar shows about sync — unsent changes, last successful sync, events held
in quarantine — read from
the profile without loading the network client (the GUI stays light until it syncs)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from desktop.services.context import ServiceContext
from desktop.store.events import get_setting
from desktop.store.models import EventRow, QuarantineRow

LAST_SYNC_KEY = "last_sync"
CURSOR_KEY = "sync_cursor"


def unsent_count(ctx: ServiceContext) -> int:
    """Events written on this PC that HQ has not acknowledged yet."""
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)
                            .where(EventRow.origin == "local", EventRow.sent.is_(False))) or 0)


def quarantine_count(ctx: ServiceContext) -> int:
    """Events from HQ kept aside because this PC could not apply them (desktop.sync.quarantine)."""
    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(QuarantineRow)) or 0)


def last_sync(ctx: ServiceContext) -> datetime | None:
    """When a sync last completed, or None if never."""
    with ctx.store.read() as s:
        text = get_setting(s, LAST_SYNC_KEY)
    return datetime.fromisoformat(text) if text else None
