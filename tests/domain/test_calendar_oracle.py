"""The shipped calendars against the `holidays` package, an independent dataset kept by others.

Every day of every year that both our file and the library speak for must be a working
day in both or in neither: public holidays, substitute days and China's make-up working
days (调休上班, which the library keeps as `weekend_workdays` and honours in
`is_working_day`). Weekend holidays are not compared one by one, since a Saturday is a day
off either way; what deadlines depend on is whether a day works.

Years are only compared where the library has real data: for China, the years whose State
Council notice the library carries (a later year would be its guess at the statutory days,
without make-up days); for the UK and the US, the rules plus proclamations it knows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

import holidays
import pytest
from holidays.countries.china import ChinaStaticHolidays

from desktop.domain.calendar import WorkingCalendar, load_calendar


def _china(years: list[int]) -> holidays.HolidayBase:
    return holidays.China(years=years)


def _england_and_wales(years: list[int]) -> holidays.HolidayBase:
    return holidays.UK(subdiv="ENG", years=years)


def _federal_reserve(years: list[int]) -> holidays.HolidayBase:
    # The Federal Reserve's own schedule: a Saturday holiday is not moved to the Friday.
    return holidays.financial_holidays("XFED", years=years)


def _china_notice_years() -> set[int]:
    """Years whose official holiday notice (with its make-up days) the library holds."""
    return set(ChinaStaticHolidays.special_public_holidays)


def _rule_years(library: Callable[[list[int]], holidays.HolidayBase]) -> Callable[[], set[int]]:
    def years() -> set[int]:
        cls = type(library([]))
        return set(range(cls.start_year, cls.end_year + 1))
    return years


ORACLES = {
    "cn": (_china, _china_notice_years),
    "uk": (_england_and_wales, _rule_years(_england_and_wales)),
    "us": (_federal_reserve, _rule_years(_federal_reserve)),
}


def _days(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


def _disagreements(ours: WorkingCalendar, theirs: holidays.HolidayBase, years: list[int]) -> list[str]:
    return [f"{day} ({day:%a}): ours {'works' if ours.is_working_day(day) else 'rests'}, "
            f"library {'works' if theirs.is_working_day(day) else 'rests'} "
            f"[{ours.holiday_name(day, 'en') or '-'} / {theirs.get(day) or '-'}]"
            for year in years for day in _days(year)
            if ours.is_working_day(day) != theirs.is_working_day(day)]


@pytest.mark.parametrize("calendar_id", sorted(ORACLES))
def test_shipped_calendar_agrees_with_the_holidays_package(calendar_id: str) -> None:
    library, library_years = ORACLES[calendar_id]
    ours = load_calendar(calendar_id)
    years = sorted(ours.years & library_years())
    assert years, f"{calendar_id}: no year both the file and the library cover"
    assert _disagreements(ours, library(years), years) == []


def test_the_library_knows_chinas_make_up_working_days() -> None:
    """The oracle is only worth something for 调休 if it has them: every make-up working day
    in our file is a weekend day the library also lists as a working day."""
    ours = load_calendar("cn")
    years = sorted(ours.years & _china_notice_years())
    theirs = _china(years)
    ours_make_up = {d for d in ours.working_days if d.year in years}
    assert ours_make_up, "the shipped cn calendar has no make-up working days"
    assert all(d.weekday() >= 5 for d in ours_make_up)
    assert ours_make_up == {d for d in theirs.weekend_workdays if d.year in years}


def test_the_oracle_catches_a_wrong_day() -> None:
    """A calendar with one make-up day dropped and one holiday moved is reported on both days."""
    ours = load_calendar("cn")
    make_up = min(ours.working_days)
    holiday = min(d for d in ours.holidays if d.weekday() < 5)
    broken = replace(ours,
                     working_days={d: n for d, n in ours.working_days.items() if d != make_up},
                     holidays={d: n for d, n in ours.holidays.items() if d != holiday})
    years = sorted(ours.years & _china_notice_years())
    found = _disagreements(broken, _china(years), years)
    assert [line[:10] for line in found] == sorted([str(make_up), str(holiday)])
