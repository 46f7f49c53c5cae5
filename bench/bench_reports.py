"""Benchmarks of the printed documents (docs/ARCHITECTURE.md §7; targets in this module).

`run(quick)` returns one row per measurement: {"name", "target_ms", "median_ms", "p95_ms"}.
The roll receipt and the letter are timed alternately (A B A B) with a naive reportlab
platypus document of the same text, font and page size (bench/naive_reports.py): their rows
carry `floor_ms` and `ratio` (issue 16: receipt ≥ 3× faster, letter ≥ 2×).
Warm rows time a render in this process after one untimed render; the cold row
starts a fresh interpreter each time and times `import reports` plus the first
receipt (interpreter start-up itself excluded), i.e. a counter PC's first print
when the app did not call `reports.warm_up()` at start.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.naive_reports import render_naive, same_text_and_size  # noqa: E402
from bench.timing import alternate, row  # noqa: E402
from desktop.domain.model import Outcome  # noqa: E402
from reports import (  # noqa: E402
    CustomerIdentity,
    DayEndReportData,
    ExtensionNoticeData,
    LetterData,
    ReceiptData,
    RemedyTerms,
    SyncSummary,
    WorklistLine,
    load_bank_info,
    render_day_end_report,
    render_extension_notice,
    render_letter,
    render_receipt,
)
from reports.layout import PAPERS  # noqa: E402

CUSTOMER = CustomerIdentity(name="张三丰", id_type="居民身份证", id_number="110101199003071234",
                            phone="13812345678", address="北京市朝阳区建国路88号院3号楼1单元502")
REFERENCE = "110105-02-20240305-0042-K"
COMPLAINT = "客户反映其信用卡于2024年3月1日被重复扣收年费200元，多次致电客服未获解决，认为我行未履行告知义务。"


def _receipt() -> ReceiptData:
    return ReceiptData(
        bank=load_bank_info("zh_CN"), reference=REFERENCE, verification_code="7QK3M9TX",
        received_at=datetime(2024, 3, 5, 14, 30), staff_number="T0012",
        category="银行卡 / 服务态度与质量", customer=CUSTOMER, channel="营业网点柜面",
        complaint_summary=COMPLAINT, request_summary="退还重复扣收的年费200元，并书面说明原因。",
        decision_due=date(2024, 3, 20), decision_days=15,
    )


def _letter() -> LetterData:
    return LetterData(
        bank=load_bank_info("zh_CN"), reference=REFERENCE, customer=CUSTOMER,
        letter_date=date(2024, 3, 18), received_at=datetime(2024, 3, 5, 14, 30),
        category="银行卡 / 服务态度与质量", outcome=Outcome.PARTLY_UPHELD,
        complaint_summary=COMPLAINT, request_summary="退还重复扣收的年费200元，并书面说明原因。",
        verification="我行调取了您的信用卡账户交易明细、年费收取记录及客服通话录音，并与信用卡中心核对了系统日志。",
        findings="2024年3月1日系统批量作业重复执行，导致部分客户被重复扣收年费；客服人员未及时升级处理。",
        decision="我行将退还重复扣收的年费，并对相关客服人员进行培训。",
        remedy="退还重复扣收的年费200元至您的信用卡账户", compensation=Decimal("50"),
        remedy_terms=RemedyTerms(review_request_days=30, review_decision_days=30),
    )


def _notice() -> ExtensionNoticeData:
    return ExtensionNoticeData(
        bank=load_bank_info("zh_CN"), reference=REFERENCE, customer=CUSTOMER,
        notice_date=date(2024, 3, 18), received_at=datetime(2024, 3, 5, 14, 30),
        category="银行卡 / 服务态度与质量", previous_due=date(2024, 3, 20), new_due=date(2024, 4, 4),
        reason="需向信用卡中心调取系统批量作业日志并逐笔核对", approver="支行主管 S0012",
    )


def _day_end() -> DayEndReportData:
    items = tuple(
        WorklistLine(reference=f"110105-02-20240301-{i:04d}-K", category="银行卡 / 服务态度与质量",
                     decision_due=datetime(2024, 3, 4, 17) + timedelta(minutes=i), assignee="T0012")
        for i in range(20)
    )
    return DayEndReportData(
        bank=load_bank_info("zh_CN"), business_date=date(2024, 3, 5),
        generated_at=datetime(2024, 3, 5, 18, 2), operator="S0012", device="COUNTER-02",
        received=12, resolved=7, overdue=20, due_tomorrow=5,
        counts_by_status={"received": 3, "in_progress": 5, "resolved": 7, "closed": 4},
        counts_by_category=[("银行卡 / 服务态度与质量", 5), ("个人贷款 / 合同条款", 4)],
        overdue_items=items, due_tomorrow_items=items[:5],
        sync=SyncSummary(last_sync_at=datetime(2024, 3, 5, 18, 1), pushed=84, local_events=96,
                         hq_events=96, digests_match=True),
    )


def _row(name: str, target_ms: float, samples: list[float], **extra: Any) -> dict[str, Any]:
    return row(name, target_ms, samples, digits=2, **extra)


def _vs_naive(name: str, target_ms: float, render: Callable[[], bytes], body_size: float,
              rounds: int, target_ratio: float) -> dict[str, Any]:
    """Our render A B A B beside a naive platypus document of the same text and page size
    (bench/naive_reports.py); the row's ratio is ours ÷ naive."""
    pages, size = same_text_and_size(render())
    ours, naive = alternate(render, lambda: render_naive(pages, size, body_size),
                            repeat=rounds, warmup=1)
    return _row(name, target_ms, ours, floor=naive, target_ratio=target_ratio,
                floor_name="naive reportlab platypus document, same text, font and size")


