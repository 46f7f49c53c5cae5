from __future__ import annotations

import pytest

from reports import ReportError, SyncSummary, render_day_end_report, render_extension_notice
from tests.reports.helpers import (
    FULL_ID,
    MM,
    REFERENCE,
    day_end_data,
    flat,
    notice_data,
    page_sizes,
    page_texts,
    text_of,
    worklist,
)


def test_extension_notice_tells_old_and_new_deadline_reason_and_approver() -> None:
    text = flat(text_of(render_extension_notice(notice_data())))

    for expected in ("投诉处理期限延长告知书", REFERENCE, "尊敬的张三丰：", "2024年3月20日",
                     "2024年4月4日", "需向信用卡中心调取批量作业日志逐笔核对", "支行主管S0012",
                     "第1次", "12378", "（盖章）"):
        assert flat(expected) in text, expected
    assert FULL_ID not in text


def test_english_extension_notice_on_a5() -> None:
    pdf = render_extension_notice(notice_data("en"), fmt="a5", locale="en")

    assert page_sizes(pdf)[0] == pytest.approx((148 * MM, 210 * MM), abs=0.1)
    text = text_of(pdf)
    for expected in ("Notice of an Extended Decision Deadline", "from 20 March 2024 to 4 April 2024",
                     "because we must check the batch logs", "branch supervisor S0012"):
        assert expected in " ".join(text.split()), expected


def test_extension_notice_refuses_the_roll() -> None:
    with pytest.raises(ReportError):
        render_extension_notice(notice_data(), fmt="roll80")


def test_day_end_report_shows_counts_lists_and_reconciliation() -> None:
    text = flat(text_of(render_day_end_report(day_end_data())))

    for expected in ("日终报告", "2024年3月5日", "当日受理", "当日办结", "已逾期", "明日到期",
                     "已受理", "处理中", "已作出处理", "合计", "15",  # 3 + 5 + 7 by status
                     "银行卡/服务态度与质量", "110105-02-20240301-0002-K", "同步与对账",
                     "对账结果", "一致", "COUNTER-02", "主管签名"):
        assert expected in text, expected


def test_day_end_report_says_when_hq_could_not_be_reconciled() -> None:
    offline = SyncSummary(last_sync_at=None, unsent=14, local_events=96)
    text = flat(text_of(render_day_end_report(day_end_data(sync=offline))))

    assert "从未同步" in text and "未完成（未连接总行）" in text


def test_day_end_report_flags_a_mismatch_in_english() -> None:
    mismatch = SyncSummary(last_sync_at=None, local_events=96, hq_events=94, resent=2,
                           digests_match=False)
    text = text_of(render_day_end_report(day_end_data("en", sync=mismatch), locale="en"))

    assert "mismatch, needs review" in text
    assert "Day-End Report" in text and "Overdue complaints" in text


def test_a_long_overdue_list_flows_over_pages_with_every_complaint() -> None:
    pdf = render_day_end_report(day_end_data(overdue=120, overdue_items=worklist(120)))

    pages = page_texts(pdf)
    assert len(pages) >= 3
    text = flat("".join(pages))
    assert all(f"110105-02-20240301-{i:04d}-K" in text for i in range(120))
    assert "受理编号" in pages[1]  # the table header repeats on the next page


def test_reprinted_day_end_report_says_copy() -> None:
    pages = page_texts(render_day_end_report(day_end_data(), copy_number=2))

    assert all("COPY" in page for page in pages)
