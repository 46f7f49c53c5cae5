"""Seeded data is realistic: it passes the same checks as a real intake, covers every
category, and has cases in every state, some overdue."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.domain.chain import first_broken_link
from desktop.domain.model import Status
from desktop.domain.projection import fold
from desktop.domain.validation import validate_phone, validate_resident_id
from desktop.services.context import ServiceContext
from desktop.services.seed import seed
from desktop.store.events import complaint_events, row_to_event, view_columns
from desktop.store.models import ComplaintRow, CustomerRow, EventRow


def test_seeded_customers_pass_the_intake_checks(ctx: ServiceContext) -> None:
    seed(ctx, 300)
    with ctx.store.read() as s:
        customers = s.scalars(select(CustomerRow)).all()
    assert len(customers) == 300
    for c in customers:
        assert validate_resident_id(c.id_number) == c.id_number
        assert validate_phone(c.phone) == c.phone


def test_seed_covers_every_business_type_and_every_state(ctx: ServiceContext) -> None:
    seed(ctx, 2500)
    leaves = {c.code for c in ctx.taxonomy.categories["business_type"].values() if not c.children}
    with ctx.store.read() as s:
        seen = set(s.scalars(select(ComplaintRow.business_type).distinct()))
        states = set(s.scalars(select(ComplaintRow.status).distinct()))
        overdue = s.scalar(select(ComplaintRow.num).where(
            ComplaintRow.status.in_([st.value for st in Status if st.is_open]),
            ComplaintRow.decision_due < ctx.now()).limit(1))
    assert seen == leaves
    assert {"received", "acknowledged", "resolved", "closed", "withdrawn"} <= states
    assert overdue is not None


def test_seeded_rows_are_projections_of_a_whole_audit_chain(ctx: ServiceContext) -> None:
    seed(ctx, 200)
    with ctx.store.read() as s:
        chain = [row_to_event(r) for r in s.scalars(select(EventRow).order_by(EventRow.seq))]
        for row in s.scalars(select(ComplaintRow)):
            view = fold(complaint_events(s, row.id))
            assert view is not None
            # Every column, as the store's own projection writes it (satisfaction, root
            # cause, JR/T channel and corrective actions included), not only the status.
            for name, value in view_columns(view).items():
                assert getattr(row, name) == value, name
    assert first_broken_link(chain) is None


def test_seeded_cases_include_late_decisions_and_satisfaction_scores(ctx: ServiceContext) -> None:
    """The dashboard's on-time share and satisfaction have something to show on demo data."""
    seed(ctx, 300)
    with ctx.store.read() as s:
        decided = s.scalar(select(func.count()).where(ComplaintRow.resolved_at.is_not(None)))
        late = s.scalar(select(func.count()).where(
            ComplaintRow.resolved_at > ComplaintRow.decision_due))
        scored = s.scalar(select(func.count()).where(ComplaintRow.satisfaction.is_not(None)))
    assert decided and 0 < late < decided / 4
    assert scored and scored <= decided


def test_seeding_in_many_chunks_keeps_the_clock_stamps_valid(ctx: ServiceContext) -> None:
    from desktop.domain.hlc import Stamp
    from desktop.store.events import HLC_KEY, put_setting

    # The clock already stands in the future at its last counter (a PC once set ahead):
    # every seeded event must carry on past it with stamps that stay valid and ordered.
    ahead = Stamp(int(ctx.now().timestamp() * 1000) + 10**9, 99_990)
    with ctx.store.write() as s:
        put_setting(s, HLC_KEY, str(ahead))
    seed(ctx, 60, chunk=20)
    with ctx.store.read() as s:
        stamps = [Stamp.parse(h) for h in s.scalars(select(EventRow.hlc).order_by(EventRow.seq))]
    assert stamps == sorted(stamps)
    assert stamps[0] > ahead and stamps[-1].wall_ms > ahead.wall_ms


def test_seeding_in_a_second_process_writes_exactly_what_seeding_here_writes(
        ctx: ServiceContext, tmp_path, clock, monkeypatch) -> None:
    from desktop.profile import open_profile
    from desktop.services import seed as seeding
    from desktop.services.context import load_context, set_up_device

    seed(ctx, 120, chunk=50)
    other = open_profile(tmp_path / "other")
    set_up_device(other, branch_code=ctx.device.branch_code, branch_name="x",
                  device_number=ctx.device.device_number, device_id=ctx.device.device_id)
    monkeypatch.setattr(seeding, "PARALLEL_FROM", 100)  # take the two-process path
    seed(load_context(other, clock=clock), 120, chunk=50)

    def hashes(store) -> list[str]:  # type: ignore[no-untyped-def]
        with store.read() as s:
            return list(s.scalars(select(EventRow.hash).order_by(EventRow.seq)))

    assert hashes(other) == hashes(ctx.store)
    other.close()
