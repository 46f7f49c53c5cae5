"""Reference data: upload a document, see it against the published version, publish,
history, roll back. Admins change; auditors look."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from desktop.sync.wire import REFERENCE_KINDS
from hq import reference_data
from hq.console.web import (
    CONSOLE_PREFIX,
    ConsoleRefused,
    console_post,
    render,
    require_staff,
    transaction,
)
from hq.errors import HqError, InvalidRequest
from hq.staff import ConsoleSession, StaffRole

router = APIRouter()
READERS = (StaffRole.ADMIN, StaffRole.AUDITOR)
ADMINS = (StaffRole.ADMIN,)


def _kind(kind: str) -> str:
    if kind not in REFERENCE_KINDS:
        raise ConsoleRefused(404, "hq.reference.unknown_kind", kind=kind[:40])
    return kind


@router.get("/reference")
def overview(request: Request) -> Response:
    session = require_staff(request, READERS)
    with transaction(request) as conn:
        newest = {kind: next(iter(reference_data.history(conn, kind)), None)
                  for kind in REFERENCE_KINDS}
    return render(request, "reference.html", session, newest=newest)


def _kind_page(request: Request, session: ConsoleSession, kind: str, *, status: int = 200,
               error: HqError | None = None, notice: str = "") -> Response:
    with transaction(request) as conn:
        versions = reference_data.history(conn, kind)
    return render(request, "reference_kind.html", session, status=status, kind=kind,
                  versions=versions, error=error, notice=notice)


@router.get("/reference/{kind}")
def kind_page(request: Request, kind: str, published: int | None = None) -> Response:
    session = require_staff(request, READERS)
    notice = str(published) if published else ""
    return _kind_page(request, session, _kind(kind), notice=notice)


@router.get("/reference/{kind}/{version}")
def version_page(request: Request, kind: str, version: int) -> Response:
    session = require_staff(request, READERS)
    with transaction(request) as conn:
        try:
            content = reference_data.content_of(conn, _kind(kind), version)
        except HqError as exc:
            raise ConsoleRefused(exc.status, exc.code, **exc.params) from None
    text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=True)
    return render(request, "reference_version.html", session, kind=kind, version=version,
                  text=text)


@router.post("/reference/{kind}/preview")
async def preview(request: Request, kind: str) -> Response:
    """Check the upload as the branch would load it and show it against what is published."""
    post = await console_post(request, ADMINS)
    session = post.session
    kind = _kind(kind)
    upload = post.form.get("document")
    try:
        if not isinstance(upload, UploadFile):
            raise InvalidRequest("hq.reference.no_file")
        raw = await upload.read(reference_data.MAX_UPLOAD_BYTES + 1)
        content = reference_data.parse_upload(kind, raw)
        with transaction(request) as conn:
            published = reference_data.content_of(conn, kind)
            calendar = reference_data.content_of(conn, "calendar") if kind == "policy" else None
        reference_data.check(kind, content, calendar if isinstance(calendar, dict) else None)
    except HqError as exc:
        return _kind_page(request, session, kind, status=422, error=exc)
    diff = reference_data.diff_lines(published, content)
    return render(request, "reference_preview.html", session, kind=kind, diff=diff,
                  content=json.dumps(content, ensure_ascii=False), first=published is None)


@router.post("/reference/{kind}/publish")
async def publish(request: Request, kind: str) -> Response:
    post = await console_post(request, ADMINS)
    kind = _kind(kind)
    raw = post.form.get("content")
    try:
        content = reference_data.parse_upload(kind, raw if isinstance(raw, str) else "")
        with post.audited("reference.publish", target=kind) as conn:
            version = reference_data.publish(conn, kind, content, post.now)
            post.note(version=version)
    except HqError as exc:
        return _kind_page(request, post.session, kind, status=422, error=exc)
    return RedirectResponse(f"{CONSOLE_PREFIX}/reference/{kind}?published={version}",
                            status_code=303)


@router.post("/reference/{kind}/{version}/roll-back")
async def roll_back(request: Request, kind: str, version: int) -> Response:
    post = await console_post(request, ADMINS)
    kind = _kind(kind)
    try:
        with post.audited("reference.roll_back", target=kind, version=version) as conn:
            new_version = reference_data.roll_back(conn, kind, version, post.now)
            post.note(new_version=new_version)
    except HqError as exc:
        return _kind_page(request, post.session, kind, status=exc.status, error=exc)
    return RedirectResponse(f"{CONSOLE_PREFIX}/reference/{kind}?published={new_version}",
                            status_code=303)
