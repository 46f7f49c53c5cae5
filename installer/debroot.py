"""A clean Debian root made with debootstrap, for installing the .deb as a user's PC would.

The base root (debootstrap minbase plus the packages the .deb depends on, so that installing
it needs no network) is made once and kept in the build cache, keyed by the Debian release,
the dependency list and this file; each test works in a copy of it. Commands run chrooted
inside a private mount namespace (unshare), so /proc and /dev mounted for them vanish with
the command and never stay behind on the host."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from installer.common import INSTALLER, cache_dir, content_hash, need_tools, run

DEPENDS = INSTALLER / "linux/debian/depends.txt"
# Beyond the .deb's Depends: adduser for complaint-desk-hq; binutils for the ldd check.
EXTRA = ("adduser", "ca-certificates", "binutils", "procps")
# Bump to make every cached root anew (a change of how roots are made, not of what is in them).
ROOT_FORMAT = "1"


def host_release() -> tuple[str, str]:
    """(codename, mirror) of the machine's own Debian."""
    codename = "bookworm"
    for line in Path("/etc/os-release").read_text().splitlines():
        if line.startswith("VERSION_CODENAME="):
            codename = line.split("=", 1)[1].strip('"') or codename
    mirror = "http://deb.debian.org/debian"
    sources = Path("/etc/apt/sources.list.d/debian.sources")
    if sources.exists():
        for line in sources.read_text().splitlines():
            if line.startswith("URIs:") and "security" not in line:
                mirror = line.split(":", 1)[1].strip()
                break
    return codename, mirror


def packages() -> list[str]:
    """The .deb's Depends (installer/linux/debian/depends.txt)."""
    return sorted({line.strip() for line in DEPENDS.read_text().splitlines()
                   if line.strip() and not line.startswith("#")})


def why_not() -> str | None:
    """Why a Debian root cannot be made here (None when it can)."""
    if os.geteuid() != 0:
        return "making a Debian root needs root (debootstrap, chroot, mount namespaces)"
    if shutil.which("apt-get") is None and shutil.which("debootstrap") is None:
        return "neither debootstrap nor apt-get (to install it) is on this machine"
    done = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                          capture_output=True)
    if done.returncode != 0:
        return "this machine refuses private mount namespaces (unshare -m)"
    return None


def debootstrapped() -> Path:
    """debootstrap minbase plus EXTRA (made once per Debian release and mirror)."""
    codename, mirror = host_release()
    final = cache_dir() / f"debroot-{codename}-{content_hash([], ROOT_FORMAT, mirror, *EXTRA)}"
    if (final / ".complete").exists():
        return final
    need_tools({"debootstrap": "debootstrap"})
    work = Path(tempfile.mkdtemp(prefix="debroot-", dir=cache_dir()))
    try:
        try:
            run(["debootstrap", "--variant=minbase", f"--include={','.join(EXTRA)}",
                 codename, work, mirror], stdout=subprocess.DEVNULL)
        finally:
            unmount_under(work)  # debootstrap may leave the root's /proc mounted
        return _finish(work, final)
    finally:
        _discard(work)


def base_root() -> Path:
    """debootstrapped() with the .deb's Depends installed (apt-get, once per list), so that
    installing the .deb needs no network."""
    below = debootstrapped()
    final = below.with_name(f"{below.name}-deps-{content_hash([DEPENDS], *packages())}")
    if (final / ".complete").exists():
        return final
    work = Path(tempfile.mkdtemp(prefix="debroot-", dir=cache_dir()))
    try:
        subprocess.run(["cp", "-a", "--reflink=auto", f"{below}/.", str(work)], check=True)
        (work / ".complete").unlink()
        for step in (["apt-get", "update", "-qq"],
                     ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages()]):
            done = chroot(work, step, timeout=1800)
            if done.returncode != 0:
                raise RuntimeError(f"{' '.join(step[:2])} in the Debian root failed:\n"
                                   + done.stdout[-2000:] + done.stderr[-2000:])
        return _finish(work, final)
    finally:
        _discard(work)


def _finish(work: Path, final: Path) -> Path:
    work.chmod(0o755)  # mkdtemp's 0700 would be the root's "/": no user could run anything
    chroot(work, ["apt-get", "clean"])
    (work / ".complete").touch()
    if final.exists():
        remove_root(final)
    work.rename(final)
    return final


def _discard(work: Path) -> None:
    if work.exists():
        remove_root(work)


def unmount_under(folder: Path) -> None:
    """Unmount whatever is mounted inside `folder` (deepest first)."""
    inside = [line.split()[1] for line in Path("/proc/mounts").read_text().splitlines()
              if line.split()[1].startswith(f"{folder.resolve()}/")]
    for mount in sorted(inside, key=len, reverse=True):
        subprocess.run(["umount", "-l", mount], check=False)


def chroot(root: Path, cmd: Sequence[str], env: dict[str, str] | None = None,
           timeout: float = 600, user: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cmd` in `root` with /proc, /dev and /dev/shm mounted for it alone."""
    environment = {"PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                   "HOME": "/root", "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive",
                   **(env or {})}
    inner = " ".join(_quote(c) for c in cmd)
    if user:
        inner = f"setpriv --reuid={user} --regid={user} --init-groups {inner}"
    script = (f"mount -t proc proc {root}/proc && mount --rbind /dev {root}/dev && "
              f"mount -t tmpfs -o mode=1777 shm {root}/dev/shm && "
              f"exec chroot {root} /usr/bin/env -i "
              + " ".join(_quote(f"{k}={v}") for k, v in environment.items()) + f" {inner}")
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script],
                          capture_output=True, text=True, timeout=timeout)


def _quote(word: str) -> str:
    import shlex

    return shlex.quote(word)


def fresh_root(into: Path) -> Path:
    """A private copy of the base root (the cached one is never changed)."""
    root = into / "root"
    subprocess.run(["cp", "-a", "--reflink=auto", base_root(), root], check=True)
    root.chmod(0o755)
    return root


def remove_root(root: Path) -> None:
    unmount_under(root)
    subprocess.run(["rm", "-rf", "--one-file-system", str(root)], check=False)
