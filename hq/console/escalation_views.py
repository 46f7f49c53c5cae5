"""Escalated cases and their expert panels: form a panel, members give independent
opinions or recuse, the chair concludes (HQ's decision, pulled by the branch)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection
from starlette.datastructures import FormData

from desktop.domain.model import Outcome, Status
from hq import casework, panel
from hq.console.web import (
    CONSOLE_PREFIX,
    ConsolePost,
    ConsoleRefused,
    clock_of,
    console_post,
    form_text,
    locale_of,
    render,
    require_staff,
    transaction,
    vault_of,
    zone_of,
)
from hq.errors import HqError
from hq.staff import ConsoleSession, StaffRole
from reports.letter import customer_summary_opening

router = APIRouter()
ORGANISERS = (StaffRole.OFFICER, StaffRole.ADMIN)
DECIDERS = (StaffRole.OFFICER, StaffRole.PANEL_MEMBER)


@router.get("/escalations")
def escalations(request: Request) -> Response:
    session = require_staff(request)
    now = clock_of(request)()
    with transaction(request) as conn:
        rows = casework.search(conn, vault_of(request),
                               casework.Search(status=Status.ESCALATED.value), now)
        panels = {r.reference: panel.find_panel(conn, r.reference) for r in rows}
    return render(request, "escalations.html", session, rows=rows, panels=panels, now=now)


def _panel_page(request: Request, session: ConsoleSession, reference: str, *,
                status: int = 200, error: HqError | None = None) -> Response:
    now = clock_of(request)()
    with transaction(request) as conn:
        detail = casework.case_detail(conn, reference)
        if detail is None:
            raise ConsoleRefused(404, "hq.decision.unknown_reference", reference=reference[:64])
        found = panel.find_panel(conn, detail.summary.reference)
        opinions = own = None
        if found is not None:
            opinions = panel.opinions_for(conn, found, session.member.number,
                                          session.member.role)
            own = panel.own_opinion(conn, found, session.member.number)
        eligible = panel.eligible_staff(conn) if found is None or found.composition_problem() \
            else []
    me = session.member.number
    member = next((m for m in found.members if m.number == me), None) if found else None
    # The chair's customer-facing summary starts from the facts, in the second person.
    received = detail.summary.received_at.astimezone(zone_of(request)).date()
    summary = customer_summary_opening(received, detail.request, locale=locale_of(request))
    return render(request, "panel.html", session, status=status, case=detail.summary,
                  panel=found, opinions=opinions, own=own, customer_summary=summary,
                  me_on_panel=member, eligible=eligible, error=error, now=now,
                  outcomes=[o.value for o in Outcome],
                  may_organise=session.member.role in ORGANISERS)


@router.get("/escalations/{reference}")
def panel_page(request: Request, reference: str) -> Response:
    return _panel_page(request, require_staff(request), reference)


def _done(post: ConsolePost, reference: str, action: str,
          work: Callable[[Connection, datetime], object]) -> Response:
    """Run `work(conn, now)` and audit `action` in one transaction; a refusal re-renders
    the panel page with its message and changes nothing."""
    try:
        with post.audited(action, target=reference[:64]) as conn:
            work(conn, post.now)
    except HqError as exc:
        return _panel_page(post.request, post.session, reference, status=exc.status, error=exc)
    return RedirectResponse(f"{CONSOLE_PREFIX}/escalations/{reference}", status_code=303)


@router.post("/escalations/{reference}/panel")
async def form_panel(request: Request, reference: str) -> Response:
    post = await console_post(request, ORGANISERS)
    session, form = post.session, post.form
    members = [str(m) for m in form.getlist("members")]
    return _done(post, reference, "panel.form", lambda conn, now: panel.form_panel(
        conn, reference, complained_department=form_text(form, "complained_department", 64),
        chair=form_text(form, "chair", 32), members=members, formed_by=session.member.number,
        now=now))


@router.post("/escalations/{reference}/members")
async def add_member(request: Request, reference: str) -> Response:
    post = await console_post(request, ORGANISERS)
    return _done(post, reference, "panel.add_member", lambda conn, now:
                 panel.add_member(conn, reference, post.text("member", 32), now))


@router.post("/escalations/{reference}/recuse")
async def recuse(request: Request, reference: str) -> Response:
    post = await console_post(request, DECIDERS)
    session, form = post.session, post.form
    return _done(post, reference, "panel.recuse", lambda conn, now: panel.recuse(
        conn, reference, session.member.number, form_text(form, "reason", 500), now))


def _outcome(form: FormData) -> Outcome:
    try:
        return Outcome(form_text(form, "outcome", 20))
    except ValueError:
        raise ConsoleRefused(422, "console.panel.choose_outcome") from None


@router.post("/escalations/{reference}/opinion")
async def opinion(request: Request, reference: str) -> Response:
    post = await console_post(request, DECIDERS)
    session, form = post.session, post.form
    outcome = _outcome(form)
    return _done(post, reference, "panel.opinion", lambda conn, now:
                 panel.record_opinion(conn, reference, session.member.number, outcome=outcome,
                                      reasons=form_text(form, "reasons", 4000), now=now))


@router.post("/escalations/{reference}/conclude")
async def conclude(request: Request, reference: str) -> Response:
    post = await console_post(request, DECIDERS)
    session, form = post.session, post.form
    outcome = _outcome(form)
    return _done(post, reference, "panel.conclude", lambda conn, now:
                 panel.conclude(conn, reference, session.member.number, outcome=outcome,
                                findings=form_text(form, "findings", 4000),
                                verification=form_text(form, "verification", 4000),
                                remedy=form_text(form, "remedy", 4000),
                                compensation=form_text(form, "compensation", 24) or None,
                                basis=form_text(form, "basis", 4000),
                                basis_reference=form_text(form, "basis_reference", 400),
                                customer_summary=form_text(form, "customer_summary", 4000),
                                now=now))
