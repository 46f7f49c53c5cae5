"""The admin command line as scripts use it: real processes, real profile folders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).parent / "complaint-desk")


def run(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COMPLAINT_DESK_LANG": lang}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "profile"
    done = run("admin", "seed", "--profile", str(folder), "--complaints", "40")
    assert done.returncode == 0, done.stderr
    assert "40" in done.stdout
    return folder


def test_help_explains_every_verb() -> None:
    out = run("admin", "--help").stdout
    for verb in ("init", "seed", "list", "show"):
        assert verb in out


def test_list_and_show_mask_identity(seeded: Path) -> None:
    listed = run("admin", "list", "--profile", str(seeded), "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 40
    shown = run("admin", "show", rows[0]["reference"], "--profile", str(seeded), "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert "*" in data["customer_id_number"] and "*" in data["customer_phone"]
    assert data["timeline"][0]["kind"] == "received"
    assert data["reference"] == rows[0]["reference"]


def test_list_filters_by_status(seeded: Path) -> None:
    rows = json.loads(run("admin", "list", "--profile", str(seeded), "--status", "closed",
                          "--json").stdout)
    assert all(r["status"] == "closed" for r in rows)


def test_unknown_reference_is_one_clear_line_in_the_users_language(seeded: Path) -> None:
    en = run("admin", "show", "XX-NOPE", "--profile", str(seeded))
    zh = run("admin", "show", "XX-NOPE", "--profile", str(seeded), lang="zh_CN")
    assert en.returncode != 0 and zh.returncode != 0
    assert en.stderr.strip() == "No complaint has the reference XX-NOPE."
    assert "找不到" in zh.stderr
    assert "Traceback" not in en.stderr + zh.stderr


def test_profile_never_set_up_gets_a_clear_message(tmp_path: Path) -> None:
    done = run("admin", "list", "--profile", str(tmp_path / "new"))
    assert done.returncode == 1
    assert "admin init" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_negative_seed_count_is_refused(tmp_path: Path) -> None:
    done = run("admin", "seed", "--profile", str(tmp_path), "--complaints", "-3")
    assert done.returncode == 1
    assert "negative" in done.stderr


def test_init_shows_the_recovery_key_once(tmp_path: Path) -> None:
    folder = str(tmp_path / "pc")
    first = run("admin", "init", "--branch", "bj002", "--branch-name", "测试支行", "--profile", folder)
    assert first.returncode == 0, first.stderr
    assert "RECOVERY KEY" in first.stdout
    assert "device 1 of branch BJ002" in first.stdout
    again = run("admin", "init", "--branch", "bj002", "--branch-name", "测试支行", "--profile", folder)
    assert again.returncode == 0
    assert "RECOVERY KEY" not in again.stdout
