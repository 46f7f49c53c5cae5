"""The day-end report printed after the close: the day's counts, the lists to act on
tomorrow, and whether the branch's records match HQ's (docs/ARCHITECTURE.md §5)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from desktop.domain.documents import DAY_END_REPORT, FORMATS
from desktop.domain.model import Status
from desktop.i18n import term
from reports.data import DayEndReportData, ReportError, SyncSummary, WorklistLine
from reports.formatting import format_count, format_date, format_datetime, label
from reports.layout import (
    Styles,
    copy_banner,
    field_table,
    para,
    render_sheets,
    signature_lines,
    styles,
    table_style,
)
from reports.paper import GREY, SHADE, paper, sheet_decorator
from reports.parts import letterhead

REPORT_FORMATS = FORMATS[DAY_END_REPORT]


def _grid(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
          st: Styles, *, numeric_from: int | None = None) -> Table:
    """A ruled table with a shaded header row that repeats on every page it spans."""
    right = len(header) if numeric_from is None else numeric_from
    data: list[list[Flowable]] = [[para(h, st.label) for h in header]]
    data += [[para(cell, st.right if i >= right else st.body) for i, cell in enumerate(row)]
             for row in rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, splitByRow=1, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GREY),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    table.setStyle(table_style(commands))
    return table


def _counts(rows: Sequence[tuple[str, int]], first: str, width: float, st: Styles,
            locale: str) -> Table:
    body = [[name, format_count(count, locale)] for name, count in rows]
    body.append([label("dayend.total", locale), format_count(sum(c for _, c in rows), locale)])
    return _grid([first, label("dayend.count", locale)], body, (width * 0.7, width * 0.3), st,
                 numeric_from=1)


def _worklist(title: str, items: Sequence[WorklistLine], width: float, st: Styles,
              locale: str) -> list[Flowable]:
    heading = para(title, st.heading)
    if not items:
        return [heading, para(label("dayend.none", locale), st.body)]
    header = [label("field.reference", locale), label("field.category", locale),
              label("field.decision_due", locale), label("dayend.assignee", locale)]
    rows = [[i.reference, i.category, format_datetime(i.decision_due, locale), i.assignee]
            for i in items]
    widths = (width * 0.32, width * 0.28, width * 0.24, width * 0.16)
    return [heading, _grid(header, rows, widths, st)]


def _sync_rows(sync: SyncSummary | None, locale: str) -> list[tuple[str, str]]:
    if sync is None or sync.last_sync_at is None:
        last = label("dayend.never", locale)
    else:
        last = format_datetime(sync.last_sync_at, locale)
    rows = [(label("dayend.last_sync", locale), last)]
    if sync is None:
        return [*rows, (label("dayend.reconciliation", locale), label("dayend.not_reconciled", locale))]
    n = format_count
    rows += [
        (label("dayend.pushed", locale), n(sync.pushed, locale)),
        (label("dayend.pulled", locale), n(sync.pulled, locale)),
        (label("dayend.unsent", locale), n(sync.unsent, locale)),
        (label("dayend.local_events", locale), n(sync.local_events, locale)),
        (label("dayend.hq_events", locale),
         "—" if sync.hq_events is None else n(sync.hq_events, locale)),
        (label("dayend.resent", locale), n(sync.resent, locale)),
    ]
    if sync.digests_match is None:
        verdict = label("dayend.not_reconciled", locale)
    else:
        verdict = label("dayend.reconciled" if sync.digests_match else "dayend.mismatch", locale)
    rows.append((label("dayend.reconciliation", locale), verdict))
    return rows


def _status_label(value: str, locale: str) -> str:
    try:
        return term("status", Status(value).value, locale)
    except ValueError:
        return value


def render_day_end_report(data: DayEndReportData, *, fmt: str = "a4", locale: str = "zh_CN",
                          copy_number: int = 1) -> bytes:
    """The day-end report (A4, or A5) as PDF bytes; long lists flow onto further pages.

    Holds no identity data: only references, categories, staff numbers and counts.
    Raises ReportError for an unknown format.
    """
    if fmt not in REPORT_FORMATS:
        raise ReportError("report.error.unknown_format", fmt=fmt)
    pp = paper(fmt)
    st = styles(pp.body_size)
    width = pp.width - 2 * pp.margin
    date_text = format_date(data.business_date, locale)
    story: list[Flowable] = [
        *letterhead(data.bank, width, st, locale),
        *copy_banner(copy_number, locale, st),
        para(f"{label('dayend.title', locale)}　{date_text}", st.title),
    ]
    head = [
        (label("dayend.business_date", locale), date_text),
        (label("dayend.generated_at", locale), format_datetime(data.generated_at, locale)),
        (label("dayend.operator", locale), data.operator),
    ]
    if data.device:
        head.append((label("dayend.device", locale), data.device))
    if data.close_run > 1:
        head.append((label("dayend.close_run", locale),
                     label("dayend.rerun", locale, run=data.close_run)))
    story.append(field_table(head, width, 30 * mm, st, grid=True))
    summary = [
        (label("dayend.received", locale), data.received),
        (label("dayend.resolved", locale), data.resolved),
        (label("dayend.overdue", locale), data.overdue),
        (label("dayend.due_tomorrow", locale), data.due_tomorrow),
    ]
    story.append(para(label("dayend.summary", locale), st.heading))
    story.append(_grid([name for name, _ in summary],
                       [[format_count(count, locale) for _, count in summary]],
                       [width / 4] * 4, st, numeric_from=0))
    by_status = [(_status_label(value, locale), count)
                 for value, count in data.counts_by_status.items()]
    story += [para(label("dayend.by_status", locale), st.heading),
              _counts(by_status, label("dayend.status", locale), width, st, locale)]
    story += [para(label("dayend.by_category", locale), st.heading),
              _counts(list(data.counts_by_category), label("dayend.category", locale), width, st,
                      locale)]
    story += _worklist(label("dayend.overdue_list", locale), data.overdue_items, width, st, locale)
    story += _worklist(label("dayend.due_tomorrow_list", locale), data.due_tomorrow_items, width,
                       st, locale)
    story += [para(label("dayend.sync", locale), st.heading),
              field_table(_sync_rows(data.sync, locale), width, 40 * mm, st, grid=True),
              Spacer(1, 6 * mm)]
    signers = [label("dayend.operator", locale), label("sign.supervisor", locale)]
    story.append(KeepTogether([signature_lines(signers, width, st, columns=2)]))
    title = f"{label('dayend.title', locale)} {data.business_date.isoformat()}"
    footer = f"{label('dayend.title', locale)} {date_text}"
    decorate = sheet_decorator(pp, footer, copy_number, locale)
    return render_sheets(story, pp, title=title, author=data.bank.bank_name, decorate=decorate)
