"""The acknowledgement receipt handed over at the counter: a customer copy and a bank copy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table

from desktop.domain.masking import MASKED, DocumentMasking
from desktop.i18n import normalise_locale
from reports.data import CustomerIdentity, ReceiptData, ReportError
from reports.formatting import format_date, format_datetime, label
from reports.identity import scrub_free_text
from reports.layout import (
    GREY,
    PAPERS,
    Paper,
    QrCode,
    Styles,
    copy_banner,
    draw_copy_mark,
    field_table,
    paper,
    para,
    render_halves,
    render_roll,
    render_sheets,
    rule,
    signature_lines,
    styles,
    table_style,
)
from reports.parts import sheet_decorator

COPIES = ("customer", "bank")
HALF_SHEET_MARGIN = 10 * mm  # an A4 sheet holding both copies
QR_PREFIX = "CDR1"


def receipt_qr_payload(reference: str, verification_code: str, verification_url: str = "") -> str:
    """What the receipt's QR code carries: the bank's verification address when its branding
    file names one (`verification_url` with {reference} and {code}, URL-quoted), otherwise
    'CDR1|<reference>|<verification code>'.

    A scanner at any counter can split the latter on '|' and look the complaint up; the
    verification code tells a genuine receipt from a forged one. Raises ReportError for an
    address template with another placeholder.
    """
    if verification_url:
        from urllib.parse import quote

        try:
            return verification_url.format(reference=quote(reference, safe=""),
                                           code=quote(verification_code, safe=""))
        except (KeyError, IndexError, ValueError) as exc:
            raise ReportError("report.error.bank_info_invalid",
                              detail="verification_url") from exc
    return f"{QR_PREFIX}|{reference}|{verification_code}"


def customer_rows(customer: CustomerIdentity, locale: str,
                  masking: DocumentMasking = MASKED) -> list[tuple[str, str]]:
    """The complainant's rows of a field table, masked as `masking` says."""
    rows = [(label("field.customer", locale),
             masking.name_of(customer.name, corporate=customer.corporate))]
    if customer.id_number:
        rows.append((label("field.id_document", locale),
                     f"{customer.id_type} {masking.id_number_of(customer.id_number)}".strip()))
    if customer.phone:
        rows.append((label("field.phone", locale), masking.phone_of(customer.phone)))
    return rows


def contact_lines(data: ReceiptData, locale: str) -> list[str]:
    bank = data.bank
    sep = "：" if normalise_locale(locale) == "zh_CN" else ": "
    pairs = (
        ("contact.branch_phone", bank.branch_phone),
        ("contact.bank_hotline", bank.bank_hotline),
        ("contact.regulator_hotline", bank.regulator_hotline),
    )
    return [label(code, locale) + sep + number for code, number in pairs if number]


def _copy_story(data: ReceiptData, copy: str, pp: Paper, st: Styles, locale: str,
                copy_number: int) -> list[Flowable]:
    roll = pp.height is None
    width = pp.width - 2 * pp.margin
    story: list[Flowable] = [
        para(data.bank.bank_name, st.subtitle),
        para(data.bank.branch_name, st.small_centre),
        para(label("receipt.title", locale), st.title),
        para(label(f"receipt.{copy}_copy", locale), st.centre),
        *copy_banner(copy_number, locale, st),
        rule(),
    ]
    rows = [
        (label("field.reference", locale), data.reference),
        (label("field.received_at", locale), format_datetime(data.received_at, locale)),
    ]
    if data.channel:
        rows.append((label("field.channel", locale), data.channel))
    rows += [
        (label("field.category", locale), data.category),
        (label("field.staff", locale), data.staff_number),
        *customer_rows(data.customer, locale, data.masking),
    ]
    # English labels ("Complainant") need more room than two or four Chinese characters.
    label_width = (17 if roll and locale.startswith("zh") else 22 if roll else 26) * mm
    story.append(field_table(rows, width, label_width, st, grid=not roll))
    story += [
        para(label("field.complaint", locale), st.heading),
        para(scrub_free_text(data.complaint_summary), st.body),
        para(label("field.request", locale), st.heading),
        para(scrub_free_text(data.request_summary), st.body),
        para(label("field.decision_due", locale), st.heading),
        para(_deadline_sentence(data, locale), st.body),
    ]
    if data.extended_due is not None:
        story.append(para(label("receipt.extended_to", locale,
                                due=format_date(data.extended_due, locale)), st.body))
    story += _follow_up(data, roll, width, st, locale)
    story += [para(label("receipt.keep_note", locale), st.small), rule(dashed=True)]
    signers = [label("sign.customer", locale), label("sign.staff", locale), label("field.date", locale)]
    if roll:
        story.append(signature_lines(signers, width, st))
    else:
        story.append(KeepTogether(signature_lines(signers, width, st, columns=3)))
    return story


def _deadline_sentence(data: ReceiptData, locale: str) -> str:
    due = format_date(data.decision_due, locale)
    if data.decision_days:
        code = ("receipt.deadline_with_business_days" if data.decision_days_working
                else "receipt.deadline_with_days")
        return label(code, locale, due=due, days=data.decision_days)
    return label("receipt.deadline", locale, due=due)


def _follow_up(data: ReceiptData, roll: bool, width: float, st: Styles,
               locale: str) -> list[Flowable]:
    heading = para(label("receipt.follow_up", locale), st.heading)
    lines = [para(text, st.body) for text in contact_lines(data, locale)]
    code_line = para(f"{label('field.verification_code', locale)}: {data.verification_code}", st.small)
    hint = para(label("receipt.qr_hint", locale), st.small)
    payload = receipt_qr_payload(data.reference, data.verification_code,
                                 data.bank.verification_url)
    if roll:
        qr = QrCode(payload, 30 * mm)
        qr.hAlign = "CENTER"
        return [heading, *lines, Spacer(1, 2 * mm), qr, para(label("receipt.qr_hint", locale)
                + " · " + data.verification_code, st.centre), Spacer(1, 1 * mm)]
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
    st = styles(pp.body_size)
    stories = [_copy_story(data, copy, pp, st, locale, copy_number) for copy in copies]
    title = f"{label('receipt.title', locale)} {data.reference}"
    if pp.height is None:
        mark = label("copy_mark", locale)

        def mark_reprint(canvas: Canvas, page: int) -> None:
            if copy_number > 1:
                width, height = canvas._pagesize
                draw_copy_mark(canvas, width, height, mark)

        return render_roll(stories, title=title, author=data.bank.bank_name,
                           decorate=mark_reprint)
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
    story: list[Flowable] = []
    for index, part in enumerate(stories):
        if index:
            story.append(PageBreak())
        story += part
    return render_sheets(story, pp, title=title, author=data.bank.bank_name,
                         decorate=sheet_decorator(pp, footer, copy_number, locale))
