"""Printed documents (docs/ARCHITECTURE.md §7): plain data in, PDF bytes out. reportlab only —
no Qt, no database; the caller fills the dataclasses and decides where the bytes go
(Qt print dialog, preview, a file) and records the print on the timeline.

May import: desktop.domain (values, texts, masking), desktop.i18n, desktop.resources
and reportlab; never services, store, security, sync, the command line or Qt
(tests/test_layers.py).

Every PDF embeds a subset of the CJK font (resources/fonts/, text extractable,
identical on every PC), masks identity data (ID 110101********1234, phone
138****5678, names 张*丰, addresses 北京市****; also ID/card/mobile numbers inside
free text), and says 副本 / COPY on every page when `copy_number > 1`. Long text
flows onto further pages; nothing is clipped. Labels, dates and money follow
`locale` ("zh_CN" or "en", per call). Errors are `ReportError` (a DomainError).

Inputs (frozen, keyword-only dataclasses, reports.data):
    BankInfo, CustomerIdentity, ReceiptData, LetterData, RemedyTerms,
    ExtensionNoticeData, DayEndReportData, WorklistLine, SyncSummary
    load_bank_info(locale="zh_CN", branch_code=None, *, path=None) -> BankInfo
        from resources/branding/bank.json (names, hotlines, regulator 12378, logo)

Documents:
    render_receipt(data: ReceiptData, *, fmt="roll80"|"a5"|"a4", locale="zh_CN",
                   copy_number=1, copies=("customer", "bank")) -> bytes
        roll80: 80 mm wide, one page per copy, as tall as its content;
        a5/a4: each copy starts a new page. QR code = receipt_qr_payload(ref, code).
    letter_fields(outcome, data: LetterData, locale="zh_CN") -> dict[str, str]
        the resolution letter's editable texts (keys LETTER_FIELDS, in print order),
        from resources/templates/letters/<locale>/<outcome>.json, filled in.
    render_letter(data: LetterData, *, fields=None, locale="zh_CN", copy_number=1) -> bytes
        A4; `fields` = the (edited) dict from letter_fields; missing keys take the
        template's text, empty ones drop their section, unknown ones raise ReportError.
    render_extension_notice(data: ExtensionNoticeData, *, fmt="a4"|"a5",
                            locale="zh_CN", copy_number=1) -> bytes
    render_day_end_report(data: DayEndReportData, *, fmt="a4"|"a5",
                          locale="zh_CN", copy_number=1) -> bytes

    warm_up() -> None: register the font and lay out a small receipt once, so the
        first real document is fast; call it off the GUI thread at start-up.

Rendering may run on a worker thread (the UI must not block on it): the font is
registered once under a lock and documents share no mutable state of their own (the
process-wide caches of fixed text hold values that are never changed once stored).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reports.branding import load_bank_info
from reports.data import (
    BankInfo,
    CustomerIdentity,
    DayEndReportData,
    ExtensionNoticeData,
    LetterData,
    ReceiptData,
    RemedyTerms,
    ReportError,
    SyncSummary,
    WorklistLine,
)
from reports.receipt import receipt_qr_payload, render_receipt

if TYPE_CHECKING:
    from reports.day_end import render_day_end_report
    from reports.letter import LETTER_FIELDS, letter_fields, letter_template, render_letter
    from reports.notice import render_extension_notice
    from reports.warm import warm_up

# The sheet documents load platypus (~100 ms at start): imported on first use, so that a
# new process's first roll receipt does not wait for them.
_LAZY = {
    "render_day_end_report": "reports.day_end",
    "LETTER_FIELDS": "reports.letter",
    "letter_fields": "reports.letter",
    "letter_template": "reports.letter",
    "render_letter": "reports.letter",
    "render_extension_notice": "reports.notice",
    "warm_up": "reports.warm",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reports' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "LETTER_FIELDS",
    "BankInfo",
    "CustomerIdentity",
    "DayEndReportData",
    "ExtensionNoticeData",
    "LetterData",
    "ReceiptData",
    "RemedyTerms",
    "ReportError",
    "SyncSummary",
    "WorklistLine",
    "letter_fields",
    "letter_template",
    "load_bank_info",
    "receipt_qr_payload",
    "render_day_end_report",
    "render_extension_notice",
    "render_letter",
    "render_receipt",
    "warm_up",
]
