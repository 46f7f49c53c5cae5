"""Second-extension approvals: the queue, approve or decline with a reason; the branch
pulls the answer (hq.admin.decide_extension)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from hq import admin, extension_queue
from hq.console.web import (
    CONSOLE_PREFIX,
    clock_of,
    console_post,
    render,
    require_staff,
    transaction,
)
from hq.errors import HqError
from hq.staff import StaffRole

router = APIRouter()
APPROVERS = (StaffRole.OFFICER,)


def _queue(request: Request, *, status: int = 200, error: HqError | None = None,
           done: str = "") -> Response:
    session = require_staff(request)
    with transaction(request) as conn:
        requests = extension_queue.pending(conn)
    return render(request, "extensions.html", session, status=status, requests=requests,
                  error=error, done=done, now=clock_of(request)(),
                  may_decide=session.member.role in APPROVERS)


@router.get("/extensions")
def queue(request: Request, done: str = "") -> Response:
    return _queue(request, done=done[:10])


@router.post("/extensions/{branch_code}/{reference}")
async def decide(request: Request, branch_code: str, reference: str) -> Response:
    post = await console_post(request, APPROVERS)
    approve = post.text("decision", 10) == "approve"
    try:
        with post.audited("extension.approve" if approve else "extension.decline",
                          target=reference[:64], branch=branch_code) as conn:
            admin.decide_extension(conn, branch_code, reference, officer=post.member.number,
                                   approve=approve, reason=post.text("reason", 1000),
                                   now=post.now)
    except HqError as exc:
        return _queue(request, status=exc.status, error=exc)
    answer = "approved" if approve else "declined"
    return RedirectResponse(f"{CONSOLE_PREFIX}/extensions?done={answer}", status_code=303)
