"""Benchmarks of the HQ sync service on PostgreSQL over loopback (docs/ARCHITECTURE.md §5).

  push       one device pushes 10,000 events (batches of 2,000, gzip)    target ≤ 1 s
  pull       one device pulls 10,000 changes (pages of 5,000)            target ≤ 1 s
  branches   500 branches sync at once: push 200 events, pull, digest    target ≤ 60 s, no errors
  gzip       a body of 200,000 empty gzip members is refused              target ≤ 250 ms
  page       one pull page over 5 MB of events (cut at 4 MiB)             target ≤ 1 s

Push and pull are each measured alternately with the peer (A B A B): PouchDB 9 replicating
the same events to express-pouchdb over loopback with batches of 1,000 (bench/pouchdb_peer.py,
bench/peers/); the rows carry its median as `floor_ms` and our median ÷ its as `ratio`
(issue 16: push ≥ 4× faster, pull ≥ 8×). Without Node the peer is skipped and says why.

Every push goes through all of HQ's checks (payload models, ownership, references, chain)
and encrypts the identity members of each new case (hq.vault).

The server runs as `complaint-desk-hq serve` with several uvicorn workers against a
fresh PostgreSQL database (dropped afterwards); without PostgreSQL the rows are
measured on SQLite and say so in their names. Client-side work (building, hashing and
encoding events) happens before the clock starts.

`run(quick=True)` uses small numbers to check that the benchmark itself works.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.pouchdb_peer import PeerUnavailable, PouchDBPeer
from bench.timing import row, skipped
from desktop.domain.chain import GENESIS, event_hash
from desktop.domain.model import Event, EventKind, Role
from desktop.domain.reference import make_reference
from desktop.sync.wire import API_PREFIX, MAX_EVENTS_PER_BATCH, EventWire, PushRequest

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BUSINESS_DATE = date(2026, 3, 16)
PULL_PAGE = 5000


@dataclasses.dataclass
class Scale:
    push_events: int
    repeats: int
    branches: int
    events_per_branch: int
    branch_runs: int
    workers: int


FULL = Scale(push_events=10_000, repeats=5, branches=500, events_per_branch=200,
             branch_runs=1, workers=2)
QUICK = Scale(push_events=1_000, repeats=2, branches=20, events_per_branch=20,
              branch_runs=1, workers=2)


def _received(reference: str) -> dict[str, Any]:
    """A `received` payload as the branch writes it, identity included (HQ encrypts it)."""
    return {
        "reference": reference, "channel": "counter", "business_channel": "",
        "business_type": "card", "cause": "fees", "product": "借记卡", "amount": "120.00",
        "description": "客户反映手续费重复扣收，要求退还。", "request": "退还手续费。",
        "incident_date": "2026-03-15", "extra_fields": {}, "contact_channel": "phone",
        "contact_time": "", "complained_about": "", "agent": None, "consent": True,
        "resolved_on_spot": False,
        "customer": {"id": uuid.uuid4().hex, "kind": "individual", "name": "王小明",
                     "id_type": "resident_id", "id_number": "11010519491231002X",
                     "phone": "+8613912345678", "address": "北京市朝阳区建国路88号",
                     "credit_code": "", "contact_person": ""},
        "received_at": "2026-03-16T09:00:00+08:00", "decision_due": "2026-04-01T17:00:00+08:00",
        "policy_id": "cn_cbirc_2020",
    }


def _events(device_id: str, branch_code: str, count: int) -> list[EventWire]:
    """`count` chained events of one device, as its outbox would hold them: every tenth
    a new case (a valid reference of this device), the others notes on it."""
    head = GENESIS
    start = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
    out: list[EventWire] = []
    complaint = uuid.uuid4().hex
    device_number = int(device_id.rsplit("-", 1)[-1])
    for i in range(count):
        if i % 10 == 0:
            complaint = uuid.uuid4().hex
        occurred = start + timedelta(milliseconds=i)
        sequence = i // 10
        reference = make_reference(branch_code, device_number,
                                   BUSINESS_DATE + timedelta(days=sequence // 9999),
                                   sequence % 9999 + 1)
        draft = Event(
            id=uuid.uuid4().hex, complaint_id=complaint,
            kind=EventKind.RECEIVED if i % 10 == 0 else EventKind.NOTE,
            payload=_received(reference) if i % 10 == 0 else {"text": "已联系客户，说明处理进度。"},
            actor="T001", actor_role=Role.TELLER, device_id=device_id, branch_code=branch_code,
            hlc=f"{int(occurred.timestamp() * 1000):015d}.00000", occurred_at=occurred,
            business_date=BUSINESS_DATE, prev_hash=head,
        )
        signed = dataclasses.replace(draft, hash=event_hash(draft))
        head = signed.hash
        out.append(EventWire.from_event(signed))
    return out


def _gzip_batches(events: list[EventWire], size: int = MAX_EVENTS_PER_BATCH) -> list[bytes]:
    return [
        gzip.compress(PushRequest(batch_key=uuid.uuid4().hex, events=events[i:i + size])
                      .model_dump_json().encode(), compresslevel=5)
        for i in range(0, len(events), size)
    ]


PUSH_HEADERS = {"Content-Type": "application/json", "Content-Encoding": "gzip"}


@contextmanager
def _database() -> Iterator[tuple[str, str]]:
    """A fresh PostgreSQL database (or a SQLite file when PostgreSQL is not there)."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except Exception:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.sqlite3", "sqlite"
        return
    name = f"hq_bench_{uuid.uuid4().hex[:12]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}", "postgresql"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def _server(database_url: str, workers: int) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "COMPLAINT_DESK_HQ_POOL": "8", "PYTHONPATH": str(ROOT)}
    log = tempfile.TemporaryFile()
    keys = tempfile.TemporaryDirectory()
    process = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--database", database_url,
         "--keys", f"file:{keys.name}/keys.json", "--port", str(port), "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}{API_PREFIX}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("the HQ server did not start: "
                                   + log.read().decode(errors="replace")[-500:])
            time.sleep(0.1)
        time.sleep(0.5 * workers)  # let every worker come up
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.seek(0)
        errors = [line for line in log.read().decode(errors="replace").splitlines()
                  if "ERROR" in line or "Error" in line]
        for line in errors[-10:]:
            print(f"bench_hq: server: {line}", file=sys.stderr)
        log.close()
        keys.cleanup()


