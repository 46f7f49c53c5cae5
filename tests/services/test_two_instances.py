"""Two app instances on one profile (two processes, one SQLite file) never hand out the same
reference number and never break the audit chain."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sqlalchemy import select

from desktop.domain.chain import first_broken_link
from desktop.domain.model import Actor, Role
from desktop.profile import open_profile
from desktop.services.context import load_context
from desktop.store.db import Store
from desktop.store.events import row_to_event
from desktop.store.models import ComplaintRow, EventRow

PER_PROCESS = 15


def _record_many(folder: str) -> None:
    from desktop.services.complaints import record_complaint
    from tests.services.intakes import sample_intake

    store = open_profile(Path(folder))
    ctx = load_context(store)
    for _ in range(PER_PROCESS):
        record_complaint(ctx, Actor("T001", Role.TELLER), sample_intake())
    store.close()


def test_two_processes_on_one_profile_get_distinct_references(store: Store) -> None:
    folder = str(store.path.parent)
    mp = multiprocessing.get_context("spawn")
    procs = [mp.Process(target=_record_many, args=(folder,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with store.read() as s:
        refs = list(s.scalars(select(ComplaintRow.reference)))
        chain = [row_to_event(r) for r in s.scalars(select(EventRow).order_by(EventRow.seq))]
    assert len(refs) == 2 * PER_PROCESS
    assert len(set(refs)) == len(refs)
    assert first_broken_link(chain) is None
