"""Building and installing the .deb for the install tests (tests/installer/test_deb*.py).

The packages are built by the project's own command (`python -m installer deb`, what
`make deb` runs) into the build cache, where an unchanged tree reuses them; the clean
Debian root comes from installer.debroot. Without root (or debootstrap, or mount
namespaces) these tests are skipped with the reason printed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from installer.common import ROOT, cache_dir, version
from installer.debroot import chroot, unmount_under, why_not
from tests.installer.smoke import Run

CLERK = "clerk"
PROFILE = f"/home/{CLERK}/.local/share/ComplaintDesk"  # the default profile folder on Linux
# No D-Bus session (so no Secret Service) in a chroot: the key goes to keyrings.alt's file
# keyring, bundled with the program and chosen the way an administrator would.
CLERK_ENV = {"HOME": f"/home/{CLERK}", "USER": CLERK,
             "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
             "COMPLAINT_DESK_LANG": "en"}


INSTALL_TESTS = "INSTALL_TESTS"


def skip_unless_asked() -> None:
    """The install tests build both installers (the first build of a tree takes tens of
    minutes here): they run when INSTALL_TESTS=1, as .ci/run sets, and are skipped otherwise."""
    if not env_flag(INSTALL_TESTS):
        reason = f"install tests not asked for (set {INSTALL_TESTS}=1, as .ci/run does)"
        print(f"skipping: {reason}", file=sys.stderr)
        pytest.skip(reason)


def skip_unless_debroot() -> None:
    skip_unless_asked()
    reason = why_not()
    if reason:
        print(f"skipping the .deb install tests: {reason}", file=sys.stderr)
        pytest.skip(reason)


@contextmanager
def work_dir(name: str) -> Iterator[Path]:
    """A private folder in the build cache for a long install test, removed afterwards.
    Not pytest's tmp_path: other pytest sessions of the same user on this shared machine
    prune old numbered temporary folders, and an install test lives long enough to lose it."""
    folder = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=cache_dir()))
    try:
        yield folder
    finally:
        unmount_under(folder)
        subprocess.run(["rm", "-rf", "--one-file-system", str(folder)], check=False)


def build_debs(source: Path = ROOT, ver: str | None = None) -> tuple[Path, Path]:
    """(program .deb, HQ .deb) for `source`, built into the build cache."""
    ver = ver or version(source)
    out = cache_dir() / "test-dist"
    done = subprocess.run([sys.executable, "-m", "installer", "deb", "--source", str(source),
                           "--version", ver, "--out", str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=5400)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / f"complaint-desk_{ver}_amd64.deb", out / f"complaint-desk-hq_{ver}_all.deb"


def install(root: Path, *debs: Path) -> None:
    names = []
    for deb in debs:
        (root / "tmp" / deb.name).write_bytes(deb.read_bytes())
        names.append(f"/tmp/{deb.name}")
    done = chroot(root, ["dpkg", "-i", *names])
    assert done.returncode == 0, done.stdout + done.stderr
    for name in names:
        (root / name.lstrip("/")).unlink()


def add_clerk(root: Path) -> None:
    done = chroot(root, ["useradd", "--create-home", "--shell", "/bin/sh", CLERK])
    assert done.returncode == 0, done.stderr


def as_clerk(root: Path, cmd: Sequence[str], **env: str) -> subprocess.CompletedProcess[str]:
    return chroot(root, list(cmd), env={**CLERK_ENV, **env}, user=CLERK)


def clerk_runner(root: Path, program: str = "complaint-desk") -> Run:
    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return as_clerk(root, [program, *args])
    return run


def recovery_key(init_output: str) -> str:
    match = re.search(r"^\s+([A-Z0-9]{4}(?:-[A-Z0-9]{1,4}){9,})\s*$", init_output, re.M)
    assert match, "admin init printed no recovery key"
    return match.group(1)


def stored_revision(profile: Path, key_text: str) -> str:
    """The schema revision recorded in an encrypted profile database, read here on the host
    with SQLCipher and the profile's recovery key (the installed program is not asked)."""
    from desktop.security.encryption import _keyed
    from desktop.security.profile_keys import parse_recovery_key

    conn = _keyed(str(profile / "complaints.sqlite3"), parse_recovery_key(key_text))
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def env_flag(name: str) -> bool:
    return os.environ.get(name, "") not in ("", "0")
