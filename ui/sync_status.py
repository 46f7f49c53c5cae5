"""The sync facts the status bar reads from the profile: unsent changes and the last sync.

They come from desktop.sync.status, which reads the database only (no network client is
loaded for it). Whether HQ is online is not a fact of the profile: the sync controller
(ui.sync) knows it from its last attempt. A source is called on the database worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.services.context import ServiceContext


@dataclass(frozen=True, slots=True)
class SyncFacts:
    unsent: int | None = None  # None: not read yet
    last_sync: datetime | None = None  # None: never synced (or not read yet)
    quarantined: int = 0  # events from HQ this PC could not apply, kept aside


class SyncFactsSource(Protocol):
    def __call__(self, ctx: ServiceContext) -> SyncFacts: ...


def read_sync_facts(ctx: ServiceContext) -> SyncFacts:
    """Events written here that HQ has not acknowledged, and when a sync last completed."""
    from desktop.sync.status import last_sync, quarantine_count, unsent_count

    return SyncFacts(unsent=unsent_count(ctx), last_sync=last_sync(ctx),
                     quarantined=quarantine_count(ctx))