class _Office:
    """The HQ office side of the setup: branches and enrollment codes, straight in the DB."""

    def __init__(self, database_url: str) -> None:
        from hq.db import make_engine

        self.engine = make_engine(database_url)

    def branches(self, count: int) -> list[tuple[str, str]]:
        """`count` new branches, each with one enrollment code."""
        from hq import admin, enrollment

        now = datetime.now(UTC)
        made: list[tuple[str, str]] = []
        with self.engine.begin() as conn:
            for _ in range(count):
                code = "B" + uuid.uuid4().hex[:10].upper()
                admin.add_branch(conn, code, f"Branch {code}", now)
                made.append((code, enrollment.issue_enrollment_code(conn, code, now)))
        return made

    def codes(self, branch: str, count: int) -> list[str]:
        from hq import enrollment

        with self.engine.begin() as conn:
            return [enrollment.issue_enrollment_code(conn, branch, datetime.now(UTC))
                    for _ in range(count)]

    def close(self) -> None:
        self.engine.dispose()


def _enroll(client: httpx.Client, code: str) -> dict[str, Any]:
    answer = client.post(f"{API_PREFIX}/enroll", json={"code": code, "device_name": "bench"})
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


def _row(name: str, target_ms: float, samples_ms: list[float], **extra: Any) -> dict[str, Any]:
    return row(name, target_ms, samples_ms, digits=1, **extra)


