"""tools/bootstrap.sh knows every system library Qt's xcb platform loads (the app on a
real X screen), as `ldd` lists them for PySide6's plugin, and the tests' PDF tools."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
BOOTSTRAP = (ROOT / "tools" / "bootstrap.sh").read_text(encoding="utf-8")
QT = Path(PySide6.__file__).parent / "Qt"
X_FAMILY = re.compile(r"^(libxcb|libX11|libxkbcommon)[\w.+-]*\.so\.\d+$")


def _needed(binary: Path) -> set[str]:
    done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, timeout=60,
                          check=True)
    names = {line.split()[0] for line in done.stdout.splitlines() if "=>" in line}
    return {n for n in names if X_FAMILY.match(n)}


def test_bootstrap_names_every_x_library_the_xcb_platform_loads() -> None:
    needed = _needed(QT / "plugins" / "platforms" / "libqxcb.so") \
        | _needed(QT / "lib" / "libQt6XcbQpa.so.6")
    assert {"libxcb.so.1", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"} <= needed
    listed = set(re.findall(r"(lib[\w.+-]+\.so\.\d+):[a-z0-9.+-]+", BOOTSTRAP))
    assert needed - listed == set()


def test_bootstrap_installs_the_pdf_tools_the_tests_use() -> None:
    for command, package in (("pdftotext", "poppler-utils"), ("pdftoppm", "poppler-utils"),
                             ("pdffonts", "poppler-utils"), ("zbarimg", "zbar-tools")):
        assert f"{command}:{package}" in BOOTSTRAP
