"""The built wheel carries what the program needs, and runs installed outside the tree.

The wheel is built from the checkout (pip wheel), installed with pip into a folder of its
own, and run from a working directory outside the tree with that folder first on the path:
the packages and `resources/` it uses must be the installed ones."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.installer.smoke import admin_round, read_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    (built,) = out.glob("complaint_desk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                    str(target), str(wheel)], check=True, capture_output=True, timeout=300)
    return target


def shipped_resources() -> set[str]:
    """Every file under resources/ the program reads (the .ts sources are for translators)."""
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
            if p.is_file() and p.suffix != ".ts"}


def test_wheel_carries_every_resource_and_the_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = shipped_resources() - names
    assert not missing, f"not in the wheel: {sorted(missing)}"
    assert "resources/fonts/wqy-microhei.ttc" in names
    assert "desktop/store/migrations/script.py.mako" in names
    assert any(n.startswith("desktop/store/migrations/versions/") for n in names)
    assert any(n.startswith("hq/migrations/versions/") for n in names)


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), "COMPLAINT_DESK_LANG": "en"}
    env.pop("COMPLAINT_DESK_RESOURCES", None)
    return subprocess.run([sys.executable, "-P", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_installed_wheel_uses_its_own_packages_and_resources(installed: Path,
                                                             tmp_path: Path) -> None:
    done = run_installed(installed, tmp_path, "-c",
                         "import desktop, ui, reports, hq; from desktop.resources import "
                         "resources_dir, load_json; print(desktop.__file__); "
                         "print(resources_dir()); print(len(load_json('taxonomy', 'jrt0169.json')))")
    assert done.returncode == 0, done.stderr
    module, resources, _ = done.stdout.splitlines()
    assert Path(module).is_relative_to(installed)
    assert Path(resources) == installed / "resources"
    assert not Path(resources).is_relative_to(ROOT)


def test_installed_wheel_runs_the_admin_round(installed: Path, tmp_path: Path) -> None:
    def run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return run_installed(installed, tmp_path, "-m", "desktop.cli", *args)

    pdf = tmp_path / "receipt.pdf"
    admin_round(run, str(tmp_path / "profile"), str(pdf), read_file(pdf))
