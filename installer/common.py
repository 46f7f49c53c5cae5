"""What both installers share: the build cache, content hashes, the project's version."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
# The folders a built program is made of: a change in any of them is a new build.
PROGRAM_PARTS = ("desktop", "ui", "reports", "hq", "resources", "pyproject.toml")


def cache_dir() -> Path:
    """Outside the checkout, so a fresh clone (CI) and `make clean` keep it:
    $COMPLAINT_DESK_BUILD_CACHE, else $XDG_CACHE_HOME/complaint-desk-build."""
    folder = os.environ.get("COMPLAINT_DESK_BUILD_CACHE")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = str(Path(base) / "complaint-desk-build")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


def files_under(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                      and p.suffix != ".pyc"]
    return sorted(found)


def content_hash(paths: Iterable[Path], *extra: str, base: Path = ROOT) -> str:
    """SHA-256 over the files' paths (relative to `base`) and contents, plus `extra` words."""
    digest = hashlib.sha256()
    for word in extra:
        digest.update(word.encode() + b"\0")
    for file in files_under(paths):
        name = file.relative_to(base if file.is_relative_to(base) else ROOT).as_posix()
        digest.update(name.encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()[:20]


def project(source: Path = ROOT) -> dict[str, object]:
    with (source / "pyproject.toml").open("rb") as f:
        data: dict[str, object] = tomllib.load(f)["project"]
    return data


def version(source: Path = ROOT) -> str:
    return str(project(source)["version"])


def runtime_requirements(source: Path = ROOT) -> list[str]:
    deps = project(source)["dependencies"]
    assert isinstance(deps, list)
    return [str(d) for d in deps]


def run(cmd: Sequence[str | os.PathLike[str]], **kwargs: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


def need_tools(tools: dict[str, str]) -> None:
    """Each command of `tools` (command -> Debian packages) on the PATH; as root, missing ones
    are installed with apt-get, otherwise the build stops naming the packages."""
    missing = sorted({pkg for cmd, pkgs in tools.items() if shutil.which(cmd) is None
                      for pkg in pkgs.split()})
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"Please install these Debian packages first: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-qq"], env=env)
    run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", *missing], env=env)


def replace_dir(built: Path, final: Path) -> Path:
    """Move a finished build into place (a half-made one never sits under the final name)."""
    if final.exists():
        shutil.rmtree(final)
    built.rename(final)
    return final
