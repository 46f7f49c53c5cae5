"""The explicit application context handed to every window, dialog and model (no globals).

It holds the profile folder, the window settings, the database worker, the UI
language, the prompt point, the clock, who is logged in, where the sync facts
come from and how to reach HQ. Tests build one with their own clock, interaction and profile.

Nothing here imports the database layer, so the login window can show first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from ui.i18n import Languages
from ui.interaction import Interaction
from ui.settings import UiSettings
from ui.sync_status import SyncFactsSource, read_sync_facts
from ui.worker import DatabaseWorker

if TYPE_CHECKING:
    from desktop.domain.model import Actor
    from desktop.domain.taxonomy import Taxonomy
    from desktop.store.db import Store
    from desktop.sync.client import HqClient


@cache
def shipped_taxonomy() -> Taxonomy:
    """The taxonomy shipped in resources/, for before a profile is open.
    Raises PolicyError if the data file is missing or malformed."""
    from desktop.domain.taxonomy import load_taxonomy

    return load_taxonomy()


Clock = Callable[[], datetime]
HqConnect = Callable[..., "HqClient"]
DEFAULT_IDLE_MINUTES = 5


def utc_now() -> datetime:
    return datetime.now(UTC)


def connect_to_hq(store: Store, **options: Any) -> HqClient:
    """This enrolled device's HQ client (desktop.sync.enrollment.connect, loaded only when a
    sync starts). Raises NotEnrolled for a profile never enrolled."""
    from desktop.sync.enrollment import connect

    return connect(store, **options)


class CurrentStaff(QObject):
    """Who is logged in on this PC right now; `changed` fires on login, switch and logout."""

    changed = Signal(object)  # Actor | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._actor: Actor | None = None

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def require(self) -> Actor:
        """The logged-in actor; raises RuntimeError if nobody is (a programming error)."""
        if self._actor is None:
            raise RuntimeError("nobody is logged in")
        return self._actor

    def set(self, actor: Actor | None) -> None:
        self._actor = actor
        self.changed.emit(actor)


@dataclass
class BranchInfo:
    """What the window needs to know about this device once the profile is open."""

    branch_code: str = ""
    timezone: str = "Asia/Shanghai"
    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES
    # the channels on which the policy wants the branch's recording named (CBIRC: counter)
    recording_reference_channels: tuple[str, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass
class AppContext:
    profile: Path
    worker: DatabaseWorker
    languages: Languages
    settings: UiSettings = field(default_factory=UiSettings)
    interaction: Interaction = field(default_factory=Interaction)
    clock: Clock = utc_now
    staff: CurrentStaff = field(default_factory=CurrentStaff)
    sync_facts: SyncFactsSource = read_sync_facts  # unsent changes, last sync (on the worker)
    hq_connect: HqConnect = connect_to_hq  # this device's HQ client (tests wrap it)
    branch: BranchInfo = field(default_factory=BranchInfo)
    taxonomy: Taxonomy | None = None  # the one in force, from the profile once it is open
    demo: bool = False

    @property
    def locale(self) -> str:
        return self.languages.locale

    def now(self) -> datetime:
        return self.clock()

    def categories(self) -> Taxonomy:
        """The taxonomy in force (HQ's published one, else the shipped one)."""
        if self.taxonomy is not None:
            return self.taxonomy
        return shipped_taxonomy()

    def save_settings(self) -> None:
        self.settings.save(self.profile)

    def set_language(self, locale: str) -> None:
        """Switch every window to `locale`; core messages follow on the worker."""
        self.languages.switch(locale)
        self.settings.language = self.languages.locale
        self.save_settings()
        new = self.languages.locale
        if self.worker.is_open:
            self.worker.run(None, lambda: setattr(self.worker.context(), "locale", new))

    def idle_lock_ms(self) -> int:
        minutes = self.settings.idle_lock_minutes or self.branch.idle_lock_minutes
        return max(1, minutes) * 60_000
