"""The statistics page: the JR/T 0169 table across branches or for one (hq.statistics, the
branches' own definitions), with CSV, XLSX and PDF downloads of the same table."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import Response

from desktop.analytics.grid import statistics_grid
from desktop.analytics.output import parse_day, write_statistics
from desktop.analytics.statistics import BadStatisticsRequest, check_dimensions
from desktop.i18n import translate
from hq.console.web import clock_of, locale_of, render, require_staff, transaction
from hq.statistics import DEFAULT_TIMEZONE, branch_codes, hq_statistics, published_taxonomy
from reports.branding import load_bank_info

router = APIRouter()
MEDIA = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "pdf": "application/pdf"}
ZONE = ZoneInfo(DEFAULT_TIMEZONE)


@router.get("/statistics")
def statistics_page(request: Request, first: str = "", last: str = "", by: str = "business_type",
                    branch: str = "", download: str = "") -> Response:
    session = require_staff(request)
    locale = locale_of(request)
    now = clock_of(request)()
    today = now.astimezone(ZONE).date()
    error = ""
    try:
        start = parse_day(first) if first else date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
        end = parse_day(last) if last else today
        dims = check_dimensions([d.strip() for d in by.split(",") if d.strip()])
    except BadStatisticsRequest as exc:
        error = exc.message(locale)
        start, end, dims = today - timedelta(days=today.day - 1), today, ("business_type",)
    with transaction(request) as conn:
        codes = branch_codes(conn)
        taxonomy = published_taxonomy(conn)
        chosen = [branch.strip().upper()] if branch.strip() else []
        if chosen and chosen[0] not in codes:
            error, chosen = translate("console.statistics.no_branch", locale), []
        try:
            table = hq_statistics(conn, start, end, ZONE, now, by=dims, branches=chosen,
                                  taxonomy=taxonomy)
        except BadStatisticsRequest as exc:
            error = exc.message(locale)
            table = hq_statistics(conn, today, today, ZONE, now, by=dims, branches=chosen,
                                  taxonomy=taxonomy)
    if download in MEDIA and not error:
        bank = replace(load_bank_info(locale), branch_code="",
                       branch_name=translate("analytics.report.hq", locale))
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / f"statistics.{download}"
            write_statistics(table, download, out, taxonomy=taxonomy, bank=bank, locale=locale,
                             made_at=now, zone=ZONE)
            body = out.read_bytes()
        name = f"statistics-{start.isoformat()}-{end.isoformat()}.{download}"
        return Response(body, media_type=MEDIA[download],
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    grid = statistics_grid(table, taxonomy, locale)
    return render(request, "statistics.html", session, grid=grid, first=start.isoformat(),
                  last=end.isoformat(), by=",".join(dims), branch=chosen[0] if chosen else "",
                  branches=codes, error=error, status=400 if error else 200)
