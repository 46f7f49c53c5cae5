"""What every console view shares: templates, the language, the staff session, CSRF.

A page calls `require_staff(request, roles)` for the signed-in member (redirect to the
login page without a session; 403 for a role that may not, or for a device token) and
`render(...)` for HTML. A change (a POST) starts with `post = await console_post(request,
roles)` (session, role, CSRF checked; the form read) and does its work in
`with post.audited(action, target=...) as conn:`: one transaction holding the work and its
audit entry, so both are written or neither.

Times are shown in the bank's local time zone (`time_zone`, default Asia/Shanghai):
templates write `when(moment)`, never `moment.strftime`, as HQ keeps every instant in UTC.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import Connection, Engine
from starlette.datastructures import FormData

from desktop.i18n import DEFAULT_LOCALE, LOCALES, normalise_locale, translate
from hq import audit, staff
from hq.staff import ConsoleSession, StaffRole
from hq.vault import Vault

CONSOLE_PREFIX = "/console"
SESSION_COOKIE = "cd_console"
PRELOGIN_COOKIE = "cd_console_pre"
LANG_COOKIE = "cd_console_lang"
CSRF_FIELD = "csrf_token"
HERE = Path(__file__).resolve().parent
DEFAULT_TIME_ZONE = "Asia/Shanghai"
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


def zone_of(request: Request) -> ZoneInfo:
    zone: ZoneInfo = request.app.state.console_zone
    return zone


def local_time(zone: ZoneInfo) -> Callable[..., str]:
    """`when(moment, format)` for templates: an aware instant in the bank's time zone."""
    def when(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return "" if moment is None else moment.astimezone(zone).strftime(fmt)
    return when


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
        when=local_time(zone_of(request)), zone=zone_of(request).key,
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


@dataclass
class ConsolePost:
    """A checked console form (see `console_post`): the member, the form, the moment."""

    request: Request
    session: ConsoleSession
    form: FormData
    now: datetime
    _detail: dict[str, Any] = field(default_factory=dict)

    @property
    def member(self) -> staff.StaffMember:
        return self.session.member

    def text(self, name: str, limit: int = 2000) -> str:
        return form_text(self.form, name, limit)

    def note(self, **detail: Any) -> None:
        """Add to the audit entry what the work found out (a new reference, say)."""
        self._detail.update(detail)

    @contextmanager
    def audited(self, action: str, *, target: str = "", **detail: Any) -> Iterator[Connection]:
        """A transaction for the work; on success it also appends the audit entry
        (`action` on `target`, with `detail` and whatever `note` added). Any exception
        rolls back both and goes on to the caller."""
        self._detail = dict(detail)
        with transaction(self.request) as conn:
            yield conn
            entry = dict(self._detail)
            where = str(entry.pop("target", target))
            audit.record(conn, self.member.number, action, self.now, target=where[:128],
                         **entry)


async def console_post(request: Request, roles: Iterable[StaffRole] | None = None,
                       ) -> ConsolePost:
    """The start of every console change: the signed-in member (require_staff: redirect,
    403 for a device token or a role that may not), its form read and its CSRF token
    checked (403, nothing changed), and the moment of the change."""
    session = require_staff(request, roles)
    form = await request.form()
    check_csrf(form, session.csrf_token)
    return ConsolePost(request, session, form, clock_of(request)())
