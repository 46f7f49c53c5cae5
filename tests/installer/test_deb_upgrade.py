"""An upgrade keeps every profile, and the first start of the new version migrates it;
removal and purge leave profiles in place. Slow: two releases built with `make deb`'s
command (cached by content) and installed one over the other in a clean Debian root.

The older release is a real one from this repository's history: the commit before the
worklist-index migration (0004), so its databases are at schema 0003. The newer one is
the tree with a bumped version."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.migrate import HEAD
from installer.common import ROOT, cache_dir, version
from installer.debroot import chroot, fresh_root
from tests.installer.debs import (
    PROFILE,
    add_clerk,
    as_clerk,
    build_debs,
    install,
    recovery_key,
    skip_unless_debroot,
    snapshot,
    stored_revision,
    work_dir,
)

pytestmark = pytest.mark.slow
OLD_COMMIT = "2060520c7ad78144a4801331249df72e80912968"  # "Record a complaint faster ...": migrations 0001-0003
OLD_VERSION = "0.0.9"
OLD_REVISION = "0003"


def bumped(ver: str) -> str:
    parts = ver.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def old_source() -> Path:
    """The older release's tree, exported once from git into the build cache."""
    folder = cache_dir() / f"source-{OLD_COMMIT[:12]}"
    if (folder / "pyproject.toml").exists():
        return folder
    found = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{OLD_COMMIT}^{{commit}}"],
                           capture_output=True)
    if found.returncode != 0:
        pytest.skip(f"commit {OLD_COMMIT} (the older release) is not in this clone's history")
    folder.mkdir(parents=True)
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", OLD_COMMIT],
                               stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", str(folder)], stdin=archive.stdout, check=True)
    assert archive.wait() == 0
    return folder


@pytest.fixture(scope="module")
def releases() -> tuple[Path, Path]:
    skip_unless_debroot()
    old, _ = build_debs(old_source(), OLD_VERSION)
    new, _ = build_debs(ROOT, bumped(version()))
    return old, new


@pytest.fixture
def pc() -> Iterator[Path]:
    with work_dir("upgrade") as folder:
        root = fresh_root(folder)
        add_clerk(root)
        yield root


def installed_version(root: Path) -> str:
    return chroot(root, ["dpkg-query", "-W", "-f=${Version}", "complaint-desk"]).stdout


def listed(root: Path) -> list[dict[str, object]]:
    done = as_clerk(root, ["complaint-desk", "admin", "list", "--json", "--profile", PROFILE])
    assert done.returncode == 0, done.stdout + done.stderr
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows


def test_upgrade_keeps_profiles_and_migrates_on_first_start(pc: Path,
                                                            releases: tuple[Path, Path]) -> None:
    old, new = releases
    install(pc, old)
    assert installed_version(pc) == OLD_VERSION
    init = as_clerk(pc, ["complaint-desk", "admin", "init", "--branch", "bj009", "--branch-name",
                         "安装测试支行", "--profile", PROFILE])
    assert init.returncode == 0, init.stdout + init.stderr
    key = recovery_key(init.stdout)
    seed = as_clerk(pc, ["complaint-desk", "admin", "seed", "--complaints", "20", "--profile",
                         PROFILE])
    assert seed.returncode == 0, seed.stdout + seed.stderr
    before_rows = listed(pc)
    assert len(before_rows) == 20
    profile = pc / PROFILE.lstrip("/")
    assert stored_revision(profile, key) == OLD_REVISION
    home = snapshot(pc / "home/clerk")

    install(pc, new)  # dpkg -i over the older release, as `apt upgrade` would
    assert installed_version(pc) == bumped(version())
    assert snapshot(pc / "home/clerk") == home, "the upgrade touched a home folder"

    assert listed(pc) == before_rows  # the first start of the new version
    assert stored_revision(profile, key) == HEAD

    after_start = snapshot(pc / "home/clerk")
    for verb in (["dpkg", "--remove", "complaint-desk"], ["dpkg", "--purge", "complaint-desk"]):
        done = chroot(pc, verb)
        assert done.returncode == 0, done.stdout + done.stderr
        assert not (pc / "opt/complaint-desk").exists()
        assert not (pc / "usr/bin/complaint-desk").exists()
        assert snapshot(pc / "home/clerk") == after_start, f"{verb[1]} changed a profile"
