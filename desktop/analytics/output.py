"""One statistics table in the format asked for: a text table for the terminal, CSV, XLSX or
the PDF report. Shared by `complaint-desk admin statistics` and `complaint-desk-hq statistics`."""

from __future__ import annotations

import argparse
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path

from desktop.analytics.files import write_csv, write_xlsx
from desktop.analytics.grid import statistics_grid
from desktop.analytics.report import statistics_pdf
from desktop.analytics.statistics import BadStatisticsRequest, StatisticsTable
from desktop.domain.taxonomy import Taxonomy
from desktop.i18n import LOCALES, normalise_locale
from reports.data import BankInfo

FORMATS = ("table", "csv", "xlsx", "pdf")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")


def add_statistics_options(p: argparse.ArgumentParser) -> None:
    """The options `complaint-desk admin statistics` and `complaint-desk-hq statistics` share."""
    p.add_argument("--from", dest="first", required=True, metavar="DATE",
                   help="first day of the period, YYYY-MM-DD")
    p.add_argument("--to", dest="last", required=True, metavar="DATE",
                   help="last day of the period, YYYY-MM-DD (included)")
    p.add_argument("--by", default="", metavar="DIMS",
                   help="break down by these, comma-separated: channel, business_type, cause "
                        "(the JR/T 0169 axes), intake_channel, branch, root_cause")
    p.add_argument("--format", choices=FORMATS, default="table", help="output (default table)")
    p.add_argument("--out", type=Path, metavar="FILE",
                   help="where to write (needed for csv, xlsx and pdf)")
    p.add_argument("--lang", choices=LOCALES,
                   help="language of the labels (default: COMPLAINT_DESK_LANG or LANG)")


def parse_day(value: str) -> date:
    """A YYYY-MM-DD date; BadStatisticsRequest (analytics.cli.bad_date) otherwise."""
    try:
        if not _DATE_SHAPE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        shown = value if len(value) <= 20 and value.isascii() else "?"
        raise BadStatisticsRequest("analytics.cli.bad_date", value=shown) from None


@dataclass(frozen=True, slots=True)
class StatisticsRequest:
    first: date
    last: date
    by: tuple[str, ...]
    fmt: str
    out: Path | None
    locale: str


def parse_statistics_args(args: argparse.Namespace, default_locale: str) -> StatisticsRequest:
    """The request the options of `add_statistics_options` make, checked before anything is
    opened. Raises BadStatisticsRequest."""
    first, last = parse_day(args.first), parse_day(args.last)
    by = tuple(d.strip() for d in args.by.split(",") if d.strip())
    if args.format != "table" and args.out is None:
        raise BadStatisticsRequest("analytics.cli.needs_out", format=args.format)
    return StatisticsRequest(first, last, by, args.format, args.out,
                             normalise_locale(args.lang or default_locale))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str | int]],
               numeric_from: int) -> str:
    """Columns aligned for a terminal (a CJK character is two columns wide)."""
    cells = [list(headers)] + [[f"{v:,}" if isinstance(v, int) else str(v) for v in r]
                               for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        parts = []
        for i, value in enumerate(row):
            pad = " " * (widths[i] - _width(value))
            parts.append(pad + value if i >= numeric_from else value + pad)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def write_statistics(table: StatisticsTable, fmt: str, out: Path | None, *, taxonomy: Taxonomy,
                     bank: BankInfo, locale: str, made_at: datetime, zone: tzinfo) -> str:
    """Write `table` as `fmt` to `out` (the text table may go to stdout: returned when `out`
    is None). Returns the text table, or "" once a file is written. Raises OSError."""
    grid = statistics_grid(table, taxonomy, locale)
    if fmt == "table":
        text = grid.title + "\n" + text_table(grid.headers, grid.rows, grid.key_columns)
        if out is None:
            return text
        _write_bytes(out, (text + "\n").encode("utf-8"))
        return ""
    assert out is not None
    if fmt == "csv":
        write_csv(out, grid.headers, grid.rows)
    elif fmt == "xlsx":
        write_xlsx(out, grid.headers, grid.rows, sheet="JR-T 0169", title=grid.title)
    elif fmt == "pdf":
        _write_bytes(out, statistics_pdf(table, taxonomy, bank, locale, made_at, zone))
    else:
        raise ValueError(fmt)
    return ""


def _write_bytes(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
