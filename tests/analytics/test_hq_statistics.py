"""The same statistics at HQ, after the branch synced: the one query over HQ's complaint rows
on SQLite and on PostgreSQL gives the branch's hand-counted figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from desktop.analytics.statistics import Figures
from desktop.domain.model import Actor, Role
from desktop.services.performance import branch_performance
from desktop.services.statistics import branch_statistics
from desktop.sync.engine import sync_now
from hq.cli import main as hq_main
from hq.statistics import hq_performance, hq_statistics
from tests.analytics.profile import APRIL_20, build_profile
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.sync.conftest import Branch, client_for

FIRST, LAST = date(2026, 3, 1), date(2026, 3, 15)
BEIJING = ZoneInfo("Asia/Shanghai")
TELLER, SUPERVISOR = Actor("T001", Role.TELLER), Actor("S001", Role.SUPERVISOR)
MANAGER = Actor("M001", Role.MANAGER)
HAND_COUNTED = Figures(received=5, concluded=3, upheld=1, partly_upheld=1, not_upheld=1,
                       withdrawn=1, open=1, overdue=2)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def hq(request: pytest.FixtureRequest) -> LiveHq:
    live: LiveHq = request.getfixturevalue(f"{request.param}_hq")
    return live


@pytest.fixture
def synced(hq: LiveHq, make_branch: Callable[[LiveHq], Branch]) -> tuple[LiveHq, Branch]:
    branch = make_branch(hq)
    clock = SettableClock()
    ctx = branch.device("counter1", clock)
    build_profile(ctx, clock, TELLER, SUPERVISOR)
    with client_for(ctx) as client:
        sync_now(ctx, client)
    return hq, branch


def test_hq_counts_what_the_branch_counts(synced: tuple[LiveHq, Branch]) -> None:
    hq, branch = synced
    ctx = branch.devices[0]
    for by in ((), ("business_type",), ("channel", "cause")):
        at_branch = branch_statistics(ctx, MANAGER, FIRST, LAST, by)
        with hq.engine.connect() as conn:
            at_hq = hq_statistics(conn, FIRST, LAST, BEIJING, APRIL_20, by=by,
                                  branches=[branch.code])
        assert at_hq.total == at_branch.total == HAND_COUNTED
        assert [(r.key, r.figures) for r in at_hq.rows] == [
            (r.key, r.figures) for r in at_branch.rows]
    at_branch_staff = branch_performance(ctx, MANAGER, FIRST, LAST)
    with hq.engine.connect() as conn:
        at_hq_staff = hq_performance(conn, FIRST, LAST, BEIJING, branches=[branch.code])
    assert at_hq_staff == at_branch_staff
    assert at_hq_staff[0].median_days == pytest.approx(2.0, abs=0.01)


def test_hq_by_branch_and_the_command_line(synced: tuple[LiveHq, Branch], tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    hq, branch = synced
    with hq.engine.connect() as conn:
        table = hq_statistics(conn, FIRST, LAST, BEIJING, APRIL_20, by=["branch"])
    assert dict((r.key[0], r.figures.received) for r in table.rows)[branch.code] == 5
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")
    out = tmp_path / "national.xlsx"
    args = ["statistics", "--database", hq.database_url, "--from", "2026-03-01",
            "--to", "2026-03-15", "--branch", branch.code]
    assert hq_main([*args, "--by", "business_type", "--format", "xlsx", "--out", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    assert rows[-1][0] == "Total" and rows[-1][2] == 5
    assert hq_main([*args, "--format", "pdf", "--out", str(tmp_path / "n.pdf")]) == 0
    assert (tmp_path / "n.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert hq_main([*args, "--from", "2026-13-01"]) == 1
    assert "A date is written YYYY-MM-DD: 2026-13-01" in capsys.readouterr().err
