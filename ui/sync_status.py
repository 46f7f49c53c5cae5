"""Where the status bar's sync facts come from: online or offline, unsent changes, last sync.

The sync layer (desktop/sync) provides the values: a `desktop.sync.status.sync_status`
reader when there is one; else unsent local events are counted here and the last sync
time read from the engine's setting, with "not known" for online (nothing here
contacts HQ). A source is called on the database worker, never on the GUI thread.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext

log = logging.getLogger("complaint_desk.ui.sync_status")

# The sync layer's read function, if it is installed: sync_status(ctx) -> object with
# `online` (bool | None), `unsent` (int) and `last_sync` (datetime | None).
SYNC_MODULE = "desktop.sync.status"
LAST_SYNC_SETTING = "last_sync"  # desktop.sync.engine.LAST_SYNC_KEY


@dataclass(frozen=True, slots=True)
class SyncStatus:
    online: bool | None = None  # None: not known (no HQ enrolled, or not asked yet)
    unsent: int | None = None
    last_sync: datetime | None = None


class SyncStatusSource(Protocol):
    def __call__(self, ctx: ServiceContext) -> SyncStatus: ...


def count_unsent(ctx: ServiceContext) -> int:
    """Events written on this PC that HQ has not received yet."""
    from sqlalchemy import func, select

    from desktop.store.models import EventRow

    with ctx.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(EventRow)
                            .where(EventRow.origin == "local", EventRow.sent.is_(False))) or 0)


def local_sync_status(ctx: ServiceContext) -> SyncStatus:
    """The sync layer's status when it is there; otherwise unsent counted here, the rest unknown."""
    try:
        module = importlib.import_module(SYNC_MODULE)
    except ModuleNotFoundError:
        module = None
    reader = getattr(module, "sync_status", None) if module is not None else None
    if reader is not None:
        try:
            found = reader(ctx)
            return SyncStatus(online=getattr(found, "online", None),
                              unsent=getattr(found, "unsent", None),
                              last_sync=getattr(found, "last_sync", None))
        except Exception:
            log.warning("sync status could not be read", exc_info=True)
    return SyncStatus(online=None, unsent=count_unsent(ctx), last_sync=read_last_sync(ctx))


def read_last_sync(ctx: ServiceContext) -> datetime | None:
    """When this PC last synced, from the setting the sync engine keeps; read directly so
    the status bar does not load the network client (about 20 MB) before a sync needs it."""
    from desktop.store.events import get_setting

    with ctx.store.read() as s:
        text = get_setting(s, LAST_SYNC_SETTING)
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def default_sync_status() -> SyncStatusSource:
    return local_sync_status
