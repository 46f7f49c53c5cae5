"""The dashboard: the office's figures at a glance, each linking to its list."""

from __future__ import annotations

import json
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hq import fleet, statistics
from hq.console.web import clock_of, render, require_staff, transaction

router = APIRouter()
TREND_DAYS = 30


@router.get("/")
def dashboard(request: Request) -> Response:
    session = require_staff(request)
    today = clock_of(request)().date()
    with transaction(request) as conn:
        branches = fleet.branch_summaries(conn)
        trend = statistics.received_per_day(conn, today - timedelta(days=TREND_DAYS - 1), today)
    chart = json.dumps({"days": [d.isoformat() for d, _ in trend],
                        "counts": [n for _, n in trend]})
    return render(request, "dashboard.html", session, branches=branches, trend=trend,
                  chart=chart, total_devices=sum(b.active_devices for b in branches))
