"""Start-up warm-up: pay the one-off costs (font registration, reportlab's lazy imports,
styles, the QR encoder's tables) before the first customer waits for a receipt."""

from __future__ import annotations

from datetime import date, datetime

from reports.data import BankInfo, CustomerIdentity, ReceiptData
from reports.fonts import cjk_font
from reports.layout import PAPERS, styles
from reports.receipt import render_receipt


def warm_up() -> None:
    """Register the CJK font and lay out a throwaway receipt in both languages.

    Takes ~150 ms once; safe to call from a worker thread and more than once.
    Raises FileNotFoundError if the font is missing (better at start than at the counter).
    """
    cjk_font()
    for pp in PAPERS.values():
        styles(pp.body_size)
    sample = ReceiptData(
        bank=BankInfo(bank_name="预热 Warm-up", branch_name="预热 Warm-up"),
        reference="000000-00-00000000-0000-0",
        verification_code="00000000",
        received_at=datetime(2000, 1, 1),
        staff_number="0",
        category="预热，Warm-up。",
        customer=CustomerIdentity(name="预热"),
        complaint_summary="预热，Warm-up。",
        request_summary="预热",
        decision_due=date(2000, 1, 1),
        decision_days=15,
    )
    for locale in ("zh_CN", "en"):
        render_receipt(sample, fmt="roll80", locale=locale, copies=("customer",))
