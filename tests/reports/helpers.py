"""Builders of document data and readers of the PDFs produced, shared by the report tests."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from desktop.domain.model import Outcome
from reports import (
    BankInfo,
    CustomerIdentity,
    DayEndReportData,
    ExtensionNoticeData,
    LetterData,
    ReceiptData,
    RemedyTerms,
    SyncSummary,
    WorklistLine,
    load_bank_info,
)

FULL_ID = "110101199003071234"
FULL_PHONE = "13812345678"
REFERENCE = "110105-02-20240305-0042-K"
MM = 72 / 25.4


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


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(text: str) -> str:
    """Text without any whitespace: line breaks and the spaces extractors add at them."""
    return "".join(text.split())


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


def fonts_of(pdf: bytes) -> list[dict[str, Any]]:
    """Every font resource of every page: base name, subtype, embedded-file keys."""
    found = []
    for page in reader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object().values() if fonts else []):
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            keys = set(descriptor.get_object().keys()) if descriptor else set()
            found.append({"name": str(font.get("/BaseFont")), "subtype": str(font.get("/Subtype")),
                          "files": keys & {"/FontFile", "/FontFile2", "/FontFile3"}})
    return found


def tool(name: str) -> str | None:
    return shutil.which(name)


def pdftotext(pdf: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    """Text as poppler's pdftotext reads it (the caller skips when the tool is absent)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout
