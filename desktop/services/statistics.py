"""The branch's statistics (docs/ARCHITECTURE.md §14): the JR/T 0169 table of a period over
this profile's complaint rows, for those who hold `report.statistics`.

The figures themselves are defined once in desktop.analytics (HQ runs the same queries).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.analytics.output import write_statistics
from desktop.analytics.source import ComplaintSource, source_of
from desktop.analytics.statistics import Period, StatisticsTable, statistics
from desktop.domain.model import Actor
from desktop.security.permissions import require
from desktop.security.policy import Permission
from desktop.services.context import ServiceContext
from desktop.store.models import ComplaintRow, StatisticsCountRow


def branch_source() -> ComplaintSource:
    return source_of(ComplaintRow.__table__, StatisticsCountRow.__table__)  # type: ignore[arg-type]


def branch_statistics(ctx: ServiceContext, actor: Actor, first: date, last: date,
                      by: Sequence[str] = ()) -> StatisticsTable:
    """The statistics of the days `first`..`last` (the branch's time zone) broken down by
    `by`, "overdue" measured now. Raises NotPermitted without `report.statistics`,
    BadStatisticsRequest for a reversed or too long period or an unknown breakdown."""
    require(actor, Permission.REPORT_STATISTICS)
    period = Period(first, last, ctx.device.zone)
    with ctx.store.read() as s:
        return statistics(s, branch_source(), period, ctx.now(), by=by, taxonomy=ctx.taxonomy)


def write_branch_statistics(ctx: ServiceContext, actor: Actor, first: date, last: date,
                            by: Sequence[str], fmt: str, out: Path | None, locale: str) -> str:
    """The statistics of `branch_statistics` written as `fmt` (table, csv, xlsx, pdf) to
    `out`, labelled in `locale`, with the bank's letterhead for the PDF; what the command
    line and the app's export both call. Returns the text table when `out` is None, else "".
    Raises what `branch_statistics` raises, and OSError when the file cannot be written (a
    file is complete or not there at all)."""
    from reports.branding import load_bank_info

    table = branch_statistics(ctx, actor, first, last, by)
    bank = replace(load_bank_info(locale, ctx.device.branch_code),
                   branch_code=ctx.device.branch_code)
    return write_statistics(table, fmt, out, taxonomy=ctx.taxonomy, bank=bank, locale=locale,
                            made_at=ctx.now(), zone=ctx.device.zone)
