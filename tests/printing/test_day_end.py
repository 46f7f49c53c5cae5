"""The day-end report: the figures read from the profile, the close HQ agreed to, and the
report printed from the command line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.model import Actor, Role, Status
from desktop.services.complaints import add_note, record_complaint
from desktop.services.context import ServiceContext
from desktop.services.day_report import day_figures
from desktop.store.db import Store
from desktop.sync.engine import close_day
from tests.conftest import SettableClock
from tests.hq.conftest import LiveHq
from tests.printing.conftest import Cases, CliRun
from tests.reports.helpers import flat, pdftotext, text_of
from tests.services.intakes import sample_intake
from tests.sync.conftest import Branch, client_for

MONDAY = date(2026, 3, 2)  # the fixture clock's business date in Beijing

Run = Callable[..., CliRun]


def test_the_day_counts_what_was_received_and_resolved_on_it(ctx: ServiceContext,
                                                            cases: Cases) -> None:
    figures = day_figures(ctx, MONDAY)

    assert (figures.received, figures.resolved) == (3, 1)
    assert figures.counts_by_status == {Status.RECEIVED.value: 2, Status.RESOLVED.value: 1}
    assert [n for _, _, n in figures.received_by_category] == [3]
    assert (figures.overdue, figures.due_next_day) == (0, 0)
    # Nothing reached HQ yet: every event is unsent, and no close was recorded.
    assert figures.unsent == 5 and figures.local_events == 4 and figures.sent_events == 0
    assert figures.close is None and figures.matches_close is None
    assert day_figures(ctx, date(2026, 3, 3)).received == 0


def test_deadlines_are_counted_for_the_next_day_and_once_passed(
        ctx: ServiceContext, cases: Cases, clock: SettableClock) -> None:
    clock.advance(days=13)  # Monday 16 March in Beijing; the open case is due on the 17th

    on_the_16th = day_figures(ctx, date(2026, 3, 16))
    clock.advance(days=2)
    on_the_18th = day_figures(ctx, date(2026, 3, 18))

    assert on_the_16th.due_next_day == 1 and on_the_16th.overdue == 0
    assert [ln.reference for ln in on_the_16th.due_next_day_items] == [cases.open_reference]
    assert on_the_18th.overdue == 1 and on_the_18th.due_next_day == 0
    assert [ln.reference for ln in on_the_18th.overdue_items] == [cases.open_reference]


def test_day_end_report_prints_the_counts_and_says_the_day_is_not_reconciled(
        run_cli: Run, store: Store, cases: Cases, tmp_path: Path) -> None:
    pdf = tmp_path / "day.pdf"
    done = run_cli("admin", "print", "day-end", MONDAY.isoformat(), "--profile",
                   str(tmp_path / "profile"), "--pdf", str(pdf))

    assert done.code == 0, done.err
    text = flat(text_of(pdf.read_bytes()))
    for expected in ("日终报告", "2026年3月2日", "当日受理", "BJ001第3号终端", "未完成"):
        assert flat(expected) in text, expected
    assert cases.open_reference not in text  # nothing overdue or due the next day


def test_a_teller_may_not_print_the_day_end_report(run_cli: Run, store: Store, tmp_path: Path,
                                                  cases: Cases) -> None:
    from desktop.security.staff import add_staff

    add_staff(store, number="T009", name="周洁", role=Role.TELLER, branch_code="BJ001",
              password="counter-password-1")
    pdf = tmp_path / "day.pdf"

    done = run_cli("admin", "print", "day-end", MONDAY.isoformat(), "--profile",
                   str(tmp_path / "profile"), "--pdf", str(pdf), "--staff", "T009")

    assert done.code == 1 and done.err.strip() and not pdf.exists()


def test_after_the_close_the_report_shows_what_hq_agreed_and_later_changes_show_a_mismatch(
        sqlite_hq: LiveHq, make_branch: Callable[[LiveHq], Branch], run_cli: Run,
        tmp_path: Path, teller: Actor) -> None:
    branch = make_branch(sqlite_hq)
    device = branch.device("counter1")
    recorded = record_complaint(device, teller, sample_intake())
    with client_for(device) as client:
        close_day(device, client, MONDAY, closed_by="S001")
    profile = branch.root / "counter1"

    agreed = day_figures(device, MONDAY)
    closed_pdf = tmp_path / "closed.pdf"
    closed = run_cli("admin", "print", "day-end", MONDAY.isoformat(), "--profile", str(profile),
                     "--pdf", str(closed_pdf), "--lang", "en")
    add_note(device, teller, recorded.complaint_id, "客户来电询问进度。")
    later_pdf = tmp_path / "later.pdf"
    later = run_cli("admin", "print", "day-end", MONDAY.isoformat(), "--profile", str(profile),
                    "--pdf", str(later_pdf), "--lang", "en")

    assert agreed.close is not None and agreed.matches_close is True
    assert agreed.sent_events == agreed.local_events == agreed.close.event_count == 1
    assert closed.code == 0 and later.code == 0, closed.err + later.err
    closed_text = text_of(closed_pdf.read_bytes())
    assert "matched" in closed_text and "never" not in closed_text
    assert "mismatch" in text_of(later_pdf.read_bytes())
    assert day_figures(device, MONDAY).matches_close is False


@pytest.mark.parametrize("value", ["2026-02-30", "yesterday", "20260302"])
def test_a_bad_date_is_refused_in_one_line(run_cli: Run, store: Store, tmp_path: Path,
                                          value: str) -> None:
    pdf = tmp_path / "day.pdf"
    done = run_cli("admin", "print", "day-end", value, "--profile", str(tmp_path / "profile"),
                   "--pdf", str(pdf), lang="en")

    assert done.code == 1
    assert done.err.strip() == f"The date {value} is not valid; use YYYY-MM-DD."
    assert not pdf.exists()


def test_the_pre_check_a_re_run_printed_as_a_copy_and_a_complaint_after_the_close(
        sqlite_hq: LiveHq, make_branch: Callable[[LiveHq], Branch], tmp_path: Path,
        teller: Actor, supervisor: Actor) -> None:
    from desktop.services.day_close import day_end_check
    from desktop.services.drafts import save_draft
    from desktop.services.printing import prepare_day_end_print

    branch = make_branch(sqlite_hq)
    device = branch.device("counter1")
    record_complaint(device, teller, sample_intake())
    save_draft(device, "draft-1", teller.staff_number, 1, {"name": "半填的表"})

    before = day_end_check(device, MONDAY)
    assert (before.overdue, before.unsent, before.open_drafts, before.runs) == (0, 1, 1, 0)
    assert not before.rerun
    with client_for(device) as client:
        first = close_day(device, client, MONDAY, closed_by=supervisor.staff_number)
        after_first = day_end_check(device, MONDAY)
        second = close_day(device, client, MONDAY, closed_by=supervisor.staff_number)
    assert (first.run, first.rerun, second.run, second.rerun) == (1, False, 2, True)
    assert after_first.unsent == 0 and after_first.runs == 1 and after_first.rerun

    printed = prepare_day_end_print(device, supervisor, MONDAY, locale="zh_CN", fmt="a4")
    chinese = flat(pdftotext(printed.pdf, tmp_path))  # read back as poppler reads it
    assert printed.rerun and "副本" in chinese and flat("第 2 次结账（重新结账") in chinese
    english = flat(pdftotext(prepare_day_end_print(device, supervisor, MONDAY, locale="en",
                                                   fmt="a4").pdf, tmp_path))
    assert "COPY" in english and flat("close no. 2 (a re-run") in english

    late = record_complaint(device, teller, sample_intake())  # the day is closed: next day
    assert late.after_close and late.business_date == date(2026, 3, 3)
    figures = day_figures(device, MONDAY)
    assert figures.matches_close is True  # the closed day stays as HQ agreed it


def test_a_first_close_prints_no_copy_mark(sqlite_hq: LiveHq,
                                          make_branch: Callable[[LiveHq], Branch], tmp_path: Path,
                                          teller: Actor, supervisor: Actor) -> None:
    from desktop.services.printing import prepare_day_end_print

    device = make_branch(sqlite_hq).device("counter1")
    recorded = record_complaint(device, teller, sample_intake())
    assert not recorded.after_close and recorded.business_date == MONDAY
    with client_for(device) as client:
        close_day(device, client, MONDAY, closed_by=supervisor.staff_number)

    printed = prepare_day_end_print(device, supervisor, MONDAY, locale="zh_CN", fmt="a4")
    text = pdftotext(printed.pdf, tmp_path)
    assert not printed.rerun and "副本" not in text and "重新结账" not in text