def _warm(render: Callable[[], bytes], rounds: int) -> list[float]:
    render()  # untimed: first-use costs belong to the cold row
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        render()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


_COLD_SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
import reports
from bench.bench_reports import _receipt
reports.render_receipt(_receipt(), fmt="roll80")
print((time.perf_counter() - start) * 1000)
"""


def _cold(rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", _COLD_SCRIPT.format(root=str(ROOT))],
                             check=True, capture_output=True, text=True, timeout=120, cwd=ROOT)
        samples.append(float(out.stdout.strip().splitlines()[-1]))
    return samples


def run(quick: bool) -> list[dict[str, Any]]:
    """Measure every document; `quick` takes fewer rounds (for CI smoke runs)."""
    rounds = 10 if quick else 60
    receipt, letter, notice, day_end = _receipt(), _letter(), _notice(), _day_end()
    return [
        # issue 16: the receipt at least 3× faster than the naive one, the letter 2×
        _vs_naive("reports.receipt_roll80_warm", 30, lambda: render_receipt(receipt, fmt="roll80"),
                  PAPERS["roll80"].body_size, rounds, 1 / 3),
        _row("reports.receipt_a5_warm", 30, _warm(lambda: render_receipt(receipt, fmt="a5"), rounds)),
        _row("reports.receipt_a4_reprint_warm", 30,
             _warm(lambda: render_receipt(receipt, fmt="a4", copy_number=2), rounds)),
        _vs_naive("reports.letter_a4_warm", 60, lambda: render_letter(letter),
                  PAPERS["a4"].body_size, rounds, 0.5),
        _row("reports.extension_notice_a4_warm", 60,
             _warm(lambda: render_extension_notice(notice), rounds)),
        _row("reports.day_end_report_a4_warm", 120,
             _warm(lambda: render_day_end_report(day_end), max(3, rounds // 3))),
        _row("reports.first_receipt_cold", 200, _cold(3 if quick else 10)),
    ]


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(f"{row['name']:40s} target {row['target_ms']:>5} ms  median {row['median_ms']:>7} ms"
              f"  p95 {row['p95_ms']:>7} ms")
