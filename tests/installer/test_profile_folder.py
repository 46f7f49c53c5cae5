"""The default profile folder is the one the README names on each platform."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import windows
from platformdirs.unix import Unix
from platformdirs.windows import Windows

from desktop import paths


def test_windows_profile_is_localappdata_complaintdesk(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    # platformdirs' Windows rules, run here with the folder read from %LOCALAPPDATA% instead of
    # the Windows API (the Wine smoke test asks the real API, tests/installer/test_windows.py).
    monkeypatch.setattr(windows, "_RESOLVE_WIN_FOLDER", windows.get_win_folder_from_env_vars)
    local = tmp_path / "AppData" / "Local"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setattr(paths, "PlatformDirs", Windows)
    monkeypatch.delenv(paths.PROFILE_ENV, raising=False)
    assert paths.profile_dir() == local / "ComplaintDesk"


def test_linux_profile_is_under_xdg_data_home(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setattr(paths, "PlatformDirs", Unix)
    monkeypatch.delenv(paths.PROFILE_ENV, raising=False)
    assert paths.profile_dir() == tmp_path / "share" / "ComplaintDesk"


def test_explicit_folder_and_environment_come_first(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setenv(paths.PROFILE_ENV, str(tmp_path / "env"))
    assert paths.profile_dir() == tmp_path / "env"
    assert paths.profile_dir(tmp_path / "given") == tmp_path / "given"
