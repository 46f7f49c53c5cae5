"""The notice telling a customer that the decision deadline has been extended (docs/ARCHITECTURE.md §8)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop.domain.documents import EXTENSION_NOTICE, FORMATS
from reports.data import ExtensionNoticeData, ReportError
from reports.formatting import format_date, is_chinese, label
from reports.identity import scrub_free_text
from reports.layout import copy_banner, field_table, para, prose, render_sheets, styles
from reports.paper import paper, sheet_decorator
from reports.parts import bank_signoff, letterhead

NOTICE_FORMATS = FORMATS[EXTENSION_NOTICE]


def render_extension_notice(data: ExtensionNoticeData, *, fmt: str = "a4", locale: str = "zh_CN",
                            copy_number: int = 1) -> bytes:
    """The deadline extension notice (A4 or A5) as PDF bytes.

    Raises ReportError for a format other than "a4"/"a5". copy_number > 1 marks
    every page 副本 / COPY.
    """
    if fmt not in NOTICE_FORMATS:
        raise ReportError("report.error.unknown_format", fmt=fmt)
    pp = paper(fmt)
    st = styles(pp.body_size)
    width = pp.width - 2 * pp.margin
    customer = data.customer
    name = data.masking.name_of(customer.name, corporate=customer.corporate)
    previous_due = format_date(data.previous_due, locale)
    new_due = format_date(data.new_due, locale)
    reason = scrub_free_text(data.reason.strip())
    if is_chinese(locale):
        reason = reason.rstrip("。")
    else:
        reason = reason.rstrip(".")
    body = data.policy_body.strip() or label(
        "notice.body", locale, received=format_date(data.received_at, locale),
        reference=data.reference, reason=reason, approver=data.approver,
        previous_due=previous_due, new_due=new_due)
    title_code = ("notice.holding_title" if data.policy_body.strip() else "notice.title")
    if not data.extension_number:
        title_code = "notice.holding_response_title"
    story: list[Flowable] = [
        *letterhead(data.bank, width, st, locale),
        *copy_banner(copy_number, locale, st),
        para(label(title_code, locale), st.title),
        para(label("letter.reference_line", locale, reference=data.reference), st.right),
        para(name, st.body),
    ]
    if customer.address:
        story.append(para(data.masking.address_of(customer.address), st.small))
    story += [
        para(label("letter.salutation", locale, name=name), st.heading),
        para(body, prose(st, locale)),
        Spacer(1, 2 * mm),
    ]
    if data.extension_number:
        rows = [
            (label("field.reference", locale), data.reference),
            (label("field.category", locale), data.category),
            (label("field.previous_due", locale), previous_due),
            (label("field.new_due", locale), new_due),
            (label("field.extension_number", locale),
             label("extension_ordinal", locale, number=data.extension_number)),
            (label("field.reason", locale), reason),
            (label("field.approver", locale), data.approver),
        ]
    else:  # a holding response: the deadline is not extended, the expected date is given
        rows = [
            (label("field.reference", locale), data.reference),
            (label("field.category", locale), data.category),
            (label("field.expected_by", locale), new_due),
            (label("field.reason", locale), reason),
        ]
    story.append(field_table(rows, width, (28 if pp.name == "a4" else 24) * mm, st, grid=True))
    story.append(para(label("notice.follow_up", locale), st.heading))
    bank = data.bank
    sep = "：" if is_chinese(locale) else ": "
    for code, number in (("contact.branch_phone", bank.branch_phone),
                         ("contact.bank_hotline", bank.bank_hotline),
                         ("contact.regulator_hotline", bank.regulator_hotline)):
        if number:
            story.append(para(label(code, locale) + sep + number, st.body))
    story.append(Spacer(1, 4 * mm))
    story.append(bank_signoff(bank, data.notice_date, width, st, locale,
                              [label("sign.responsible", locale)]))
    title = f"{label(title_code, locale)} {data.reference}"
    decorate = sheet_decorator(pp, label("letter.reference_line", locale, reference=data.reference),
                               copy_number, locale)
    return render_sheets(story, pp, title=title, author=bank.bank_name, decorate=decorate)
