"""The demo profile behind `make run`: a branch, one staff account per role, synthetic
complaints, and a local HQ on loopback so sync works out of the box.

The local HQ is a separate `complaint-desk-hq serve` process over a SQLite file in the
profile folder (desktop/ does not import hq/: they meet over HTTP, as in production).
The profile is prepared once; later runs start the HQ again and reuse everything.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from desktop.domain.model import Role
from desktop.i18n import translate
from desktop.paths import open_private
from desktop.profile import open_profile, profile_security
from desktop.security.staff import add_staff
from desktop.services.context import DeviceNotSetUp, load_context
from desktop.services.seed import seed
from desktop.store.db import Store
from desktop.store.events import get_setting, put_setting
from desktop.sync.enrollment import HQ_URL_KEY, enroll

DEMO_BRANCH = "BJ001"
DEMO_BRANCH_NAME = "示范银行北京东城支行"
DEMO_PASSWORD = "demo-pass-2026"
# (staff number, name, role): documented in README.md
DEMO_STAFF = (
    ("T001", "李娜", Role.TELLER),
    ("T002", "王强", Role.TELLER),
    ("S001", "张敏", Role.SUPERVISOR),
    ("M001", "陈刚", Role.MANAGER),
    ("A001", "赵静", Role.AUDITOR),
)
# The branch's units (recusal: the unit complained about) and who belongs to which, as the
# roster HQ publishes them (docs/ARCHITECTURE.md §5).
DEMO_UNITS = (
    ("COUNTER", {"zh_CN": "柜面服务组", "en": "Counter services"}, ("T001", "T002")),
    ("LOANS", {"zh_CN": "个人贷款部", "en": "Personal loans"}, ("S001",)),
)
# The demo HQ console's officer (README.md); the TOTP secret is made by HQ on first run and
# kept beside the demo database, for the demo only: a real secret is shown once.
DEMO_HQ_OFFICER = ("H001", "王芳", "消费者权益保护部")
DEMO_HQ_PASSWORD = "demo-hq-pass-2026"
HQ_CONSOLE_LOGIN_FILE = "demo-hq-console-login.json"
HQ_DATABASE_FILE = "demo-hq.sqlite3"
HQ_LOG_FILE = "demo-hq.log"
HQ_START_TIMEOUT = 30.0


class DemoHqFailed(RuntimeError):
    """The local demo HQ did not start; its log file says why."""


def _hq_command() -> list[str]:
    return [sys.executable, "-m", "hq"]


def _free_port(preferred: int = 0) -> int:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", preferred))
        except OSError:
            s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class DemoHq:
    """A running local HQ; `stop()` ends it (the GUI calls it on exit)."""

    process: subprocess.Popen[bytes]
    url: str

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def _hq_admin(folder: Path, *args: str, stdin: str | None = None) -> str:
    url = f"sqlite:///{folder / HQ_DATABASE_FILE}"
    done = subprocess.run([*_hq_command(), *args, "--database", url], capture_output=True,
                          text=True, timeout=60, input=stdin)
    if done.returncode != 0:
        raise DemoHqFailed(done.stderr.strip() or f"complaint-desk-hq {args[0]} failed")
    return done.stdout.strip()


def start_demo_hq(folder: Path, port: int = 0) -> DemoHq:
    """Serve the demo HQ database of `folder` on loopback; waits until it answers."""
    port = _free_port(port)
    url = f"http://127.0.0.1:{port}"
    log = os.fdopen(open_private(folder / HQ_LOG_FILE, os.O_WRONLY | os.O_CREAT | os.O_APPEND), "ab")
    process = subprocess.Popen(
        [*_hq_command(), "serve", "--database", f"sqlite:///{folder / HQ_DATABASE_FILE}",
         "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=log,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
    log.close()
    deadline = time.monotonic() + HQ_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise DemoHqFailed(f"the demo HQ stopped; see {folder / HQ_LOG_FILE}")
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1.0).status_code == 200:
                return DemoHq(process, url)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise DemoHqFailed(f"the demo HQ did not answer in time; see {folder / HQ_LOG_FILE}")


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to end it when the app ends, however the app
    ends (a kill leaves no orphan HQ holding its port)."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _port_of(url: str) -> int:
    try:
        return int(url.rsplit(":", 1)[1])
    except (IndexError, ValueError):
        return 0


def prepare_demo(folder: Path, *, complaints: int = 300, with_hq: bool = True,
                 progress: Callable[[str], None] = lambda _m: None,
                 locale: str | None = None) -> DemoHq | None:
    """Create the demo profile in `folder` unless it exists, and start its local HQ.
    `progress` receives each step as a line in `locale` (resources/i18n/*/demo.json).
    Returns the running HQ (None with `with_hq=False`). Raises DemoHqFailed."""
    folder.mkdir(parents=True, exist_ok=True)
    # Without a keyring on this computer, the demo keeps its key in a file inside the
    # profile, labelled unsafe (desktop.profile); a real profile never does.
    store = open_profile(folder, demo=True)
    security = profile_security(folder)
    if security is not None and security.unsafe:
        progress(translate("security.demo_unsafe_keyring", locale))
    hq: DemoHq | None = None
    try:
        new = _is_new(store)
        if with_hq:
            with store.read() as s:
                previous = get_setting(s, HQ_URL_KEY)
            hq = start_demo_hq(folder, _port_of(previous))
            if previous and previous != hq.url:
                with store.write() as s:
                    put_setting(s, HQ_URL_KEY, hq.url)
        if new:
            progress(translate("demo.preparing", locale, folder=str(folder)))
            _create(folder, store, hq, complaints)
            progress(translate("demo.ready", locale, count=complaints))
        if hq is not None:
            login = demo_console_login(folder)
            progress(translate("demo.hq_console", locale, url=f"{hq.url}/console/",
                               number=login["number"], password=login["password"],
                               secret=login["totp_secret"]))
    except BaseException:
        if hq is not None:
            hq.stop()
        raise
    finally:
        store.close()
    return hq


def demo_console_login(folder: Path) -> dict[str, str]:
    """The demo HQ officer's console login, made on first use (staff number, password and
    TOTP secret). Raises DemoHqFailed when the HQ command refuses."""
    path = folder / HQ_CONSOLE_LOGIN_FILE
    if path.exists():
        saved: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
        return saved
    number, name, department = DEMO_HQ_OFFICER
    out = _hq_admin(folder, "staff", "add", number, "--name", name, "--role", "officer",
                    "--department", department, stdin=DEMO_HQ_PASSWORD + "\n")
    uri = next(line for line in out.splitlines() if line.startswith("otpauth://"))
    secret = uri.split("secret=", 1)[1].split("&", 1)[0]
    login = {"number": number, "password": DEMO_HQ_PASSWORD, "totp_secret": secret}
    path.write_text(json.dumps(login), encoding="utf-8")
    return login


def _is_new(store: Store) -> bool:
    try:
        load_context(store)
    except DeviceNotSetUp:
        return True
    return False


def write_demo_roster(store: Store, branch_code: str = DEMO_BRANCH) -> None:
    """The demo staff and the branch's units as a roster HQ published (version 0, so that any
    roster the HQ really publishes replaces it); the staff are those already added here."""
    from desktop.store.models import ReferenceDocumentRow, StaffRow

    unit_of = {number: code for code, _names, members in DEMO_UNITS for number in members}
    with store.write() as s:
        staff = [{"number": row.number, "name": row.name, "role": row.role,
                  "branch_code": branch_code, "password_hash": row.password_hash,
                  "active": row.active, "unit": unit_of.get(row.number)}
                 for row in s.query(StaffRow).order_by(StaffRow.number)
                 if row.password_hash.startswith("$argon2id$")]
        units = [{"code": code, "name": dict(names), "branch_code": branch_code}
                 for code, names, _members in DEMO_UNITS]
        s.merge(ReferenceDocumentRow(kind="roster", version=0,
                                     content={"staff": staff, "units": units},
                                     received_at=datetime.now(UTC)))


def _create(folder: Path, store: Store, hq: DemoHq | None, complaints: int) -> None:
    from desktop.services.context import set_up_device

    if hq is not None:
        _hq_admin(folder, "branch", "add", DEMO_BRANCH, "--name", DEMO_BRANCH_NAME)
        code = _hq_admin(folder, "enrollment-code", DEMO_BRANCH).split()[-1]
        # Enrolled before any work, so every event carries the device id HQ knows.
        enroll(store, hq.url, code, device_name="demo-counter-1")
    else:
        set_up_device(store, branch_code=DEMO_BRANCH, branch_name=DEMO_BRANCH_NAME, device_number=1)
    for number, name, role in DEMO_STAFF:
        add_staff(store, number=number, name=name, role=role, branch_code=DEMO_BRANCH,
                  password=DEMO_PASSWORD)
    write_demo_roster(store)
    ctx = load_context(store)
    seed(ctx, complaints, staff=[n for n, _, r in DEMO_STAFF if r in (Role.TELLER, Role.SUPERVISOR)])
