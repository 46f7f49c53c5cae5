"""HQ's office console: server-rendered pages under /console/ on the HQ app.

Views are thin: each reads the request, calls a use case in hq/ (staff, audit, admin,
...), and renders a Jinja2 template. Scripts come only from static/ (vendored htmx and
ECharts, and console.js), so the Content-Security-Policy forbids inline script.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from hq.console import (
    audit_views,
    auth_views,
    branch_views,
    complaint_views,
    escalation_views,
    extension_views,
    home_views,
    intake_api,
    intake_views,
    reference_views,
    statistics_views,
)
from hq.console.security import ConsoleHeadersMiddleware
from hq.console.web import (
    CONSOLE_PREFIX,
    DEFAULT_TIME_ZONE,
    HERE,
    Clock,
    ConsoleRedirect,
    ConsoleRefused,
    render,
)

STATIC_PREFIX = f"{CONSOLE_PREFIX}/static"


def mount_console(app: FastAPI, clock: Clock, time_zone: str = DEFAULT_TIME_ZONE) -> None:
    """Add the console's pages, static files, headers and error pages to `app`; the pages
    show times in `time_zone` (an IANA name; ZoneInfoNotFoundError for an unknown one)."""
    app.state.console_clock = clock
    app.state.console_zone = ZoneInfo(time_zone)
    for module in (auth_views, home_views, complaint_views, escalation_views, extension_views,
                   intake_views, branch_views, reference_views, audit_views, statistics_views):
        app.include_router(module.router, prefix=CONSOLE_PREFIX, include_in_schema=False)
    app.include_router(intake_api.router)  # JSON, in the OpenAPI document
    app.mount(STATIC_PREFIX, StaticFiles(directory=HERE / "static"), name="console-static")
    app.add_middleware(ConsoleHeadersMiddleware, prefix=CONSOLE_PREFIX,
                       static_prefix=STATIC_PREFIX)

    @app.exception_handler(ConsoleRedirect)
    async def redirect(_request: Request, exc: ConsoleRedirect) -> Response:
        return RedirectResponse(exc.location, status_code=303)

    @app.exception_handler(ConsoleRefused)
    async def refused(request: Request, exc: ConsoleRefused) -> Response:
        return render(request, "error.html", status=exc.status, code=exc.code,
                      params=exc.params)
