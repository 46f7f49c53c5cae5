"""A complaint recorded at the counter after the day's close counts on the next business day,
and the clerk is told so on the saved step."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from desktop.services.context import ServiceContext
from desktop.store.models import DayCloseRow, EventRow
from tests.ui.conftest import Counter
from tests.ui.test_resolve_on_spot import fill_complaint


def close_today(ctx: ServiceContext) -> tuple[date, date]:
    """Record today's close as `close_day` leaves it; (today, the next working day)."""
    today = ctx.business_date()
    with ctx.store.write() as s:
        s.add(DayCloseRow(business_date=today, closed_at=ctx.now(), closed_by="S001",
                          event_count=0, digest="0" * 64, resent=0))
    return today, ctx.policy.calendar.next_working_day(today + timedelta(days=1))


def test_a_complaint_after_the_close_counts_on_the_next_business_day_with_a_notice(
        counter: Counter) -> None:
    main = counter.log_in("T001")
    today, next_day = counter.app.worker.call_now(close_today)
    panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, panel)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    result = panel.result
    assert result is not None and result.after_close and result.business_date == next_day

    text = panel.save_step.result.text()
    assert "已结账" in text and next_day.isoformat() in text, text

    def received_on(ctx: ServiceContext) -> date:
        with ctx.store.read() as s:
            return s.scalars(select(EventRow.business_date).where(
                EventRow.complaint_id == result.complaint_id,
                EventRow.kind == "received")).one()

    assert counter.app.worker.call_now(received_on) == next_day != today


def test_a_complaint_before_any_close_says_nothing_of_it(counter: Counter) -> None:
    main = counter.log_in("T001")
    panel = main.new_complaint()
    counter.wait_idle()
    fill_complaint(counter, panel)
    panel.save()
    counter.qtbot.waitUntil(lambda: panel.result is not None, timeout=15_000)
    assert panel.result is not None and not panel.result.after_close
    assert "已结账" not in panel.save_step.result.text()
