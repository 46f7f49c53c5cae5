"""What security costs: the same work on a plain SQLite file and on the SQLCipher profile,
plus login (argon2id), sealing a 1 MB attachment, verifying the audit chain and rotating
the key. The plain rows exist only here, for comparison; profiles are never plain."""

from __future__ import annotations

import hashlib
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.timing import measure, row
from desktop.domain.model import Actor, CustomerKind, IdDocumentType, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile, rotate_profile_key
from desktop.security.audit import verify_store
from desktop.security.profile_keys import attachment_key
from desktop.security.sealed_files import seal, unseal
from desktop.security.staff import add_staff, authenticate
from desktop.services import complaints as uc
from desktop.services.cases import worklist_rows
from desktop.services.context import ServiceContext, load_context, set_up_device
from desktop.services.intake import CustomerInput, Intake
from desktop.services.seed import chinese_name, seed, valid_resident_id
from desktop.store.db import Store, open_store

_rng = random.Random(11)
PASSWORD = "bench-pass-2026"


def _intake(i: int) -> Intake:
    return Intake(
        customer=CustomerInput(kind=CustomerKind.INDIVIDUAL, name=chinese_name(_rng),
                               id_type=IdDocumentType.RESIDENT_ID, id_number=valid_resident_id(_rng),
                               phone="13800138000"),
        business_type="B0101", cause="R0103", description=f"第{i}次：柜台服务态度冷淡，等候时间过长。",
        request="要求道歉。", consent=True, recording_reference="1号窗口 09:00-09:30")


@contextmanager
def _profile(encrypted: bool, complaints: int) -> Iterator[tuple[Path, Store, ServiceContext]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-security-")) / "p"
    store = open_profile(folder, demo=True) if encrypted else open_store(folder)
    try:
        set_up_device(store, branch_code="BJ001", branch_name="bench", device_number=1)
        ctx = load_context(store)
        if complaints:
            seed(ctx, complaints, chunk=10_000)
        yield folder, store, ctx
    finally:
        store.close()
        shutil.rmtree(folder.parent, ignore_errors=True)


def _pair(label: str, target_ms: float, work: Callable[[ServiceContext], Callable[[], Any]],
          complaints: int, repeat: int) -> list[dict[str, Any]]:
    rows = []
    for encrypted in (False, True):
        with _profile(encrypted, complaints) as (_folder, _store, ctx):
            times = measure(work(ctx), repeat=repeat, warmup=3)
        rows.append(row(f"{label} ({'SQLCipher' if encrypted else 'plain, for comparison'})",
                        target_ms, times))
    return rows


def _recording(ctx: ServiceContext) -> Callable[[], Any]:
    teller, counter = Actor("T001", Role.TELLER), iter(range(10**9))
    return lambda: uc.record_complaint(ctx, teller, _intake(next(counter)))


def _searching(ctx: ServiceContext) -> Callable[[], Any]:
    query = WorklistQuery(worklist=Worklist.ALL, search="未经告知的费用")
    return lambda: worklist_rows(ctx, query, 0, 50)


def _opening(folder_holder: list[Path], encrypted: bool) -> Callable[[], Any]:
    def open_and_close() -> None:
        store = open_profile(folder_holder[0]) if encrypted else open_store(folder_holder[0])
        with store.read() as s:
            s.connection()
        store.close()

    return open_and_close


def _open_rows(repeat: int) -> list[dict[str, Any]]:
    rows = []
    for encrypted in (False, True):
        with _profile(encrypted, 0) as (folder, store, _ctx):
            store.close()
            times = measure(_opening([folder], encrypted), repeat=repeat, warmup=1)
        rows.append(row(f"open a profile ({'SQLCipher + keyring' if encrypted else 'plain'})",
                        300, times))
    return rows


def _login_row(repeat: int) -> dict[str, Any]:
    with _profile(True, 0) as (_folder, store, ctx):
        add_staff(store, number="T001", name="李娜", role=Role.TELLER, branch_code="BJ001",
                  password=PASSWORD)
        times = measure(lambda: authenticate(store, "T001", PASSWORD, ctx.now()), repeat=repeat)
    return row("log in (argon2id verify + lockout bookkeeping)", 500, times)


def _attachment_rows(repeat: int) -> list[dict[str, Any]]:
    key = attachment_key(bytes(range(32)))
    content = random.Random(3).randbytes(1 << 20)
    digest = hashlib.sha256(content).hexdigest()
    blob = seal(content, digest, key)
    return [row("seal a 1 MB attachment (AES-256-GCM)", 50,
                measure(lambda: seal(content, digest, key), repeat=repeat)),
            row("open a 1 MB attachment (decrypt + SHA-256 check)", 50,
                measure(lambda: unseal(blob, digest, key), repeat=repeat))]


def _verify_and_rotate(complaints: int) -> list[dict[str, Any]]:
    with _profile(True, complaints) as (folder, store, _ctx):
        started = time.perf_counter()
        report = verify_store(store)
        verify_ms = (time.perf_counter() - started) * 1000
        store.close()
        started = time.perf_counter()
        rotate_profile_key(folder)
        rotate_ms = (time.perf_counter() - started) * 1000
    # Targets scale from 100,000 complaints (about 500,000 events): verify and rotate in 30 s each.
    scale = complaints / 100_000
    return [row(f"admin verify: {complaints:,} complaints, {report.events_checked:,} events",
                30_000 * scale, [verify_ms]),
            row(f"rotate-key: {complaints:,} complaints", 30_000 * scale, [rotate_ms])]


def run(quick: bool) -> list[dict[str, Any]]:
    seeded = 2_000 if quick else 50_000
    repeat = 20 if quick else 200
    rows: list[dict[str, Any]] = []
    rows += _pair("record a complaint", 5, _recording, 200, repeat)
    rows += _pair(f"search at {seeded:,}: 3+ character phrase", 10, _searching, seeded, repeat)
    rows += _open_rows(5 if quick else 30)
    rows.append(_login_row(5 if quick else 20))
    rows += _attachment_rows(5 if quick else 50)
    rows += _verify_and_rotate(seeded)
    return rows
