"""The statistics table as the printed report's data (reports.statistics draws it)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from desktop.analytics.grid import Grid, statistics_grid
from desktop.analytics.statistics import StatisticsTable
from desktop.domain.taxonomy import Taxonomy
from desktop.i18n import translate
from reports.data import BankInfo
from reports.formatting import format_datetime
from reports.statistics import StatisticsReportData, render_statistics_report


def _joined(grid: Grid) -> tuple[tuple[str, ...], tuple[tuple[str | int, ...], ...], int]:
    """The code and label columns of each breakdown as one column ("B0101 活期储蓄")."""
    pairs = grid.key_columns // 2
    headers = tuple(grid.headers[2 * i + 1] for i in range(pairs)) + grid.headers[grid.key_columns:]
    rows = []
    for row in grid.rows:
        keys = tuple(" ".join(str(v) for v in row[2 * i:2 * i + 2] if v != "").strip()
                     for i in range(pairs))
        rows.append(keys + tuple(row[grid.key_columns:]))
    return headers, tuple(rows), pairs


def statistics_report_data(table: StatisticsTable, taxonomy: Taxonomy, bank: BankInfo,
                           locale: str, made_at: datetime, zone: tzinfo) -> StatisticsReportData:
    grid = statistics_grid(table, taxonomy, locale)
    headers, rows, keys = _joined(grid)
    t = table.total
    outcomes = ((translate("analytics.figure.upheld", locale), t.upheld),
                (translate("analytics.figure.partly_upheld", locale), t.partly_upheld),
                (translate("analytics.figure.not_upheld", locale), t.not_upheld),
                (translate("analytics.figure.withdrawn", locale), t.withdrawn),
                (translate("analytics.figure.open", locale), t.open))
    groups = tuple(sorted(((" / ".join(str(k) for k in row[:keys]), int(row[keys]))
                           for row in rows[:-1] if int(row[keys]) > 0),
                          key=lambda g: -g[1]))
    notes = [translate("analytics.report.as_of", locale,
                       when=format_datetime(table.as_of.astimezone(zone), locale))]
    if table.branches:
        notes.append(translate("analytics.report.branches", locale,
                               branches=", ".join(table.branches)))
    notes.append(translate("analytics.report.generated", locale,
                           when=format_datetime(made_at.astimezone(zone), locale)))
    return StatisticsReportData(bank=bank, title=grid.title, notes=tuple(notes), headers=headers,
                                rows=rows, key_columns=keys, outcomes=outcomes, groups=groups)


def statistics_pdf(table: StatisticsTable, taxonomy: Taxonomy, bank: BankInfo, locale: str,
                   made_at: datetime, zone: tzinfo) -> bytes:
    return render_statistics_report(
        statistics_report_data(table, taxonomy, bank, locale, made_at, zone), locale=locale)
