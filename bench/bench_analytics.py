"""Statistics targets (issue 17): at 1,000,000 complaints on the branch the quarter's JR/T
table <= 100 ms, the dashboard refresh <= 300 ms and the statistics PDF <= 1 s; at HQ with 500 branches and 2,000,000
complaints on PostgreSQL the national quarter table <= 1 s.

The figures read complaint rows only, so the databases hold complaint rows written straight
into the tables (spread over a year, every status and outcome, 3 % repeats): the branch's a
real encrypted profile (its search triggers dropped, as nothing here searches; the triggers
that keep the statistics' pre-counts stay and count each row written), HQ's a
PostgreSQL database migrated by HQ itself. The branch's table is measured beside its floor:
the same quarter's rows only counted, through the same (covering) index. Both are built once and cached (bench/.cache/,
and a database `bench_analytics_<n>` kept on the PostgreSQL server).
"""

from __future__ import annotations

import random
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, text

from bench.data import cache_folder
from bench.timing import alternate, measure, row, skipped
from desktop.analytics.precount import TRIGGERS
from desktop.analytics.report import statistics_pdf
from desktop.analytics.statistics import Period, counted, statistics
from desktop.domain.taxonomy import load_taxonomy
from desktop.profile import open_profile
from desktop.services.context import set_up_device
from desktop.services.dashboard import store_dashboard
from desktop.services.statistics import branch_source
from desktop.store.models import ComplaintRow, CustomerRow
from reports.branding import load_bank_info

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
BEIJING = ZoneInfo("Asia/Shanghai")
YEAR_START = datetime(2026, 1, 1, tzinfo=BEIJING)
AS_OF = datetime(2027, 1, 5, tzinfo=BEIJING)
QUARTER = Period(date(2026, 4, 1), date(2026, 6, 30), BEIJING)
BY = ("channel", "business_type", "cause")
STATUSES = ("received", "acknowledged", "in_progress", "escalated", "resolved", "closed",
            "closed", "closed", "closed", "withdrawn")
OUTCOMES = ("upheld", "partly_upheld", "not_upheld")


def _leaves(axis: str) -> list[str]:
    return [c.code for c in load_taxonomy().categories[axis].values() if not c.children]


def _complaints(count: int, branches: list[str], seed: int = 17) -> Iterator[dict[str, Any]]:
    """`count` complaint rows spread evenly over 2026, in the shape both tables share."""
    rnd = random.Random(seed)
    channels, types, causes = [*_leaves("channel"), ""], _leaves("business_type"), _leaves("cause")
    seconds = 365 * 86400
    for i in range(count):
        received = YEAR_START + timedelta(seconds=rnd.randrange(seconds))
        due = received + timedelta(days=15)
        status = rnd.choice(STATUSES)
        decided = status in ("resolved", "closed")
        resolved = received + timedelta(days=rnd.randint(1, 20)) if decided else None
        branch = branches[i % len(branches)]
        yield {
            "id": uuid.UUID(int=rnd.getrandbits(128)).hex, "reference": f"{branch}-{i:09d}",
            "branch_code": branch, "status": status, "channel": "counter",
            "business_channel": rnd.choice(channels), "business_type": rnd.choice(types),
            "cause": rnd.choice(causes), "received_at": received, "decision_due": due,
            "received_by": f"T{rnd.randint(1, 9):03d}", "assignee": f"T{rnd.randint(1, 9):03d}",
            "escalation_level": 0, "extensions": 0,
            "outcome": rnd.choice(OUTCOMES) if decided else None, "resolved_at": resolved,
            "closed_at": resolved if status == "closed" else None, "needs_review": False,
            "updated_at": resolved or received,
            "repeat_of": "earlier" if rnd.random() < 0.03 else None, "root_cause": "",
        }


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def branch_profile(count: int) -> Path:
    folder = cache_folder() / f"analytics-{count}"
    if (folder / ".complete").exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    store = open_profile(folder, key_in_profile=True)
    try:
        set_up_device(store, branch_code="BJ001", branch_name="bench", device_number=1)
        now = datetime.now(UTC)
        with store.write() as s:
            for name in [n for (n,) in s.execute(text(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    " AND tbl_name = 'complaints'")) if n not in TRIGGERS]:
                s.execute(text(f'DROP TRIGGER "{name}"'))
            s.execute(insert(CustomerRow), [{"id": "c1", "kind": "individual", "name": "客户",
                                             "created_at": now, "updated_at": now}])
        for chunk in _chunks(_complaints(count, ["BJ001"]), 20_000):
            for r in chunk:
                r.update(customer_id="c1", customer_name="客户", details={})
            with store.write() as s:
                s.execute(insert(ComplaintRow), chunk)
        with store.write() as s:
            s.execute(text("ANALYZE"))
    finally:
        store.close()
    (folder / ".complete").touch()
    return folder


