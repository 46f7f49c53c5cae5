"""The .deb installed into a clean Debian root, as on a fresh branch PC: files, desktop
entry, every library of the bundle resolved, the admin round, the app on screen (offscreen
and on a real X server), and the HQ service package. Slow: builds with `make deb`'s command
(cached by content) and installs with dpkg."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from installer.debroot import chroot, fresh_root
from tests.installer.debs import (
    PROFILE,
    add_clerk,
    as_clerk,
    build_debs,
    clerk_runner,
    install,
    skip_unless_debroot,
    work_dir,
)
from tests.installer.smoke import admin_round, read_file

pytestmark = pytest.mark.slow
MAX_INSTALLED_MB = 250


@pytest.fixture(scope="module")
def debs() -> tuple[Path, Path]:
    skip_unless_debroot()
    return build_debs()


@pytest.fixture(scope="module")
def pc(debs: tuple[Path, Path]) -> Iterator[Path]:
    with work_dir("pc") as folder:
        root = fresh_root(folder)
        install(root, debs[0])
        add_clerk(root)
        yield root


def test_files_desktop_entry_and_size(pc: Path) -> None:
    for launcher in ("complaint-desk", "complaint-desk-hq"):
        assert (pc / "usr/bin" / launcher).stat().st_mode & 0o111
    assert (pc / "opt/complaint-desk/complaint-desk").exists()
    entry = (pc / "usr/share/applications/complaint-desk.desktop").read_text()
    assert "Name=Complaint Desk" in entry and "Name[zh_CN]=投诉受理台" in entry
    assert "Exec=complaint-desk" in entry and "Icon=complaint-desk" in entry
    assert (pc / "usr/share/icons/hicolor/256x256/apps/complaint-desk.png").exists()
    size = chroot(pc, ["dpkg-query", "-W", "-f=${Installed-Size}", "complaint-desk"]).stdout
    print(f"complaint-desk installed: {int(size) / 1024:.0f} MB")
    assert int(size) <= MAX_INSTALLED_MB * 1024
    done = chroot(pc, ["ls", "/var/lib/dpkg/info/"])
    scripts = [n for n in done.stdout.split() if n.startswith("complaint-desk.")
               and n.rsplit(".", 1)[1] in {"preinst", "postinst", "prerm", "postrm"}]
    assert scripts == [], "the program package has no maintainer scripts (profiles untouched)"


def test_every_library_of_the_bundle_resolves(pc: Path) -> None:
    """The Depends are complete: on a clean root, ldd finds every library of every ELF file
    (the xcb platform plugin's libxcb-icccm4, libxcb-keysyms1, ... included)."""
    script = ("find /opt/complaint-desk -type f \\( -name '*.so*' -o -perm -u+x \\) | "
              "while read f; do head -c4 \"$f\" | grep -q ELF && ldd \"$f\" 2>/dev/null | "
              "grep 'not found' | sed \"s|^|$f: |\"; done; true")
    done = chroot(pc, ["sh", "-c", script], timeout=900)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", done.stdout
    xcb = chroot(pc, ["sh", "-c", "ldd $(find /opt/complaint-desk -name libqxcb.so)"]).stdout
    assert "libxcb-icccm.so.4" in xcb and "libxcb-keysyms.so.1" in xcb


def test_admin_round_as_a_clerk(pc: Path) -> None:
    pdf = "/home/clerk/receipt.pdf"
    admin_round(clerk_runner(pc), PROFILE, pdf, read_file(pc / pdf.lstrip("/")))
    assert (pc / PROFILE.lstrip("/") / "complaints.sqlite3").exists()


def test_app_window_opens_offscreen(pc: Path) -> None:
    done = as_clerk(pc, ["timeout", "120", "complaint-desk", "--profile", "/home/clerk/app"],
                    QT_QPA_PLATFORM="offscreen", COMPLAINT_DESK_STARTUP_PROBE="1")
    assert "login-painted" in done.stdout, done.stdout + done.stderr


def test_app_window_opens_on_an_x_server(pc: Path) -> None:
    """On Xvfb through Qt's xcb platform: the libraries a fresh machine lacked are there."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    display = 91
    socket_dir = pc / "tmp/.X11-unix"
    socket_dir.mkdir(mode=0o1777, exist_ok=True)
    server = subprocess.Popen(["Xvfb", f":{display}", "-nolisten", "tcp", "-screen", "0",
                               "1280x800x24"], stderr=subprocess.DEVNULL)
    try:
        host_socket = Path(f"/tmp/.X11-unix/X{display}")
        for _ in range(100):
            if host_socket.exists():
                break
            subprocess.run(["sleep", "0.1"])
        subprocess.run(["mount", "--bind", "/tmp/.X11-unix", str(socket_dir)], check=True)
        try:
            done = as_clerk(pc, ["timeout", "120", "complaint-desk", "--profile",
                                 "/home/clerk/x11"], QT_QPA_PLATFORM="xcb",
                            DISPLAY=f":{display}", COMPLAINT_DESK_STARTUP_PROBE="1")
        finally:
            subprocess.run(["umount", "-l", str(socket_dir)], check=False)
    finally:
        server.terminate()
        server.wait(10)
    assert "login-painted" in done.stdout, done.stdout + done.stderr


def test_hq_service_package(pc: Path, debs: tuple[Path, Path]) -> None:
    install(pc, debs[1])
    user = chroot(pc, ["getent", "passwd", "complaint-desk-hq"]).stdout
    assert user and "/usr/sbin/nologin" in user
    unit = (pc / "lib/systemd/system/complaint-desk-hq.service").read_text()
    assert "User=complaint-desk-hq" in unit
    assert "EnvironmentFile=/etc/complaint-desk-hq/hq.env" in unit
    assert "complaint-desk-hq serve" in unit
    console = pc / "opt/complaint-desk/_internal/hq/console"
    if (Path(__file__).parents[2] / "hq/console/templates").exists():
        assert (console / "templates/login.html").exists()
        assert list((console / "static").rglob("*.js"))
    conf = pc / "etc/complaint-desk-hq/hq.env"
    assert oct(conf.stat().st_mode & 0o777) == "0o640"
    # The unit's command, run as the service user with the unit's environment file: HQ
    # migrates its database and answers an admin verb (systemd itself does not run in a chroot).
    done = chroot(pc, ["sh", "-c", "set -a; . /etc/complaint-desk-hq/hq.env; set +a; "
                       "exec /opt/complaint-desk/complaint-desk-hq branch add BJ009 --name 安装测试支行"],
                  user="complaint-desk-hq", env={"HOME": "/var/lib/complaint-desk-hq"})
    assert done.returncode == 0, done.stdout + done.stderr
    # The admin verbs through the launcher on the PATH, which reads hq.env itself.
    listed = chroot(pc, ["complaint-desk-hq", "branch", "list"], user="complaint-desk-hq",
                    env={"HOME": "/var/lib/complaint-desk-hq"})
    assert "BJ009" in listed.stdout, listed.stdout + listed.stderr
    assert (pc / "var/lib/complaint-desk-hq/hq.sqlite3").exists()
