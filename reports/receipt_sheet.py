"""The receipt on A5 and A4 sheets, flowed by platypus (reports.layout); what it says comes
from reports.receipt, as on the roll."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table

from reports.data import ReceiptData
from reports.formatting import label
from reports.layout import (
    QrCode,
    Styles,
    copy_banner,
    field_table,
    para,
    render_halves,
    render_sheets,
    rule,
    signature_lines,
    styles,
    table_style,
)
from reports.paper import GREY, PAPERS, Paper, sheet_decorator
from reports.receipt_content import (
    contact_lines,
    field_rows,
    receipt_qr_payload,
    sections,
    signers,
)

HALF_SHEET_MARGIN = 10 * mm  # an A4 sheet holding both copies


def _copy_story(data: ReceiptData, copy: str, pp: Paper, st: Styles, locale: str,
                copy_number: int) -> list[Flowable]:
    width = pp.width - 2 * pp.margin
    story: list[Flowable] = [
        para(data.bank.bank_name, st.subtitle),
        para(data.bank.branch_name, st.small_centre),
        para(label("receipt.title", locale), st.title),
        para(label(f"receipt.{copy}_copy", locale), st.centre),
        *copy_banner(copy_number, locale, st),
        rule(),
        field_table(field_rows(data, locale), width, 26 * mm, st, grid=True),
    ]
    for heading, paragraphs in sections(data, locale):
        story += [para(heading, st.heading), *(para(text, st.body) for text in paragraphs)]
    story += _follow_up(data, width, st, locale)
    story += [para(label("receipt.keep_note", locale), st.small), rule(dashed=True),
              KeepTogether(signature_lines(signers(locale), width, st, columns=3))]
    return story


def _follow_up(data: ReceiptData, width: float, st: Styles, locale: str) -> list[Flowable]:
    heading = para(label("receipt.follow_up", locale), st.heading)
    lines = [para(text, st.body) for text in contact_lines(data, locale)]
    code_line = para(f"{label('field.verification_code', locale)}: {data.verification_code}", st.small)
    hint = para(label("receipt.qr_hint", locale), st.small)
    payload = receipt_qr_payload(data.reference, data.verification_code,
                                 data.bank.verification_url)
    qr_size = (28 if width > 150 * mm else 22) * mm
    side = max(qr_size, 36 * mm) + 4 * mm
    text_cell: list[Flowable] = [heading, *lines]
    table = Table([[text_cell, [QrCode(payload, qr_size), hint, code_line]]],
                  colWidths=(width - side, side))
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBEFORE", (1, 0), (1, 0), 0.3, GREY),
        ("LEFTPADDING", (1, 0), (1, 0), 4 * mm),
    ]))
    return [table]


def render_sheet_receipt(data: ReceiptData, pp: Paper, *, locale: str, copy_number: int,
                         copies: Sequence[str], title: str) -> bytes:
    """A5: each copy starts a new page; A4: both copies on one sheet with a cut line between
    them when each fits half a sheet, else a page each."""
    footer = label("letter.reference_line", locale, reference=data.reference)
    if pp.name == "a4" and len(copies) == 2:
        # Both copies on one A4 sheet, one above the other with a cut line between them;
        # copies too long for half a sheet get a sheet each as below.
        half = replace(pp, margin=HALF_SHEET_MARGIN, body_size=PAPERS["a5"].body_size)
        half_st = styles(half.body_size)
        top, bottom = (_copy_story(data, copy, half, half_st, locale, copy_number)
                       for copy in copies)
        pdf = render_halves(top, bottom, half, title=title, author=data.bank.bank_name,
                            decorate=sheet_decorator(half, footer, copy_number, locale),
                            cut_label=label("receipt.cut_line", locale))
        if pdf is not None:
            return pdf
    st = styles(pp.body_size)
    story: list[Flowable] = []
    for index, copy in enumerate(copies):
        if index:
            story.append(PageBreak())
        story += _copy_story(data, copy, pp, st, locale, copy_number)
    return render_sheets(story, pp, title=title, author=data.bank.bank_name,
                         decorate=sheet_decorator(pp, footer, copy_number, locale))
