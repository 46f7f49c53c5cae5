"""The audit log, newest first (auditors and admins)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from hq import audit
from hq.console.web import render, require_staff, transaction
from hq.staff import StaffRole

router = APIRouter()
PAGE = 100


@router.get("/audit")
def audit_log(request: Request, before: int | None = None, staff: str = "") -> Response:
    session = require_staff(request, (StaffRole.AUDITOR, StaffRole.ADMIN))
    with transaction(request) as conn:
        entries = audit.recent(conn, limit=PAGE, staff_number=staff or None, before_id=before)
    return render(request, "audit.html", session, entries=entries, staff=staff,
                  more=len(entries) == PAGE)


