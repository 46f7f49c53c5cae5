"""`make deb`: the program bundled with its own Python runtime (PyInstaller one-folder) under
/opt/complaint-desk, packed with dpkg-deb as dist/complaint-desk_<version>_amd64.deb, and
the HQ service package dist/complaint-desk-hq_<version>_all.deb.

Each stage is cached by a hash of what goes into it (build cache: installer.common):
the build venv by the dependency list, the bundle by the program's files, so a second
`make deb` with nothing changed only re-packs (or reuses) the .deb."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from installer.common import (
    INSTALLER,
    PROGRAM_PARTS,
    ROOT,
    cache_dir,
    content_hash,
    need_tools,
    replace_dir,
    run,
    runtime_requirements,
    version,
)

LINUX = INSTALLER / "linux"
PYINSTALLER = ["pyinstaller>=6.10,<7", "pyinstaller-hooks-contrib>=2024.8"]
OPT = "opt/complaint-desk"
MAINTAINER = "Complaint Desk team <complaint-desk@example.invalid>"
DESCRIPTION = """\
Complaint Desk 投诉受理台: bank branch counter complaint desk
 Takes in a customer's complaint at the counter, follows it to a decision within
 the regulatory deadline, prints receipts and letters, and syncs with HQ.
 The program brings its own Python runtime and Qt under /opt/complaint-desk."""


def venv_path(source: Path) -> Path:
    key = content_hash([], sys.version, *runtime_requirements(source), *PYINSTALLER)
    return cache_dir() / f"venv-linux-{key}"


def bundle_path(source: Path) -> Path:
    spec = [LINUX / "complaint-desk.spec", LINUX / "entry.py"]
    key = content_hash([source / p for p in PROGRAM_PARTS] + spec, str(venv_path(source)),
                       base=source)
    return cache_dir() / f"bundle-linux-{key}"


def cached_bundle(source: Path = ROOT) -> Path | None:
    """The bundle of `source` when it is already built (the benchmark uses it), else None."""
    program = bundle_path(source) / "complaint-desk"
    return program if (program / "complaint-desk").exists() else None


def build_venv(source: Path) -> Path:
    """A venv with the runtime dependencies and PyInstaller, keyed by their list."""
    wanted = runtime_requirements(source) + PYINSTALLER
    venv = venv_path(source)
    if (venv / ".complete").exists():
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    run([sys.executable, "-m", "venv", venv])
    run([venv / "bin/python", "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([venv / "bin/python", "-m", "pip", "install", "--quiet", *wanted])
    (venv / ".complete").touch()
    return venv


def bundle(source: Path) -> Path:
    """The PyInstaller folder: complaint-desk, complaint-desk-hq (a link to it), _internal/."""
    existing = cached_bundle(source)
    if existing is not None:
        return existing
    venv = build_venv(source)
    final = bundle_path(source)
    work = Path(tempfile.mkdtemp(prefix="bundle-", dir=cache_dir()))
    env = {**os.environ, "COMPLAINT_DESK_SOURCE": str(source), "PYTHONNOUSERSITE": "1"}
    run([venv / "bin/pyinstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
         work / "dist", "--workpath", work / "build", LINUX / "complaint-desk.spec"], env=env)
    built = work / "dist"
    (built / "complaint-desk" / "complaint-desk-hq").symlink_to("complaint-desk")
    replace_dir(built, final)
    shutil.rmtree(work, ignore_errors=True)
    return final / "complaint-desk"


# Qt plugins the program does not need that pull in libraries from outside (GTK for the gtk3
# theme; EGL full-screen, framebuffer, VNC and Vulkan-display platforms).
UNUSED_QT = ("plugins/platformthemes/libqgtk3.so", "plugins/platforms/libqeglfs.so",
             "plugins/platforms/libqlinuxfb.so", "plugins/platforms/libqminimalegl.so",
             "plugins/platforms/libqvnc.so", "plugins/platforms/libqvkkhrdisplay.so",
             "plugins/egldeviceintegrations")
# Libraries that come with the wheels (Qt, ICU, PySide, auditwheel's renamed copies) or with
# the bundled Python: kept. Every other library PyInstaller copied from the build machine is a
# system library that the Depends provide; the system's own copy is the one to use.
OWN_LIBRARY = re.compile(r"^lib(python3|pyside6|shiboken6|Qt6|icu)|-[0-9a-f]{8}\.so")


def prune(program: Path) -> None:
    """Drop from the bundle what the system provides (see depends.txt) or nothing loads."""
    internal = program / "_internal"
    for library in internal.glob("lib*.so*"):
        if not OWN_LIBRARY.search(library.name):
            library.unlink()
    qt = internal / "PySide6" / "Qt"
    for part in UNUSED_QT:
        path = qt / part
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for lib in qt.glob("lib/libQt6EglF*"):  # EglFSDeviceIntegration, EglFsKmsSupport
        lib.unlink()
    for translation in (qt / "translations").glob("*.qm"):
        if not translation.stem.endswith(("_zh_CN", "_en")):
            translation.unlink()
    strip_debug(program)


def strip_debug(program: Path) -> None:
    """Drop the debugging sections some wheels ship in their libraries (SQLCipher's alone
    carries 12 MB): `strip --strip-debug` keeps every symbol the dynamic linker uses."""
    elf = [p for p in program.rglob("*") if p.is_file() and not p.is_symlink()
           and p.suffix != ".py" and _is_elf(p)]
    print(f"+ strip --strip-debug ({len(elf)} files)", flush=True)
    for start in range(0, len(elf), 200):
        subprocess.run(["strip", "--strip-debug", *map(str, elf[start:start + 200])], check=True)


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def depends() -> str:
    names = [line.strip() for line in (LINUX / "debian/depends.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    return ", ".join(names)


def installed_kib(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()
               and "DEBIAN" not in p.relative_to(root).parts) // 1024 + 1


def glibc_floor(program: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file of the bundle asks for."""
    newest = (2, 17)
    for file in program.rglob("*"):
        if not file.is_file() or not _is_elf(file):
            continue
        out = subprocess.run(["objdump", "-T", file], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def icons(source: Path, root: Path) -> None:
    from PIL import Image

    logo = Image.open(source / "resources/branding/logo.png").convert("RGBA")
    for size in (48, 128, 256):
        folder = root / f"usr/share/icons/hicolor/{size}x{size}/apps"
        folder.mkdir(parents=True, exist_ok=True)
        logo.resize((size, size), Image.Resampling.LANCZOS).save(folder / "complaint-desk.png")


def pack(root: Path, out: Path) -> Path:
    for path in root.rglob("*"):  # dpkg-deb refuses group-writable control files
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o022)
    # gzip: every dpkg reads it (older Kylin/UOS dpkg too), and on this shared 2-core machine
    # xz took over 10 minutes for the bundle; the installed size is what counts.
    run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", root, out],
        stdout=subprocess.DEVNULL)
    return out


