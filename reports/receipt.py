"""The acknowledgement receipt handed over at the counter: a customer copy and a bank copy.

On the 80 mm roll (the counter's everyday print) it is a column of simple blocks drawn
straight onto the canvas (reports.blocks); A5 and A4 sheets are flowed by platypus
(reports.receipt_sheet, imported on the first sheet receipt). What it says comes from
reports.receipt_content either way.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.blocks import (
    Block,
    BlockStyles,
    Fields,
    Qr,
    Rule,
    SignatureLines,
    Space,
    Text,
    block_styles,
    render_roll_pages,
)
from reports.data import ReceiptData, ReportError
from reports.formatting import label
from reports.paper import PAPERS, ROLL_MAX_HEIGHT, draw_copy_mark, paper
from reports.receipt_content import (
    COPIES,
    QR_PREFIX,
    contact_lines,
    customer_rows,
    field_rows,
    receipt_qr_payload,
    sections,
    signers,
)

__all__ = ["COPIES", "QR_PREFIX", "contact_lines", "customer_rows", "receipt_qr_payload",
           "render_receipt"]


def _roll_copies(data: ReceiptData, copies: Sequence[str], locale: str,
                 copy_number: int) -> list[list[Block]]:
    """The blocks of each copy; what the copies share is worked out once."""
    st = block_styles(PAPERS["roll80"].body_size)
    rows = field_rows(data, locale)
    body = _roll_body(data, rows, locale, st)
    return [_roll_head(data, copy, locale, copy_number, st) + body for copy in copies]


def _roll_head(data: ReceiptData, copy: str, locale: str, copy_number: int,
               st: BlockStyles) -> list[Block]:
    # fixed: the same in every receipt of the branch (reports.blocks.seed_fixed_text)
    blocks: list[Block] = [
        Text(data.bank.bank_name, st.subtitle, fixed=True),
        Text(data.bank.branch_name, st.small_centre, fixed=True),
        Text(label("receipt.title", locale), st.title, fixed=True),
        Text(label(f"receipt.{copy}_copy", locale), st.centre, fixed=True),
    ]
    if copy_number > 1:  # a black band saying 副本 COPY
        blocks += [Text(label("reprint_note", locale, number=copy_number), st.mark, fixed=True),
                   Rule(space=2)]
    return blocks


def _roll_body(data: ReceiptData, rows: list[tuple[str, str]], locale: str,
               st: BlockStyles) -> list[Block]:
    # English labels ("Complainant") need more room than two or four Chinese characters.
    label_width = (17 if locale.startswith("zh") else 22) * mm
    blocks: list[Block] = [
        Rule(),
        Fields(rows, label_width, st.label, st.body, fixed_labels=True),
    ]
    for heading, paragraphs in sections(data, locale):
        blocks += [Text(heading, st.heading, fixed=True),
                   *(Text(text, st.body) for text in paragraphs)]
    payload = receipt_qr_payload(data.reference, data.verification_code,
                                 data.bank.verification_url)
    blocks += [
        Text(label("receipt.follow_up", locale), st.heading, fixed=True),
        *(Text(line, st.body, fixed=True) for line in contact_lines(data, locale)),
        Space(2 * mm),
        Qr(payload, 30 * mm),
        Text(label("receipt.qr_hint", locale) + " · " + data.verification_code, st.centre),
        Space(1 * mm),
        Text(label("receipt.keep_note", locale), st.small, fixed=True),
        Rule(dashed=True),
        SignatureLines(signers(locale), st.body),
    ]
    return blocks


def render_receipt(data: ReceiptData, *, fmt: str = "roll80", locale: str = "zh_CN",
                   copy_number: int = 1, copies: Sequence[str] = COPIES) -> bytes:
    """The acknowledgement receipt as PDF bytes.

    fmt: "roll80" (80 mm roll, one page per copy as tall as its content),
    "a5" (each copy starts a new page) or "a4" (both copies on one sheet with a cut line
    between them when each fits half a sheet, else a page each). copies: which of "customer" and
    "bank" to print, in that order. copy_number > 1 marks every page 副本 / COPY.
    Raises ReportError for an unknown format or copy name.
    """
    pp = paper(fmt)
    for copy in copies:
        if copy not in COPIES:
            raise ReportError("report.error.unknown_copy", copy=copy)
    title = f"{label('receipt.title', locale)} {data.reference}"
    if pp.height is not None:
        from reports.receipt_sheet import render_sheet_receipt  # platypus: sheets only

        return render_sheet_receipt(data, pp, locale=locale, copy_number=copy_number,
                                    copies=copies, title=title)
    mark = label("copy_mark", locale)

    def mark_reprint(canvas: Canvas, page: int) -> None:
        if copy_number > 1:
            width, height = canvas._pagesize
            draw_copy_mark(canvas, width, height, mark)

    return render_roll_pages(_roll_copies(data, copies, locale, copy_number),
                             width=pp.width, margin=pp.margin, max_height=ROLL_MAX_HEIGHT,
                             title=title, author=data.bank.bank_name, decorate=mark_reprint)
