"""The sync admin verbs as an administrator runs them: enroll, sync, day-end."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from desktop.profile import open_profile
from desktop.store.models import EventRow
from tests.hq.conftest import LiveHq
from tests.sync.conftest import HqProcess

CLI = str(Path(sys.executable).parent / "complaint-desk")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPLAINT_DESK_LANG": "en"}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


def test_enroll_sync_and_day_end_from_the_command_line(hq_process: tuple[HqProcess, LiveHq],
                                                       tmp_path: Path) -> None:
    _, live = hq_process
    branch = live.new_branch("示范支行")
    profile = str(tmp_path / "pc1")
    code = live.enrollment_code(branch)
    done = run("admin", "enroll", "--hq", live.base_url, "--code", code, "--profile", profile)
    assert done.returncode == 0, done.stderr
    assert branch in done.stdout
    # The answer "lost": the same call again gets the same device back.
    again = run("admin", "enroll", "--hq", live.base_url, "--code", code, "--profile", profile)
    assert again.returncode == 0, again.stderr
    assert run("admin", "seed", "--complaints", "15", "--profile", profile).returncode == 0
    synced = run("admin", "sync", "--profile", profile)
    assert synced.returncode == 0, synced.stderr
    assert "Sync done" in synced.stdout
    listed = run("admin", "list", "--profile", profile, "--json", "--limit", "1")
    day = listed.stdout.split('"received_at": "')[1][:10]
    closed = run("admin", "day-end", "--date", day, "--profile", profile)
    assert closed.returncode == 0, closed.stderr
    assert "agree" in closed.stdout
    assert "Before the close: overdue cases: " in closed.stdout and "re-run" not in closed.stdout
    again = run("admin", "day-end", "--date", day, "--profile", profile)
    assert again.returncode == 0, again.stderr
    assert f"This was close no. 2 of {day} (a re-run)" in again.stdout


def test_day_end_fails_clearly_when_hq_and_branch_disagree(hq_process: tuple[HqProcess, LiveHq],
                                                           tmp_path: Path) -> None:
    _, live = hq_process
    profile = tmp_path / "pc1"
    code = live.enrollment_code(live.new_branch())
    assert run("admin", "enroll", "--hq", live.base_url, "--code", code,
               "--profile", str(profile)).returncode == 0
    assert run("admin", "seed", "--complaints", "5", "--profile", str(profile)).returncode == 0
    assert run("admin", "sync", "--profile", str(profile)).returncode == 0
    store = open_profile(profile)
    with store.write() as s:  # an event lost locally after HQ had it: re-sending cannot help
        row = s.scalars(select(EventRow).order_by(EventRow.seq.desc()).limit(1)).one()
        day = row.business_date
        s.delete(row)
    store.close()
    closed = run("admin", "day-end", "--date", day.isoformat(), "--profile", str(profile))
    assert closed.returncode == 1
    assert "HQ holds" in closed.stderr and "Traceback" not in closed.stderr


def test_sync_when_hq_is_down_says_so_and_keeps_the_work(hq_process: tuple[HqProcess, LiveHq],
                                                         tmp_path: Path) -> None:
    proc, live = hq_process
    profile = str(tmp_path / "pc1")
    code = live.enrollment_code(live.new_branch())
    assert run("admin", "enroll", "--hq", live.base_url, "--code", code, "--profile", profile).returncode == 0
    assert run("admin", "seed", "--complaints", "3", "--profile", profile).returncode == 0
    proc.kill()
    down = run("admin", "sync", "--profile", profile)
    assert down.returncode == 1
    assert "could not be reached" in down.stderr
    proc.start()
    assert run("admin", "sync", "--profile", profile).returncode == 0
