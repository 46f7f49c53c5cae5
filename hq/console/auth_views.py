"""Log in (staff number, password, TOTP code), log out, choose the language."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from desktop.i18n import LOCALES
from hq import audit, staff
from hq.console.web import (
    CONSOLE_PREFIX,
    LANG_COOKIE,
    PRELOGIN_COOKIE,
    SESSION_COOKIE,
    check_csrf,
    clock_of,
    console_post,
    form_text,
    render,
    safe_next,
    transaction,
    vault_of,
)

router = APIRouter()
YEAR_SECONDS = 365 * 24 * 3600


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    token = request.cookies.get(PRELOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", csrf_token=token, next=safe_next(next), error=None)
    response.set_cookie(PRELOGIN_COOKIE, token, httponly=True, samesite="strict",
                        secure=_secure(request), path=CONSOLE_PREFIX)
    return response


@router.post("/login")
async def log_in(request: Request) -> Response:
    form = await request.form()
    expected = request.cookies.get(PRELOGIN_COOKIE, "")
    check_csrf(form, expected)
    number = form_text(form, "number", 32)
    target = safe_next(form_text(form, "next", 500))
    now = clock_of(request)()
    refusal: staff.LoginRefused | staff.AccountLocked | None = None
    with transaction(request) as conn:
        try:
            session = staff.log_in(conn, vault_of(request), number,
                                   form_text(form, "password", 1000),
                                   form_text(form, "code", 12), now)
        except (staff.LoginRefused, staff.AccountLocked) as exc:
            refusal = exc
            audit.record(conn, number or "-", "login.refused", now, reason=exc.code)
        else:
            audit.record(conn, number, "login", now)
    if refusal is not None:
        status = 423 if isinstance(refusal, staff.AccountLocked) else 401
        return render(request, "login.html", status=status, csrf_token=expected,
                      next=target, error=refusal)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, session.token, httponly=True, samesite="strict",
                        secure=_secure(request), path=CONSOLE_PREFIX)
    response.delete_cookie(PRELOGIN_COOKIE, path=CONSOLE_PREFIX)
    return response


@router.post("/logout")
async def log_out(request: Request) -> Response:
    post = await console_post(request)
    with post.audited("logout") as conn:
        staff.log_out(conn, post.session.token, post.now)
    response = RedirectResponse(f"{CONSOLE_PREFIX}/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path=CONSOLE_PREFIX)
    return response


@router.get("/lang/{locale}")
def choose_language(request: Request, locale: str, next: str = "") -> Response:
    """Switch the console's language (a preference only: no data changes)."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if locale in LOCALES:
        response.set_cookie(LANG_COOKIE, locale, max_age=YEAR_SECONDS, httponly=True,
                            samesite="strict", secure=_secure(request), path=CONSOLE_PREFIX)
    return response
