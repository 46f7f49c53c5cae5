"""Logs that exist (issue 11, item 8): the branch's rotating, owner-only log file in the
profile, identity numbers masked on the way in, "see the log" naming the file; HQ logging
a client that drops mid-push as one line."""

from __future__ import annotations

import logging
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.logs import LOG_DIR, LOG_FILE, log_file, mask_identity, setup_logging, stop_logging
from tests.hq.conftest import LiveHq

CLI = str(Path(sys.executable).parent / "complaint-desk")


@pytest.fixture
def profile_log(tmp_path: Path) -> Iterator[Path]:
    yield setup_logging(tmp_path / "profile")
    stop_logging()


def test_the_log_is_a_rotating_owner_only_file_in_the_profile(profile_log: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert profile_log == profile_log.parent.parent / LOG_DIR / LOG_FILE and log_file() == profile_log
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", None) == str(profile_log))
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for i in range(60):
        logging.getLogger("complaint_desk.test").warning("line %d of the log, long enough to roll", i)
    handler.flush()
    files = sorted(p.name for p in profile_log.parent.iterdir())
    assert LOG_FILE in files and f"{LOG_FILE}.1" in files, files
    for name in files:
        assert stat.S_IMODE(os.stat(profile_log.parent / name).st_mode) == 0o600, name
    assert stat.S_IMODE(os.stat(profile_log.parent).st_mode) == 0o700


def test_identity_numbers_are_masked_in_messages_arguments_and_tracebacks(profile_log: Path) -> None:
    log = logging.getLogger("complaint_desk.test")
    log.warning("customer 110101199003071234 called from %s", "13812345678")
    try:
        raise ValueError("ID 11010119900307123X, card 6222021234567890123, tel 010-6512 3456")
    except ValueError:
        log.exception("lookup failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = profile_log.read_text(encoding="utf-8")
    for secret in ("110101199003071234", "13812345678", "11010119900307123X",
                   "6222021234567890123", "6512 3456"):
        assert secret not in text
    assert "110101********1234" in text and "138****5678" in text and "ValueError" in text
    # Stamps, hashes and counts are not mistaken for numbers to hide.
    assert mask_identity("hlc 001772415000000.00001 seq 1234567") == "hlc 001772415000000.00001 seq 1234567"


def test_an_old_fifteen_digit_id_number_is_masked_but_a_clock_stamp_is_not(
        profile_log: Path) -> None:
    log = logging.getLogger("complaint_desk.test")
    log.warning("old ID %s on file", "110105491231002")
    try:
        raise KeyError("customer 440301850615123 not found")
    except KeyError:
        log.exception("lookup failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = profile_log.read_text(encoding="utf-8")
    assert "110105491231002" not in text and "440301850615123" not in text
    assert "110105******002" in text and "440301******123" in text
    for kept in ("hlc 001772415000000.00001", "ms 176469000000000", "hash 0123456789abcdef",
                 "seq 123456789012345.5"):
        assert mask_identity(kept) == kept


def test_an_unexpected_cli_error_names_the_log_file(tmp_path: Path) -> None:
    profile = tmp_path / "pc1"
    # A profile folder whose database is a directory: opening it fails in an unexpected way.
    (profile / "complaints.sqlite3").mkdir(parents=True)
    for lang, words in (("en", "See the log for details: "), ("zh_CN", "详情见日志：")):
        done = subprocess.run([CLI, "admin", "list", "--profile", str(profile)], capture_output=True,
                              text=True, timeout=120, env={**os.environ, "COMPLAINT_DESK_LANG": lang})
        assert done.returncode == 1, done.stderr
        path = profile / LOG_DIR / LOG_FILE
        assert f"{words}{path}" in done.stderr and "Traceback" not in done.stderr
        assert "unexpected error of kind" in path.read_text(encoding="utf-8")


def test_hq_logs_a_client_that_drops_mid_push_as_one_line(sqlite_hq: LiveHq,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    device = sqlite_hq.enroll()
    host, port = sqlite_hq.base_url.removeprefix("http://").split(":")
    caplog.set_level(logging.INFO)
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"POST /api/v1/events HTTP/1.1\r\nHost: hq\r\n"
                     b"Authorization: Bearer " + device.info.token.encode() + b"\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                     b'{"batch_key": "k' + b"x" * 2000)
        time.sleep(0.5)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not any("disconnect" in r.getMessage() for r in caplog.records):
        time.sleep(0.05)
    noisy = [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    assert not noisy, [r.getMessage() for r in noisy]
    said = [r for r in caplog.records if "disconnect" in r.getMessage()]
    assert len(said) == 1 and "\n" not in said[0].getMessage()
    assert sqlite_hq.client().get("/api/v1/health").status_code == 200
