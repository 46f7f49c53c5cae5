"""Core targets (foundation issue): seeding, recording a complaint, search at a million."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.data import open_seeded
from bench.timing import measure, row
from desktop.domain.model import Actor, CustomerKind, IdDocumentType, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.services import complaints as uc
from desktop.services.cases import worklist_rows
from desktop.services.context import load_context, set_up_device
from desktop.services.intake import CustomerInput, Intake
from desktop.services.seed import chinese_name, seed, valid_resident_id
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
    # Target: 100,000 complaints in 30 s, scaled to the count measured.
    return row(f"seed {count:,} complaints", 30_000 * count / 100_000, [seconds * 1000])


_rng = random.Random(7)


def _intake(i: int) -> Intake:
    """A new walk-in customer each time, as at a counter."""
    return Intake(
        customer=CustomerInput(kind=CustomerKind.INDIVIDUAL, name=chinese_name(_rng),
                               id_type=IdDocumentType.RESIDENT_ID, id_number=valid_resident_id(_rng),
                               phone="13800138000"),
        business_type="B0101", cause="R0103", description=f"第{i}次：柜台服务态度冷淡，等候时间过长。",
        request="要求道歉。", consent=True, recording_reference="1号窗口 09:00-09:30")


def run(quick: bool) -> list[dict[str, Any]]:
    rows = [_seed_speed(20_000 if quick else 100_000)]
    size = 20_000 if quick else 1_000_000
    store, ctx = open_seeded(size)
    try:
        teller = Actor("T001", Role.TELLER)
        counter = iter(range(10**9))
        rows.append(row("record a complaint", 5, measure(
            lambda: uc.record_complaint(ctx, teller, _intake(next(counter))),
            repeat=50 if quick else 300, warmup=5)))
        with store.read() as s:
            sample = s.execute(select(ComplaintRow.reference, ComplaintRow.customer_name,
                                      CustomerRow.phone_last4)
                               .join(CustomerRow, CustomerRow.id == ComplaintRow.customer_id)
                               .order_by(ComplaintRow.num).offset(size // 2).limit(1)).one()
        reference, name, last4 = sample
        queries = {
            "3+ character Chinese phrase": "未经告知的费用",
            "2-character name": name[:2],
            "reference number": reference,
            "last 4 digits of a phone": last4,
        }
        for label, q in queries.items():
            query = WorklistQuery(worklist=Worklist.ALL, search=q)
            rows.append(row(f"search first page at {size:,}: {label}", 10,
                            measure(lambda query=query: worklist_rows(ctx, query, 0, 50),
                                    repeat=30 if quick else 100, warmup=3),
                            p95_target=True))
    finally:
        store.close()
    return rows
