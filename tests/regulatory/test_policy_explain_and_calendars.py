"""Rules 11, 12 and 15: provisional deadlines where the calendar does not cover a year (cleared
once HQ publishes the year), UK payment-services rules, and `admin policy explain`."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.domain.calendar import calendar_from_dict
from desktop.domain.model import Role
from desktop.domain.policy import load_policy
from desktop.resources import load_json

LONDON = ZoneInfo("Europe/London")
CLI = str(Path(sys.executable).parent / "complaint-desk")


def _explain(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, "admin", "policy", "explain", *args], capture_output=True, text=True,
                          timeout=60, env={"COMPLAINT_DESK_LANG": "en", "PATH": "/usr/bin:/bin"})


def _synthetic_next_year(calendar_id: str, year: int) -> dict[str, object]:
    """The shipped calendar plus `year` with no holidays at all: SYNTHETIC, for tests only
    (no official dates are invented; it only declares the year covered)."""
    data = dict(load_json("calendars", f"{calendar_id}.json"))
    data["years"] = [*data["years"], year]  # type: ignore[misc]
    data["source"] = "synthetic test calendar"
    return data


def test_a_working_day_deadline_in_an_uncovered_year_is_provisional_until_hq_publishes_it() -> None:
    uk = load_policy("uk_fca_disp")
    received = datetime(2026, 12, 20, 10, tzinfo=LONDON)
    due = uk.decision_due(received, "B04")
    assert due.year == 2027
    assert uk.is_provisional(received, due, uk.rule_for("B04").decision)
    published = replace(uk, calendar=calendar_from_dict(_synthetic_next_year("uk", 2027)))
    assert not published.is_provisional(received, published.decision_due(received, "B04"),
                                        published.rule_for("B04").decision)


def test_a_calendar_day_deadline_never_depends_on_the_calendar() -> None:
    cn = load_policy("cn_cbirc_2020")
    received = datetime(2026, 12, 20, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
    rule = cn.rule_for("B04")
    assert not cn.is_provisional(received, cn.decision_due(received), rule.decision)


@pytest.mark.parametrize("business_type", ["B04", "B0401", "B0404", "B03", "B0301", "B0302"])
def test_uk_payment_services_cover_every_payment_and_card_category(business_type: str) -> None:
    uk = load_policy("uk_fca_disp")
    rule = uk.rule_for(business_type)
    assert rule.id == "payment_services"
    received = datetime(2026, 3, 2, 10, tzinfo=LONDON)
    due = uk.decision_due(received, business_type)
    assert uk.calendar.working_days_between(date(2026, 3, 2), uk.local_day(due)) == 15
    extended = uk.extended_due(received, due, 1, Role.SUPERVISOR, business_type, now=received)
    assert uk.calendar.working_days_between(date(2026, 3, 2), uk.local_day(extended)) == 35
    assert uk.acknowledgement_due(received, business_type) is not None
    assert uk.summary_resolution_due(received, business_type) is not None
    assert uk.text("payment_services_period", "en") == "15 business days"


def test_uk_due_soon_counts_business_days() -> None:
    uk = load_policy("uk_fca_disp")
    friday = datetime(2026, 3, 6, 9, tzinfo=LONDON)
    # 5 working days after Friday 6 March 2026 is Friday 13 March (not Wednesday 11th).
    assert uk.local_day(uk.due_soon_until(friday)) == date(2026, 3, 13)
    assert uk.local_day(uk.due_soon_until(friday)) != date(2026, 3, 6) + timedelta(days=5)


def test_policy_explain_prints_every_deadline_with_its_rule_and_provisional_flag() -> None:
    done = _explain("--policy", "uk_fca_disp", "--received", "2026-12-20T10:00+00:00",
                    "--business-type", "B0404", "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    kinds = {d["kind"]: d for d in out["deadlines"]}
    assert {"acknowledgement", "summary_resolution", "decision", "extension_1"} <= set(kinds)
    assert kinds["decision"]["provisional"] and kinds["extension_1"]["provisional"]
    assert kinds["decision"]["rule"].startswith("uk_fca_disp:payment_services")
    assert "15 working days" in kinds["decision"]["period"]
    cn = _explain("--policy", "cn_cbirc_2020", "--received", "2026-03-02T10:00",
                  "--business-type", "B01")
    assert cn.returncode == 0, cn.stderr
    assert "extension_2" in cn.stdout and "hq:hq_officer" in cn.stdout
    assert "2026-03-17T23:59:59+08:00" in cn.stdout
    us = _explain("--policy", "us_cfpb", "--received", "2026-03-02T10:00", "--business-type", "B01")
    assert us.returncode == 0 and "2026-05-01" in us.stdout


@pytest.mark.parametrize("args", [
    ["--policy", "nope", "--received", "2026-03-02T10:00", "--business-type", "B01"],
    ["--policy", "us_cfpb", "--received", "yesterday", "--business-type", "B01"],
    ["--policy", "us_cfpb", "--received", "2026-03-02T10:00", "--business-type", "Z99"],
])
def test_policy_explain_errors_are_one_line(args: list[str]) -> None:
    done = _explain(*args)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "unexpected" not in done.stderr.lower()
