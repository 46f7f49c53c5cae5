"""The explicit context every use case receives: the store, this device, the clock, the rules.

No globals: the CLI, the UI and the tests each build a ServiceContext and hand it down.
The clock is injectable so deadline logic can be tested at any date.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from desktop.domain.calendar import calendar_from_dict
from desktop.domain.errors import DomainError
from desktop.domain.model import Actor as Actor  # a domain value; also importable from here
from desktop.domain.policy import DeadlinePolicy, load_policy, policy_from_dict
from desktop.domain.taxonomy import Taxonomy, load_taxonomy, taxonomy_from_dict
from desktop.store.db import Store
from desktop.store.events import get_setting, put_setting
from desktop.store.models import BranchRow, ReferenceDocumentRow

Clock = Callable[[], datetime]

DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_POLICY = "cn_cbirc_2020"


def system_clock() -> datetime:
    return datetime.now(UTC)


class DeviceNotSetUp(DomainError):
    code = "device.not_set_up"


@dataclass(frozen=True, slots=True)
class Device:
    """This PC as a device of its branch (docs/ARCHITECTURE.md §3)."""

    branch_code: str
    device_id: str
    device_number: int
    timezone: str = DEFAULT_TIMEZONE

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass
class ServiceContext:
    store: Store
    device: Device
    policy: DeadlinePolicy
    clock: Clock = system_clock
    locale: str = "zh_CN"
    taxonomy: Taxonomy = field(default_factory=load_taxonomy)
    extras: dict[str, object] = field(default_factory=dict)

    def now(self) -> datetime:
        return self.clock()

    def business_date(self, when: datetime | None = None) -> date:
        """The branch's business date: the calendar date in the branch's time zone."""
        return (when or self.now()).astimezone(self.device.zone).date()


def set_up_device(store: Store, *, branch_code: str, branch_name: str, device_number: int,
                  device_id: str | None = None, timezone: str = DEFAULT_TIMEZONE,
                  policy_id: str = DEFAULT_POLICY) -> Device:
    """Record this PC's identity in the profile (first start, or enrollment with HQ)."""
    device = Device(branch_code=branch_code, device_id=device_id or str(uuid.uuid4()),
                    device_number=device_number, timezone=timezone)
    with store.write() as s:
        put_setting(s, "branch_code", device.branch_code)
        put_setting(s, "device_id", device.device_id)
        put_setting(s, "device_number", str(device.device_number))
        put_setting(s, "timezone", device.timezone)
        put_setting(s, "policy_id", policy_id)
        if s.get(BranchRow, branch_code) is None:
            s.add(BranchRow(code=branch_code, name=branch_name, phone="", address=""))
    return device


def load_context(store: Store, *, clock: Clock = system_clock, locale: str = "zh_CN") -> ServiceContext:
    """The context of an existing profile. Raises DeviceNotSetUp for a profile never set up."""
    with store.read() as s:
        branch = get_setting(s, "branch_code")
        if not branch:
            raise DeviceNotSetUp()
        device = Device(
            branch_code=branch,
            device_id=get_setting(s, "device_id"),
            device_number=int(get_setting(s, "device_number", "1")),
            timezone=get_setting(s, "timezone", DEFAULT_TIMEZONE),
        )
        policy_id = get_setting(s, "policy_id", DEFAULT_POLICY)
        published = {row.kind: row.content for row in s.query(ReferenceDocumentRow)}
    return ServiceContext(store=store, device=device, policy=_policy(policy_id, published),
                          clock=clock, locale=locale, taxonomy=_taxonomy(published))


def reload_reference_data(ctx: ServiceContext) -> None:
    """Put what HQ has published since the context was loaded (policy, calendar, taxonomy)
    into `ctx`, so a running program counts with it at once."""
    with ctx.store.read() as s:
        policy_id = get_setting(s, "policy_id", DEFAULT_POLICY)
        published = {row.kind: row.content for row in s.query(ReferenceDocumentRow)}
    ctx.policy = _policy(policy_id, published)
    ctx.taxonomy = _taxonomy(published)


def _policy(policy_id: str, published: dict[str, object]) -> DeadlinePolicy:
    """HQ's published deadline policy (and calendar) replace the shipped defaults."""
    calendar = None
    if isinstance(published.get("calendar"), dict):
        calendar = calendar_from_dict(published["calendar"])  # type: ignore[arg-type]
    if isinstance(published.get("policy"), dict):
        return policy_from_dict(published["policy"], calendar)  # type: ignore[arg-type]
    policy = load_policy(policy_id)
    if calendar is not None:
        from dataclasses import replace

        policy = replace(policy, calendar=calendar)
    return policy


def _taxonomy(published: dict[str, object]) -> Taxonomy:
    if isinstance(published.get("taxonomy"), dict):
        return taxonomy_from_dict(published["taxonomy"])  # type: ignore[arg-type]
    return load_taxonomy()
