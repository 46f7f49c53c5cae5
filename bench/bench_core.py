"""Core targets (foundation issue, issue 16): seeding, recording a complaint, search at a million.

Recording and search are measured alternately with their floors (bench/floors.py): the same
rows written through the DB-API in one transaction (on the SQLCipher profile, and on a plain
sqlite3 copy), and the raw index / FTS5 query of each kind of search."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.data import cache_folder, open_seeded
from bench.floors import (
    FloorWriter,
    capture_writes,
    open_plain,
    plain_copy,
    raw_connection,
    raw_search,
)
from bench.timing import alternate, measure, row
from desktop.domain.model import Actor, CustomerKind, IdDocumentType, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.services import complaints as uc
from desktop.services.cases import worklist_rows
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.services.intake import CustomerInput, Intake
from desktop.services.seed import chinese_name, seed, valid_resident_id
from desktop.store.db import Store
from desktop.store.models import ComplaintRow, CustomerRow


def _seed_speed(count: int) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="bench-seed-"))
    try:
        store = open_profile(folder / "p", demo=True)
        set_up_device(store, branch_code="BJ001", branch_name="bench", device_number=1)
        ctx = load_context(store)
        started = time.perf_counter()
        seed(ctx, count, chunk=10_000)
        seconds = time.perf_counter() - started
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    # Target (issue 16): 100,000 complaints in 20 s, scaled to the count measured.
    return row(f"seed {count:,} complaints", 20_000 * count / 100_000, [seconds * 1000])


_rng = random.Random(7)


def _intake(i: int) -> Intake:
    """A new walk-in customer each time, as at a counter."""
    return Intake(
        customer=CustomerInput(kind=CustomerKind.INDIVIDUAL, name=chinese_name(_rng),
                               id_type=IdDocumentType.RESIDENT_ID, id_number=valid_resident_id(_rng),
                               phone="13800138000"),
        business_type="B0101", cause="R0103", description=f"第{i}次：柜台服务态度冷淡，等候时间过长。",
        request="要求道歉。", consent=True, recording_reference="1号窗口 09:00-09:30")


def _record_rows(store: Store, ctx: ServiceContext, size: int, repeat: int) -> list[dict[str, Any]]:
    """Recording a complaint, A B C A B C: ours, the same rows through the DB-API on the
    profile (SQLCipher), and on a plain copy of it (sqlite3); bench/floors.py."""
    teller = Actor("T001", Role.TELLER)
    counter = iter(range(10**9))
    sample = _intake(next(counter))
    recorded: list[Any] = []
    template = capture_writes(store, lambda: recorded.append(
        uc.record_complaint(ctx, teller, sample)))
    details = {"reference": recorded[0].reference, "id_number": sample.customer.id_number,
               "business_date": ctx.business_date(ctx.now()).isoformat()}
    plain_path = plain_copy(store, cache_folder() / f"plain-{size}.sqlite3")
    ours: list[float] = []
    cipher: list[float] = []
    plain: list[float] = []
    with raw_connection(store) as conn:
        plain_conn = open_plain(plain_path)
        cipher_floor = FloorWriter(conn, template, **details)
        plain_floor = FloorWriter(plain_conn, template, **details)
        try:
            for i in range(repeat + 5):
                a = measure(lambda: uc.record_complaint(ctx, teller, _intake(next(counter))),
                            repeat=1, warmup=0)
                b = measure(cipher_floor.write, repeat=1, warmup=0)
                c = measure(plain_floor.write, repeat=1, warmup=0)
                if i >= 5:  # the first five of each warm up
                    ours += a
                    cipher += b
                    plain += c
        finally:
            cipher_floor.cleanup()
            plain_floor.cleanup()
            plain_conn.close()
    return [
        # issue 16: ≤ 2 ms median, ≤ 5 ms p95, within 4× of the same rows through sqlite3
        row("record a complaint", 2, ours, target_p95_ms=5, floor=cipher, target_ratio=4,
            floor_name="the same rows through the DB-API, one transaction, SQLCipher profile"),
        row("record a complaint, beside a plain sqlite3 copy (no target)", None, ours,
            floor=plain, floor_name="the same rows through sqlite3 on an unencrypted copy"),
    ]


def run(quick: bool) -> list[dict[str, Any]]:
    rows = [_seed_speed(20_000 if quick else 100_000)]
    size = 20_000 if quick else 1_000_000
    store, ctx = open_seeded(size)
    try:
        rows += _record_rows(store, ctx, size, 50 if quick else 300)
        with store.read() as s:
            sample = s.execute(select(ComplaintRow.reference, ComplaintRow.customer_name,
                                      CustomerRow.phone_last4)
                               .join(CustomerRow, CustomerRow.id == ComplaintRow.customer_id)
                               .order_by(ComplaintRow.num).offset(size // 2).limit(1)).one()
        reference, name, last4 = sample
        queries = {
            "3+ character Chinese phrase": ("phrase", "未经告知的费用"),
            "2-character name": ("name", name[:2]),
            "reference number": ("reference", reference),
            "last 4 digits of a phone": ("phone", last4),
        }
        with raw_connection(store) as conn:
            for label, (kind, q) in queries.items():
                query = WorklistQuery(worklist=Worklist.ALL, search=q)
                ours, floor = alternate(
                    lambda query=query: worklist_rows(ctx, query, 0, 50),
                    lambda kind=kind, q=q: raw_search(conn, kind, q),
                    repeat=30 if quick else 100, warmup=3)
                # issue 16: ≤ 2 ms p95 at 1M, for each kind of query
                rows.append(row(f"search first page at {size:,}: {label}", 2, ours,
                                p95_target=True, floor=floor,
                                floor_name="the raw index or FTS5 query through the DB-API"))
    finally:
        store.close()
    return rows
