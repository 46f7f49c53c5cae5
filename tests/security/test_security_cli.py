"""The security admin verbs as an administrator uses them: recovery key, rotation, recovery,
the local emergency administrator, unlocking, and clear one-line refusals."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from desktop.cli import main
from desktop.domain.errors import DomainError
from desktop.domain.model import Role
from desktop.profile import open_profile, profile_keys
from desktop.security.profile_keys import DATABASE_KEY, parse_recovery_key, read_profile_info
from desktop.security.staff import add_staff, authenticate
from desktop.services.context import set_up_device
from tests.conftest import SettableClock

CLI = str(Path(sys.executable).parent / "complaint-desk")
PASSWORD = "emergency-pass-2026"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")
    path = tmp_path / "profile"
    store = open_profile(path)
    set_up_device(store, branch_code="BJ001", branch_name="网点", device_number=1)
    store.close()
    return path


def admin(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
          *args: str, stdin: str = "") -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["admin", *args, "--profile", str(folder)])
    out = capsys.readouterr()
    return code, out.out + out.err


def recovery_key_in(output: str) -> str:
    line = next(x for x in output.splitlines() if x.startswith("    "))
    return line.strip()


def test_recovery_key_is_shown_once(folder: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = admin(folder, capsys, monkeypatch, "recovery-key")
    assert code == 0
    assert parse_recovery_key(recovery_key_in(out)) == profile_keys(folder).database_key()
    code, out = admin(folder, capsys, monkeypatch, "recovery-key")
    assert code == 1 and "rotate-key" in out


def test_rotate_then_recover_after_the_keyring_lost_the_key(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = admin(folder, capsys, monkeypatch, "rotate-key")
    assert code == 0, out
    recovery = recovery_key_in(out)
    info = read_profile_info(folder)
    assert info is not None
    keyring.delete_password(f"complaint-desk:{info.profile_id}", DATABASE_KEY)
    code, out = admin(folder, capsys, monkeypatch, "verify")
    assert code == 1 and "recover --recovery-key" in out and "Traceback" not in out
    code, out = admin(folder, capsys, monkeypatch, "recover", "--recovery-key", "AAAA-BBBB")
    assert code == 1 and "not a valid recovery key" in out
    code, out = admin(folder, capsys, monkeypatch, "recover", stdin=recovery + "\n")
    assert code == 0, out
    code, out = admin(folder, capsys, monkeypatch, "verify")
    assert code == 0, out


def test_add_admin_creates_a_local_administrator_who_can_unlock(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        clock: SettableClock) -> None:
    code, out = admin(folder, capsys, monkeypatch, "add-admin", "--number", "adm1",
                      "--name", "应急管理员", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, out
    assert PASSWORD not in out
    store = open_profile(folder)
    try:
        assert authenticate(store, "ADM1", PASSWORD, clock()).role is Role.ADMIN
        add_staff(store, number="T001", name="李娜", role=Role.TELLER, branch_code="BJ001",
                  password=PASSWORD)
        for _ in range(5):
            with pytest.raises(DomainError):
                authenticate(store, "T001", "wrong-password", clock())
    finally:
        store.close()
    code, out = admin(folder, capsys, monkeypatch, "unlock-staff", "T001", "--by", "ADM1",
                      "--password-stdin", stdin="wrong-password\n")
    assert code == 1 and "wrong staff number or password" in out.lower()
    code, out = admin(folder, capsys, monkeypatch, "unlock-staff", "T001", "--by", "ADM1",
                      "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, out
    store = open_profile(folder)
    try:
        assert authenticate(store, "T001", PASSWORD, clock()).role is Role.TELLER
    finally:
        store.close()


def test_a_short_admin_password_is_refused(folder: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = admin(folder, capsys, monkeypatch, "add-admin", "--number", "ADM1", "--name", "x",
                      "--password-stdin", stdin="short\n")
    assert code == 1 and "at least" in out


def test_no_keyring_is_one_clear_line_from_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "COMPLAINT_DESK_LANG": "en",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([CLI, "admin", "list", "--profile", str(tmp_path / "p")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "keyring" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p" / "complaints.sqlite3").exists()
