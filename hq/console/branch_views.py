"""Branches and devices: add a branch, issue an enrollment code (shown once, with its
QR code), list devices with their last sync, revoke a device. Admins change; officers
and auditors look."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup

from hq import admin, enrollment, fleet
from hq.console.web import (
    CONSOLE_PREFIX,
    ConsoleRefused,
    console_post,
    render,
    require_staff,
    transaction,
)
from hq.errors import HqError
from hq.staff import StaffRole

router = APIRouter()
ADMINS = (StaffRole.ADMIN,)
CODE_VALIDITY = timedelta(hours=72)


@router.get("/branches")
def branches(request: Request) -> Response:
    session = require_staff(request)
    with transaction(request) as conn:
        rows = fleet.branch_summaries(conn)
    return render(request, "branches.html", session, branches=rows, error=None, form={})


@router.post("/branches")
async def add_branch(request: Request) -> Response:
    post = await console_post(request, ADMINS)
    code, name = post.text("code", 40), post.text("name", 300)
    try:
        with post.audited("branch.add", target=code) as conn:
            admin.add_branch(conn, code, name, post.now)
    except HqError as exc:
        with transaction(request) as conn:
            rows = fleet.branch_summaries(conn)
        return render(request, "branches.html", post.session, status=422, branches=rows,
                      error=exc, form={"code": code, "name": name})
    return RedirectResponse(f"{CONSOLE_PREFIX}/branches/{code}", status_code=303)


def _branch_page(request: Request, code: str, *, new_code: str | None = None,
                 status: int = 200) -> Response:
    session = require_staff(request)
    with transaction(request) as conn:
        name = fleet.branch_name(conn, code)
        if name is None:
            raise ConsoleRefused(404, "hq.branch.unknown", branch=code[:40])
        devices = fleet.devices_of(conn, code)
    qr = Markup(fleet.qr_svg(new_code)) if new_code else None  # our own SVG, no input in it
    return render(request, "branch.html", session, status=status, code=code, name=name,
                  devices=devices, new_code=new_code, qr=qr)


@router.get("/branches/{code}")
def branch(request: Request, code: str) -> Response:
    return _branch_page(request, code)


@router.post("/branches/{code}/enrollment-code")
async def issue_code(request: Request, code: str) -> Response:
    """The code is in this answer only (HQ keeps its hash): no redirect, no second look."""
    post = await console_post(request, ADMINS)
    try:
        with post.audited("enrollment_code.issue", target=code) as conn:
            new_code = enrollment.issue_enrollment_code(conn, code, post.now, CODE_VALIDITY)
    except HqError as exc:
        raise ConsoleRefused(exc.status, exc.code, **exc.params) from None
    return _branch_page(request, code, new_code=new_code)


@router.post("/branches/{code}/devices/{device_id}/revoke")
async def revoke(request: Request, code: str, device_id: str) -> Response:
    post = await console_post(request, ADMINS)
    try:
        with post.audited("device.revoke", target=device_id, branch=code) as conn:
            enrollment.revoke_device(conn, device_id, post.now)
    except HqError as exc:
        raise ConsoleRefused(exc.status, exc.code, **exc.params) from None
    return RedirectResponse(f"{CONSOLE_PREFIX}/branches/{code}", status_code=303)
