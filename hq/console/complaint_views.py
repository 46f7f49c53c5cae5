"""Complaints across branches: the search list and the case page (timeline, deadline,
identity masked until an officer reveals it, which is audited)."""

from __future__ import annotations

from datetime import date, datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response

from desktop.domain.model import Status
from hq import audit, casework
from hq.console.web import (
    ConsoleRefused,
    clock_of,
    console_post,
    render,
    require_staff,
    transaction,
    vault_of,
)
from hq.staff import StaffRole

router = APIRouter()
REVEALERS = (StaffRole.OFFICER, StaffRole.AUDITOR, StaffRole.ADMIN)


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@router.get("/complaints")
def complaints(request: Request, reference: str = "", customer: str = "", branch: str = "",
               business_type: str = "", cause: str = "", status: str = "", due: str = "",
               received_from: str = "", received_to: str = "", after: str = "") -> Response:
    session = require_staff(request)
    query = casework.Search(reference[:64], customer[:64], branch[:32], business_type[:40],
                            cause[:40], status[:20], due[:10], _date(received_from),
                            _date(received_to))
    before = None
    if "|" in after:
        at, _, last_id = after.partition("|")
        try:
            before = (datetime.fromisoformat(at), last_id[:64])
        except ValueError:
            before = None
    now = clock_of(request)()
    with transaction(request) as conn:
        rows = casework.search(conn, vault_of(request), query, now, before=before)
        taxonomy = casework.taxonomy_in_force(conn)
        if query.customer:
            audit.record(conn, session.member.number, "complaints.search_by_customer", now,
                         found=len(rows))
    next_after = (f"{rows[-1].received_at.isoformat()}|{rows[-1].id}"
                  if len(rows) == casework.PAGE_SIZE else "")
    return render(request, "complaints.html", session, query=query, rows=rows, now=now,
                  taxonomy=taxonomy, next_after=next_after,
                  statuses=[s.value for s in Status])


def _case_page(request: Request, reference: str, *, revealed: dict[str, str] | None = None,
               ) -> Response:
    session = require_staff(request)
    now = clock_of(request)()
    from hq import panel

    with transaction(request) as conn:
        detail = casework.case_detail(conn, reference)
        if detail is None:
            raise ConsoleRefused(404, "hq.decision.unknown_reference", reference=reference[:64])
        identity = casework.identity_of(conn, vault_of(request), detail.summary.id)
        taxonomy = casework.taxonomy_in_force(conn)
        case_panel = panel.find_panel(conn, detail.summary.reference)
    return render(request, "case.html", session, case=detail.summary, row=detail.row,
                  timeline=detail.timeline, masked=casework.masked(identity),
                  revealed=revealed, now=now, taxonomy=taxonomy, panel=case_panel,
                  may_reveal=session.member.role in REVEALERS)


@router.get("/complaints/{reference}")
def case_page(request: Request, reference: str) -> Response:
    return _case_page(request, reference)


@router.post("/complaints/{reference}/reveal")
async def reveal(request: Request, reference: str) -> Response:
    """Show the customer's identity in this answer only, and audit who looked."""
    post = await console_post(request, REVEALERS)
    with post.audited("identity.reveal") as conn:
        detail = casework.case_detail(conn, reference)
        if detail is None:
            raise ConsoleRefused(404, "hq.decision.unknown_reference", reference=reference[:64])
        identity = casework.identity_of(conn, vault_of(request), detail.summary.id)
        post.note(target=detail.summary.reference)
    return _case_page(request, reference, revealed=casework.plain(identity))
