"""Branch devices against a real HQ server on a loopback port (no mocked HTTP)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import httpx
import pytest

from desktop.domain.chain import digest
from desktop.profile import open_profile
from desktop.services.context import ServiceContext, load_context
from desktop.store.models import EventRow
from desktop.sync.client import HqClient, RetryPolicy
from desktop.sync.enrollment import device_token, enroll, hq_url
from hq.app import create_app
from hq.db import make_engine, migrate
from tests.conftest import SettableClock
from tests.hq.conftest import (  # noqa: F401
    LiveHq,
    _ThreadedServer,
    make_vault,
    postgres_database_url,
)

FAST_RETRY = RetryPolicy(attempts=8, base_delay=0.05, max_delay=0.5)


@pytest.fixture
def sqlite_hq(tmp_path: Path) -> Iterator[LiveHq]:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    yield from _serve(url, tmp_path)


def _serve(url: str, keys_folder: Path) -> Iterator[LiveHq]:
    engine = make_engine(url)
    migrate(engine)
    app_engine = make_engine(url)
    vault = make_vault(keys_folder)
    with _ThreadedServer(create_app(app_engine, vault)) as server:
        live = LiveHq(engine.dialect.name, f"http://127.0.0.1:{server.port}", url, engine, vault)
        yield live
        live.close()
    app_engine.dispose()
    engine.dispose()


@pytest.fixture
def postgres_hq(postgres_database_url: str, tmp_path: Path) -> Iterator[LiveHq]:  # noqa: F811
    yield from _serve(postgres_database_url, tmp_path)


@dataclass
class Branch:
    """One branch with devices enrolled at a live HQ."""

    hq: LiveHq
    code: str
    root: Path
    devices: list[ServiceContext]

    def device(self, name: str, clock: SettableClock | None = None) -> ServiceContext:
        store = open_profile(self.root / name)
        enroll(store, self.hq.base_url, self.hq.enrollment_code(self.code), device_name=name)
        ctx = load_context(store, clock=clock or SettableClock())
        self.devices.append(ctx)
        return ctx


def client_for(ctx: ServiceContext, url: str | None = None, **options: object) -> HqClient:
    opts: dict[str, object] = {"retry": FAST_RETRY, "timeout": 10.0, **options}
    return HqClient(url or hq_url(ctx.store), device_token(ctx.store), **opts)  # type: ignore[arg-type]


def local_ids(ctx: ServiceContext, day: date | None = None) -> list[str]:
    with ctx.store.read() as s:
        q = s.query(EventRow.id)
        if day is not None:
            q = q.filter(EventRow.business_date == day)
        return [r[0] for r in q]


def assert_agree(ctx: ServiceContext, day: date) -> None:
    """HQ's digest of the day equals this device's, and no event is doubled here."""
    ids = local_ids(ctx, day)
    assert len(ids) == len(set(ids))
    with client_for(ctx) as client:
        theirs = client.digest(day)
    assert (theirs.count, theirs.hash) == digest(ids)


@pytest.fixture
def make_branch(tmp_path: Path) -> Callable[[LiveHq], Branch]:
    branches: list[Branch] = []

    def make(hq: LiveHq) -> Branch:
        b = Branch(hq, hq.new_branch("示范支行"), tmp_path / f"branch{len(branches)}", [])
        branches.append(b)
        return b

    yield make  # type: ignore[misc]
    for b in branches:
        for ctx in b.devices:
            ctx.store.close()


HQ_CLI = str(Path(sys.executable).parent / "complaint-desk-hq")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class HqProcess:
    """`complaint-desk-hq serve` in its own process, as in production."""

    def __init__(self, database_url: str, port: int) -> None:
        self.database_url, self.port = database_url, port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [HQ_CLI, "serve", "--database", self.database_url, "--host", "127.0.0.1",
             "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("HQ did not start")

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None


@pytest.fixture
def hq_process(tmp_path: Path) -> Iterator[tuple[HqProcess, LiveHq]]:
    url = f"sqlite:///{tmp_path / 'hq.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    proc = HqProcess(url, free_port())
    proc.start()
    yield proc, LiveHq(engine.dialect.name, f"http://127.0.0.1:{proc.port}", url, engine)
    proc.kill()
    engine.dispose()