def _branch_rows(count: int, repeat: int) -> list[dict[str, Any]]:
    store = open_profile(branch_profile(count))
    taxonomy = load_taxonomy()
    bank = load_bank_info("zh_CN")
    source = branch_source()
    label = f"{count:,}"
    try:
        def table() -> Any:
            with store.read() as s:
                return statistics(s, source, QUARTER, AS_OF, by=BY, taxonomy=taxonomy)

        def pdf() -> bytes:
            with store.read() as s:
                t = statistics(s, source, QUARTER, AS_OF, by=("business_type", "cause"),
                               taxonomy=taxonomy)
            return statistics_pdf(t, taxonomy, bank, "zh_CN", AS_OF, BEIJING)

        counted_rows = select(func.count()).select_from(ComplaintRow).where(
            *counted(source, QUARTER))

        def floor() -> Any:  # the quarter's rows only counted, through the same index
            with store.read() as s:
                return s.execute(counted_rows).scalar()

        def dashboard() -> Any:  # as the app asks for it (desktop.services.dashboard)
            return store_dashboard(store, AS_OF, BEIJING, taxonomy)

        groups = len(table().rows)
        ours, floors = alternate(table, floor, repeat=repeat)
        return [
            row(f"statistics: the quarter's JR/T table, {label} complaints (branch)", 100,
                ours, floor=floors, floor_name="the quarter's rows counted by the same index",
                groups=groups, rows=floor()),
            row(f"dashboard: refresh of the figures, {label} complaints (branch)", 300,
                measure(dashboard, repeat=repeat)),
            row(f"statistics: the quarter's PDF report, {label} complaints (branch)", 1000,
                measure(pdf, repeat=max(3, repeat // 3))),
        ]
    finally:
        store.close()


def _hq_database(count: int, branches: int) -> str | None:
    """The URL of a PostgreSQL database holding `count` HQ complaint rows; None without a server."""
    try:
        import psycopg

        admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5)
    except Exception:
        return None
    from hq import tables
    from hq.db import make_engine, migrate

    name = f"bench_analytics_{count}_{branches}"
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists:
            engine = make_engine(url)
            try:
                with engine.connect() as conn:
                    done = conn.execute(text("SELECT count(*) FROM complaints")).scalar()
                if done == count:
                    return url
            finally:
                engine.dispose()
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    engine = make_engine(url)
    try:
        migrate(engine)
        codes = [f"B{n:04d}" for n in range(branches)]
        columns = [c.name for c in tables.complaints.columns]
        with engine.begin() as conn:
            conn.execute(insert(tables.branches),
                         [{"code": c, "name": c, "created_at": YEAR_START} for c in codes])
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            with cursor.copy(f"COPY complaints ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for seq, r in enumerate(_complaints(count, codes)):
                    r.update(owner_device_id=f"{r['branch_code']}-001", product="",
                             amount=None, received_date=r["received_at"].date(),
                             compensation=None, satisfaction=None, withdrawn_at=None,
                             review_reasons="", customer_key=None, event_count=1, last_seq=seq,
                             root_cause="", open_actions=0, next_action_due=None)
                    copy.write_row([r.get(c) for c in columns])
            raw.commit()
            cursor.execute("ANALYZE complaints")
            raw.commit()
        finally:
            raw.close()
    finally:
        engine.dispose()
    return url


def _hq_rows(count: int, branches: int, repeat: int) -> list[dict[str, Any]]:
    name = f"statistics: the national quarter table, {count:,} complaints, {branches} branches (HQ)"
    url = _hq_database(count, branches)
    if url is None:
        return [skipped(name, "PostgreSQL is not reachable at 127.0.0.1:5432")]
    from hq.db import make_engine
    from hq.statistics import hq_statistics

    engine = make_engine(url)
    taxonomy = load_taxonomy()
    try:
        def table() -> Any:
            with engine.connect() as conn:
                return hq_statistics(conn, QUARTER.first, QUARTER.last, BEIJING, AS_OF, by=BY,
                                     taxonomy=taxonomy)

        return [row(name, 1000, measure(table, repeat=repeat), backend="postgresql")]
    finally:
        engine.dispose()


def run(quick: bool) -> list[dict[str, Any]]:
    if quick:
        return _branch_rows(20_000, 3) + _hq_rows(40_000, 50, 3)
    return _branch_rows(1_000_000, 15) + _hq_rows(2_000_000, 500, 9)