def _push_and_pull(base: str, office: _Office, scale: Scale,
                   peer: PouchDBPeer | None) -> tuple[list[float], list[float], list[float],
                                                       list[float]]:
    """Our push and pull, each repeat followed by the peer's (A B A B). Returns
    (push ms, pull ms, peer push ms, peer pull ms); the peer's lists are empty without one."""
    push_ms: list[float] = []
    pull_ms: list[float] = []
    peer_push: list[float] = []
    peer_pull: list[float] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(scale.repeats):
            (branch, code), = office.branches(1)
            writer = _enroll(client, code)
            reader = _enroll(client, office.codes(branch, 1)[0])
            bodies = _gzip_batches(_events(writer["device_id"], branch, scale.push_events))
            auth = {"Authorization": f"Bearer {writer['token']}"}
            started = time.perf_counter()
            for body in bodies:
                answer = client.post(f"{API_PREFIX}/events", content=body,
                                     headers={**PUSH_HEADERS, **auth})
                answer.raise_for_status()
            push_ms.append((time.perf_counter() - started) * 1000)

            auth = {"Authorization": f"Bearer {reader['token']}"}
            started = time.perf_counter()
            cursor, received = 0, 0
            while True:
                page = client.get(f"{API_PREFIX}/changes", headers=auth,
                                  params={"since": cursor, "limit": PULL_PAGE})
                page.raise_for_status()
                body = page.json()
                received += len(body["changes"])
                cursor = body["next_cursor"]
                if not body["more"]:
                    break
            pull_ms.append((time.perf_counter() - started) * 1000)
            if received < scale.push_events:
                raise RuntimeError(f"pulled {received} of {scale.push_events} changes")
            if peer is not None:
                pushed, pulled = peer.run()
                peer_push.append(pushed)
                peer_pull.append(pulled)
    return push_ms, pull_ms, peer_push, peer_pull


