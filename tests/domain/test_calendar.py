"""Working-day calendars: holidays, make-up working days (调休) and day arithmetic."""

from __future__ import annotations

import copy
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.calendar import (
    add_months,
    add_years_at_least,
    calendar_from_dict,
    load_calendar,
)
from desktop.domain.errors import PolicyError
from desktop.resources import load_json

CN = load_calendar("cn")


def _cn_data() -> dict[str, Any]:
    return copy.deepcopy(load_json("calendars", "cn.json"))


def test_spring_festival_2025_is_eight_days_off() -> None:
    days_off = [date(2025, 1, 28) + timedelta(days=i) for i in range(8)]
    assert all(not CN.is_working_day(d) for d in days_off)
    assert CN.is_working_day(date(2025, 2, 5))


def test_make_up_saturday_and_sunday_are_working_days() -> None:
    assert date(2025, 2, 8).weekday() == 5 and CN.is_working_day(date(2025, 2, 8))
    assert date(2025, 1, 26).weekday() == 6 and CN.is_working_day(date(2025, 1, 26))
    assert CN.is_make_up_working_day(date(2026, 2, 28))


def test_an_ordinary_weekend_is_not_a_working_day() -> None:
    assert not CN.is_working_day(date(2025, 3, 8))
    assert CN.is_working_day(date(2025, 3, 7))


def test_national_day_2026_and_its_make_up_days() -> None:
    assert not any(CN.is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert CN.is_working_day(date(2026, 9, 20)) and CN.is_working_day(date(2026, 10, 10))
    assert CN.holiday_name(date(2026, 10, 3), "zh_CN") == "国庆节"
    assert CN.holiday_name(date(2026, 10, 3), "en") == "National Day"


def test_working_day_count_skips_the_holiday_and_counts_the_make_up_days() -> None:
    # Friday 24 Jan 2025: Sun 26 Jan works, 28 Jan-4 Feb rest, Sat 8 Feb works.
    start = date(2025, 1, 24)
    assert CN.add_working_days(start, 1) == date(2025, 1, 26)
    assert CN.add_working_days(start, 3) == date(2025, 2, 5)
    assert CN.add_working_days(start, 6) == date(2025, 2, 8)
    assert CN.add_working_days(start, 7) == date(2025, 2, 10)


def test_a_weekend_only_calendar_would_have_counted_differently() -> None:
    data = _cn_data()
    data["holidays"], data["working_days"] = [], []
    plain = calendar_from_dict(data)
    assert plain.add_working_days(date(2025, 1, 24), 7) == date(2025, 2, 4)


def test_counting_from_a_saturday_starts_on_monday() -> None:
    assert CN.add_working_days(date(2025, 3, 8), 1) == date(2025, 3, 10)


def test_counting_backwards_skips_days_off() -> None:
    assert CN.add_working_days(date(2025, 2, 5), -1) == date(2025, 1, 27)


def test_uk_boxing_day_2026_moves_to_monday() -> None:
    uk = load_calendar("uk")
    assert not uk.is_working_day(date(2026, 12, 28))
    assert uk.is_working_day(date(2026, 12, 29))


def test_us_independence_day_on_a_saturday_leaves_friday_a_bank_day() -> None:
    us = load_calendar("us")
    assert us.is_working_day(date(2026, 7, 3))
    assert not us.is_working_day(date(2025, 7, 4))


def test_calendar_says_which_years_it_covers() -> None:
    assert CN.covers(date(2026, 12, 31))
    assert not CN.covers(date(2027, 1, 1))
    # Past its years the calendar still counts, on weekends alone.
    assert CN.add_working_days(date(2027, 1, 1), 1) == date(2027, 1, 4)


@given(st.dates(date(2025, 1, 1), date(2026, 10, 31)), st.integers(0, 40))
def test_working_days_between_undoes_add_working_days(start: date, n: int) -> None:
    end = CN.add_working_days(start, n)
    assert CN.working_days_between(start, end) == n
    assert CN.working_days_between(end, start) == -n
    assert n == 0 or CN.is_working_day(end)


def test_a_day_both_holiday_and_working_day_is_refused() -> None:
    data = _cn_data()
    data["working_days"].append({"date": "2025-01-01", "name": {"zh_CN": "x", "en": "x"}})
    with pytest.raises(PolicyError) as caught:
        calendar_from_dict(data)
    assert caught.value.code == "calendar.invalid"


def test_a_date_outside_the_declared_years_is_refused() -> None:
    data = _cn_data()
    data["years"] = [2025]
    with pytest.raises(PolicyError):
        calendar_from_dict(data)


def test_a_holiday_without_an_english_name_is_refused() -> None:
    data = _cn_data()
    data["holidays"][0]["name"] = {"zh_CN": "元旦"}
    with pytest.raises(PolicyError):
        calendar_from_dict(data)


def test_a_calendar_without_any_working_day_stops_with_an_error() -> None:
    data = _cn_data()
    data["weekend"] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    data["working_days"] = []
    with pytest.raises(PolicyError) as caught:
        calendar_from_dict(data).add_working_days(date(2025, 1, 1), 1)
    assert caught.value.code == "calendar.no_working_days"


@pytest.mark.parametrize("name", ["../policies/cn_cbirc_2020", "nope", "CN"])
def test_unknown_or_unsafe_calendar_names_are_refused(name: str) -> None:
    with pytest.raises(PolicyError):
        load_calendar(name)


def test_months_are_added_with_the_end_of_short_months() -> None:
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 8, 31), 6) == date(2024, 2, 29)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_a_leap_day_plus_years_never_shortens_the_period() -> None:
    assert add_years_at_least(date(2024, 2, 29), 3) == date(2027, 3, 1)
    assert add_years_at_least(date(2025, 6, 30), 3) == date(2028, 6, 30)
