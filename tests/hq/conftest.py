"""Live HQ servers for the HQ tests: the real app under uvicorn on a free loopback
port, once over a SQLite file and once over a fresh PostgreSQL database (skipped
with the reason when PostgreSQL is unreachable, unless REQUIRE_POSTGRES=1).

Tests share one server per backend and keep apart by working in branches of their
own (`live_hq.new_branch()`), as real branches do on one HQ.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn
from sqlalchemy import Engine

from desktop.domain.chain import GENESIS, event_hash
from desktop.domain.model import Event, EventKind, Role
from desktop.sync.wire import API_PREFIX, EnrollResponse, EventWire, PushRequest
from hq import admin, enrollment
from hq.app import create_app
from hq.db import make_engine, migrate

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BUSINESS_DATE = date(2026, 3, 16)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class DeviceChain:
    """Writes events the way a branch device does: each linked to the previous one."""

    device_id: str
    branch_code: str
    head: str = GENESIS
    counter: int = 0
    written: list[EventWire] = field(default_factory=list)

    def event(self, kind: EventKind = EventKind.NOTE, *, complaint_id: str = "c-1",
              payload: dict[str, Any] | None = None, business_date: date = BUSINESS_DATE,
              actor_role: Role = Role.TELLER) -> EventWire:
        self.counter += 1
        occurred = datetime(2026, 3, 16, 9, 0, tzinfo=UTC) + timedelta(seconds=self.counter)
        draft = Event(
            id=uuid.uuid4().hex, complaint_id=complaint_id, kind=kind,
            payload=payload if payload is not None else {"text": f"note {self.counter}"},
            actor="T001", actor_role=actor_role, device_id=self.device_id,
            branch_code=self.branch_code,
            hlc=f"{int(occurred.timestamp() * 1000):015d}.{0:05d}", occurred_at=occurred,
            business_date=business_date, prev_hash=self.head,
        )
        signed = dataclasses.replace(draft, hash=event_hash(draft))
        self.head = signed.hash
        wire = EventWire.from_event(signed)
        self.written.append(wire)
        return wire

    def events(self, count: int, **kwargs: Any) -> list[EventWire]:
        return [self.event(**kwargs) for _ in range(count)]


def push_body(events: list[EventWire], batch_key: str | None = None) -> bytes:
    batch = PushRequest(batch_key=batch_key or uuid.uuid4().hex, events=events)
    return batch.model_dump_json().encode()


@dataclass
class EnrolledDevice:
    info: EnrollResponse
    client: httpx.Client
    chain: DeviceChain

    def push(self, events: list[EventWire], batch_key: str | None = None) -> httpx.Response:
        return self.client.post(f"{API_PREFIX}/events", content=push_body(events, batch_key),
                                headers={"Content-Type": "application/json"})

    def pull_all(self, since: int = 0, limit: int = 500) -> tuple[list[dict[str, Any]], int]:
        changes: list[dict[str, Any]] = []
        cursor = since
        while True:
            page = self.client.get(f"{API_PREFIX}/changes",
                                   params={"since": cursor, "limit": limit})
            assert page.status_code == 200, page.text
            body = page.json()
            changes.extend(body["changes"])
            cursor = body["next_cursor"]
            if not body["more"]:
                return changes, cursor


@dataclass
class LiveHq:
    backend: str
    base_url: str
    database_url: str
    engine: Engine
    clients: list[httpx.Client] = field(default_factory=list)

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        client = httpx.Client(base_url=self.base_url, headers=headers, timeout=30)
        self.clients.append(client)
        return client

    def new_branch(self, name: str = "Test branch") -> str:
        code = "B" + uuid.uuid4().hex[:10].upper()
        with self.engine.begin() as conn:
            admin.add_branch(conn, code, name, _now())
        return code

    def enrollment_code(self, branch_code: str, validity: timedelta = timedelta(hours=1)) -> str:
        with self.engine.begin() as conn:
            return enrollment.issue_enrollment_code(conn, branch_code, _now(), validity)

    def enroll(self, branch_code: str | None = None, name: str = "Counter PC") -> EnrolledDevice:
        branch_code = branch_code or self.new_branch()
        code = self.enrollment_code(branch_code)
        answer = self.client().post(f"{API_PREFIX}/enroll",
                                    json={"code": code, "device_name": name,
                                          "enrollment_nonce": uuid.uuid4().hex})
        assert answer.status_code == 200, answer.text
        info = EnrollResponse.model_validate_json(answer.content)
        return EnrolledDevice(info, self.client(info.token),
                              DeviceChain(info.device_id, info.branch_code))

    def close(self) -> None:
        for client in self.clients:
            client.close()
        self.clients.clear()


class _ThreadedServer:
    """uvicorn serving `app` on an already bound loopback socket, in a thread."""

    def __init__(self, app: Any) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> _ThreadedServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the HQ test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.socket.close()


@pytest.fixture(scope="session")
def postgres_database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    try:
        admin_conn = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        reason = f"PostgreSQL ({POSTGRES_ADMIN_URL}) is unreachable: {str(exc).strip()[:200]}"
        if os.environ.get("REQUIRE_POSTGRES") == "1":
            pytest.fail(reason + " (REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    name = f"hq_test_{uuid.uuid4().hex[:12]}"
    with admin_conn:
        admin_conn.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        finally:
            admin_conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("hq") / "hq.sqlite3"
    return f"sqlite:///{path}"


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a migrated HQ database, once per backend."""
    url: str = request.getfixturevalue(f"{request.param}_database_url")
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def hq_server(database_url: str) -> Iterator[LiveHq]:
    engine = make_engine(database_url)
    app_engine = make_engine(database_url)
    backend = engine.dialect.name
    with _ThreadedServer(create_app(app_engine)) as server:
        live = LiveHq(backend, f"http://127.0.0.1:{server.port}", database_url, engine)
        yield live
        live.close()
    app_engine.dispose()
    engine.dispose()


@pytest.fixture
def live_hq(hq_server: LiveHq) -> Iterator[LiveHq]:
    yield hq_server
    hq_server.close()
