"""Benchmarks of the HQ office console on PostgreSQL (issue 14's targets).

  dashboard   GET /console/ (figures by branch and in total, 30-day trend)   ≤ 300 ms p95
  search      GET /console/complaints by reference, ID number, phone, branch,
              overdue, and the unfiltered newest-first list                   ≤ 100 ms p95 each
  case        GET /console/complaints/REF (row, timeline, masked identity)   ≤ 100 ms p95

over 500 branches, 2,000,000 complaints and 10,000,000 events (quick: 20 branches, 20,000
complaints, 100,000 events). The data is written with COPY once and cached in database
`bench_hq` (`bench_hq_quick`) with a version marker, and its key file under
bench/.cache/ (the identity of each `received` event is encrypted under it, as HQ does):
later runs only migrate it to the newest schema. Drop the database (or change
DATA_VERSION) to make it again. The server is `complaint-desk-hq serve`, one worker; each
page is fetched over loopback by a signed-in HQ officer, after a warm-up.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
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

from bench.data import cache_folder
from bench.timing import row

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DATA_VERSION = "console-1"
PASSWORD = "bench-console-password-1"
BUSINESS = ("B0101", "B0301", "B0302", "B0402", "B0201", "B0404")
CAUSES = ("R0101", "R0102", "R0501", "R0901", "R0103", "R0303")
DAYS = 1095  # three years of complaints, the newest received on the day the data was made


@dataclasses.dataclass(frozen=True)
class Scale:
    database: str
    branches: int
    complaints: int
    repeats: int

    @property
    def events(self) -> int:
        return self.complaints * EVENTS_PER_COMPLAINT


EVENTS_PER_COMPLAINT = 5
FULL = Scale("bench_hq", branches=500, complaints=2_000_000, repeats=40)
QUICK = Scale("bench_hq_quick", branches=20, complaints=20_000, repeats=8)


def _url(scale: Scale) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{scale.database}"


def _keys_path(scale: Scale) -> Path:
    return cache_folder() / scale.database / "keys.json"


# --- the synthetic data -------------------------------------------------------------

def branch_code(b: int) -> str:
    return f"BR{b + 1:03d}"


def id_number(n: int) -> str:
    """A synthetic 18-character ID number (customer n; about 1.4 complaints each)."""
    return f"110105{19500101 + n % 500000:08d}{n % 10000:04d}"[:18]


def phone(n: int) -> str:
    return f"139{n:08d}"


def customer_of(i: int) -> int:
    return (i * 7) % 1_400_000


@dataclasses.dataclass(frozen=True)
class Case:
    index: int
    branch: str
    reference: str
    received_at: datetime
    status: str


def case(i: int, scale: Scale, today: date) -> Case:
    from desktop.domain.reference import make_reference

    b = i % scale.branches
    nth = i // scale.branches
    day = today - timedelta(days=DAYS - 1 - (i * DAYS) // scale.complaints)
    received = datetime(day.year, day.month, day.day, 1, tzinfo=UTC) + timedelta(
        seconds=(i * 37) % 28_800)
    age = (today - day).days
    if age > 40:
        r = i % 100
        status = "withdrawn" if r < 2 else "resolved" if r < 5 else "closed"
    else:
        status = ("received", "received", "acknowledged", "acknowledged", "in_progress",
                  "in_progress", "in_progress", "escalated", "resolved", "closed")[i % 10]
    reference = make_reference(branch_code(b), nth // 9999 % 99 + 1, day, nth % 9999 + 1)
    return Case(i, branch_code(b), reference, received, status)


def _kinds(status: str) -> tuple[str, ...]:
    tail = {"closed": ("resolved", "closed"), "withdrawn": ("note", "withdrawn"),
            "resolved": ("note", "resolved"), "escalated": ("note", "escalated")}
    return ("received", "acknowledged", "note", *tail.get(status, ("note", "note")))


def _ts(moment: datetime) -> str:
    return moment.isoformat()


def _generate(scale: Scale) -> None:
    """Make the database afresh and fill it with COPY (indexes built afterwards)."""
    import psycopg

    from desktop.domain.chain import canonical_json
    from hq import tables
    from hq.db import make_engine, migrate
    from hq.vault import FileKeyStore, Vault

    started = time.perf_counter()
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{scale.database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{scale.database}"')
    keys_path = _keys_path(scale)
    keys_path.unlink(missing_ok=True)
    vault = Vault(FileKeyStore(keys_path))
    engine = make_engine(_url(scale))
    migrate(engine)
    now = datetime.now(UTC)
    today = now.date()
    with engine.begin() as conn:
        key_id, aead = vault.new_data_key(conn, now)
    engine.dispose()
    indexed = [tables.complaints, tables.events]
    with psycopg.connect(_url(scale).replace("+psycopg", "")) as pg:
        pg.execute("SET maintenance_work_mem = '512MB'")
        for table in indexed:
            for index in table.indexes:
                pg.execute(f'DROP INDEX "{index.name}"')
        with pg.cursor().copy("COPY branches (code, name, created_at) FROM STDIN") as copy:
            for b in range(scale.branches):
                copy.write(f"{branch_code(b)}\t示范银行第{b + 1}支行\t{_ts(now)}\n")
        with pg.cursor().copy("COPY devices (id, branch_code, number, name, token_hash, "
                              "enrolled_at, token_issued_at) FROM STDIN") as copy:
            for b in range(scale.branches):
                copy.write(f"dev-{branch_code(b)}\t{branch_code(b)}\t1\t柜台一号机\t"
                           f"{uuid.uuid4().hex * 2}\t{_ts(now)}\t{_ts(now)}\n")
        complaint_columns = [c.name for c in tables.complaints.c]
        event_columns = [c.name for c in tables.events.c]
        for what in ("complaints", "events"):
            columns = complaint_columns if what == "complaints" else event_columns
            with pg.cursor().copy(f"COPY {what} ({', '.join(columns)}) FROM STDIN") as copy:
                buffer: list[str] = []
                for i in range(scale.complaints):
                    c = case(i, scale, today)
                    if what == "complaints":
                        buffer.append(_complaint_line(c, vault, complaint_columns))
                    else:
                        buffer.extend(_event_lines(c, scale, key_id, aead, vault,
                                                   canonical_json))
                    if len(buffer) >= 20_000:
                        copy.write("".join(buffer))
                        buffer.clear()
                copy.write("".join(buffer))
            print(f"   bench_console: {what} written after "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
        pg.execute("SELECT setval('change_seq', %s)", (scale.events + 1,))
        for table in indexed:
            for index in table.indexes:
                columns = ", ".join(f'"{c.name}"' for c in index.columns)
                where = index.dialect_options["postgresql"].get("where")
                include = index.dialect_options["postgresql"].get("include") or []
                tail = (f" INCLUDE ({', '.join(include)})" if include else "") + \
                    (f" WHERE {where}" if where is not None else "")
                unique = "UNIQUE " if index.unique else ""
                pg.execute(f'CREATE {unique}INDEX "{index.name}" ON {table.name} ({columns})'
                           f"{tail}")
        pg.execute("CREATE TABLE bench_marker (version text, complaints bigint, events bigint,"
                   " made_on date)")
        pg.execute("INSERT INTO bench_marker VALUES (%s, %s, %s, %s)",
                   (DATA_VERSION, scale.complaints, scale.events, today))
        pg.commit()
    with psycopg.connect(_url(scale).replace("+psycopg", ""), autocommit=True) as pg:
        pg.execute("VACUUM (ANALYZE) complaints")
        pg.execute("VACUUM (ANALYZE) events")
    print(f"   bench_console: data made in {time.perf_counter() - started:.0f} s", flush=True)


def _complaint_line(c: Case, vault: Any, columns: list[str]) -> str:
    n = customer_of(c.index)
    due = c.received_at + timedelta(days=15)
    closed = c.status in ("closed", "withdrawn", "resolved")
    end = _ts(c.received_at + timedelta(days=5)) if closed else None
    values: dict[str, Any] = {
        "id": f"{c.index:032x}", "branch_code": c.branch, "owner_device_id": f"dev-{c.branch}",
        "reference": c.reference, "status": c.status, "channel": "counter",
        "business_channel": "C01", "business_type": BUSINESS[c.index % len(BUSINESS)],
        "cause": CAUSES[(c.index // 7) % len(CAUSES)], "product": "借记卡", "amount": "120.00",
        "received_at": _ts(c.received_at), "received_date": c.received_at.date().isoformat(),
        "decision_due": _ts(due), "received_by": "T001", "assignee": "S001",
        "escalation_level": 1 if c.status == "escalated" else 0, "extensions": 0,
        "outcome": "upheld" if c.status in ("closed", "resolved") else None,
        "compensation": None, "satisfaction": None,
        "resolved_at": end if c.status in ("closed", "resolved") else None,
        "closed_at": end if c.status == "closed" else None,
        "withdrawn_at": end if c.status == "withdrawn" else None,
        "needs_review": "f", "review_reasons": "",
        "customer_key": vault.lookup_key(id_number(n)), "phone_key": vault.phone_key(phone(n)),
        "event_count": EVENTS_PER_COMPLAINT,
        "updated_at": _ts(c.received_at + timedelta(days=5)),
        "last_seq": c.index * EVENTS_PER_COMPLAINT + EVENTS_PER_COMPLAINT,
        "repeat_of": None, "root_cause": "", "open_actions": 0, "next_action_due": None,
    }
    return "\t".join("\\N" if values[k] is None else str(values[k]) for k in columns) + "\n"


def _event_lines(c: Case, scale: Scale, key_id: int, aead: Any, vault: Any,
                 canonical_json: Any) -> list[str]:
    lines = []
    prev = "0" * 64
    complaint_id = f"{c.index:032x}"
    for k, kind in enumerate(_kinds(c.status)):
        event_id = f"{c.index:030x}e{k}"
        at = c.received_at + timedelta(hours=k * 20)
        payload: dict[str, Any]
        if kind == "received":
            payload = {"reference": c.reference, "channel": "counter", "business_channel": "C01",
                       "business_type": BUSINESS[c.index % len(BUSINESS)],
                       "cause": CAUSES[(c.index // 7) % len(CAUSES)], "product": "借记卡",
                       "amount": "120.00", "description": "客户反映手续费重复扣收，要求退还。",
                       "request": "退还手续费。", "consent": True}
        elif kind in ("note", "escalated", "withdrawn"):
            payload = {"text": "已联系客户说明处理进度。"} if kind == "note" else {"reason": "客户要求"}
        elif kind == "resolved":
            payload = {"outcome": "upheld", "findings": "重复扣费属实。", "remedy": "退还手续费。"}
        else:
            payload = {}
        hlc = f"{int(at.timestamp() * 1000):015d}.{k:05d}"
        body = canonical_json({
            "id": event_id, "complaint_id": complaint_id, "kind": kind, "payload": payload,
            "actor": "T001", "actor_role": "teller", "device_id": f"dev-{c.branch}",
            "branch_code": c.branch, "hlc": hlc, "occurred_at": _ts(at),
            "business_date": at.date().isoformat(), "prev_hash": prev}).decode("utf-8")
        identity = sealed_key = "\\N"
        if kind == "received":
            n = customer_of(c.index)
            secret = canonical_json({"customer": {
                "id": f"cu{n}", "kind": "individual", "name": "王小明", "id_type": "resident_id",
                "id_number": id_number(n), "phone": phone(n), "address": "北京市朝阳区建国路88号",
                "credit_code": "", "contact_person": ""}})
            identity = "\\\\x" + vault.seal(aead, event_id, secret).hex()
            sealed_key = str(key_id)
        event_hash = f"{c.index:060x}{k:04x}"
        seq = c.index * EVENTS_PER_COMPLAINT + k + 1
        values = [event_id, str(seq), c.branch, f"dev-{c.branch}", complaint_id, kind,
                  c.reference if kind == "received" else "\\N", at.date().isoformat(), hlc,
                  prev, event_hash, body.replace("\\", "\\\\"), _ts(at), identity, sealed_key]
        lines.append("\t".join(values) + "\n")
        prev = event_hash
    return lines


def _cached(scale: Scale) -> bool:
    import psycopg

    if not _keys_path(scale).exists():
        return False
    try:
        with psycopg.connect(_url(scale).replace("+psycopg", ""), connect_timeout=5) as pg:
            found = pg.execute("SELECT version, complaints FROM bench_marker").fetchone()
    except psycopg.Error:
        return False
    return found is not None and found[0] == DATA_VERSION and found[1] == scale.complaints


def made_on(scale: Scale) -> date:
    import psycopg

    with psycopg.connect(_url(scale).replace("+psycopg", "")) as pg:
        found = pg.execute("SELECT made_on FROM bench_marker").fetchone()
    assert found is not None
    made: date = found[0]
    return made


# --- the server and the measurements ------------------------------------------------

@contextmanager
def _server(scale: Scale) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "COMPLAINT_DESK_HQ_POOL": "4", "PYTHONPATH": str(ROOT)}
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "hq", "serve", "--database", _url(scale),
         "--keys", f"file:{_keys_path(scale)}", "--port", str(port), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300  # the first start after a change migrates 2 M rows
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("the HQ server did not start: "
                                   + log.read().decode(errors="replace")[-800:])
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _officer(scale: Scale) -> tuple[str, str]:
    """A new HQ officer in the bench database: (number, TOTP secret)."""
    from hq import staff
    from hq.db import make_engine
    from hq.vault import FileKeyStore, Vault

    vault = Vault(FileKeyStore(_keys_path(scale), create=False))
    engine = make_engine(_url(scale))
    number = "BENCH" + uuid.uuid4().hex[:8].upper()
    with engine.begin() as conn:
        account = staff.add_staff(conn, number, name="压测员", role="officer",
                                  department="消费者权益保护部", password=PASSWORD,
                                  now=datetime.now(UTC), vault=vault)
    engine.dispose()
    return number, account.totp_secret


def _signed_in(base: str, number: str, secret: str) -> httpx.Client:
    import re

    import pyotp

    client = httpx.Client(base_url=base, timeout=60)
    page = client.get("/console/login")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, "the login page has no CSRF field"
    answer = client.post("/console/login", data={
        "csrf_token": found.group(1), "number": number, "password": PASSWORD,
        "code": pyotp.TOTP(secret).now(), "next": "/console/"})
    if answer.status_code != 303:
        raise RuntimeError(f"bench officer could not log in: {answer.status_code}")
    return client


def _timed(client: httpx.Client, paths: list[str]) -> list[float]:
    times = []
    for path in paths:
        started = time.perf_counter()
        answer = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"GET {path} answered {answer.status_code}")
    return times


def run(quick: bool) -> list[dict[str, Any]]:
    try:
        import psycopg

        psycopg.connect(ADMIN_URL, connect_timeout=5).close()
    except Exception as exc:
        print(f"   bench_console: PostgreSQL unavailable ({type(exc).__name__}); skipped")
        return []
    scale = QUICK if quick else FULL
    if not _cached(scale):
        print(f"   bench_console: making {scale.complaints:,} complaints and "
              f"{scale.events:,} events (once; cached in database {scale.database})", flush=True)
        _generate(scale)
    today = made_on(scale)
    rng = random.Random(14)
    picks = [rng.randrange(scale.complaints) for _ in range(scale.repeats)]
    cases = [case(i, scale, today) for i in picks]
    label = f"{scale.complaints // 1000:,}k complaints"
    with _server(scale) as base:
        client = _signed_in(base, *_officer(scale))
        try:
            for warm in ("/console/", f"/console/complaints/{cases[0].reference}",
                         "/console/complaints"):
                client.get(warm)
            searches = {
                "reference": [f"/console/complaints?reference={c.reference}" for c in cases],
                "ID number": [f"/console/complaints?customer={id_number(customer_of(c.index))}"
                              for c in cases],
                "phone": [f"/console/complaints?customer={phone(customer_of(c.index))}"
                          for c in cases],
                "branch": [f"/console/complaints?branch={c.branch}" for c in cases],
                "branch, open": [f"/console/complaints?branch={c.branch}&due=open"
                                 for c in cases],
                "overdue": ["/console/complaints?due=overdue"] * scale.repeats,
                "newest": ["/console/complaints"] * scale.repeats,
            }
            rows = [row(f"console dashboard ({label}, {scale.branches} branches)", 300,
                        _timed(client, ["/console/"] * scale.repeats), p95_target=True)]
            for what, paths in searches.items():
                rows.append(row(f"console search by {what} ({label})", 100,
                                _timed(client, paths), p95_target=True))
            rows.append(row(f"console case page ({label}, {scale.events // 1000:,}k events)",
                            100, _timed(client, [f"/console/complaints/{c.reference}"
                                                 for c in cases]), p95_target=True))
        finally:
            client.close()
    return rows


if __name__ == "__main__":  # `python -m bench.bench_console [--quick]`
    print(json.dumps(run("--quick" in sys.argv), indent=2, ensure_ascii=False))
