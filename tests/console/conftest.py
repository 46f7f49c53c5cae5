"""A real HQ with its console for each test module (uvicorn on a loopback port, over a
SQLite file, and over PostgreSQL where a module asks for `backend_hq`), HQ staff
accounts made through the use case, and Debian's Chromium driven by Playwright.

The server's clock is the real one plus an offset a test may move (idle timeout,
lockout expiry); TOTP codes are computed for that same clock, as a phone would.
Chromium: /usr/bin/chromium, installed with apt-get when missing and we are root;
otherwise the browser tests skip with the reason, or fail when REQUIRE_BROWSER=1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pyotp
import pytest
from sqlalchemy import Engine

from hq import staff
from hq.app import create_app
from hq.db import make_engine, migrate
from hq.vault import Vault
from tests.hq.conftest import (  # noqa: F401  (fixtures, re-exported for this folder)
    LiveHq,
    _ThreadedServer,
    make_vault,
    postgres_database_url,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-battery-9"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class MovableClock:
    offset: timedelta = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset


@dataclass(frozen=True)
class StaffLogin:
    number: str
    password: str
    secret: str
    role: str
    department: str

    def code(self, at: datetime, steps_ahead: int = 0) -> str:
        return pyotp.TOTP(self.secret).at(at + timedelta(seconds=30 * steps_ahead))


@dataclass
class ConsoleHq:
    base_url: str
    engine: Engine
    clock: MovableClock
    live: LiveHq
    vault: Vault
    clients: list[httpx.Client] = field(default_factory=list)
    sessions: dict[str, tuple[httpx.Client, str]] = field(default_factory=dict)

    @property
    def console(self) -> str:
        return f"{self.base_url}/console"

    def add_staff(self, role: str = "officer", department: str = "消费者权益保护部",
                  name: str = "测试员工") -> StaffLogin:
        number = "H" + uuid.uuid4().hex[:8].upper()
        with self.engine.begin() as conn:
            account = staff.add_staff(conn, number, name=name, role=role,
                                      department=department, password=PASSWORD,
                                      now=self.clock(), vault=self.vault)
        return StaffLogin(number, PASSWORD, account.totp_secret, role, department)

    def client(self, **headers: str) -> httpx.Client:
        client = httpx.Client(base_url=self.base_url, timeout=30, headers=headers)
        self.clients.append(client)
        return client

    def signed_in(self, login: StaffLogin) -> tuple[httpx.Client, str]:
        """An HTTP client with a console session for `login`, and its CSRF token; the same
        one again on later calls (a TOTP code opens one session only, as for a person)."""
        if login.number in self.sessions:
            return self.sessions[login.number]
        client = self.client()
        page = client.get("/console/login")
        token = csrf_of(page.text)
        answer = client.post("/console/login", data={
            "csrf_token": token, "number": login.number, "password": login.password,
            "code": login.code(self.clock()), "next": "/console/"})
        assert answer.status_code == 303, answer.text
        self.sessions[login.number] = client, csrf_of(client.get("/console/").text)
        return self.sessions[login.number]

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.clients.clear()
        self.sessions.clear()


def csrf_of(html: str) -> str:
    found = CSRF_INPUT.search(html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def _serve(database_url: str, keys_folder: Path) -> Iterator[ConsoleHq]:
    engine = make_engine(database_url)
    migrate(engine)
    app_engine = make_engine(database_url)
    clock = MovableClock()
    vault = make_vault(keys_folder)
    with _ThreadedServer(create_app(app_engine, vault, clock=clock)) as server:
        base = f"http://127.0.0.1:{server.port}"
        live = LiveHq(engine.dialect.name, base, database_url, engine)
        hq = ConsoleHq(base, engine, clock, live, vault)
        yield hq
        hq.close()
        live.close()
    app_engine.dispose()
    engine.dispose()


@pytest.fixture(scope="module")
def console_hq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleHq]:
    """A live HQ over a fresh SQLite file, for this module."""
    path = tmp_path_factory.mktemp("console") / "hq.sqlite3"
    yield from _serve(f"sqlite:///{path}", path.parent)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def backend_hq(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[ConsoleHq]:
    """A live HQ for this module, once over SQLite and once over PostgreSQL."""
    folder = tmp_path_factory.mktemp("console")
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_database_url")
        # One database for the session, so one key file too (its data keys need it).
        folder = tmp_path_factory.getbasetemp() / "console-postgres-keys"
        folder.mkdir(exist_ok=True)
    else:
        url = f"sqlite:///{folder / 'hq.sqlite3'}"
    yield from _serve(url, folder)


@pytest.fixture(autouse=True)
def _reset_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    for name in ("console_hq", "backend_hq"):
        if name in request.fixturenames:
            request.getfixturevalue(name).clock.offset = timedelta()


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (REQUIRE_BROWSER=1)")
    print(f"browser tests skipped: {reason}")
    pytest.skip(reason)


def _ensure_chromium() -> None:
    if CHROMIUM.exists():
        return
    # fonts-noto-cjk: Chinese text renders as itself in screenshots, not as boxes.
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        _unavailable(f"{CHROMIUM} is missing; install it with `apt-get install -y chromium`")
    print("installing Debian's chromium for the browser tests (apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    done = subprocess.run("apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk",
                          shell=True,
                          env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not CHROMIUM.exists():
        _unavailable(f"apt-get could not install chromium: {done.stderr.strip()[-300:]}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (never `playwright install`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (pip install -e '.[test]')")
    _ensure_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (own cookies) and page; console errors are collected
    in `page.console_errors` so a test can prove the CSP was never violated."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: errors.append(message.text)
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.console_errors = errors
    yield tab
    context.close()


def browser_login(page: Any, hq: ConsoleHq, login: StaffLogin, target: str = "/console/") -> None:
    page.goto(f"{hq.base_url}{target}")
    page.fill("input[name=number]", login.number)
    page.fill("input[name=password]", login.password)
    page.fill("input[name=code]", login.code(hq.clock()))
    page.click("button[type=submit]")
    page.wait_for_load_state()


@dataclass
class BranchPc:
    """A branch counter PC: a real desktop profile enrolled at the live HQ, syncing with
    the desktop's own sync engine (desktop.sync.engine.sync_now)."""

    hq: ConsoleHq
    branch_code: str
    folder: Path
    stores: list[Any] = field(default_factory=list)

    def __post_init__(self) -> None:
        from desktop.profile import open_profile
        from desktop.sync.enrollment import enroll

        store = open_profile(self.folder)
        self.stores.append(store)
        enroll(store, self.hq.base_url, self.hq.live.enrollment_code(self.branch_code),
               device_name="柜台一号机")
        self.store = store

    def record_escalated_complaint(self) -> tuple[str, str]:
        """A teller records a complaint, a supervisor escalates it to HQ, the PC syncs.
        Returns (complaint id, reference)."""
        from desktop.domain.model import Role
        from desktop.services.complaints import escalate, record_complaint
        from desktop.services.context import Actor
        from tests.services.intakes import sample_intake

        ctx = self.context()
        recorded = record_complaint(ctx, Actor("T001", Role.TELLER, "李娜"), sample_intake())
        escalate(ctx, Actor("S001", Role.SUPERVISOR, "张敏"), recorded.complaint_id,
                 "客户不接受网点处理意见，上报总行")
        self.sync()
        return recorded.complaint_id, recorded.reference

    def context(self) -> Any:
        from desktop.services.context import load_context
        from tests.conftest import SettableClock

        return load_context(self.store, clock=SettableClock(datetime.now(UTC)))

    def sync(self) -> Any:
        from desktop.sync.client import HqClient
        from desktop.sync.engine import sync_now
        from desktop.sync.enrollment import device_token, hq_url

        ctx = self.context()
        with HqClient(hq_url(self.store), device_token(self.store), timeout=10.0) as client:
            return sync_now(ctx, client)

    def close(self) -> None:
        for store in self.stores:
            store.close()


@pytest.fixture
def branch_pc(console_hq: ConsoleHq, tmp_path: Path) -> Iterator[BranchPc]:
    pc = BranchPc(console_hq, console_hq.live.new_branch("示范银行测试支行"), tmp_path / "pc1")
    yield pc
    pc.close()


SCREENSHOTS_ENV = "CONSOLE_SCREENSHOTS"


def screenshot(page: Any, name: str) -> None:
    """With CONSOLE_SCREENSHOTS=DIR set, save the page as DIR/console-NAME.png (how the
    README's console pictures are made: `CONSOLE_SCREENSHOTS=docs/screenshots pytest
    tests/console -k browser`). Without it, nothing."""
    folder = os.environ.get(SCREENSHOTS_ENV)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"console-{name}.png"), full_page=True)
