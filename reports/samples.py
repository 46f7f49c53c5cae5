"""Example data of every document: one source for the start-up warm-up, the benchmarks
(bench/bench_reports.py) and the report tests (tests/reports/helpers.py).

A complaint about a credit card's annual fee charged twice, at 示例商业银行北京朝阳支行
(resources/branding/bank.json), in Chinese or English; keyword changes replace fields.
Light to import (no layout engine), so a new process can time its first receipt.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from desktop.domain.model import Outcome
from reports.branding import load_bank_info
from reports.data import (
    BankInfo,
    CustomerIdentity,
    DayEndReportData,
    ExtensionNoticeData,
    LetterData,
    ReceiptData,
    RemedyTerms,
    SyncSummary,
    WorklistLine,
)

FULL_ID = "110101199003071234"
FULL_PHONE = "13812345678"
REFERENCE = "110105-02-20240305-0042-K"


def customer() -> CustomerIdentity:
    return CustomerIdentity(name="张三丰", id_type="居民身份证", id_number=FULL_ID,
                            phone=FULL_PHONE, address="北京市朝阳区建国路88号院3号楼1单元502")


def bank(locale: str = "zh_CN") -> BankInfo:
    return load_bank_info(locale)


def receipt_data(locale: str = "zh_CN", **changes: Any) -> ReceiptData:
    zh = locale == "zh_CN"
    data = ReceiptData(
        bank=bank(locale), reference=REFERENCE, verification_code="7QK3M9TX",
        received_at=datetime(2024, 3, 5, 14, 30), staff_number="T0012",
        category="银行卡 / 服务态度与质量" if zh else "Bank cards / service quality",
        customer=customer(), channel="营业网点柜面" if zh else "Branch counter",
        complaint_summary=("客户反映其信用卡于2024年3月1日被重复扣收年费200元，多次致电客服未获解决。"
                           if zh else "The customer's credit card was charged the annual fee twice."),
        request_summary="退还重复扣收的年费。" if zh else "Refund the second fee.",
        decision_due=date(2024, 3, 20), decision_days=15,
    )
    return replace(data, **changes)


def letter_data(locale: str = "zh_CN", outcome: Outcome = Outcome.PARTLY_UPHELD,
                **changes: Any) -> LetterData:
    zh = locale == "zh_CN"
    data = LetterData(
        bank=bank(locale), reference=REFERENCE, customer=customer(), letter_date=date(2024, 3, 18),
        received_at=datetime(2024, 3, 5, 14, 30),
        category="银行卡 / 服务态度与质量" if zh else "Bank cards / service quality",
        outcome=outcome,
        complaint_summary="年费被重复扣收。" if zh else "The annual fee was charged twice.",
        request_summary="退还重复扣收的年费。" if zh else "Refund the second fee.",
        verification="调取了交易明细与通话录音。" if zh else "We checked the statement and call recordings.",
        findings="系统批量作业重复执行。" if zh else "A batch job ran twice.",
        decision="退还年费并培训相关人员。" if zh else "We refund the fee and retrain our staff.",
        remedy="退还年费200元" if zh else "We refunded CNY 200.",
        compensation=Decimal("50"),
        remedy_terms=RemedyTerms(review_request_days=30, review_decision_days=30),
        staff_number="T0012",
    )
    return replace(data, **changes)


def notice_data(locale: str = "zh_CN", **changes: Any) -> ExtensionNoticeData:
    zh = locale == "zh_CN"
    data = ExtensionNoticeData(
        bank=bank(locale), reference=REFERENCE, customer=customer(), notice_date=date(2024, 3, 18),
        received_at=datetime(2024, 3, 5, 14, 30),
        category="银行卡 / 服务态度与质量" if zh else "Bank cards / service quality",
        previous_due=date(2024, 3, 20), new_due=date(2024, 4, 4),
        reason="需向信用卡中心调取批量作业日志逐笔核对" if zh else "we must check the batch logs",
        approver="支行主管 S0012" if zh else "branch supervisor S0012", extension_number=1,
    )
    return replace(data, **changes)


def worklist(count: int) -> tuple[WorklistLine, ...]:
    return tuple(
        WorklistLine(reference=f"110105-02-20240301-{i:04d}-K", category="银行卡 / 服务态度与质量",
                     decision_due=datetime(2024, 3, 4, 17, 0) + timedelta(minutes=i),
                     assignee="T0012")
        for i in range(count)
    )


def day_end_data(locale: str = "zh_CN", **changes: Any) -> DayEndReportData:
    data = DayEndReportData(
        bank=bank(locale), business_date=date(2024, 3, 5), generated_at=datetime(2024, 3, 5, 18, 2),
        operator="S0012", device="COUNTER-02", received=12, resolved=7, overdue=3, due_tomorrow=2,
        counts_by_status={"received": 3, "in_progress": 5, "resolved": 7},
        counts_by_category=[("银行卡 / 服务态度与质量", 5), ("个人贷款 / 合同条款", 4)],
        overdue_items=worklist(3), due_tomorrow_items=worklist(2),
        sync=SyncSummary(last_sync_at=datetime(2024, 3, 5, 18, 1), pushed=84, pulled=12, unsent=0,
                         local_events=96, hq_events=96, resent=0, digests_match=True),
    )
    return replace(data, **changes)