def program_deb(source: Path, ver: str, out_dir: Path) -> Path:
    program = bundle(source)
    key = content_hash([LINUX, Path(__file__)], ver, str(program), base=ROOT)
    out = out_dir / f"complaint-desk_{ver}_amd64.deb"
    stamp = out_dir / f".complaint-desk_{ver}_amd64.key"
    if out.exists() and stamp.exists() and stamp.read_text() == key:
        return out
    with tempfile.TemporaryDirectory(dir=cache_dir()) as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(program, root / OPT, symlinks=True)
        prune(root / OPT)
        for name, script in (("complaint-desk", "launcher.sh"),
                             ("complaint-desk-hq", "launcher-hq.sh")):
            text = (LINUX / script).read_text().replace("@NAME@", name)
            write(root / "usr/bin" / name, text, 0o755)
        desktop = (LINUX / "debian/complaint-desk.desktop").read_text()
        write(root / "usr/share/applications/complaint-desk.desktop", desktop)
        icons(source, root)
        write(root / "usr/share/doc/complaint-desk/copyright",
              "Complaint Desk: proprietary. Bundled: CPython (PSF License), Qt for Python "
              "(LGPLv3), WenQuanYi Micro Hei (Apache 2.0 / GPLv3), see /opt/complaint-desk.\n")
        control = (f"Package: complaint-desk\nVersion: {ver}\nArchitecture: amd64\n"
                   f"Maintainer: {MAINTAINER}\nInstalled-Size: {installed_kib(root)}\n"
                   f"Depends: {depends().replace('libc6', f'libc6 (>= {glibc_floor(root / OPT)})')}\n"
                   f"Recommends: gnome-keyring | kwalletmanager\nSection: misc\n"
                   f"Priority: optional\nDescription: {DESCRIPTION}\n")
        write(root / "DEBIAN/control", control)
        out_dir.mkdir(parents=True, exist_ok=True)
        pack(root, out)
    stamp.write_text(key)
    return out


def hq_deb(ver: str, out_dir: Path) -> Path:
    out = out_dir / f"complaint-desk-hq_{ver}_all.deb"
    hq = LINUX / "hq"
    with tempfile.TemporaryDirectory(dir=cache_dir()) as tmp:
        root = Path(tmp) / "root"
        write(root / "lib/systemd/system/complaint-desk-hq.service",
              (hq / "complaint-desk-hq.service").read_text())
        write(root / "etc/complaint-desk-hq/hq.env", (hq / "hq.env").read_text(), 0o640)
        write(root / "usr/share/doc/complaint-desk-hq/README",
              "See README.md of Complaint Desk, section \"Install HQ\".\n")
        for script in ("postinst", "prerm", "postrm"):
            write(root / "DEBIAN" / script, (hq / script).read_text(), 0o755)
        write(root / "DEBIAN/conffiles", "/etc/complaint-desk-hq/hq.env\n")
        control = (f"Package: complaint-desk-hq\nVersion: {ver}\nArchitecture: all\n"
                   f"Maintainer: {MAINTAINER}\nInstalled-Size: {installed_kib(root)}\n"
                   f"Depends: complaint-desk (= {ver}), adduser\nRecommends: postgresql\n"
                   f"Section: misc\nPriority: optional\n"
                   "Description: Complaint Desk HQ sync service (systemd)\n"
                   " Runs complaint-desk-hq serve as the system user complaint-desk-hq with\n"
                   " its database URL and key file from /etc/complaint-desk-hq/.\n")
        write(root / "DEBIAN/control", control)
        out_dir.mkdir(parents=True, exist_ok=True)
        return pack(root, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer deb", description=__doc__)
    parser.add_argument("--source", type=Path, default=ROOT, help="the tree to build from")
    parser.add_argument("--version", help="package version (default: pyproject.toml's)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    need_tools({"dpkg-deb": "dpkg", "objdump": "binutils", "strip": "binutils"})
    source = args.source.resolve()
    ver = args.version or version(source)
    for built in (program_deb(source, ver, args.out), hq_deb(ver, args.out)):
        print(f"{built}  {built.stat().st_size / 2**20:.1f} MB")
    return 0
