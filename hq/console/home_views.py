"""The dashboard: open, due soon, overdue and escalated, by branch and in total, with
the trend of complaints received; each figure links to its filtered list."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hq import casework
from hq.console.web import clock_of, render, require_staff, transaction

router = APIRouter()


@router.get("/")
def dashboard(request: Request) -> Response:
    session = require_staff(request)
    now = clock_of(request)()
    with transaction(request) as conn:
        figures = casework.dashboard(conn, now)
    chart = json.dumps({"days": [d.isoformat() for d, _ in figures.trend],
                        "counts": [n for _, n in figures.trend]})
    return render(request, "dashboard.html", session, figures=figures, chart=chart)
