"""The floors of bench_core write what a real record writes, and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bench.bench_core import _intake
from bench.floors import FloorWriter, capture_writes, raw_connection, raw_search
from desktop.domain.model import Actor, Role
from desktop.domain.worklist import Worklist, WorklistQuery
from desktop.profile import open_profile
from desktop.services import complaints as uc
from desktop.services.cases import worklist_rows
from desktop.services.context import load_context, set_up_device
from desktop.store.models import ComplaintRow, CustomerRow, EventRow


def test_the_record_floor_writes_the_same_rows_and_cleans_them_up(tmp_path: Path) -> None:
    store = open_profile(tmp_path / "p", demo=True)
    try:
        set_up_device(store, branch_code="BJ001", branch_name="bench", device_number=1)
        ctx = load_context(store)
        teller = Actor("T001", Role.TELLER)
        intake = _intake(1)
        got = []
        template = capture_writes(store, lambda: got.append(
            uc.record_complaint(ctx, teller, intake)))
        assert any("INSERT INTO complaints" in sql for sql, _ in template)
        with raw_connection(store) as conn:
            floor = FloorWriter(conn, template, reference=got[0].reference,
                                id_number=intake.customer.id_number,
                                business_date=ctx.business_date(ctx.now()).isoformat())
            floor.write()
            floor.write()
            with store.read() as s:
                assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 3
                assert s.scalar(select(func.count()).select_from(EventRow)) == 3
            # the floor's complaints are in the FTS index, as a real one is
            assert len(raw_search(conn, "phrase", "柜台服务态度")) == 3
            floor.cleanup()
            assert len(raw_search(conn, "phrase", "柜台服务态度")) == 1
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 1
        # the real chain goes on from the real head: the floor never touched it
        second = uc.record_complaint(ctx, teller, _intake(2))
        query = WorklistQuery(worklist=Worklist.ALL, search="柜台服务态度")
        assert {r.reference for r in worklist_rows(ctx, query, 0, 50)} == {
            got[0].reference, second.reference}
    finally:
        store.close()


def test_the_floor_cleans_up_hundreds_of_writes_and_rows_an_earlier_run_left(
        tmp_path: Path) -> None:
    """A full bench writes 300+ floor complaints (their ids span several delete chunks), and
    a run stopped before its cleanup leaves its rows for the next one to remove."""
    store = open_profile(tmp_path / "p", demo=True)
    try:
        set_up_device(store, branch_code="BJ001", branch_name="bench", device_number=1)
        ctx = load_context(store)
        intake = _intake(1)
        teller = Actor("T001", Role.TELLER)
        # As in a later run on a cached profile: the customer the floor copies is known.
        uc.record_complaint(ctx, teller, intake)
        got = []
        template = capture_writes(store, lambda: got.append(
            uc.record_complaint(ctx, teller, intake)))
        details = {"reference": got[0].reference, "id_number": intake.customer.id_number,
                   "business_date": ctx.business_date(ctx.now()).isoformat()}
        with raw_connection(store) as conn:
            stopped = FloorWriter(conn, template, **details)
            for _ in range(20):
                stopped.write()  # never cleaned up: the run "stopped" here
            floor = FloorWriter(conn, template, **details)
            for _ in range(200):
                floor.write()
            floor.cleanup()
        with store.read() as s:
            assert s.scalar(select(func.count()).select_from(ComplaintRow)) == 2
            assert s.scalar(select(func.count()).select_from(CustomerRow)) == 1
            assert not s.scalar(select(func.count()).select_from(EventRow).where(
                EventRow.complaint_id.not_in(select(ComplaintRow.id))))
            assert not s.scalar(select(func.count()).select_from(ComplaintRow).where(
                ComplaintRow.reference.like("FLOOR-%")))
    finally:
        store.close()
