"""The Windows installer, built here with `make windows-installer`'s command, installed
silently under Wine (Debian's wine64, headless under Xvfb) and used: the installed
python.exe runs admin init, seed, list and print receipt; the default profile folder is
%LOCALAPPDATA%\\ComplaintDesk by the Windows API; the uninstaller removes the program and
leaves the profile. Slow; skipped with the reason printed where Wine cannot be had."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path, PureWindowsPath

import pytest

from installer.common import ROOT, cache_dir, need_tools, version
from tests.installer.debs import skip_unless_asked, work_dir
from tests.installer.smoke import admin_round, read_file

pytestmark = pytest.mark.slow
MAX_INSTALLER_MB = 150
TOOLS = {"wine": "wine wine64", "wineserver": "wine", "Xvfb": "xvfb", "makensis": "nsis",
         "osslsigncode": "osslsigncode", "x86_64-w64-mingw32-gcc": "gcc-mingw-w64-x86-64-win32"}
WINE_DLLS = Path("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows")
SHIM = Path(__file__).parent / "wine" / "bcryptprimitives.c"
PROGRAM = PureWindowsPath(r"C:\Program Files\ComplaintDesk")


def skip_unless_wine() -> None:
    skip_unless_asked()
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing and os.geteuid() == 0 and shutil.which("apt-get"):
        need_tools(TOOLS)
        missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"the Windows build and its Wine test need {', '.join(missing)} (Debian: " \
                 f"{' '.join(sorted({p for t in missing for p in TOOLS[t].split()}))})"
        print(f"skipping: {reason}", file=sys.stderr)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def setup_exe() -> Path:
    skip_unless_wine()
    out = cache_dir() / "test-dist"
    done = subprocess.run([sys.executable, "-m", "installer", "windows", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=5400)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / f"ComplaintDesk-{version()}-setup.exe"


class Wine:
    """One Wine prefix with its own Xvfb display."""

    def __init__(self, prefix: Path, display: str) -> None:
        self.prefix = prefix
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("PYTHON", "XDG_", "COMPLAINT_DESK", "QT_"))}
        # The keyring is Windows' own (Credential Manager), not the suite's file keyring.
        self.env = {**env, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "DISPLAY": display,
                    "WINEDLLOVERRIDES": "mscoree,mshtml=", "COMPLAINT_DESK_LANG": "en"}

    def run(self, args: Sequence[str], timeout: float = 600,
            **env: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["wine", *args], env={**self.env, **env}, capture_output=True,
                              text=True, errors="replace", timeout=timeout)
        self.wait()
        return done

    def wait(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=600, check=False)

    def host(self, path: PureWindowsPath) -> Path:
        """The Linux path of a C:\\ path inside the prefix."""
        assert path.drive.upper() == "C:"
        return self.prefix / "drive_c" / Path(*path.parts[1:])

    def python(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return self.run([str(PROGRAM / "python" / "python.exe"), *args], 600, **env)


def add_missing_system_dlls(w: Wine) -> None:
    """Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng), which every Rust extension module
    imports and Windows 8+ has: a stand-in (tests/installer/wine/) goes into this prefix."""
    if (WINE_DLLS / "bcryptprimitives.dll").exists():
        return
    dll = w.prefix / "drive_c" / "windows" / "system32" / "bcryptprimitives.dll"
    subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-shared", "-Wl,--kill-at", "-o", str(dll),
                    str(SHIM), "-ladvapi32"], check=True, capture_output=True)


def windows_path(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


@pytest.fixture(scope="module")
def wine(setup_exe: Path) -> Iterator[Wine]:
    display = ":92"
    server = subprocess.Popen(["Xvfb", display, "-nolisten", "tcp", "-screen", "0",
                               "1280x800x24"], stderr=subprocess.DEVNULL)
    with work_dir("wine") as folder:
        yield from _installed(Wine(folder / "prefix", display), setup_exe, server)


def _installed(w: Wine, setup_exe: Path, server: subprocess.Popen[bytes]) -> Iterator[Wine]:
    try:
        boot = w.run(["wineboot", "--init"])
        assert boot.returncode == 0, boot.stderr[-2000:]
        add_missing_system_dlls(w)
        installed = w.run([str(setup_exe), "/S"])
        assert installed.returncode == 0, installed.stderr[-2000:]
        yield w
    finally:
        subprocess.run(["wineserver", "-k"], env=w.env, check=False, capture_output=True)
        server.terminate()
        server.wait(10)


def test_installer_size(setup_exe: Path) -> None:
    size = setup_exe.stat().st_size / 2**20
    print(f"{setup_exe.name}: {size:.1f} MB")
    assert size <= MAX_INSTALLER_MB


def test_installed_per_machine_with_a_start_menu_shortcut(wine: Wine) -> None:
    assert wine.host(PROGRAM / "python" / "python.exe").exists()
    assert wine.host(PROGRAM / "uninstall.exe").exists()
    assert wine.host(PROGRAM / "complaint-desk.cmd").exists()
    menu = wine.host(PureWindowsPath(r"C:\ProgramData\Microsoft\Windows\Start Menu\Programs"))
    assert list((menu / "Complaint Desk").glob("*.lnk")), "no Start-menu shortcut"
    key = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\ComplaintDesk"
    done = wine.run(["reg", "query", key, "/v", "DisplayVersion"])
    assert version() in done.stdout, done.stdout + done.stderr


def profile_folder(wine: Wine) -> PureWindowsPath:
    done = wine.python("-c", "from desktop.paths import profile_dir; print(profile_dir())")
    assert done.returncode == 0, done.stderr[-2000:]
    return PureWindowsPath(done.stdout.strip())


def test_default_profile_is_localappdata_complaintdesk(wine: Wine) -> None:
    folder = profile_folder(wine)
    assert folder.parts[-3:] == ("AppData", "Local", "ComplaintDesk"), folder


@pytest.fixture(scope="module")
def used_profile(wine: Wine) -> PureWindowsPath:
    """The default profile after the admin round, run by the installed python.exe."""
    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return wine.python("-X", "utf8", "-m", "ui.main", *args)  # as complaint-desk.cmd runs it

    pdf = wine.prefix.parent / "receipt.pdf"
    profile = profile_folder(wine)
    admin_round(run, str(profile), windows_path(pdf), read_file(pdf))
    return profile


def test_admin_round_with_the_installed_python(wine: Wine, used_profile: PureWindowsPath) -> None:
    assert (wine.host(used_profile) / "complaints.sqlite3").exists()


def test_uninstall_keeps_the_profile(wine: Wine, used_profile: PureWindowsPath) -> None:
    profile = wine.host(used_profile)
    before = {p.name: p.read_bytes() for p in profile.iterdir() if p.is_file()}
    done = wine.run([str(PROGRAM / "uninstall.exe"), "/S"])
    assert done.returncode == 0, done.stderr[-2000:]
    assert not wine.host(PROGRAM / "python").exists()
    assert not wine.host(PROGRAM / "uninstall.exe").exists()
    assert {p.name: p.read_bytes() for p in profile.iterdir() if p.is_file()} == before
