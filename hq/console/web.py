"""What every console view shares: templates, the language, the staff session, CSRF.

A view calls `require_staff(request, roles)` for the signed-in member (redirect to the
login page without a session; 403 for a role that may not, or for a device token),
`check_csrf(request, form, session)` before any change, and `render(...)` for HTML.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import Connection, Engine
from starlette.datastructures import FormData

from desktop.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale, translate
from hq import staff
from hq.staff import ConsoleSession, StaffRole
from hq.vault import Vault

CONSOLE_PREFIX = "/console"
SESSION_COOKIE = "cd_console"
PRELOGIN_COOKIE = "cd_console_pre"
LANG_COOKIE = "cd_console_lang"
CSRF_FIELD = "csrf_token"
HERE = Path(__file__).resolve().parent
Clock = Callable[[], datetime]


class ConsoleRedirect(Exception):
    """Answer with a redirect (to the login page, usually)."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class ConsoleRefused(Exception):
    """Answer with an HTML error page: `status` and a console message code."""

    def __init__(self, status: int, code: str, **params: Any) -> None:
        super().__init__(code)
        self.status, self.code, self.params = status, code, params


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals["prefix"] = CONSOLE_PREFIX
    env.globals["locales"] = LOCALES
    env.globals["csrf_field"] = CSRF_FIELD
    return env


TEMPLATES = _environment()


def locale_of(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    return normalise_locale(chosen) if chosen in LOCALES else DEFAULT_LOCALE


def translator(locale: str) -> Callable[..., str]:
    def t(code: str, **params: Any) -> str:
        return translate(code, locale, **params)
    return t


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def vault_of(request: Request) -> Vault:
    vault: Vault = request.app.state.vault
    return vault


def clock_of(request: Request) -> Clock:
    clock: Clock = request.app.state.console_clock
    return clock


@contextmanager
def transaction(request: Request) -> Iterator[Connection]:
    with engine_of(request).begin() as conn:
        yield conn


def render(request: Request, template: str, session: ConsoleSession | None = None, *,
           status: int = 200, **context: Any) -> HTMLResponse:
    """The page `template` in the request's language, with the session's CSRF token."""
    locale = locale_of(request)
    html = TEMPLATES.get_template(template).render(
        request=request, t=translator(locale), locale=locale, session=session,
        member=session.member if session else None,
        csrf_token=session.csrf_token if session else context.pop("csrf_token", ""),
        path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def login_location(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"{CONSOLE_PREFIX}/login?next={quote(target, safe='')}"


def require_staff(request: Request, roles: Iterable[StaffRole] | None = None,
                  ) -> ConsoleSession:
    """The signed-in member. A device token is refused outright (403): devices never
    open console pages, even with a session cookie beside it."""
    if "authorization" in request.headers:
        raise ConsoleRefused(403, "console.device_token_refused")
    with transaction(request) as conn:
        session = staff.session_for(conn, request.cookies.get(SESSION_COOKIE), clock_of(request)())
    if session is None:
        raise ConsoleRedirect(login_location(request))
    if roles is not None and session.member.role not in set(roles):
        raise ConsoleRefused(403, "console.role_refused", role=session.member.role.value)
    return session


def check_csrf(form: FormData, expected: str) -> None:
    """Refuse (403, nothing changed) a form whose CSRF token is missing or wrong."""
    given = form.get(CSRF_FIELD)
    if not isinstance(given, str) or not expected or not secrets.compare_digest(given, expected):
        raise ConsoleRefused(403, "console.csrf_refused")


def safe_next(target: str | None) -> str:
    """A redirect target inside the console only (no open redirect)."""
    if target and target.startswith(CONSOLE_PREFIX + "/") and not target.startswith("//") \
            and "\\" not in target and "://" not in target:
        return target
    return CONSOLE_PREFIX + "/"


def form_text(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""