async def _branch_sync(client: httpx.AsyncClient, token: str, bodies: list[bytes]) -> int:
    """One branch's sync: push its outbox, pull, ask for the digest. Returns errors seen
    (and says what they were on stderr)."""
    auth = {"Authorization": f"Bearer {token}"}
    answers: list[httpx.Response] = []
    try:
        for body in bodies:
            answers.append(await client.post(f"{API_PREFIX}/events", content=body,
                                             headers={**PUSH_HEADERS, **auth}))
        answers.append(await client.get(f"{API_PREFIX}/changes", headers=auth,
                                        params={"since": 0}))
        answers.append(await client.get(f"{API_PREFIX}/digest/{BUSINESS_DATE.isoformat()}",
                                        headers=auth))
    except httpx.HTTPError as exc:
        print(f"bench_hq: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    failed = [a for a in answers if a.status_code != 200]
    for answer in failed:
        print(f"bench_hq: {answer.request.url.path} {answer.status_code} {answer.text[:200]}",
              file=sys.stderr)
    return len(failed)


async def _all_at_once(base: str, devices: list[dict[str, Any]],
                       outboxes: list[list[bytes]]) -> int:
    limits = httpx.Limits(max_connections=len(devices), max_keepalive_connections=len(devices))
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        results = await asyncio.gather(*(
            _branch_sync(client, d["token"], bodies)
            for d, bodies in zip(devices, outboxes, strict=True)))
    return sum(results)


def _many_branches(base: str, office: _Office, scale: Scale) -> tuple[list[float], int]:
    runs_ms: list[float] = []
    errors = 0
    for _ in range(scale.branch_runs):
        with httpx.Client(base_url=base, timeout=120) as client:
            devices = [_enroll(client, code) for _, code in office.branches(scale.branches)]
        outboxes = [_gzip_batches(_events(d["device_id"], d["branch_code"],
                                          scale.events_per_branch)) for d in devices]

        started = time.perf_counter()
        errors += asyncio.run(_all_at_once(base, devices, outboxes))
        runs_ms.append((time.perf_counter() - started) * 1000)
    return runs_ms, errors


def _attacks(base: str, office: _Office, repeats: int) -> tuple[list[float], list[float], int]:
    """Time to refuse a gzip body of 200,000 empty members, and a pull page over notes of
    ~21 KB each (bounded by bytes, not only by count). Returns (refusal ms, page ms, page bytes)."""
    refuse_ms: list[float] = []
    page_ms: list[float] = []
    page_bytes = 0
    with httpx.Client(base_url=base, timeout=120) as client:
        (branch, code), = office.branches(1)
        writer = _enroll(client, code)
        reader = _enroll(client, office.codes(branch, 1)[0])
        bomb = gzip.compress(b"") * 200_000
        auth = {"Authorization": f"Bearer {writer['token']}"}
        events = _events(writer["device_id"], branch, 1)
        head = events[0].hash
        for i in range(240):  # notes near the text limit, all on the one case
            occurred = datetime(2026, 3, 16, 10, 0, tzinfo=UTC) + timedelta(milliseconds=i)
            draft = Event(id=uuid.uuid4().hex, complaint_id=events[0].complaint_id,
                          kind=EventKind.NOTE, payload={"text": "长" * 7000}, actor="T001",
                          actor_role=Role.TELLER, device_id=writer["device_id"],
                          branch_code=branch, hlc=f"{int(occurred.timestamp() * 1000):015d}.00000",
                          occurred_at=occurred, business_date=BUSINESS_DATE, prev_hash=head)
            signed = dataclasses.replace(draft, hash=event_hash(draft))
            head = signed.hash
            events.append(EventWire.from_event(signed))
        for body in _gzip_batches(events, 80):
            client.post(f"{API_PREFIX}/events", content=body,
                        headers={**PUSH_HEADERS, **auth}).raise_for_status()
        for _ in range(repeats):
            started = time.perf_counter()
            answer = client.post(f"{API_PREFIX}/events", content=bomb,
                                 headers={**PUSH_HEADERS, **auth})
            refuse_ms.append((time.perf_counter() - started) * 1000)
            if answer.status_code != 400:
                raise RuntimeError(f"a gzip body of 200,000 members got {answer.status_code}")
            started = time.perf_counter()
            page = client.get(f"{API_PREFIX}/changes", params={"since": 0, "limit": 5000},
                              headers={"Authorization": f"Bearer {reader['token']}"})
            page.raise_for_status()
            page_ms.append((time.perf_counter() - started) * 1000)
            page_bytes = max(page_bytes, len(page.content))
    return refuse_ms, page_ms, page_bytes


@contextmanager
def _peer(count: int) -> Iterator[PouchDBPeer | str]:
    """The PouchDB peer with `count` events like ours, or the reason it cannot run here."""
    events = [e.model_dump(mode="json") for e in _events("peer-1", "BPEER0001", count)]
    try:
        with PouchDBPeer(events) as peer:
            yield peer
    except PeerUnavailable as exc:
        print(f"bench_hq: PouchDB peer skipped: {exc}", flush=True)
        yield str(exc)


def _vs_peer(name: str, target_ms: float, ours: list[float], peer: list[float],
             target_ratio: float, unavailable: str | None) -> list[dict[str, Any]]:
    if unavailable is not None:
        return [_row(name, target_ms, ours),
                skipped(f"{name} vs. PouchDB 9 (batches of 1,000)", unavailable)]
    return [_row(name, target_ms, ours, floor=peer, target_ratio=target_ratio,
                 floor_name="PouchDB 9 → express-pouchdb, loopback, batches of 1,000")]


def run(quick: bool) -> list[dict[str, Any]]:
    """Measure push, pull and many branches at once; one row per measurement."""
    scale = QUICK if quick else FULL
    with _database() as (url, backend), _server(url, scale.workers) as base, \
            _peer(scale.push_events) as peer:
        suffix = "" if backend == "postgresql" else " [sqlite: PostgreSQL unreachable]"
        office = _Office(url)
        unavailable = peer if isinstance(peer, str) else None
        try:
            push_ms, pull_ms, peer_push, peer_pull = _push_and_pull(
                base, office, scale, None if isinstance(peer, str) else peer)
            branch_ms, errors = _many_branches(base, office, scale)
            refuse_ms, page_ms, page_bytes = _attacks(base, office, scale.repeats)
        finally:
            office.close()
    return [
        # issue 16: push at least 4× faster than PouchDB, pull at least 8×
        *_vs_peer(f"hq push {scale.push_events} events{suffix}", 1000, push_ms, peer_push,
                  0.25, unavailable),
        *_vs_peer(f"hq pull {scale.push_events} changes{suffix}", 1000, pull_ms, peer_pull,
                  0.125, unavailable),
        _row(f"hq {scale.branches} branches sync at once, {scale.events_per_branch} events "
             f"each{suffix}", 60000, branch_ms, errors=errors),
        _row(f"hq refuses a gzip body of 200,000 empty members{suffix}", 250, refuse_ms),
        _row(f"hq pull page over 5 MB of events, bounded by bytes{suffix}", 1000, page_ms,
             page_mb=round(page_bytes / 2**20, 2)),
    ]


if __name__ == "__main__":
    for r in run(quick="--quick" in sys.argv):
        print(r)
