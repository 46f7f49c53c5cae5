"""The Windows build refuses an embeddable Python whose signatures are missing, foreign or
broken (installer.windows.verify_signatures with osslsigncode on the real files)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from installer.common import need_tools


@pytest.fixture(scope="module")
def embed() -> Path:
    if shutil.which("osslsigncode") is None:
        if os.geteuid() != 0:
            pytest.skip("osslsigncode is not installed (Debian package osslsigncode)")
        need_tools({"osslsigncode": "osslsigncode"})
    from installer.windows import embeddable_python

    return embeddable_python()


@pytest.fixture
def copy(embed: Path, tmp_path: Path) -> Path:
    """A small embeddable folder: python.exe, its catalog and the files a test changes."""
    folder = tmp_path / "python"
    folder.mkdir()
    for name in ("python.exe", "python.cat", "pythonw.exe", "python311.dll",
                 "vcruntime140.dll"):
        shutil.copy(embed / name, folder / name)
    return folder


def test_the_pinned_embeddable_python_is_accepted(embed: Path, tmp_path: Path) -> None:
    from installer.windows import verify_signatures

    whole = tmp_path / "python"
    shutil.copytree(embed, whole)
    verify_signatures(whole)


def refused(folder: Path) -> str:
    from installer.windows import SignatureRefused, verify_signatures

    with pytest.raises(SignatureRefused) as caught:
        verify_signatures(folder)
    return str(caught.value.code)


def test_an_altered_dll_is_refused(copy: Path) -> None:
    dll = copy / "python311.dll"
    data = bytearray(dll.read_bytes())
    data[len(data) // 2] ^= 0xFF
    dll.write_bytes(bytes(data))
    assert "python311.dll: " in refused(copy)


def test_an_unsigned_executable_is_refused(copy: Path) -> None:
    unsigned = copy / "pythonw-unsigned.exe"
    subprocess.run(["osslsigncode", "remove-signature", "-in", str(copy / "pythonw.exe"),
                    "-out", str(unsigned)], check=True, capture_output=True)
    unsigned.replace(copy / "pythonw.exe")
    assert "pythonw.exe: no Authenticode signature" in refused(copy)


def test_a_file_signed_by_someone_else_is_refused(copy: Path) -> None:
    shutil.copy(copy / "vcruntime140.dll", copy / "python3.dll")  # Microsoft's, not the PSF's
    assert "python3.dll: signed by" in refused(copy)
    assert "not the Python Software Foundation" in refused(copy)
