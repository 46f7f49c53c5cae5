"""In Debian's Chromium: an officer finds a branch's complaints by the customer's phone
number (through its keyed hash, however it is written); the console shows times in the
bank's time zone, not UTC; the dashboard's "due soon" follows the published deadline
policy, counted in working days where the policy says so. Also: `rebuild` gives rows
from before phone lookups their phone hash (SQLite and PostgreSQL)."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from desktop.domain.calendar import calendar_from_dict
from desktop.domain.model import EventKind
from desktop.domain.policy import policy_from_dict
from desktop.resources import load_json
from hq import casework, complaints, reference_data, tables
from tests.console.conftest import ConsoleHq, browser_login
from tests.hq.conftest import CUSTOMER_ID_NUMBER, CUSTOMER_PHONE

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _pushed(hq: ConsoleHq, count: int = 2) -> tuple[str, list[str]]:
    device = hq.live.enroll()
    received = [device.chain.event(EventKind.RECEIVED) for _ in range(count)]
    assert device.push(received).status_code == 200
    return device.info.branch_code, [str(r.payload["reference"]) for r in received]


def _search(page: Any, hq: ConsoleHq, branch: str, customer: str) -> str:
    page.goto(f"{hq.console}/complaints?branch={branch}")
    page.fill("input[name=customer]", customer)
    page.click("form.search button[type=submit]")
    page.wait_for_load_state()
    text: str = page.locator("main").inner_text()
    return text


def test_an_officer_finds_complaints_by_phone_however_it_is_written(
        page: Any, console_hq: ConsoleHq) -> None:
    branch, refs = _pushed(console_hq)
    browser_login(page, console_hq, console_hq.add_staff())
    assert CUSTOMER_PHONE == "+8613912345678"
    for written in ("13912345678", "+86 139-1234-5678", "0086 139 1234 5678"):
        found = _search(page, console_hq, branch, written)
        assert all(ref in found for ref in refs), written
        assert "13912345678" not in page.content()  # never echoed back
    assert refs[0] not in _search(page, console_hq, branch, "13912345679")
    assert all(ref in _search(page, console_hq, branch, CUSTOMER_ID_NUMBER) for ref in refs)
    assert not page.console_errors


def test_the_console_shows_times_in_the_banks_time_zone(page: Any,
                                                        console_hq: ConsoleHq) -> None:
    _branch, refs = _pushed(console_hq, 1)
    with console_hq.engine.begin() as conn:
        received_at = conn.execute(select(tables.complaints.c.received_at).where(
            tables.complaints.c.reference == refs[0])).scalar_one()
    local, utc = received_at.astimezone(SHANGHAI), received_at.astimezone(UTC)
    assert local.strftime("%H:%M") != utc.strftime("%H:%M")
    browser_login(page, console_hq, console_hq.add_staff(), f"/console/complaints/{refs[0]}")
    shown = page.locator("main").inner_text()
    assert local.strftime("%Y-%m-%d %H:%M") in shown
    assert utc.strftime("%Y-%m-%d %H:%M") not in shown and "UTC" not in shown
    assert "Asia/Shanghai" in page.locator("footer.zone").inner_text()


def _published_policy(hq: ConsoleHq, count: str) -> dict[str, Any]:
    policy = copy.deepcopy(load_json("policies", "cn_cbirc_2020.json"))
    policy["due_soon"] = {"days": 3, "count": count}
    with hq.engine.begin() as conn:
        reference_data.publish(conn, "policy", policy, hq.clock())
    return policy


def _day_where_only_working_days_make_it_due_soon(hq: ConsoleHq, due: datetime) -> datetime:
    """A moment before `due` at which three working days reach it but three calendar days
    do not (a Friday before a Tuesday or Wednesday deadline, say)."""
    with hq.engine.begin() as conn:
        calendar = reference_data.content_of(conn, "calendar")
    base = load_json("policies", "cn_cbirc_2020.json")
    cal = calendar_from_dict(calendar) if isinstance(calendar, dict) else None
    working = policy_from_dict({**base, "due_soon": {"days": 3, "count": "working"}}, cal)
    calendar_days = policy_from_dict({**base, "due_soon": {"days": 3, "count": "calendar"}}, cal)
    day: date = working.local_day(due)
    for back in range(1, 12):
        moment = datetime.combine(day - timedelta(days=back), time(10), tzinfo=SHANGHAI)
        if working.due_soon_until(moment) > due >= calendar_days.due_soon_until(moment) \
                and moment < due:
            return moment
    raise AssertionError(f"no such day before {due}")


def test_due_soon_on_the_dashboard_follows_the_policys_working_days(
        page: Any, console_hq: ConsoleHq) -> None:
    branch, refs = _pushed(console_hq, 1)
    with console_hq.engine.begin() as conn:
        due = conn.execute(select(tables.complaints.c.decision_due).where(
            tables.complaints.c.reference == refs[0])).scalar_one()
    moment = _day_where_only_working_days_make_it_due_soon(console_hq, due)
    console_hq.clock.offset = moment - datetime.now(UTC)
    browser_login(page, console_hq, console_hq.add_staff())

    def due_soon_shown() -> str:
        page.goto(f"{console_hq.console}/")
        text: str = page.locator("tr", has_text=branch).locator("td").nth(2).inner_text()
        return text

    _published_policy(console_hq, "working")
    assert due_soon_shown() == "1"
    page.click(f"tr:has-text('{branch}') >> td:nth-child(3) >> a")
    assert refs[0] in page.locator("main").inner_text()
    _published_policy(console_hq, "calendar")
    assert due_soon_shown() == "0"
    assert not page.console_errors


def test_rebuild_gives_older_rows_their_phone_hash(backend_hq: ConsoleHq) -> None:
    branch, refs = _pushed(backend_hq)
    query = casework.Search(customer="139 1234 5678", branch=branch)
    with backend_hq.engine.begin() as conn:  # as rows stored before schema 0007 were
        conn.execute(update(tables.complaints).where(tables.complaints.c.branch_code == branch)
                     .values(phone_key=None))
        assert casework.search(conn, backend_hq.vault, query, backend_hq.clock()) == []
        complaints.rebuild(conn, backend_hq.vault, backend_hq.clock())
        found = casework.search(conn, backend_hq.vault, query, backend_hq.clock())
    assert sorted(r.reference for r in found) == sorted(refs)
