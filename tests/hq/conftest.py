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
from desktop.domain.reference import MAX_SEQUENCE, make_reference
from desktop.sync.wire import API_PREFIX, EnrollResponse, EventWire, PushRequest
from hq import admin, enrollment
from hq.app import create_app
from hq.db import make_engine, migrate
from hq.vault import FileKeyStore, Vault

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BUSINESS_DATE = date(2026, 3, 16)
# The identity of the test customer: tests search HQ's database files for these.
CUSTOMER_NAME = "欧阳娜娜"
CUSTOMER_ID_NUMBER = "11010519491231002X"
CUSTOMER_PHONE = "+8613912345678"
CUSTOMER_ADDRESS = "北京市朝阳区建国路88号"


UNLIMITED = 10**9


def _now() -> datetime:
    return datetime.now(UTC)


def sample_customer(n: int = 1) -> dict[str, Any]:
    """A customer as the branch stores them: identity HQ must keep encrypted."""
    return {"id": uuid.uuid4().hex, "kind": "individual", "name": CUSTOMER_NAME,
            "id_type": "resident_id", "id_number": CUSTOMER_ID_NUMBER, "phone": CUSTOMER_PHONE,
            "address": CUSTOMER_ADDRESS, "credit_code": "", "contact_person": ""}


def received_payload(reference: str, *, customer: dict[str, Any] | None = None) -> dict[str, Any]:
    """A `received` payload of the shape desktop.services.complaints writes."""
    return {
        "reference": reference, "channel": "counter", "business_channel": "",
        "business_type": "card", "cause": "fees", "product": "借记卡", "amount": "120.00",
        "description": "客户反映手续费重复扣收。", "request": "退还手续费。",
        "incident_date": "2026-03-15", "extra_fields": {}, "contact_channel": "phone",
        "contact_time": "", "complained_about": "", "agent": None, "consent": True,
        "resolved_on_spot": False, "customer": customer or sample_customer(),
        "received_at": "2026-03-16T09:00:00+08:00", "decision_due": "2026-04-01T17:00:00+08:00",
        "policy_id": "cn_cbirc_2020",
    }


DEFAULT_PAYLOADS: dict[EventKind, dict[str, Any]] = {
    EventKind.ACKNOWLEDGED: {}, EventKind.CLOSED: {},
    EventKind.ASSIGNED: {"assignee": "T002"},
    EventKind.ESCALATED: {"level": 1, "reason": "客户不接受网点处理意见"},
    EventKind.RESOLVED: {"outcome": "upheld", "findings": "属实", "verification": "调阅凭证",
                         "remedy": "退费", "compensation": "20.00"},
    EventKind.HQ_DECISION: {"outcome": "upheld", "findings": "属实"},
    EventKind.WITHDRAWN: {"reason": "客户撤回"},
}


@dataclass
class DeviceChain:
    """Writes events the way a branch device does: each linked to the previous one, each
    `received` event a new complaint with a reference this device hands out."""

    device_id: str
    branch_code: str
    head: str = GENESIS
    counter: int = 0
    written: list[EventWire] = field(default_factory=list)
    sequence: int = 0
    last_complaint: str = ""

    @property
    def device_number(self) -> int:
        return int(self.device_id.rsplit("-", 1)[-1])

    def next_reference(self, business_date: date = BUSINESS_DATE) -> str:
        self.sequence += 1
        day = business_date + timedelta(days=(self.sequence - 1) // MAX_SEQUENCE)
        return make_reference(self.branch_code, self.device_number, day,
                              (self.sequence - 1) % MAX_SEQUENCE + 1)

    def event(self, kind: EventKind = EventKind.RECEIVED, *, complaint_id: str | None = None,
              payload: dict[str, Any] | None = None, business_date: date = BUSINESS_DATE,
              actor_role: Role = Role.TELLER, actor: str = "T001") -> EventWire:
        self.counter += 1
        if complaint_id is None:
            complaint_id = (uuid.uuid4().hex if kind is EventKind.RECEIVED
                            else self.last_complaint or "c-1")
        if payload is None:
            if kind is EventKind.RECEIVED:
                payload = received_payload(self.next_reference(business_date))
            elif kind is EventKind.NOTE:
                payload = {"text": f"note {self.counter}"}
            else:
                payload = dict(DEFAULT_PAYLOADS.get(kind, {}))
        if kind is EventKind.RECEIVED:
            self.last_complaint = complaint_id
        occurred = datetime(2026, 3, 16, 9, 0, tzinfo=UTC) + timedelta(seconds=self.counter)
        draft = Event(
            id=uuid.uuid4().hex, complaint_id=complaint_id, kind=kind, payload=payload,
            actor=actor, actor_role=actor_role, device_id=self.device_id,
            branch_code=self.branch_code,
            hlc=f"{int(occurred.timestamp() * 1000):015d}.{0:05d}", occurred_at=occurred,
            business_date=business_date, prev_hash=self.head,
        )
        return self.sign(draft)

    def sign(self, draft: Event) -> EventWire:
        """Hash `draft` (linked to whatever prev_hash it names) and make it the chain head."""
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


def make_vault(folder: Path) -> Vault:
    """A vault over a key file in `folder` (made on first use), as `serve` keeps one."""
    return Vault(FileKeyStore(folder / "hq-keys.json"))


@dataclass
class LiveHq:
    backend: str
    base_url: str
    database_url: str
    engine: Engine
    vault: Vault | None = None
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

    def __init__(self, app: Any, **options: Any) -> None:
        """`options` go to uvicorn.Config as they are (TLS files, for one)."""
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off", **options)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run,
                                       kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> _ThreadedServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
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
def hq_server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveHq]:
    engine = make_engine(database_url)
    app_engine = make_engine(database_url)
    backend = engine.dialect.name
    vault = make_vault(tmp_path_factory.mktemp("hq-keys"))
    # Tests of refusals send many bad codes and tokens from one address: the shared
    # server does not rate-limit them (tests/hq/test_limits.py runs its own that does).
    app = create_app(app_engine, vault, enroll_failures=UNLIMITED, bad_tokens=UNLIMITED)
    with _ThreadedServer(app) as server:
        live = LiveHq(backend, f"http://127.0.0.1:{server.port}", database_url, engine, vault)
        yield live
        live.close()
    app_engine.dispose()
    engine.dispose()


@pytest.fixture
def live_hq(hq_server: LiveHq) -> Iterator[LiveHq]:
    yield hq_server
    hq_server.close()
