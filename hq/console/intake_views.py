"""Complaints from the other channels: HQ's hotline agents record phone, web, app, letter
and 12378-referral complaints for the responsible branch (hq.intake); admins issue and
revoke the intake API keys of the bank's web and app systems."""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from desktop.domain.model import Channel, CustomerKind, IdDocumentType
from desktop.services.intake import CustomerInput, Intake
from hq import casework, fleet, intake, intake_keys
from hq.console.web import (
    CONSOLE_PREFIX,
    ConsoleRefused,
    console_post,
    form_text,
    locale_of,
    render,
    require_staff,
    transaction,
    vault_of,
)
from hq.errors import HqError
from hq.staff import ConsoleSession, StaffRole

router = APIRouter()
AGENTS = (StaffRole.OFFICER,)
ADMINS = (StaffRole.ADMIN,)
FIELDS = ("branch", "channel", "kind", "name", "id_type", "id_number", "phone", "address",
          "credit_code", "business_type", "cause", "product", "amount", "description",
          "request")


def _form_page(request: Request, session: ConsoleSession, *, values: dict[str, str],
               status: int = 200, error: HqError | None = None,
               field_errors: dict[str, str] | None = None) -> Response:
    with transaction(request) as conn:
        branches = fleet.branch_summaries(conn)
        taxonomy = casework.taxonomy_in_force(conn)
    return render(request, "intake.html", session, status=status, values=values,
                  error=error, field_errors=field_errors or {}, branches=branches,
                  taxonomy=taxonomy, channels=[c.value for c in intake.HQ_CHANNELS],
                  id_types=[t.value for t in IdDocumentType])


@router.get("/intake")
def intake_form(request: Request, recorded: str = "") -> Response:
    session = require_staff(request, AGENTS)
    # The request id is made with the form, so a double submission records one complaint.
    values = {"request_id": uuid.uuid4().hex, "recorded": recorded[:64]}
    return _form_page(request, session, values=values)


def _intake_of(form: FormData) -> Intake:
    amount_text = form_text(form, "amount", 24)
    try:
        amount = Decimal(amount_text) if amount_text else None
    except InvalidOperation:
        amount = Decimal("NaN")  # refused by the counter's own amount check
    id_type = form_text(form, "id_type", 40)
    kind = form_text(form, "kind", 20)
    channel = form_text(form, "channel", 24)
    return Intake(
        customer=CustomerInput(
            kind=CustomerKind(kind) if kind in CustomerKind._value2member_map_
            else CustomerKind.INDIVIDUAL,
            name=form_text(form, "name", 200),
            id_type=IdDocumentType(id_type) if id_type in IdDocumentType._value2member_map_
            else None,
            id_number=form_text(form, "id_number", 64), phone=form_text(form, "phone", 64),
            address=form_text(form, "address", 200),
            credit_code=form_text(form, "credit_code", 64)),
        business_type=form_text(form, "business_type", 20), cause=form_text(form, "cause", 20),
        description=form_text(form, "description", 4000),
        request=form_text(form, "request", 4000),
        channel=Channel(channel) if channel in Channel._value2member_map_ else Channel.COUNTER,
        product=form_text(form, "product", 200), amount=amount,
        consent=form.get("consent") == "yes", contact_channel="phone")


@router.post("/intake")
async def record(request: Request) -> Response:
    post = await console_post(request, AGENTS)
    session, form = post.session, post.form
    values = {name: form_text(form, name, 4000) for name in (*FIELDS, "request_id")}
    values["consent"] = "yes" if form.get("consent") == "yes" else ""
    try:
        with post.audited("intake.record") as conn:
            done = intake.record_at_hq(
                conn, vault_of(request), branch_code=values["branch"], intake=_intake_of(form),
                officer=session.member.number, source="console",
                request_id=values["request_id"][:100] or uuid.uuid4().hex, now=post.now)
            post.note(target=done.reference, branch=done.branch_code)
    except intake.IntakeInvalid as exc:
        errors = {e.field: e.message(locale_of(request)) for e in exc.errors}
        return _form_page(request, session, values=values, status=422, field_errors=errors)
    except HqError as exc:
        return _form_page(request, session, values=values, status=exc.status, error=exc)
    return RedirectResponse(f"{CONSOLE_PREFIX}/intake?recorded={done.reference}",
                            status_code=303)


@router.get("/intake-keys")
def keys_page(request: Request) -> Response:
    session = require_staff(request, ADMINS)
    with transaction(request) as conn:
        systems = intake_keys.systems(conn)
    return render(request, "intake_keys.html", session, systems=systems, new_key=None,
                  error=None)


@router.post("/intake-keys")
async def issue(request: Request) -> Response:
    """The key is in this answer only (HQ keeps its hash)."""
    post = await console_post(request, ADMINS)
    new_key, error = None, None
    try:
        with post.audited("intake_key.issue") as conn:
            key_id, new_key = intake_keys.issue_key(conn, post.text("system", 64),
                                                    post.text("channel", 24), post.now)
            post.note(target=key_id)
    except HqError as exc:
        error = exc
    with transaction(request) as conn:
        systems = intake_keys.systems(conn)
    return render(request, "intake_keys.html", post.session, status=422 if error else 200,
                  systems=systems, new_key=new_key, error=error)


@router.post("/intake-keys/{key_id}/revoke")
async def revoke(request: Request, key_id: str) -> Response:
    post = await console_post(request, ADMINS)
    try:
        with post.audited("intake_key.revoke", target=key_id) as conn:
            intake_keys.revoke_key(conn, key_id, post.now)
    except HqError as exc:
        raise ConsoleRefused(exc.status, exc.code, **exc.params) from None
    return RedirectResponse(f"{CONSOLE_PREFIX}/intake-keys", status_code=303)
