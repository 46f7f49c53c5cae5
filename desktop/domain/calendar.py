"""Working-day calendars: weekends, public holidays and make-up working days (调休).

A calendar is data (`resources/calendars/<id>.json`) that HQ publishes and may
replace; nothing here knows any country's holidays. Days outside the years a
calendar covers are counted on its weekend rule alone, and `covers()` tells the
caller so that it can warn that the calendar needs an update.

File shape::

    {"id": "cn", "name": {"zh_CN": ..., "en": ...}, "source": "...",
     "timezone": "Asia/Shanghai", "weekend": ["sat", "sun"], "years": [2025, 2026],
     "holidays": [{"from": "2025-01-28", "to": "2025-02-04", "name": {...}}, ...],
     "working_days": [{"date": "2025-01-26", "name": {...}}, ...]}

A holiday entry is a single `date` or a `from`/`to` range (both ends included,
weekend days inside the range included, as official notices state them).
"""

from __future__ import annotations

import calendar as _stdcal
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop.domain.errors import PolicyError
from desktop.domain.reference_files import WEEKDAYS, CalendarFile, check
from desktop.resources import load_json

_ID_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")
# Working-day loops stop here: a year of holidays in a row means the data is wrong.
_MAX_CONSECUTIVE_DAYS_OFF = 366


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """Which days are working days. Build one with `load_calendar` or `calendar_from_dict`."""

    id: str
    name: Mapping[str, str]
    source: str
    timezone: str
    weekend: frozenset[int]
    years: frozenset[int]
    holidays: Mapping[date, Mapping[str, str]] = field(default_factory=dict)
    working_days: Mapping[date, Mapping[str, str]] = field(default_factory=dict)

    def covers(self, day: date) -> bool:
        """True when the calendar's data speaks for `day`'s year (holidays are known)."""
        return day.year in self.years

    def is_holiday(self, day: date) -> bool:
        return day in self.holidays

    def is_make_up_working_day(self, day: date) -> bool:
        return day in self.working_days

    def is_working_day(self, day: date) -> bool:
        """A make-up working day works even on a weekend; a holiday rests even on a weekday."""
        if day in self.working_days:
            return True
        if day in self.holidays:
            return False
        return day.weekday() not in self.weekend

    def holiday_name(self, day: date, locale: str = "zh_CN") -> str:
        names = self.holidays.get(day) or self.working_days.get(day) or {}
        return names.get(locale) or names.get("en") or ""

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (before it, for a negative count).

        `start` itself is never counted, whether it is a working day or not, so a
        complaint received on a Saturday has its first working day on Monday.
        `count == 0` gives `start`. Raises PolicyError if the data makes no day a
        working day for a whole year.
        """
        step = 1 if count >= 0 else -1
        remaining = abs(count)
        day = start
        idle = 0
        while remaining:
            day += timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
                idle = 0
            else:
                idle += 1
                if idle > _MAX_CONSECUTIVE_DAYS_OFF:
                    raise PolicyError("calendar.no_working_days", calendar=self.id)
        return day

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if `end` is earlier)."""
        if end == start:
            return 0
        sign = 1 if end > start else -1
        low, high = (start, end) if sign > 0 else (end, start)
        count = 0
        day = low + timedelta(days=1)
        while day <= high:
            if self.is_working_day(day):
                count += 1
            day += timedelta(days=1)
        return sign * count


def add_months(day: date, months: int) -> date:
    """The same day `months` later; a day the target month lacks becomes its last day
    (31 Aug + 6 months = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _stdcal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_years_at_least(day: date, years: int) -> date:
    """The same date `years` later; 29 Feb becomes 1 Mar so that a period is never shortened."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def calendar_from_dict(data: Mapping[str, Any]) -> WorkingCalendar:
    """Build a calendar from its JSON form (a shipped file or one HQ published).

    Raises PolicyError (code `calendar.invalid`, detail naming the field path) for a
    malformed file: missing keys, bad dates, a range that ends before it starts, a day
    that is both a holiday and a make-up working day, or a date outside the declared years.
    The file's shape is `reference_files.CalendarFile` (resources/schemas/calendar.schema.json).
    """
    spec = check(CalendarFile, data, "calendar.invalid")
    return WorkingCalendar(
        id=spec.id,
        name=spec.name,
        source=spec.source,
        timezone=spec.timezone,
        weekend=frozenset(WEEKDAYS.index(d) for d in spec.weekend),
        years=frozenset(spec.years),
        holidays={day: entry.name for entry in spec.holidays for day in entry.days()},
        working_days={entry.date: entry.name for entry in spec.working_days},
    )


def load_calendar(calendar_id: str) -> WorkingCalendar:
    """The shipped calendar `resources/calendars/<calendar_id>.json`.

    Raises PolicyError if the id is not a plain name, the file is missing or malformed.
    """
    if not _ID_PATTERN.match(calendar_id):
        raise PolicyError("calendar.unknown", calendar=calendar_id[:40])
    try:
        data = load_json("calendars", f"{calendar_id}.json")
    except FileNotFoundError:
        raise PolicyError("calendar.unknown", calendar=calendar_id) from None
    return calendar_from_dict(data)
