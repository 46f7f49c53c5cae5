"""`complaint-desk-hq staff add|list`: an HQ admin creates console accounts; the
password comes from stdin (or the terminal), the TOTP secret is printed once."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pyotp
import pytest

from hq import staff
from hq.cli import main
from hq.db import make_engine
from hq.office_tables import staff_accounts
from hq.vault import FileKeyStore, Vault


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLAINT_DESK_LANG", "en")


def _add(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: str,
         password: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    code = main(["staff", "add", *argv, "--database", db])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_added_account_signs_in_with_its_password_and_printed_secret(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    code, out, err = _add(monkeypatch, capsys, db, "a-long-enough-secret",
                          "P001", "--name", "刘洋", "--role", "panel_member",
                          "--department", "Legal")
    assert code == 0, err
    secret = re.search(r"TOTP secret .*: ([A-Z2-7]+)", out)
    assert secret and "otpauth://totp/" in out
    engine = make_engine(db)
    now = datetime.now(UTC)
    vault = Vault(FileKeyStore(tmp_path / "hq.sqlite3.keys.json", create=False))
    with engine.begin() as conn:
        session = staff.log_in(conn, vault, "P001", "a-long-enough-secret",
                               pyotp.TOTP(secret.group(1)).at(now), now)
    assert session.member.role is staff.StaffRole.PANEL_MEMBER
    engine.dispose()
    assert main(["staff", "list", "--database", db]) == 0
    assert capsys.readouterr().out == "P001\t刘洋\tpanel_member\tLegal\n"


def test_a_weak_password_or_taken_number_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    code, _out, err = _add(monkeypatch, capsys, db, "short", "A001", "--name", "X",
                           "--role", "admin", "--department", "IT")
    assert code == 1 and "at least 12 characters" in err and "Traceback" not in err
    assert _add(monkeypatch, capsys, db, "long-enough-password", "A001", "--name", "X",
                "--role", "admin", "--department", "IT")[0] == 0
    code, _out, err = _add(monkeypatch, capsys, db, "long-enough-password", "A001",
                           "--name", "Y", "--role", "admin", "--department", "IT")
    assert code == 1 and "in use already" in err
    main(["staff", "list", "--database", db])
    assert capsys.readouterr().out == "A001\tX\tadmin\tIT\n"


def test_an_unknown_role_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    with pytest.raises(SystemExit) as exit_:
        _add(monkeypatch, capsys, db, "long-enough-password", "A002", "--name", "X",
             "--role", "boss", "--department", "IT")
    assert exit_.value.code == 2


def test_the_totp_secret_is_stored_only_encrypted_with_hqs_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    code, out, err = _add(monkeypatch, capsys, db, "a-long-enough-secret",
                          "P002", "--name", "刘洋", "--role", "officer", "--department", "Legal")
    assert code == 0, err
    found = re.search(r"TOTP secret .*: ([A-Z2-7]+)", out)
    assert found
    engine = make_engine(db)
    with engine.begin() as conn:
        row = conn.execute(staff_accounts.select()).one()
    engine.dispose()
    assert row.totp_secret is None and row.totp_sealed and row.totp_data_key_id
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("hq.sqlite3*") if "keys" not in p.name)
    assert found.group(1).encode() not in raw


def test_migrate_seals_the_plaintext_secret_of_an_older_account(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    assert _add(monkeypatch, capsys, db, "a-long-enough-secret", "P003", "--name", "刘洋",
                "--role", "officer", "--department", "Legal")[0] == 0
    secret = pyotp.random_base32()
    engine = make_engine(db)
    with engine.begin() as conn:  # as an account made before schema 0007 was stored
        conn.execute(staff_accounts.update().values(totp_secret=secret, totp_sealed=None,
                                                    totp_data_key_id=None))
    assert main(["migrate", "--database", db]) == 0
    with engine.begin() as conn:
        row = conn.execute(staff_accounts.select()).one()
        assert row.totp_secret is None and row.totp_sealed
        vault = Vault(FileKeyStore(tmp_path / "hq.sqlite3.keys.json", create=False))
        now = datetime.now(UTC)
        session = staff.log_in(conn, vault, "P003", "a-long-enough-secret",
                               pyotp.TOTP(secret).at(now), now)
    engine.dispose()
    assert session.member.number == "P003"
