"""Printing a case document or the day-end report: the right it takes, which copy it is, and
the timeline entry. The counter's preview (ui/printing.py) and `admin print`
(desktop/print_commands.py) both call these; they differ only in where the PDF goes.

A case print is two steps, so that nothing is recorded for a print that did not happen:
`prepare_case_print` renders the next copy (print count + 1: a reprint says 副本 / COPY),
and `record_case_print` puts `document_printed` on the timeline once the PDF reached the
printer or the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from desktop.domain.model import Actor
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.cases import case_detail
from desktop.services.complaints import print_count, record_print
from desktop.services.context import ServiceContext
from desktop.services.day_close import day_close_runs
from desktop.services.day_report import day_figures
from desktop.services.documents import (
    case_letter_fields,
    device_name,
    letter_data,
    render_case_document,
    render_day_end,
)


@dataclass(frozen=True, slots=True)
class CasePrint:
    """A rendered case document and what its timeline entry needs."""

    complaint_id: str
    reference: str
    document: str
    copy_number: int
    fmt: str
    pdf: bytes


@dataclass(frozen=True, slots=True)
class DayEndPrint:
    business_date: date
    fmt: str
    pdf: bytes
    rerun: bool = False  # the day was closed more than once: the report says 副本/COPY


def prepare_case_print(ctx: ServiceContext, actor: Actor, document: str, complaint_id: str, *,
                       locale: str, fmt: str, fields: Mapping[str, str] | None = None) -> CasePrint:
    """Read the case and render `document` as its next print. `fields` are a letter's texts
    as edited (default: filled in from the case). Rendering needs no right (a preview);
    recording the print does. Raises NotFound, DocumentNotAvailable or ReportError."""
    detail = case_detail(ctx, complaint_id)
    copy_number = print_count(ctx, complaint_id, document) + 1
    pdf = render_case_document(document, detail, policy=ctx.policy, taxonomy=ctx.taxonomy,
                               zone=ctx.device.zone, today=ctx.business_date(), locale=locale,
                               copy_number=copy_number, fmt=fmt, staff_number=actor.staff_number,
                               fields=fields)
    return CasePrint(complaint_id, detail.view.reference, document, copy_number, fmt, pdf)


def record_case_print(ctx: ServiceContext, actor: Actor, printed: CasePrint) -> None:
    """Put the print on the case's timeline. Raises NotPermitted for a role that may not print."""
    record_print(ctx, actor, printed.complaint_id, document=printed.document,
                 copy_number=printed.copy_number)


def letter_texts(ctx: ServiceContext, actor: Actor, complaint_id: str,
                 locale: str) -> tuple[str, dict[str, str]]:
    """(reference, the decision letter's texts filled in from the case). Raises NotFound, or
    DocumentNotAvailable for a case without a decision."""
    detail = case_detail(ctx, complaint_id)
    data = letter_data(detail, policy=ctx.policy, taxonomy=ctx.taxonomy, zone=ctx.device.zone,
                       locale=locale, letter_date=ctx.business_date(),
                       staff_number=actor.staff_number)
    return detail.view.reference, case_letter_fields(data, ctx.policy, locale)


def prepare_day_end_print(ctx: ServiceContext, actor: Actor, business_date: date | None, *,
                          locale: str, fmt: str) -> DayEndPrint:
    """The day-end report of `business_date` (default: today). Raises NotPermitted for a role
    without the day-end report right, ReportError for a paper it is not offered on."""
    require(actor, Permission.REPORT_DAY_END)
    day = business_date or ctx.business_date()
    device = ctx.device
    runs = day_close_runs(ctx, day)
    pdf = render_day_end(day_figures(ctx, day), taxonomy=ctx.taxonomy, zone=device.zone,
                         locale=locale, generated_at=ctx.now(), operator=actor.staff_number,
                         device=device_name(device.branch_code, device.device_number, locale),
                         fmt=fmt, branch_code=device.branch_code, copy_number=max(runs, 1))
    return DayEndPrint(day, fmt, pdf, rerun=runs > 1)
